package server

import (
	"reflect"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
)

func TestWordDiff(t *testing.T) {
	for _, tc := range []struct {
		name, ref, variant string
		want               []diffPart
	}{
		{"same", "a b c", "a b c", []diffPart{{Text: "a b c"}}},
		{"missing word", "between our two countries,", "between our countries,", []diffPart{{Text: "between our"}, {Text: "two", Op: "del"}, {Text: "countries,"}}},
		{"extra word", "between our countries", "between our two countries", []diffPart{{Text: "between our"}, {Text: "two", Op: "ins"}, {Text: "countries"}}},
		{"quotes and case ignored", "“There is trust,”", `"there is trust."`, []diffPart{{Text: `"there is trust."`}}},
		{"prefix dropped", "Right now, we may be low", "We may be low", []diffPart{{Text: "Right now,", Op: "del"}, {Text: "We may be low"}}},
		{"replaced", "nearly two hours", "more than two hours", []diffPart{{Text: "nearly", Op: "del"}, {Text: "more than", Op: "ins"}, {Text: "two hours"}}},
		{"dash is shared", "a — b", "a — c", []diffPart{{Text: "a —"}, {Text: "b", Op: "del"}, {Text: "c", Op: "ins"}}},
		{"empty reference", "", "a b", []diffPart{{Text: "a b"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := wordDiff(tc.ref, tc.variant); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("wordDiff(%q, %q) = %+v, want %+v", tc.ref, tc.variant, got, tc.want)
			}
		})
	}
}

func TestSplitSnippet(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []snippetPart
	}{
		{"plain", []snippetPart{{Text: "plain"}}},
		{"a [b] c", []snippetPart{{Text: "a "}, {Text: "b", Match: true}, {Text: " c"}}},
		{"[x][y]", []snippetPart{{Text: "x", Match: true}, {Text: "y", Match: true}}},
		{"open [only", []snippetPart{{Text: "open [only"}}},
		{"", nil},
	} {
		if got := splitSnippet(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitSnippet(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

func TestClaimView(t *testing.T) {
	about := "when: Wednesday (2017-04-12) vs Friday (2017-04-07)"
	surfaces := valueSurfaces(about)
	for _, tc := range []struct {
		name                        string
		c                           news.Claim
		before, value, after, label string
	}{
		{"value in text", news.Claim{Text: "for nearly two hours.", Value: "nearly two hours"}, "for ", "nearly two hours", ".", ""},
		{"surface from about", news.Claim{Text: "Later on Friday, Trump spoke.", Value: "2017-04-07"}, "Later on ", "Friday", ", Trump spoke.", "2017-04-07"},
		{"nothing found", news.Claim{Text: "Nothing here.", Value: "2017-01-01"}, "Nothing here.", "", "", "2017-01-01"},
		{"no value", news.Claim{Text: "Plain."}, "Plain.", "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cv := newClaimView(cite{}, tc.c, surfaces)
			if cv.Before != tc.before || cv.Value != tc.value || cv.After != tc.after || cv.Label != tc.label {
				t.Errorf("got %q|%q|%q label %q", cv.Before, cv.Value, cv.After, cv.Label)
			}
		})
	}
}
