package eval

import (
	"context"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/crosscheck/crosscheck/internal/testutil"
)

// timexValue is the shape of a news.Time value the judged set may expect.
var timexValue = regexp.MustCompile(`^(\d{4}(-\d{2}(-\d{2})?)?)(/\d{4}(-\d{2}(-\d{2})?)?)?$`)

// TestTimexItems checks the judged sets' form: the three splits present,
// at least 100 items each, every expected value well formed, and no fresh
// item from an article the tune or check items come from (the fresh set's
// articles are ones nobody tuned on).
func TestTimexItems(t *testing.T) {
	items, err := TimexItems()
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	tuned := map[string]bool{}
	for _, it := range items {
		if it.Split != "fresh" {
			tuned[it.Dataset+"/"+it.Article] = true
		}
	}
	for _, it := range items {
		n[it.Split]++
		if it.Split == "fresh" && tuned[it.Dataset+"/"+it.Article] {
			t.Errorf("fresh item %q from %s %s, an article of the tune or check items", it.Expr, it.Dataset, it.Article)
		}
		if it.Want != "" && !timexValue.MatchString(it.Want) {
			t.Errorf("%s %s %q: malformed value %q", it.Dataset, it.Article, it.Expr, it.Want)
		}
		if it.Dataset != "basil" && it.Dataset != "polnear" {
			t.Errorf("%s: unknown dataset %q", it.Article, it.Dataset)
		}
	}
	for _, sp := range []string{"tune", "check", "fresh"} {
		if n[sp] < 100 {
			t.Errorf("split %s: %d items, want at least 100", sp, n[sp])
		}
	}
	if len(n) != 3 {
		t.Errorf("splits %v, want tune, check and fresh only", n)
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
	for _, sp := range []string{"tune", "check", "fresh"} {
		n, _ := r.Get(sp + "_items")
		right, _ := r.Get(sp + "_right")
		if n < 100 {
			t.Errorf("%s: %v items scored", sp, n)
		}
		t.Logf("%s: %v items, %.3f placed right", sp, n, right)
	}
}
