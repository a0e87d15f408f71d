package eval

import (
	"context"
	"errors"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/internal/testutil"
)

// timexValue is the shape of a news.Time value the judged set may expect.
var timexValue = regexp.MustCompile(`^(\d{4}(-\d{2}(-\d{2})?)?)(/\d{4}(-\d{2}(-\d{2})?)?)?$`)

// TestTimexItems checks the judged sets' form: every split present with
// at least 100 items, every expected value well formed, every extraction
// page dated in the pages file, and no item of a fresh set from an article
// an earlier set has items in (each fresh set's articles are ones nobody
// tuned on or read before).
func TestTimexItems(t *testing.T) {
	items, err := TimexItems()
	if err != nil {
		t.Fatal(err)
	}
	splits := timexScored(t)
	rank := map[string]int{"tune": 0, "check": 0, "fresh": 1, "fresh2": 2, "fresh3-tune": 3, "fresh3-check": 3}
	pages, err := timexPages(timexFresh3Pages)
	if err != nil {
		t.Fatal(err)
	}
	first := map[string]int{} // article -> rank of the earliest set with items in it
	for _, it := range items {
		r, ok := rank[it.Split]
		if !ok {
			t.Fatalf("split %q has no rank in this test", it.Split)
		}
		key := it.Dataset + "/" + it.Article
		if f, seen := first[key]; !seen || r < f {
			first[key] = r
		}
	}
	n := map[string]int{}
	for _, it := range items {
		n[it.Split]++
		if r := rank[it.Split]; r > 0 && first[it.Dataset+"/"+it.Article] < r {
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
		default:
			t.Errorf("%s: unknown dataset %q", it.Article, it.Dataset)
		}
	}
	for _, sp := range splits {
		if n[sp] < 100 {
			t.Errorf("split %s: %d items, want at least 100", sp, n[sp])
		}
	}
	if len(n) != len(splits) {
		t.Errorf("splits %v, want %v only", n, splits)
	}
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

// TestTimexSplits holds the --split values: each judged split alone, all
// of them for "all" or nothing, an error naming the choices otherwise.
func TestTimexSplits(t *testing.T) {
	every := []string{"tune", "check", "fresh", "fresh2", "fresh3-tune", "fresh3-check"}
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
		{"fresh3", nil, true},
		{"fresh4", nil, true},
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

// TestTimexPages holds the pages file's form: id, a YYYY-MM-DD date and
// where it was read; comments and blank lines skipped, anything else an
// error.
func TestTimexPages(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     map[string]string
		err      bool
	}{
		{"page", "# c\nabc\t2019-11-19\tmeta\n\n", map[string]string{"abc": "2019-11-19"}, false},
		{"crlf", "abc\t2019-11-19\tmeta\r\n", map[string]string{"abc": "2019-11-19"}, false},
		{"no where", "abc\t2019-11-19\n", nil, true},
		{"bad date", "abc\tNov 19\tmeta\n", nil, true},
		{"datetime", "abc\t2019-11-19T10:00\tmeta\n", nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := timexPages(tc.in)
			if (err != nil) != tc.err || (err != nil && !errors.Is(err, ErrTimexGold)) || (err == nil && !maps.Equal(got, tc.want)) {
				t.Errorf("timexPages(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.err)
			}
		})
	}
	pages, err := timexPages(timexFresh3Pages)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 {
		t.Error("timex_fresh3_pages.tsv lists no page")
	}
}

// FuzzTimexPages: the pages parser never panics, and what it accepts has
// a well-formed date for every page.
func FuzzTimexPages(f *testing.F) {
	f.Add("abc\t2019-11-19\tmeta\n")
	f.Add("# c\n\nabc\t2019-11-19\n")
	f.Fuzz(func(t *testing.T, in string) {
		pages, err := timexPages(in)
		if err != nil {
			return
		}
		for id, d := range pages {
			if !timexDate.MatchString(d) {
				t.Errorf("page %q: date %q accepted", id, d)
			}
		}
	})
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
	for _, sp := range timexScored(t) {
		n, _ := r.Get(sp + "_items")
		right, _ := r.Get(sp + "_right")
		if n < 100 {
			t.Errorf("%s: %v items scored", sp, n)
		}
		t.Logf("%s: %v items, %.3f placed right", sp, n, right)
	}
}
