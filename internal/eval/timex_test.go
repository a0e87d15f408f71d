package eval

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/testutil"
)

// TestTimexItems checks the judged sets' form: every split present with
// at least 20 items (fresh4's halves hold 24, the other splits 100 or
// more), every expected value well formed, every extraction page and
// Multi-News article dated in its file, and no item of a fresh set from an
// article an earlier set has items in (each fresh set's articles are ones
// nobody tuned on or read before), except a set that re-reads an earlier
// split's articles for the expressions it did not sample (fresh5, the
// check half's; fresh6, the tune half's), whose every article must hold
// an item of that split.
func TestTimexItems(t *testing.T) {
	items, err := TimexItems()
	if err != nil {
		t.Fatal(err)
	}
	splits := timexScored(t)
	rank := map[string]int{"tune": 0, "check": 0, "fresh": 1, "fresh2": 2, "fresh3-tune": 3, "fresh3-check": 3, "fresh4-tune": 4, "fresh4-check": 4, "fresh5-tune": 5, "fresh5-check": 5, "fresh6-tune": 6, "fresh6-check": 6}
	rereads := timexRereads()
	pages, err := timexDated("timex_fresh3_pages.tsv", timexFresh3Pages, 1)
	if err != nil {
		t.Fatal(err)
	}
	articles, err := timexDated("timex_fresh4_articles.tsv", timexFresh4Articles, 2)
	if err != nil {
		t.Fatal(err)
	}
	first := map[string]int{}  // article -> rank of the earliest set with items in it
	holds := map[string]bool{} // split + " " + article: the split has items in the article
	for _, it := range items {
		r, ok := rank[it.Split]
		if !ok {
			t.Fatalf("split %q has no rank in this test", it.Split)
		}
		key := it.Dataset + "/" + it.Article
		holds[it.Split+" "+key] = true
		if _, ok := rereads[it.Split]; ok {
			continue
		}
		if f, seen := first[key]; !seen || r < f {
			first[key] = r
		}
	}
	n := map[string]int{}
	for _, it := range items {
		n[it.Split]++
		key := it.Dataset + "/" + it.Article
		if from, ok := rereads[it.Split]; ok {
			if !holds[from+" "+key] {
				t.Errorf("%s item %q from %s, an article with no %s item", it.Split, it.Expr, key, from)
			}
		} else if r := rank[it.Split]; r > 0 && first[key] < r {
			t.Errorf("%s item %q from %s %s, an article of an earlier set", it.Split, it.Expr, it.Dataset, it.Article)
		}
		if it.Want != "" && !timexValue.MatchString(it.Want) {
			t.Errorf("%s %s %q: malformed value %q", it.Dataset, it.Article, it.Expr, it.Want)
		}
		switch it.Dataset {
		case "basil", "polnear":
		case "extraction":
			if _, ok := pages[it.Article]; !ok {
				t.Errorf("%s item %q: extraction page %s has no judged date in timex_fresh3_pages.tsv", it.Split, it.Expr, it.Article)
			}
		case "multinews":
			if _, ok := articles[it.Article]; !ok {
				t.Errorf("%s item %q: Multi-News article %s has no judged date in timex_fresh4_articles.tsv", it.Split, it.Expr, it.Article)
			}
		default:
			t.Errorf("%s: unknown dataset %q", it.Article, it.Dataset)
		}
	}
	for _, sp := range splits {
		if n[sp] < 20 {
			t.Errorf("split %s: %d items, want at least 20", sp, n[sp])
		}
	}
	if len(n) != len(splits) {
		t.Errorf("splits %v, want %v only", n, splits)
	}
}

// timexRereads maps each split of a set that re-reads an earlier split's
// articles, for the expressions that split did not sample, to that split.
func timexRereads() map[string]string {
	return map[string]string{"fresh5-tune": "check", "fresh5-check": "check", "fresh6-tune": "tune", "fresh6-check": "tune"}
}

// timexScored is every split RunTimex scores for "all".
func timexScored(t *testing.T) []string {
	t.Helper()
	splits, err := timexSplits("all")
	if err != nil {
		t.Fatal(err)
	}
	return splits
}

