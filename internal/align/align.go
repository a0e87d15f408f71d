// Package align decides, for two statements of independent sources, what a
// careful reader would: they state the same fact, one states part of the
// other (a month and a day within it, "more than 80" and "86"), they give
// conflicting values of one measured thing, or they are unrelated.
//
// It works on facts: each quantity and each date of a story's sentences,
// read with its frame — the event or act it is the value of (the words of
// an event class near it: "voted", "apologized", "quit", "killed"), what it
// belongs to (the content words around it: "Facebook post", "Martha's
// Vineyard"), and for quantities the time frame it refers to ("last year").
// Two facts align only when their frames match: they name one event class
// and share enough content words besides; paraphrases of an event align
// ("voted" and "passed", "quit" and "left") while neighbouring events do
// not ("requested" and "granted"). Values are compared only once aligned,
// so a difference between two things is never called a contradiction.
//
// Precision comes first: when a frame is unclear (no event word near a
// date, a value inside a quotation, a date of someone's saying), the fact
// aligns with nothing.
//
// compare builds discrepancies from Story.Discrepancies; Story.Sentences
// gives the relation of two sentences' facts, and Story.Claims whether
// one sentence states another (sentence.go), from which the briefing's
// citations, agreements and single-source claims all come.
package align

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/quantity"
	"github.com/crosscheck/crosscheck/internal/text"
	"github.com/crosscheck/crosscheck/internal/timex"
)

// Relation is what two facts or sentences are to each other.
type Relation int

// Relations, from weakest to strongest claim.
const (
	// Unrelated: not about the same thing, or not known to be.
	Unrelated Relation = iota
	// Same: the same fact with equal values.
	Same
	// Part: the same fact, one value within the other (less precise,
	// or bounded: "in May" and "on May 3", "over 80" and "86").
	Part
	// Conflict: the same measured thing or event with values that
	// cannot both be true.
	Conflict
)

// String names the relation in test and eval output.
func (r Relation) String() string {
	return [...]string{"unrelated", "same", "part", "conflict"}[r]
}

// Options tunes alignment. The zero value means the defaults.
type Options struct {
	// Stem normalises content words before they are compared; nil
	// compares them as they are.
	Stem func(string) string
	// Window is how many words on each side of a value are read as its
	// frame (default 10).
	Window int
	// Shared is how many content words besides the event two sentences
	// must share for their dates to align, and two frames for their
	// quantities to align (default 2).
	Shared int
}

func (o Options) withDefaults() Options {
	if o.Window <= 0 {
		o.Window = 10
	}
	if o.Shared <= 0 {
		o.Shared = 2
	}
	return o
}

// Fact kinds.
const (
	kindQuantity = news.KindQuantity
	kindDate     = news.KindDate
)

// sentence is one body sentence with its words read once.
type sentence struct {
	member, index int
	text          string
	off           int            // byte offset of text in the body
	toks          []news.Span    // word tokens of text
	words         []string       // lower-cased, quote-folded token words
	days          map[int64]bool // nil until a date of the sentence is read
	repeated      bool
}

// Fact is one value of a sentence read with its frame.
type Fact struct {
	Kind      string
	sent      int // index into Story.sents
	surface   string
	start     int // body offsets of the value's words
	end       int
	value     string
	qualifier string
	q         news.Quantity
	family    string
	lo, hi    int64 // dates: first and last day (days since 1970)
	// events maps the classes of the event words of the value's clause
	// to the word as written.
	events wordMap
	// local are the content words near the value (stem -> word), names
	// the capitalised ones among them (who acts, whose it is), head the
	// first content words after a quantity (what it counts or buys).
	local, names, head wordMap
	// people are the full names of the people named in the value's
	// clause, or the one person a pronoun subject of the clause stands
	// for: two clauses naming different people are about two acts.
	people []string
	// ambiguous is set when the clause's pronoun subject could be any
	// of several people named before it: the fact aligns with nothing.
	ambiguous bool
	// unresolved is set when the clause has no subject of its own ("...,
	// and apologized on Monday") and the sentence names no person before
	// it: whose act it is cannot be read, so the fact aligns with nothing.
	unresolved bool
	// verb is the verb that follows a count ("towns were challenging"),
	// zero when none is read: two counts with different verbs count
	// different sets.
	verb verb
	// purpose is the key of the head noun of what a sum of money is for
	// or spent on ("$300 for dry-cleaning": dry-cleaning), "" when none
	// is read: two sums for different things are two things.
	purpose string
	// total is set when the value's sentence marks a total ("in total",
	// "including", "of which"): a total and a part differ by design.
	total bool
	// tok is the value's first token in its sentence.
	tok int
	// future is set when the value's clause is about a plan.
	future bool
	// scheduled is set when the plan's sentence states its day as fixed
	// ("scheduled for Tuesday"), not as a proposal.
	scheduled bool
	// when is the interval of a date near a quantity (its time frame),
	// or lo > hi when none.
	whenLo, whenHi int64
}

// Story is the facts of one story's members, read once.
type Story struct {
	o       Options
	members []news.Member
	sents   []sentence
	facts   []Fact
	roles   []role
	places  []place
	tenures []tenure
	ages    []age
	votes   []vote
	pub     []int64           // publication day of each member, or -1
	keys    map[string]string // anchor key of each word seen ("" when none)
	bySent  map[[2]int]int
	idx     []articleIndex // of each member
	ofSent  map[int][]int  // facts of each sentence (index into sents), ascending
}

