package compare

import (
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

func TestRelation(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want int
	}{
		{"identical but punctuation", "The world’s two foremost powers cannot have this,", "The world's two foremost powers cannot have this.", relIdentical},
		{"one word added", "There is a low level of trust between our countries", "There is a low level of trust between our two countries", relReworded},
		{"part of a longer quote", "We may be at an all-time low in terms of relationship with Russia", "Right now, we're not getting along with Russia at all — we may be at an all-time low in terms of relationship with Russia", relPartial},
		{"different statements", "We will win this election", "The economy is growing faster than expected this year", relNone},
		{"short terms match only when equal", "useless", "it is useless to arrive with ultimatums", relNone},
		{"short terms equal", "deconfliction", "deconfliction", relIdentical},
		{"empty", "", "anything", relNone},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Relation(text.Words(tc.a), text.Words(tc.b)); got != tc.want {
				t.Errorf("Relation = %d, want %d", got, tc.want)
			}
		})
	}
}

// article builds an analysed-looking article from paragraphs, with the
// given entities located by their first occurrence in the body.
func article(t *testing.T, seg *text.Segmenter, paras []string, ents map[string]string) *news.Article {
	t.Helper()
	a := &news.Article{Paragraphs: paras}
	seg.Segment(a)
	body := a.Body()
	for name, typ := range ents {
		e := news.Entity{Name: name, Type: typ}
		for i := 0; ; {
			j := indexFrom(body, lastWord(name), i)
			if j < 0 {
				break
			}
			e.Mentions = append(e.Mentions, news.Mention{Text: lastWord(name), Start: j, End: j + len(lastWord(name))})
			i = j + 1
		}
		a.Entities = append(a.Entities, e)
	}
	return a
}

func lastWord(s string) string {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == ' ' {
			return s[i+1:]
		}
	}
	return s
}

func indexFrom(s, sub string, from int) int {
	if from >= len(s) {
		return -1
	}
	for i := from; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestLedger(t *testing.T) {
	a := &news.Article{Quotes: []news.Quote{
		{Text: "There is a low level of trust between our countries,", Speaker: "Rex Tillerson"},
		{Text: "We will keep talking,", Speaker: "Rex Tillerson"},
	}}
	b := &news.Article{Quotes: []news.Quote{
		{Text: "There is a low level of trust between our two countries,", Speaker: "Tillerson"},
		{Text: "We will keep talking", Speaker: "Sergey Lavrov"},
	}}
	groups, conflicts := Ledger([]news.Member{{Article: a, Source: "a", Group: 0}, {Article: b, Source: "b", Group: 1}})
	var reworded *news.QuoteGroup
	for i, g := range groups {
		if g.Agreement == news.Reworded {
			reworded = &groups[i]
		}
	}
	if reworded == nil || len(reworded.Sources) != 2 || reworded.Speaker != "Rex Tillerson" {
		t.Fatalf("no reworded group of both sources by Rex Tillerson: %+v", groups)
	}
	found := false
	for _, v := range reworded.Variants {
		if len(v.Diff) == 1 && v.Diff[0] == "two" {
			found = true
		}
	}
	if !found {
		t.Errorf("the differing word 'two' is not shown: %+v", reworded.Variants)
	}
	if len(conflicts) != 1 || conflicts[0].Kind != news.KindAttribution {
		t.Errorf("attribution conflicts = %+v, want one", conflicts)
	}
}

func TestDiscrepancies(t *testing.T) {
	seg, err := text.NewSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	ents := map[string]string{"Jane Smith": news.Person, "Acme Corp": news.Organization}
	a := article(t, seg, []string{
		"Jane Smith met the Acme Corp board for nearly two hours on Tuesday, officials said.",
		"Smith later gave a news conference on Tuesday about the Acme Corp merger talks.",
	}, ents)
	b := article(t, seg, []string{
		"Smith joined the Acme Corp board for more than two hours, officials said.",
		"On Thursday, Smith gave a news conference about the Acme Corp merger talks.",
	}, ents)
	at := func(a *news.Article, s string, nth int) (int, int) {
		i := -1
		for range nth + 1 {
			i = indexFrom(a.Body(), s, i+1)
		}
		return i, i + len(s)
	}
	qs := func(a *news.Article, s string, q news.Quantity) news.Quantity {
		q.Text = s
		q.Start, q.End = at(a, s, 0)
		return q
	}
	ts := func(a *news.Article, s, v string, nth int) news.Time {
		st, en := at(a, s, nth)
		return news.Time{Text: s, Value: v, Start: st, End: en}
	}
	a.Quantities = []news.Quantity{qs(a, "nearly two hours", news.Quantity{Value: 2, Unit: "hour", Qualifier: news.Approximate})}
	b.Quantities = []news.Quantity{qs(b, "more than two hours", news.Quantity{Value: 2, Unit: "hour", Qualifier: news.AtLeast})}
	a.Times = []news.Time{ts(a, "Tuesday", "2020-03-03", 0), ts(a, "Tuesday", "2020-03-03", 1)}
	b.Times = []news.Time{ts(b, "Thursday", "2020-03-05", 0)}
	members := []news.Member{{Article: a, Source: "a", Group: 0}, {Article: b, Source: "b", Group: 1}}
	got := map[string]int{}
	for _, d := range NewStory(members, Options{}).Discrepancies(nil) {
		got[d.Kind]++
	}
	if got[news.KindQuantity] != 1 || got[news.KindDate] != 1 {
		t.Errorf("discrepancies = %v, want one quantity and one date", got)
	}

	// The same two articles as one syndicated source: nothing to report.
	members[1].Group = 0
	if d := NewStory(members, Options{}).Discrepancies(nil); len(d) != 0 {
		t.Errorf("copies of one source contradict themselves: %+v", d)
	}
}
