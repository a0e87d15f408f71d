package entity

import (
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

var (
	segOnce sync.Once
	seg     *text.Segmenter
	segErr  error
	recOnce sync.Once
	rec     *Recognizer
)

func testRecognizer() *Recognizer {
	recOnce.Do(func() { rec = New() })
	return rec
}

// testSegmenter returns the shared sentence segmenter.
func testSegmenter(t testing.TB) *text.Segmenter {
	t.Helper()
	segOnce.Do(func() { seg, segErr = text.NewSegmenter() })
	if segErr != nil {
		t.Fatalf("segmenter: %v", segErr)
	}
	return seg
}

// analyse segments paragraphs into sentences and finds entities.
func analyse(t testing.TB, paras []string) *news.Article {
	t.Helper()
	a := &news.Article{Paragraphs: paras}
	if err := testSegmenter(t).Analyze(a); err != nil {
		t.Fatal(err)
	}
	if err := testRecognizer().Analyze(a); err != nil {
		t.Fatal(err)
	}
	return a
}

// rawParagraphs reads a raw text file and keeps its non-blank lines as
// paragraphs.
func rawParagraphs(t testing.TB, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
