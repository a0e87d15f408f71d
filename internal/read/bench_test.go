package read

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
)

// BenchmarkJSONL reads a 1,000-line JSONL file of about 5 KB articles
// (roughly 800 words each); ns/op is per file, see the articles/s metric.
func BenchmarkJSONL(b *testing.B) {
	const lines = 1000
	dir := b.TempDir()
	p := filepath.Join(dir, "bench.jsonl")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	enc := json.NewEncoder(f)
	for i := 0; i < lines; i++ {
		l := map[string]any{"id": i, "url": "https://bench.example/a", "outlet": "Bench", "title": "Title", "published": "2024-01-01", "text": noise(5000)}
		if err := enc.Encode(l); err != nil {
			b.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	fi, _ := os.Stat(p)
	b.SetBytes(fi.Size())
	r := New(Options{})
	for b.Loop() {
		n := 0
		err := r.Each(context.Background(), []string{p}, func(_ news.Raw, err error) error {
			if err != nil {
				return err
			}
			n++
			return nil
		})
		if err != nil || n != lines {
			b.Fatalf("Each = %v after %d documents", err, n)
		}
	}
	b.ReportMetric(float64(lines*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkHTMLFile reads one 40 KB Windows-1252 HTML page (the decoding
// path with the most work).
func BenchmarkHTMLFile(b *testing.B) {
	dir := b.TempDir()
	p := filepath.Join(dir, "page.html")
	body := []byte(page("Bench", noise(40000)+" caf\xe9"))
	if err := os.WriteFile(p, body, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	r := New(Options{})
	for b.Loop() {
		if err := r.Each(context.Background(), []string{p}, func(_ news.Raw, err error) error { return err }); err != nil {
			b.Fatal(err)
		}
	}
}
