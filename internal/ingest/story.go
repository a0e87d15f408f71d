package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/read"
	"github.com/crosscheck/crosscheck/internal/store"
)

// ErrNoStory: the archive has no story of the id asked for, or no story
// at all.
var ErrNoStory = errors.New("ingest: no such story")

// NoStoryError is the ErrNoStory StoryBriefing returns (errors.Is finds
// ErrNoStory in it): the archive has no story ID, or no story at all when
// ID is "". Reason says so in plain words, for a command line to show.
type NoStoryError struct{ ID string }

// Reason is the plain words: "the archive has no story "x"".
func (e *NoStoryError) Reason() string {
	if e.ID == "" {
		return "the archive has no stories yet; ingest some articles first"
	}
	return fmt.Sprintf("the archive has no story %q", e.ID)
}

func (e *NoStoryError) Error() string { return ErrNoStory.Error() + ": " + e.Reason() }

// Is reports target == ErrNoStory.
func (e *NoStoryError) Is(target error) bool { return target == ErrNoStory }

// StoryStore is what StoryBriefing needs of a store.
type StoryStore interface {
	BriefStore
	Stories(ctx context.Context, o store.ListOptions) ([]news.Story, error)
}

// StoryBriefing returns the briefing (see Briefing) of the story id names
// or, when id is "", of the first story the archive lists (the newest
// news), and how current
// it is. An unknown id or an empty archive is a *NoStoryError, which is
// ErrNoStory and says so in plain words.
func StoryBriefing(ctx context.Context, st StoryStore, b *brief.Briefer, id string, o ReadOptions) (*news.Briefing, Status, error) {
	if id == "" {
		page, err := st.Stories(ctx, store.ListOptions{Limit: 1})
		if err != nil {
			return nil, Status{}, fmt.Errorf("ingest: newest story: %w", err)
		} else if len(page) == 0 {
			return nil, Status{}, &NoStoryError{}
		}
		id = page[0].ID
	}
	br, status, err := Briefing(ctx, st, b, id, o)
	if errors.Is(err, store.ErrNotFound) {
		return nil, Status{}, &NoStoryError{ID: id}
	}
	return br, status, err
}

// IngestAll ingests inputs (Ingest), then, when that succeeded, briefs
// the stories it changed before returning (Drain), each within
// Options.BriefTimeout. It writes the closing line of each step to
// report: what was stored, then what was briefed and what was left to the
// queue and why. The error is Ingest's or Drain's, or Summary.Err when
// every input was rejected.
func (e *Engine) IngestAll(ctx context.Context, inputs []string, r *read.Reader, progress, report io.Writer) error {
	sum, err := e.Ingest(ctx, inputs, r, progress)
	fmt.Fprintln(report, sum)
	if err != nil {
		if ctx.Err() != nil {
			// The articles counted above are stored; their stories'
			// briefings are queued (Flush runs before each store). An
			// article stored and not yet placed is not counted: the
			// next Ingest places it first (adopt).
			fmt.Fprintln(report, "interrupted: inputs not yet stored were left out; an article stored and not yet placed in a story is placed by the next ingest; the briefings of the stories changed are queued (crosscheck serve or the next ingest builds them)")
		}
		return err
	}
	d, err := e.Drain(ctx)
	fmt.Fprintln(report, d)
	if err != nil {
		return err
	}
	return sum.Err()
}

// Err is an error when the inputs gave nothing to store: every one was
// rejected. A run that stored or recognised any article is not an error.
func (s Summary) Err() error {
	if s.Added+s.Duplicates == 0 && s.Rejected > 0 {
		return fmt.Errorf("ingest: no article could be ingested (%d rejected)", s.Rejected)
	}
	return nil
}
