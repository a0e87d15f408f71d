package text

import (
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
)

func TestSentences(t *testing.T) {
	seg, err := NewSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"two paragraphs", "Mr. Smith went to Washington. He met the U.S. president.\n\nIt rained.",
			[]string{"Mr. Smith went to Washington.", "He met the U.S. president.", "It rained."}},
		{"quote ends sentence", `"We'll see." Trump said it twice.`,
			[]string{`"We'll see."`, "Trump said it twice."}},
		{"month abbreviation before a day", "The survey was released on Friday (Oct. 4) by the board. It ran long.",
			[]string{"The survey was released on Friday (Oct. 4) by the board.", "It ran long."}},
		{"numbering abbreviation", "She wore No. 9 all season. Then she retired.",
			[]string{"She wore No. 9 all season.", "Then she retired."}},
		{"everyday word before a count", "They lay in the sun. 20 minutes later they left.",
			[]string{"They lay in the sun.", "20 minutes later they left."}},
		{"verb before a count", "She sat. 3 hours passed.",
			[]string{"She sat.", "3 hours passed."}},
		{"empty", "", nil},
		{"blank paragraphs", "\n\nOne.\n\n\n\nTwo.", []string{"One.", "Two."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := seg.Sentences(tc.body)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d sentences %v, want %d %q", len(got), texts(tc.body, got), len(tc.want), tc.want)
			}
			for i, s := range got {
				if g := tc.body[s.Start:s.End]; g != tc.want[i] {
					t.Errorf("sentence %d = %q, want %q", i, g, tc.want[i])
				}
			}
		})
	}
}

func TestJoinsNumber(t *testing.T) {
	tests := []struct {
		prev, next string
		want       bool
	}{
		{"the report came out (Nov.", "4) and was read widely.", true},
		{"as of Sept.", "30, the fund held cash.", true},
		{"She wore No.", "9 all season.", true},
		{"The fair opens Sat.", "12 June.", true},
		{"as of Sept.", "2019 figures show.", false},
		{"as of Sept.", "32 rooms were let.", false},
		{"as of Sept.", "0 rooms were let.", false},
		{"They lay in the sun.", "20 minutes later they left.", false},
		{"She sat.", "3 hours passed.", false},
		{"They said no.", "4 people came.", false},
		{"We met on a Wed.", "30 minutes passed.", false},
		{"He quit in Jan.", "December came.", false},
		{"He met Dr.", "5 times.", false},
		{"It opened in the fall.", "5 days later it shut.", false},
		{"It rose 5.", "3 more fell.", false},
		{"the U.S.", "2 firms left.", false},
		{"no period", "5 more.", false},
	}
	for _, tc := range tests {
		t.Run(tc.prev+" "+tc.next, func(t *testing.T) {
			if got := joinsNumber(tc.prev, tc.next); got != tc.want {
				t.Errorf("joinsNumber(%q, %q) = %v, want %v", tc.prev, tc.next, got, tc.want)
			}
		})
	}
}

func texts(body string, ss []news.Span) []string {
	var out []string
	for _, s := range ss {
		out = append(out, body[s.Start:s.End])
	}
	return out
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"The world’s two foremost—powers, U.S. 1,000 3.5%", []string{"the", "world's", "two", "foremost", "powers", "u.s", "1,000", "3.5"}},
		{"", nil},
		{"don't-stop", []string{"don't-stop"}},
	}
	for _, tc := range tests {
		got := Words(tc.in)
		if len(got) != len(tc.want) {
			t.Fatalf("Words(%q) = %q, want %q", tc.in, got, tc.want)
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("Words(%q)[%d] = %q, want %q", tc.in, i, got[i], tc.want[i])
			}
		}
	}
}

func BenchmarkSentences(b *testing.B) {
	seg, err := NewSegmenter()
	if err != nil {
		b.Fatal(err)
	}
	body := "MOSCOW — Secretary of State Rex Tillerson met with President Vladimir Putin of Russia for nearly two hours Wednesday. “There is a low level of trust between our countries,” Tillerson told reporters.\n\nIt was the eighth time in the six-year-old Syria conflict that Russia had used its veto power."
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		seg.Sentences(body)
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		want     string
	}{
		{"short", "abc", 5, "abc"},
		{"exact", "abcde", 5, "abcde"},
		{"long", "abcdef", 5, "abcd…"},
		{"runes, not bytes", "Zoë’s café", 6, "Zoë’s…"},
		{"one", "abc", 1, "…"},
		{"zero", "abc", 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Clip(tc.in, tc.n); got != tc.want {
				t.Errorf("Clip(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
			}
		})
	}
}

func TestClipWords(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		n        int
		want     string
	}{
		{"short enough", "short enough", 20, "short enough"},
		{"at a word, punctuation dropped", "the council approved the bridge, after debate", 34, "the council approved the bridge…"},
		{"one long word", "abcdefghijkl", 6, "abcde…"},
		{"zero", "abc", 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ClipWords(tc.in, tc.n); got != tc.want {
				t.Errorf("ClipWords(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
			}
		})
	}
}
