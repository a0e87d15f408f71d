package ingest

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/ingest/ingesttest"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

func TestStoryBriefing(t *testing.T) {
	ctx := context.Background()
	st := openDB(t, filepath.Join(t.TempDir(), "db.sqlite"))
	e, err := New(ctx, st, newPipeline(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	br := brief.New(brief.Options{Stem: text.Stem})
	if _, _, err := StoryBriefing(ctx, st, br, "", ReadOptions{}); !errors.Is(err, ErrNoStory) || !strings.Contains(err.Error(), "no stories yet") {
		t.Errorf("empty archive: %v, want ErrNoStory saying there are no stories yet", err)
	}
	var last string
	for _, a := range ingesttest.Corpus(2, 2, 5) {
		res, err := e.IngestRaw(ctx, news.Raw{Input: a.Name, Text: a.Text, Bytes: []byte(a.Text)})
		if err != nil {
			t.Fatal(err)
		}
		last = res.StoryID
	}
	for _, tc := range []struct {
		name, id, want string
		err            error
	}{
		{"newest", "", last, nil},
		{"by id", last, last, nil},
		{"unknown id", "nosuchstory", "", ErrNoStory},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, status, err := StoryBriefing(ctx, st, br, tc.id, ReadOptions{})
			switch {
			case tc.err != nil:
				if !errors.Is(err, tc.err) || !strings.Contains(err.Error(), `"nosuchstory"`) {
					t.Errorf("err %v, want %v naming the id", err, tc.err)
				}
			case err != nil:
				t.Fatal(err)
			case b.StoryID != tc.want || len(b.Sources) == 0:
				t.Errorf("briefing of %q with %d sources, want story %q", b.StoryID, len(b.Sources), tc.want)
			case status.String() != "":
				t.Errorf("status %+v (%q), want current", status, status)
			}
		})
	}
}

func TestSummaryErr(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    Summary
		fail bool
	}{
		{"nothing given", Summary{}, false},
		{"all stored", Summary{Added: 2}, false},
		{"all duplicates", Summary{Duplicates: 2, Rejected: 1}, false},
		{"all rejected", Summary{Rejected: 3}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.s.Err(); (err != nil) != tc.fail {
				t.Errorf("Err() = %v, want failure %v", err, tc.fail)
			}
		})
	}
}
