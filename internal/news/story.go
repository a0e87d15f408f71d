package news

import (
	"strings"
	"time"
)

// ArticleRef names an article inside a story listing.
type ArticleRef struct {
	ID     string `json:"id"`
	Input  string `json:"input"`
	Outlet string `json:"outlet"`
	Title  string `json:"title"`
}

// Story is a group of articles about one event.
type Story struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Time is when the story's news happened and when it was covered;
	// readers order and date stories by it.
	Time StoryTime `json:"time"`
	// Updated is when the archive last changed the story (ingest time,
	// not news time).
	Updated  time.Time    `json:"updated"`
	Articles []ArticleRef `json:"articles"`
	// Follows names the story this one is a later development of: an
	// earlier event about the same people that the clusterer kept apart
	// (the story id as stored; a merged-away id still resolves). Empty
	// when none.
	Follows string `json:"follows,omitempty"`
}

// StoryTime is when a story's news happened and the span of its coverage.
type StoryTime struct {
	// Event is the day the reported event happened, ISO 8601
	// ("2010-05-03"), worked out from the articles' dates and the dated
	// events they report; empty when unknown.
	Event string `json:"event,omitempty"`
	// First and Latest are the earliest and latest publication times of
	// the story's articles (UTC); zero when no article is dated.
	First  time.Time `json:"first_published,omitzero"`
	Latest time.Time `json:"latest_published,omitzero"`
}

// IsZero reports whether nothing is known of the story's time.
func (t StoryTime) IsZero() bool { return t.Event == "" && t.First.IsZero() && t.Latest.IsZero() }

// Source is one article of a briefing. Syndicated copies name each other in
// SyndicatedWith and count as one independent source.
type Source struct {
	ID             string   `json:"id"`
	Outlet         string   `json:"outlet"`
	Title          string   `json:"title"`
	URL            string   `json:"url,omitempty"`
	Published      string   `json:"published,omitempty"`
	SyndicatedWith []string `json:"syndicated_with"`
}

// Cited is a sentence of the briefing with the sources that support it.
type Cited struct {
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
	// Evidence maps a source id to its own sentence saying the same thing.
	Evidence map[string]string `json:"evidence,omitempty"`
}

// Quote agreement verdicts.
const (
	Identical = "identical"
	Reworded  = "reworded"
	Partial   = "partial"
	Single    = "single"
)

// Word-diff operations of a quote variant's Parts.
const (
	DiffSame   = ""    // words both wordings have
	DiffInsert = "ins" // words only this wording has
	DiffDelete = "del" // words only the compared wording has
)

// DiffPart is one run of a quote variant compared word by word with
// another wording of the statement.
type DiffPart struct {
	// Op is DiffSame, DiffInsert or DiffDelete.
	Op string `json:"op,omitempty"`
	// Text is the run as written: for DiffSame and DiffInsert a stretch of
	// the variant's own text (with the spacing and punctuation that
	// follow it), for DiffDelete the other wording's words.
	Text string `json:"text"`
}

// Variant is one source's wording of a quoted statement.
type Variant struct {
	Source string `json:"source"`
	Text   string `json:"text"`
	// Diff lists the words this variant has that the reference lacks.
	Diff []string `json:"diff,omitempty"`
	// Against is the source whose wording Parts compares this one with
	// ("" when not compared), so that a reader is told who wrote what.
	Against string `json:"against,omitempty"`
	// Parts is Text compared word by word with the group's reference
	// wording (the reference itself with the first wording that differs;
	// for a partial quote, only the stretch of the reference it quotes),
	// in reading order: the DiffSame and DiffInsert parts spell Text
	// exactly; the DiffDelete parts stand where the other wording has
	// words this one lacks. Empty when the wordings are not compared.
	Parts []DiffPart `json:"parts,omitempty"`
}

// QuoteGroup is one statement and how each source quoted it.
type QuoteGroup struct {
	Speaker   string    `json:"speaker"`
	Text      string    `json:"text"`
	Sources   []string  `json:"sources"`
	Agreement string    `json:"agreement"`
	Variants  []Variant `json:"variants"`
}

// Unique is something only one source reports.
type Unique struct {
	Source string `json:"source"`
	Text   string `json:"text"`
}

// Discrepancy kinds.
const (
	KindQuantity    = "quantity"
	KindDate        = "date"
	KindCertainty   = "certainty"
	KindAttribution = "attribution"
	KindNegation    = "negation"
	// KindRole: one person given incompatible roles ("former WWE
	// executive" and "the CEO of WWE").
	KindRole = "role"
	// KindPlace: one dated gathering placed in two towns.
	KindPlace = "place"
	// KindAge: one person given two ages by articles of nearly one day.
	KindAge = "age"
)

