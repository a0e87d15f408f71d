package timex

import "github.com/crosscheck/crosscheck/internal/text"

// The tokenizer is internal/text's Scan, shared with the other rule-based
// taggers; these names keep the matching code short.
type token = text.Lexeme

const (
	tWord  = text.LexWord
	tNum   = text.LexNum
	tPunct = text.LexPunct
	tBreak = text.LexBreak
)

func scan(s, lower string) []token { return text.Scan(s, lower) }

func asciiLower(s string) string { return text.ASCIILower(s) }

// atoi parses a run of ASCII digits; ok is false for anything else or an
// implausibly long number.
func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
