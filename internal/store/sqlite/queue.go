package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/crosscheck/crosscheck/internal/store"
)

// QueueBriefings implements store.BriefQueue.
func (s *Store) QueueBriefings(ctx context.Context, storyIDs []string, at time.Time) error {
	if err := s.check(storyIDs...); err != nil {
		return fmt.Errorf("sqlite: queue briefings: %w", err)
	}
	if len(storyIDs) == 0 {
		return nil
	}
	t := micros(at)
	err := s.tx(ctx, func(tx *sql.Tx) error {
		for _, id := range storyIDs {
			sid, err := resolve(ctx, tx, id)
			if errors.Is(err, store.ErrNotFound) {
				continue // removed meanwhile
			}
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO brief_queue(story_id, gen, queued, due) VALUES (?, 1, ?, ?)
				ON CONFLICT(story_id) DO UPDATE SET gen = gen + 1`, sid, t, t); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlite: queue briefings: %w", err)
	}
	return nil
}

// ClaimBriefings implements store.BriefQueue. The write transaction
// serialises claimers, so an entry is leased to one of them.
func (s *Store) ClaimBriefings(ctx context.Context, c store.BriefClaim) ([]store.BriefJob, error) {
	if err := s.check(c.Stories...); err != nil {
		return nil, fmt.Errorf("sqlite: claim briefings: %w", err)
	}
	if c.Stories != nil && len(c.Stories) == 0 {
		return nil, nil
	}
	now := micros(c.Now)
	args := []any{micros(c.Now.Add(c.Lease)), now, now}
	filter := ""
	if c.Stories != nil {
		filter = ` AND story_id IN (` + placeholders(len(c.Stories)) + `)`
		for _, id := range c.Stories {
			args = append(args, id)
		}
	}
	args = append(args, store.Limit(c.Limit))
	type claimed struct {
		job store.BriefJob
		due int64
	}
	var got []claimed
	err := s.tx(ctx, func(tx *sql.Tx) error {
		got = got[:0]
		rows, err := tx.QueryContext(ctx, `UPDATE brief_queue SET lease_until = ? WHERE story_id IN (
			SELECT story_id FROM brief_queue WHERE due <= ? AND lease_until <= ?`+filter+`
			ORDER BY due, story_id LIMIT ?) RETURNING story_id, gen, attempts, due`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c claimed
			if err := rows.Scan(&c.job.StoryID, &c.job.Gen, &c.job.Attempts, &c.due); err != nil {
				return err
			}
			got = append(got, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: claim briefings: %w", err)
	}
	// RETURNING has no order: restore the claim's.
	slices.SortFunc(got, func(a, b claimed) int {
		return cmp.Or(cmp.Compare(a.due, b.due), cmp.Compare(a.job.StoryID, b.job.StoryID))
	})
	out := make([]store.BriefJob, len(got))
	for i, c := range got {
		out[i] = c.job
	}
	return out, nil
}

// DoneBriefing implements store.BriefQueue.
func (s *Store) DoneBriefing(ctx context.Context, j store.BriefJob) error {
	if err := s.check(j.StoryID); err != nil {
		return fmt.Errorf("sqlite: briefing done: %w", err)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM brief_queue WHERE story_id = ? AND gen = ?`, j.StoryID, j.Gen)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n > 0 {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE brief_queue SET lease_until = 0, attempts = 0, last_error = '', failed = 0
			WHERE story_id = ?`, j.StoryID)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: briefing of story %q done: %w", j.StoryID, err)
	}
	return nil
}

// FailBriefing implements store.BriefQueue.
func (s *Store) FailBriefing(ctx context.Context, j store.BriefJob, reason string, at, retry time.Time) error {
	if err := s.check(j.StoryID); err != nil {
		return fmt.Errorf("sqlite: briefing failed: %w", err)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE brief_queue SET attempts = attempts + 1, last_error = ?, failed = ?,
			due = ?, lease_until = 0 WHERE story_id = ?`, reason, micros(at), micros(retry), j.StoryID)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: briefing of story %q failed: %w", j.StoryID, err)
	}
	return nil
}

// ReleaseBriefing implements store.BriefQueue.
func (s *Store) ReleaseBriefing(ctx context.Context, j store.BriefJob) error {
	if err := s.check(j.StoryID); err != nil {
		return fmt.Errorf("sqlite: release briefing: %w", err)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE brief_queue SET lease_until = 0 WHERE story_id = ?`, j.StoryID)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: release briefing of story %q: %w", j.StoryID, err)
	}
	return nil
}

// BriefStates implements store.BriefQueue.
func (s *Store) BriefStates(ctx context.Context, storyIDs []string) (map[string]store.BriefState, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	out := map[string]store.BriefState{}
	for len(storyIDs) > 0 {
		n := min(len(storyIDs), store.MaxLimit)
		args := make([]any, 0, n)
		for _, id := range storyIDs[:n] {
			args = append(args, id)
		}
		storyIDs = storyIDs[n:]
		rows, err := s.rd().QueryContext(ctx, `SELECT story_id, queued, due, attempts, last_error, failed, lease_until
			FROM brief_queue WHERE story_id IN (`+placeholders(n)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("sqlite: briefing states: %w", err)
		}
		for rows.Next() {
			var (
				b                          store.BriefState
				queued, due, failed, lease int64
			)
			if err := rows.Scan(&b.StoryID, &queued, &due, &b.Attempts, &b.LastError, &failed, &lease); err != nil {
				rows.Close()
				return nil, fmt.Errorf("sqlite: briefing states: %w", err)
			}
			b.Queued, b.Due = fromMicros(queued), fromMicros(due)
			if failed != 0 {
				b.Failed = fromMicros(failed)
			}
			if lease != 0 {
				b.LeaseUntil = fromMicros(lease)
			}
			out[b.StoryID] = b
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("sqlite: briefing states: %w", err)
		}
	}
	return out, nil
}
