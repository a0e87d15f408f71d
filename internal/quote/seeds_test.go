package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/testutil"
	"github.com/crosscheck/crosscheck/internal/text"
)

// seedArticles reads the two seed articles as paragraphs (one per non-empty
// line, the gold's boilerplate lines dropped), segmented into sentences.
func seedArticles(t testing.TB) (map[string]*news.Article, *testutil.SeedsGold) {
	t.Helper()
	gp, ok := testutil.Shared("gold/seeds.gold.json")
	if !ok {
		t.Skip("shared seeds gold not found (../shared absent)")
	}
	g, err := testutil.ReadSeedsGold(gp)
	if err != nil {
		t.Fatal(err)
	}
	seg, err := text.NewSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	arts := map[string]*news.Article{}
	for _, doc := range g.Documents {
		b, err := os.ReadFile(filepath.Join(filepath.Dir(filepath.Dir(gp)), "seeds", doc.File))
		if err != nil {
			t.Fatal(err)
		}
		drop := map[int]bool{}
		for _, l := range doc.BoilerplateLines {
			drop[l] = true
		}
		a := &news.Article{}
		for i, line := range strings.Split(string(b), "\n") {
			if drop[i+1] || strings.TrimSpace(line) == "" {
				continue
			}
			a.Paragraphs = append(a.Paragraphs, strings.TrimSpace(line))
		}
		if err := seg.Analyze(a); err != nil {
			t.Fatal(err)
		}
		arts[doc.File[:3]] = a
	}
	return arts, g
}

func normQuote(s string) string {
	return strings.TrimSpace(text.FoldQuotes(s))
}

func sameSpeaker(got, want string) bool {
	last := func(s string) string {
		f := strings.Fields(strings.ToLower(s))
		if len(f) == 0 {
			return ""
		}
		return f[len(f)-1]
	}
	return got != "" && last(got) == last(want)
}

// TestSeeds checks the finder against the hand-annotated quotes of the two
// seed articles: at least 31 of 33 found with the right speaker (same
// surname as the gold's), and no non-quote (a title, a scare-quoted term)
// reported as a full statement.
func TestSeeds(t *testing.T) {
	arts, g := seedArticles(t)
	f := newFinder()
	for _, a := range arts {
		if err := f.Analyze(a); err != nil {
			t.Fatal(err)
		}
	}
	good := 0
	for _, gq := range g.Quotes {
		a := arts[gq.Doc]
		var found *news.Quote
		for i := range a.Quotes {
			if normQuote(a.Quotes[i].Text) == normQuote(gq.Text) {
				found = &a.Quotes[i]
				break
			}
		}
		switch {
		case found == nil:
			t.Logf("missed %s %q (%s)", gq.Doc, gq.Text, gq.Speaker)
		case !sameSpeaker(found.Speaker, gq.Speaker):
			t.Logf("wrong speaker %s %q: got %q, want %q", gq.Doc, gq.Text, found.Speaker, gq.Speaker)
		default:
			good++
			if found.Partial != gq.Partial {
				t.Logf("partial flag %s %q: got %v, want %v", gq.Doc, gq.Text, found.Partial, gq.Partial)
			}
		}
	}
	t.Logf("%d of %d seed quotes found with the right speaker", good, len(g.Quotes))
	if good < 31 {
		t.Errorf("seed quotes right: %d of %d, want >= 31", good, len(g.Quotes))
	}
	for _, nq := range g.NotQuotes {
		for _, q := range arts[nq.Doc].Quotes {
			if normQuote(q.Text) == normQuote(nq.Text) && !q.Partial {
				t.Errorf("not a quote reported as a full statement: %s %q", nq.Doc, nq.Text)
			}
		}
	}
	if testing.Verbose() {
		for _, k := range []string{"000", "004"} {
			for _, q := range arts[k].Quotes {
				t.Logf("%s partial=%v speaker=%q cue=%q %q", k, q.Partial, q.Speaker, q.Cue, q.Text)
			}
		}
	}
}
