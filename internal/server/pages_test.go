package server

import (
	"reflect"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
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

// TestOutletNames: a story card names each outlet once and counts the
// articles whose outlet is not given, as its counts count each as an
// outlet.
func TestOutletNames(t *testing.T) {
	ng := news.OutletNotGiven
	for _, tc := range []struct {
		name    string
		outlets []string
		want    string
	}{
		{"named, repeated", []string{"Example Post", "Harbour Gazette", "example post"}, "Example Post|Harbour Gazette"},
		{"one not given", []string{ng, "Example Post"}, ng + "|Example Post"},
		{"three not given", []string{ng, ng, ng}, "3 outlets not given"},
		{"not given among named", []string{"Example Post", ng, "Harbour Gazette", ng}, "Example Post|2 outlets not given|Harbour Gazette"},
		{"none", nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var marks []mark
			for _, o := range tc.outlets {
				marks = append(marks, mark{Outlet: o})
			}
			if got := strings.Join(outletNames(marks), "|"); got != tc.want {
				t.Errorf("outletNames = %q, want %q", got, tc.want)
			}
		})
	}
}
