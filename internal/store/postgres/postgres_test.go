package postgres

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/internal/record"
	"github.com/crosscheck/crosscheck/internal/store/pgtest"
	"github.com/crosscheck/crosscheck/internal/store/storetest"
)

// server starts a throwaway PostgreSQL (pgtest skips the test when it is not
// installed, and fails on CI) and returns its database-by-name function.
func server(t *testing.T) func(t testing.TB, name string) string {
	srv := pgtest.NewServer(t)
	return srv.DB
}

func open(t testing.TB, dsn string) *Store {
	t.Helper()
	return openWith(t, dsn, store.Options{})
}

// openWith opens dsn with o and closes it at the test's end.
func openWith(t testing.TB, dsn string, o store.Options) *Store {
	t.Helper()
	s, err := OpenWith(context.Background(), dsn, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	db := server(t)
	storetest.Run(t, func(t testing.TB, name string, o store.Options) store.Store {
		return openWith(t, db(t, name), o)
	})
}

// TestConcurrentOpen opens one new database from several goroutines at
// once: the advisory lock must let exactly one apply the migrations.
func TestConcurrentOpen(t *testing.T) {
	dsn := server(t)(t, "concurrent_open")
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() {
			s, err := Open(context.Background(), dsn)
			if err != nil {
				errs <- err
				return
			}
			s.Close()
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	s := open(t, dsn)
	var n int
	if err := s.pool.QueryRow(t.Context(), `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n != len(migrations) {
		t.Errorf("schema_migrations rows = %d, %v; want %d", n, err, len(migrations))
	}
}

func TestSchemaNewer(t *testing.T) {
	dsn := server(t)(t, "schema_newer")
	s := open(t, dsn)
	if _, err := s.pool.Exec(t.Context(), `INSERT INTO schema_migrations(version, name) VALUES (999, 'future')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(t.Context(), dsn); !errors.Is(err, store.ErrSchemaNewer) {
		t.Errorf("Open of a newer schema: err = %v, want ErrSchemaNewer", err)
	}
}

// TestUpgrade applies only the first migration, stores an article, then
// opens normally: the later migrations must apply over existing data.
func TestUpgrade(t *testing.T) {
	dsn := server(t)(t, "upgrade")
	old, err := Open(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	// Rebuild the database at version 1.
	s := open(t, dsn)
	if _, err := s.pool.Exec(t.Context(), `DROP SCHEMA public CASCADE; CREATE SCHEMA public`); err != nil {
		t.Fatal(err)
	}
	if err := migrateDB(t.Context(), s.pool, migrations[:1], time.Now); err != nil {
		t.Fatal(err)
	}
	// The article as a version-1 crosscheck stored it (today's
	// PutArticle writes tables of later versions).
	raw, a := storetest.Synthetic(1, 50)
	r, err := record.NewArticle(raw, a)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.pool.Exec(t.Context(), `INSERT INTO articles(id, hash, input, url, outlet, title, published, body, doc, added)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())`, r.ID, r.Hash, a.Input, a.URL, a.Outlet, a.Title, a.Published, a.Body(), r.Doc); err != nil {
		t.Fatal(err)
	}
	if _, err := s.pool.Exec(t.Context(), `INSERT INTO raw_inputs(article_id, bytes, meta, body_from) VALUES ($1, $2, $3, $4)`,
		r.ID, raw.Bytes, r.Meta, r.From); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = open(t, dsn)
	got, err := s.Articles(t.Context(), store.ListOptions{})
	if err != nil || len(got) != 1 {
		t.Fatalf("Articles after upgrade = %v, %v", got, err)
	}
	// Left unplaced by then, it belongs to no one: any process takes it.
	if ids, err := s.ClaimOrphans(t.Context(), 10); err != nil || len(ids) != 1 || ids[0] != r.ID {
		t.Errorf("orphans after upgrade = %v, %v; want [%s]", ids, err, r.ID)
	}
	var v int
	if err := s.pool.QueryRow(t.Context(), `SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil || v != migrations[len(migrations)-1].Version {
		t.Errorf("schema version = %d, %v", v, err)
	}
}

// TestClusterChanges checks the change log: each numbered placement's
// keys, merged over the placements asked for, counted; the log bounded.
func TestClusterChanges(t *testing.T) {
	ctx := context.Background()
	s := open(t, server(t)(t, "changes"))
	place := func(seq int64, story, term string) {
		t.Helper()
		id := fmt.Sprintf("a%d", seq)
		if _, _, err := s.PutArticle(ctx, news.Raw{Input: id, Text: id}, &news.Article{ID: id, Title: id}); err != nil {
			t.Fatal(err)
		}
		d := store.ClusterDelta{Seq: seq, Meta: []byte(fmt.Sprint(seq)), DF: map[string]int{term: int(seq), "common": int(seq)},
			Stories:  []store.ClusterStory{{ID: story, StoryID: "x", State: []byte{1}}},
			Postings: []store.ClusterPosting{{Term: term, Seq: seq, Story: story}, {Term: term, Seq: seq + 100, Story: story}}}
		if _, err := s.Place(ctx, store.Placement{ArticleID: id, Create: &news.Story{Title: id}, State: d}); err != nil {
			t.Fatal(err)
		}
	}
	place(1, "c1", "storm")
	place(2, "c2", "flood")
	place(3, "c1", "\x00odd")
	since := func(seq int64) ([]byte, store.ClusterChanges, error) {
		unlock, meta, ch, err := s.LockClusteringSince(ctx, seq)
		if err != nil {
			return nil, ch, err
		}
		return meta, ch, unlock()
	}
	meta, ch, err := since(1)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(ch.Stories)
	slices.Sort(ch.DF)
	slices.Sort(ch.Posted)
	want := store.ClusterChanges{Stories: []string{"c1", "c2"}, DF: []string{"\x00odd", "common", "flood"}, Posted: []string{"\x00odd", "flood"}, Count: 2,
		DFNow: map[string]int{"\x00odd": 3, "common": 3, "flood": 2}}
	if string(meta) != "3" || !reflect.DeepEqual(ch, want) {
		t.Errorf("changes since 1: meta %q, %+v; want %+v", meta, ch, want)
	}
	if _, ch, err := since(3); err != nil || ch.Count != 0 || len(ch.Stories) != 0 {
		t.Errorf("changes since the last: %+v, %v", ch, err)
	}
	place(3+changeLog, "c3", "storm")
	if _, ch, err := since(0); err != nil || ch.Count != 1 {
		t.Errorf("after placement %d the log holds %d placements (%v), want 1", 3+changeLog, ch.Count, err)
	}
}

// TestStaleMigration checks that migration 10 fills stories.briefed from
// the briefings stored before it: a story briefed since its last change is
// current, one changed after its briefing and one never briefed are
// stale, and a story placed after the migration is stale too.
func TestStaleMigration(t *testing.T) {
	ctx := t.Context()
	dsn := server(t)(t, "stale_migration")
	s := open(t, dsn)
	article := func(id string) {
		t.Helper()
		if _, _, err := s.PutArticle(ctx, news.Raw{Input: id, Text: id}, &news.Article{ID: id, Title: id}); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{"current", "changed", "never"} {
		article(id)
		if _, _, err := s.CreateStory(ctx, news.Story{ID: "s-" + id, Title: id, Articles: []news.ArticleRef{{ID: id}}}); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{"s-current", "s-changed"} {
		if err := s.PutBriefing(ctx, id, &news.Briefing{Title: id}); err != nil {
			t.Fatal(err)
		}
	}
	article("later")
	if err := s.AssignStory(ctx, "later", "s-changed"); err != nil {
		t.Fatal(err)
	}
	// Back to the schema before migration 10.
	undoCoveringKeys(t, s)
	if _, err := s.pool.Exec(ctx, `DROP INDEX stories_stale; ALTER TABLE stories DROP COLUMN briefed;
		DELETE FROM schema_migrations WHERE version = 10`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = open(t, dsn)
	want := []string{"s-never", "s-changed"} // oldest change first
	if got, err := s.StaleStories(ctx, 10); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("StaleStories after migration = %v, %v; want %v", got, err, want)
	}
	article("placed")
	placed, err := s.Place(ctx, store.Placement{ArticleID: "placed", Create: &news.Story{Title: "placed"}})
	if err != nil {
		t.Fatal(err)
	}
	want = append(want, placed.StoryID)
	if got, err := s.StaleStories(ctx, 10); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("StaleStories after a placement = %v, %v; want %v", got, err, want)
	}
}

// TestPlaceRelease checks Placement.Release: a placement made holding
// the clustering lock gives it up as it commits (another handle takes
// the lock at once and reads the placement), the holder's unlock then
// does nothing; a placement refused (the article placed already) keeps
// the lock until the holder's unlock; without the lock Release is
// ignored.
func TestPlaceRelease(t *testing.T) {
	ctx := context.Background()
	dsn := server(t)(t, "release")
	s, other := open(t, dsn), open(t, dsn)
	put := func(id string) {
		t.Helper()
		if _, _, err := s.PutArticle(ctx, news.Raw{Input: id, Text: id}, &news.Article{ID: id, Title: id}); err != nil {
			t.Fatal(err)
		}
	}
	// locked reports whether other cannot take the lock within a moment.
	locked := func() bool {
		t.Helper()
		lctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
		defer cancel()
		unlock, err := other.LockClustering(lctx)
		if err != nil {
			return true
		}
		if err := unlock(); err != nil {
			t.Fatal(err)
		}
		return false
	}
	state := func(seq int64) store.ClusterDelta {
		return store.ClusterDelta{Seq: seq, Meta: []byte(fmt.Sprint(seq)), DF: map[string]int{"t": int(seq)}}
	}
	for i, tc := range []struct {
		name     string
		article  string
		wantErr  error
		wantHeld bool
	}{
		{"placed", "a1", nil, false},
		{"refused", "a1", store.ErrPlaced, true},
		{"again", "a2", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.wantErr == nil {
				put(tc.article)
			}
			unlock, _, _, err := s.LockClusteringSince(ctx, 0)
			if err != nil {
				t.Fatal(err)
			}
			// Given up however the subtest ends (unlock is idempotent):
			// a failure below must not leave the next subtest waiting.
			t.Cleanup(func() { unlock() })
			seq := int64(i + 1)
			_, err = s.Place(ctx, store.Placement{ArticleID: tc.article, Create: &news.Story{Title: tc.article}, State: state(seq), Release: true})
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("Place: %v, want %v", err, tc.wantErr)
			}
			if got := locked(); got != tc.wantHeld {
				t.Errorf("after the placement the lock is held: %v, want %v", got, tc.wantHeld)
			}
			if err := unlock(); err != nil {
				t.Fatalf("unlock: %v", err)
			}
			if locked() {
				t.Error("held after unlock")
			}
			if tc.wantErr == nil {
				if sid, err := other.ArticleStory(ctx, tc.article); err != nil || sid == "" {
					t.Errorf("the other handle reads story %q, %v", sid, err)
				}
				if meta, err := other.ClusterMeta(ctx); err != nil || string(meta) != fmt.Sprint(seq) {
					t.Errorf("the other handle reads meta %q, %v; want %d", meta, err, seq)
				}
			}
		})
	}
	put("a3")
	if _, err := s.Place(ctx, store.Placement{ArticleID: "a3", Create: &news.Story{Title: "a3"}, State: state(9), Release: true}); err != nil {
		t.Fatalf("Release without the lock: %v", err)
	}
}

// undoCoveringKeys takes s's schema back to before migration 11.
func undoCoveringKeys(t *testing.T, s *Store) {
	t.Helper()
	undoLZ4(t, s)
	if _, err := s.pool.Exec(t.Context(), `
		ALTER TABLE cluster_postings DROP CONSTRAINT cluster_postings_pkey, ADD CONSTRAINT cluster_postings_pkey PRIMARY KEY (term, seq);
		ALTER TABLE cluster_postings RESET (autovacuum_vacuum_insert_scale_factor);
		ALTER TABLE cluster_stories DROP CONSTRAINT cluster_stories_pkey, ADD CONSTRAINT cluster_stories_pkey PRIMARY KEY (id);
		DELETE FROM schema_migrations WHERE version = 11`); err != nil {
		t.Fatal(err)
	}
}

// TestCoveringKeysMigration checks migration 11 on a state written
// before it: the primary keys of the postings and the stories carry the
// columns a decision reads (so that they are read by index alone), the
// state reads back unchanged, and an upsert still finds its row by the
// key.
func TestCoveringKeysMigration(t *testing.T) {
	ctx := t.Context()
	dsn := server(t)(t, "covering_keys")
	s := open(t, dsn)
	undoCoveringKeys(t, s)
	write := func(s *Store, story string, seq int64) {
		t.Helper()
		err := s.PutClusterState(ctx, store.ClusterDelta{
			Stories:  []store.ClusterStory{{ID: "c1", StoryID: story, Head: []byte(story), State: []byte{1}, Cache: []byte{2}}},
			Postings: []store.ClusterPosting{{Term: "storm", Seq: seq, Story: "c1"}, {Term: "\x00odd", Seq: 2, Story: story}},
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	write(s, "s-a", 1)
	s.Close()
	s = open(t, dsn)
	var included []string
	if err := s.pool.QueryRow(ctx, `SELECT array_agg(a.attname ORDER BY a.attname)
		FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey[i.indnkeyatts:])
		WHERE i.indexrelid IN ('cluster_postings_pkey'::regclass, 'cluster_stories_pkey'::regclass)`).Scan(&included); err != nil {
		t.Fatal(err)
	}
	if want := []string{"head", "story", "story_id"}; !slices.Equal(included, want) {
		t.Errorf("columns the keys include = %v, want %v", included, want)
	}
	write(s, "s-b", 3) // replaces c1 and the posting at seq 2
	heads, err := s.ClusterStories(ctx, []string{"c1"}, false)
	if err != nil || len(heads) != 1 || heads[0].StoryID != "s-b" || string(heads[0].Head) != "s-b" || heads[0].State != nil {
		t.Errorf("head after the migration = %+v, %v", heads, err)
	}
	ps, err := s.ClusterPostings(ctx, []string{"storm", "\x00odd"}, 0)
	want := []store.ClusterPosting{{Term: "storm", Seq: 1, Story: "c1"}, {Term: "storm", Seq: 3, Story: "c1"}, {Term: "\x00odd", Seq: 2, Story: "s-b"}}
	if err != nil || !reflect.DeepEqual(ps, want) {
		t.Errorf("postings after the migration = %+v, %v; want %+v", ps, err, want)
	}
}

// lz4Columns are the columns migration 12 compresses with LZ4.
var lz4Columns = []string{"articles.body", "articles.doc", "articles.tsv", "briefings.doc",
	"cluster_changes.df", "cluster_changes.posted", "cluster_meta.state", "cluster_stories.cache",
	"cluster_stories.state", "raw_inputs.bytes", "raw_inputs.meta"}

// hasLZ4 reports whether s's server can compress with LZ4, migration
// 12's condition (lz4Check).
func hasLZ4(t *testing.T, s *Store) bool {
	t.Helper()
	var lz4 bool
	if err := s.pool.QueryRow(t.Context(), `SELECT EXISTS (`+lz4Check+`)`).Scan(&lz4); err != nil {
		t.Fatal(err)
	}
	return lz4
}

// undoLZ4 takes s's schema back to before migration 12. Where the server
// has no LZ4 the migration changed nothing (and SET COMPRESSION, new in
// PostgreSQL 14, may not parse), so only its record is removed.
func undoLZ4(t *testing.T, s *Store) {
	t.Helper()
	if hasLZ4(t, s) {
		for _, c := range lz4Columns {
			table, col, _ := strings.Cut(c, ".")
			if _, err := s.pool.Exec(t.Context(), `ALTER TABLE `+table+` ALTER COLUMN `+col+` SET COMPRESSION DEFAULT`); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := s.pool.Exec(t.Context(), `DELETE FROM schema_migrations WHERE version = 12`); err != nil {
		t.Fatal(err)
	}
}

// TestLZ4Migration checks migration 12: the large columns compress with
// LZ4 (where the server has it), and an article stored with pglz before
// it reads back as it was, beside one stored after.
func TestLZ4Migration(t *testing.T) {
	ctx := t.Context()
	dsn := server(t)(t, "lz4_migration")
	s := open(t, dsn)
	if !hasLZ4(t, s) {
		t.Skip("this PostgreSQL has no LZ4 (before 14, or built without it): migration 12 changes nothing")
	}
	undoLZ4(t, s)
	// Long and repetitive, so that the values are compressed.
	body := strings.Repeat("The storm reached the coast on Tuesday and the river rose. ", 200)
	put := func(id string) *news.Article {
		t.Helper()
		a := &news.Article{ID: id, Title: "Storm " + id, Paragraphs: []string{body + id}}
		if _, _, err := s.PutArticle(ctx, news.Raw{Input: id, Text: body + id}, a); err != nil {
			t.Fatal(err)
		}
		return a
	}
	put("before")
	s.Close()
	s = open(t, dsn)
	put("after")
	var got []string
	if err := s.pool.QueryRow(ctx, `SELECT array_agg(c.relname || '.' || a.attname ORDER BY c.relname, a.attname)
		FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
		WHERE a.attcompression = 'l' AND c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace`).Scan(&got); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, lz4Columns) {
		t.Errorf("LZ4 columns = %v, want %v", got, lz4Columns)
	}
	for id, want := range map[string]string{"before": "pglz", "after": "lz4"} {
		var text, doc, meta string
		if err := s.pool.QueryRow(ctx, `SELECT pg_column_compression(a.body), pg_column_compression(a.doc), pg_column_compression(r.meta)
			FROM articles a JOIN raw_inputs r ON r.article_id = a.id WHERE a.id = $1`, id).Scan(&text, &doc, &meta); err != nil {
			t.Fatal(err)
		}
		if text != want || doc != want || meta != want {
			t.Errorf("article %q compressed with %s, %s, %s; want %s", id, text, doc, meta, want)
		}
		if a, err := s.Article(ctx, id); err != nil || a.Body() != body+id || a.Title != "Storm "+id {
			t.Errorf("article %q does not read back as stored (%v)", id, err)
		}
		if r, err := s.RawInput(ctx, id); err != nil || r.Text != body+id {
			t.Errorf("raw input of %q does not read back as stored (%v)", id, err)
		}
	}
}

// TestPlaceStoredPosting checks that a placement whose postings are
// stored already (which the numbering rules out; the fast path inserts
// them without ON CONFLICT) is placed all the same, replacing them, with
// and without the lock's release.
func TestPlaceStoredPosting(t *testing.T) {
	ctx := t.Context()
	s := open(t, server(t)(t, "stored_posting"))
	if err := s.PutClusterState(ctx, store.ClusterDelta{
		Postings: []store.ClusterPosting{{Term: "storm", Seq: 1, Story: "old"}, {Term: "flood", Seq: 2, Story: "old"}},
	}); err != nil {
		t.Fatal(err)
	}
	for _, release := range []bool{false, true} {
		id := fmt.Sprintf("a-%v", release)
		if _, _, err := s.PutArticle(ctx, news.Raw{Input: id, Text: id}, &news.Article{ID: id, Title: id}); err != nil {
			t.Fatal(err)
		}
		unlock, err := s.LockClustering(ctx)
		if err != nil {
			t.Fatal(err)
		}
		placed, err := s.Place(ctx, store.Placement{ArticleID: id, Create: &news.Story{Title: id}, Release: release,
			State: store.ClusterDelta{Postings: []store.ClusterPosting{{Term: "storm", Seq: 1, Story: id}, {Term: "rain", Seq: 3, Story: id}}}})
		if uerr := unlock(); uerr != nil {
			t.Fatal(uerr)
		}
		if err != nil {
			t.Fatalf("Place with a stored posting (release %v): %v", release, err)
		}
		if sid, err := s.ArticleStory(ctx, id); err != nil || sid != placed.StoryID {
			t.Errorf("article %q in story %q, %v; want %q", id, sid, err, placed.StoryID)
		}
		ps, err := s.ClusterPostings(ctx, []string{"storm", "flood", "rain"}, 0)
		want := []store.ClusterPosting{{Term: "storm", Seq: 1, Story: id}, {Term: "flood", Seq: 2, Story: "old"}, {Term: "rain", Seq: 3, Story: id}}
		if err != nil || !reflect.DeepEqual(ps, want) {
			t.Errorf("postings = %+v, %v; want %+v", ps, err, want)
		}
	}
}
