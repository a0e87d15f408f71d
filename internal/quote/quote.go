// Package quote finds direct quotations and their speakers in clean article
// text. It consumes a news.Article with Paragraphs (and Sentences from
// internal/text; Entities when the entity stage ran) and fills a.Quotes.
//
// The finder works in three steps:
//
//  1. pair quotation marks into quoted stretches per paragraph (straight,
//     curly, „“ and «» marks, doubled single marks as double marks, single
//     marks nested inside), carrying a quote that runs on over a paragraph
//     break when the next paragraph opens with a mark;
//  2. classify each stretch: a full statement (it opens the sentence or
//     follows a colon, a comma or a reporting verb), a partial quote (a
//     fragment inside the writer's sentence, or a statement the writer's
//     clause holds: X said that "…", things such as, "…"), or not a
//     statement at all (the title of a work, a scare-quoted term with no
//     reporting verb);
//  3. attribute it: the reporting verb ("cue") after the quote ("…," X
//     said), before it (X said: "…"), a name set off by dashes (X -- "…"),
//     the possessor of a claim noun (X's claim that "…"), or by
//     continuation of the previous quote; pronoun subjects resolve to the
//     most recent compatible speaker ("it" to the organisation opening its
//     sentence), and every name is expanded to the fullest form the
//     article gives; an unnamed source ("a senior official said") is its
//     own speaker, with no entity type, unless it is a definite role ("the
//     senator") that one person of the article holds or was titled with.
package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/entity"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// Finder finds quotes. It holds no per-call state and is safe for
// concurrent use; build one with New and share it.
type Finder struct {
	lex *entity.Recognizer
}

// New returns a Finder that asks lex, the entity stage's recogniser, about
// names, titles, first names and genders, so that both stages read one set
// of tables; its own tables (reporting verbs, pronouns) are read-only
// package data.
func New(lex *entity.Recognizer) *Finder { return &Finder{lex: lex} }

// Genders used for pronoun resolution.
const (
	genderUnknown = iota
	genderMale
	genderFemale
)

// Subject kinds of a reporting verb.
const (
	subjNone    = iota
	subjName    // "Tillerson said"
	subjPronoun // "she said"
	subjNP      // "officials said", "a source said"
)

// event is one reporting verb in the body with its subject.
type event struct {
	cue      int // token index of the verb
	word     string
	kind     int
	subj     [2]int // byte span of the subject
	pronoun  int    // gender of a pronoun subject
	resolved bool
	name     string // the fullest name of the subject, once resolved
	typ      string
}

// nameRun is a run of capitalised tokens that may name a person,
// organisation or outlet, with evidence of a person's gender.
type nameRun struct {
	start, end int // byte span
	toks       []string
	gender     int
	person     bool     // a title, a first name or a role marks it as a person
	titles     []string // the titles before it, as written ("President")
}

// doc is the per-call working state.
type doc struct {
	lex     *entity.Recognizer
	a       *news.Article
	body    string
	paras   [][2]int
	sents   []news.Span
	toks    []news.Span
	str     []stretch
	events  []event
	runs    []nameRun
	genders map[string]int // surname → gender evidence
	// surnames are words the body uses after a known first name ("Howard
	// Dean"): alone ("Dean said") they are a name even when they are also
	// a title.
	surnames map[string]bool
	ents     *entityIndex // built on first use
}

// Analyze fills a.Quotes with the quotes of a.Body(). It uses a.Sentences
// when set (paragraphs stand in for sentences otherwise) and a.Entities when
// the entity stage filled them. It is a stage of the analysis chain
// (pipeline.Stage) and never fails.
func (f *Finder) Analyze(a *news.Article) error {
	a.Quotes = nil
	if len(a.Paragraphs) == 0 {
		return nil
	}
	d := &doc{lex: f.lex, a: a, body: a.Body()}
	off := 0
	for i, p := range a.Paragraphs {
		if i > 0 {
			off += len(news.ParagraphSep)
		}
		d.paras = append(d.paras, [2]int{off, off + len(p)})
		off += len(p)
	}
	d.sents = a.Sentences
	if !validSentences(a.Sentences, len(d.body)) {
		d.sents = make([]news.Span, len(d.paras))
		for i, p := range d.paras {
			d.sents[i] = news.Span{Start: p[0], End: p[1]}
		}
	}
	d.str = pairStretches(d.body, d.paras)
	if len(d.str) == 0 {
		return nil
	}
	d.toks = text.Tokens(d.body)
	d.collectRuns()
	d.collectEvents()
	d.attribute()
	return nil
}

