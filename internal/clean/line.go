package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one non-blank input line with the features the rules read.
type line struct {
	n        int    // 1-based input line number
	text     string // trimmed text
	lower    string // text lower-cased, for substring prefilters
	words    int    // whitespace-separated tokens containing a letter or digit
	capWords int    // of those, tokens starting with an upper-case letter
	longCap  int    // capitalised tokens longer than 3 runes
	long     int    // tokens longer than 3 runes
	terminal bool   // ends with sentence punctuation (possibly inside quotes)
	reason   string // removal reason; "" means kept
}

func newLine(n int, t string) line {
	l := line{n: n, text: t, lower: strings.ToLower(t)}
	for _, w := range strings.Fields(t) {
		r, _ := utf8.DecodeRuneInString(w)
		if !hasAlnum(w) {
			continue
		}
		l.words += 1 + cjkRunes(w)/2
		up := unicode.IsUpper(r)
		if up {
			l.capWords++
		}
		if utf8.RuneCountInString(w) > 3 {
			l.long++
			if up {
				l.longCap++
			}
		}
	}
	l.terminal = endsTerminal(t)
	return l
}

// cjkRunes counts Han, Hiragana and Katakana runes: scripts written without
// spaces, where two characters stand in for about one word.
func cjkRunes(w string) int {
	n := 0
	for _, r := range w {
		if r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			n++
		}
	}
	return n
}

// trimLine trims spaces, carriage returns and no-break spaces.
func trimLine(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\ufeff' })
}

func hasAlnum(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// endsTerminal reports whether t ends a sentence: . ! ? … optionally
// followed by closing quotes or brackets ("...everybody.\"").
func endsTerminal(t string) bool {
	t = strings.TrimRightFunc(t, func(r rune) bool {
		switch r {
		case '"', '\'', '’', '”', ')', ']', '»':
			return true
		}
		return false
	})
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '.', '!', '?', '…', '。', '！', '？':
		return true
	}
	return false
}

// titleCase reports whether most long words are capitalised, as in a
// headline ("Putin, Tillerson Meet At Kremlin, Discuss Tensions").
func (l *line) titleCase() bool {
	return l.long >= 3 && float64(l.longCap) >= 0.8*float64(l.long)
}

// headingLike: a short line that does not read as a sentence — no terminal
// punctuation, or title-cased — and does not end with a colon.
// Example: "Gap only grows amid US-Russia talks".
func headingLike(l *line, maxWords int) bool {
	if l.words == 0 || l.words > maxWords || strings.HasSuffix(l.text, ":") {
		return false
	}
	return !l.terminal || l.titleCase()
}

// headChrome: a head-zone line that is short and has no terminal
// punctuation (or is title-cased), e.g. "Available On Air Stations",
// "Next Up:".
func headChrome(l *line, maxWords int) bool {
	if l.words > maxWords {
		return false
	}
	return !l.terminal || (l.titleCase() && l.words <= maxWords/2)
}