// articleIndex holds the span indexes of one member's article: reading a
// fact looks up the items near it rather than scanning them all.
type articleIndex struct {
	quotes, times, quantities spanIndex
	// persons indexes the mentions of person entities; person maps its
	// entries to the entity of each mention.
	persons spanIndex
	person  []int
	days    []dayInterval // interval of each time, ok false when unreadable
}

type dayInterval struct {
	lo, hi int64
	ok     bool
}

// index builds the span indexes of article a.
func index(a *news.Article, body string) articleIndex {
	var x articleIndex
	x.quotes = newSpanIndex(len(a.Quotes), func(i int) (int, int) { return a.Quotes[i].Start, a.Quotes[i].End })
	x.times = newSpanIndex(len(a.Times), func(i int) (int, int) { return a.Times[i].Start, a.Times[i].End })
	x.quantities = newSpanIndex(len(a.Quantities), func(i int) (int, int) { return a.Quantities[i].Start, a.Quantities[i].End })
	x.days = make([]dayInterval, len(a.Times))
	for i, t := range a.Times {
		lo, hi, ok := interval(t.Value)
		x.days[i] = dayInterval{lo, hi, ok}
	}
	var ms []news.Mention
	for ei, e := range a.Entities {
		if e.Type != news.Person {
			continue
		}
		for _, m := range e.Mentions {
			if attributive(body, m.Start) {
				continue
			}
			ms = append(ms, m)
			x.person = append(x.person, ei)
		}
	}
	x.persons = newSpanIndex(len(ms), func(i int) (int, int) { return ms[i].Start, ms[i].End })
	return x
}

// attributive reports whether the name at body offset start follows "the":
// a name that qualifies a noun ("the Patrick administration", "the Obama
// campaign") names no one acting in the clause.
func attributive(body string, start int) bool {
	if start < 4 || start > len(body) {
		return false
	}
	w := body[start-4 : start]
	return strings.EqualFold(w, "the ")
}

// New reads the facts of members (articles of one story; members of one
// Group are copies of one source and never contradict each other). Its
// work is linear in the members' length (each fact looks up the items near
// it through span indexes); a cancelled ctx ends it with an error wrapping
// ctx.Err().
func New(ctx context.Context, members []news.Member, o Options) (*Story, error) {
	s := &Story{o: o.withDefaults(), members: members, pub: make([]int64, len(members)), bySent: map[[2]int]int{}, keys: map[string]string{},
		idx: make([]articleIndex, len(members)), ofSent: map[int][]int{}}
	for mi, m := range members {
		s.pub[mi] = -1
		a := m.Article
		if a == nil || a.NotArticle != "" {
			continue
		}
		body := a.Body()
		s.idx[mi] = index(a, body)
		x := &s.idx[mi]
		if d, ok := timex.ParseDate(a.Published); ok {
			s.pub[mi] = dayNumber(d)
		}
		quoted := func(start, end int) bool {
			in := false
			x.quotes.overlapping(start, end, func(int) bool { in = true; return false })
			return in
		}
		sentOf := func(off int) int {
			si := a.SentenceAt(off)
			if si < 0 {
				return -1
			}
			k := [2]int{mi, si}
			if i, ok := s.bySent[k]; ok {
				return i
			}
			sp := a.Sentences[si]
			if sp.End > len(body) {
				return -1
			}
			s.bySent[k] = len(s.sents)
			s.sents = append(s.sents, s.readSentence(mi, si, body[sp.Start:sp.End], sp.Start))
			return len(s.sents) - 1
		}
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("align: %w", err)
		}
		s.readRoles(mi, a, sentOf)
		s.readPlaces(mi, a, sentOf)
		s.readTenures(mi, a, sentOf)
		s.readAges(a, sentOf)
		s.readVotes(a, sentOf)
		for ti, t := range a.Times {
			if ti%1024 == 1023 && ctx.Err() != nil {
				return nil, fmt.Errorf("align: %w", ctx.Err())
			}
			lo, hi, ok := x.days[ti].lo, x.days[ti].hi, x.days[ti].ok
			if !ok || quoted(t.Start, t.End) || statementTime(body, t) {
				continue
			}
			si := sentOf(t.Start)
			if si < 0 {
				continue
			}
			for d := lo; d <= hi && hi-lo < 2; d++ {
				if s.sents[si].days == nil {
					s.sents[si].days = map[int64]bool{}
				}
				s.sents[si].days[d] = true
			}
			f := Fact{Kind: kindDate, sent: si, surface: t.Text, start: t.Start, end: t.End, value: t.Value, lo: lo, hi: hi, whenLo: 1, whenHi: 0}
			s.frame(&f, t.Start, t.End, false)
			s.facts = append(s.facts, f)
		}
		for qi, q := range a.Quantities {
			if qi%1024 == 1023 && ctx.Err() != nil {
				return nil, fmt.Errorf("align: %w", ctx.Err())
			}
			if q.Unit == "" || quoted(q.Start, q.End) {
				continue
			}
			si := sentOf(q.Start)
			if si < 0 {
				continue
			}
			var outcome string
			if fam, _ := quantity.Canonical(q); strings.HasPrefix(fam, quantity.FamilyCount) {
				// "people killed" counts people: the outcome is the
				// frame's event, not part of what is counted.
				if base, rest, ok := strings.Cut(q.Unit, " "); ok && eventOf[rest] != nil {
					q.Unit, outcome = base, rest
				}
			}
			fam, _ := quantity.Canonical(q)
			f := Fact{Kind: kindQuantity, sent: si, surface: q.Text, start: q.Start, end: q.End, value: valueText(q), qualifier: q.Qualifier, q: q, family: fam, whenLo: 1, whenHi: 0}
			s.frame(&f, q.Start, q.End, true)
			for _, c := range eventOf[outcome] {
				f.events.set(c, outcome)
			}
			// The time frame: the first date (in the article's order)
			// near the quantity in its sentence.
			sp, first := a.Sentences[s.sents[si].index], -1
			x.times.startingIn(sp.Start, sp.End, func(ti, _ int) bool {
				if t := a.Times[ti]; (first < 0 || ti < first) && x.days[ti].ok && near(t.Start, t.End, q.Start, q.End, body, s.o.Window) {
					first = ti
				}
				return true
			})
			if first >= 0 {
				f.whenLo, f.whenHi = x.days[first].lo, x.days[first].hi
			}
			s.facts = append(s.facts, f)
		}
	}
	for i, f := range s.facts {
		s.ofSent[f.sent] = append(s.ofSent[f.sent], i)
	}
	return s, nil
}

