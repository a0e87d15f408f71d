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
// (SIGKILL included), so a killed holder never blocks the others; Close
// gives up a lock still held, so a caller that failed before its unlock
// does not block them either. The lock file is empty and never removed.
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
	if !s.hold(f) {
		f.Close()
		return nil, fmt.Errorf("sqlite: lock clustering: %w", store.ErrClosed)
	}
	return func() error {
		if err := s.release(f); err != nil {
			return fmt.Errorf("sqlite: unlock clustering: %w", err)
		}
		return nil
	}, nil
}

// hold records f as a held lock's file, for Close; false (nothing
// recorded) when the store is closed already.
func (s *Store) hold(f *os.File) bool {
	s.heldMu.Lock()
	defer s.heldMu.Unlock()
	if s.closed.Load() { // Close sets it before it takes heldMu
		return false
	}
	if s.held == nil {
		s.held = map[*os.File]bool{}
	}
	s.held[f] = true
	return true
}

// release gives up the lock held on f: closing the only descriptor of
// the open file releases it. A lock given up already (by an earlier
// unlock, or by Close) is a no-op.
func (s *Store) release(f *os.File) error {
	s.heldMu.Lock()
	held := s.held[f]
	delete(s.held, f)
	s.heldMu.Unlock()
	if !held {
		return nil
	}
	return f.Close()
}

// dropLocks gives up every clustering lock the store holds (Close).
func (s *Store) dropLocks() {
	s.heldMu.Lock()
	defer s.heldMu.Unlock()
	for f := range s.held {
		f.Close()
	}
	clear(s.held)
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
