package quantity

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
