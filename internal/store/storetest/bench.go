package storetest

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/store"
)

// Shape of the term index BenchCandidates looks up: CandidateTerms terms
// per story drawn from a CandidateVocab-term vocabulary ("term0",
// "term1"…), last seen within CandidateDays days from CandidateBase.
const (
	CandidateVocab = 5000
	CandidateTerms = 10
	CandidateDays  = 60
)

// CandidateBase is the start of the benchmark term index's time span.
func CandidateBase() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }

// BenchPutArticle measures committed inserts of new ~800-word Synthetic
// articles into s, reporting articles/s.
func BenchPutArticle(b *testing.B, s store.ArticleWriter) {
	ctx := b.Context()
	start := time.Now()
	for i := 0; b.Loop(); i++ {
		raw, a := Synthetic(i, 800)
		if _, added, err := s.PutArticle(ctx, raw, a); err != nil || !added {
			b.Fatal(added, err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "articles/s")
}

// BenchCandidates looks up 8 terms in a 7-day window over term indexes of
// 1000 and 100000 stories, one sub-benchmark each. fill returns a store
// holding n stories with a term index of the shape the Candidate constants
// describe, written directly (it closes the store in b.Cleanup).
func BenchCandidates(b *testing.B, fill func(b *testing.B, n int) store.CandidateIndex) {
	for _, n := range []int{1000, 100000} {
		b.Run(fmt.Sprintf("stories=%d", n), func(b *testing.B) {
			s := fill(b, n)
			ctx := b.Context()
			base := CandidateBase()
			rng := rand.New(rand.NewPCG(1, 2))
			terms := make([]string, 8)
			for i := 0; b.Loop(); i++ {
				for j := range terms {
					terms[j] = fmt.Sprintf("term%d", rng.IntN(CandidateVocab))
				}
				since := base.AddDate(0, 0, i%(CandidateDays-7))
				if _, err := s.Candidates(ctx, terms, since, since.AddDate(0, 0, 7), 20); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
