package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/read"
	"github.com/crosscheck/crosscheck/internal/testutil"
)

func newPipeline(t testing.TB) *Pipeline {
	t.Helper()
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestAnalyzeMetadataPrecedence(t *testing.T) {
	p := newPipeline(t)
	body := "Headline of the day\n\nBy Jane Roe\n\nThe city council voted on Tuesday to approve a new budget, officials said. The plan raises spending on parks by eight percent.\n\nSupporters said the plan would repair aging playgrounds. Opponents warned that taxes would rise."
	tests := []struct {
		name                      string
		raw                       news.Raw
		title, outlet, outletFrom string
		published, publishedFrom  string
	}{
		{"caller wins", news.Raw{Input: "a", Text: body, Title: "Given title", Outlet: "Given Outlet", Published: "2020-01-02"},
			"Given title", "Given Outlet", "caller", "2020-01-02", "caller"},
		{"text and url", news.Raw{Input: "b", Text: body, URL: "https://www.example.org/news/1"},
			"Headline of the day", "example.org", "url", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := p.Analyze(tc.raw)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tc.title || a.Outlet != tc.outlet || a.OutletFrom != tc.outletFrom {
				t.Errorf("title/outlet = %q/%q (%s), want %q/%q (%s)", a.Title, a.Outlet, a.OutletFrom, tc.title, tc.outlet, tc.outletFrom)
			}
			if tc.published != "" && (a.Published != tc.published || a.PublishedFrom != tc.publishedFrom) {
				t.Errorf("published = %q (%s), want %q (%s)", a.Published, a.PublishedFrom, tc.published, tc.publishedFrom)
			}
			if a.ID == "" || len(a.Hash) != 64 {
				t.Errorf("id %q hash %q", a.ID, a.Hash)
			}
			if len(a.Sentences) == 0 {
				t.Error("no sentences")
			}
		})
	}
}

func TestRunOrderAndSkips(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"1.txt": strings.Repeat("The first article says the city council met on Monday and voted for the budget plan, officials said after the meeting. ", 6),
		"2.txt": "",
		"3.txt": strings.Repeat("The third article says the storm closed schools across the northern valley, and road crews worked through the night. ", 6),
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := newPipeline(t)
	var got []string
	var skipped []error
	err := p.Run(context.Background(), read.New(read.Options{}), []string{dir}, 2, func(r Result) error {
		if r.Err != nil {
			skipped = append(skipped, r.Err)
			return nil
		}
		got = append(got, filepath.Base(r.Article.Input))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, ",") != "1.txt,3.txt" {
		t.Errorf("articles in order = %v, want 1.txt,3.txt", got)
	}
	if len(skipped) != 1 || !errors.Is(skipped[0], read.ErrEmpty) {
		t.Errorf("skipped = %v, want one read.ErrEmpty", skipped)
	}
}

func TestRunCancel(t *testing.T) {
	p := newPipeline(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := p.Run(ctx, read.New(read.Options{}), []string{"../../examples/seeds"}, 2, func(Result) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run on a cancelled context = %v, want context.Canceled", err)
	}
}

// multiNewsTexts returns the article texts of ../shared/data/mds.
func multiNewsTexts(tb testing.TB) []string {
	path, ok := testutil.Shared("data/mds/multinews-dev.jsonl")
	if !ok {
		tb.Skip("../shared/data/mds/multinews-dev.jsonl is not here: no Multi-News benchmark")
	}
	stories, err := testutil.ReadMultiNews(path)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, texts := range stories {
		out = append(out, texts...)
	}
	return out
}

// BenchmarkAnalyzeMultiNews runs the whole per-article analysis (clean,
// sentences, entities, quotes, times, quantities) over every Multi-News
// article; run it with -cpu 1 for the one-core figure.
func BenchmarkAnalyzeMultiNews(b *testing.B) {
	texts := multiNewsTexts(b)
	p := newPipeline(b)
	words := 0
	for _, t := range texts {
		words += len(strings.Fields(t))
	}
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			_, _ = p.Analyze(news.Raw{Text: t})
		}
	}
	b.ReportMetric(float64(len(texts)*b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