// readSentence tokenises one sentence and collects its content words.
func (s *Story) readSentence(member, index int, t string, off int) sentence {
	st := sentence{member: member, index: index, text: t, off: off, toks: text.Tokens(t),
		repeated: repeated.MatchString(t)}
	st.words = make([]string, len(st.toks))
	for i, sp := range st.toks {
		st.words[i] = strings.ToLower(text.FoldQuotes(t[sp.Start:sp.End]))
	}
	return st
}

// anchor returns the comparison key of a content word that can tie two
// sentences to one fact: not a stop, time, reporting or event word, not a
// number.
func (s *Story) anchor(w string) (string, bool) {
	if k, ok := s.keys[w]; ok {
		return k, k != ""
	}
	k, ok := s.anchorKey(w)
	s.keys[w] = k
	return k, ok
}

func (s *Story) anchorKey(w string) (string, bool) {
	w = strings.TrimSuffix(w, "'s")
	w = strings.Trim(w, "'.,-")
	if len(w) < 3 || text.IsStop(w) || timeWord(w) || reportingWords[w] || eventOf[w] != nil || hasDigit(w) {
		return "", false
	}
	if k, ok := nounClass[w]; ok {
		return k, true
	}
	if s.o.Stem != nil {
		w = s.o.Stem(w)
	}
	return w, true
}

