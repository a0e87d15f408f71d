package eval

import (
	"bytes"
	"context"
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

// TestStageData: every stage takes the evaluation root, spelled as the
// folder holding data/, gold/ and seeds/ or as its data/ folder, and
// finds its own data under it; a stage's own file or folder is read as
// given.
func TestStageData(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"data/extraction", "data/mds", "data/quotes", "data/clustering", "gold", "seeds"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	own := filepath.Join(t.TempDir(), "own.jsonl")
	stage := map[string]Stage{}
	for _, s := range Stages() {
		stage[s.Name] = s
	}
	for _, tc := range []struct {
		stage, set string
		want       string // under the root ("" the root itself)
	}{
		{"extract", "", "data/extraction"},
		{"boilerplate", "", ""},
		{"quotes", "", "data/quotes/polnear-dev.jsonl"},
		{"summarize", "", "data/mds/multinews-dev.jsonl"},
		{"cluster", "", "data/clustering/basil-dev.jsonl"},
		{"cluster", "basil", "data/clustering/basil-dev.jsonl"},
		{"cluster", "multinews", "data/mds/multinews-dev.jsonl"},
		{"timex", "", ""},
		{"seeds", "", ""},
		{"citations", "", ""},
		{"discrepancies", "", "gold/discrepancies-dev.json"},
		{"headlines", "", "data"},
		{"entities", "", ""},
		{"junk", "", "data/mds"},
	} {
		s, ok := stage[tc.stage]
		if !ok {
			t.Fatalf("no stage %q", tc.stage)
		}
		want := filepath.Join(root, filepath.FromSlash(tc.want))
		for _, given := range []string{root, filepath.Join(root, "data"), filepath.Join(root, "data") + string(filepath.Separator)} {
			t.Run(tc.stage+"/"+tc.set+"/"+filepath.Base(given), func(t *testing.T) {
				if got := stageData(s, StageOptions{Data: given, Set: tc.set}); got != want {
					t.Errorf("--data %s: reads %s, want %s", given, got, want)
				}
			})
		}
		t.Run(tc.stage+"/"+tc.set+"/own", func(t *testing.T) {
			if got := stageData(s, StageOptions{Data: own, Set: tc.set}); got != own {
				t.Errorf("--data %s: reads %s, want it as given", own, got)
			}
		})
	}
	if len(stage) != 12 {
		t.Errorf("%d stages; the table above covers 12: add the new one", len(stage))
	}
}

func TestRoot(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"data/mds", "gold"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	lone := filepath.Join(t.TempDir(), "data") // a data/ folder with no root around it
	if err := os.MkdirAll(filepath.Join(lone, "mds"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, path, want string
		ok               bool
	}{
		{"root", root, root, true},
		{"data folder", filepath.Join(root, "data"), root, true},
		{"a folder below data", filepath.Join(root, "data", "mds"), filepath.Join(root, "data", "mds"), false},
		{"gold", filepath.Join(root, "gold"), filepath.Join(root, "gold"), false},
		{"lone data folder", lone, lone, false},
		{"missing", filepath.Join(root, "none"), filepath.Join(root, "none"), false},
		{"empty", "", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, ok := Root(tc.path); got != tc.want || ok != tc.ok {
				t.Errorf("Root(%q) = %q, %v; want %q, %v", tc.path, got, ok, tc.want, tc.ok)
			}
		})
	}
}

// TestStageSetUnknown: a --set the stage does not know is an error, not a
// silent run on the default set.
func TestStageSetUnknown(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "data", "clustering"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "data", "clustering", "basil-dev.jsonl"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, set := range []string{"polnear", "multinew", "BASIL "} {
		t.Run(set, func(t *testing.T) {
			_, err := RunStage(context.Background(), "cluster", StageOptions{Data: root, Set: set})
			if !errors.Is(err, ErrStageSet) {
				t.Errorf("cluster --set %q: err %v, want ErrStageSet", set, err)
			}
		})
	}
}

// TestCitationsBuiltin: with no file named, the citations stage reads the
// repository's judgements built into the binary, from any directory.
func TestCitationsBuiltin(t *testing.T) {
	want, err := os.ReadFile("testdata/citations-judged.json")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	got, err := citationsJudgements("")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("built-in judgements differ from testdata/citations-judged.json (%d vs %d bytes)", len(got), len(want))
	}
	if _, err := citationsJudgements("no-such-file.json"); err == nil {
		t.Error("a missing named file gave no error")
	}
}
