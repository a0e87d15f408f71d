package brief

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
)

func TestSideView(t *testing.T) {
	cite := func(id string) Cite { return Cite{Source: id} }
	for _, tc := range []struct {
		name                        string
		c                           news.Claim
		before, value, after, label string
	}{
		{"value's own words", news.Claim{Text: "for nearly two hours.", Value: "nearly two hours", Span: &news.Span{Start: 4, End: 20}},
			"for ", "nearly two hours", ".", ""},
		{"words for a value", news.Claim{Text: "Later on Friday, Trump spoke.", Value: "2017-04-07", Span: &news.Span{Start: 9, End: 15}},
			"Later on ", "Friday", ", Trump spoke.", "2017-04-07"},
		{"no span stored", news.Claim{Text: "Nothing here.", Value: "2017-01-01"}, "Nothing here.", "", "", "2017-01-01"},
		{"span outside the text", news.Claim{Text: "Short.", Value: "x", Span: &news.Span{Start: 3, End: 40}}, "Short.", "", "", "x"},
		{"no value", news.Claim{Text: "Plain."}, "Plain.", "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sv := newDiscrepancyView(news.Discrepancy{Claims: []news.Claim{tc.c}}, cite).Sides[0]
			if sv.Before != tc.before || sv.Value != tc.value || sv.After != tc.after || sv.Label != tc.label {
				t.Errorf("got %q|%q|%q label %q", sv.Before, sv.Value, sv.After, sv.Label)
			}
		})
	}
}

func TestVariantView(t *testing.T) {
	del := func(s string) news.DiffPart { return news.DiffPart{Op: news.DiffDelete, Text: s} }
	ins := func(s string) news.DiffPart { return news.DiffPart{Op: news.DiffInsert, Text: s} }
	same := func(s string) news.DiffPart { return news.DiffPart{Text: s} }
	for _, tc := range []struct {
		name          string
		parts         []news.DiffPart
		want          []DiffPart
		same          bool
		inserts, dels bool
		changed       string // the Markdown note: words added and lacking, not spacing
	}{
		{"no comparison stored", nil, nil, false, false, false, ""},
		{"same words", []news.DiffPart{same("a b")}, []DiffPart{{Text: "a b"}}, true, false, false, ""},
		{"deleted between words: space after", []news.DiffPart{same("our "), del("two"), same("countries")},
			[]DiffPart{{Text: "our "}, {Op: "del", Text: "two", After: " "}, {Text: "countries"}}, false, false, true, "−two"},
		{"deleted at the end: space before", []news.DiffPart{same("a b"), del("c")},
			[]DiffPart{{Text: "a b"}, {Op: "del", Before: " ", Text: "c"}}, false, false, true, "−c"},
		{"inserted only", []news.DiffPart{same("a "), ins("b")},
			[]DiffPart{{Text: "a "}, {Op: "ins", Text: "b"}}, false, true, false, "+b"},
		{"inserted run's trailing space outside the mark", []news.DiffPart{del("nearly"), ins("more  than "), same("two hours")},
			[]DiffPart{{Op: "del", Text: "nearly", After: " "}, {Op: "ins", Text: "more  than", After: " "}, {Text: "two hours"}}, false, true, true, "+more than; −nearly"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			vv := newVariantView(Cite{}, news.Variant{Text: "t", Parts: tc.parts})
			if !reflect.DeepEqual(vv.Parts, tc.want) || vv.Same != tc.same {
				t.Errorf("parts %+v same %v, want %+v same %v", vv.Parts, vv.Same, tc.want, tc.same)
			}
			if vv.Inserts != tc.inserts || vv.Deletes != tc.dels {
				t.Errorf("inserts %v deletes %v, want %v %v (the legend explains only the marks shown)", vv.Inserts, vv.Deletes, tc.inserts, tc.dels)
			}
			if got := changed(vv); got != tc.changed {
				t.Errorf("changed = %q, want %q", got, tc.changed)
			}
		})
	}
}

// TestViewWhen: a briefing's header says its time as the listings do,
// and a briefing stored with a bare date says that date for people.
func TestViewWhen(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	for _, tc := range []struct {
		name string
		b    news.Briefing
		want string
	}{
		{"story time", news.Briefing{Date: "2019-03-02", Time: news.StoryTime{Event: "2019-03-02", First: day("2019-03-02"), Latest: day("2019-03-03")}},
			"happened 2 Mar 2019 · reported 2–3 Mar 2019"},
		{"date only", news.Briefing{Date: "2019-03-02"}, "2 Mar 2019"},
		{"nothing known", news.Briefing{}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := NewView(&tc.b).When; got != tc.want {
				t.Errorf("When = %q, want %q", got, tc.want)
			}
			var md bytes.Buffer
			if err := Markdown(&md, &tc.b, false); err != nil {
				t.Fatal(err)
			}
			if head := strings.SplitN(md.String(), "\n", 4)[2]; tc.want != "" && !strings.Contains(head, tc.want) {
				t.Errorf("Markdown header %q lacks %q", head, tc.want)
			}
		})
	}
}
