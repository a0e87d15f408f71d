package text

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Phrases matches any of a list of words and phrases as whole words,
// ignoring case: exactly what the regular expression (?i)\b(p1|p2|...)\b
// matches (String returns it), without the regexp package's backtracking,
// which cost more than the rest of the briefing's reading of a sentence
// when word lists were tested on every sentence and clause. A phrase
// ending in "*" matches any word that begins with it, as p\w* does.
//
// Case is ignored as Go's regexp ignores it, by Unicode simple folding
// ("s" matches "ſ", "k" the Kelvin sign), and \b is Go's ASCII word
// boundary.
type Phrases struct {
	list    []phrase
	byFirst [utf8.RuneSelf][]int // phrases by an ASCII rune that can open them
	wide    []int                // phrases a non-ASCII rune can open
}

// phrase is one alternative: its runes, and whether any word characters
// may follow them (a trailing "*").
type phrase struct {
	lit    []rune
	prefix bool
}

// NewPhrases returns a matcher of the phrases ps (see Phrases). Each phrase
// is literal text but for a trailing "*"; an empty phrase panics, as a
// word list with one is a mistake.
func NewPhrases(ps ...string) *Phrases {
	p := &Phrases{}
	for i, s := range ps {
		ph := phrase{}
		if strings.HasSuffix(s, "*") {
			s, ph.prefix = s[:len(s)-1], true
		}
		if s == "" {
			panic("text: empty phrase in NewPhrases")
		}
		ph.lit = []rune(s)
		p.list = append(p.list, ph)
		wide := false
		for _, r := range orbit(ph.lit[0]) {
			if r < utf8.RuneSelf {
				p.byFirst[r] = append(p.byFirst[r], i)
			} else {
				wide = true
			}
		}
		if wide {
			p.wide = append(p.wide, i)
		}
	}
	return p
}

// String returns the regular expression the phrases match like. The
// command does not call it: it is kept as the specification the tests
// check MatchString against (phrases_test.go).
func (p *Phrases) String() string {
	alts := make([]string, len(p.list))
	for i, ph := range p.list {
		alts[i] = regexp.QuoteMeta(string(ph.lit))
		if ph.prefix {
			alts[i] += `\w*`
		}
	}
	return `(?i)\b(` + strings.Join(alts, "|") + `)\b`
}

// MatchString reports whether s contains any of the phrases as whole
// words.
func (p *Phrases) MatchString(s string) bool {
	for i := 0; i < len(s); {
		c, n := s[i], 1
		var cands []int
		if c < utf8.RuneSelf {
			cands = p.byFirst[c]
		} else {
			_, n = utf8.DecodeRuneInString(s[i:])
			cands = p.wide
		}
		if len(cands) > 0 && boundary(s, i) {
			for _, k := range cands {
				if p.list[k].matchAt(s, i) {
					return true
				}
			}
		}
		i += n
	}
	return false
}

// matchAt reports whether the phrase matches s from byte i (a word
// boundary) to a word boundary.
func (ph phrase) matchAt(s string, i int) bool {
	for _, c := range ph.lit {
		if i >= len(s) {
			return false
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !foldEqual(r, c) {
			return false
		}
		i += n
	}
	if boundary(s, i) {
		return true
	}
	if !ph.prefix {
		return false
	}
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !foldWord(r) {
			return false
		}
		i += n
		if boundary(s, i) {
			return true
		}
	}
	return false
}

// boundary reports whether byte i of s is an ASCII word boundary, as \b
// tests it: a word character on one side only.
func boundary(s string, i int) bool {
	return (i > 0 && isWordByte(s[i-1])) != (i < len(s) && isWordByte(s[i]))
}

// isWordByte reports whether c is an ASCII word character, [0-9A-Za-z_]
// (a byte of a multi-byte rune is none).
func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// foldWord reports whether r is a word character under case folding, as
// (?i)\w matches: an ASCII word character or a rune that folds to one.
func foldWord(r rune) bool {
	if r < utf8.RuneSelf {
		return isWordByte(byte(r))
	}
	for _, f := range orbit(r) {
		if f < utf8.RuneSelf && isWordByte(byte(f)) {
			return true
		}
	}
	return false
}

// foldEqual reports whether r and c are equal under Unicode simple case
// folding.
func foldEqual(r, c rune) bool {
	if r == c {
		return true
	}
	if r < utf8.RuneSelf && c < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z' && r+'a'-'A' == c || 'A' <= c && c <= 'Z' && c+'a'-'A' == r
	}
	for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
		if f == r {
			return true
		}
	}
	return false
}

// orbit returns r and the runes it folds to.
func orbit(r rune) []rune {
	out := []rune{r}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		out = append(out, f)
	}
	return out
}