// frame fills f's event and local words from the clause around the value
// [start, end) (body offsets), at most Window words on each side. The
// event is the event word nearest the value in its clause, preferring the
// left ("joined the administration in 2009": joined); a clause that holds
// no event word ("On Wednesday, the House voted") borrows the next one.
// For quantities the window also stops at another quantity, so that the
// items of a list ("$300 at one shop, $500 at another") keep their own
// frames.
func (s *Story) frame(f *Fact, start, end int, stopAtValues bool) {
	st := &s.sents[f.sent]
	a := s.members[st.member].Article
	first, last := -1, -1
	for i, sp := range st.toks {
		if sp.End+st.off > start && sp.Start+st.off < end {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	f.local, f.names, f.head = nil, nil, nil
	if first < 0 {
		return
	}
	f.tok = first
	other := func(i int) bool {
		if !stopAtValues {
			return false
		}
		b0, b1 := st.toks[i].Start+st.off, st.toks[i].End+st.off
		found := false
		s.idx[st.member].quantities.overlapping(b0, b1, func(qi int) bool {
			q := a.Quantities[qi]
			found = q.Start != start || q.End != end
			return !found
		})
		return found
	}
	lo, hi := first, last
	for lo > 0 && lo > first-s.o.Window && !st.boundary(lo-1, lo) && !other(lo-1) {
		lo--
	}
	for hi+1 < len(st.toks) && hi < last+s.o.Window && !st.boundary(hi, hi+1) && !other(hi+1) {
		hi++
	}
	f.events = nil
	events := func(lo, hi int) {
		for i := lo; i <= hi; i++ {
			for _, c := range eventOf[st.words[i]] {
				f.events.add(c, st.words[i])
			}
		}
	}
	events(lo, hi)
	if hi == last && hi+1 < len(st.toks) && first-lo <= 5 && st.onlyStop(lo, lo+1) && (lo == 0 || len(f.events) == 0 && st.onlyStop(lo, first)) {
		// A fronted time or amount ("On Wednesday, the House voted",
		// "In a news conference Wednesday, the president said"): the
		// clause it ends leads into the next one.
		h := hi + 1
		for h+1 < len(st.toks) && h < hi+1+s.o.Window && !st.boundary(h, h+1) && !other(h+1) {
			h++
		}
		events(hi+1, h)
		hi = h
	}
	f.future = future.MatchString(st.text[st.toks[lo].Start:st.toks[hi].End])
	f.scheduled = f.future && scheduled(st.text)
	c0, c1 := st.toks[lo].Start+st.off, st.toks[hi].End+st.off
	f.people = s.personsIn(st.member, c0, c1)
	borrow := -1 // first token of the clause a subjectless one borrows from
	if subjectless(st, lo, hi, first, last, f.Kind == kindDate) {
		if s.borrowSubject(f, lo) {
			borrow = max(0, lo-s.o.Window)
		}
	} else if len(f.people) == 0 {
		s.resolvePronoun(f, lo, hi)
	}
	if f.Kind == kindQuantity {
		f.verb = s.verbAfter(st, last, hi)
		if fam, _ := quantity.Canonical(f.q); strings.HasPrefix(fam, quantity.FamilyMoney) {
			f.purpose = s.purposeAfter(st, last, hi)
			if f.purpose == "" {
				f.purpose = s.purposeBefore(st, first)
			}
		}
		f.total = totalWords.MatchString(st.text)
	}
	for i := lo; i <= hi; i++ {
		if i >= first && i <= last {
			continue
		}
		if k, ok := s.anchor(st.words[i]); ok {
			f.local.set(k, st.words[i])
			if c := st.text[st.toks[i].Start]; i > 0 && c >= 'A' && c <= 'Z' {
				f.names.set(k, st.words[i])
			}
			if i > last && len(f.head) < 3 {
				f.head.set(k, st.words[i])
			}
		}
	}
	// A clause that borrows its subject ("Cowan joined the firm in 2009
	// and quit earlier this month") is about what the clause it borrows
	// from names: its words are the fact's too, as circumstance (not
	// names, not head).
	for i := borrow; i >= 0 && i < lo; i++ {
		if k, ok := s.anchor(st.words[i]); ok {
			f.local.set(k, st.words[i])
		}
	}
	if f.Kind == kindQuantity {
		// The unit names what is counted ("deaths", "arrests").
		for _, c := range eventOf[strings.ToLower(f.q.Unit)] {
			f.events.set(c, f.q.Unit)
		}
	}
}

// namesNear returns the names (capitalised content words after the
// first word, key -> word) of the stretch of sentence st that holds token
// i: a segmenter may leave two sentences joined ("... to 1978. His
// appointment ..."), and names of the other do not tie the value.
func (s *Story) namesNear(st *sentence, i int) wordMap {
	lo, hi := i, i
	for lo > 0 && !strings.Contains(st.text[st.toks[lo-1].End:st.toks[lo].Start], ". ") {
		lo--
	}
	for hi+1 < len(st.toks) && !strings.Contains(st.text[st.toks[hi].End:st.toks[hi+1].Start], ". ") {
		hi++
	}
	var out wordMap
	for j := max(lo, 1); j <= hi; j++ {
		if c := st.text[st.toks[j].Start]; c >= 'A' && c <= 'Z' {
			if k, ok := s.anchor(st.words[j]); ok {
				out.set(k, st.words[j])
			}
		}
	}
	return out
}

// onlyStop reports whether tokens [i, j) are all stop words ("On" of "On
// Wednesday,").
func (st *sentence) onlyStop(i, j int) bool {
	for ; i < j; i++ {
		if !text.IsStop(st.words[i]) && !timeWord(st.words[i]) {
			return false
		}
	}
	return true
}

// clauseWords open a new clause: a value's frame does not reach past them.
var clauseWords = map[string]bool{
	"and": true, "but": true, "or": true, "while": true, "which": true, "who": true, "whom": true, "that": true,
	"when": true, "after": true, "before": true, "because": true, "since": true, "though": true, "although": true,
	"where": true, "whereas": true, "if": true, "unless": true, "until": true,
}

// boundary reports whether a clause boundary falls between tokens i and j
// = i+1: punctuation that separates clauses, or a clause word at j.
func (st *sentence) boundary(i, j int) bool {
	gap := st.text[st.toks[i].End:st.toks[j].Start]
	if strings.ContainsAny(gap, ",;:()[]—–\"“”!?") || strings.Contains(gap, "--") || strings.Contains(gap, " - ") || strings.Contains(gap, ". ") {
		return true
	}
	return clauseWords[st.words[j]]
}

// Relate says what fact j is to fact i, and on which frame they aligned
// (nil when Unrelated).
func (s *Story) Relate(i, j int) (Relation, *news.Frame) {
	a, b := &s.facts[i], &s.facts[j]
	if a.Kind != b.Kind {
		return Unrelated, nil
	}
	sa, sb := &s.sents[a.sent], &s.sents[b.sent]
	if a.Kind == kindQuantity && a.family != b.family {
		return Unrelated, nil
	}
	event := ""
	for _, e := range a.events {
		if b.events.has(e.key) && (event == "" || e.word < event) {
			event = e.word
		}
	}
	if event == "" && (len(a.events) > 0 || len(b.events) > 0) {
		return Unrelated, nil // different events, or one unnamed
	}
	if len(a.names) > 0 && len(b.names) > 0 && len(sharedWords(a.names, b.names)) == 0 ||
		len(a.people) > 0 && len(b.people) > 0 && !samePeople(a.people, b.people) {
		return Unrelated, nil // different actors or owners
	}
	if a.unresolved || b.unresolved {
		return Unrelated, nil // whose act it is cannot be read
	}
	if a.ambiguous && len(b.people) > 0 || b.ambiguous && len(a.people) > 0 {
		return Unrelated, nil // whose act it is cannot be told
	}
	var shared []string
	switch a.Kind {
	case kindDate:
		// A date aligns by its event, named in its clause in both
		// sentences, and by what the two sentences share besides.
		if event == "" || sa.repeated || sb.repeated || (a.future || b.future) && !s.bothScheduled(a, b) {
			return Unrelated, nil
		}
		shared = sharedWords(a.local, b.local)
		if len(shared) < s.o.Shared && (len(a.local) == 0 || len(b.local) == 0) {
			// A bare clause ("who served from 1967 to 1979") is
			// about the names its sentence gives.
			shared = sharedWords(s.namesNear(sa, a.tok), s.namesNear(sb, b.tok))
		}
	case kindQuantity:
		// A quantity aligns by what stands around it: the same event
		// (or none in either), and enough content words of its frame.
		if a.whenLo <= a.whenHi && b.whenLo <= b.whenHi && (a.whenHi < b.whenLo || b.whenHi < a.whenLo) {
			return Unrelated, nil // different time frames
		}
		shared = sharedWords(a.local, b.local)
		// What each counts must be in the other's frame.
		if !overlaps(a.head, b.local) || !overlaps(b.head, a.local) {
			return Unrelated, nil
		}
		if a.verb.word != "" && b.verb.word != "" && !sameVerb(a.verb, b.verb) {
			return Unrelated, nil // one noun, two sets: "towns challenging", "towns adopting"
		}
		if a.purpose != "" && b.purpose != "" && a.purpose != b.purpose {
			return Unrelated, nil // sums for different things: "for dry-cleaning", "on travel"
		}
		if a.total != b.total {
			return Unrelated, nil // a total and a part of it
		}
		if event != "" {
			// The event both name is part of what they share.
			shared = append(shared, event)
		}
	}
	if len(shared) < s.o.Shared {
		return Unrelated, nil
	}
	if event == "" {
		event = a.q.Unit
	}
	fr := &news.Frame{Measures: event, Shared: shared}
	switch a.Kind {
	case kindDate:
		switch {
		case a.lo == b.lo && a.hi == b.hi:
			return Same, fr
		case a.lo <= b.hi && b.lo <= a.hi:
			return Part, fr
		}
		if !s.comparableDays(a, b) {
			return Unrelated, nil
		}
		return Conflict, fr
	default:
		switch {
		case quantity.Conflict(a.q, b.q):
			return Conflict, fr
		case a.value == b.value && a.qualifier == b.qualifier:
			return Same, fr
		}
		return Part, fr
	}
}

// comparableDays reports whether two differing dates can contradict each
// other given when their articles were published: both in the past of
// both articles (a date after one article appeared is a later event or an
// update it could not know), or both plans after both appeared.
func (s *Story) comparableDays(a, b *Fact) bool {
	pa, pb := s.pub[s.sents[a.sent].member], s.pub[s.sents[b.sent].member]
	if pa < 0 || pb < 0 {
		return false
	}
	cut, late := min(pa, pb), max(pa, pb)
	return past(a, pa) <= cut && past(b, pb) <= cut || a.lo > late && b.lo > late
}

// past returns the last day of date fact f, published on day pub: the
// part of a period said to be over ("quit earlier this month") ends by the
// day it was written, whatever the rest of the month or week. A period
// under way ("400 arrests this year") is not over and keeps its end.
func past(f *Fact, pub int64) int64 {
	if f.lo <= pub && pub < f.hi && strings.HasPrefix(strings.ToLower(f.surface), "earlier ") {
		return pub
	}
	return f.hi
}

// independent reports whether two sentences come from independent sources.
func (s *Story) independent(a, b int) bool {
	ma, mb := s.sents[a].member, s.sents[b].member
	return ma != mb && s.members[ma].Group != s.members[mb].Group
}

// Sentences returns the strongest relation between the facts of two
// sentences (member and sentence index of each): Conflict when any pair of
// their facts conflicts, else Same or Part when one aligns, else
// Unrelated. The command does not call it (citations go through Claims);
// it is kept as the fact-level relation the tests pin down.
func (s *Story) Sentences(ma, ia, mb, ib int) Relation {
	x, okx := s.bySent[[2]int{ma, ia}]
	y, oky := s.bySent[[2]int{mb, ib}]
	if !okx || !oky {
		return Unrelated
	}
	best := Unrelated
	for _, i := range s.ofSent[x] {
		for _, j := range s.ofSent[y] {
			if r, _ := s.Relate(i, j); r > best {
				best = r
			}
		}
	}
	return best
}

// Discrepancies lists the conflicts between facts of independent sources,
// one per pair of sentences, in order of first appearance. A pair of
// sentences that also shares a day is left out: sentences that agree on
// when something happened do not contradict each other on when.
//
// The pairs tried come from a text.PairIndex over the keys two facts must
// share to conflict (see frameKeys; for roles and places, a person's last
// name), so each fact is tried against at most text.MaxPostings facts per
// key and the work is linear in the number of facts. On a story of news
// articles no key reaches the bound and every pair that can conflict is
// tried. A cancelled ctx ends the search with an error wrapping ctx.Err().
func (s *Story) Discrepancies(ctx context.Context) ([]news.Discrepancy, error) {
	var out []news.Discrepancy
	seen := map[[2]int]bool{}
	keys := make([]map[string]bool, len(s.facts))
	for i := range s.facts {
		keys[i] = s.facts[i].frameKeys()
	}
	pairs := text.NewPairIndex(keys)
	var cands []int
	for i := range s.facts {
		if i%256 == 255 && ctx.Err() != nil {
			return nil, fmt.Errorf("align: discrepancies: %w", ctx.Err())
		}
		cands = pairs.With(keys[i], i+1, i+1, cands)
		for _, j := range cands {
			a, b := &s.facts[i], &s.facts[j]
			if a.Kind != b.Kind || !s.independent(a.sent, b.sent) {
				continue
			}
			k := [2]int{min(a.sent, b.sent), max(a.sent, b.sent)}
			if seen[k] {
				continue
			}
			rel, fr := s.Relate(i, j)
			if rel != Conflict {
				continue
			}
			if a.Kind == kindDate && sharesDay(&s.sents[a.sent], &s.sents[b.sent]) {
				continue
			}
			seen[k] = true
			out = append(out, s.discrepancy(a, b, fr))
		}
	}
	roles, err := s.roleDiscrepancies(ctx, seen)
	if err != nil {
		return nil, err
	}
	places, err := s.placeDiscrepancies(ctx, seen)
	if err != nil {
		return nil, err
	}
	out = append(out, roles...)
	out = append(out, places...)
	out = append(out, s.tenureDiscrepancies(seen)...)
	out = append(out, s.ageDiscrepancies(seen)...)
	out = append(out, s.voteDiscrepancies(seen)...)
	return out, nil
}

// frameKeys returns the keys of f's frame of which two facts must share
// one to conflict (see Relate): a date's event classes (a date aligns only
// by an event both name); a quantity's family with its event classes, or
// with each of its content words when it names no event (two quantities
// naming no event align only by content words they share). A fact whose
// actor cannot be read aligns with nothing and has no keys.
func (f *Fact) frameKeys() map[string]bool {
	ks := map[string]bool{}
	if f.unresolved {
		return ks
	}
	switch {
	case f.Kind == kindDate:
		for _, e := range f.events {
			ks["d\x00"+e.key] = true
		}
	case len(f.events) > 0:
		for _, e := range f.events {
			ks["q\x00"+f.family+"\x00e\x00"+e.key] = true
		}
	default:
		for _, e := range f.local {
			ks["q\x00"+f.family+"\x00w\x00"+e.key] = true
		}
	}
	return ks
}

// personKeys returns, for each item of a pairwise rule on people, the
// last names of its people: two items conflict only when samePeople holds,
// which needs a last name in common.
func personKeys(n int, people func(i int) []string) []map[string]bool {
	keys := make([]map[string]bool, n)
	for i := range keys {
		keys[i] = map[string]bool{}
		for _, p := range people(i) {
			_, last := personKey(p)
			keys[i][last] = true
		}
	}
	return keys
}

func sharesDay(a, b *sentence) bool {
	for d := range a.days {
		if b.days[d] {
			return true
		}
	}
	return false
}

// discrepancy writes the typed evidence of a conflict.
func (s *Story) discrepancy(a, b *Fact, fr *news.Frame) news.Discrepancy {
	measured := "when"
	if a.Kind == kindQuantity {
		measured = measuredBy(a.q)
	}
	claim := func(f *Fact) news.Claim {
		c := s.claimAt(f.sent, f.value, f.start, f.end)
		c.Qualifier = f.qualifier
		return c
	}
	return news.Discrepancy{
		Kind:     a.Kind,
		About:    measured + " (" + fr.Measures + "): " + a.surface + " vs " + b.surface,
		Measured: measured,
		Frame:    fr,
		Claims:   []news.Claim{claim(a), claim(b)},
	}
}

// measuredBy names what a quantity measures: "how long", "how much money",
// "how many people".
func measuredBy(q news.Quantity) string {
	family, _ := quantity.Canonical(q)
	switch {
	case strings.HasPrefix(family, quantity.FamilyOrdinal):
		return "which " + q.Unit
	case strings.HasPrefix(family, quantity.FamilyPercent):
		return "what share"
	case strings.HasPrefix(family, quantity.FamilyMoney):
		return "how much money"
	case family == quantity.FamilyDuration:
		return "how long"
	case family == quantity.FamilyDistance:
		return "how far"
	case family == quantity.FamilyWeight:
		return "how heavy"
	}
	return "how many " + q.Unit
}

// valueText writes a quantity's value and unit ("2 hour", "5687.75 USD").
func valueText(q news.Quantity) string {
	return strings.TrimSpace(trimFloat(q.Value) + " " + q.Unit)
}

func trimFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// interval reads an ISO 8601 time value as its first and last day: a day
// ("2017-04-12", or a date-time cut to its day), a month, a year, or a
// range "A/B".
func interval(v string) (lo, hi int64, ok bool) {
	if a, b, isRange := strings.Cut(v, "/"); isRange {
		l, _, ok1 := interval(a)
		_, h, ok2 := interval(b)
		return l, h, ok1 && ok2 && l <= h
	}
	if i := strings.IndexByte(v, 'T'); i >= 0 {
		v = v[:i]
	}
	for _, layout := range []struct {
		l    string
		span func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, -1) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, -1) }},
	} {
		if len(v) != len(layout.l) {
			continue
		}
		if t, err := time.Parse(layout.l, v); err == nil {
			return dayNumber(t), dayNumber(layout.span(t)), true
		}
	}
	return 0, 0, false
}

