// Package rouge scores a predicted summary against a target summary the way
// Google's rouge-score Python package does (RougeScorer with
// use_stemmer=True): text is lower-cased, every run of characters outside
// [a-z0-9] becomes a space, tokens are split on whitespace, and tokens longer
// than 3 characters are reduced with NLTK's Porter stemmer (default
// NLTK_EXTENSIONS mode, text.Stem).
//
// It computes ROUGE-N (n-gram overlap, "rouge1" ... "rouge9"), ROUGE-L
// (longest common subsequence over the whole text) and ROUGE-Lsum
// (summary-level union LCS over newline-separated sentences), each as
// precision, recall and F1.
package rouge

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/text"
)

// Score is one ROUGE figure: precision, recall and F1, each in [0, 1].
type Score struct {
	P, R, F float64
}

// Scorer computes a fixed set of ROUGE types. It holds no per-call state and
// is safe for concurrent use.
type Scorer struct {
	types []string
	ns    []int // n for rougeN types, 0 for rougeL, -1 for rougeLsum
}

// defaultTypes are the ROUGE types of a Scorer built by New().
var defaultTypes = [...]string{"rouge1", "rouge2", "rougeL", "rougeLsum"}

// New returns a Scorer for the given types: "rouge1" ... "rouge9", "rougeL",
// "rougeLsum". With no types it computes rouge1, rouge2, rougeL and
// rougeLsum. It panics on an unknown type, which is a programming error
// (use Validate to check user input first).
func New(types ...string) *Scorer {
	if len(types) == 0 {
		types = defaultTypes[:]
	}
	s := &Scorer{types: append([]string(nil), types...), ns: make([]int, len(types))}
	for i, t := range types {
		n, err := parseType(t)
		if err != nil {
			panic(err)
		}
		s.ns[i] = n
	}
	return s
}

// Validate reports whether every type is one New accepts. Validate,
// Types and Tokenize are unused by the command (deadcode lists them) and
// kept on purpose: they are rouge-score's own API, checked against its
// test vectors in rouge_test.go.
func Validate(types ...string) error {
	for _, t := range types {
		if _, err := parseType(t); err != nil {
			return err
		}
	}
	return nil
}

func parseType(t string) (int, error) {
	switch t {
	case "rougeL":
		return 0, nil
	case "rougeLsum":
		return -1, nil
	}
	if len(t) == 6 && strings.HasPrefix(t, "rouge") && t[5] >= '1' && t[5] <= '9' {
		return int(t[5] - '0'), nil
	}
	return 0, fmt.Errorf("rouge: invalid rouge type %q", t)
}

// Types returns the types s computes, in order.
func (s *Scorer) Types() []string { return append([]string(nil), s.types...) }

// Score scores prediction against target for every type of s.
func (s *Scorer) Score(target, prediction string) map[string]Score {
	out := make(map[string]Score, len(s.types))
	var ids vocab
	var tt, pt []int32
	tokenized := false
	for i, typ := range s.types {
		n := s.ns[i]
		if n == -1 {
			out[typ] = ids.summaryLevelLCS(target, prediction)
			continue
		}
		if !tokenized {
			tt = ids.tokens(target, nil)
			pt = ids.tokens(prediction, nil)
			tokenized = true
		}
		if n == 0 {
			out[typ] = scoreLCS(tt, pt)
		} else {
			out[typ] = scoreNgrams(tt, pt, n)
		}
	}
	return out
}

// Tokenize returns the rouge-score tokens of text: lower-cased, split at
// every character outside [a-z0-9], tokens longer than 3 characters
// Porter-stemmed.
func Tokenize(text string) []string {
	var out []string
	eachToken(text, func(tok string) { out = append(out, tok) })
	return out
}

// eachToken calls fn with each stemmed token of s. Lower-casing follows
// Python's str.lower(): the only non-ASCII characters whose lower case holds
// an ASCII letter or digit are U+212A KELVIN SIGN ("k") and U+0130 (LATIN
// CAPITAL LETTER I WITH DOT ABOVE, "i" + U+0307, so a token break follows).
func eachToken(s string, fn func(string)) {
	buf := make([]byte, 0, 32)
	flush := func() {
		if len(buf) == 0 {
			return
		}
		tok := string(buf)
		if len(tok) > 3 {
			tok = text.Stem(tok)
		}
		fn(tok)
		buf = buf[:0]
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				buf = append(buf, c)
			case c >= 'A' && c <= 'Z':
				buf = append(buf, c+'a'-'A')
			default:
				flush()
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch r {
		case 0x212A: // KELVIN SIGN lower-cases to "k"
			buf = append(buf, 'k')
		case 0x0130: // "İ" lower-cases to "i" + combining dot
			buf = append(buf, 'i')
			flush()
		default:
			flush()
		}
	}
	flush()
}

