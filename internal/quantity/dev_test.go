package quantity

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/testutil"
)

// TestDevPolNeAR parses the PolNeAR development articles: offsets must be
// consistent, at most 1% of quantities may be year-like bare counts (a year
// read as a number), and no quantity may conflict with itself.
func TestDevPolNeAR(t *testing.T) {
	p, ok := testutil.Shared("data/quotes/polnear-dev.jsonl")
	if !ok {
		t.Skip("shared PolNeAR development set not present")
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	total, units, yearLike := 0, 0, 0
	for sc.Scan() {
		var r struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		a := &news.Article{Paragraphs: strings.Split(r.Text, "\n\n")}
		if err := New().Analyze(a); err != nil {
			t.Fatal(err)
		}
		body := a.Body()
		for _, q := range a.Quantities {
			total++
			if q.Unit != "" {
				units++
			}
			if body[q.Start:q.End] != q.Text {
				t.Fatalf("offsets [%d,%d) give %q, Text %q", q.Start, q.End, body[q.Start:q.End], q.Text)
			}
			if q.Unit == "" && q.Value >= 1900 && q.Value <= 2100 && !strings.Contains(q.Text, ",") {
				yearLike++
				t.Logf("year-like count %q", q.Text)
			}
			if Conflict(q, q) {
				t.Errorf("%q conflicts with itself", q.Text)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d quantities, %d with a unit, %d year-like bare counts", total, units, yearLike)
	if total == 0 || yearLike > total/100 {
		t.Errorf("%d year-like bare counts among %d quantities", yearLike, total)
	}
}
