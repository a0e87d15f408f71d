package storetest

import (
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/store"
)

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