// vocab maps tokens to small integers for one Score call.
type vocab struct {
	m map[string]int32
}

func (v *vocab) id(tok string) int32 {
	if v.m == nil {
		v.m = make(map[string]int32, 256)
	}
	id, ok := v.m[tok]
	if !ok {
		id = int32(len(v.m))
		v.m[tok] = id
	}
	return id
}

func (v *vocab) tokens(text string, dst []int32) []int32 {
	eachToken(text, func(tok string) { dst = append(dst, v.id(tok)) })
	return dst
}

func fmeasure(p, r float64) float64 {
	if p+r > 0 {
		return 2 * p * r / (p + r)
	}
	return 0
}

type ngramKey struct {
	n int
	a [9]int32
}

func ngramCounts(toks []int32, n int) (map[ngramKey]int, int) {
	cnt := make(map[ngramKey]int)
	total := 0
	for i := 0; i+n <= len(toks); i++ {
		k := ngramKey{n: n}
		copy(k.a[:], toks[i:i+n])
		cnt[k]++
		total++
	}
	return cnt, total
}

// scoreNgrams is rouge-score's _score_ngrams: clipped n-gram overlap, with
// the denominators floored at 1.
func scoreNgrams(target, pred []int32, n int) Score {
	tc, tn := ngramCounts(target, n)
	pc, pn := ngramCounts(pred, n)
	inter := 0
	for k, c := range tc {
		inter += min(c, pc[k])
	}
	p := float64(inter) / float64(max(pn, 1))
	r := float64(inter) / float64(max(tn, 1))
	return Score{P: p, R: r, F: fmeasure(p, r)}
}

func scoreLCS(target, pred []int32) Score {
	if len(target) == 0 || len(pred) == 0 {
		return Score{}
	}
	l := float64(text.LCSLen(target, pred))
	p := l / float64(len(pred))
	r := l / float64(len(target))
	return Score{P: p, R: r, F: fmeasure(p, r)}
}

// sentences splits text at "\n" and drops empty lines (lines holding only
// spaces or punctuation are kept and tokenize to nothing, as in rouge-score).
func (v *vocab) sentences(text string) [][]int32 {
	var out [][]int32
	for _, line := range strings.Split(text, "\n") {
		if line == "" {
			continue
		}
		out = append(out, v.tokens(line, nil))
	}
	return out
}

// summaryLevelLCS is rouge-score's ROUGE-Lsum (_summary_level_lcs): for each
// target sentence the union of its LCS with every predicted sentence, with
// hits clipped by token counts so a token is not counted twice.
func (v *vocab) summaryLevelLCS(target, prediction string) Score {
	refs := v.sentences(target)
	cans := v.sentences(prediction)
	if len(refs) == 0 || len(cans) == 0 {
		return Score{}
	}
	m, n := 0, 0
	cntR := map[int32]int{}
	cntC := map[int32]int{}
	for _, s := range refs {
		m += len(s)
		for _, t := range s {
			cntR[t]++
		}
	}
	for _, s := range cans {
		n += len(s)
		for _, t := range s {
			cntC[t]++
		}
	}
	if m == 0 || n == 0 {
		return Score{}
	}
	hits := 0
	seen := map[int]bool{}
	var union []int
	for _, r := range refs {
		clear(seen)
		union = union[:0]
		for _, c := range cans {
			for _, i := range text.LCS(r, c) {
				if !seen[i] {
					seen[i] = true
					union = append(union, i)
				}
			}
		}
		slices.Sort(union)
		for _, i := range union {
			t := r[i]
			if cntC[t] > 0 && cntR[t] > 0 {
				hits++
				cntC[t]--
				cntR[t]--
			}
		}
	}
	p := float64(hits) / float64(n)
	r := float64(hits) / float64(m)
	return Score{P: p, R: r, F: fmeasure(p, r)}
}

// Truncate returns text cut after its first n whitespace-separated words
// (trailing space removed), or text unchanged when it has at most n words.
// The kept text is not rewritten, so newlines between kept words survive and
// ROUGE-Lsum still sees sentence breaks.
func Truncate(text string, n int) string {
	if n < 0 {
		return text
	}
	count := 0
	inWord := false
	for i, r := range text {
		space := unicode.IsSpace(r)
		if !space && !inWord {
			if count == n {
				return strings.TrimRightFunc(text[:i], unicode.IsSpace)
			}
			count++
		}
		inWord = !space
	}
	return text
}
