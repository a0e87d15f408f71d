// Package sqlite is crosscheck's default store: one SQLite file (pure Go,
// modernc.org/sqlite) in WAL mode with an FTS5 full-text index.
//
// It implements store.Store. Writes go through a single connection in
// IMMEDIATE transactions (SQLite has one writer anyway; queuing in Go avoids
// SQLITE_BUSY upgrades), reads through a small pool of query-only
// connections that WAL lets run beside the writer. Several processes may
// open the same file: busy_timeout makes them wait for each other, and
// LockClustering serialises their clustering decisions with flock(2) on a
// sidecar file, <path>.cluster-lock.
//
// Durability: every write is one transaction, committed to the WAL before
// the call returns, so a process killed at any point (SIGKILL) keeps every
// article it reported added. synchronous=NORMAL means a power cut may lose
// the last transactions, never corrupt the file.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"modernc.org/sqlite" // registers the "sqlite" database/sql driver
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/internal/record"
)

// readers is the size of the read connection pool.
const readers = 4

// busyTimeout is how long a statement waits for another process's lock.
const busyTimeout = 10 * time.Second

// Store is a store.Store over one SQLite file. Safe for concurrent use.
type Store struct {
	w, r   *sql.DB
	lock   string // the clustering lock's sidecar file
	clock  func() time.Time
	closed atomic.Bool
	bulk   atomic.Pointer[bulk] // set during a bulk load (Bulk)

	heldMu sync.Mutex
	held   map[*os.File]bool // the clustering lock's files while held (Close gives them up)
}

var (
	_ store.Store         = (*Store)(nil)
	_ store.ArticleLister = (*Store)(nil)
	_ store.ClusterLog    = (*Store)(nil)
	_ store.ClusterLocker = (*Store)(nil)
	_ store.ClusterState  = (*Store)(nil)
)

// Open opens (creating when absent) the SQLite archive at path, creating
// its directory, and brings its schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	return OpenWith(ctx, path, store.Options{})
}

// OpenWith is Open with options: o.Now stamps what the store records.
func OpenWith(ctx context.Context, path string, o store.Options) (*Store, error) {
	clock := o.Clock()
	if path == "" || path == ":memory:" || strings.HasPrefix(path, "file:") {
		return nil, fmt.Errorf("sqlite: open %q: need a file path: %w", path, store.ErrInvalid)
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("sqlite: open: %w", err)
		}
	}
	pragmas := []string{
		fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()),
		"journal_mode(WAL)",
		"synchronous(NORMAL)",
		"foreign_keys(1)",
	}
	dsn := func(extra ...string) string {
		q := url.Values{}
		for _, p := range append(pragmas, extra...) {
			q.Add("_pragma", p)
		}
		return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	}
	w, err := sql.Open("sqlite", dsn()+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxIdleTime(0)
	w.SetConnMaxLifetime(0)
	if err := migrateRetry(ctx, w, clock); err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", dsn("query_only(1)"))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	r.SetMaxOpenConns(readers)
	r.SetMaxIdleConns(readers)
	return &Store{w: w, r: r, lock: path + ".cluster-lock", clock: clock}, nil
}

