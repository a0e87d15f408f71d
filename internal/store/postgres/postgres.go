// Package postgres is crosscheck's shared-archive store: PostgreSQL through
// a pgx connection pool, with full-text search over a generated tsvector
// column (english configuration, title weighted above body) and a GIN index.
//
// It implements store.Store and is safe for concurrent writers in several
// processes: articles are deduplicated by a unique hash constraint with
// ON CONFLICT DO NOTHING; stories are created with ON CONFLICT on their
// (seed-derived) id; story rows are locked (FOR SHARE to add to a story,
// FOR UPDATE in id order to merge) so that a merge never races an
// assignment; transactions that PostgreSQL aborts as deadlocked or
// unserialisable are retried; migrations run under an advisory lock, and
// LockClustering serialises clustering decisions with another one held on
// a dedicated pooled connection.
//
// Text columns cannot hold NUL or invalid UTF-8 in PostgreSQL: those are
// dropped or replaced in the indexed columns (title, body, input…); the
// article and raw documents are stored as bytes and come back exact.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/internal/record"
)

// retries is how many times a transaction aborted by a deadlock or a
// serialisation failure is attempted.
const retries = 5

// Store is a store.Store over a PostgreSQL database. Safe for concurrent
// use.
type Store struct {
	pool   *pgxpool.Pool
	cfg    *pgxpool.Config
	clock  func() time.Time
	closed atomic.Bool
	claims claimant // this handle's claim on the articles it stores

	turnMu sync.Mutex
	turn   *turn // the clustering lock while this handle holds it
}

var (
	_ store.Store            = (*Store)(nil)
	_ store.ArticleLister    = (*Store)(nil)
	_ store.ClusterLog       = (*Store)(nil)
	_ store.ClusterLocker    = (*Store)(nil)
	_ store.ClusterState     = (*Store)(nil)
	_ store.ClusterChangeLog = (*Store)(nil)
	_ store.ArticleClaims    = (*Store)(nil)
)

// Open connects to the database named by dsn (a postgres:// URL or a
// key=value string, see pgxpool.ParseConfig; pool_max_conns and friends are
// honoured) and brings its schema up to date.
func Open(ctx context.Context, dsn string) (*Store, error) {
	return OpenWith(ctx, dsn, store.Options{})
}

// OpenWith is Open with options: o.Now stamps what the store records (the
// database server's clock is not used).
func OpenWith(ctx context.Context, dsn string, o store.Options) (*Store, error) {
	clock := o.Clock()
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	if err := migrateDB(ctx, pool, migrations, clock); err != nil {
		pool.Close()
		return nil, err
	}
	return &Store{pool: pool, cfg: cfg, clock: clock}, nil
}

// Close gives up the clustering lock when this handle holds it and closes
// the pool; a second Close is a no-op.
func (s *Store) Close() error {
	if !s.closed.Swap(true) {
		s.closeClaims()
		s.dropTurn()
		s.pool.Close()
	}
	return nil
}

// check reports a closed store or an empty id.
func (s *Store) check(ids ...string) error { return record.CheckIDs(s.closed.Load(), ids...) }

// txt makes s storable in a text column: NUL bytes dropped, invalid UTF-8
// replaced by U+FFFD.
func txt(s string) string {
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// ts converts a time to what is stored: microseconds, UTC.
func ts(t time.Time) time.Time { return store.Time(t) }

// now is the store's clock as stored.
func (s *Store) now() time.Time { return ts(s.clock()) }

// notFound maps pgx.ErrNoRows to store.ErrNotFound.
func notFound(err error) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return store.ErrNotFound
	}
	return err
}

// retryable reports a deadlock or serialisation failure.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
}

// tx runs fn in a transaction, retrying when PostgreSQL aborted it as a
// deadlock victim.
func (s *Store) tx(ctx context.Context, fn func(pgx.Tx) error) error {
	if s.closed.Load() {
		return store.ErrClosed
	}
	var err error
	for range retries {
		err = pgx.BeginFunc(ctx, s.pool, fn)
		if !retryable(err) {
			return err
		}
	}
	return err
}

