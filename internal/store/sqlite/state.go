package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/internal/record"
)

// chunk is how many ids or terms one IN list binds (well under SQLite's
// limit on parameters).
const chunk = 500

// ClusterMeta implements store.ClusterState.
func (s *Store) ClusterMeta(ctx context.Context) ([]byte, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	var b []byte
	err := s.rd().QueryRowContext(ctx, record.ClusterMetaQuery).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: cluster meta: %w", err)
	}
	return b, nil
}

// inChunks runs q (with one %s for the placeholders) over keys in chunks,
// calling scan for each row.
func (s *Store) inChunks(ctx context.Context, q string, keys []string, scan func(*sql.Rows) error) error {
	for len(keys) > 0 {
		n := min(len(keys), chunk)
		args := make([]any, n)
		for i, k := range keys[:n] {
			args[i] = k
		}
		rows, err := s.rd().QueryContext(ctx, fmt.Sprintf(q, placeholders(n)), args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := scan(rows); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		keys = keys[n:]
	}
	return nil
}

// ClusterStories implements store.ClusterState.
func (s *Store) ClusterStories(ctx context.Context, ids []string, full bool) ([]store.ClusterStory, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	out := []store.ClusterStory{}
	q := `SELECT id, story_id, head, NULL, NULL FROM cluster_stories INDEXED BY cluster_stories_head WHERE id IN (%s)`
	if full {
		q = `SELECT id, story_id, head, state, cache FROM cluster_stories WHERE id IN (%s)`
	}
	err := s.inChunks(ctx, q, ids, func(r *sql.Rows) error {
		var c store.ClusterStory
		if err := r.Scan(&c.ID, &c.StoryID, &c.Head, &c.State, &c.Cache); err != nil {
			return err
		}
		out = append(out, c)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: cluster stories: %w", err)
	}
	return out, nil
}

// ClusterPostings implements store.ClusterState: one indexed query per
// term, newest first, so a common term's long history is never read.
func (s *Store) ClusterPostings(ctx context.Context, terms []string, limit int) ([]store.ClusterPosting, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	out := []store.ClusterPosting{}
	if len(terms) == 0 {
		return out, nil
	}
	q, err := s.rd().PrepareContext(ctx, `SELECT seq, story FROM cluster_postings WHERE term = ? ORDER BY seq DESC LIMIT ?`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: cluster postings: %w", err)
	}
	defer q.Close()
	for _, t := range terms {
		rows, err := q.QueryContext(ctx, t, limit)
		if err != nil {
			return nil, fmt.Errorf("sqlite: cluster postings: %w", err)
		}
		from := len(out)
		for rows.Next() {
			p := store.ClusterPosting{Term: t}
			if err := rows.Scan(&p.Seq, &p.Story); err != nil {
				rows.Close()
				return nil, fmt.Errorf("sqlite: cluster postings: %w", err)
			}
			out = append(out, p)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("sqlite: cluster postings: %w", err)
		}
		slices.Reverse(out[from:])
	}
	return out, nil
}

// ClusterDF implements store.ClusterState.
func (s *Store) ClusterDF(ctx context.Context, terms []string) (map[string]int, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	out := map[string]int{}
	err := s.inChunks(ctx, `SELECT term, df FROM cluster_df WHERE term IN (%s)`, terms, func(r *sql.Rows) error {
		var t string
		var n int
		if err := r.Scan(&t, &n); err != nil {
			return err
		}
		out[t] = n
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: cluster df: %w", err)
	}
	return out, nil
}

// Place implements store.ClusterState.
func (s *Store) Place(ctx context.Context, p store.Placement) (store.Placed, error) {
	if err := s.check(p.ArticleID); err != nil {
		return store.Placed{}, fmt.Errorf("sqlite: place: %w", err)
	}
	var out store.Placed
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = record.Place(p, record.PlaceOps{
			Member: func(articleID string) (string, error) {
				var sid string
				err := tx.QueryRowContext(ctx, `SELECT coalesce(sa.story_id, '') FROM articles a
					LEFT JOIN story_articles sa ON sa.article_id = a.id WHERE a.id = ?`, articleID).Scan(&sid)
				return sid, notFound(err)
			},
			Create: func(id string, st news.Story) (bool, error) { return s.createStory(ctx, tx, id, st) },
			Assign: func(articleID, storyID string) error { return s.assignTo(ctx, tx, articleID, storyID) },
			Merge:  func(into, from string) error { return s.mergeStories(ctx, tx, into, from) },
			State:  func(d store.ClusterDelta) error { return putClusterState(ctx, tx, d) },
		})
		return err
	})
	if err != nil {
		return store.Placed{}, fmt.Errorf("sqlite: place %q: %w", p.ArticleID, err)
	}
	return out, nil
}

// assignTo is AssignStory's transaction.
func (s *Store) assignTo(ctx context.Context, tx *sql.Tx, articleID, storyID string) error {
	id, err := resolve(ctx, tx, storyID)
	if err != nil {
		return fmt.Errorf("story %q: %w", storyID, err)
	}
	return assign(ctx, tx, articleID, id, s.now())
}

// PutClusterState implements store.ClusterState.
func (s *Store) PutClusterState(ctx context.Context, d store.ClusterDelta) error {
	if err := s.tx(ctx, func(tx *sql.Tx) error { return putClusterState(ctx, tx, d) }); err != nil {
		return fmt.Errorf("sqlite: put cluster state: %w", err)
	}
	return nil
}

// putClusterState writes d in tx, many rows per statement (insertRows).
func putClusterState(ctx context.Context, tx *sql.Tx, d store.ClusterDelta) error {
	if err := record.CheckDelta(d); err != nil {
		return err
	}
	if d.Meta != nil {
		if _, err := tx.ExecContext(ctx, `INSERT INTO cluster_meta(id, state) VALUES (1, ?)
			ON CONFLICT(id) DO UPDATE SET state = excluded.state`, d.Meta); err != nil {
			return err
		}
	}
	if len(d.Stories) > 0 {
		st, err := tx.PrepareContext(ctx, `INSERT INTO cluster_stories(id, story_id, head, state, cache) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT(id) DO UPDATE SET story_id = excluded.story_id, head = excluded.head, state = excluded.state, cache = excluded.cache`)
		if err != nil {
			return err
		}
		defer st.Close()
		cache, err := tx.PrepareContext(ctx, `UPDATE cluster_stories SET cache = ? WHERE id = ?`)
		if err != nil {
			return err
		}
		defer cache.Close()
		for _, c := range d.Stories {
			if c.State == nil {
				_, err = cache.ExecContext(ctx, nonNil(c.Cache), c.ID)
			} else {
				_, err = st.ExecContext(ctx, c.ID, c.StoryID, nonNil(c.Head), c.State, nonNil(c.Cache))
			}
			if err != nil {
				return err
			}
		}
	}
	df := make([][]any, 0, len(d.DF))
	for t, n := range d.DF {
		df = append(df, []any{t, n})
	}
	if err := insertRows(ctx, tx, `INSERT INTO cluster_df(term, df) VALUES %s ON CONFLICT(term) DO UPDATE SET df = excluded.df`, 2, df); err != nil {
		return err
	}
	ps := make([][]any, len(d.Postings))
	for i, p := range d.Postings {
		ps[i] = []any{p.Term, p.Seq, p.Story}
	}
	return insertRows(ctx, tx, `INSERT INTO cluster_postings(term, seq, story) VALUES %s ON CONFLICT(term, seq) DO UPDATE SET story = excluded.story`, 3, ps)
}

// insertRows runs q (one %s for the VALUES rows) over rows of width
// columns, many rows per statement: an article's hundreds of frequencies
// in a few statements, not one each.
func insertRows(ctx context.Context, tx *sql.Tx, q string, width int, rows [][]any) error {
	one := "(" + placeholders(width) + ")"
	for len(rows) > 0 {
		n := min(len(rows), chunk/width)
		vals := make([]string, n)
		args := make([]any, 0, n*width)
		for i, r := range rows[:n] {
			vals[i] = one
			args = append(args, r...)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf(q, strings.Join(vals, ", ")), args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// nonNil makes a nil blob an empty one (the columns are NOT NULL).
func nonNil(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}
