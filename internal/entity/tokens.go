package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/text"
)

// tok is one word token of a sentence.
type tok struct {
	s, e    int    // byte span in the body, possessive "’s" excluded
	key     string // lower case, ASCII apostrophes
	cap     bool   // starts with an upper-case letter
	upper   bool   // all letters upper case, at least two letters
	initial bool   // a single capital letter followed by "." ("V.")
	abbr    bool   // followed by "." and short ("Sen.", "U.S.")
	poss    bool   // ended in a possessive "’s"
	mod     bool   // had a "then-"/"ex-" prefix, now stripped
}

// tokens appends the word tokens of body[s:e].
func (r *lexicon) tokens(body string, s, e int, out []tok, lower map[string]bool) []tok {
	for _, sp := range text.Tokens(body[s:e]) {
		out = r.word(body, s+sp.Start, s+sp.End, out, lower)
	}
	return out
}

// word appends the token body[ts:te] (or its parts).
func (r *lexicon) word(body string, ts, te int, out []tok, lower map[string]bool) []tok {
	{
		t := tok{s: ts, e: te}
		w := body[t.s:t.e]
		// "Wednesday.IVAN": two words run together at a period.
		if i := splitDotted(w); i > 0 {
			out = r.word(body, ts, ts+i, out, lower)
			return r.word(body, ts+i+1, te, out, lower)
		}
		// "then-Secretary", "ex-President": the prefix is a role modifier.
		for _, p := range [...]string{"then-", "ex-", "former-"} {
			if len(w) > len(p) && strings.HasPrefix(w, p) {
				if c, _ := utf8.DecodeRuneInString(w[len(p):]); unicode.IsUpper(c) {
					t.s += len(p)
					w = w[len(p):]
					t.mod = true
				}
			}
		}
		// "post-World War II", "anti-Trump": a lower-case prefix before a
		// capitalised word is not part of the name ("al-Assad" is).
		if i := strings.IndexByte(w, '-'); i > 0 && !t.mod {
			c0, _ := utf8.DecodeRuneInString(w)
			c1, _ := utf8.DecodeRuneInString(w[i+1:])
			if unicode.IsLower(c0) && unicode.IsUpper(c1) && !nameParticle(w[:i]) {
				t.s += i + 1
				w = w[i+1:]
			}
		}
		// Possessive: "Tillerson’s", "Russia's".
		for _, p := range [...]string{"’s", "'s", "’S", "'S"} {
			if len(w) > len(p) && strings.HasSuffix(w, p) {
				t.e -= len(p)
				w = w[:len(w)-len(p)]
				t.poss = true
				break
			}
		}
		if t.e < len(body) && body[t.e] == '.' && !t.poss {
			t.abbr = true
		}
		c, _ := utf8.DecodeRuneInString(w)
		t.cap = unicode.IsUpper(c)
		letters, uppers := 0, 0
		for _, ch := range w {
			if unicode.IsLetter(ch) {
				letters++
				if unicode.IsUpper(ch) {
					uppers++
				}
			}
		}
		t.upper = letters >= 2 && letters == uppers
		t.initial = t.cap && letters == 1 && utf8.RuneCountInString(w) == 1 && t.abbr
		t.key = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
		// "(D-Ill.)", "(R-Va.)": a party-and-state tag, and "I'd", "I'm":
		// a pronoun contraction; neither is a name.
		if isPartyTag(w) || strings.HasPrefix(t.key, "i'") {
			t.cap = false
			return append(out, t)
		}
		// A hyphenated word whose last part is lower case is an
		// adjective ("Western-backed"), not a name ("al-Assad" is).
		if i := strings.LastIndexByte(w, '-'); t.cap && i > 0 && i+1 < len(w) {
			if c2, _ := utf8.DecodeRuneInString(w[i+1:]); !unicode.IsUpper(c2) {
				t.cap = false
			}
		}
		if !t.cap {
			c0, _ := utf8.DecodeRuneInString(w)
			if unicode.IsLower(c0) && !strings.HasPrefix(w, "al-") && !strings.HasPrefix(w, "el-") {
				lower[t.key] = true
			} else if strings.HasPrefix(w, "al-") || strings.HasPrefix(w, "el-") {
				if c3, _ := utf8.DecodeRuneInString(w[3:]); unicode.IsUpper(c3) {
					t.cap = true
				}
			}
		}
		// Split "US-Russia" into its capitalised parts when one is a
		// place or acronym.
		if t.cap && strings.IndexByte(w, '-') > 0 && !strings.HasPrefix(t.key, "al-") && !strings.HasPrefix(t.key, "el-") {
			if parts := r.splitCompound(t, w); parts != nil {
				return append(out, parts...)
			}
		}
		out = append(out, t)
	}
	return out
}

