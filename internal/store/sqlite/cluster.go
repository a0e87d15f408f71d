package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"syscall"

	"github.com/crosscheck/crosscheck/internal/store"
)

// ArticlesAfter implements store.ClusterLog with the rowid as the ingest
// sequence (articles are never deleted, so rowids only grow).
func (s *Store) ArticlesAfter(ctx context.Context, seq int64, limit int) ([]store.ArticleSeq, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	rows, err := s.rd().QueryContext(ctx, `SELECT a.rowid, a.id, coalesce(sa.story_id, '') FROM articles a
		LEFT JOIN story_articles sa ON sa.article_id = a.id
		WHERE a.rowid > ? ORDER BY a.rowid LIMIT ?`, seq, store.Limit(limit))
	if err != nil {
		return nil, fmt.Errorf("sqlite: articles after %d: %w", seq, err)
	}
	defer rows.Close()
	out := []store.ArticleSeq{}
	for rows.Next() {
		var a store.ArticleSeq
		if err := rows.Scan(&a.Seq, &a.ID, &a.StoryID); err != nil {
			return nil, fmt.Errorf("sqlite: articles after %d: %w", seq, err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: articles after %d: %w", seq, err)
	}
	return out, nil
}

// LockClustering implements store.ClusterLocker: an exclusive flock(2) on
// the sidecar file <path>.cluster-lock, opened afresh for each lock so that
// two lockers in one process exclude each other too. The kernel releases
// it when the holder's file is closed, by unlock or by the process's death
// (SIGKILL included), so a killed holder never blocks the others. The lock
// file is empty and never removed.
func (s *Store) LockClustering(ctx context.Context) (func() error, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	f, err := os.OpenFile(s.lock, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("sqlite: lock clustering: %w", err)
	}
	// A blocking flock cannot be interrupted: wait in a goroutine that,
	// when the caller gave up meanwhile, releases the lock it got.
	got := make(chan error, 1)
	var mu sync.Mutex
	abandoned := false
	go func() {
		err := flock(f)
		mu.Lock()
		defer mu.Unlock()
		if abandoned {
			f.Close()
			return
		}
		got <- err
	}()
	select {
	case err := <-got:
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("sqlite: lock clustering: %w", err)
		}
	case <-ctx.Done():
		mu.Lock()
		select {
		case err := <-got: // acquired (or failed) just now
			mu.Unlock()
			if err == nil {
				err = ctx.Err()
			}
			f.Close()
			return nil, fmt.Errorf("sqlite: lock clustering: %w", err)
		default:
		}
		abandoned = true
		mu.Unlock()
		return nil, fmt.Errorf("sqlite: lock clustering: %w", ctx.Err())
	}
	var once sync.Once
	return func() error {
		var err error
		once.Do(func() {
			// Closing the only descriptor of the open file releases
			// the lock.
			if cerr := f.Close(); cerr != nil {
				err = fmt.Errorf("sqlite: unlock clustering: %w", cerr)
			}
		})
		return err
	}, nil
}

// flock takes an exclusive lock on f, retrying when a signal interrupts
// the wait.
func flock(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}
