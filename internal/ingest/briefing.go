package ingest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

// BriefStore is what rebuilding a briefing needs of a store.
type BriefStore interface {
	Story(ctx context.Context, id string) (news.Story, error)
	StoryArticles(ctx context.Context, storyID string) ([]*news.Article, error)
	PutBriefing(ctx context.Context, storyID string, b *news.Briefing) error
	Briefing(ctx context.Context, storyID string) (*news.Briefing, store.BriefingInfo, error)
}

// BriefStory writes the briefing of one stored story from its articles
// and stores it. A merged-away id briefs the story it was merged into.
func BriefStory(ctx context.Context, st BriefStore, b *brief.Briefer, storyID string) (*news.Briefing, error) {
	s, err := st.Story(ctx, storyID)
	if err != nil {
		return nil, fmt.Errorf("ingest: brief story %q: %w", storyID, err)
	}
	arts, err := st.StoryArticles(ctx, s.ID)
	if err != nil {
		return nil, fmt.Errorf("ingest: brief story %q: %w", storyID, err)
	}
	br, err := b.Brief(ctx, arts)
	if err != nil {
		return nil, fmt.Errorf("ingest: brief story %q: %w", storyID, err)
	}
	br.StoryID = s.ID
	if err := st.PutBriefing(ctx, s.ID, br); err != nil {
		return nil, fmt.Errorf("ingest: brief story %q: %w", storyID, err)
	}
	return br, nil
}

// Briefing returns the stored briefing of a story, rebuilding and storing
// it first when there is none or the story changed after it was written.
// rebuilt says which happened.
func Briefing(ctx context.Context, st BriefStore, b *brief.Briefer, storyID string) (br *news.Briefing, rebuilt bool, err error) {
	s, err := st.Story(ctx, storyID)
	if err != nil {
		return nil, false, fmt.Errorf("ingest: briefing of story %q: %w", storyID, err)
	}
	br, info, err := st.Briefing(ctx, s.ID)
	switch {
	case err == nil && !s.Updated.After(info.Updated):
		return br, false, nil
	case err != nil && !errors.Is(err, store.ErrNotFound):
		return nil, false, fmt.Errorf("ingest: briefing of story %q: %w", storyID, err)
	}
	br, err = BriefStory(ctx, st, b, s.ID)
	return br, err == nil, err
}

// Flush rebuilds the briefings of the stories changed since the last
// flush, then up to Options.StaleLimit stories the store lists as stale
// (left so by an interrupted run). It returns how many were rebuilt.
func (e *Engine) Flush(ctx context.Context) (int, error) {
	return e.maybeFlush(ctx, true)
}

// maybeFlush rebuilds the changed briefings when forced or when due.
func (e *Engine) maybeFlush(ctx context.Context, force bool) (int, error) {
	e.mu.Lock()
	due := force || e.pending >= e.o.BriefEvery || len(e.dirty) > 0 && time.Since(e.lastFlush) >= e.o.BriefInterval
	var ids []string
	var uerr error
	if due {
		// Briefing takes long: let other processes decide meanwhile.
		uerr = e.release()
		for id := range e.dirty {
			ids = append(ids, e.resolve(id))
		}
		e.dirty = map[string]bool{}
		e.pending = 0
		e.lastFlush = time.Now()
	}
	e.mu.Unlock()
	if !due {
		return 0, nil
	}
	if uerr != nil {
		return 0, uerr
	}
	if force && e.o.StaleLimit > 0 {
		stale, err := e.st.StaleStories(ctx, e.o.StaleLimit)
		if err != nil {
			return 0, fmt.Errorf("ingest: %w", err)
		}
		ids = append(ids, stale...)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	n := 0
	for i, id := range ids {
		if err := ctx.Err(); err != nil {
			e.requeue(ids[i:])
			return n, err
		}
		if _, err := BriefStory(ctx, e.st, e.br, id); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				continue // removed meanwhile
			}
			e.requeue(ids[i:])
			return n, err
		}
		n++
	}
	return n, nil
}

// requeue marks stories changed again after a flush stopped early.
func (e *Engine) requeue(ids []string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, id := range ids {
		e.dirty[id] = true
	}
}
