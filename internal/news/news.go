// Package news holds the value types that every crosscheck stage shares:
// raw inputs, analysed articles with their quotes, entities, times and
// quantities, stories, and the briefing written for a story.
//
// It imports nothing from crosscheck, so any stage may import it. Data flows
// one way: read -> extract/clean -> analyse -> cluster -> brief -> store ->
// serve; each stage consumes and produces these types.
//
// Offsets. Every Start/End offset in an Article (sentences, mentions, quotes,
// times, quantities) is a byte offset into Article.Body(), the clean
// paragraphs joined by a blank line ("\n\n"). End is exclusive.
package news

import (
	"sort"
	"strings"
)

// ParagraphSep separates paragraphs in Article.Body.
const ParagraphSep = "\n\n"

// Raw is one input document as a reader produced it, before extraction.
// Exactly one of Text or HTML is set.
type Raw struct {
	// ID is the caller's identifier (a JSONL "id"); empty when none was given.
	ID string `json:"id,omitempty"`
	// Input names where the document came from: a file path, "-" for
	// stdin, the line's id or "path:LINE" for a JSONL line, or a URL.
	Input string `json:"input"`
	// URL, Outlet, Title and Published are what the caller said about the
	// document (JSONL fields or flags); empty when unknown.
	URL       string `json:"url,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	// Text is plain (possibly scraped, boilerplate-laden) text, UTF-8.
	Text string `json:"text,omitempty"`
	// HTML is an HTML page, converted to UTF-8.
	HTML string `json:"html,omitempty"`
	// Bytes is the input exactly as read (before decoding), kept so that
	// any analysis can be redone. It may be nil for synthetic inputs.
	Bytes []byte `json:"-"`
}

// IsHTML reports whether the raw document is an HTML page.
func (r *Raw) IsHTML() bool { return r.HTML != "" }

// Span is a half-open byte range [Start, End) into Article.Body.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Removed is a line the cleaner or extractor dropped, with why.
type Removed struct {
	Text   string `json:"text"`
	Reason string `json:"reason"`
	// Line is the 1-based line number in the input text; 0 when unknown
	// (for example for HTML input).
	Line int `json:"line,omitempty"`
}

// Entity types.
const (
	Person       = "PERSON"
	Organization = "ORG"
	Place        = "PLACE"
)

// Mention is one occurrence of an entity in the body.
type Mention struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Entity is a person, organisation or place with all its mentions in one
// article, coreferent mentions merged ("Rex Tillerson", "Tillerson").
type Entity struct {
	// Name is the fullest form the article gives ("Rex Tillerson"),
	// without roles or titles ("Secretary of State").
	Name string `json:"name"`
	// Type is Person, Organization or Place.
	Type string `json:"type"`
	// Role is a title seen with the entity ("Secretary of State"), if any.
	Role     string    `json:"role,omitempty"`
	Mentions []Mention `json:"mentions"`
}

// Quote is a stretch of words in quotation marks attributed to a speaker.
type Quote struct {
	// Text is the quoted words without the enclosing quotation marks.
	// A quote that continues after the speaker tag is one Quote per
	// quoted stretch.
	Text string `json:"text"`
	// Speaker is the fullest name the article gives for who said it (a
	// person, organisation or outlet); "" when unknown.
	Speaker string `json:"speaker"`
	// SpeakerType is the entity type of the speaker, when known.
	SpeakerType string `json:"speaker_type,omitempty"`
	// Partial is true for a quoted fragment inside the writer's own
	// sentence ("described as the “media hysteria”").
	Partial bool `json:"partial"`
	// Start and End delimit Text in the body (marks excluded).
	Start int `json:"start"`
	End   int `json:"end"`
	// Cue is the reporting verb ("said", "told", "reports"), if found.
	Cue string `json:"cue,omitempty"`
}

// Time is a temporal expression resolved against a reference date.
type Time struct {
	Text string `json:"text"`
	// Value is an ISO 8601 value at the expression's granularity:
	// "2017-04-12", "2017-04", "2017", "2017-04-12T20:00"; a range
	// such as a week is written "2017-04-03/2017-04-09". Empty when
	// the expression could not be resolved.
	Value string `json:"value"`
	// Relative is true when resolving needed the reference date
	// ("Wednesday", "last week", "three years ago").
	Relative bool `json:"relative,omitempty"`
	Start    int  `json:"start"`
	End      int  `json:"end"`
}

// Qualifiers of a Quantity.
const (
	Exact       = ""
	Approximate = "approximately" // about, nearly, almost, around, some
	AtLeast     = "more_than"     // more than, over, at least
	AtMost      = "less_than"     // less than, under, up to, at most
	Ordinal     = "ordinal"       // the eighth time
)

// Quantity is a number with its unit and qualifier ("nearly two hours").
type Quantity struct {
	Text      string  `json:"text"`
	Value     float64 `json:"value"`
	Unit      string  `json:"unit"`
	Qualifier string  `json:"qualifier"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
}

