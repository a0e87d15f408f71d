package main

import (
	"errors"
	"flag"
	"io"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/internal/ingest"
)

// TestStoryCmdNoStory: "story" on an archive without the story asked for
// fails with the plain words, and the error keeps ingest.ErrNoStory in
// its chain.
func TestStoryCmdNoStory(t *testing.T) {
	db := filepath.Join(t.TempDir(), "empty.db")
	for _, tc := range []struct {
		name string
		id   []string
		want string
	}{
		{"empty archive", nil, "the archive has no stories yet; ingest some articles first"},
		{"unknown id", []string{"nosuchstory"}, `the archive has no story "nosuchstory"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := flag.NewFlagSet("story", flag.ContinueOnError)
			run := storyCmd(fs)
			if err := fs.Parse([]string{"--db", db}); err != nil {
				t.Fatal(err)
			}
			err := run(t.Context(), tc.id, io.Discard, io.Discard)
			if err == nil || err.Error() != tc.want || !errors.Is(err, ingest.ErrNoStory) {
				t.Errorf("story %v = %v (ErrNoStory in chain: %v); want %q wrapping ErrNoStory", tc.id, err, errors.Is(err, ingest.ErrNoStory), tc.want)
			}
		})
	}
}
