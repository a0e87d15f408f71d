package text

import (
	"unicode"
	"unicode/utf8"
)

// Lexeme kinds.
const (
	LexWord  = iota // letters ("wednesday", "a", "m")
	LexNum          // digits with inner separators ("2017-04-04", "5:45", "1,200")
	LexPunct        // any other single rune ("." "," "’")
	LexBreak        // sentence or paragraph boundary marker (not a rune of the text)
)

// Lexeme is a slice of a lower-cased text. Start/End are byte offsets into
// the original body; lower-casing is ASCII only, so offsets agree.
type Lexeme struct {
	S          string // lower-cased text
	Start, End int
	Kind       uint8
	Upper      bool // first byte of the original is an ASCII capital
}

// Lexemes is a scanned text with bounds-checked accessors, the cursor the
// rule-based taggers match with: an index outside the slice reads as a
// break, so rules can look a few lexemes ahead or behind without checks.
type Lexemes []Lexeme

// Word returns lexeme i's lower-cased text when it is a word, else "".
func (ls Lexemes) Word(i int) string {
	if i < 0 || i >= len(ls) || ls[i].Kind != LexWord {
		return ""
	}
	return ls[i].S
}

// Is reports whether lexeme i exists, is no break, and reads s.
func (ls Lexemes) Is(i int, s string) bool {
	return i >= 0 && i < len(ls) && ls[i].Kind != LexBreak && ls[i].S == s
}

// Kind returns lexeme i's kind; LexBreak outside the slice.
func (ls Lexemes) Kind(i int) uint8 {
	if i < 0 || i >= len(ls) {
		return LexBreak
	}
	return ls[i].Kind
}

// Adjacent reports whether lexeme i starts right where lexeme i-1 ends.
func (ls Lexemes) Adjacent(i int) bool {
	return i > 0 && i < len(ls) && ls[i].Start == ls[i-1].End
}

// Scan splits text into lexemes for the rule-based taggers (times,
// quantities): unlike Tokens it keeps punctuation and marks sentence
// breaks. lower is the ASCII-lower-cased copy of text
// (same length). A LexBreak token is emitted at each paragraph break and after
// sentence-final punctuation followed by space and a capital or a quote,
// so that clause-level rules do not look across sentences.
func Scan(text, lower string) Lexemes {
	toks := make([]Lexeme, 0, len(text)/4+16)
	i := 0
	for i < len(text) {
		c := text[i]
		switch {
		case c == '\n':
			j := i
			for j < len(text) && (text[j] == '\n' || text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if len(toks) > 0 && toks[len(toks)-1].Kind != LexBreak {
				toks = append(toks, Lexeme{Start: i, End: i, Kind: LexBreak})
			}
			i = j
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c >= '0' && c <= '9':
			j := i + 1
			for j < len(text) {
				d := text[j]
				if d >= '0' && d <= '9' {
					j++
					continue
				}
				if (d == '.' || d == ',' || d == ':' || d == '/' || d == '-') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' {
					j += 2
					continue
				}
				break
			}
			toks = append(toks, Lexeme{S: lower[i:j], Start: i, End: j, Kind: LexNum})
			i = j
		case c < utf8.RuneSelf && isASCIILetter(c):
			j := i + 1
			for j < len(text) {
				d := text[j]
				if d < utf8.RuneSelf {
					if !isASCIILetter(d) {
						break
					}
					j++
					continue
				}
				r, n := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r) {
					break
				}
				j += n
			}
			toks = append(toks, Lexeme{S: lower[i:j], Start: i, End: j, Kind: LexWord, Upper: c >= 'A' && c <= 'Z'})
			i = j
		default:
			r, n := utf8.DecodeRuneInString(text[i:])
			if unicode.IsLetter(r) {
				j := i + n
				for j < len(text) {
					r2, n2 := utf8.DecodeRuneInString(text[j:])
					if !unicode.IsLetter(r2) {
						break
					}
					j += n2
				}
				toks = append(toks, Lexeme{S: lower[i:j], Start: i, End: j, Kind: LexWord, Upper: unicode.IsUpper(r)})
				i = j
				continue
			}
			if unicode.IsSpace(r) {
				i += n
				continue
			}
			toks = append(toks, Lexeme{S: lower[i : i+n], Start: i, End: i + n, Kind: LexPunct})
			i += n
			if (c == '.' || c == '!' || c == '?') && sentenceEndsAt(text, i, toks) {
				toks = append(toks, Lexeme{Start: i, End: i, Kind: LexBreak})
			}
		}
	}
	return toks
}

// sentenceEndsAt reports whether the punctuation just scanned (ending at
// byte i) ends a sentence: it is followed by space and then a capital letter
// or an opening quote, and it does not close a known abbreviation ("Apr.",
// "p.m." before a capital is still treated as an end: a rare miss).
func sentenceEndsAt(text string, i int, toks []Lexeme) bool {
	if i >= len(text) || (text[i] != ' ' && text[i] != '\n') {
		return false
	}
	j := i
	for j < len(text) && text[j] == ' ' {
		j++
	}
	if j >= len(text) {
		return false
	}
	c := text[j]
	if !(c >= 'A' && c <= 'Z') && c != '"' && c != 0xe2 {
		return false
	}
	if n := len(toks); n >= 2 && toks[n-2].Kind == LexWord {
		if _, ok := abbrevs[toks[n-2].S]; ok || IsDateAbbrev(toks[n-2].S) {
			return false
		}
		if len(toks[n-2].S) == 1 { // initials "S." and "m." of "p.m."
			return false
		}
	}
	return true
}

// abbrevs are words that end with a period without ending the sentence,
// besides the abbreviated month and weekday names (IsDateAbbrev).
var abbrevs = map[string]struct{}{
	"mr": {}, "mrs": {}, "ms": {}, "dr": {}, "st": {}, "gen": {}, "sen": {}, "rep": {}, "gov": {}, "lt": {}, "col": {}, "sgt": {},
	"no": {}, "vs": {},
}

func isASCIILetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

// ASCIILower lower-cases ASCII letters only, keeping byte offsets intact.
func ASCIILower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
