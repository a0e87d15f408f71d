package postgres

import (
	"context"
	"fmt"
	"testing"

	"github.com/crosscheck/crosscheck/internal/store"
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

// BenchmarkCandidates: see storetest.BenchCandidates.
func BenchmarkCandidates(b *testing.B) {
	srv := pgtest.NewServer(b)
	storetest.BenchCandidates(b, func(b *testing.B, n int) store.CandidateIndex {
		ctx := context.Background()
		s, err := Open(ctx, srv.DB(b, fmt.Sprintf("cand%d", n)))
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
		if _, err := s.pool.Exec(ctx, `INSERT INTO stories(id, title, created, updated)
			SELECT 's' || g, '', now(), now() FROM generate_series(1, $1) g`, n); err != nil {
			b.Fatal(err)
		}
		if _, err := s.pool.Exec(ctx, `INSERT INTO story_terms(story_id, term, weight, last_seen)
			SELECT 's' || g, 'term' || floor(random() * $2)::int, 1 + random(), $3::timestamptz + (g % $5) * interval '1 day'
			FROM generate_series(1, $1) g, generate_series(1, $4) k ON CONFLICT DO NOTHING`,
			n, storetest.CandidateVocab, storetest.CandidateBase(), storetest.CandidateTerms, storetest.CandidateDays); err != nil {
			b.Fatal(err)
		}
		if _, err := s.pool.Exec(ctx, `ANALYZE story_terms`); err != nil {
			b.Fatal(err)
		}
		return s
	})
}
