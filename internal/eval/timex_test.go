package eval

import (
	"context"
	"errors"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/internal/testutil"
)

// timexValue is the shape of a news.Time value the judged set may expect.
var timexValue = regexp.MustCompile(`^(\d{4}(-\d{2}(-\d{2})?)?)(/\d{4}(-\d{2}(-\d{2})?)?)?$`)

// TestTimexItems checks the judged sets' form: every split present with
// at least 100 items, every expected value well formed, and no item of a
// fresh set from an article an earlier set has items in (each fresh set's
// articles are ones nobody tuned on or read before).
func TestTimexItems(t *testing.T) {
	items, err := TimexItems()
	if err != nil {
		t.Fatal(err)
	}
	splits := timexScored(t)
	rank := map[string]int{"tune": 0, "check": 0, "fresh": 1, "fresh2": 2}
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
		if it.Dataset != "basil" && it.Dataset != "polnear" {
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
	every := []string{"tune", "check", "fresh", "fresh2"}
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
		{"fresh3", nil, true},
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
