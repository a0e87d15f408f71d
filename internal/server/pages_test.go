package server

import (
	"reflect"
	"testing"
)

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
