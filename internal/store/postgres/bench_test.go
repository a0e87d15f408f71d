package postgres

import (
	"context"
	"testing"

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