// TestTimexSplits holds the --split values: each judged split alone, a
// halved set's name for both its halves, all of them for "all" or nothing,
// an error naming the choices otherwise.
func TestTimexSplits(t *testing.T) {
	every := []string{"tune", "check", "fresh", "fresh2", "fresh3-tune", "fresh3-check", "fresh4-tune", "fresh4-check", "fresh5-tune", "fresh5-check", "fresh6-tune", "fresh6-check"}
	for _, tc := range []struct {
		in   string
		want []string
		err  bool
	}{
		{"", every, false},
		{"all", every, false},
		{"tune", []string{"tune"}, false},
		{"fresh", []string{"fresh"}, false},
		{"fresh2", []string{"fresh2"}, false},
		{"fresh3-tune", []string{"fresh3-tune"}, false},
		{"fresh3-check", []string{"fresh3-check"}, false},
		{"fresh4-check", []string{"fresh4-check"}, false},
		{"fresh3", []string{"fresh3-tune", "fresh3-check"}, false},
		{"fresh4", []string{"fresh4-tune", "fresh4-check"}, false},
		{"fresh5-tune", []string{"fresh5-tune"}, false},
		{"fresh5", []string{"fresh5-tune", "fresh5-check"}, false},
		{"fresh6-check", []string{"fresh6-check"}, false},
		{"fresh6", []string{"fresh6-tune", "fresh6-check"}, false},
		{"fresh7", nil, true},
		{"fresh2-tune", nil, true},
		{"Tune", nil, true},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := timexSplits(tc.in)
			if !slices.Equal(got, tc.want) || (err != nil) != tc.err || (err != nil && !errors.Is(err, ErrTimexSplit)) {
				t.Errorf("timexSplits(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.err)
			}
		})
	}
}

// TestTimexDated holds the dated-articles files' form: the key fields
// (a page id; a story id and an article index), a YYYY-MM-DD date and
// where it was read; comments and blank lines skipped, anything else an
// error.
func TestTimexDated(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		keys     int
		want     map[string]string
		err      bool
	}{
		{"page", "# c\nabc\t2019-11-19\tmeta\n\n", 1, map[string]string{"abc": "2019-11-19"}, false},
		{"crlf", "abc\t2019-11-19\tmeta\r\n", 1, map[string]string{"abc": "2019-11-19"}, false},
		{"no where", "abc\t2019-11-19\n", 1, nil, true},
		{"bad date", "abc\tNov 19\tmeta\n", 1, nil, true},
		{"datetime", "abc\t2019-11-19T10:00\tmeta\n", 1, nil, true},
		{"article", "story-a\t0\t2014-06-27\tbyline\nstory-a\t12\t2014-06-28\tfooter\n", 2, map[string]string{"story-a_0": "2014-06-27", "story-a_12": "2014-06-28"}, false},
		{"article without index", "story-a\t2014-06-27\tbyline\n", 2, nil, true},
		{"index not a number", "story-a\tx\t2014-06-27\tbyline\n", 2, nil, true},
		{"negative index", "story-a\t-1\t2014-06-27\tbyline\n", 2, nil, true},
		{"padded index", "story-a\t01\t2014-06-27\tbyline\n", 2, nil, true},
		{"empty story", "\t0\t2014-06-27\tbyline\n", 2, nil, true},
		{"twice", "story-a\t0\t2014-06-27\tbyline\nstory-a\t0\t2014-06-28\tfooter\n", 2, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := timexDated("test.tsv", tc.in, tc.keys)
			if (err != nil) != tc.err || (err != nil && !errors.Is(err, ErrTimexGold)) || (err == nil && !maps.Equal(got, tc.want)) {
				t.Errorf("timexDated(%q, %d) = %v, %v; want %v, error %v", tc.in, tc.keys, got, err, tc.want, tc.err)
			}
		})
	}
	for _, f := range []struct {
		name, text string
		keys       int
	}{
		{"timex_fresh3_pages.tsv", timexFresh3Pages, 1},
		{"timex_fresh4_articles.tsv", timexFresh4Articles, 2},
	} {
		dated, err := timexDated(f.name, f.text, f.keys)
		if err != nil {
			t.Fatal(err)
		}
		if len(dated) == 0 {
			t.Errorf("%s lists no article", f.name)
		}
	}
}

// FuzzTimexDated: the dated-articles parser never panics, and what it
// accepts has a well-formed date for every article.
func FuzzTimexDated(f *testing.F) {
	f.Add("abc\t2019-11-19\tmeta\n", 1)
	f.Add("# c\n\nabc\t2019-11-19\n", 1)
	f.Add("story\t3\t2014-06-27\tbyline\n", 2)
	f.Fuzz(func(t *testing.T, in string, keys int) {
		if keys < 1 || keys > 3 {
			return
		}
		dated, err := timexDated("fuzz.tsv", in, keys)
		if err != nil {
			return
		}
		for id, d := range dated {
			if !timexDate.MatchString(d) {
				t.Errorf("article %q: date %q accepted", id, d)
			}
		}
	})
}

