// Package clean turns already-extracted article text (scraped text with one
// paragraph per line, or an extractor's paragraphs) into clean body
// paragraphs. It consumes plain text and produces a Result: the kept
// paragraphs, every removed line with a short reason slug and its 1-based
// line number, a not-an-article verdict for whole texts that are service
// pages (crawl notes, login walls, video notices), index pages, lists of
// other stories' teasers, link pages or word salad, and the metadata the text
// itself carries (title, byline, outlet, a stated publication date, dateline).
//
// Every rule is a named function over line features (length, terminal
// punctuation, capitalisation, position relative to the body, repetition,
// credit and prompt shapes), never a list of site-specific strings.
package clean

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/news"
)

// Removal reasons. They are short stable slugs, safe to compare.
const (
	ReasonNavigation       = "navigation"
	ReasonSiteChrome       = "site-chrome"
	ReasonPlayerWidget     = "player-widget"
	ReasonCaption          = "caption"
	ReasonDuplicateCaption = "duplicate-caption"
	ReasonDuplicate        = "duplicate"
	ReasonPhotoCredit      = "photo-credit"
	ReasonCopyright        = "copyright"
	ReasonSyndication      = "syndication"
	ReasonUpdatedAt        = "updated-at"
	ReasonDateLine         = "date-line"
	ReasonAuthorBio        = "author-bio"
	ReasonAdvertisement    = "advertisement"
	ReasonSharePrompt      = "share-prompt"
	ReasonSubscribePrompt  = "subscribe-prompt"
	ReasonTitle            = "title"
	ReasonByline           = "byline"
	ReasonRelatedLinks     = "related-links"
	ReasonLink             = "link"
	ReasonSocialEmbed      = "social-embed"
	ReasonSiteNotice       = "site-notice"
	ReasonTimestamp        = "timestamp"
	ReasonShortRun         = "short-run"
	ReasonNotArticle       = "not-article"
)

// Not-article verdicts (Result.NotArticle).
const (
	NotArticleEmpty    = "empty"
	NotArticleTooShort = "too-short"
	NotArticleNoBody   = "no-body-text"
	// Service pages are reported as "service-page: KIND" where KIND is the
	// notice kind found (crawl-notice, tweet-location, video-unavailable,
	// javascript, cookie-wall, login-wall, not-found, paywall).
	NotArticleServicePrefix = "service-page: "
)

// Options tunes the cleaner. The zero value means defaults.
type Options struct {
	// MinArticleWords is the number of words the kept body must reach for
	// the text to count as an article; below it Result.NotArticle is
	// "too-short", unless the body is a news brief of two or more
	// sentences (see newsBrief). Default 25.
	MinArticleWords int
	// MaxChromeWords is the longest (in words) a line without terminal
	// punctuation may be to count as chrome in the head zone (before the
	// first body-like paragraph) or tail zone (after the last). Default 14.
	MaxChromeWords int
	// MinBodyWords is how many words a line ending in terminal punctuation
	// needs to count as a body-like paragraph, which delimits the zones.
	// Default 8.
	MinBodyWords int
	// ServiceShare is the share of the input's words in site-notice lines
	// (crawl notes, login walls, ...) from which the whole text is a
	// service page. Default 0.4.
	ServiceShare float64
}

// ErrOptions is returned by Options.Validate for out-of-range settings.
var ErrOptions = errors.New("clean: invalid options")

// Validate reports settings out of range (negative counts, a service share
// above 1). New itself never fails: invalid values fall back to defaults.
func (o Options) Validate() error {
	switch {
	case o.MinArticleWords < 0, o.MaxChromeWords < 0, o.MinBodyWords < 0:
		return fmt.Errorf("%w: negative word count", ErrOptions)
	case o.ServiceShare < 0 || o.ServiceShare > 1:
		return fmt.Errorf("%w: ServiceShare %v outside [0, 1]", ErrOptions, o.ServiceShare)
	}
	return nil
}

