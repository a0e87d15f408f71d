package sqlite

import (
	"context"
	"path/filepath"
	"testing"

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