// Claim is one side of a discrepancy: a source's exact sentence.
type Claim struct {
	Source string `json:"source"`
	Text   string `json:"text"`
	// Value is the compared value, normalised: "2017-04-12" for a date,
	// "2 hour" for a quantity, the speaker for an attribution.
	Value string `json:"value,omitempty"`
	// Span delimits, in byte offsets into Text, the words that state
	// Value ("Wednesday" for 2017-04-12); nil when no words of Text do.
	Span *Span `json:"span,omitempty"`
	// Qualifier is what bounds the value as given ("approximately",
	// "more_than", "less_than"; see the Quantity qualifiers); empty when
	// the value is exact.
	Qualifier string `json:"qualifier,omitempty"`
}

// Frame is what a compared value is about, as the alignment stage read it
// in both sentences: the event or measured thing (the word that names it
// in the first claim's sentence, "debate", "killed", "hours") and the
// words both sentences share that tie them to one fact ("Facebook",
// "post"). It is the evidence that the two values are of the same thing.
type Frame struct {
	Measures string   `json:"measures,omitempty"`
	Shared   []string `json:"shared,omitempty"`
}

// Discrepancy is a point on which sources contradict each other.
type Discrepancy struct {
	Kind string `json:"kind"`
	// About says in words what is disputed ("when: debate"), for people;
	// programs read Measured, Frame and the claims' values instead.
	About string `json:"about"`
	// Measured is what the values measure or date ("how long", "how much
	// money", "when"); empty for attribution and certainty.
	Measured string  `json:"measured,omitempty"`
	Frame    *Frame  `json:"frame,omitempty"`
	Claims   []Claim `json:"claims"`
}

// Event is a dated entry of a story's timeline.
type Event struct {
	Date    string   `json:"date"`
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

// EntityRef is an entity of a story with the sources that mention it.
type EntityRef struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Sources []string `json:"sources"`
}

// Briefing is the account crosscheck writes for one story. Source ids in
// every field refer to Sources[].ID.
type Briefing struct {
	StoryID string `json:"story_id,omitempty"`
	Title   string `json:"title"`
	Date    string `json:"date,omitempty"`
	// Time is the story's event day and coverage span (see StoryTime).
	Time          StoryTime     `json:"time"`
	Sources       []Source      `json:"sources"`
	Summary       []Cited       `json:"summary"`
	Quotes        []QuoteGroup  `json:"quotes"`
	Agreements    []Cited       `json:"agreements"`
	Unique        []Unique      `json:"unique"`
	Discrepancies []Discrepancy `json:"discrepancies"`
	Timeline      []Event       `json:"timeline"`
	Entities      []EntityRef   `json:"entities"`
}

// Member is one analysed article of a story as the story-level stages see
// it: the article, the source id it is cited by, and its independent-source
// group (syndicated copies share a group).
type Member struct {
	Article *Article
	Source  string
	Group   int
}

// NoDate is how a story or an article without a known date reads, in
// every rendering: the story's news time (StoryTime.Phrase) and an
// article's publication time (brief.When).
const NoDate = "date not known"

// Phrase says the story time for readers, the one wording every listing
// uses: "happened 19 Feb 2010 · reported 20–21 Feb 2010"; either half
// alone when the other is unknown; NoDate when both are.
func (t StoryTime) Phrase() string {
	var parts []string
	if d, err := time.Parse("2006-01-02", t.Event); err == nil {
		parts = append(parts, "happened "+d.Format("2 Jan 2006"))
	}
	if span := t.Span(); span != "" {
		parts = append(parts, "reported "+span)
	}
	if len(parts) == 0 {
		return NoDate
	}
	return strings.Join(parts, " · ")
}

// Span is the coverage span in days: "20 Feb 2010", "20–21 Feb 2010",
// "28 Feb – 3 Mar 2010", "30 Dec 2010 – 2 Jan 2011"; "" when no article
// is dated.
func (t StoryTime) Span() string {
	a, b := t.First, t.Latest
	switch {
	case a.IsZero() && b.IsZero():
		return ""
	case a.IsZero():
		a = b
	case b.IsZero():
		b = a
	}
	switch {
	case a.Year() != b.Year():
		return a.Format("2 Jan 2006") + " – " + b.Format("2 Jan 2006")
	case a.Month() != b.Month():
		return a.Format("2 Jan") + " – " + b.Format("2 Jan 2006")
	case a.Day() != b.Day():
		return a.Format("2") + "–" + b.Format("2 Jan 2006")
	}
	return a.Format("2 Jan 2006")
}
