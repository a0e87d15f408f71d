package eval

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/testutil"
)

func TestGoldPairMatches(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.json")
	if err := os.WriteFile(gold, []byte(`{"events": {"e1": {"label": "x", "split": "tune",
		"true": [{"about": "day", "kind": "date", "a": "voted on tuesday", "a_outlet": "nyt", "b": "vote.{0,10}wednesday", "b_outlet": "fox"}],
		"must_not_flag": [], "disputed": []}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	events, err := readDiscrepancyGold(gold)
	if err != nil {
		t.Fatal(err)
	}
	p := &events["e1"].True[0]
	claim := func(src, text string) news.Claim { return news.Claim{Source: src, Text: text} }
	for _, tc := range []struct {
		name   string
		claims []news.Claim
		want   bool
	}{
		{"in order", []news.Claim{claim("nyt", "The council Voted on Tuesday."), claim("fox", "The vote came on Wednesday.")}, true},
		{"reversed", []news.Claim{claim("fox", "The vote came on Wednesday."), claim("nyt", "The council voted on Tuesday.")}, true},
		{"wrong outlet", []news.Claim{claim("hpo", "The council voted on Tuesday."), claim("fox", "The vote came on Wednesday.")}, false},
		{"one side only", []news.Claim{claim("nyt", "The council voted on Tuesday."), claim("fox", "Nothing here.")}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := p.matches(news.Discrepancy{Claims: tc.claims}); got != tc.want {
				t.Errorf("matches = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestReadDiscrepancyGoldErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, body string }{
		{"not json", `{`},
		{"no events", `{"events": {}}`},
		{"bad split", `{"events": {"e": {"split": "dev"}}}`},
		{"bad regex", `{"events": {"e": {"split": "tune", "true": [{"a": "(", "b": "x"}]}}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, tc.name+".json")
			if err := os.WriteFile(p, []byte(tc.body), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := readDiscrepancyGold(p); !errors.Is(err, ErrDiscrepancyGold) {
				t.Errorf("err = %v, want ErrDiscrepancyGold", err)
			}
		})
	}
}

// TestRunDiscrepanciesDev scores the product's briefings of the BASIL dev
// events against the hand annotations and holds them to the bar:
// no must_not_flag pair flagged in either split, and over all events at
// least 60% of the true pairs found and at least 90% of the reported ones
// true (a change elsewhere, in entities for one, can lose a find).
func TestRunDiscrepanciesDev(t *testing.T) {
	gold, ok := testutil.Shared("gold/discrepancies-dev.json")
	if !ok {
		t.Skip("../shared/gold/discrepancies-dev.json is not here: no discrepancy scorecard")
	}
	if _, ok := testutil.Shared("data/clustering/basil-dev.jsonl"); !ok {
		t.Skip("../shared/data/clustering/basil-dev.jsonl is not here")
	}
	r, err := RunDiscrepancies(context.Background(), DiscrepanciesOptions{Gold: gold})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"tune", "check"} {
		tr, _ := r.Get(s + "_true")
		found, _ := r.Get(s + "_found")
		if tr == 0 || found > tr {
			t.Errorf("%s: found %v of %v true pairs", s, found, tr)
		}
		if traps, _ := r.Get(s + "_traps"); traps != 0 {
			t.Errorf("%s: %v must_not_flag pairs flagged, want none", s, traps)
		}
	}
	tr, _ := r.Get("all_true")
	found, _ := r.Get("all_found")
	if found < 0.6*tr {
		t.Errorf("all: found %v of %v true pairs, want at least 60%%", found, tr)
	}
	reported, _ := r.Get("all_reported")
	right, _ := r.Get("all_right")
	if reported > 0 && right < 0.9*reported {
		t.Errorf("all: %v of %v reported pairs true, want at least 90%%", right, reported)
	}
	t.Log(r.Line())
}
