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

// TestTimexItems checks the judged set's form: both splits present, at
// least 100 items each, every expected value well formed.
func TestTimexItems(t *testing.T) {
	items, err := TimexItems()
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, it := range items {
		n[it.Split]++
		if it.Want != "" && !timexValue.MatchString(it.Want) {
			t.Errorf("%s %s %q: malformed value %q", it.Dataset, it.Article, it.Expr, it.Want)
		}
		if it.Dataset != "basil" && it.Dataset != "polnear" {
			t.Errorf("%s: unknown dataset %q", it.Article, it.Dataset)
		}
	}
	if n["tune"] < 100 || n["check"] < 100 {
		t.Errorf("splits %v, want at least 100 items in each", n)
	}
}

// TestRunTimex runs the eval on the shared data: every judged item must be
// located (one sentence, an article in the data) and both splits scored.
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
	for _, sp := range []string{"tune", "check"} {
		n, _ := r.Get(sp + "_items")
		right, _ := r.Get(sp + "_right")
		if n < 100 {
			t.Errorf("%s: %v items scored", sp, n)
		}
		t.Logf("%s: %v items, %.3f placed right", sp, n, right)
	}
}
