package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/text"
)

// Whole-text not-article verdicts beyond service notices (Result.NotArticle).
const (
	NotArticleIndexPage    = "index-page"
	NotArticleHeadlineList = "headline-list"
	NotArticleLinkPage     = "link-page"
	NotArticleWordSalad    = "word-salad"
)

// pageRule is a whole-text rule: when match fires on the lines (after the
// line and zone rules ran), the text is not an article and verdict names
// why. Each rule reads only what survived as body, so a real article that
// carries a teaser block or a link list below it is not caught.
type pageRule struct {
	verdict string
	match   func(ls []line) bool
}

// pageRules run in order after the service-notice check; the first match
// wins.
var pageRules = []pageRule{
	{NotArticleIndexPage, isIndexPage},
	{NotArticleHeadlineList, isHeadlineList},
	{NotArticleLinkPage, isLinkPage},
	{NotArticleWordSalad, isWordSalad},
}

// kept returns the lines no rule removed.
func kept(ls []line) []*line {
	var out []*line
	for i := range ls {
		if ls[i].reason == "" {
			out = append(out, &ls[i])
		}
	}
	return out
}

// doubledOpening reports a line that opens with the same run of three or
// more words twice — a section page's teaser, where the link text and the
// headline above the blurb were scraped together. Example: "Storm Closes
// Valley Schools Storm Closes Valley Schools Schools across the valley
// stayed shut on Monday as ...".
func doubledOpening(t string) bool {
	f := strings.Fields(t)
	for n := 3; 2*n <= len(f) && n <= 16; n++ {
		same := true
		for i := 0; i < n && same; i++ {
			same = f[i] == f[n+i]
		}
		if same {
			return true
		}
	}
	return false
}

// isIndexPage: a section or index page ("Local News More>>" followed by
// one teaser per story). Pattern: at least three lines open with a
// doubled headline (see doubledOpening), the section label included, and
// such lines are at least half of the kept paragraphs. An article never repeats its opening words so.
func isIndexPage(ls []line) bool {
	all, keptN, keptDoubled := 0, 0, 0
	for i := range ls {
		d := doubledOpening(ls[i].text)
		if d {
			all++
		}
		if ls[i].reason == "" {
			keptN++
			if d {
				keptDoubled++
			}
		}
	}
	return all >= 3 && 2*keptDoubled >= keptN
}

// truncatedTeaser reports a blurb cut off with an ellipsis after a word,
// as listings of other stories show them. Example: "A new study finds
// that city parks cool the streets around them by up to ...". A quote
// that trails off inside quotation marks ("I just...") does not count:
// the ellipsis must end the line.
func truncatedTeaser(l *line) bool {
	if l.words < 8 {
		return false
	}
	t := strings.TrimRightFunc(l.text, unicode.IsSpace)
	return strings.HasSuffix(t, " ...") || strings.HasSuffix(t, " …") ||
		(strings.HasSuffix(t, "...") && !strings.HasSuffix(t, "....") && endsInWordThenDots(t))
}

// endsInWordThenDots reports "word..." (a cut blurb) rather than
// punctuation before the dots ("said...." or "?...").
func endsInWordThenDots(t string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(t, "..."))
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isHeadlineList: a page of other stories' teasers ("More from Science"
// listing fifty blurbs). Pattern: at least five kept paragraphs are cut
// off with an ellipsis (see truncatedTeaser) and they are at least a
// third of the kept paragraphs. An article's paragraphs end in sentences.
func isHeadlineList(ls []line) bool {
	k := kept(ls)
	n := 0
	for _, l := range k {
		if truncatedTeaser(l) {
			n++
		}
	}
	return n >= 5 && 3*n >= len(k)
}

// isLinkPage: a page that is mostly links and prompts — a video's
// description with its channel's subscribe and follow links, a link
// directory. Pattern: at least five lines carry a URL or were removed as
// share or subscribe prompts, they are at least a quarter of all lines,
// and the rest is short (under maxLinkPageProse words). Embedded posts do
// not count: an article built of quoted posts is still an article.
// Example: "Subscribe to our channel: https://…", "Follow us: https://…",
// "Like us: https://…" around a two-line description.
func isLinkPage(ls []line) bool {
	const maxLinkPageProse = 300
	links, prose := 0, 0
	for i := range ls {
		l := &ls[i]
		switch {
		case l.reason == ReasonSocialEmbed:
		case l.reason == ReasonLink || l.reason == ReasonSharePrompt || l.reason == ReasonSubscribePrompt ||
			(containsAny(l.text, []string{"http", "www."}) && urlRe().MatchString(l.text)):
			links++
		case l.reason == "":
			prose += l.words
		}
	}
	return links >= 5 && 4*links >= len(ls) && prose < maxLinkPageProse
}

// isWordSalad: words that do not form sentences — a file of random
// dictionary words, a keyword dump. Pattern: at least 40 kept words, fewer
// than one sentence end per 40 words, and under 5% English function words
// (running English text has about 40%; a text in another language has
// its sentence punctuation, so the two tests together spare it), and
// under 5% numbers (a results table or standings list is not sentences
// either, but it is a table, full of figures). Example:
// "lantern obsidian quarrel vivid marmalade oyster plinth ...".
func isWordSalad(ls []line) bool {
	words, ends, stops, numbers := 0, 0, 0, 0
	for _, l := range kept(ls) {
		words += l.words
		ends += sentenceEnds(l.text)
		for _, w := range text.Words(l.lower) {
			if text.IsStop(w) {
				stops++
			}
			if hasDigit(w) {
				numbers++
			}
		}
	}
	return words >= 40 && 40*ends < words && 20*stops < words && 20*numbers < words
}

// sentenceEnds counts sentence-ending marks followed by a space or the end
// of the text ("ends. Next" counts, "3.5" does not).
func sentenceEnds(t string) int {
	n := 0
	rs := []rune(t)
	for i, r := range rs {
		switch r {
		case '.', '!', '?', '…', '。', '！', '？':
			if i+1 == len(rs) || unicode.IsSpace(rs[i+1]) || strings.ContainsRune("\"'’”)]", rs[i+1]) {
				n++
			}
		}
	}
	return n
}
