package brief_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/testutil"
	"github.com/crosscheck/crosscheck/internal/text"
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
	b := mustBrief(t, brief.Options{Stem: text.Stem}, seedArticles(t))
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
	b := mustBrief(t, brief.Options{Stem: text.Stem}, seedArticles(t))
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
			b := mustBrief(t, brief.Options{Stem: text.Stem}, tc.arts)
			if len(b.Discrepancies) != 0 {
				t.Errorf("got %d discrepancies, want none: %+v", len(b.Discrepancies), b.Discrepancies)
			}
			if len(b.Sources) != 2 || len(b.Sources[0].SyndicatedWith) != 1 {
				t.Errorf("copies not grouped as one source: %+v", b.Sources)
			}
		})
	}
}

// TestEdgeInputs: degenerate stories must brief without panicking, with
// every list non-nil and every cited source id known.
func TestEdgeInputs(t *testing.T) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	analyse := func(id, text string) *news.Article {
		a, _ := p.Analyze(news.Raw{ID: id, Input: id, Text: text, Published: "2021-03-18"})
		return a
	}
	story := syntheticStory(3, 12, 2)
	full := func(i int) *news.Article { return analyse(story[i].ID, story[i].Text) }
	bare := &news.Article{ID: "bare", Paragraphs: []string{"No sentence boundaries here"}}
	empty := &news.Article{ID: "empty"}
	notArticle := &news.Article{ID: "wall", NotArticle: "login wall"}
	noAnalysis := &news.Article{ID: "raw", Paragraphs: []string{"Mara Quinlan said 20 people were hurt on Tuesday. It rained."}}
	a0 := full(0)
	tests := []struct {
		name    string
		arts    []*news.Article
		sources int
	}{
		{"no articles", nil, 0},
		{"only nils", []*news.Article{nil, nil}, 0},
		{"one article", []*news.Article{a0}, 1},
		{"not an article", []*news.Article{notArticle}, 0},
		{"not an article among others", []*news.Article{a0, notArticle, full(1)}, 2},
		{"no sentences", []*news.Article{bare, empty, a0}, 3},
		{"nothing analysed", []*news.Article{noAnalysis, noAnalysis}, 2},
		{"identical articles", []*news.Article{a0, a0, a0}, 3},
		{"duplicate and clashing ids", []*news.Article{full(0), full(1), {ID: "a000-2", Paragraphs: []string{"Short."}}}, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "duplicate and clashing ids" {
				tc.arts[1].ID = tc.arts[0].ID
			}
			b := mustBrief(t, brief.Options{Stem: text.Stem}, tc.arts)
			if len(b.Sources) != tc.sources {
				t.Errorf("sources = %d, want %d", len(b.Sources), tc.sources)
			}
			if b.Summary == nil || b.Quotes == nil || b.Agreements == nil || b.Unique == nil || b.Discrepancies == nil || b.Timeline == nil || b.Entities == nil {
				t.Errorf("nil list in %+v", b)
			}
			known := map[string]bool{}
			for _, s := range b.Sources {
				if known[s.ID] {
					t.Errorf("source id %q given twice", s.ID)
				}
				known[s.ID] = true
			}
			check := func(where string, ids ...string) {
				for _, id := range ids {
					if !known[id] {
						t.Errorf("%s cites unknown source %q", where, id)
					}
				}
			}
			for _, c := range b.Summary {
				check("summary", c.Sources...)
			}
			for _, d := range b.Discrepancies {
				for _, c := range d.Claims {
					check("discrepancy", c.Source)
				}
			}
			for _, e := range b.Timeline {
				check("timeline", e.Sources...)
			}
			if tc.name == "identical articles" && len(b.Discrepancies) != 0 {
				t.Errorf("identical articles contradict each other: %+v", b.Discrepancies)
			}
			var buf bytes.Buffer
			if err := brief.Markdown(&buf, b, false); err != nil {
				t.Error(err)
			}
			if err := brief.HTML(&buf, b); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestDeterministic: the same articles give byte-identical briefings run
// after run (map iteration order must not leak into the output).
func TestDeterministic(t *testing.T) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var arts []*news.Article
	for _, raw := range syntheticStory(12, 20, 3) {
		a, err := p.Analyze(raw)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	render := func() string {
		var buf bytes.Buffer
		if err := brief.JSON(&buf, mustBrief(t, brief.Options{Stem: text.Stem}, arts)); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	first := render()
	for i := range 5 {
		if render() != first {
			t.Fatalf("run %d differs from the first", i+2)
		}
	}
}

func TestStoryDate(t *testing.T) {
	tests := []struct {
		name      string
		published []string
		want      string
	}{
		{"most common day", []string{"2021-03-18T10:00:00Z", "2021-03-17", "2021-03-18"}, "2021-03-18"},
		{"earliest of equals", []string{"2021-03-18", "2021-03-17"}, "2021-03-17"},
		{"not ISO 8601", []string{"March 18, 2021", ""}, ""},
		{"none", []string{"", ""}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var arts []*news.Article
			for i, p := range tc.published {
				arts = append(arts, &news.Article{ID: fmt.Sprint(i), Published: p, Paragraphs: []string{"Text."}})
			}
			if got := mustBrief(t, brief.Options{}, arts).Date; got != tc.want {
				t.Errorf("date = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestAgreeingOutlets: independent outlets that give every figure and date
// alike, in their own words and with their own rounding, contradict
// nothing.
func TestAgreeingOutlets(t *testing.T) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"The Varnholm council voted on Tuesday to close the Eastport pier after 196 people were evacuated from the harbour.\n\n" +
			"Mayor Mara Quinlan said the repairs would cost $4.2 million and take nearly two years.\n\n" +
			"The storm on Sunday damaged 12 boats, harbour master Tobias Fenwick said.",
		"On Tuesday the Varnholm council passed a measure closing the Eastport pier, after about 200 people had been evacuated.\n\n" +
			"Repairs will cost about $4 million and take almost two years, Mayor Mara Quinlan said.\n\n" +
			"Sunday's storm damaged a dozen boats in the harbour, according to Tobias Fenwick, the harbour master.",
	}
	var arts []*news.Article
	for i, tx := range texts {
		a, err := p.Analyze(news.Raw{ID: fmt.Sprint("outlet", i), Outlet: fmt.Sprint("Outlet ", i), Text: tx, Published: "2021-03-18"})
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	b := mustBrief(t, brief.Options{Stem: text.Stem}, arts)
	if len(b.Discrepancies) != 0 {
		t.Errorf("outlets that agree contradict each other: %+v", b.Discrepancies)
	}
}

// mustBrief briefs arts with a live context.
func mustBrief(t testing.TB, o brief.Options, arts []*news.Article) *news.Briefing {
	t.Helper()
	b, err := brief.New(o).Brief(context.Background(), arts)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSeedsCitations: the seeds' summary cites a source only for what it
// states. NPR asks whether Tillerson brought evidence of the interference
// — a topical neighbour of the Globe's report that he called it a settled
// fact — and only NPR quotes him calling the meeting "productive".
func TestSeedsCitations(t *testing.T) {
	b := mustBrief(t, brief.Options{Stem: text.Stem}, seedArticles(t))
	var npr, globe string
	for _, s := range b.Sources {
		if s.Outlet == "NPR" {
			npr = s.ID
		} else {
			globe = s.ID
		}
	}
	if npr == "" || globe == "" {
		t.Fatalf("sources %+v: want NPR and the Globe", b.Sources)
	}
	tests := []struct {
		words, notBy string
	}{
		{"was a settled fact", npr},
		{`"productive" meeting`, globe},
	}
	for _, tc := range tests {
		found := false
		for _, c := range b.Summary {
			if !strings.Contains(c.Text, tc.words) {
				continue
			}
			found = true
			for _, s := range c.Sources {
				if s == tc.notBy {
					t.Errorf("%q cites %s, which does not state it (its evidence: %q)", c.Text, s, c.Evidence[s])
				}
			}
		}
		if !found {
			t.Errorf("no summary sentence with %q", tc.words)
		}
	}
}

// TestOneAlignmentDecision: agreements, single-source claims and the
// summary's citations come from one alignment decision, so no sentence is
// both agreed (or cited by another source) and reported by one source only.
func TestOneAlignmentDecision(t *testing.T) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	stories := map[string][]*news.Article{"seeds": seedArticles(t)}
	if path, ok := testutil.Shared("data/mds/multinews-dev.jsonl"); ok {
		mn, err := testutil.ReadMultiNews(path)
		if err != nil {
			t.Fatal(err)
		}
		for i, texts := range mn[:20] {
			var arts []*news.Article
			for _, body := range texts {
				if art, err := p.Analyze(news.Raw{Text: body}); err == nil {
					arts = append(arts, art)
				}
			}
			stories[fmt.Sprintf("multinews %d", i)] = arts
		}
	} else {
		t.Log("no shared Multi-News data (../shared/data/mds): the seeds only")
	}
	var unique, shared int
	defer func() {
		if unique == 0 || shared == 0 {
			t.Errorf("%d single-source claims, %d shared sentences: the stories test nothing", unique, shared)
		}
	}()
	br := brief.New(brief.Options{Stem: text.Stem})
	for name, arts := range stories {
		t.Run(name, func(t *testing.T) {
			b, err := br.Brief(context.Background(), arts)
			if err != nil {
				t.Fatal(err)
			}
			stated := map[string]bool{} // sentences another source states or is stated by
			for _, c := range b.Agreements {
				for _, e := range c.Evidence {
					stated[strings.TrimSpace(e)] = true
				}
			}
			for _, c := range b.Summary {
				if len(c.Sources) > 1 {
					for _, e := range c.Evidence {
						stated[strings.TrimSpace(e)] = true
					}
				}
			}
			unique += len(b.Unique)
			shared += len(stated)
			for _, u := range b.Unique {
				if stated[strings.TrimSpace(u.Text)] {
					t.Errorf("%s: %q is both shared and reported by one source only", u.Source, u.Text)
				}
			}
		})
	}
}

// TestBylines: a byline's entry is listed as a person only when its name
// alone passes the gate's checks (entity.BylinePerson); a wire service or
// an editorial board that signs an article is no reporter.
func TestBylines(t *testing.T) {
	for _, tc := range []struct {
		byline []string
		want   []string // the bylines listed as people
	}{
		{[]string{"Dana Ruel"}, []string{"Dana Ruel"}},
		{[]string{"Associated Press", "Dana Ruel"}, []string{"Dana Ruel"}},
		{[]string{"The Editorial Board"}, nil},
		{[]string{"Norbury Wire Service", "Ann Marie Vell"}, []string{"Ann Marie Vell"}},
	} {
		t.Run(strings.Join(tc.byline, ", "), func(t *testing.T) {
			a := &news.Article{ID: "1", Byline: tc.byline, Paragraphs: []string{"The weather was mild."}}
			var got []string
			for _, e := range mustBrief(t, brief.Options{}, []*news.Article{a}).Entities {
				if e.Type == news.Person {
					got = append(got, e.Name)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("people = %q, want %q", got, tc.want)
			}
		})
	}
}