// validSentences reports whether ss are ordered spans inside a body of n
// bytes, so that stale sentences from another body are never trusted.
func validSentences(ss []news.Span, n int) bool {
	if len(ss) == 0 {
		return false
	}
	prev := 0
	for _, s := range ss {
		if s.Start < prev || s.End < s.Start || s.End > n {
			return false
		}
		prev = s.End
	}
	return true
}

// tok returns the text of token i.
func (d *doc) tok(i int) string { return d.body[d.toks[i].Start:d.toks[i].End] }

// gapAfter returns the text between token i and token i+1, a no-break
// space read as a space: "PolitiFact\u00a0says" is a subject and its verb
// as "PolitiFact says" is, whatever space the page typed.
func (d *doc) gapAfter(i int) string {
	if i+1 >= len(d.toks) {
		return ""
	}
	g := d.body[d.toks[i].End:d.toks[i+1].Start]
	if strings.Contains(g, "\u00a0") {
		g = strings.ReplaceAll(g, "\u00a0", " ")
	}
	return g
}

// tokAt returns the index of the first token starting at or after pos.
func (d *doc) tokAt(pos int) int {
	return sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Start >= pos })
}

// sentence returns the sentence span holding pos, clamped to its
// paragraph.
func (d *doc) sentence(pos int) news.Span {
	i := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].End > pos })
	p := d.paraOf(pos)
	pr := d.paras[p]
	if i < len(d.sents) && d.sents[i].Start <= pos {
		s := d.sents[i]
		if s.Start < pr[0] {
			s.Start = pr[0]
		}
		if s.End > pr[1] {
			s.End = pr[1]
		}
		return s
	}
	return news.Span{Start: pr[0], End: pr[1]}
}

// paraOf returns the paragraph index holding pos.
func (d *doc) paraOf(pos int) int {
	i := sort.Search(len(d.paras), func(i int) bool { return d.paras[i][1] >= pos })
	if i >= len(d.paras) {
		i = len(d.paras) - 1
	}
	return i
}

// inQuote reports whether byte offset pos lies inside a quoted stretch.
func (d *doc) inQuote(pos int) bool {
	i := sort.Search(len(d.str), func(i int) bool { return d.str[i].close >= pos })
	return i < len(d.str) && d.str[i].open <= pos && pos < d.str[i].close
}

func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isLowerStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// title reports whether capitalised t is a title or role in front of a
// name ("President", "Ms", "Russian").
func (d *doc) title(t string) bool {
	return isUpperStart(t) && (d.lex.IsTitle(t) || d.lex.TitleGender(t) != "")
}

// stop reports whether capitalised t only opens a sentence and is never
// part of a speaker's name ("The", "Officials", "Speaking").
func (d *doc) stop(t string) bool {
	return isUpperStart(t) && (d.lex.IsFunctionWord(t) || openers[t])
}

// titleGender is the gender a title or role marks ("Ms", "spokeswoman").
func (d *doc) titleGender(t string) int { return gender(d.lex.TitleGender(t)) }

// firstNameGender is the gender a first name usually marks.
func (d *doc) firstNameGender(t string) int { return gender(d.lex.FirstNameGender(t)) }

func gender(g string) int {
	switch g {
	case "f":
		return genderFemale
	case "m":
		return genderMale
	}
	return genderUnknown
}

// nameTok reports whether token i can be part of a name: capitalised and
// not a number.
func (d *doc) nameTok(i int) bool {
	t := d.tok(i)
	return isUpperStart(t)
}

// runGapOK reports whether the gap after token i may sit inside a name: a
// space, or ". " after an initial or abbreviation ("Maria V. Zakharova",
// "U.S. Secretary").
func (d *doc) runGapOK(i int) bool {
	g := d.gapAfter(i)
	if g == " " {
		return true
	}
	if g == ". " {
		t := d.tok(i)
		return utf8.RuneCountInString(t) == 1 || strings.Contains(t, ".") || d.title(t)
	}
	return false
}

