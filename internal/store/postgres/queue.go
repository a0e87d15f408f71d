package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/jackc/pgx/v5"
)

// QueueBriefings implements store.BriefQueue. Each story row is share-locked
// while its entry is written (a merge cannot delete it meanwhile), in id
// order so that concurrent writers do not deadlock.
func (s *Store) QueueBriefings(ctx context.Context, storyIDs []string, at time.Time) error {
	if err := s.check(storyIDs...); err != nil {
		return fmt.Errorf("postgres: queue briefings: %w", err)
	}
	if len(storyIDs) == 0 {
		return nil
	}
	ids := slices.Sorted(slices.Values(storyIDs))
	ids = slices.Compact(ids)
	err := s.tx(ctx, func(tx pgx.Tx) error {
		for _, id := range ids {
			sid, err := resolve(ctx, tx, id, shareLock)
			if errors.Is(err, store.ErrNotFound) {
				continue // removed meanwhile
			}
			if err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `INSERT INTO brief_queue(story_id, gen, queued, due) VALUES ($1, 1, $2, $2)
				ON CONFLICT (story_id) DO UPDATE SET gen = brief_queue.gen + 1`, sid, ts(at)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("postgres: queue briefings: %w", err)
	}
	return nil
}

// ClaimBriefings implements store.BriefQueue: FOR UPDATE SKIP LOCKED lets
// concurrent claimers pass over each other's rows instead of waiting.
func (s *Store) ClaimBriefings(ctx context.Context, c store.BriefClaim) ([]store.BriefJob, error) {
	if err := s.check(c.Stories...); err != nil {
		return nil, fmt.Errorf("postgres: claim briefings: %w", err)
	}
	if c.Stories != nil && len(c.Stories) == 0 {
		return nil, nil
	}
	var out []store.BriefJob
	err := s.tx(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `WITH c AS (
				SELECT story_id FROM brief_queue
				WHERE due <= $1 AND lease_until <= $1 AND ($3::text[] IS NULL OR story_id = ANY($3))
				ORDER BY due, story_id LIMIT $4 FOR UPDATE SKIP LOCKED)
			UPDATE brief_queue q SET lease_until = $2 FROM c WHERE q.story_id = c.story_id
			RETURNING q.story_id, q.gen, q.attempts, q.due`,
			ts(c.Now), ts(c.Now.Add(c.Lease)), c.Stories, store.Limit(c.Limit))
		if err != nil {
			return err
		}
		type claimed struct {
			job store.BriefJob
			due time.Time
		}
		got, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (claimed, error) {
			var c claimed
			err := r.Scan(&c.job.StoryID, &c.job.Gen, &c.job.Attempts, &c.due)
			return c, err
		})
		if err != nil {
			return err
		}
		// RETURNING has no order: restore the claim's.
		slices.SortFunc(got, func(a, b claimed) int {
			if c := a.due.Compare(b.due); c != 0 {
				return c
			}
			return strings.Compare(a.job.StoryID, b.job.StoryID)
		})
		out = make([]store.BriefJob, len(got))
		for i, c := range got {
			out[i] = c.job
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: claim briefings: %w", err)
	}
	return out, nil
}

// DoneBriefing implements store.BriefQueue.
func (s *Store) DoneBriefing(ctx context.Context, j store.BriefJob) error {
	if err := s.check(j.StoryID); err != nil {
		return fmt.Errorf("postgres: briefing done: %w", err)
	}
	err := s.tx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM brief_queue WHERE story_id = $1 AND gen = $2`, j.StoryID, j.Gen)
		if err != nil || tag.RowsAffected() > 0 {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE brief_queue SET lease_until = '-infinity', attempts = 0, last_error = '', failed = NULL
			WHERE story_id = $1`, j.StoryID)
		return err
	})
	if err != nil {
		return fmt.Errorf("postgres: briefing of story %q done: %w", j.StoryID, err)
	}
	return nil
}

// FailBriefing implements store.BriefQueue.
func (s *Store) FailBriefing(ctx context.Context, j store.BriefJob, reason string, at, retry time.Time) error {
	if err := s.check(j.StoryID); err != nil {
		return fmt.Errorf("postgres: briefing failed: %w", err)
	}
	_, err := s.pool.Exec(ctx, `UPDATE brief_queue SET attempts = attempts + 1, last_error = $2, failed = $3,
		due = $4, lease_until = '-infinity' WHERE story_id = $1`, j.StoryID, txt(reason), ts(at), ts(retry))
	if err != nil {
		return fmt.Errorf("postgres: briefing of story %q failed: %w", j.StoryID, err)
	}
	return nil
}

// ReleaseBriefing implements store.BriefQueue.
func (s *Store) ReleaseBriefing(ctx context.Context, j store.BriefJob) error {
	if err := s.check(j.StoryID); err != nil {
		return fmt.Errorf("postgres: release briefing: %w", err)
	}
	if _, err := s.pool.Exec(ctx, `UPDATE brief_queue SET lease_until = '-infinity' WHERE story_id = $1`, j.StoryID); err != nil {
		return fmt.Errorf("postgres: release briefing of story %q: %w", j.StoryID, err)
	}
	return nil
}

// BriefStates implements store.BriefQueue.
func (s *Store) BriefStates(ctx context.Context, storyIDs []string) (map[string]store.BriefState, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	out := map[string]store.BriefState{}
	if len(storyIDs) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT story_id, queued, due, attempts, last_error, failed,
		CASE WHEN lease_until = '-infinity' THEN NULL ELSE lease_until END
		FROM brief_queue WHERE story_id = ANY($1)`, storyIDs)
	if err != nil {
		return nil, fmt.Errorf("postgres: briefing states: %w", err)
	}
	states, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.BriefState, error) {
		var (
			b             store.BriefState
			failed, lease *time.Time
		)
		err := r.Scan(&b.StoryID, &b.Queued, &b.Due, &b.Attempts, &b.LastError, &failed, &lease)
		b.Queued, b.Due = b.Queued.UTC(), b.Due.UTC()
		if failed != nil {
			b.Failed = failed.UTC()
		}
		if lease != nil {
			b.LeaseUntil = lease.UTC()
		}
		return b, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: briefing states: %w", err)
	}
	for _, b := range states {
		out[b.StoryID] = b
	}
	return out, nil
}
