package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quotation-mark families. A stretch opened by one family is closed by the
// same family; a different family inside it nests.
const (
	famStraight  = 1 + iota // "…" and ''…''
	famCurly                // “…”, „…“, ‘‘…’’
	famGuillemet            // «…»
)

// Mark directions.
const (
	dirOpen = 1 + iota
	dirClose
	dirEither // straight marks: decided by context
)

// mark is one double quotation mark found in a paragraph.
type mark struct {
	pos, end int // byte range of the mark in the body
	fam      int
	dir      int
	low      bool // „ (German opening), which closes with “
}

// stretch is one quoted stretch of a paragraph: the body bytes between an
// opening and a closing mark (or the paragraph edge for a quote that runs
// on into the next paragraph).
type stretch struct {
	open, close   int // byte offsets of the marks (open == start, close == end when the edge is a paragraph edge)
	start, end    int // Text, marks excluded, spaces trimmed
	para          int
	contPrev      bool // continues a quote left open at the end of the previous paragraph
	contNext      bool // left open at the paragraph end and continued in the next one
	openAtParaStr bool // the opening mark starts the paragraph
}

// scanMarks lists the double quotation marks of body[a:b]. Two single marks
// in a row (’’, ‘‘, or two apostrophes) count as one double mark: stray
// typographic variants. Single marks are otherwise apostrophes or nested
// quotes and are left in the text.
func scanMarks(body string, a, b int) []mark {
	var ms []mark
	for i := a; i < b; {
		r, n := utf8.DecodeRuneInString(body[i:])
		m := mark{pos: i, end: i + n}
		switch r {
		case '"':
			m.fam, m.dir = famStraight, dirEither
		case '“':
			m.fam, m.dir = famCurly, dirOpen
		case '”':
			m.fam, m.dir = famCurly, dirClose
		case '„':
			m.fam, m.dir, m.low = famCurly, dirOpen, true
		case '«':
			m.fam, m.dir = famGuillemet, dirOpen
		case '»':
			m.fam, m.dir = famGuillemet, dirClose
		case '’', '‘', '\'':
			// Doubled single marks stand for a double mark.
			r2, n2 := utf8.DecodeRuneInString(body[i+n:])
			if i+n < b && r2 == r {
				m.end = i + n + n2
				switch r {
				case '’':
					m.fam, m.dir = famCurly, dirClose
				case '‘':
					m.fam, m.dir = famCurly, dirOpen
				default:
					m.fam, m.dir = famStraight, dirEither
				}
			}
		}
		if m.fam == 0 {
			i += n
			continue
		}
		ms = append(ms, m)
		i = m.end
	}
	return ms
}

// straightDir decides whether a straight mark opens or closes from its
// neighbours: it opens after a space or an opening bracket and before a
// non-space ("said "yes"" opens at the second mark); otherwise it closes.
func straightDir(body string, m mark, a, b int) int {
	prev := ' '
	if m.pos > a {
		prev, _ = utf8.DecodeLastRuneInString(body[a:m.pos])
	}
	next := ' '
	if m.end < b {
		next, _ = utf8.DecodeRuneInString(body[m.end:b])
	}
	openBefore := unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/", prev) || isMarkRune(prev)
	if openBefore && !unicode.IsSpace(next) {
		return dirOpen
	}
	if unicode.IsDigit(prev) && !unicode.IsLetter(next) {
		return 0 // an inch mark: 5'10"
	}
	return dirClose
}

func isMarkRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‘', '’', '\'':
		return true
	}
	return false
}

