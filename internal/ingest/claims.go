package ingest

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/crosscheck/crosscheck/internal/store"
)

const (
	// orphanBatch is how many orphans one claim takes.
	orphanBatch = 64
	// orphanInterval is how often a running ingest or watch looks for
	// orphans besides its start and end.
	orphanInterval = 10 * time.Second
)

// adopted counts what one look for orphans did.
type adopted struct {
	// Placed counts orphans this engine placed; Stories lists the
	// stories they went to.
	Placed  int
	Stories []string
}

// adopt places the articles other processes stored and did not place
// (killed or stopped between storing and placing: store.ArticleClaims),
// oldest stored first, each claimed first so that one process places it.
// Their analysis is read back from the store: nothing is analysed again,
// and each is decided and placed as if its own process had gone on. A
// store without claims (SQLite: an article stored there is placed under
// the same lock) has no orphans; one stored but not placed there is
// placed when its input is ingested again.
func (e *Engine) adopt(ctx context.Context) (adopted, error) {
	var out adopted
	ac, ok := e.st.(store.ArticleClaims)
	if _, logged := e.ps.(store.ClusterChangeLog); !ok || !logged {
		return out, nil
	}
	e.mu.Lock()
	e.lastAdopt = e.o.Now()
	e.mu.Unlock()
	for {
		ids, err := ac.ClaimOrphans(ctx, orphanBatch)
		if err != nil {
			return out, err
		}
		for _, id := range ids {
			a, err := e.st.Article(ctx, id)
			if errors.Is(err, store.ErrNotFound) {
				continue
			}
			if err != nil {
				return out, err
			}
			res, err := e.placeStored(ctx, Result{ArticleID: id}, a, 0)
			if err != nil {
				return out, fmt.Errorf("orphan %s: %w", id, err)
			}
			if res.Assigned {
				out.Placed++
				out.Stories = append(out.Stories, res.StoryID)
			}
		}
		if len(ids) < orphanBatch {
			return out, nil
		}
	}
}

// adoptDue is adopt when orphanInterval has passed since the last look.
func (e *Engine) adoptDue(ctx context.Context) (adopted, error) {
	e.mu.Lock()
	due := e.o.Now().Sub(e.lastAdopt) >= orphanInterval
	e.mu.Unlock()
	if !due {
		return adopted{}, nil
	}
	return e.adopt(ctx)
}

// startAdopting looks for orphans every orphanInterval in a goroutine
// (a watch whose feeds are quiet still takes over a killed process's
// work) until ctx ends or the returned stop is called; stop waits for it.
func (e *Engine) startAdopting(ctx context.Context) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(orphanInterval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			got, err := e.adoptDue(ctx)
			if err != nil {
				e.o.OnBriefError("", err.Error())
				continue
			}
			if got.Placed > 0 {
				if _, err := e.maybeFlush(ctx, false); err != nil {
					e.o.OnBriefError("", err.Error())
				}
			}
		}
	}()
	return func() { cancel(); <-done }
}
