package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/store"
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
	storetest.BenchPutArticle(b, s)
}

// BenchmarkCandidates: see storetest.BenchCandidates.
func BenchmarkCandidates(b *testing.B) {
	storetest.BenchCandidates(b, func(b *testing.B, n int) store.CandidateIndex {
		s, err := Open(context.Background(), filepath.Join(b.TempDir(), "cand.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
		fillTerms(b, s, n)
		return s
	})
}

// fillTerms writes n stories and their terms directly, in one transaction.
func fillTerms(b *testing.B, s *Store, n int) {
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
	rng := rand.New(rand.NewPCG(1, 2))
	span := int64(storetest.CandidateDays * 24 * time.Hour)
	for i := range n {
		id := fmt.Sprintf("s%07d", i)
		if _, err := st.Exec(id); err != nil {
			b.Fatal(err)
		}
		seen := storetest.CandidateBase().Add(time.Duration(rng.Int64N(span))).UnixMicro()
		for range storetest.CandidateTerms {
			if _, err := tt.Exec(id, fmt.Sprintf("term%d", rng.IntN(storetest.CandidateVocab)), 1+rng.Float64(), seen); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}
