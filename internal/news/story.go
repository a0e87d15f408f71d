package news

import "time"

// ArticleRef names an article inside a story listing.
type ArticleRef struct {
	ID     string `json:"id"`
	Input  string `json:"input"`
	Outlet string `json:"outlet"`
	Title  string `json:"title"`
}

// Story is a group of articles about one event.
type Story struct {
	ID       string       `json:"id"`
	Title    string       `json:"title"`
	Updated  time.Time    `json:"updated"`
	Articles []ArticleRef `json:"articles"`
}

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
	// Parts is Text compared word by word with the group's reference
	// wording (the reference itself with the first wording that differs),
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
	StoryID       string        `json:"story_id,omitempty"`
	Title         string        `json:"title"`
	Date          string        `json:"date,omitempty"`
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
