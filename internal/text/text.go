// Package text splits clean article text into sentences and word tokens with
// byte offsets, and provides the small normalisations (folding quotation
// marks, lower-cased word lists) that later stages compare text with.
//
// Sentences come from neurosnap/sentences' English Punkt model, applied one
// paragraph at a time so that a sentence never crosses a paragraph break.
package text

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"
)

// Segmenter finds sentences. Build one per process with NewSegmenter and
// share it: it is safe for concurrent use because it holds no per-call
// state.
type Segmenter struct {
	// tok loads the Punkt model once, on first use (about 5 ms: the
	// largest piece of a small command's start-up after the runtime's).
	tok func() (*sentences.DefaultSentenceTokenizer, error)
}

// NewSegmenter returns a Segmenter and starts loading the English sentence
// model on another goroutine, so that on a machine with a free core the
// load overlaps the caller's own start-up (reading inputs, cleaning); the
// first Sentences call waits for it if it has not finished.
func NewSegmenter() (*Segmenter, error) {
	s := &Segmenter{tok: sync.OnceValues(loadTokenizer)}
	go s.tok()
	return s, nil
}

// loadTokenizer builds the Punkt tokenizer from the embedded English
// model.
func loadTokenizer() (*sentences.DefaultSentenceTokenizer, error) {
	model, err := loadPunkt()
	if err != nil {
		return nil, fmt.Errorf("text: load sentence model: %w", err)
	}
	t, err := english.NewSentenceTokenizer(model)
	if err != nil {
		return nil, fmt.Errorf("text: load sentence model: %w", err)
	}
	return t, nil
}

// tokenizer is the loaded model. The model is embedded in the binary and
// checked by the tests, so failing to load it is a broken build: it
// panics, like regexp.MustCompile on a literal.
func (s *Segmenter) tokenizer() *sentences.DefaultSentenceTokenizer {
	t, err := s.tok()
	if err != nil {
		panic(err)
	}
	return t
}

// Sentences returns the sentence spans of body, a text whose paragraphs are
// separated by news.ParagraphSep. Leading and trailing space is trimmed from
// every span.
func (s *Segmenter) Sentences(body string) []news.Span {
	var out []news.Span
	var tok *sentences.DefaultSentenceTokenizer
	off := 0
	for {
		i := strings.Index(body[off:], news.ParagraphSep)
		end := len(body)
		if i >= 0 {
			end = off + i
		}
		para := body[off:end]
		if strings.TrimSpace(para) != "" {
			if tok == nil {
				tok = s.tokenizer()
			}
			for _, sp := range tok.Tokenize(para) {
				a, b := trimSpan(para, sp.Start, sp.End)
				if a < b {
					out = append(out, news.Span{Start: off + a, End: off + b})
				}
			}
		}
		if i < 0 {
			break
		}
		off = end + len(news.ParagraphSep)
	}
	return mergeQuoteTails(body, joinAbbrevNumbers(body, out))
}

// joinAbbrevNumbers joins a "sentence" that starts with a digit onto the one
// before it when that one ends in an abbreviation's period that a number
// completes (joinsNumber): a date or a numbering ("published on Friday
// (Oct. 4) by", "Section No. 5") is never a sentence's end, whereas Punkt
// splits there when the abbreviation is rare in its training text.
func joinAbbrevNumbers(body string, ss []news.Span) []news.Span {
	out := ss[:0]
	for _, s := range ss {
		if n := len(out); n > 0 && joinsNumber(body[out[n-1].Start:out[n-1].End], body[s.Start:s.End]) &&
			!strings.Contains(body[out[n-1].End:s.Start], "\n") {
			out[n-1].End = s.End
			continue
		}
		out = append(out, s)
	}
	return out
}

// joinsNumber reports whether prev ends in an abbreviation's period that
// the number opening next completes, so the two are one sentence. Only
// the capitalised forms count, as everyday words share the lower-case
// spellings ("in the sun. 20 minutes later", "She sat. 3 hours", "said
// no. 4 people"): "No." before any number; a month's abbreviation
// ("Nov.", "Sept.") before a day number, 1 to 31 ("Sept. 2019" and "Nov.
// 40 rooms" split); a weekday's abbreviation before a day number and a
// month's name ("Sat. 12 June"; "on a Wed. 30 minutes later" splits).
// Titles ("Dr.", "Gen.") take names, not numbers, and never join.
func joinsNumber(prev, next string) bool {
	w, ok := strings.CutSuffix(prev, ".")
	if !ok || next == "" || next[0] < '0' || next[0] > '9' {
		return false
	}
	i := len(w)
	for i > 0 && isASCIILetter(w[i-1]) {
		i--
	}
	if i == len(w) || (i > 0 && w[i-1] == '.') {
		return false
	}
	w = w[i:]
	if w[0] < 'A' || w[0] > 'Z' || ASCIILower(w[1:]) != w[1:] {
		return false
	}
	lw := ASCIILower(w)
	if lw == "no" {
		return true
	}
	d, rest := leadingNumber(next)
	if d < 1 || d > 31 {
		return false
	}
	if _, ok := monthAbbrevs[lw]; ok {
		return true
	}
	if _, ok := weekdayAbbrevs[lw]; ok {
		f := strings.Fields(rest)
		if len(f) > 0 {
			_, isMonth := Month(ASCIILower(strings.TrimRight(f[0], ".,")))
			return isMonth
		}
	}
	return false
}