// PutArticle implements store.ArticleWriter: one statement, so one round
// trip and one implicit transaction (not BEGIN, two inserts and COMMIT,
// four round trips, each with a statement's overhead on the server).
// The article, its claim (store.ArticleClaims) and its raw input are
// inserted together, or nothing when the hash or the id is taken; the
// statement then returns the id stored under the hash, when its snapshot
// holds it.
func (s *Store) PutArticle(ctx context.Context, raw news.Raw, a *news.Article) (string, bool, error) {
	r, err := record.NewArticle(raw, a)
	if err != nil {
		return "", false, fmt.Errorf("postgres: put article: %w", err)
	}
	id := r.ID
	owner, err := s.owner(ctx)
	if err != nil {
		return "", false, fmt.Errorf("postgres: put article: %w", err)
	}
	if s.closed.Load() {
		return "", false, fmt.Errorf("postgres: put article %q: %w", id, store.ErrClosed)
	}
	var (
		got   string
		added bool
	)
	for range retries {
		err = s.pool.QueryRow(ctx, `WITH ins AS (
				INSERT INTO articles(id, hash, input, url, outlet, title, published, body, doc, added)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $14) ON CONFLICT DO NOTHING RETURNING id),
			claim AS (INSERT INTO article_claims(article_id, owner) SELECT id, $10::integer FROM ins),
			rawin AS (INSERT INTO raw_inputs(article_id, bytes, meta, body_from)
				SELECT id, $11::bytea, $12::bytea, $13::integer FROM ins)
			SELECT id, true FROM ins
			UNION ALL SELECT id, false FROM articles WHERE hash = $2 AND NOT EXISTS (SELECT FROM ins)`,
			id, r.Hash, txt(a.Input), txt(a.URL), txt(a.Outlet), txt(a.Title), txt(a.Published), txt(a.Body()), r.Doc,
			owner, raw.Bytes, r.Meta, r.From, s.now()).Scan(&got, &added)
		if errors.Is(err, pgx.ErrNoRows) {
			// Hash or id taken by a transaction that committed after
			// the statement's snapshot (the insert waited for it), or
			// the id taken under another hash.
			switch err = s.pool.QueryRow(ctx, `SELECT id FROM articles WHERE hash = $1`, r.Hash).Scan(&got); {
			case err == nil:
				return got, false, nil
			case errors.Is(err, pgx.ErrNoRows):
				return "", false, fmt.Errorf("postgres: put article %q: %w", id, store.ErrIDConflict)
			}
		}
		if !retryable(err) {
			break
		}
	}
	if err != nil {
		return "", false, fmt.Errorf("postgres: put article %q: %w", id, err)
	}
	return got, added, nil
}

