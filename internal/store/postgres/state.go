package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/internal/record"
)

// Terms are stored as bytea: a term is whatever bytes the clusterer
// made of a word or name, and text columns would refuse NUL or invalid
// UTF-8 (txt would change them, and lookups would miss).

func termBytes(terms []string) [][]byte {
	out := make([][]byte, len(terms))
	for i, t := range terms {
		out[i] = []byte(t)
	}
	return out
}

// ClusterMeta implements store.ClusterState.
func (s *Store) ClusterMeta(ctx context.Context) ([]byte, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	var b []byte
	err := s.pool.QueryRow(ctx, record.ClusterMetaQuery).Scan(&b)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: cluster meta: %w", err)
	}
	return b, nil
}

// ClusterStories implements store.ClusterState.
func (s *Store) ClusterStories(ctx context.Context, ids []string, full bool) ([]store.ClusterStory, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	// Heads alone are read from the primary key (migration 11), which
	// an index-only scan can do only when no other column is named.
	q := `SELECT id, story_id, head, NULL::bytea, NULL::bytea FROM cluster_stories WHERE id = ANY($1)`
	if full {
		q = `SELECT id, story_id, head, state, cache FROM cluster_stories WHERE id = ANY($1)`
	}
	rows, err := s.pool.Query(ctx, q, ids)
	if err != nil {
		return nil, fmt.Errorf("postgres: cluster stories: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.ClusterStory, error) {
		var c store.ClusterStory
		err := r.Scan(&c.ID, &c.StoryID, &c.Head, &c.State, &c.Cache)
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: cluster stories: %w", err)
	}
	return out, nil
}

// ClusterPostings implements store.ClusterState: one round trip, each
// term's newest postings read from the primary key backwards.
func (s *Store) ClusterPostings(ctx context.Context, terms []string, limit int) ([]store.ClusterPosting, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	var lim *int
	if limit > 0 {
		lim = &limit
	}
	rows, err := s.pool.Query(ctx, `SELECT t.term, p.seq, p.story
		FROM unnest($1::bytea[]) WITH ORDINALITY AS t(term, i)
		CROSS JOIN LATERAL (SELECT seq, story FROM cluster_postings c WHERE c.term = t.term ORDER BY seq DESC LIMIT $2) p
		ORDER BY t.i, p.seq`, termBytes(terms), lim)
	if err != nil {
		return nil, fmt.Errorf("postgres: cluster postings: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.ClusterPosting, error) {
		var p store.ClusterPosting
		var t []byte
		err := r.Scan(&t, &p.Seq, &p.Story)
		p.Term = string(t)
		return p, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: cluster postings: %w", err)
	}
	return out, nil
}

// ClusterDF implements store.ClusterState.
func (s *Store) ClusterDF(ctx context.Context, terms []string) (map[string]int, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	rows, err := s.pool.Query(ctx, `SELECT term, df FROM cluster_df WHERE term = ANY($1::bytea[])`, termBytes(terms))
	if err != nil {
		return nil, fmt.Errorf("postgres: cluster df: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var t []byte
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			return nil, fmt.Errorf("postgres: cluster df: %w", err)
		}
		out[string(t)] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: cluster df: %w", err)
	}
	return out, nil
}

// Place implements store.ClusterState. A placement without merges (the
// common case) is one round trip: its statements go in one pipelined
// batch, which PostgreSQL runs as one implicit transaction, the guard
// being the primary key of story_articles (an article already placed
// fails the insert: store.ErrPlaced). Merges, and a batch that fails
// otherwise (a story merged away meanwhile by another writer, say), take
// the explicit transaction, which resolves and locks stories one
// statement at a time.
func (s *Store) Place(ctx context.Context, p store.Placement) (store.Placed, error) {
	if err := s.check(p.ArticleID); err != nil {
		return store.Placed{}, fmt.Errorf("postgres: place: %w", err)
	}
	if len(p.Merge) == 0 {
		out, err := s.placeBatch(ctx, p)
		if err == nil || errors.Is(err, store.ErrPlaced) || ctx.Err() != nil {
			if err != nil {
				return store.Placed{}, fmt.Errorf("postgres: place %q: %w", p.ArticleID, err)
			}
			return out, nil
		}
	}
	var out store.Placed
	err := s.tx(ctx, func(tx pgx.Tx) error {
		var err error
		out, err = record.Place(p, record.PlaceOps{
			Member: func(articleID string) (string, error) {
				var sid string
				err := tx.QueryRow(ctx, `SELECT coalesce(sa.story_id, '') FROM articles a
					LEFT JOIN story_articles sa ON sa.article_id = a.id WHERE a.id = $1 FOR UPDATE OF a`, articleID).Scan(&sid)
				return sid, notFound(err)
			},
			Create: func(id string, st news.Story) (bool, error) { return s.createStory(ctx, tx, id, st) },
			Assign: func(articleID, storyID string) error { return s.assignTo(ctx, tx, articleID, storyID) },
			// A savepoint: a failed statement would abort the whole
			// transaction, and an already-merged pair is no failure.
			Merge: func(into, from string) error {
				return pgx.BeginFunc(ctx, tx, func(sp pgx.Tx) error { return s.mergeStories(ctx, sp, into, from) })
			},
			State: func(d store.ClusterDelta) error { return putClusterState(ctx, tx, d) },
		})
		return err
	})
	if err != nil {
		return store.Placed{}, fmt.Errorf("postgres: place %q: %w", p.ArticleID, err)
	}
	return out, nil
}

// placeBatch is Place without merges in one pipelined batch (one
// implicit transaction): the story created unless its id exists (live
// or merged away), the article inserted as a member of the story its id
// resolves to, the story marked updated, the state written. It does what
// record.Place does over the transaction's steps.
func (s *Store) placeBatch(ctx context.Context, p store.Placement) (store.Placed, error) {
	if s.closed.Load() {
		return store.Placed{}, store.ErrClosed
	}
	if err := record.CheckDelta(p.State); err != nil {
		return store.Placed{}, err
	}
	out := store.Placed{StoryID: p.StoryID}
	b := &pgx.Batch{}
	var created pgconn.CommandTag
	t := s.now()
	if p.Create != nil {
		st := *p.Create
		st.Articles = []news.ArticleRef{{ID: p.ArticleID}}
		out.StoryID = store.StoryIDOf(st)
		t = record.StoryTime(st, s.clock)
		b.Queue(`INSERT INTO stories(id, title, created, updated, event, first_published, latest_published, follows)
			SELECT $1, $2, $8, $3, $4, $5, $6, $7 WHERE NOT EXISTS (SELECT 1 FROM story_aliases WHERE id = $1)
			ON CONFLICT (id) DO NOTHING`, out.StoryID, txt(st.Title), t, txt(st.Time.Event), optTime(st.Time.First), optTime(st.Time.Latest), txt(st.Follows), s.now()).
			Exec(func(ct pgconn.CommandTag) error { created = ct; return nil })
	}
	const target = `coalesce((SELECT story_id FROM story_aliases WHERE id = $2), $2)`
	b.Queue(`INSERT INTO story_articles(article_id, story_id, seq) VALUES ($1, `+target+`, nextval('story_articles_seq'))`, p.ArticleID, out.StoryID)
	b.Queue(`UPDATE stories SET updated = greatest(updated, $1) WHERE id = `+target, t, out.StoryID)
	queueClusterState(b, p.State, true)
	if err := s.sendPlacement(ctx, b, p.Release); err != nil {
		var pe *pgconn.PgError
		if errors.As(err, &pe) && pe.Code == "23505" && pe.ConstraintName == "story_articles_pkey" {
			return store.Placed{}, placedErr(ctx, s, p.ArticleID)
		}
		return store.Placed{}, err
	}
	out.Created = created.RowsAffected() == 1
	return out, nil
}

// sendPlacement runs the placement's batch b as one transaction. With
// release, while this handle holds the clustering lock, it runs on the
// lock's connection between BEGIN and COMMIT, followed by the unlock, all
// in one round trip: PostgreSQL runs the unlock once the COMMIT ended, so
// the next holder sees the placement, and the lock is not held for a
// round trip more. A batch that fails before its COMMIT is rolled back
// and the lock kept (the caller's unlock gives it up); a connection left
// in doubt is closed, which ends the lock with the session.
func (s *Store) sendPlacement(ctx context.Context, b *pgx.Batch, release bool) error {
	t := s.heldTurn()
	if !release || t == nil {
		return s.pool.SendBatch(ctx, b).Close()
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.done {
		return s.pool.SendBatch(ctx, b).Close()
	}
	tb := &pgx.Batch{QueuedQueries: make([]*pgx.QueuedQuery, 0, len(b.QueuedQueries)+3)}
	tb.Queue(`BEGIN`)
	tb.QueuedQueries = append(tb.QueuedQueries, b.QueuedQueries...)
	committed, unlocked := false, false
	tb.Queue(`COMMIT`).Exec(func(pgconn.CommandTag) error { committed = true; return nil })
	tb.Queue(`SELECT pg_advisory_unlock($1)`, clusterLock).QueryRow(func(r pgx.Row) error { return r.Scan(&unlocked) })
	err := t.conn.SendBatch(ctx, tb).Close()
	switch {
	case err == nil && unlocked:
		s.endTurn(t)
		t.done = true
		t.conn.Release()
		return nil
	case committed:
		// Placed, and the lock in doubt: end it with the session.
		s.endTurn(t)
		t.discard()
		return nil
	}
	pc := t.conn.Conn().PgConn()
	if pc.IsClosed() || pc.TxStatus() != 'E' && pc.TxStatus() != 'I' {
		s.endTurn(t)
		t.discard()
		return err
	}
	if pc.TxStatus() == 'E' {
		if _, rerr := t.conn.Exec(ctx, `ROLLBACK`); rerr != nil {
			s.endTurn(t)
			t.discard()
		}
	}
	return err
}

// placedErr is the error of a placement refused because the article is
// in a story: store.ErrPlaced, naming the story.
func placedErr(ctx context.Context, s *Store, articleID string) error {
	sid, err := s.ArticleStory(ctx, articleID)
	if err != nil {
		return fmt.Errorf("article %q is in a story: %w", articleID, store.ErrPlaced)
	}
	return record.PlacedErr(articleID, sid)
}

// PutClusterState implements store.ClusterState.
func (s *Store) PutClusterState(ctx context.Context, d store.ClusterDelta) error {
	if err := s.tx(ctx, func(tx pgx.Tx) error { return putClusterState(ctx, tx, d) }); err != nil {
		return fmt.Errorf("postgres: put cluster state: %w", err)
	}
	return nil
}

// putClusterState writes d in tx, in one round trip (queueClusterState).
func putClusterState(ctx context.Context, tx pgx.Tx, d store.ClusterDelta) error {
	if err := record.CheckDelta(d); err != nil {
		return err
	}
	b := &pgx.Batch{}
	queueClusterState(b, d, false)
	return tx.SendBatch(ctx, b).Close()
}

// queueClusterState queues the statements that write d, one per table
// (arrays unnested), not one per row. The caller checks d (CheckDelta).
// With fresh (a placement's batch), the postings are inserted without
// ON CONFLICT: a placement's postings are numbered after every stored
// one (Meta.Posts, written with them), so none is there already, and the
// upsert's look for one costs an index descent a posting; should one be
// there all the same, the batch fails on the key and Place writes the
// placement again in its transaction, which replaces it.
func queueClusterState(b *pgx.Batch, d store.ClusterDelta, fresh bool) {
	if d.Meta != nil {
		b.Queue(`INSERT INTO cluster_meta(id, state) VALUES (1, $1)
			ON CONFLICT (id) DO UPDATE SET state = excluded.state`, d.Meta)
	}
	if len(d.Stories) > 0 {
		var ids, sids, cids []string
		var heads, states, caches, cacheOnly [][]byte
		for _, c := range d.Stories {
			if c.State == nil {
				cids, cacheOnly = append(cids, c.ID), append(cacheOnly, append([]byte{}, c.Cache...))
				continue
			}
			ids, sids = append(ids, c.ID), append(sids, c.StoryID)
			heads, states, caches = append(heads, append([]byte{}, c.Head...)), append(states, c.State), append(caches, append([]byte{}, c.Cache...))
		}
		if len(ids) > 0 {
			b.Queue(`INSERT INTO cluster_stories(id, story_id, head, state, cache)
				SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[], $4::bytea[], $5::bytea[])
				ON CONFLICT (id) DO UPDATE SET story_id = excluded.story_id, head = excluded.head, state = excluded.state, cache = excluded.cache`,
				ids, sids, heads, states, caches)
		}
		if len(cids) > 0 {
			b.Queue(`UPDATE cluster_stories c SET cache = u.cache FROM unnest($1::text[], $2::bytea[]) AS u(id, cache) WHERE c.id = u.id`,
				cids, cacheOnly)
		}
	}
	if len(d.DF) > 0 {
		terms, dfs := make([][]byte, 0, len(d.DF)), make([]int32, 0, len(d.DF))
		for t, n := range d.DF {
			terms, dfs = append(terms, []byte(t)), append(dfs, int32(n))
		}
		b.Queue(`INSERT INTO cluster_df(term, df) SELECT * FROM unnest($1::bytea[], $2::int[])
			ON CONFLICT (term) DO UPDATE SET df = excluded.df`, terms, dfs)
	}
	if len(d.Postings) > 0 {
		terms, seqs, stories := make([][]byte, len(d.Postings)), make([]int64, len(d.Postings)), make([]string, len(d.Postings))
		for i, p := range d.Postings {
			terms[i], seqs[i], stories[i] = []byte(p.Term), p.Seq, p.Story
		}
		q := `INSERT INTO cluster_postings(term, seq, story) SELECT * FROM unnest($1::bytea[], $2::bigint[], $3::text[])`
		if !fresh {
			q += ` ON CONFLICT (term, seq) DO UPDATE SET story = excluded.story`
		}
		b.Queue(q, terms, seqs, stories)
	}
	if d.Seq > 0 {
		queueChange(b, d)
	}
}

// changeLog is how many placements cluster_changes keeps: a process
// that has not read the state for longer reads it again whole.
const changeLog = 4096

// queueChange queues the change log's entry for d (ClusterChangeLog)
// and drops the entries that fell out of the log.
func queueChange(b *pgx.Batch, d store.ClusterDelta) {
	ids := make([]string, len(d.Stories))
	for i, c := range d.Stories {
		ids[i] = c.ID
	}
	df := make([][]byte, 0, len(d.DF))
	for t := range d.DF {
		df = append(df, []byte(t))
	}
	posted := [][]byte{}
	seen := map[string]bool{}
	for _, p := range d.Postings {
		if !seen[p.Term] {
			seen[p.Term] = true
			posted = append(posted, []byte(p.Term))
		}
	}
	b.Queue(`INSERT INTO cluster_changes(seq, stories, df, posted) VALUES ($1, $2, $3, $4)
		ON CONFLICT (seq) DO UPDATE SET stories = excluded.stories, df = excluded.df, posted = excluded.posted`, d.Seq, ids, df, posted)
	// By the primary key, a few at a time: the statistics of an
	// ever-growing seq always lag, so the planner took seq <= $1 for most
	// of the table and scanned all of it (some 1,500 pages of term
	// arrays, 20 ms) at every placement. One entry falls out a
	// placement; up to 64 go at once.
	b.Queue(`DELETE FROM cluster_changes WHERE seq = ANY(ARRAY(
		SELECT seq FROM cluster_changes WHERE seq <= $1 ORDER BY seq LIMIT 64))`, d.Seq-changeLog)
}

// queueChangesSince queues the reads of LockClusteringSince: the global
// record and the changes of the placements numbered above seq, merged;
// the results are filled in when the batch is read.
func queueChangesSince(b *pgx.Batch, seq int64) (*[]byte, *store.ClusterChanges) {
	var meta []byte
	var ch store.ClusterChanges
	b.Queue(record.ClusterMetaQuery).QueryRow(func(r pgx.Row) error {
		if err := r.Scan(&meta); err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
		return nil
	})
	b.Queue(`SELECT count(*),
		coalesce((SELECT array_agg(DISTINCT x) FROM cluster_changes, unnest(stories) x WHERE seq > $1), '{}'),
		coalesce((SELECT array_agg(DISTINCT x) FROM cluster_changes, unnest(df) x WHERE seq > $1), '{}'),
		coalesce((SELECT array_agg(DISTINCT x) FROM cluster_changes, unnest(posted) x WHERE seq > $1), '{}')
		FROM cluster_changes WHERE seq > $1`, seq).QueryRow(func(r pgx.Row) error {
		var df, posted [][]byte
		if err := r.Scan(&ch.Count, &ch.Stories, &df, &posted); err != nil {
			return err
		}
		ch.DF, ch.Posted = termStrings(df), termStrings(posted)
		return nil
	})
	// An array, not IN (subquery): the planner then looks each term up
	// in the primary key rather than scanning every frequency.
	b.Queue(`SELECT term, df FROM cluster_df
		WHERE term = ANY(ARRAY(SELECT DISTINCT x FROM cluster_changes, unnest(df) x WHERE seq > $1))`, seq).Query(func(rows pgx.Rows) error {
		ch.DFNow = map[string]int{}
		var t []byte
		var n int
		_, err := pgx.ForEachRow(rows, []any{&t, &n}, func() error {
			ch.DFNow[string(t)] = n
			return nil
		})
		return err
	})
	return &meta, &ch
}

// LockClusteringSince implements store.ClusterChangeLog: the lock
// statement and the reads in one pipelined batch on the lock's
// connection (PostgreSQL runs each statement once the one before it
// ended, so the reads see what the previous holder committed).
func (s *Store) LockClusteringSince(ctx context.Context, seq int64) (func() error, []byte, store.ClusterChanges, error) {
	var meta *[]byte
	var ch *store.ClusterChanges
	unlock, err := s.lockClustering(ctx, func(b *pgx.Batch) { meta, ch = queueChangesSince(b, seq) })
	if err != nil {
		return nil, nil, store.ClusterChanges{}, err
	}
	return unlock, *meta, *ch, nil
}

func termStrings(b [][]byte) []string {
	out := make([]string, len(b))
	for i, t := range b {
		out[i] = string(t)
	}
	return out
}
