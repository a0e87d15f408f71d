package postgres

import (
	"context"
	"fmt"
	"math/rand/v2"
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
	ctx := context.Background()
	start := time.Now()
	for i := 0; b.Loop(); i++ {
		raw, a := storetest.Synthetic(i, 800)
		if _, added, err := s.PutArticle(ctx, raw, a); err != nil || !added {
			b.Fatal(added, err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "articles/s")
}

// BenchmarkCandidates looks up 8 terms in a 7-day window over a term index
// of n stories with 10 terms each (a 5000-term vocabulary, 60 days).
func BenchmarkCandidates(b *testing.B) {
	srv := pgtest.NewServer(b)
	for _, n := range []int{1000, 100000} {
		b.Run(fmt.Sprintf("stories=%d", n), func(b *testing.B) {
			s, err := Open(context.Background(), srv.DB(b, fmt.Sprintf("cand%d", n)))
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			ctx := context.Background()
			const vocab = 5000
			base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			if _, err := s.pool.Exec(ctx, `INSERT INTO stories(id, title, created, updated)
				SELECT 's' || g, '', now(), now() FROM generate_series(1, $1) g`, n); err != nil {
				b.Fatal(err)
			}
			if _, err := s.pool.Exec(ctx, `INSERT INTO story_terms(story_id, term, weight, last_seen)
				SELECT 's' || g, 'term' || floor(random() * $2)::int, 1 + random(), $3::timestamptz + (g % 60) * interval '1 day'
				FROM generate_series(1, $1) g, generate_series(1, 10) k ON CONFLICT DO NOTHING`, n, vocab, base); err != nil {
				b.Fatal(err)
			}
			if _, err := s.pool.Exec(ctx, `ANALYZE story_terms`); err != nil {
				b.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(1, 2))
			terms := make([]string, 8)
			for i := 0; b.Loop(); i++ {
				for j := range terms {
					terms[j] = fmt.Sprintf("term%d", rng.IntN(vocab))
				}
				since := base.AddDate(0, 0, i%53)
				if _, err := s.Candidates(ctx, terms, since, since.AddDate(0, 0, 7), 20); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