func (o Options) withDefaults() Options {
	if o.MinArticleWords <= 0 {
		o.MinArticleWords = 25
	}
	if o.MaxChromeWords <= 0 {
		o.MaxChromeWords = 14
	}
	if o.MinBodyWords <= 0 {
		o.MinBodyWords = 8
	}
	if o.ServiceShare <= 0 || o.ServiceShare > 1 {
		o.ServiceShare = 0.4
	}
	return o
}

// Cleaner removes boilerplate lines. Build it once with New; it is safe for
// concurrent use.
type Cleaner struct {
	o Options
}

// New returns a Cleaner with o's settings (zero fields take defaults).
func New(o Options) *Cleaner { return &Cleaner{o: o.withDefaults()} }

// Result is what cleaning one text produced.
type Result struct {
	// Paragraphs is the clean body, in input order.
	Paragraphs []string
	// Removed lists every dropped non-blank line with its reason and
	// 1-based line number (the paragraph index+1 for CleanParagraphs).
	Removed []news.Removed
	// NotArticle is a non-empty reason when the whole text is not an
	// article; Paragraphs is then empty and every line is in Removed.
	NotArticle string
	// Title is the headline line, if the text carries one (Clean only).
	Title string
	// Byline lists authors from "By X and Y" lines or trailing author bios.
	Byline []string
	// Outlet is the publisher named by a copyright or syndication line;
	// OutletFrom is "text" when set.
	Outlet, OutletFrom string
	// Published is an ISO date (YYYY-MM-DD) from a stated publication date
	// line; PublishedFrom is "text" when set. Copyright years, footer years
	// and "Updated at" times are never used.
	Published, PublishedFrom string
	// Dateline is the place opening the first body paragraph ("MOSCOW");
	// the paragraph itself keeps it.
	Dateline string
}

// Clean cleans raw scraped text: one paragraph per line, blank lines
// ignored. The first heading-like line before the body becomes the Title.
func (c *Cleaner) Clean(text string) *Result {
	raw := strings.Split(text, "\n")
	return c.run(raw, true)
}

// CleanParagraphs cleans an extractor's paragraphs. It trusts the
// extractor's choice of body: only the rules that recognise a line by what
// it says (a credit, a copyright, a share prompt, a service notice) run,
// never the shape heuristics meant for scraped text (head and tail zones,
// short runs, repeats, link and embed lines), which would take lists,
// tables, embedded posts and repeated list items out of a real body. No
// title detection either (the extractor reports the title). The
// not-an-article verdict is the same as Clean's.
func (c *Cleaner) CleanParagraphs(paras []string) *Result {
	return c.run(paras, false)
}

// run is the whole pipeline: line features, context-free rules, context
// rules (credits, duplicates, captions, bios), zones, then verdict and
// metadata.
func (c *Cleaner) run(raw []string, titleFromText bool) *Result {
	res := &Result{}
	ls := make([]line, 0, len(raw))
	for i, s := range raw {
		t := trimLine(s)
		if t == "" {
			continue
		}
		ls = append(ls, newLine(i+1, t))
	}
	if len(ls) == 0 {
		res.NotArticle = NotArticleEmpty
		return res
	}
	scraped := titleFromText
	c.applyLineRules(ls, scraped, res)
	markCreditNeighbours(ls)
	if scraped {
		markDuplicates(ls)
	}
	markCaptionsBeforeCredit(ls, c.o.MinBodyWords)
	markAuthorBios(ls, res)
	first, last := c.bodyZone(ls)
	if first >= 0 && scraped {
		c.markHead(ls, first, titleFromText, res)
		c.markTail(ls, last)
		markShortRuns(ls, first, last)
	}
	c.verdict(ls, first, res)
	if res.NotArticle != "" {
		for i := range ls {
			if ls[i].reason == "" {
				ls[i].reason = ReasonNotArticle
			}
		}
	}
	for i := range ls {
		l := &ls[i]
		if l.reason == "" {
			res.Paragraphs = append(res.Paragraphs, l.text)
			continue
		}
		res.Removed = append(res.Removed, news.Removed{Text: l.text, Reason: l.reason, Line: l.n})
	}
	if res.NotArticle == "" {
		findOutlet(ls, first, last, res)
	}
	if len(res.Paragraphs) > 0 {
		res.Dateline = dateline(res.Paragraphs[0])
	}
	return res
}