// nameParticle reports a lower-case prefix that belongs to an Arabic name
// ("al-Assad", "el-Sisi", "bin-Salman").
func nameParticle(p string) bool {
	switch p {
	case "al", "el", "bin", "ibn", "abu", "ad", "as", "ash", "at", "az", "ar", "an", "ud", "ul":
		return true
	}
	return false
}

// isPartyTag reports a party-and-state tag: "D-Ill", "R-Va", "I-Vt".
func isPartyTag(w string) bool {
	if len(w) < 4 || w[1] != '-' || (w[0] != 'D' && w[0] != 'R' && w[0] != 'I') {
		return false
	}
	c, _ := utf8.DecodeRuneInString(w[2:])
	return unicode.IsUpper(c) && len(w) <= 8
}

// splitDotted returns the index of a period joining two words of which one
// has three or more letters ("Wednesday.IVAN"), or -1; "U.S" and "a.m"
// stay whole.
func splitDotted(w string) int {
	i := strings.IndexByte(w, '.')
	if i <= 0 || i+1 >= len(w) {
		return -1
	}
	left, right := w[:i], w[i+1:]
	if j := strings.IndexByte(right, '.'); j >= 0 {
		right = right[:j]
	}
	if utf8.RuneCountInString(left) >= 3 || utf8.RuneCountInString(right) >= 3 {
		if c, _ := utf8.DecodeRuneInString(right); unicode.IsLetter(c) {
			return i
		}
	}
	return -1
}

func (r *lexicon) splitCompound(t tok, w string) []tok {
	parts := strings.Split(w, "-")
	known := false
	for _, p := range parts {
		c, _ := utf8.DecodeRuneInString(p)
		if p == "" || !unicode.IsUpper(c) {
			return nil
		}
		k := strings.ToLower(p)
		if r.places[k] || r.placeAcr[k] || r.knownOrgs[k] || strings.ToUpper(p) == p {
			known = true
		}
	}
	if !known {
		return nil
	}
	var out []tok
	off := t.s
	for i, p := range parts {
		pt := tok{s: off, e: off + len(p), key: strings.ToLower(p), cap: true}
		pt.upper = len(p) >= 2 && strings.ToUpper(p) == p
		if i == len(parts)-1 {
			pt.poss, pt.abbr = t.poss, t.abbr
		}
		out = append(out, pt)
		off += len(p) + 1
	}
	return out
}

// isHeadline reports a title-case or all-caps line ("Putin, Tillerson Meet
// At Kremlin"), whose capitals say nothing about names: at least four
// words, most capitalised, and no lower-case word other than the short
// function words title case leaves small.
func isHeadline(toks []tok) bool {
	if len(toks) < 4 {
		return false
	}
	caps, words := 0, 0
	for _, t := range toks {
		c, _ := utf8.DecodeRuneInString(t.key)
		if unicode.IsDigit(c) {
			continue
		}
		words++
		if t.cap {
			caps++
		} else if !titleSmall[t.key] {
			return false
		}
	}
	return words >= 4 && caps*5 >= words*3
}

// titleSmall are the words title case leaves in lower case.
var titleSmall = map[string]bool{"a": true, "an": true, "the": true, "and": true, "or": true, "but": true,
	"of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "by": true, "with": true,
	"from": true, "as": true, "vs": true, "nor": true, "into": true, "over": true}

// state is the per-article working set.
type state struct {
	r     *lexicon
	body  string
	lower map[string]bool // words seen in lower case in the article
	cands []cand
}
