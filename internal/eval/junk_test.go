package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/testutil"
)

func TestParseJunkList(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     int
		ok       bool
	}{
		{"comments and rows", "# note\ns1\t0\tcrawl-notice\ns1\t2\tindex-page\n", 2, true},
		{"missing field", "s1\t0\n", 0, false},
		{"bad index", "s1\tx\tkind\n", 0, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseJunkList(tt.in)
			if (err == nil) != tt.ok || len(got) != tt.want {
				t.Errorf("parseJunkList = %v, %v; want %d rows, ok=%v", got, err, tt.want, tt.ok)
			}
		})
	}
	if m, err := parseJunkList(mdsJunk); err != nil || len(m) == 0 {
		t.Errorf("embedded list: %d rows, %v", len(m), err)
	}
}

// TestRunJunkRealData runs the junk eval on Multi-News dev through the
// product's pipeline: every judged junk page is rejected and no real
// article is, in both halves.
func TestRunJunkRealData(t *testing.T) {
	sh := testutil.SharedDir()
	data := filepath.Join(sh, "data", "mds")
	if _, err := os.Stat(filepath.Join(data, "multinews-dev.jsonl")); sh == "" || err != nil {
		t.Skip("shared Multi-News dev data not found")
	}
	r, err := RunJunk(context.Background(), JunkOptions{Data: data})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range []string{"tune", "check"} {
		junk, _ := r.Get(h + "_junk")
		rej, _ := r.Get(h + "_junk_rejected")
		real, _ := r.Get(h + "_articles_rejected")
		t.Logf("%s: %v of %v junk rejected, %v real articles rejected", h, rej, junk, real)
		if real != 0 {
			t.Errorf("%s: %v real articles rejected", h, real)
		}
		// One judged page (a petition's thank-you page) is known kept.
		if junk-rej > 1 {
			t.Errorf("%s: %v junk pages kept", h, junk-rej)
		}
	}
}

// TestNoRealArticleRejected runs every real article of the other shared
// sets through pipeline.Analyze — BASIL and PolNeAR texts, the extraction
// benchmark's gold bodies (as text) and pages (as HTML), and the seeds —
// and fails on any not-an-article verdict.
func TestNoRealArticleRejected(t *testing.T) {
	sh := testutil.SharedDir()
	if sh == "" {
		t.Skip("shared data not found")
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	check := func(t *testing.T, raw news.Raw) {
		t.Helper()
		if _, err := p.Analyze(raw); errors.Is(err, pipeline.ErrNotArticle) {
			t.Errorf("%s: rejected: %v", raw.Input, err)
		}
	}
	eachLine := func(t *testing.T, path string, fn func([]byte)) {
		f, err := os.Open(path)
		if err != nil {
			t.Skipf("%s not found", path)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			fn(sc.Bytes())
		}
	}
	t.Run("basil", func(t *testing.T) {
		eachLine(t, filepath.Join(sh, "data", "clustering", "basil-dev.jsonl"), func(b []byte) {
			var a struct {
				ID         string     `json:"article_id"`
				Paragraphs [][]string `json:"paragraphs"`
			}
			if err := json.Unmarshal(b, &a); err != nil {
				t.Fatal(err)
			}
			var ps []string
			for _, p := range a.Paragraphs {
				ps = append(ps, strings.Join(p, " "))
			}
			check(t, news.Raw{Input: a.ID, Text: strings.Join(ps, "\n\n")})
		})
	})
	t.Run("polnear", func(t *testing.T) {
		eachLine(t, filepath.Join(sh, "data", "quotes", "polnear-dev.jsonl"), func(b []byte) {
			var a struct {
				ID   string `json:"doc_id"`
				Text string `json:"text"`
			}
			if err := json.Unmarshal(b, &a); err != nil {
				t.Fatal(err)
			}
			check(t, news.Raw{Input: a.ID, Text: a.Text})
		})
	})
	t.Run("extraction", func(t *testing.T) {
		dir := filepath.Join(sh, "data", "extraction")
		truth, err := extractReadTruth(filepath.Join(dir, "ground-truth.json"))
		if err != nil {
			t.Skip("extraction data not found")
		}
		for id, tr := range truth {
			check(t, news.Raw{Input: id + " gold", Text: tr.ArticleBody})
			page, err := extractReadGzip(filepath.Join(dir, "html", id+".html.gz"))
			if err != nil {
				t.Fatal(err)
			}
			check(t, news.Raw{Input: id + " page", URL: tr.URL, HTML: page})
		}
	})
	t.Run("seeds", func(t *testing.T) {
		ms, _ := filepath.Glob(filepath.Join(sh, "seeds", "*.txt"))
		if len(ms) == 0 {
			t.Skip("seeds not found")
		}
		for _, m := range ms {
			b, err := os.ReadFile(m)
			if err != nil {
				t.Fatal(err)
			}
			check(t, news.Raw{Input: m, Text: string(b)})
		}
	})
}