// TestTimexSentences is the probe a new judged set goes through before its
// one run: every item's words match exactly one sentence of its analysed
// article, and an item of a set that re-reads an earlier split's articles
// (timexRereads) is not an earlier set's item again (the same expression
// in the same sentence). It looks at no value crosscheck gives. An
// expression whose text is not in that sentence is logged, not failed:
// the splitter may cut it off (fresh3's "Nov. 18" after "(Nov.", cut at
// the abbreviation's period), and the run counts it left unresolved.
func TestTimexSentences(t *testing.T) {
	p, ok := testutil.Shared("data/clustering/basil-dev.jsonl")
	if !ok {
		t.Skip("shared data not present")
	}
	data := filepath.Dir(filepath.Dir(filepath.Dir(p)))
	items, err := TimexItems()
	if err != nil {
		t.Fatal(err)
	}
	raws, err := timexArticles(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rereads := timexRereads()
	arts := map[string]*news.Article{}
	held := map[string]string{} // article, sentence, expression -> the split of the earlier item
	for _, it := range items {
		key := it.Dataset + "/" + it.Article
		a, seen := arts[key]
		if !seen {
			raw, ok := raws[key]
			if !ok {
				t.Errorf("%s: not in the data", key)
				arts[key] = nil
				continue
			}
			if a, err = pl.Analyze(raw); err != nil {
				t.Errorf("%s: %v", key, err)
			}
			arts[key] = a
		}
		if a == nil {
			continue
		}
		sent, _, err := timexSentence(a, it)
		if err != nil {
			t.Errorf("%s %q: %v", it.Split, it.Expr, err)
			continue
		}
		s := a.Sentences[sent]
		if !strings.Contains(strings.ToLower(a.Body()[s.Start:s.End]), strings.ToLower(it.Expr)) {
			t.Logf("%s %s %q: not in its sentence", it.Split, key, it.Expr)
		}
		same := fmt.Sprintf("%s %d %s", key, sent, strings.ToLower(it.Expr))
		if _, ok := rereads[it.Split]; !ok {
			held[same] = it.Split
		} else if sp, ok := held[same]; ok {
			t.Errorf("%s %s %q (%q): a %s item already", it.Split, key, it.Expr, it.Sentence, sp)
		}
	}
}

// TestRunTimex runs the eval on the shared data: every judged item must be
// located (one sentence, an article in the data) and every split scored.
func TestRunTimex(t *testing.T) {
	p, ok := testutil.Shared("data/clustering/basil-dev.jsonl")
	if !ok {
		t.Skip("shared data not present")
	}
	data := filepath.Dir(filepath.Dir(filepath.Dir(p)))
	r, err := RunTimex(context.Background(), TimexOptions{Data: data})
	if err != nil {
		t.Fatal(err)
	}
	items, err := TimexItems()
	if err != nil {
		t.Fatal(err)
	}
	judged := map[string]float64{}
	for _, it := range items {
		judged[it.Split]++
	}
	for _, sp := range timexScored(t) {
		n, _ := r.Get(sp + "_items")
		right, _ := r.Get(sp + "_right")
		if n != judged[sp] || n == 0 {
			t.Errorf("%s: %v items scored, %v judged", sp, n, judged[sp])
		}
		t.Logf("%s: %v items, %.3f placed right", sp, n, right)
	}
}

// TestRunTimexSet runs a halved set by its name (fresh3, judged and
// measured before): both halves scored, their total a row of its own, no
// miss listed (its check half's misses are shown only by asking for it).
func TestRunTimexSet(t *testing.T) {
	p, ok := testutil.Shared("data/clustering/basil-dev.jsonl")
	if !ok {
		t.Skip("shared data not present")
	}
	data := filepath.Dir(filepath.Dir(filepath.Dir(p)))
	r, err := RunTimex(context.Background(), TimexOptions{Data: data, Split: "fresh3"})
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, row := range r.Rows {
		rows = append(rows, row[0])
	}
	if want := []string{"fresh3-tune", "fresh3-check", "fresh3"}; !slices.Equal(rows, want) {
		t.Errorf("rows %v, want %v", rows, want)
	}
	for _, m := range []string{"_items", "_wrong", "_left_unresolved", "_wrongly_resolved"} {
		tune, _ := r.Get("fresh3-tune" + m)
		check, _ := r.Get("fresh3-check" + m)
		if set, _ := r.Get("fresh3" + m); set != tune+check {
			t.Errorf("fresh3%s = %v, want %v + %v", m, set, tune, check)
		}
	}
	for _, n := range r.Notes {
		if strings.HasPrefix(n, "miss: ") {
			t.Errorf("a set's run lists a miss: %s", n)
			break
		}
	}
}

// TestTimexLocateOccurrence: the judged occurrence, not another time with
// the same text in the sentence, decides; an expression ending in a
// full stop is still found.
func TestTimexLocateOccurrence(t *testing.T) {
	body := "Crews left at 9 a.m. Friday, not Friday noon as planned, and came back Sept."
	a := &news.Article{Paragraphs: []string{body}, Sentences: []news.Span{{Start: 0, End: len(body)}}}
	span := func(sub string) (int, int) {
		i := strings.Index(body, sub)
		return i, i + len(sub)
	}
	s1, e1 := span("9 a.m. Friday")
	s2, _ := span("Friday noon")
	s3, e3 := span("Sept.")
	a.Times = []news.Time{
		{Text: "9 a.m. Friday", Value: "2030-05-10T09:00", Start: s1, End: e1},
		{Text: "Friday", Value: "2030-05-03", Start: s2, End: s2 + len("Friday")},
		{Text: "Sept.", Value: "2030-09", Start: s3, End: e3},
	}
	for _, tc := range []struct {
		name, words, expr, want string
		right                   bool
	}{
		{"the judged Friday is the one inside the time of day", `Crews\W+left`, "Friday", "2030-05-03", false},
		{"and its own value is scored", `Crews\W+left`, "Friday", "2030-05-10", true},
		{"a full stop at the edge", `came\W+back`, "Sept.", "2030-09", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			it := TimexItem{Dataset: "test", Article: "a", Sentence: regexp.MustCompile(tc.words), Expr: tc.expr, Want: tc.want}
			got, _, err := timexLocate(a, it)
			if err != nil {
				t.Fatal(err)
			}
			if timexRight(got, tc.want) != tc.right {
				t.Errorf("got %q: right %v, want %v", got, timexRight(got, tc.want), tc.right)
			}
		})
	}
}

