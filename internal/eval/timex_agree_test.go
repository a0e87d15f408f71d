package eval

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

//go:embed testdata/timex_second_judge.tsv
var timexSecondJudge string

// timexUnitOf brings a second judge's range for "earlier|later this
// month|year" to the judged sets' convention, the unit itself (the brief
// the judge read did not state it): "2016-09-01/2016-09-23" gives
// "2016-09".
var timexUnitOf = regexp.MustCompile(`(?i)^(earlier|later) this (month|year)$`)

// TestTimexSecondJudge measures how often a second judge, judging blind
// from the same guidelines, gives fresh5-check's and fresh6-check's items
// the first judge's value (docs/timex-judging.md, "Two judges"), and
// fails below 0.95 on either split: a bar a system is held to must lie
// under what two careful readers agree on.
func TestTimexSecondJudge(t *testing.T) {
	items, err := TimexItems()
	if err != nil {
		t.Fatal(err)
	}
	first := map[string]string{}
	key := func(f ...string) string { return strings.Join(f, "\t") }
	for _, it := range items {
		first[key(it.Split, it.Dataset, it.Article, it.Sentence.String(), it.Expr)] = it.Want
	}
	type tally struct{ items, same, sameByConvention, dropped int }
	by := map[string]*tally{}
	err = timexRows("timex_second_judge.tsv", timexSecondJudge, 6, func(line int, f []string) error {
		want, ok := first[key(f[:5]...)]
		if !ok {
			return fmt.Errorf("line %d: no such judged item", line)
		}
		if by[f[0]] == nil {
			by[f[0]] = &tally{}
		}
		c := by[f[0]]
		got := f[5]
		if got == "drop" {
			c.dropped++
			return nil
		}
		if got == TimexUnresolved {
			got = ""
		}
		c.items++
		if got == want {
			c.same++
		}
		if timexUnitOf.MatchString(f[4]) && strings.Contains(got, "/") {
			got = got[:strings.Index(got, "-")+3]
			if strings.HasSuffix(strings.ToLower(f[4]), "year") {
				got = got[:4]
			}
		}
		if got == want {
			c.sameByConvention++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, sp := range []string{"fresh5-check", "fresh6-check"} {
		c := by[sp]
		if c == nil {
			t.Fatalf("%s: no second judge's items", sp)
		}
		share := float64(c.sameByConvention) / float64(c.items)
		t.Logf("%s: %d items both judged (%d dropped by the second judge); the same value %d (%.1f%%), %d (%.1f%%) with the convention for \"earlier this month|year\"",
			sp, c.items, c.dropped, c.same, 100*float64(c.same)/float64(c.items), c.sameByConvention, 100*share)
		if share < 0.95 {
			t.Errorf("%s: two judges agree on %.3f of the items, under 0.95", sp, share)
		}
	}
}
