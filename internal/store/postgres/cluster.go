package postgres

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/crosscheck/crosscheck/internal/store"
)

// clusterLock is the session-level advisory lock key that serialises
// clustering decisions ("clusterk" in ASCII; distinct from migrationLock).
const clusterLock int64 = 0x636c75737465726b

// ArticlesAfter implements store.ClusterLog with the seq column (filled
// by a sequence at insert) as the ingest sequence. Sequence values are
// taken at insert, not commit, so only writers that store articles while
// holding the clustering lock get them listed in commit order.
func (s *Store) ArticlesAfter(ctx context.Context, seq int64, limit int) ([]store.ArticleSeq, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	rows, err := s.pool.Query(ctx, `SELECT a.seq, a.id, coalesce(sa.story_id, '') FROM articles a
		LEFT JOIN story_articles sa ON sa.article_id = a.id
		WHERE a.seq > $1 ORDER BY a.seq LIMIT $2`, seq, store.Limit(limit))
	if err != nil {
		return nil, fmt.Errorf("postgres: articles after %d: %w", seq, err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.ArticleSeq, error) {
		var a store.ArticleSeq
		err := r.Scan(&a.Seq, &a.ID, &a.StoryID)
		return a, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: articles after %d: %w", seq, err)
	}
	return out, nil
}

// LockClustering implements store.ClusterLocker: pg_advisory_lock on a
// connection taken from the pool and kept until unlock, which runs
// pg_advisory_unlock and gives the connection back. PostgreSQL releases
// the lock when the session ends, so a killed holder (its connection
// closed by the kernel) never blocks the others; Close ends the session
// of a lock still held, so a caller that failed before its unlock does not
// block them, nor Close wait for that connection, either. A LockClustering
// still waiting for the lock when Close runs keeps its connection until its
// context ends (cancel it before Close). A connection
// whose lock state is in doubt (an error while locking or unlocking) is closed
// rather than returned to the pool.
func (s *Store) LockClustering(ctx context.Context) (func() error, error) {
	return s.lockClustering(ctx, nil)
}

// lockClustering is LockClustering; reads, when set, queues statements
// to run right after the lock is granted, in the same round trip.
func (s *Store) lockClustering(ctx context.Context, reads func(*pgx.Batch)) (func() error, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("postgres: lock clustering: %w", err)
	}
	b := &pgx.Batch{}
	b.Queue(`SELECT pg_advisory_lock($1)`, clusterLock)
	if reads != nil {
		reads(b)
	}
	t := &turn{conn: conn}
	if err := conn.SendBatch(ctx, b).Close(); err != nil {
		t.discard()
		return nil, fmt.Errorf("postgres: lock clustering: %w", err)
	}
	s.turnMu.Lock()
	if s.closed.Load() { // Close sets it before it looks for a turn
		s.turnMu.Unlock()
		t.discard()
		return nil, fmt.Errorf("postgres: lock clustering: %w", store.ErrClosed)
	}
	s.turn = t
	s.turnMu.Unlock()
	return func() error {
		t.mu.Lock()
		defer t.mu.Unlock()
		s.endTurn(t)
		if t.done {
			return nil
		}
		uctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		var ok bool
		if err := conn.QueryRow(uctx, `SELECT pg_advisory_unlock($1)`, clusterLock).Scan(&ok); err != nil || !ok {
			t.discard()
			if err == nil {
				err = errors.New("lock was not held")
			}
			return fmt.Errorf("postgres: unlock clustering: %w", err)
		}
		t.done = true
		conn.Release()
		return nil
	}, nil
}

// turn is a hold of the clustering lock: the connection it was taken on,
// kept until the lock is given up (unlock, or a placement that releases
// it, Placement.Release).
type turn struct {
	mu   sync.Mutex // guards the connection's use and done
	conn *pgxpool.Conn
	done bool // the lock is given up and the connection gone back
}

// discard closes the turn's connection, which ends the session and any
// lock with it: for a connection whose lock state is in doubt (an error
// while locking or unlocking), rather than returning it to the pool.
func (t *turn) discard() {
	cctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = t.conn.Conn().Close(cctx)
	t.conn.Release()
	t.done = true
}

// dropTurn gives up the clustering lock this handle holds, if any, by
// ending its session (Close): the pool's Close would otherwise wait for
// the lock's connection, and the others for the lock, until the holder's
// unlock, which a caller that failed may never call.
func (s *Store) dropTurn() {
	t := s.heldTurn()
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	s.endTurn(t)
	if !t.done {
		t.discard()
	}
}

// heldTurn is the turn this handle holds, or nil.
func (s *Store) heldTurn() *turn {
	s.turnMu.Lock()
	defer s.turnMu.Unlock()
	return s.turn
}

// endTurn forgets t as the handle's turn (when it still is).
func (s *Store) endTurn(t *turn) {
	s.turnMu.Lock()
	defer s.turnMu.Unlock()
	if s.turn == t {
		s.turn = nil
	}
}