// pairStretches pairs the marks of every paragraph into quoted stretches.
// paras are the paragraph byte ranges in body. A quote still open at a
// paragraph end is kept when the next paragraph opens with a quotation mark
// (the news convention for a quote running over several paragraphs), when
// the next paragraph closes it before opening another, or when the quote
// opened the paragraph; otherwise the unmatched mark is ignored.
func pairStretches(body string, paras [][2]int) []stretch {
	var out []stretch
	carry := false // the previous paragraph ended inside a quote
	for p, pr := range paras {
		a, b := pr[0], pr[1]
		ms := scanMarks(body, a, b)
		type open struct {
			m mark
		}
		var stack []open
		first := true
		firstIdx := len(out)
		for _, m := range ms {
			dir := m.dir
			if dir == dirEither {
				dir = straightDir(body, m, a, b)
				if dir == 0 {
					continue
				}
				if dir == dirOpen && len(stack) > 0 && stack[len(stack)-1].m.fam == famStraight {
					// A straight mark that looks like an opening while a
					// straight quote is open: close unless followed by a
					// word with a space before (nested "…"…" is rare).
					dir = dirClose
				}
			}
			if !m.low && m.fam == famCurly && dir == dirOpen && len(stack) > 0 && stack[len(stack)-1].m.low {
				dir = dirClose // „…“
			}
			if first && carry {
				first = false
				if dir == dirClose {
					// The quote left open in the previous paragraph closes here.
					s := makeStretch(body, a, a, m.pos, m.pos, p)
					s.contPrev = true
					if len(out) > 0 {
						out[len(out)-1].contNext = true
					}
					out = append(out, s)
					continue
				}
			}
			first = false
			if dir == dirOpen {
				if len(stack) > 0 && stack[len(stack)-1].m.fam == m.fam && m.fam != famStraight {
					// Same-family opening inside an open quote: the earlier
					// one was never closed; start again here.
					stack = stack[:0]
				}
				if len(stack) < 4 {
					stack = append(stack, open{m})
				}
				continue
			}
			// Closing mark: pop to the innermost open quote of its family.
			k := -1
			for j := len(stack) - 1; j >= 0; j-- {
				if stack[j].m.fam == m.fam {
					k = j
					break
				}
			}
			if k < 0 && len(stack) > 0 && m.fam != famGuillemet && stack[len(stack)-1].m.fam != famGuillemet {
				k = len(stack) - 1 // mixed styles: "more hours”
			}
			if k < 0 {
				if m.fam == famCurly && !m.low && len(stack) == 0 && opensHere(body, m, a, b) {
					// A right mark used as an opening one: ”Fear. I am …”
					stack = append(stack, open{m})
				}
				continue // stray closing mark
			}
			if k == 0 {
				o := stack[0].m
				s := makeStretch(body, o.pos, o.end, m.pos, m.end, p)
				s.openAtParaStr = strings.TrimSpace(body[a:o.pos]) == ""
				out = append(out, s)
			}
			stack = stack[:k]
		}
		carry = false
		if len(stack) > 0 {
			o := stack[0].m
			nextOpens, nextCloses := false, false
			if p+1 < len(paras) {
				nextOpens, nextCloses = paraStartsQuote(body, paras[p+1])
			}
			atStart := strings.TrimSpace(body[a:o.pos]) == ""
			if nextOpens || nextCloses || atStart {
				s := makeStretch(body, o.pos, o.end, b, b, p)
				s.openAtParaStr = atStart
				s.contNext = nextOpens
				if len(out) > 0 && out[len(out)-1].contNext && out[len(out)-1].para == p-1 && atStart {
					s.contPrev = true
				}
				out = append(out, s)
				carry = nextCloses && !nextOpens
			}
		}
		// A paragraph opening with a mark continues a quote left open at
		// the end of the previous paragraph.
		if i := firstIdx; i < len(out) && i > 0 && out[i-1].contNext && out[i-1].para == p-1 && out[i].openAtParaStr {
			out[i].contPrev = true
		}
	}
	return dropEmpty(out)
}

// paraStartsQuote reports whether a paragraph opens with a quotation mark,
// and whether its first mark closes a quote (a quote carried over without
// the opening-mark convention).
func paraStartsQuote(body string, pr [2]int) (opens, closes bool) {
	a, b := pr[0], pr[1]
	ms := scanMarks(body, a, b)
	if len(ms) == 0 {
		return false, false
	}
	m := ms[0]
	dir := m.dir
	if dir == dirEither {
		dir = straightDir(body, m, a, b)
	}
	if dir == dirOpen && strings.TrimSpace(body[a:m.pos]) == "" {
		return true, false
	}
	return false, dir == dirClose
}

func makeStretch(body string, open, start, end, close int, p int) stretch {
	s, e := start, end
	for s < e {
		r, n := utf8.DecodeRuneInString(body[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(body[:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return stretch{open: open, close: close, start: s, end: e, para: p}
}

func dropEmpty(ss []stretch) []stretch {
	out := ss[:0]
	for _, s := range ss {
		if s.end > s.start {
			out = append(out, s)
		}
	}
	return out
}

// opensHere reports whether a mark sits where a quote opens: after the
// paragraph start or a space, before a letter or digit.
func opensHere(body string, m mark, a, b int) bool {
	if m.end >= b {
		return false
	}
	next, _ := utf8.DecodeRuneInString(body[m.end:b])
	if !unicode.IsLetter(next) && !unicode.IsDigit(next) {
		return false
	}
	if m.pos == a {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(body[a:m.pos])
	return unicode.IsSpace(prev)
}