// applyLineRules runs the context-free rules on every line; the first rule
// that fires names the reason. Rules marked scrapedOnly run only when
// scraped is true (see CleanParagraphs). Rules with side effects on
// metadata (byline, date line) fill res.
func (c *Cleaner) applyLineRules(ls []line, scraped bool, res *Result) {
	for i := range ls {
		l := &ls[i]
		for _, r := range lineRules {
			if r.scrapedOnly && !scraped {
				continue
			}
			if r.match(l) {
				l.reason = r.reason
				break
			}
		}
		switch l.reason {
		case ReasonByline:
			res.Byline = appendUnique(res.Byline, bylineNames(l.text)...)
		case ReasonDateLine:
			if d := isoDate(l.text); res.Published == "" && d != "" {
				res.Published, res.PublishedFrom = d, "text"
			}
		}
	}
}

// maxBodyGap is how many kept non-body lines may separate two body-like
// lines of one block.
const maxBodyGap = 4

// bodyZone returns the indexes of the first and last body-like lines of
// the main body block (-1, -1 when there is none). Body-like lines are kept
// lines with MinBodyWords words ending in terminal punctuation (see
// bodyLike); a block is a run of them separated by at most maxBodyGap
// other kept lines; the main block is the one with the most words, joined
// with neighbouring blocks of at least a fifth of its words (an article cut
// by a list or table). So teaser blurbs far below the article ("Former CEO
// says ...") open no body zone of their own.
func (c *Cleaner) bodyZone(ls []line) (first, last int) {
	type block struct{ first, last, words int }
	var blocks []block
	gap := 0
	for i := range ls {
		l := &ls[i]
		if l.reason != "" {
			continue
		}
		if !c.bodyLike(l) {
			gap++
			continue
		}
		if len(blocks) == 0 || gap > maxBodyGap {
			blocks = append(blocks, block{first: i, last: i})
		}
		b := &blocks[len(blocks)-1]
		b.last, b.words, gap = i, b.words+l.words, 0
	}
	if len(blocks) == 0 {
		return -1, -1
	}
	best := 0
	for i, b := range blocks {
		if b.words > blocks[best].words {
			best = i
		}
	}
	lo, hi := best, best
	for lo > 0 && 5*blocks[lo-1].words >= blocks[best].words {
		lo--
	}
	for hi+1 < len(blocks) && 5*blocks[hi+1].words >= blocks[best].words {
		hi++
	}
	return blocks[lo].first, blocks[hi].last
}

// markShortRuns: inside the body, a run of at least minShortRun lines of at
// most three words without terminal punctuation is a table or menu, not
// prose. Example: a standings table scraped one cell per line ("Kyle
// Busch", "1", "5", "27", ...).
func markShortRuns(ls []line, first, last int) {
	const minShortRun = 6
	isShort := func(l *line) bool { return l.reason == "" && l.words <= 3 && !l.terminal }
	for i := first; i <= last; {
		if !isShort(&ls[i]) {
			i++
			continue
		}
		j := i
		for j <= last && (isShort(&ls[j]) || (ls[j].reason != "" && ls[j].reason != ReasonNotArticle)) {
			j++
		}
		if n := countShort(ls[i:j], isShort); n >= minShortRun {
			for k := i; k < j; k++ {
				if isShort(&ls[k]) {
					ls[k].reason = ReasonShortRun
				}
			}
		}
		i = j
	}
}

