package brief

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
)

// TestMarkersPalette: up to Palette outlets of a story get distinct
// classes and labels, whatever their order, and briefing.css gives every
// class its own colour.
func TestMarkersPalette(t *testing.T) {
	names := []string{"Fox News", "NBC News", "CNN", "The New York Times", "Reuters", "Associated Press",
		"BBC News", "The Guardian", "Al Jazeera", "NPR", "The Washington Post", "Financial Times"}
	if len(names) != Palette {
		t.Fatalf("the test lists %d outlets, Palette is %d", len(names), Palette)
	}
	// A repeated outlet (another case) keeps its marker and takes no colour.
	ms := Markers(append(append([]string{}, names[:3]...), append([]string{"fox news"}, names[3:]...)...))
	classes, labels := map[string]string{}, map[string]string{}
	for _, n := range names {
		m := ms[strings.ToLower(n)]
		if o, dup := classes[m.Class]; dup {
			t.Errorf("%s and %s share colour %s", o, n, m.Class)
		}
		if o, dup := labels[m.Label]; dup {
			t.Errorf("%s and %s share label %s", o, n, m.Label)
		}
		classes[m.Class], labels[m.Label] = n, m.Label
	}
	colours := map[string]string{}
	for _, m := range regexp.MustCompile(`\.(o\d+)\{--oc:(#[0-9a-f]{6})\}`).FindAllStringSubmatch(Stylesheet(), -1) {
		if o, dup := colours[m[2]]; dup {
			t.Errorf("briefing.css: %s and %s share %s", o, m[1], m[2])
		}
		colours[m[2]] = m[1]
	}
	if len(colours) != Palette {
		t.Errorf("briefing.css defines %d outlet colours, want %d", len(colours), Palette)
	}
}

func TestMarkersNotGiven(t *testing.T) {
	ms := Markers([]string{news.OutletNotGiven, "NPR"})
	if m := ms[news.OutletNotGiven]; m.Class != "ox" || m.Label != "?" {
		t.Errorf("outlet not given: %+v, want grey ox with label ?", m)
	}
	if m := ms["npr"]; m.Class != "o"+strconv.Itoa(homeColour("npr")) {
		t.Errorf("NPR: %+v, want its own colour (an outlet not given takes none)", m)
	}
}

// TestMarkersStable: an outlet keeps its colour from story to story
// unless an earlier outlet of the story holds it.
func TestMarkersStable(t *testing.T) {
	// two invented outlets whose own colours collide
	a, b := "Harbour Gazette", ""
	for i := 0; b == ""; i++ {
		if n := "Valley Post " + strconv.Itoa(i); homeColour(strings.ToLower(n)) == homeColour(strings.ToLower(a)) {
			b = n
		}
	}
	own := "o" + strconv.Itoa(homeColour(strings.ToLower(a)))
	for _, tc := range []struct {
		name  string
		names []string
		want  string // a's class
	}{
		{"alone", []string{a}, own},
		{"after another outlet", []string{"Example Times", a}, own},
		{"first of two that collide", []string{a, b}, own},
		{"second of two that collide", []string{b, a}, "o" + strconv.Itoa((homeColour(strings.ToLower(a))+1)%Palette)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ms := Markers(tc.names)
			if got := ms[strings.ToLower(a)].Class; got != tc.want {
				t.Errorf("%s: class %s, want %s", a, got, tc.want)
			}
			if len(tc.names) == 2 && ms[strings.ToLower(tc.names[0])].Class == ms[strings.ToLower(tc.names[1])].Class {
				t.Errorf("two outlets of one story share %s", ms[strings.ToLower(a)].Class)
			}
		})
	}
}

func TestMarkersLabelsUnique(t *testing.T) {
	ms := Markers([]string{"Fox News", "Free Nation", "fn", "McClatchy", "McCoy", "Mc Courier"})
	seen := map[string]bool{}
	for _, m := range ms {
		if seen[m.Label] {
			t.Errorf("label %q given twice: %v", m.Label, ms)
		}
		seen[m.Label] = true
	}
}