// TestTimexLocate: the judged expression is found by its text, else by the
// time crosscheck delimited around it; a time of day on the judged day is
// the day.
func TestTimexLocate(t *testing.T) {
	body := "The council met at 2:20 p.m. Thursday and again over the weekend. Nothing happened today."
	cut := strings.Index(body, " Nothing")
	a := &news.Article{Paragraphs: []string{body}, Sentences: []news.Span{{Start: 0, End: cut}, {Start: cut + 1, End: len(body)}}}
	at := func(sub string) (int, int) {
		i := strings.Index(body, sub)
		return i, i + len(sub)
	}
	s1, e1 := at("2:20 p.m. Thursday")
	s2, e2 := at("over the weekend")
	a.Times = []news.Time{{Text: "2:20 p.m. Thursday", Value: "2030-05-02T14:20", Start: s1, End: e1}, {Text: "over the weekend", Value: "2030-05-04/2030-05-05", Start: s2, End: e2}}
	for _, tc := range []struct {
		name, words, expr, want string
		same, right             bool
	}{
		{"day in a time of day", `council\W+met`, "Thursday", "2030-05-02", false, true},
		{"whole time of day", `council\W+met`, "2:20 p.m. Thursday", "2030-05-02T14:20", true, true},
		{"weekend inside a longer extent", `again\W+over`, "weekend", "2030-05-04/2030-05-05", false, true},
		{"wrong day", `council\W+met`, "Thursday", "2030-05-09", false, false},
		{"a span is not a time of day", `again\W+over`, "weekend", "2030-05-04", false, false},
		{"nothing found, judged unresolved", `Nothing\W+happened`, "today", "", true, true},
		{"nothing found, judged dated", `Nothing\W+happened`, "today", "2030-05-06", true, false},
		{"part of a word is no occurrence", `council\W+met`, "day", "", true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			it := TimexItem{Dataset: "test", Article: "a", Sentence: regexp.MustCompile(tc.words), Expr: tc.expr, Want: tc.want}
			got, same, err := timexLocate(a, it)
			if err != nil {
				t.Fatal(err)
			}
			if same != tc.same || timexRight(got, tc.want) != tc.right {
				t.Errorf("got %q (same extent %v, right %v), want same extent %v, right %v", got, same, timexRight(got, tc.want), tc.same, tc.right)
			}
		})
	}
}