// Article is one analysed article: clean text, metadata with provenance and
// everything the analysis found in it.
type Article struct {
	// ID identifies the article: the caller's id when given, otherwise a
	// hash of its clean content.
	ID string `json:"id"`
	// Input is where it came from (see Raw.Input); for JSONL the line's id.
	Input string `json:"input"`
	URL   string `json:"url,omitempty"`
	// Hash is the hex SHA-256 of the raw input bytes.
	Hash string `json:"hash,omitempty"`

	Outlet string `json:"outlet"`
	// OutletFrom says where Outlet came from: "caller", "url", "html",
	// "text" (site or copyright line), or "" when unknown.
	OutletFrom string   `json:"outlet_from,omitempty"`
	Title      string   `json:"title"`
	Byline     []string `json:"byline"`
	// Published is an ISO 8601 date or date-time; empty when unknown.
	Published string `json:"published"`
	// PublishedFrom says where Published came from: "caller", "html",
	// "text" (a dated line), "inferred" (from weekday/month-day evidence in
	// the text), or "".
	PublishedFrom string `json:"published_from"`
	// PublishedConfidence is 1 for stated dates and below 1 for inferred.
	PublishedConfidence float64 `json:"published_confidence,omitempty"`
	// Dateline is the place that opens the body ("MOSCOW"), if any.
	Dateline string `json:"dateline,omitempty"`
	Language string `json:"language"`

	// Paragraphs is the clean body.
	Paragraphs []string `json:"paragraphs"`
	// Removed lists what cleaning dropped, each with its reason.
	Removed []Removed `json:"removed"`
	// NotArticle is set, with a reason, when the whole input is not a news
	// article (a login wall, a crawl notice); Paragraphs is then empty.
	NotArticle string `json:"not_article,omitempty"`

	Sentences  []Span     `json:"sentences,omitempty"`
	Entities   []Entity   `json:"entities"`
	Quotes     []Quote    `json:"quotes"` // in text order, not overlapping
	Times      []Time     `json:"times"`
	Quantities []Quantity `json:"quantities"`

	// body is the paragraphs as JoinBody joined them: one string that
	// every stage's Body shares, and that the texts the stages keep
	// (mentions, quotes, times) are slices of.
	body string
}

// Body returns the clean text: the paragraphs joined by ParagraphSep. All
// offsets in the article index into this string.
//
// After JoinBody it returns the string JoinBody joined, without a copy,
// as long as the paragraphs are still the ones joined (checked, in
// O(paragraphs) when they are unchanged: each is a slice of that string):
// a 20 MB article read by every stage is then held once, not once per
// stage. An article whose paragraphs were changed or replaced since (a
// copy edited by a caller) gets them joined anew.
func (a *Article) Body() string {
	if a.joined() {
		return a.body
	}
	return strings.Join(a.Paragraphs, ParagraphSep)
}

// JoinBody joins the paragraphs once for every later Body and makes each
// paragraph a slice of the joined string, so that the article holds its
// text once. It changes a (not its text), so it is called where the
// article is made (the analysis chain, a store's decoding), before the
// article is shared.
func (a *Article) JoinBody() {
	if a.joined() {
		return
	}
	b := strings.Join(a.Paragraphs, ParagraphSep)
	off := 0
	for i, p := range a.Paragraphs {
		a.Paragraphs[i] = b[off : off+len(p)]
		off += len(p) + len(ParagraphSep)
	}
	a.body = b
}

// joined reports whether a.body is the paragraphs joined. String
// comparison returns at once for a paragraph that is the very slice
// JoinBody made, so the check costs O(paragraphs) unless a paragraph was
// replaced.
func (a *Article) joined() bool {
	if len(a.Paragraphs) == 0 {
		return false // Body is "" without a copy
	}
	n := len(ParagraphSep) * (len(a.Paragraphs) - 1)
	for _, p := range a.Paragraphs {
		n += len(p)
	}
	if n != len(a.body) {
		return false
	}
	off := 0
	for _, p := range a.Paragraphs {
		if p != a.body[off:off+len(p)] {
			return false
		}
		off += len(p) + len(ParagraphSep)
	}
	return true
}

// SentenceText returns the text of sentence i.
func (a *Article) SentenceText(body string, i int) string {
	s := a.Sentences[i]
	return body[s.Start:s.End]
}

// SentenceAt returns the index of the sentence containing byte offset off,
// or -1.
func (a *Article) SentenceAt(off int) int {
	lo, hi := 0, len(a.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		switch s := a.Sentences[m]; {
		case off < s.Start:
			hi = m
		case off >= s.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// InsideQuote reports whether span sp lies within the text of one of the
// article's quotes (quotation marks and trailing punctuation aside): a
// sentence of someone's multi-sentence quote, which out of its paragraph
// reads as the writer's own words with no one to attribute it to.
func (a *Article) InsideQuote(sp Span) bool {
	_, ok := a.QuoteAround(sp)
	return ok
}

// QuoteAround returns the quote whose text contains span sp (see
// InsideQuote). The quotes are in text order and do not overlap (as the
// quote stage finds them), so a binary search finds the only candidate:
// the first quote ending at or after sp. Looking up every sentence of an
// article is then O(sentences × log quotes), not their product.
func (a *Article) QuoteAround(sp Span) (Quote, bool) {
	k := sort.Search(len(a.Quotes), func(i int) bool { return a.Quotes[i].End+4 >= sp.End })
	if k < len(a.Quotes) && sp.Start >= a.Quotes[k].Start-3 {
		return a.Quotes[k], true
	}
	return Quote{}, false
}
