package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
)

// FuzzSearch feeds arbitrary user queries to Search: none may reach FTS5 as
// syntax (an error) or return a hit that does not exist.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{"harbour", `"unterminated`, "a OR b NOT c", "NEAR(a b, 3)", "col:word", "*", "^start", "x AND", "\x00", "caf\xe9", "Zürich", "(((", "-", "+a"} {
		f.Add(q)
	}
	s, err := Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	for _, text := range []string{"The harbour reopened in Zürich.", "A café near the station closed."} {
		raw := news.Raw{Input: text, Text: text}
		if _, _, err := s.PutArticle(context.Background(), raw, &news.Article{Title: text, Paragraphs: []string{text}}); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, q string) {
		hits, err := s.Search(context.Background(), q, 5)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if len(hits) > 2 {
			t.Fatalf("Search(%q) = %d hits from 2 articles", q, len(hits))
		}
	})
}