// runBack returns the name run ending at token j (token indexes [i, j]),
// with leading sentence words and titles stripped; ok is false when no name
// remains. lo bounds the search.
func (d *doc) runBack(j, lo int) (i int, ok bool) {
	if j < lo || j >= len(d.toks) || !d.nameTok(j) {
		return 0, false
	}
	i = j
	for i-1 >= lo && j-i < 6 && d.runGapOK(i-1) {
		t := d.tok(i - 1)
		if _, poss := text.StripPossessive(t); poss && isUpperStart(t) {
			break // "NPR's Lucian Kim"
		}
		switch {
		case d.nameTok(i - 1):
			i--
		case (d.lex.IsNameParticle(t) || t == "of") && i-2 >= lo && d.nameTok(i-2) && d.runGapOK(i-2):
			if t == "of" && !d.title(d.tok(i-2)) {
				return d.trimRun(i, j)
			}
			i -= 2
		default:
			return d.trimRun(i, j)
		}
	}
	return d.trimRun(i, j)
}

// runFwd returns the name run starting at token i (indexes [i, j]).
func (d *doc) runFwd(i, hi int) (int, int, bool) {
	if i >= hi || i >= len(d.toks) || !d.nameTok(i) {
		return 0, 0, false
	}
	j := i
	for j+1 < hi && j-i < 6 && d.runGapOK(j) {
		if _, poss := text.StripPossessive(d.tok(j)); poss {
			break
		}
		t := d.tok(j + 1)
		switch {
		case d.nameTok(j + 1):
			j++
		case (d.lex.IsNameParticle(t) || (t == "of" && d.title(d.tok(j)))) && j+2 < hi && d.nameTok(j+2) && d.runGapOK(j+1):
			j += 2
		default:
			return d.fwdEnd(i, j, hi)
		}
	}
	return d.fwdEnd(i, j, hi)
}

// fwdEnd trims run [i, j] found by runFwd and extends it over an acronym's
// expansion (acronymEnd).
func (d *doc) fwdEnd(i, j, hi int) (int, int, bool) {
	s, ok := d.trimRun(i, j)
	if ok {
		j = d.acronymEnd(s, j, hi)
	}
	return s, j, ok
}

// acronymEnd extends name run [s, j] over lower-case connectors and further
// capitalised words when a parenthesised acronym of the whole follows:
// "Committee to Protect Reporters (CPR)" is one name, which the run alone
// cuts at "to". It returns the new end, or j.
func (d *doc) acronymEnd(s, j, hi int) int {
	k := j
	for k+1 < hi && k-s < 10 && d.gapAfter(k) == " " {
		t := d.tok(k + 1)
		if !d.nameTok(k+1) && !connectors[t] {
			break
		}
		k++
	}
	if k == j || k+1 >= hi || !d.nameTok(k) || d.gapAfter(k) != " (" {
		return j
	}
	acr, initials := d.tok(k+1), ""
	for m := s; m <= k; m++ {
		if t := d.tok(m); d.nameTok(m) {
			initials += t[:1]
		}
	}
	if len(acr) < 2 || acr != strings.ToUpper(acr) || !strings.HasPrefix(d.body[d.toks[k+1].End:], ")") || (acr != initials && !strings.HasSuffix(initials, acr)) {
		return j
	}
	return k
}

// trimRun strips leading function words, titles and "of" from run [i, j].
func (d *doc) trimRun(i, j int) (int, bool) {
	for i < j {
		t := d.tok(i)
		if d.stop(t) || d.title(t) || t == "of" || d.lex.IsNameParticle(t) {
			i++
			continue
		}
		if _, poss := text.StripPossessive(t); poss && i < j {
			i++
			continue
		}
		break
	}
	if t := d.tok(j); d.stop(t) || d.lex.IsNameParticle(t) || t == "of" || (i == j && d.title(t) && d.titleGender(t) == genderUnknown && !d.surnames[t]) {
		return 0, false
	}
	return i, true
}
