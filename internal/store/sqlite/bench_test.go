package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/store/storetest"
)

// BenchmarkPutArticle measures committed inserts of new ~800-word articles
// (raw + document + FTS5 index, one transaction each).
func BenchmarkPutArticle(b *testing.B) {
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	b.ResetTimer()
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
	for _, n := range []int{1000, 100000} {
		b.Run(fmt.Sprintf("stories=%d", n), func(b *testing.B) {
			s, err := Open(context.Background(), filepath.Join(b.TempDir(), "cand.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			const vocab = 5000
			base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			rng := rand.New(rand.NewPCG(1, 2))
			fillTerms(b, s, n, vocab, base, rng)
			ctx := context.Background()
			terms := make([]string, 8)
			b.ResetTimer()
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

// fillTerms writes n stories and their terms directly, in one transaction.
func fillTerms(b *testing.B, s *Store, n, vocab int, base time.Time, rng *rand.Rand) {
	b.Helper()
	tx, err := s.w.Begin()
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	st, err := tx.Prepare(`INSERT INTO stories(id, title, created, updated) VALUES (?, '', 0, 0)`)
	if err != nil {
		b.Fatal(err)
	}
	tt, err := tx.Prepare(`INSERT OR IGNORE INTO story_terms(story_id, term, weight, last_seen) VALUES (?, ?, ?, ?)`)
	if err != nil {
		b.Fatal(err)
	}
	for i := range n {
		id := fmt.Sprintf("s%07d", i)
		if _, err := st.Exec(id); err != nil {
			b.Fatal(err)
		}
		seen := base.Add(time.Duration(rng.Int64N(int64(60 * 24 * time.Hour)))).UnixMicro()
		for range 10 {
			if _, err := tt.Exec(id, fmt.Sprintf("term%d", rng.IntN(vocab)), 1+rng.Float64(), seen); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}