func countShort(ls []line, f func(*line) bool) int {
	n := 0
	for i := range ls {
		if f(&ls[i]) {
			n++
		}
	}
	return n
}

// bodyLike: a sentence-like paragraph — MinBodyWords words ending in
// terminal punctuation, or a long line (2.5×MinBodyWords words) however it
// ends ("...announcing a bill to stop his unsupervised tweets:") — that is
// not a title-cased heading.
func (c *Cleaner) bodyLike(l *line) bool {
	if l.titleCase() {
		return false
	}
	return (l.terminal && l.words >= c.o.MinBodyWords) || 2*l.words >= 5*c.o.MinBodyWords
}

// markHead handles the head zone (lines before the first body-like
// paragraph). Pattern: short lines without terminal punctuation above the
// body are site chrome ("Available On Air Stations"), except the longest
// heading-like one, which is the title ("Gap only grows amid US-Russia
// talks"). Short sentences that end in punctuation ("Vitalii Sediuk strikes
// again.") are kept as body. Between an earlier body-like block and the
// main one only menu-like lines (three words or fewer, or title-cased) go,
// so an article's bulleted list ("Your email list will begin to grow")
// survives.
func (c *Cleaner) markHead(ls []line, first int, titleFromText bool, res *Result) {
	outer := first // lines above the first body-like line of all
	for i := 0; i < first; i++ {
		if ls[i].reason == "" && c.bodyLike(&ls[i]) {
			outer = i
			break
		}
	}
	// The title is the longest heading-like line above all body; failing
	// that, the longest title-cased one above the main block.
	title := -1
	for pass := 0; pass < 2 && title < 0; pass++ {
		end := outer
		if pass == 1 {
			end = first
		}
		for i := 0; i < end; i++ {
			l := &ls[i]
			if l.reason != "" || !headingLike(l, c.o.MaxChromeWords*2) || (pass == 1 && !l.titleCase()) {
				continue
			}
			if l.words >= 3 && (title < 0 || l.words >= ls[title].words) {
				title = i
			}
		}
	}
	for i := 0; i < first; i++ {
		l := &ls[i]
		if l.reason != "" {
			continue
		}
		if i == title {
			if titleFromText {
				l.reason = ReasonTitle
				res.Title = l.text
			}
			continue
		}
		if i > outer && l.words > 3 && !l.titleCase() {
			// Between body-like blocks above the main one: keep
			// sentence-case items (a bulleted list in the article).
			continue
		}
		if headChrome(l, c.o.MaxChromeWords) && !leadIn(l) && !labelValue(l) {
			l.reason = ReasonSiteChrome
			if strings.HasSuffix(l.text, ":") || l.words <= 2 {
				l.reason = ReasonNavigation
			}
		}
	}
}

// markTail handles the tail zone (lines after the last body-like
// paragraph). Pattern: short lines without terminal punctuation below the
// body are chrome ("More Stories"); longer headline-like lines with at
// least half their words capitalised are related-article links ("Five
// Things To Know About The Summit"). Other unpunctuated lines (a body
// paragraph cut off mid-sentence) are kept.
func (c *Cleaner) markTail(ls []line, last int) {
	inList := last >= 0 && leadIn(&ls[last])
	for i := last + 1; i < len(ls); i++ {
		l := &ls[i]
		if l.reason != "" {
			inList = false
			continue
		}
		if leadIn(l) {
			inList = true
			continue
		}
		if l.terminal || inList || labelValue(l) || sameShapeNeighbour(ls, i) {
			continue
		}
		switch {
		case l.words >= 5 && l.words <= c.o.MaxChromeWords*2 && 2*l.capWords >= l.words:
			l.reason = ReasonRelatedLinks
		case l.words < 5:
			l.reason = ReasonSiteChrome
		}
	}
}

// leadIn: a line of at least four words ending in a colon introduces what
// follows ("Here are some of the highlights:").
func leadIn(l *line) bool { return l.words >= 4 && strings.HasSuffix(l.text, ":") }

