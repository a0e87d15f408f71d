package text

import (
	"regexp"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/testutil"
)

// phraseLists are word lists of the kinds the analysis uses: phrases,
// apostrophes and hyphens, prefixes, and letters (s, k) that fold to
// non-ASCII runes.
var phraseLists = [][]string{
	{"again", "once more", "a second", "another", "second time", "follow-up", "resumed"},
	{"might", "may", "would", "will", "won't", "wouldn't", "plans", "plan", "intends"},
	{"propos*", "could", "wants", "call for", "called for", "urg*", "if", "tentative*", "k*"},
	{"said", "says", "told", "in total", "totaling", "total", "of which", "sk"},
}

func TestPhrases(t *testing.T) {
	p := NewPhrases(phraseLists[2]...)
	tests := []struct {
		in   string
		want bool
	}{
		{"They proposed a vote.", true},
		{"a proposal", true},
		{"PROPOSITION", true},
		{"unproposed", false},
		{"If so", true},
		{"iffy", false},
		{"they called for calm", true},
		{"they called  for calm", false},
		{"tentatively", true},
		{"ſIf", true},
		{"xſ if", true},
		{"Kelvin", true},
		{"urged_", true},
		{"", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := p.MatchString(tc.in); got != tc.want {
				t.Errorf("MatchString(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

// checkPhrases fails when a word list and its regular expression disagree
// on s.
func checkPhrases(t *testing.T, s string) {
	t.Helper()
	for _, l := range phraseLists {
		p := NewPhrases(l...)
		re := regexp.MustCompile(p.String())
		if got, want := p.MatchString(s), re.MatchString(s); got != want {
			t.Fatalf("%s on %q: Phrases %v, regexp %v", re, s, got, want)
		}
	}
}

// TestPhrasesLikeRegexp compares the matcher with its regular expression
// on every sentence-like line of the Multi-News dev articles.
func TestPhrasesLikeRegexp(t *testing.T) {
	path, ok := testutil.Shared("data/mds/multinews-dev.jsonl")
	if !ok {
		t.Skip("no shared Multi-News data (../shared/data/mds)")
	}
	stories, err := testutil.ReadMultiNews(path)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, texts := range stories {
		for _, text := range texts {
			for _, line := range strings.Split(text, ". ") {
				checkPhrases(t, line)
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no text read")
	}
}

func FuzzPhrases(f *testing.F) {
	for _, s := range []string{"they will not", "won't", "follow-up", "ſaid", "proposals_", "a  second", "\xffmay\xe2", "TOLD", "in total."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkPhrases(t, s)
	})
}

// foldQuotesRef is how FoldQuotes was first written: its fast form must
// give the same text.
var foldQuotesRef = strings.NewReplacer(
	"“", "\"", "”", "\"", "„", "\"", "«", "\"", "»", "\"", "″", "\"",
	"‘", "'", "’", "'", "‚", "'", "‹", "'", "›", "'", "′", "'", "`", "'",
)

func FuzzFoldQuotes(f *testing.F) {
	for _, s := range []string{"", "plain", "“world’s”", "`a`", "\xe2\x80", "«x» ‹y› „z‚ 1′ 2″", "\xe2“\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := FoldQuotes(s), foldQuotesRef.Replace(s); got != want {
			t.Fatalf("FoldQuotes(%q) = %q, want %q", s, got, want)
		}
	})
}
