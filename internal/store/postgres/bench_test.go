package postgres

import (
	"context"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/store/pgtest"
	"github.com/crosscheck/crosscheck/internal/store/storetest"
)

// BenchmarkPutArticle measures committed inserts of new ~800-word articles
// into a throwaway server (fsync off, so this is the CPU and round-trip
// cost, not the disk's).
func BenchmarkPutArticle(b *testing.B) {
	s, err := Open(context.Background(), pgtest.Start(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.BenchPutArticle(b, s)
}

// BenchmarkStaleStories measures an ingest's look for stale stories in an
// archive of 44,000 stories (the size issue 10 timed), all but 10 briefed
// since their last change. The archive is filled in SQL at the schema of
// migration 9 (before the stale-story index) and then opened, so that the
// later migrations run over it as over an archive a user upgrades.
func BenchmarkStaleStories(b *testing.B) {
	const stories, stale = 44000, 10
	ctx := b.Context()
	dsn := pgtest.Start(b)
	s, err := Open(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.pool.Exec(ctx, `DROP SCHEMA public CASCADE; CREATE SCHEMA public`); err != nil {
		b.Fatal(err)
	}
	if err := migrateDB(ctx, s.pool, migrations[:9], time.Now); err != nil {
		b.Fatal(err)
	}
	for _, st := range []struct {
		q    string
		args []any
	}{
		{`INSERT INTO stories(id, title, created, updated)
			SELECT 's' || i, 'story ' || i, now() - interval '1 day', now() - i * interval '1 second'
			FROM generate_series(1, $1::int) i`, []any{stories}},
		{`INSERT INTO briefings(story_id, version, updated, story_updated, doc)
			SELECT id, 1, now(), updated, convert_to(repeat('briefing ', 200), 'UTF8') FROM stories
			WHERE substr(id, 2)::int > $1::int`, []any{stale}},
		{`ANALYZE`, nil},
	} {
		if _, err := s.pool.Exec(ctx, st.q, st.args...); err != nil {
			b.Fatal(err)
		}
	}
	s.Close()
	if s, err = Open(ctx, dsn); err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for b.Loop() {
		got, err := s.StaleStories(ctx, 100)
		if err != nil || len(got) != stale {
			b.Fatalf("StaleStories = %d ids, %v; want %d", len(got), err, stale)
		}
	}
}
