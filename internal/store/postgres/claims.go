package postgres

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/crosscheck/crosscheck/internal/store"
)

// claimSpace is the first key of the session advisory locks that name
// the live store handles (pg_advisory_lock(claimSpace, owner)): "clam".
const claimSpace int32 = 0x636c616d

// claimant is a store handle's identity as the owner of the articles it
// stored and has not placed (store.ArticleClaims): a random key, held as
// a session advisory lock on a connection of its own, outside the pool,
// for the handle's life. The server frees the lock when the session
// ends, so a killed or closed handle's claims are seen as dead at once.
type claimant struct {
	mu   sync.Mutex
	conn *pgx.Conn
	key  int32
}

// owner returns this handle's key, taking its lock on first use.
func (s *Store) owner(ctx context.Context) (int32, error) {
	c := &s.claims
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.conn != nil {
		return c.key, nil
	}
	if s.closed.Load() {
		return 0, store.ErrClosed
	}
	conn, err := pgx.ConnectConfig(ctx, s.cfg.ConnConfig.Copy())
	if err != nil {
		return 0, fmt.Errorf("claimant: %w", err)
	}
	for range 16 {
		key := rand.Int32N(1<<31-1) + 1 // 0 owns the articles of no one
		var ok bool
		if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1, $2)`, claimSpace, key).Scan(&ok); err != nil {
			_ = conn.Close(context.WithoutCancel(ctx))
			return 0, fmt.Errorf("claimant: %w", err)
		}
		if ok {
			c.conn, c.key = conn, key
			return key, nil
		}
	}
	_ = conn.Close(context.WithoutCancel(ctx))
	return 0, errors.New("claimant: no free key")
}

// closeClaims ends the claimant's session: its claims become orphans.
func (s *Store) closeClaims() {
	c := &s.claims
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.conn != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		// Unlocked first, so that the claims are orphans when Close
		// returns (the server ends the session a moment later).
		_, _ = c.conn.Exec(ctx, `SELECT pg_advisory_unlock($1, $2)`, claimSpace, c.key)
		_ = c.conn.Close(ctx)
		c.conn = nil
	}
}

// ClaimOrphans implements store.ArticleClaims: the claims whose owner
// holds no lock in this database (pg_locks), skipping those another
// caller is taking (FOR UPDATE SKIP LOCKED), become this handle's.
func (s *Store) ClaimOrphans(ctx context.Context, limit int) ([]string, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	me, err := s.owner(ctx)
	if err != nil {
		return nil, fmt.Errorf("postgres: claim orphans: %w", err)
	}
	rows, err := s.pool.Query(ctx, `WITH live AS (
			SELECT l.objid FROM pg_locks l
			WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 AND l.classid = $1::bigint::oid
			AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())),
		dead AS (
			SELECT c.article_id, a.seq FROM article_claims c JOIN articles a ON a.id = c.article_id
			WHERE c.owner <> $2 AND c.owner::oid NOT IN (SELECT objid FROM live)
			ORDER BY a.seq LIMIT $3 FOR UPDATE OF c SKIP LOCKED)
		UPDATE article_claims c SET owner = $2 FROM dead WHERE c.article_id = dead.article_id
		RETURNING c.article_id, dead.seq`, int64(claimSpace), me, store.Limit(limit))
	if err != nil {
		return nil, fmt.Errorf("postgres: claim orphans: %w", err)
	}
	type claimed struct {
		id  string
		seq int64
	}
	got, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (claimed, error) {
		var c claimed
		err := r.Scan(&c.id, &c.seq)
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: claim orphans: %w", err)
	}
	slices.SortFunc(got, func(a, b claimed) int { return int(a.seq - b.seq) })
	ids := make([]string, len(got))
	for i, c := range got {
		ids[i] = c.id
	}
	return ids, nil
}