// migrateRetry migrates, retrying for up to busyTimeout while another
// process holds the database: two processes creating one new file at once
// can get SQLITE_BUSY from switching it to WAL, which the busy timeout does
// not cover.
func migrateRetry(ctx context.Context, w *sql.DB, clock func() time.Time) error {
	deadline := time.Now().Add(busyTimeout)
	for {
		err := migrateDB(ctx, w, clock)
		if err == nil || !busy(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// busy reports an SQLITE_BUSY error (primary or extended code).
func busy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// Close closes both pools; the WAL is checkpointed by SQLite when the last
// connection closes. A second Close is a no-op.
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	var rb error
	if b := s.bulk.Swap(nil); b != nil {
		b.mu.Lock()
		rb = b.tx.Rollback() // a load never committed is undone
		b.mu.Unlock()
	}
	s.dropLocks()
	return errors.Join(rb, s.r.Close(), s.w.Close())
}

// check reports a closed store or an empty id.
func (s *Store) check(ids ...string) error { return record.CheckIDs(s.closed.Load(), ids...) }

// micros converts a time to the stored form; the zero time is 0.
func micros(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMicro()
}

func fromMicros(v int64) time.Time { return time.UnixMicro(v).UTC() }

// now is the store's clock in the stored form.
func (s *Store) now() int64 { return s.clock().UnixMicro() }

// tx runs fn in a write transaction.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	if s.closed.Load() {
		return store.ErrClosed
	}
	if b := s.bulk.Load(); b != nil {
		return b.step(ctx, fn)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// PutArticle implements store.ArticleWriter.
func (s *Store) PutArticle(ctx context.Context, raw news.Raw, a *news.Article) (string, bool, error) {
	r, err := record.NewArticle(raw, a)
	if err != nil {
		return "", false, fmt.Errorf("sqlite: put article: %w", err)
	}
	id, added := r.ID, false
	err = s.tx(ctx, func(tx *sql.Tx) error {
		var old string
		switch err := tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE hash = ?`, r.Hash).Scan(&old); {
		case err == nil:
			id = old
			return nil
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return store.ErrIDConflict // named with the id below
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO articles(id, hash, input, url, outlet, title, published, body, doc, added)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, r.Hash, a.Input, a.URL, a.Outlet, a.Title, a.Published, a.Body(), r.Doc, s.now())
		if err != nil {
			return err
		}
		rowid, err := res.LastInsertId()
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO raw_inputs(article_rowid, bytes, meta, body_from) VALUES (?, ?, ?, ?)`,
			rowid, raw.Bytes, r.Meta, r.From); err != nil {
			return err
		}
		added = true
		return nil
	})
	if err != nil {
		return "", false, fmt.Errorf("sqlite: put article %q: %w", id, err)
	}
	return id, added, nil
}

// UpdateArticle implements store.ArticleWriter.
func (s *Store) UpdateArticle(ctx context.Context, a *news.Article) error {
	if err := record.CheckUpdate(s.closed.Load(), a); err != nil {
		return fmt.Errorf("sqlite: update article: %w", err)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var hash string
		if err := tx.QueryRowContext(ctx, `SELECT hash FROM articles WHERE id = ?`, a.ID).Scan(&hash); err != nil {
			return notFound(err)
		}
		doc, err := record.EncodeArticle(a, a.ID, hash)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE articles SET input = ?, url = ?, outlet = ?, title = ?, published = ?, body = ?, doc = ?
			WHERE id = ?`, a.Input, a.URL, a.Outlet, a.Title, a.Published, a.Body(), doc, a.ID)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: update article %q: %w", a.ID, err)
	}
	return nil
}

// notFound maps sql.ErrNoRows to store.ErrNotFound.
func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return store.ErrNotFound
	}
	return err
}

// Article implements store.ArticleReader.
func (s *Store) Article(ctx context.Context, id string) (*news.Article, error) {
	if err := s.check(id); err != nil {
		return nil, fmt.Errorf("sqlite: article: %w", err)
	}
	var doc []byte
	if err := s.rd().QueryRowContext(ctx, `SELECT doc FROM articles WHERE id = ?`, id).Scan(&doc); err != nil {
		return nil, fmt.Errorf("sqlite: article %q: %w", id, notFound(err))
	}
	return record.DecodeArticle(doc)
}

// RawInput implements store.ArticleReader.
func (s *Store) RawInput(ctx context.Context, id string) (news.Raw, error) {
	if err := s.check(id); err != nil {
		return news.Raw{}, fmt.Errorf("sqlite: raw input: %w", err)
	}
	var (
		b, meta []byte
		from    int
	)
	err := s.rd().QueryRowContext(ctx, `SELECT r.bytes, r.meta, r.body_from FROM articles a
		JOIN raw_inputs r ON r.article_rowid = a.rowid WHERE a.id = ?`, id).Scan(&b, &meta, &from)
	if err != nil {
		return news.Raw{}, fmt.Errorf("sqlite: raw input %q: %w", id, notFound(err))
	}
	return record.DecodeRaw(meta, b, from)
}

// Articles implements store.ArticleLister: rowid order is insertion order
// (articles are never deleted).
func (s *Store) Articles(ctx context.Context, o store.ListOptions) ([]news.ArticleRef, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	limit, offset := o.Page()
	rows, err := s.rd().QueryContext(ctx, `SELECT id, input, outlet, title FROM articles ORDER BY rowid LIMIT ? OFFSET ?`, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("sqlite: articles: %w", err)
	}
	defer rows.Close()
	out := []news.ArticleRef{}
	for rows.Next() {
		r, err := record.ScanRef(rows.Scan)
		if err != nil {
			return nil, fmt.Errorf("sqlite: articles: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ArticleStory implements store.ArticleReader.
func (s *Store) ArticleStory(ctx context.Context, articleID string) (string, error) {
	if err := s.check(articleID); err != nil {
		return "", fmt.Errorf("sqlite: article story: %w", err)
	}
	var sid string
	err := s.rd().QueryRowContext(ctx, `SELECT coalesce(sa.story_id, '') FROM articles a
		LEFT JOIN story_articles sa ON sa.article_id = a.id WHERE a.id = ?`, articleID).Scan(&sid)
	if err != nil {
		return "", fmt.Errorf("sqlite: article story %q: %w", articleID, notFound(err))
	}
	return sid, nil
}

// queryer is what both *sql.DB and *sql.Tx offer for reading.
type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// resolve follows a merged-away story id to the surviving story.
func resolve(ctx context.Context, q queryer, id string) (string, error) {
	lookup := func(query string) func(string) (string, error) {
		return func(id string) (string, error) {
			var got string
			if err := q.QueryRowContext(ctx, query, id).Scan(&got); err != nil {
				return "", notFound(err)
			}
			return got, nil
		}
	}
	return record.Resolve(id, lookup(`SELECT id FROM stories WHERE id = ?`),
		lookup(`SELECT story_id FROM story_aliases WHERE id = ?`))
}

// assign makes articleID a member of storyID (already resolved) at time t.
func assign(ctx context.Context, tx *sql.Tx, articleID, storyID string, t int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE id = ?`, articleID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("article %q: %w", articleID, store.ErrNotFound)
	}
	var prev string
	err := tx.QueryRowContext(ctx, `SELECT story_id FROM story_articles WHERE article_id = ?`, articleID).Scan(&prev)
	switch {
	case err == nil && prev == storyID:
		return nil
	case err != nil && !errors.Is(err, sql.ErrNoRows):
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO story_articles(article_id, story_id, seq)
		VALUES (?1, ?2, (SELECT coalesce(max(seq), 0) + 1 FROM story_articles WHERE story_id = ?2))
		ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id, seq = excluded.seq`, articleID, storyID); err != nil {
		return err
	}
	if prev != "" {
		if _, err := tx.ExecContext(ctx, `UPDATE stories SET updated = max(updated, ?) WHERE id = ?`, t, prev); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `UPDATE stories SET updated = max(updated, ?) WHERE id = ?`, t, storyID)
	return err
}

// CreateStory implements store.StoryWriter.
func (s *Store) CreateStory(ctx context.Context, st news.Story) (string, bool, error) {
	id := store.StoryIDOf(st)
	created := false
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		created, err = s.createStory(ctx, tx, id, st)
		return err
	})
	if err != nil {
		return "", false, fmt.Errorf("sqlite: create story %q: %w", id, err)
	}
	return id, created, nil
}

// createStory is CreateStory's transaction: created=false when id exists.
func (s *Store) createStory(ctx context.Context, tx *sql.Tx, id string, st news.Story) (bool, error) {
	if _, err := resolve(ctx, tx, id); err == nil {
		return false, nil
	} else if !errors.Is(err, store.ErrNotFound) {
		return false, err
	}
	t := micros(record.StoryTime(st, s.clock))
	if _, err := tx.ExecContext(ctx, `INSERT INTO stories(id, title, created, updated, event, first_published, latest_published, follows)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		id, st.Title, s.now(), t, st.Time.Event, optMicros(st.Time.First), optMicros(st.Time.Latest), st.Follows); err != nil {
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
		return fmt.Errorf("sqlite: update story: %w", err)
	}
	t := micros(record.StoryTime(st, s.clock))
	err := s.tx(ctx, func(tx *sql.Tx) error {
		id, err := resolve(ctx, tx, st.ID)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE stories SET title = ?, updated = ? WHERE id = ?`, st.Title, t, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: update story %q: %w", st.ID, err)
	}
	return nil
}

// AssignStory implements store.StoryWriter.
func (s *Store) AssignStory(ctx context.Context, articleID, storyID string) error {
	if err := s.check(articleID, storyID); err != nil {
		return fmt.Errorf("sqlite: assign story: %w", err)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		id, err := resolve(ctx, tx, storyID)
		if err != nil {
			return fmt.Errorf("story %q: %w", storyID, err)
		}
		return assign(ctx, tx, articleID, id, s.now())
	})
	if err != nil {
		return fmt.Errorf("sqlite: assign %q to story %q: %w", articleID, storyID, err)
	}
	return nil
}

// MergeStories implements store.StoryWriter.
func (s *Store) MergeStories(ctx context.Context, into, from string) error {
	if err := s.check(into, from); err != nil {
		return fmt.Errorf("sqlite: merge stories: %w", err)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error { return s.mergeStories(ctx, tx, into, from) })
	if err != nil {
		return fmt.Errorf("sqlite: merge story %q into %q: %w", from, into, err)
	}
	return nil
}

// mergeStories is MergeStories' transaction.
func (s *Store) mergeStories(ctx context.Context, tx *sql.Tx, into, from string) error {
	in, fr, err := record.MergePair(into, from, func(id string) (string, error) { return resolve(ctx, tx, id) })
	if err != nil {
		return err
	}
	var top int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM story_articles WHERE story_id = ?`, in).Scan(&top); err != nil {
		return err
	}
	// The aliases must point at the survivor before the delete below
	// cascades.
	stmts := []struct {
		q    string
		args []any
	}{
		{`UPDATE story_articles SET story_id = ?, seq = seq + ? WHERE story_id = ?`, []any{in, top, fr}},
		{`UPDATE story_aliases SET story_id = ? WHERE story_id = ?`, []any{in, fr}},
		{`INSERT INTO story_aliases(id, story_id) VALUES (?, ?)`, []any{fr, in}},
		{`UPDATE stories SET updated = max(updated, ?) WHERE id = ?`, []any{s.now(), in}},
	}
	for _, st := range stmts {
		if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM stories WHERE id = ?`, fr)
	return err
}

// Stories implements store.StoryReader.
func (s *Store) Stories(ctx context.Context, o store.ListOptions) ([]news.Story, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	limit, offset := o.Page()
	rows, err := s.rd().QueryContext(ctx, `SELECT `+storyColumns+` FROM stories
		ORDER BY latest_published DESC, updated DESC, id LIMIT ? OFFSET ?`, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("sqlite: stories: %w", err)
	}
	var out []news.Story
	for rows.Next() {
		st, err := scanStory(rows.Scan)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("sqlite: stories: %w", err)
		}
		out = append(out, st)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, fmt.Errorf("sqlite: stories: %w", err)
	}
	if err := s.fillRefs(ctx, out); err != nil {
		return nil, fmt.Errorf("sqlite: stories: %w", err)
	}
	return out, nil
}

// storyColumns are the stories columns scanStory reads, in its order.
const storyColumns = `id, title, updated, event, first_published, latest_published, follows`

// scanStory reads a story row of storyColumns.
func scanStory(scan func(...any) error) (news.Story, error) {
	var (
		st               news.Story
		u, first, latest int64
	)
	if err := scan(&st.ID, &st.Title, &u, &st.Time.Event, &first, &latest, &st.Follows); err != nil {
		return st, err
	}
	st.Updated = fromMicros(u)
	if first != 0 {
		st.Time.First = fromMicros(first)
	}
	if latest != 0 {
		st.Time.Latest = fromMicros(latest)
	}
	return st, nil
}

// optMicros is micros for a time that may be unknown: 0 for the zero time.
func optMicros(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return micros(t)
}

// fillRefs loads the article refs of the given stories in one query.
func (s *Store) fillRefs(ctx context.Context, sts []news.Story) error {
	if len(sts) == 0 {
		return nil
	}
	refs, ids := record.NewRefs(sts)
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.rd().QueryContext(ctx, `SELECT sa.story_id, a.id, a.input, a.outlet, a.title
		FROM story_articles sa JOIN articles a ON a.id = sa.article_id
		WHERE sa.story_id IN (`+placeholders(len(args))+`) ORDER BY sa.story_id, sa.seq`, args...)
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

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// Story implements store.StoryReader.
func (s *Store) Story(ctx context.Context, id string) (news.Story, error) {
	if err := s.check(id); err != nil {
		return news.Story{}, fmt.Errorf("sqlite: story: %w", err)
	}
	rid, err := resolve(ctx, s.rd(), id)
	if err != nil {
		return news.Story{}, fmt.Errorf("sqlite: story %q: %w", id, err)
	}
	st, err := scanStory(s.rd().QueryRowContext(ctx, `SELECT `+storyColumns+` FROM stories WHERE id = ?`, rid).Scan)
	if err != nil {
		return news.Story{}, fmt.Errorf("sqlite: story %q: %w", id, notFound(err))
	}
	sts := []news.Story{st}
	if err := s.fillRefs(ctx, sts); err != nil {
		return news.Story{}, fmt.Errorf("sqlite: story %q: %w", id, err)
	}
	return sts[0], nil
}

// StoryArticles implements store.StoryReader.
func (s *Store) StoryArticles(ctx context.Context, storyID string) ([]*news.Article, error) {
	if err := s.check(storyID); err != nil {
		return nil, fmt.Errorf("sqlite: story articles: %w", err)
	}
	rid, err := resolve(ctx, s.rd(), storyID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: story articles %q: %w", storyID, err)
	}
	rows, err := s.rd().QueryContext(ctx, `SELECT a.doc FROM story_articles sa JOIN articles a ON a.id = sa.article_id
		WHERE sa.story_id = ? ORDER BY sa.seq`, rid)
	if err != nil {
		return nil, fmt.Errorf("sqlite: story articles %q: %w", storyID, err)
	}
	defer rows.Close()
	var out []*news.Article
	for rows.Next() {
		var doc []byte
		if err := rows.Scan(&doc); err != nil {
			return nil, fmt.Errorf("sqlite: story articles %q: %w", storyID, err)
		}
		a, err := record.DecodeArticle(doc)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// StaleStories implements store.StoryReader.
func (s *Store) StaleStories(ctx context.Context, limit int) ([]string, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	return s.strings(ctx, record.StaleQuery, store.Limit(limit))
}

func (s *Store) strings(ctx context.Context, q string, args ...any) ([]string, error) {
	rows, err := s.rd().QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("sqlite: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// PutBriefing implements store.Briefings.
func (s *Store) PutBriefing(ctx context.Context, storyID string, b *news.Briefing) error {
	if err := s.check(storyID); err != nil {
		return fmt.Errorf("sqlite: put briefing: %w", err)
	}
	doc, err := record.EncodeBriefing(b)
	if err != nil {
		return fmt.Errorf("sqlite: put briefing: %w", err)
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		id, err := resolve(ctx, tx, storyID)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO briefings(story_id, version, updated, story_updated, doc)
			VALUES (?1, 1, ?2, (SELECT updated FROM stories WHERE id = ?1), ?3)
			ON CONFLICT(story_id) DO UPDATE SET version = version + 1, updated = excluded.updated,
			story_updated = excluded.story_updated, doc = excluded.doc`, id, s.now(), doc)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE stories SET title = CASE WHEN ? = '' THEN title ELSE ? END,
			event = ?, first_published = ?, latest_published = ?, briefed = updated WHERE id = ?`,
			b.Title, b.Title, b.Time.Event, optMicros(b.Time.First), optMicros(b.Time.Latest), id)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: put briefing of story %q: %w", storyID, err)
	}
	return nil
}

// Briefing implements store.Briefings.
func (s *Store) Briefing(ctx context.Context, storyID string) (*news.Briefing, store.BriefingInfo, error) {
	var info store.BriefingInfo
	if err := s.check(storyID); err != nil {
		return nil, info, fmt.Errorf("sqlite: briefing: %w", err)
	}
	id, err := resolve(ctx, s.rd(), storyID)
	if err != nil {
		return nil, info, fmt.Errorf("sqlite: briefing of story %q: %w", storyID, err)
	}
	var (
		doc []byte
		u   int64
	)
	if err := s.rd().QueryRowContext(ctx, `SELECT version, updated, doc FROM briefings WHERE story_id = ?`, id).
		Scan(&info.Version, &u, &doc); err != nil {
		return nil, info, fmt.Errorf("sqlite: briefing of story %q: %w", storyID, notFound(err))
	}
	info.Updated = fromMicros(u)
	b, err := record.DecodeBriefing(doc)
	return b, info, err
}

// ftsQuery turns a free-text query into an FTS5 expression: every word
// quoted (so nothing is an operator), implicitly ANDed.
func ftsQuery(q string) string {
	words := store.QueryWords(q)
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	return strings.Join(words, " ")
}

// Search implements store.Searcher.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]store.SearchHit, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	q := ftsQuery(query)
	if q == "" {
		return nil, nil
	}
	rows, err := s.rd().QueryContext(ctx, `SELECT a.id, coalesce(sa.story_id, ''), a.title, a.outlet, a.published,
			snippet(articles_fts, -1, '[', ']', '…', 16), bm25(articles_fts, 4.0, 1.0) AS score
		FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
		LEFT JOIN story_articles sa ON sa.article_id = a.id
		WHERE articles_fts MATCH ? ORDER BY score, a.id LIMIT ?`, q, store.Limit(limit))
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", query, err)
	}
	defer rows.Close()
	var out []store.SearchHit
	for rows.Next() {
		var h store.SearchHit
		if err := rows.Scan(&h.ArticleID, &h.StoryID, &h.Title, &h.Outlet, &h.Published, &h.Snippet, &h.Rank); err != nil {
			return nil, fmt.Errorf("sqlite: search %q: %w", query, err)
		}
		h.Rank = -h.Rank // bm25 is lower-is-better
		out = append(out, h)
	}
	return out, rows.Err()
}

// RecordRejected implements store.IngestLog.
func (s *Store) RecordRejected(ctx context.Context, input, reason string) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO rejected(input, reason, at) VALUES (?, ?, ?)`, input, reason, s.now())
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: record rejected %q: %w", input, err)
	}
	return nil
}

// Rejected implements store.IngestLog.
func (s *Store) Rejected(ctx context.Context, o store.ListOptions) ([]store.Rejection, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	limit, offset := o.Page()
	rows, err := s.rd().QueryContext(ctx, `SELECT input, reason, at FROM rejected ORDER BY id DESC LIMIT ? OFFSET ?`, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("sqlite: rejected: %w", err)
	}
	defer rows.Close()
	var out []store.Rejection
	for rows.Next() {
		var (
			r  store.Rejection
			at int64
		)
		if err := rows.Scan(&r.Input, &r.Reason, &at); err != nil {
			return nil, fmt.Errorf("sqlite: rejected: %w", err)
		}
		r.At = fromMicros(at)
		out = append(out, r)
	}
	return out, rows.Err()
}

// Stats implements store.Store.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	if s.closed.Load() {
		return store.Stats{}, store.ErrClosed
	}
	st, err := record.ScanStats(s.rd().QueryRowContext(ctx, record.StatsQuery).Scan)
	if err != nil {
		return store.Stats{}, fmt.Errorf("sqlite: stats: %w", err)
	}
	return st, nil
}
