package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// show renders lexemes as their texts, breaks as "|".
func show(ls Lexemes) string {
	var parts []string
	for _, l := range ls {
		if l.Kind == LexBreak {
			parts = append(parts, "|")
			continue
		}
		parts = append(parts, l.S)
	}
	return strings.Join(parts, " ")
}

func TestScan(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"words and numbers", "On 2017-04-04, 1,200 came.", "on 2017-04-04 , 1,200 came ."},
		{"sentence break", "It ended. Then it rained.", "it ended . | then it rained ."},
		{"paragraph break", "One\n\nTwo", "one | two"},
		{"month abbreviation", "On Apr. 4 they met.", "on apr . 4 they met ."},
		{"weekday abbreviation", "Since Wed. Officials said so.", "since wed . officials said so ."},
		{"title", "Mr. Smith left.", "mr . smith left ."},
		{"initial", "John F. Kennedy spoke.", "john f . kennedy spoke ."},
		{"full month name ends a sentence", "It was in May. Then June came.", "it was in may . | then june came ."},
		{"non-ASCII letters", "Zoë’s café", "zoë ’ s café"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := show(Scan(tc.in, ASCIILower(tc.in))); got != tc.want {
				t.Errorf("Scan(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestLexemes(t *testing.T) {
	in := "Crowds of 5,000 marched.\n\nNext"
	ls := Scan(in, ASCIILower(in))
	// crowds of 5,000 marched . | next
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"Word of a word", ls.Word(0), "crowds"},
		{"Word of a number", ls.Word(2), ""},
		{"Word before the start", ls.Word(-1), ""},
		{"Word past the end", ls.Word(len(ls)), ""},
		{"Is", ls.Is(1, "of"), true},
		{"Is of another word", ls.Is(1, "in"), false},
		{"Is past the end", ls.Is(len(ls), "next"), false},
		{"Is of a break", ls.Is(5, ""), false},
		{"Kind of a number", ls.Kind(2), uint8(LexNum)},
		{"Kind of punctuation", ls.Kind(4), uint8(LexPunct)},
		{"Kind of a break", ls.Kind(5), uint8(LexBreak)},
		{"Kind outside", ls.Kind(-1), uint8(LexBreak)},
		{"Adjacent period", ls.Adjacent(4), true},
		{"Adjacent after a space", ls.Adjacent(1), false},
		{"Adjacent at the start", ls.Adjacent(0), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %v, want %v (lexemes %q)", tc.got, tc.want, show(ls))
			}
		})
	}
}

// FuzzScan checks that lexemes lie inside the text, in order, and read the
// lower-cased text at their offsets.
func FuzzScan(f *testing.F) {
	f.Add("On Apr. 4, 2017, Mr. Smith said 1,200 people came.\n\nThen Wed. came.")
	f.Add("Zoë’s café, 3.5 km")
	f.Add("\xff\xfe. A")
	f.Fuzz(func(t *testing.T, s string) {
		lower := ASCIILower(s)
		if len(lower) != len(s) {
			t.Fatalf("ASCIILower changed the length: %d -> %d", len(s), len(lower))
		}
		end := 0
		for i, l := range Scan(s, lower) {
			if l.Start < end || l.End < l.Start || l.End > len(s) {
				t.Fatalf("lexeme %d %+v out of order or range (previous end %d)", i, l, end)
			}
			if l.Kind != LexBreak && (l.S != lower[l.Start:l.End] || l.S == "") {
				t.Fatalf("lexeme %d %+v does not read %q", i, l, lower[l.Start:l.End])
			}
			if l.Kind == LexWord && !utf8.ValidString(l.S) {
				t.Fatalf("word lexeme %d %q is not valid UTF-8", i, l.S)
			}
			end = l.End
		}
	})
}
