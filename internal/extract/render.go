package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/crosscheck/crosscheck/internal/news"
)

// inlineTags are elements whose text flows into the paragraph around them.
// Every other element is a block: it starts and ends a paragraph, so a div
// with direct text ("<div>text<p>more</p></div>") gives two paragraphs.
var inlineTags = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "big": true,
	"cite": true, "code": true, "data": true, "del": true, "dfn": true,
	"em": true, "font": true, "i": true, "ins": true, "kbd": true,
	"label": true, "mark": true, "q": true, "s": true, "samp": true,
	"small": true, "span": true, "strike": true, "strong": true, "sub": true,
	"sup": true, "time": true, "tt": true, "u": true, "var": true, "wbr": true,
	"img": true,
}

// tightTags are inline elements that attach to the word before them, so no
// space is inserted at their boundaries ("CO<sub>2</sub>" -> "CO2",
// "x<sup>2</sup>", "long<wbr>word").
var tightTags = map[string]bool{"sub": true, "sup": true, "wbr": true}

// cellTags are table cells: inline within their row (one row is one
// paragraph), separated by a space so that "<td>a</td><td>b</td>" reads
// "a b", not "ab".
var cellTags = map[string]bool{"td": true, "th": true}

// skipTags hold no readable text.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"svg": true, "math": true,
}

// paragraphWriter accumulates inline text and cuts it into paragraphs.
type paragraphWriter struct {
	buf   strings.Builder
	paras []string
	// last is the last rune written to buf (0 at a paragraph start).
	last rune
	// boundary is set when an inline element opened or closed since
	// the last text was written.
	boundary bool
}

// write appends text to the current paragraph. At an inline element
// boundary it inserts the space that trafilatura trimmed away: its content
// tree keeps "What everyone<strong>will</strong>appreciate" for the page's
// "What everyone <strong>will</strong> appreciate" (see needsSpace).
func (w *paragraphWriter) write(text string) {
	if text == "" {
		return
	}
	if w.boundary {
		first, _ := utf8.DecodeRuneInString(text)
		if needsSpace(w.last, first) {
			w.buf.WriteByte(' ')
		}
		w.boundary = false
	}
	w.buf.WriteString(text)
	w.last, _ = utf8.DecodeLastRuneInString(text)
}

// needsSpace reports whether a space goes between runes a and b that meet at
// an inline element boundary: both are letters or digits of a script written
// with spaces between words ("will|appreciate" yes, "“|quote" no,
// "word|," no, "東京|都" no).
func needsSpace(a, b rune) bool {
	return isSpacedWordRune(a) && isSpacedWordRune(b)
}

// isSpacedWordRune reports a letter or digit of a script that separates words
// with spaces (not Han, Hiragana, Katakana or Thai).
func isSpacedWordRune(r rune) bool {
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	return !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai)
}

// flush ends the current paragraph: whitespace is collapsed, and the
// paragraph is kept when it has any visible character (separator lines such
// as "___" are kept for the clean stage to judge).
func (w *paragraphWriter) flush() {
	w.last, w.boundary = 0, false
	if w.buf.Len() == 0 {
		return
	}
	p := collapseSpace(w.buf.String())
	w.buf.Reset()
	if p == "" {
		return
	}
	w.paras = append(w.paras, p)
}

func (w *paragraphWriter) walk(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			w.write(c.Data)
		case html.ElementNode:
			tag := c.Data
			switch {
			case skipTags[tag]:
			case tag == "br" || tag == "hr":
				// A line break inside a paragraph separates
				// lines ("By A<br>Updated 5 May"): keep them
				// apart so later stages can judge each line.
				w.flush()
			case tightTags[tag]:
				w.walk(c)
			case inlineTags[tag]:
				w.boundary = true
				w.walk(c)
				w.boundary = true
			case cellTags[tag]:
				w.write(" ")
				w.walk(c)
				w.write(" ")
			default:
				w.flush()
				w.walk(c)
				w.flush()
			}
		}
	}
}

// renderParagraphs returns the paragraphs of a content tree: each block
// element (p, h1-h6, li, blockquote, pre, tr, a div's direct text...) is one
// paragraph; inline elements are part of the paragraph around them.
func renderParagraphs(root *html.Node) []string {
	var w paragraphWriter
	w.walk(root)
	w.flush()
	return w.paras
}

// collapseSpace trims s, replaces every run of white space (including
// no-break spaces and line breaks) with one space, and drops soft hyphens
// and zero-width characters, which only hint at rendering.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case isInvisible(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isInvisible reports format characters that carry no text: soft hyphen
// (U+00AD, "co\u00ADoperate"), zero-width space, joiners and the byte-order
// mark.
func isInvisible(r rune) bool {
	switch r {
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return false
}

// hasAlnum reports whether s has a letter or digit.
func hasAlnum(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// textOf returns the collapsed text of n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && !skipTags[c.Data]:
				b.WriteByte(' ')
				walk(c)
				b.WriteByte(' ')
			}
		}
	}
	walk(n)
	return collapseSpace(b.String())
}

// extractCaptions lists the texts of the page's figure captions
// (<figcaption>), which trafilatura drops with their figures, as Removed
// lines with reason "caption". Duplicates are listed once.
func extractCaptions(doc *html.Node) []news.Removed {
	var out []news.Removed
	seen := map[string]bool{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipTags[c.Data] {
				continue
			}
			if c.Data == "figcaption" {
				if t := textOf(c); hasAlnum(t) && !seen[t] {
					seen[t] = true
					out = append(out, news.Removed{Text: t, Reason: "caption"})
				}
				continue
			}
			walk(c)
		}
	}
	walk(doc)
	return out
}