// leadingNumber reads the digits opening s (at most two: a longer number
// is no day, -1) and returns their value and what follows them.
func leadingNumber(s string) (int, string) {
	n, i := 0, 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		if i == 2 {
			return -1, s
		}
		n = n*10 + int(s[i]-'0')
		i++
	}
	return n, s[i:]
}

// Analyze fills a.Sentences from a.Body(). It is the first stage of the
// analysis chain (pipeline.Stage) and never fails.
func (s *Segmenter) Analyze(a *news.Article) error {
	a.Sentences = s.Sentences(a.Body())
	return nil
}

func trimSpan(s string, a, b int) (int, int) {
	if b > len(s) {
		b = len(s)
	}
	for a < b {
		r, n := utf8.DecodeRuneInString(s[a:])
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(s[:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	return a, b
}

// mergeQuoteTails joins a "sentence" that is only closing punctuation or a
// closing quotation mark onto the one before it (Punkt sometimes splits
// `...everybody."` after the period).
func mergeQuoteTails(body string, ss []news.Span) []news.Span {
	out := ss[:0]
	for _, s := range ss {
		t := body[s.Start:s.End]
		if len(out) > 0 && strings.Trim(t, "\"'”’»)]") == "" && !strings.Contains(body[out[len(out)-1].End:s.Start], "\n") {
			out[len(out)-1].End = s.End
			continue
		}
		out = append(out, s)
	}
	return out
}

// Tokens returns the word tokens of s as byte spans: runs of letters and
// digits, with inner apostrophes, hyphens, periods and commas kept when a
// letter or digit follows ("don't", "U.S", "1,000", "3.5"). Punctuation is
// not a token.
func Tokens(s string) []news.Span {
	var out []news.Span
	eachToken(s, func(start, end int) { out = append(out, news.Span{Start: start, End: end}) })
	return out
}

// eachToken calls f with the byte span of each token of s (see Tokens), in
// order, for callers that need no slice of them.
func eachToken(s string, f func(start, end int)) {
	start := -1
	for i, r := range s {
		var word bool
		if r < utf8.RuneSelf { // most text: no Unicode tables
			word = 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
		} else {
			word = unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		}
		if !word && start >= 0 && isJoiner(r) {
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if unicode.IsLetter(next) || unicode.IsDigit(next) {
				continue
			}
		}
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			f(start, i)
			start = -1
		}
	}
	if start >= 0 {
		f(start, len(s))
	}
}

func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '.', ',':
		return true
	}
	return false
}

// Words returns the lower-cased word tokens of s with quotation-mark variants
// folded, for comparing wording across outlets.
func Words(s string) []string {
	s = FoldQuotes(s)
	sp := Tokens(s)
	out := make([]string, len(sp))
	for i, t := range sp {
		out[i] = strings.ToLower(s[t.Start:t.End])
	}
	return out
}

// foldQuote returns the ASCII form of a typographic quotation mark or
// apostrophe, and 0 for any other rune.
func foldQuote(r rune) byte {
	switch r {
	case '“', '”', '„', '«', '»', '″':
		return '"'
	case '‘', '’', '‚', '‹', '›', '′', '`':
		return '\''
	}
	return 0
}

// FoldQuotes replaces typographic quotation marks and apostrophes with their
// ASCII forms, so that “world’s” and "world's" compare equal. It is on the
// path of every word compared, so it returns s itself when there is nothing
// to fold and otherwise copies it once.
func FoldQuotes(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf && c != '`' {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if foldQuote(r) != 0 {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if q := foldQuote(r); q != 0 {
			b.WriteByte(q)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// Clip shortens s to at most n runes, ending a shortened s with "…" (which
// counts as one of the n), so a clipped text never splits a character.
// It returns "" for n < 1.
func Clip(s string, n int) string {
	if n < 1 {
		return ""
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// ClipWords shortens s to at most n runes like Clip, but cuts at the last
// word boundary in the second half of the allowance and drops the
// punctuation the cut leaves behind ("the bridge, after" → "the bridge…").
func ClipWords(s string, n int) string {
	if n < 1 {
		return ""
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n-1])
	if i := strings.LastIndexFunc(cut, unicode.IsSpace); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRightFunc(cut, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }) + "…"
}

// LazyRegexp returns a function that compiles expr on its first call, once
// per process, and returns the same *regexp.Regexp to every later call; it
// is safe for concurrent use and panics, like regexp.MustCompile, on a bad
// expression. Package-level regular expressions are declared with it so
// that a process compiles only those it runs: compiled at package
// initialisation, every process paid for all of them (most of the crosscheck
// packages' share of a `crosscheck version`'s start-up), plain text or not.
func LazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