func dayNumber(t time.Time) int64 { return t.Unix() / 86400 }

// near reports whether spans [s0, e0) and [s1, e1) of body are within n
// words of each other.
func near(s0, e0, s1, e1 int, body string, n int) bool {
	if s0 > s1 {
		s0, e0, s1, e1 = s1, e1, s0, e0
	}
	if e0 >= s1 {
		return true
	}
	return len(strings.Fields(body[e0:s1])) <= n
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// repeated marks a sentence about a repeat of an event ("met again", "a
// second meeting", "another strike"): its date may differ from the first
// one's without contradicting it.
var repeated = text.NewPhrases("again", "once more", "a second", "another", "second time", "follow-up", "resumed")

// future marks a sentence about what is planned or expected: a plan's day
// may move, and a plan against an event is no contradiction.
var future = text.NewPhrases("will", "plans to", "plan to", "planned", "expected to", "scheduled", "slated", "set for", "set to",
	"due to", "due on", "next week", "next month", "next year")

// statementDate matches the words just before a time expression that make
// it the date of a statement rather than of the event: "Fenwick said on
// Tuesday that the strike killed 12" dates the saying; "the strike on
// Sunday" dates the strike. Two such dates differing is no contradiction.
var statementDate = text.LazyRegexp(`(?i)\b(?:said|says|told (?:reporters|journalists|[A-Z]\w+)|added|stated|wrote|tweeted|posted|statement|interview)\s*,?\s*(?:on|late|early|earlier|this)?\s*$`)

// statementTime reports whether time t of a body dates a statement (see
// statementDate).
func statementTime(body string, t news.Time) bool {
	return t.Start <= len(body) && statementDate().MatchString(body[max(0, t.Start-40):t.Start])
}

// personsIn returns the full names of the person entities of member mi's
// article with a mention within body offsets [c0, c1), in the order of
// its entities.
func (s *Story) personsIn(mi, c0, c1 int) []string {
	x := &s.idx[mi]
	var es []int
	x.persons.overlapping(c0, c1, func(i int) bool {
		es = append(es, x.person[i])
		return true
	})
	slices.Sort(es)
	es = slices.Compact(es)
	out := make([]string, 0, len(es))
	for _, e := range es {
		out = append(out, s.members[mi].Article.Entities[e].Name)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// pronouns stand for a person named before them.
var pronouns = wordSet("he she him her his hers")

// resolvePronoun reads the person a pronoun of f's clause (tokens lo..hi
// of its sentence) stands for: the person named before it in its sentence
// or the sentence before. One such person is the clause's person; several
// leave the clause ambiguous. The entity stage merges a person's mentions,
// so one person named twice counts once.
func (s *Story) resolvePronoun(f *Fact, lo, hi int) {
	st := &s.sents[f.sent]
	p := -1
	for i := lo; i <= hi; i++ {
		if pronouns[st.words[i]] {
			p = i
			break
		}
	}
	if p < 0 {
		return
	}
	a := s.members[st.member].Article
	from := st.off
	if st.index > 0 {
		from = a.Sentences[st.index-1].Start
	}
	names := s.personsIn(st.member, from, st.off+st.toks[p].Start)
	switch {
	case len(names) == 1:
		f.people = names
	case len(names) > 1:
		f.ambiguous = true
	}
}

// subjectless reports whether the clause of tokens lo..hi of st has no
// subject of its own: its first event word is a verb in the past ("...,
// and apologized on Monday", "..., then left the board in May") and
// nothing before it in the clause but function words, time words and, for
// a date, the date's own tokens first..last. A noun event ("the debate on
// Tuesday") needs no subject; a pronoun or any content word before the
// verb is one.
func subjectless(st *sentence, lo, hi, first, last int, date bool) bool {
	for i := lo; i <= hi; i++ {
		w := st.words[i]
		if date && i >= first && i <= last {
			continue
		}
		if eventOf[w] != nil {
			return pastVerb(w)
		}
		if !text.IsStop(w) && !timeWord(w) && !clauseWords[w] && !auxiliaries[w] && !strings.HasSuffix(w, "ly") {
			return false
		}
		if pronouns[w] || subjectPronouns[w] {
			return false
		}
	}
	return false
}

// subjectPronouns besides the personal ones of pronouns stand for a
// subject named elsewhere ("they voted", "it passed"). A relative pronoun
// ("who apologized") is not one: its clause borrows the person before it.
var subjectPronouns = wordSet("i we they it you")

// pastVerb reports whether an event word is a verb in the past: "-ed"
// ("apologized", "voted") or an irregular past of the event lists.
func pastVerb(w string) bool {
	return strings.HasSuffix(w, "ed") || irregularPast[w]
}

var irregularPast = wordSet("left met held spoke won lost took gave paid spent struck shot bought sought pled beat quit")

// borrowSubject reads the subject of a subjectless clause starting at
// token lo of f's sentence: the first person named earlier in the
// sentence, the subject of its main clause ("Mara Quinlan visited Tomas
// Quinlan and resigned in May": Mara Quinlan; "Tillerson and Lavrov, who
// had met earlier, joined Putin": Tillerson). With no person before it,
// the clause is unresolved. It reports whether a person was borrowed.
func (s *Story) borrowSubject(f *Fact, lo int) bool {
	st := &s.sents[f.sent]
	if p := s.firstPersonIn(st.member, st.off, st.off+st.toks[lo].Start); p != "" {
		f.people = append([]string{p}, f.people...)
		return true
	}
	if s.reducedRelative(f, lo) {
		return false // "the report, issued last month": the report's date
	}
	f.unresolved = true
	return false
}

// firstPersonIn returns the full name of the person entity of member mi's
// article with the first mention within body offsets [c0, c1), or "".
func (s *Story) firstPersonIn(mi, c0, c1 int) string {
	x := &s.idx[mi]
	name := ""
	x.persons.startingIn(c0, c1, func(i, end int) bool {
		if end <= c1 {
			name = s.members[mi].Article.Entities[x.person[i]].Name
			return false
		}
		return true
	})
	return name
}

// personKey splits a person's name into its first and last name, lower
// case, a generational suffix ("Jr.") dropped; first is "" when the name
// is one word.
func personKey(name string) (first, last string) {
	var w []string
	for _, x := range strings.Fields(strings.ToLower(name)) {
		x = strings.Trim(x, ".,")
		if x != "" && !generational[x] {
			w = append(w, x)
		}
	}
	switch len(w) {
	case 0:
		return "", ""
	case 1:
		return "", w[0]
	}
	return w[0], w[len(w)-1]
}

var generational = wordSet("jr sr ii iii iv")

// samePeople reports whether two clauses' people can include one person:
// a last name in common, and first names equal or one missing ("Mara
// Quinlan" and "Quinlan", not "Tomas Quinlan").
func samePeople(a, b []string) bool {
	for _, x := range a {
		fx, lx := personKey(x)
		for _, y := range b {
			fy, ly := personKey(y)
			if lx == ly && (fx == fy || fx == "" || fy == "") {
				return true
			}
		}
	}
	return false
}

// auxiliaries stand between a count and its verb ("towns were
// challenging", "states have enacted").
var auxiliaries = wordSet("is are was were be been being has have had do does did will would could can may might must shall should")

// verbAfter returns the verb that follows a count whose last
// token is last, within the clause ending at token hi: the first word
// after the counted noun's words that an auxiliary introduces, that has a
// verb's ending ("-ed", "-ing") or that names an event; zero when none.
func (s *Story) verbAfter(st *sentence, last, hi int) verb {
	for i := last + 1; i <= hi && i <= last+4; i++ {
		w := st.words[i]
		if auxiliaries[w] || text.IsStop(w) {
			continue
		}
		if auxiliaries[st.words[i-1]] || eventOf[w] != nil || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") {
			v := verb{w, w}
			if s.o.Stem != nil {
				v.stem = s.o.Stem(w)
			}
			return v
		}
	}
	return verb{}
}

// purposeAfter returns the key of the head noun of the phrase that says
// what a sum of money whose last token is last is for, within the clause
// ending at token hi: the object of the first "for" or "on" at most six
// words after the sum ("$300 for dry-cleaning", "$750 spent on personal
// items": items; "$90 of the pier fund for rentals"), the last content word of that noun phrase before a
// function word or clause boundary. "" when none is read ("$5 million on
// Tuesday": a time is no purpose).
func (s *Story) purposeAfter(st *sentence, last, hi int) string {
	for i := last + 1; i <= hi && i <= last+7; i++ {
		if w := st.words[i]; w != "for" && w != "on" {
			continue
		}
		j := i + 1
		for j <= hi && text.IsStop(st.words[j]) && !st.boundary(j-1, j) {
			j++ // determiners and possessives: "for the", "on his"
		}
		head := ""
		for ; j <= hi && !st.boundary(j-1, j) && !text.IsStop(st.words[j]) && !hasDigit(st.words[j]); j++ {
			head = st.words[j]
		}
		if head == "" {
			return ""
		}
		k, _ := s.anchor(head)
		return k
	}
	return ""
}

// sameVerb reports whether two verbs after counts name one act: one stem,
// or one event class ("killed", "died").
func sameVerb(a, b verb) bool {
	if a.stem == b.stem {
		return true
	}
	for _, c := range eventOf[a.word] {
		if contains(eventOf[b.word], c) {
			return true
		}
	}
	return false
}

// verb is a verb as written (lower case) and its stem.
type verb struct{ word, stem string }

// totalWords mark a sentence that gives a total, parts of which other
// sentences may give: "in total", "in all", "altogether", "including",
// "of which", "combined".
var totalWords = text.NewPhrases("in total", "a total of", "totalling", "totaling", "total", "in all", "all told", "altogether",
	"overall", "combined", "including", "of which", "among them")
