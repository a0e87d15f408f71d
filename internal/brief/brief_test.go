package brief_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/rouge"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// seedArticles analyses the bundled example (examples/seeds) with the
// reference date the issue gives.
func seedArticles(t *testing.T) []*news.Article {
	t.Helper()
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "seeds", "*.txt"))
	if err != nil || len(files) != 2 {
		t.Fatalf("examples/seeds: %v %v", files, err)
	}
	var arts []*news.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := p.Analyze(news.Raw{Input: filepath.Base(f), Text: string(b), Bytes: b, Published: "2017-04-12"})
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	return arts
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/brief -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; review with go test ./internal/brief -update && git diff", name)
	}
}

func TestSeedsGolden(t *testing.T) {
	b := brief.New(brief.Options{Stem: rouge.Stem}).Brief(seedArticles(t))
	formats := []struct {
		file   string
		render func(*bytes.Buffer) error
	}{
		{"seeds.md", func(w *bytes.Buffer) error { return brief.Markdown(w, b, false) }},
		{"seeds.json", func(w *bytes.Buffer) error { return brief.JSON(w, b) }},
		{"seeds.html", func(w *bytes.Buffer) error { return brief.HTML(w, b) }},
	}
	for _, f := range formats {
		t.Run(f.file, func(t *testing.T) {
			var buf bytes.Buffer
			if err := f.render(&buf); err != nil {
				t.Fatal(err)
			}
			golden(t, f.file, buf.Bytes())
		})
	}
}

// TestSeedsBriefing checks the facts the issue demands of the seeds'
// briefing, independent of the golden files' exact wording.
func TestSeedsBriefing(t *testing.T) {
	b := brief.New(brief.Options{Stem: rouge.Stem}).Brief(seedArticles(t))
	if len(b.Sources) != 2 {
		t.Fatalf("sources = %d, want 2", len(b.Sources))
	}
	kinds := map[string]int{}
	for _, d := range b.Discrepancies {
		kinds[d.Kind]++
		if len(d.Claims) < 2 || d.Claims[0].Source == d.Claims[1].Source {
			t.Errorf("discrepancy %q lacks two sources' sentences", d.About)
		}
	}
	for _, k := range []string{news.KindQuantity, news.KindDate} {
		if kinds[k] == 0 {
			t.Errorf("no %s discrepancy found; got %v", k, kinds)
		}
	}
	verdicts := map[string]string{}
	for _, q := range b.Quotes {
		if len(q.Sources) > 1 {
			verdicts[strings.Fields(q.Text)[0]] = q.Agreement
		}
	}
	want := map[string]string{"There": news.Reworded, "The": news.Identical, "Right": news.Partial}
	for k, v := range want {
		if verdicts[k] != v {
			t.Errorf("shared quote starting %s: agreement %q, want %q (all: %v)", k, verdicts[k], v, verdicts)
		}
	}
	dates := map[string]bool{}
	for _, e := range b.Timeline {
		dates[e.Date] = true
	}
	for _, d := range []string{"2017-04-04", "2017-04-12"} {
		if !dates[d] {
			t.Errorf("timeline lacks %s", d)
		}
	}
	var summary strings.Builder
	both := 0
	for _, c := range b.Summary {
		summary.WriteString(c.Text + " ")
		if len(c.Sources) == 2 {
			both++
		}
	}
	for _, name := range []string{"Tillerson", "Putin", "Lavrov"} {
		if !strings.Contains(summary.String(), name) {
			t.Errorf("summary does not name %s", name)
		}
	}
	if both == 0 {
		t.Error("no summary sentence cites both sources")
	}
}

// TestNoFalseDiscrepancy: the same article twice, and a syndicated copy,
// must never contradict themselves.
func TestNoFalseDiscrepancy(t *testing.T) {
	arts := seedArticles(t)
	copyOf := func(a *news.Article, id, outlet string) *news.Article {
		c := *a
		c.ID, c.Outlet = id, outlet
		return &c
	}
	cases := []struct {
		name string
		arts []*news.Article
	}{
		{"same article twice", []*news.Article{arts[0], arts[0]}},
		{"syndicated copy under another outlet", []*news.Article{arts[1], copyOf(arts[1], "wire-copy", "Other Paper")}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := brief.New(brief.Options{Stem: rouge.Stem}).Brief(tc.arts)
			if len(b.Discrepancies) != 0 {
				t.Errorf("got %d discrepancies, want none: %+v", len(b.Discrepancies), b.Discrepancies)
			}
			if len(b.Sources) != 2 || len(b.Sources[0].SyndicatedWith) != 1 {
				t.Errorf("copies not grouped as one source: %+v", b.Sources)
			}
		})
	}
}
