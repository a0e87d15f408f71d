package eval

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestStages(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range Stages() {
		if s.Name == "" || s.Run == nil || seen[s.Name] {
			t.Errorf("stage %q: empty, without a runner or listed twice", s.Name)
		}
		seen[s.Name] = true
	}
	if names := StageNames(); len(names) != len(seen) {
		t.Errorf("StageNames lists %d stages, Stages %d", len(names), len(seen))
	}
}

func TestRunStageErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none")
	for _, tc := range []struct {
		name, stage, data string
		want              error
	}{
		{"unknown stage", "nope", t.TempDir(), ErrUnknownStage},
		{"missing data", "quotes", missing, os.ErrNotExist},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := RunStage(t.Context(), tc.stage, StageOptions{Data: tc.data}); !errors.Is(err, tc.want) {
				t.Errorf("RunStage(%q) = %v, want %v", tc.stage, err, tc.want)
			}
		})
	}
}
