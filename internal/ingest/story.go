package ingest

import (
	"context"
	"errors"
	"fmt"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

// ErrNoStory: the archive has no story of the id asked for, or no story
// at all.
var ErrNoStory = errors.New("ingest: no such story")

// StoryStore is what StoryBriefing needs of a store.
type StoryStore interface {
	BriefStore
	Stories(ctx context.Context, o store.ListOptions) ([]news.Story, error)
}

// StoryBriefing returns the up-to-date briefing (see Briefing) of the
// story id names or, when id is "", of the most recently updated story.
// An unknown id or an empty archive is an error wrapping ErrNoStory that
// says so in plain words.
func StoryBriefing(ctx context.Context, st StoryStore, b *brief.Briefer, id string) (*news.Briefing, error) {
	if id == "" {
		page, err := st.Stories(ctx, store.ListOptions{Limit: 1})
		if err != nil {
			return nil, fmt.Errorf("ingest: newest story: %w", err)
		} else if len(page) == 0 {
			return nil, fmt.Errorf("%w: the archive has no stories yet; ingest some articles first", ErrNoStory)
		}
		id = page[0].ID
	}
	br, _, err := Briefing(ctx, st, b, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("%w: the archive has no story %q", ErrNoStory, id)
	}
	return br, err
}

// Err is an error when the inputs gave nothing to store: every one was
// rejected. A run that stored or recognised any article is not an error.
func (s Summary) Err() error {
	if s.Added+s.Duplicates == 0 && s.Rejected > 0 {
		return fmt.Errorf("ingest: no article could be ingested (%d rejected)", s.Rejected)
	}
	return nil
}