func TestInitials(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Fox News", "FN"},
		{"NBC News", "NBC"},
		{"CNN", "CNN"},
		{"The New York Times", "NYT"},
		{"Reuters", "Reu"},
		{"HuffPost", "HP"},
		{"NewsHour", "NH"},
		{"TheDailyWireHub", "TDWH"},
		{"TheDailyWireHubNow", "TDWH"},
		{"apnews.com", "Apn"},
		{"news.example.co", "NE"},
		{"Le Monde", "LM"},
		{"—", "?"},
		// One word with inner capitals: camel-case parts give their
		// capitals, a leading "Mc" starts no part (it is never a word
		// of its own), a possessive "'s" is no word.
		{"BuzzFeed", "BF"},
		{"YouTube", "YT"},
		{"MacRumors", "MR"},
		{"McClatchy", "McC"},
		{"McAllister", "McA"},
		{"McKinnonPost", "MP"},
		{"Barron's", "Bar"},
		{"McSweeney's", "McS"},
		{"Harbour’s Gazette", "HG"},
		{"O'Reilly", "OR"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := Initials(tc.in); got != tc.want {
				t.Errorf("Initials(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestFirstReported(t *testing.T) {
	for _, tc := range []struct {
		name string
		pub  []string
		want int
	}{
		{"earliest time", []string{"2024-03-01T12:00:00Z", "2024-03-01T09:30:00Z", ""}, 1},
		{"bare dates tie", []string{"2024-03-01", "2024-03-01"}, -1},
		{"undated", []string{"", ""}, -1},
		{"one source", []string{"2024-03-01T12:00:00Z"}, -1},
		{"date before later day", []string{"2024-03-02T08:00:00Z", "2024-03-01"}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var srcs []news.Source
			for _, p := range tc.pub {
				srcs = append(srcs, news.Source{Published: p})
			}
			if got := firstReported(srcs); got != tc.want {
				t.Errorf("firstReported(%v) = %d, want %d", tc.pub, got, tc.want)
			}
		})
	}
}

func TestWhen(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2017-04-12", "12 Apr 2017"},
		{"2017-04-12T20:05:00Z", "12 Apr 2017 20:05 UTC"},
		{"2017-04-12T00:00:00Z", "12 Apr 2017 00:00 UTC"},
		{"", "date not known"},
		{"spring", "spring"},
	} {
		if got := When(tc.in); got != tc.want {
			t.Errorf("When(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEventDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"1997", "1997"},
		{"2016-09", "Sep 2016"},
		{"2017-04-12", "12 Apr 2017"},
		{"2017-04-12T20:00", "12 Apr 2017, 20:00"},
		{"2017-04-03/2017-04-09", "3–9 Apr 2017"},
		{"2017-03-29/2017-04-04", "29 Mar – 4 Apr 2017"},
		{"2016-12-30/2017-01-05", "30 Dec 2016 – 5 Jan 2017"},
		{"2017-01/2017-04", "Jan–Apr 2017"},
		{"2016-11/2017-02", "Nov 2016 – Feb 2017"},
		{"2017/2018", "2017 – 2018"},
		{"2017-W15", "2017-W15"},
		{"2017-04-12/soon", "2017-04-12/soon"},
		{"", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := EventDate(tc.in); got != tc.want {
				t.Errorf("EventDate(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestCiteLabel: a citation of an outlet not given carries its number
// alone, in Markdown and in HTML; a named outlet's carries its label.
func TestCiteLabel(t *testing.T) {
	b := &news.Briefing{Title: "Ferry resumes", Sources: []news.Source{{ID: "a"}, {ID: "b", Outlet: "Example Post"}},
		Summary: []news.Cited{{Text: "The ferry sailed again.", Sources: []string{"a", "b"}}}}
	for _, tc := range []struct{ format, want, not string }{
		{"markdown", "The ferry sailed again. [1][2 EP]", "[1 ?]"},
		{"html", `show its sentence">1</button>`, `1<span class="lab"> ?</span>`},
	} {
		t.Run(tc.format, func(t *testing.T) {
			var out strings.Builder
			if err := Write(&out, tc.format, b, false); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), tc.want) || strings.Contains(out.String(), tc.not) {
				t.Errorf("%s: want %q and not %q in\n%s", tc.format, tc.want, tc.not, out.String())
			}
		})
	}
}