// UpdateArticle implements store.ArticleWriter.
func (s *Store) UpdateArticle(ctx context.Context, a *news.Article) error {
	if err := record.CheckUpdate(s.closed.Load(), a); err != nil {
		return fmt.Errorf("postgres: update article: %w", err)
	}
	err := s.tx(ctx, func(tx pgx.Tx) error {
		var hash string
		if err := tx.QueryRow(ctx, `SELECT hash FROM articles WHERE id = $1 FOR UPDATE`, a.ID).Scan(&hash); err != nil {
			return notFound(err)
		}
		doc, err := record.EncodeArticle(a, a.ID, hash)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE articles SET input = $1, url = $2, outlet = $3, title = $4, published = $5, body = $6, doc = $7
			WHERE id = $8`, txt(a.Input), txt(a.URL), txt(a.Outlet), txt(a.Title), txt(a.Published), txt(a.Body()), doc, a.ID)
		return err
	})
	if err != nil {
		return fmt.Errorf("postgres: update article %q: %w", a.ID, err)
	}
	return nil
}

// Article implements store.ArticleReader.
func (s *Store) Article(ctx context.Context, id string) (*news.Article, error) {
	if err := s.check(id); err != nil {
		return nil, fmt.Errorf("postgres: article: %w", err)
	}
	var doc []byte
	if err := s.pool.QueryRow(ctx, `SELECT doc FROM articles WHERE id = $1`, id).Scan(&doc); err != nil {
		return nil, fmt.Errorf("postgres: article %q: %w", id, notFound(err))
	}
	return record.DecodeArticle(doc)
}

// RawInput implements store.ArticleReader.
func (s *Store) RawInput(ctx context.Context, id string) (news.Raw, error) {
	if err := s.check(id); err != nil {
		return news.Raw{}, fmt.Errorf("postgres: raw input: %w", err)
	}
	var (
		b, meta []byte
		from    int
	)
	if err := s.pool.QueryRow(ctx, `SELECT bytes, meta, body_from FROM raw_inputs WHERE article_id = $1`, id).
		Scan(&b, &meta, &from); err != nil {
		return news.Raw{}, fmt.Errorf("postgres: raw input %q: %w", id, notFound(err))
	}
	return record.DecodeRaw(meta, b, from)
}

// Articles implements store.ArticleLister, in the order of the seq column
// that a sequence fills at insert.
func (s *Store) Articles(ctx context.Context, o store.ListOptions) ([]news.ArticleRef, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	limit, offset := o.Page()
	rows, err := s.pool.Query(ctx, `SELECT id, input, outlet, title FROM articles ORDER BY seq LIMIT $1 OFFSET $2`, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("postgres: articles: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (news.ArticleRef, error) {
		return record.ScanRef(r.Scan)
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: articles: %w", err)
	}
	return out, nil
}

// ArticleStory implements store.ArticleReader.
func (s *Store) ArticleStory(ctx context.Context, articleID string) (string, error) {
	if err := s.check(articleID); err != nil {
		return "", fmt.Errorf("postgres: article story: %w", err)
	}
	var sid string
	err := s.pool.QueryRow(ctx, `SELECT coalesce(sa.story_id, '') FROM articles a
		LEFT JOIN story_articles sa ON sa.article_id = a.id WHERE a.id = $1`, articleID).Scan(&sid)
	if err != nil {
		return "", fmt.Errorf("postgres: article story %q: %w", articleID, notFound(err))
	}
	return sid, nil
}

// querier is what the pool and a transaction both offer.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// Row locks taken by resolve.
const (
	noLock    = ""
	shareLock = " FOR SHARE"
	writeLock = " FOR UPDATE"
)

// resolve follows a merged-away story id to the surviving story and, inside
// a transaction, locks its row (lock is noLock, shareLock or writeLock).
func resolve(ctx context.Context, q querier, id, lock string) (string, error) {
	lookup := func(query string) func(string) (string, error) {
		return func(id string) (string, error) {
			var got string
			if err := q.QueryRow(ctx, query, id).Scan(&got); err != nil {
				return "", notFound(err)
			}
			return got, nil
		}
	}
	return record.Resolve(id, lookup(`SELECT id FROM stories WHERE id = $1`+lock),
		lookup(`SELECT story_id FROM story_aliases WHERE id = $1`))
}

// assign makes articleID a member of storyID (resolved and locked).
func assign(ctx context.Context, tx pgx.Tx, articleID, storyID string, t time.Time) error {
	var prev *string
	err := tx.QueryRow(ctx, `SELECT sa.story_id FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id
		WHERE a.id = $1 FOR UPDATE OF a`, articleID).Scan(&prev)
	if err != nil {
		return fmt.Errorf("article %q: %w", articleID, notFound(err))
	}
	if prev != nil && *prev == storyID {
		return nil
	}
	if _, err := tx.Exec(ctx, `INSERT INTO story_articles(article_id, story_id, seq) VALUES ($1, $2, nextval('story_articles_seq'))
		ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, seq = excluded.seq`, articleID, storyID); err != nil {
		return err
	}
	if prev != nil {
		if _, err := tx.Exec(ctx, `UPDATE stories SET updated = greatest(updated, $1) WHERE id = $2`, t, *prev); err != nil {
			return err
		}
	}
	_, err = tx.Exec(ctx, `UPDATE stories SET updated = greatest(updated, $1) WHERE id = $2`, t, storyID)
	return err
}

// CreateStory implements store.StoryWriter.
func (s *Store) CreateStory(ctx context.Context, st news.Story) (string, bool, error) {
	id := store.StoryIDOf(st)
	created := false
	err := s.tx(ctx, func(tx pgx.Tx) error {
		var err error
		created, err = s.createStory(ctx, tx, id, st)
		return err
	})
	if err != nil {
		return "", false, fmt.Errorf("postgres: create story %q: %w", id, err)
	}
	return id, created, nil
}

// createStory is CreateStory's transaction: created=false when id exists.
func (s *Store) createStory(ctx context.Context, tx pgx.Tx, id string, st news.Story) (bool, error) {
	if _, err := resolve(ctx, tx, id, noLock); err == nil {
		return false, nil
	} else if !errors.Is(err, store.ErrNotFound) {
		return false, err
	}
	t := record.StoryTime(st, s.clock)
	var ins string
	err := tx.QueryRow(ctx, `INSERT INTO stories(id, title, created, updated, event, first_published, latest_published, follows)
		VALUES ($1, $2, $8, $3, $4, $5, $6, $7)
		ON CONFLICT (id) DO NOTHING RETURNING id`, id, txt(st.Title), t, txt(st.Time.Event), optTime(st.Time.First), optTime(st.Time.Latest), txt(st.Follows), s.now()).Scan(&ins)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil // a concurrent creator won
	}
	if err != nil {
		return false, err
	}
	for _, a := range st.Articles {
		if err := assign(ctx, tx, a.ID, id, t); err != nil {
			return false, err
		}
	}
	return true, nil
}

// UpdateStory implements store.StoryWriter.
func (s *Store) UpdateStory(ctx context.Context, st news.Story) error {
	if err := s.check(st.ID); err != nil {
		return fmt.Errorf("postgres: update story: %w", err)
	}
	t := record.StoryTime(st, s.clock)
	err := s.tx(ctx, func(tx pgx.Tx) error {
		id, err := resolve(ctx, tx, st.ID, writeLock)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE stories SET title = $1, updated = $2 WHERE id = $3`, txt(st.Title), t, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("postgres: update story %q: %w", st.ID, err)
	}
	return nil
}

// AssignStory implements store.StoryWriter.
func (s *Store) AssignStory(ctx context.Context, articleID, storyID string) error {
	if err := s.check(articleID, storyID); err != nil {
		return fmt.Errorf("postgres: assign story: %w", err)
	}
	err := s.tx(ctx, func(tx pgx.Tx) error { return s.assignTo(ctx, tx, articleID, storyID) })
	if err != nil {
		return fmt.Errorf("postgres: assign %q to story %q: %w", articleID, storyID, err)
	}
	return nil
}

// assignTo is AssignStory's transaction.
func (s *Store) assignTo(ctx context.Context, tx pgx.Tx, articleID, storyID string) error {
	id, err := resolve(ctx, tx, storyID, writeLock)
	if err != nil {
		return fmt.Errorf("story %q: %w", storyID, err)
	}
	return assign(ctx, tx, articleID, id, s.now())
}

// MergeStories implements store.StoryWriter.
func (s *Store) MergeStories(ctx context.Context, into, from string) error {
	if err := s.check(into, from); err != nil {
		return fmt.Errorf("postgres: merge stories: %w", err)
	}
	err := s.tx(ctx, func(tx pgx.Tx) error { return s.mergeStories(ctx, tx, into, from) })
	if err != nil {
		return fmt.Errorf("postgres: merge story %q into %q: %w", from, into, err)
	}
	return nil
}

// mergeStories is MergeStories' transaction.
func (s *Store) mergeStories(ctx context.Context, tx pgx.Tx, into, from string) error {
	// MergePair locks in id order so that two merges cannot deadlock.
	in, fr, err := record.MergePair(into, from, func(id string) (string, error) { return resolve(ctx, tx, id, writeLock) })
	if err != nil {
		return err
	}
	stmts := []struct {
		q    string
		args []any
	}{
		// Moved articles follow the survivor's, in their old order.
		{`UPDATE story_articles sa SET story_id = $1, seq = n.seq
			FROM (SELECT article_id, nextval('story_articles_seq') AS seq
				FROM (SELECT article_id FROM story_articles WHERE story_id = $2 ORDER BY seq) o) n
			WHERE sa.article_id = n.article_id`, []any{in, fr}},
		{`UPDATE story_aliases SET story_id = $1 WHERE story_id = $2`, []any{in, fr}},
		{`INSERT INTO story_aliases(id, story_id) VALUES ($1, $2)`, []any{fr, in}},
		{`UPDATE stories SET updated = greatest(updated, $1) WHERE id = $2`, []any{s.now(), in}},
		{`DELETE FROM stories WHERE id = $1`, []any{fr}},
	}
	for _, st := range stmts {
		if _, err := tx.Exec(ctx, st.q, st.args...); err != nil {
			return err
		}
	}
	return nil
}

// Stories implements store.StoryReader.
func (s *Store) Stories(ctx context.Context, o store.ListOptions) ([]news.Story, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	limit, offset := o.Page()
	rows, err := s.pool.Query(ctx, `SELECT `+storyColumns+` FROM stories
		ORDER BY latest_published DESC NULLS LAST, updated DESC, id LIMIT $1 OFFSET $2`, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("postgres: stories: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (news.Story, error) {
		return scanStory(r.Scan)
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: stories: %w", err)
	}
	if err := s.fillRefs(ctx, out); err != nil {
		return nil, fmt.Errorf("postgres: stories: %w", err)
	}
	return out, nil
}

// storyColumns are the stories columns scanStory reads, in its order.
const storyColumns = `id, title, updated, event, first_published, latest_published, follows`

// scanStory reads a story row of storyColumns.
func scanStory(scan func(...any) error) (news.Story, error) {
	var (
		st            news.Story
		first, latest *time.Time
	)
	if err := scan(&st.ID, &st.Title, &st.Updated, &st.Time.Event, &first, &latest, &st.Follows); err != nil {
		return st, err
	}
	st.Updated = st.Updated.UTC()
	if first != nil {
		st.Time.First = first.UTC()
	}
	if latest != nil {
		st.Time.Latest = latest.UTC()
	}
	return st, nil
}

// optTime is ts for a time that may be unknown: NULL for the zero time.
func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = ts(t)
	return &t
}

// fillRefs loads the article refs of the given stories in one query.
func (s *Store) fillRefs(ctx context.Context, sts []news.Story) error {
	if len(sts) == 0 {
		return nil
	}
	refs, ids := record.NewRefs(sts)
	rows, err := s.pool.Query(ctx, `SELECT sa.story_id, a.id, a.input, a.outlet, a.title
		FROM story_articles sa JOIN articles a ON a.id = sa.article_id
		WHERE sa.story_id = ANY($1) ORDER BY sa.story_id, sa.seq`, ids)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := refs.Scan(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Story implements store.StoryReader.
func (s *Store) Story(ctx context.Context, id string) (news.Story, error) {
	if err := s.check(id); err != nil {
		return news.Story{}, fmt.Errorf("postgres: story: %w", err)
	}
	rid, err := resolve(ctx, s.pool, id, noLock)
	if err != nil {
		return news.Story{}, fmt.Errorf("postgres: story %q: %w", id, err)
	}
	st, err := scanStory(s.pool.QueryRow(ctx, `SELECT `+storyColumns+` FROM stories WHERE id = $1`, rid).Scan)
	if err != nil {
		return news.Story{}, fmt.Errorf("postgres: story %q: %w", id, notFound(err))
	}
	sts := []news.Story{st}
	if err := s.fillRefs(ctx, sts); err != nil {
		return news.Story{}, fmt.Errorf("postgres: story %q: %w", id, err)
	}
	return sts[0], nil
}

// StoryArticles implements store.StoryReader.
func (s *Store) StoryArticles(ctx context.Context, storyID string) ([]*news.Article, error) {
	if err := s.check(storyID); err != nil {
		return nil, fmt.Errorf("postgres: story articles: %w", err)
	}
	rid, err := resolve(ctx, s.pool, storyID, noLock)
	if err != nil {
		return nil, fmt.Errorf("postgres: story articles %q: %w", storyID, err)
	}
	rows, err := s.pool.Query(ctx, `SELECT a.doc FROM story_articles sa JOIN articles a ON a.id = sa.article_id
		WHERE sa.story_id = $1 ORDER BY sa.seq`, rid)
	if err != nil {
		return nil, fmt.Errorf("postgres: story articles %q: %w", storyID, err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*news.Article, error) {
		var doc []byte
		if err := r.Scan(&doc); err != nil {
			return nil, err
		}
		return record.DecodeArticle(doc)
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: story articles %q: %w", storyID, err)
	}
	return out, nil
}

// StaleStories implements store.StoryReader.
func (s *Store) StaleStories(ctx context.Context, limit int) ([]string, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	rows, err := s.pool.Query(ctx, record.StaleQuery, store.Limit(limit))
	if err != nil {
		return nil, fmt.Errorf("postgres: stale stories: %w", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("postgres: stale stories: %w", err)
	}
	return out, nil
}

// PutBriefing implements store.Briefings.
func (s *Store) PutBriefing(ctx context.Context, storyID string, b *news.Briefing) error {
	if err := s.check(storyID); err != nil {
		return fmt.Errorf("postgres: put briefing: %w", err)
	}
	doc, err := record.EncodeBriefing(b)
	if err != nil {
		return fmt.Errorf("postgres: put briefing: %w", err)
	}
	err = s.tx(ctx, func(tx pgx.Tx) error {
		// The story row is written below: FOR SHARE would let two
		// writers deadlock upgrading their locks.
		id, err := resolve(ctx, tx, storyID, writeLock)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO briefings(story_id, version, updated, story_updated, doc)
			SELECT id, 1, $2, updated, $3 FROM stories WHERE id = $1
			ON CONFLICT (story_id) DO UPDATE SET version = briefings.version + 1, updated = excluded.updated,
			story_updated = excluded.story_updated, doc = excluded.doc`, id, s.now(), doc)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE stories SET title = CASE WHEN $1 = '' THEN title ELSE $1 END,
			event = $2, first_published = $3, latest_published = $4, briefed = updated WHERE id = $5`,
			txt(b.Title), txt(b.Time.Event), optTime(b.Time.First), optTime(b.Time.Latest), id)
		return err
	})
	if err != nil {
		return fmt.Errorf("postgres: put briefing of story %q: %w", storyID, err)
	}
	return nil
}

// Briefing implements store.Briefings.
func (s *Store) Briefing(ctx context.Context, storyID string) (*news.Briefing, store.BriefingInfo, error) {
	var info store.BriefingInfo
	if err := s.check(storyID); err != nil {
		return nil, info, fmt.Errorf("postgres: briefing: %w", err)
	}
	id, err := resolve(ctx, s.pool, storyID, noLock)
	if err != nil {
		return nil, info, fmt.Errorf("postgres: briefing of story %q: %w", storyID, err)
	}
	var doc []byte
	if err := s.pool.QueryRow(ctx, `SELECT version, updated, doc FROM briefings WHERE story_id = $1`, id).
		Scan(&info.Version, &info.Updated, &doc); err != nil {
		return nil, info, fmt.Errorf("postgres: briefing of story %q: %w", storyID, notFound(err))
	}
	info.Updated = info.Updated.UTC()
	b, err := record.DecodeBriefing(doc)
	return b, info, err
}

// Search implements store.Searcher. The query words are ANDed through
// plainto_tsquery (english stemming and stop words); snippets come from
// ts_headline, computed only for the returned page.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]store.SearchHit, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	words := store.QueryWords(query)
	if len(words) == 0 {
		return nil, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT h.id, coalesce(sa.story_id, ''), h.title, h.outlet, h.published,
			ts_headline('english', h.body, h.q, 'StartSel=[, StopSel=], MaxWords=30, MinWords=12, MaxFragments=1'), h.rank
		FROM (SELECT a.id, a.title, a.outlet, a.published, a.body, q, ts_rank(a.tsv, q) AS rank
			FROM articles a, plainto_tsquery('english', $1) q
			WHERE a.tsv @@ q ORDER BY rank DESC, a.id LIMIT $2) h
		LEFT JOIN story_articles sa ON sa.article_id = h.id
		ORDER BY h.rank DESC, h.id`, txt(strings.Join(words, " ")), store.Limit(limit))
	if err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", query, err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.SearchHit, error) {
		var (
			h    store.SearchHit
			rank float32
		)
		err := r.Scan(&h.ArticleID, &h.StoryID, &h.Title, &h.Outlet, &h.Published, &h.Snippet, &rank)
		h.Rank = float64(rank)
		return h, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", query, err)
	}
	return out, nil
}

// RecordRejected implements store.IngestLog.
func (s *Store) RecordRejected(ctx context.Context, input, reason string) error {
	if s.closed.Load() {
		return store.ErrClosed
	}
	if _, err := s.pool.Exec(ctx, `INSERT INTO rejected(input, reason, at) VALUES ($1, $2, $3)`,
		txt(input), txt(reason), s.now()); err != nil {
		return fmt.Errorf("postgres: record rejected %q: %w", input, err)
	}
	return nil
}

// Rejected implements store.IngestLog.
func (s *Store) Rejected(ctx context.Context, o store.ListOptions) ([]store.Rejection, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	limit, offset := o.Page()
	rows, err := s.pool.Query(ctx, `SELECT input, reason, at FROM rejected ORDER BY id DESC LIMIT $1 OFFSET $2`, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("postgres: rejected: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.Rejection, error) {
		var x store.Rejection
		err := r.Scan(&x.Input, &x.Reason, &x.At)
		x.At = x.At.UTC()
		return x, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: rejected: %w", err)
	}
	return out, nil
}

// Stats implements store.Store.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	if s.closed.Load() {
		return store.Stats{}, store.ErrClosed
	}
	st, err := record.ScanStats(s.pool.QueryRow(ctx, record.StatsQuery).Scan)
	if err != nil {
		return store.Stats{}, fmt.Errorf("postgres: stats: %w", err)
	}
	return st, nil
}