// punctShape is the set of punctuation marks in a line (letters, digits
// and spaces ignored), in first-seen order, with whether it opens with a
// digit. Example: "June 9 – Tampa, FL @ Arena" → "–,@".
func punctShape(t string) string {
	var b strings.Builder
	if r, _ := utf8.DecodeRuneInString(t); unicode.IsDigit(r) {
		b.WriteByte('#')
	}
	for _, r := range t {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSpace(r) || strings.ContainsRune(b.String(), r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// sameShapeNeighbour: a line whose punctuation shape (see punctShape) has
// two or more marks and matches the line above or below is an item of a
// uniform list (tour dates, results), not a related-article headline.
// Example: "June 9 – Tampa, FL @ Arena" under "June 7 – Miami, FL @ Hall".
func sameShapeNeighbour(ls []line, i int) bool {
	sh := punctShape(ls[i].text)
	if utf8.RuneCountInString(sh) < 2 {
		return false
	}
	return (i > 0 && punctShape(ls[i-1].text) == sh) || (i+1 < len(ls) && punctShape(ls[i+1].text) == sh)
}

// labelValue: a "Label: value" fact line, kept in head and tail zones as
// part of a fact box. Example: "Average Number of Guests: 136".
func labelValue(l *line) bool {
	i := strings.Index(l.text, ": ")
	return i > 0 && i < len(l.text)-2 && l.words >= 3
}

// verdict decides whether the whole text is an article. Patterns: service
// notices make up a large share of the words (an Internet Archive crawl
// note, "Tweet with a location", "Rating is available when the video has
// been rented"); no body-like paragraph at all; too few kept words for
// anything but a news brief (see newsBrief); an index page, a list of
// other stories' teasers, a page of links, word salad (see pageRules).
func (c *Cleaner) verdict(ls []line, first int, res *Result) {
	total, notice, kept := 0, 0, 0
	kind := ""
	for i := range ls {
		l := &ls[i]
		total += l.words
		if l.reason == ReasonSiteNotice {
			notice += l.words
			if kind == "" {
				kind = noticeKind(l.text)
			}
		}
		if l.reason == "" {
			kept += l.words
		}
	}
	switch {
	case total > 0 && float64(notice) >= c.o.ServiceShare*float64(total):
		res.NotArticle = NotArticleServicePrefix + kind
	case first < 0:
		res.NotArticle = NotArticleNoBody
	case kept < c.o.MinArticleWords && !newsBrief(ls):
		res.NotArticle = NotArticleTooShort
	default:
		for _, r := range pageRules {
			if r.match(ls) {
				res.NotArticle = r.verdict
				break
			}
		}
	}
	if res.NotArticle != "" {
		res.Title, res.Byline, res.Published, res.PublishedFrom = "", nil, "", ""
	}
}

// minBriefWords is the fewest words a news brief has: two short sentences
// ("Fire closed the Main Street bridge on Monday. No one was hurt.").
const minBriefWords = 10

// newsBrief: a kept body of at least two sentences and minBriefWords words
// is an article however short — a two- or three-sentence brief — provided
// it is at least a third of the text's words (a brief stands alone; two
// lines kept out of a page of chrome or verse are not one). Example: "The
// council approved the budget on Tuesday. It takes effect in July." A
// one-line blurb or a label is not.
func newsBrief(ls []line) bool {
	words, ends, total := 0, 0, 0
	for i := range ls {
		total += ls[i].words
	}
	for _, l := range kept(ls) {
		words += l.words
		ends += sentenceEnds(l.text)
	}
	return ends >= 2 && words >= minBriefWords && 3*words >= total
}

func appendUnique(dst []string, xs ...string) []string {
outer:
	for _, x := range xs {
		for _, d := range dst {
			if d == x {
				continue outer
			}
		}
		dst = append(dst, x)
	}
	return dst
}
