package timex

import (
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// This file holds the rules that count from an event or the narrative's
// time rather than from the publication date (docs/timex-rules-anchors.md).

// nextDaySequel reports whether "next day" at tokens j, j+1 (after "the")
// is the narrative's sequel, "The next day, he clarified": the day after
// the last date the text gave, as "the following day" (matchFollowing).
// Not a span ("over the next day", sequelNext), nor a vague one ("the
// next day or two", "the next day and a half"), nor a noun's modifier
// ("the next day of hearings", which counts within a series).
func nextDaySequel(ts toks, j int) bool {
	if ts.Word(j) != "next" || ts.Word(j+1) != "day" || !sequelNext(ts, j) {
		return false
	}
	switch ts.Word(j + 2) {
	case "or", "and", "of", "to":
		return false
	}
	return true
}

// matchNextDay returns "next day" of "the next day" (token j is "next")
// as a day after the last date the text gave.
func matchNextDay(ts toks, j int) (expr, int, bool) {
	if !nextDaySequel(ts, j) {
		return expr{}, 0, false
	}
	e := expr{kind: kAfter, start: ts[j].Start, end: ts[j+1].End, unit: uDay, n: 1, mod: 1}
	e.tense, _ = governingTense(ts, j)
	return e, j + 2, true
}

// otherClauseDate reports whether the day-precise expression at token o
// dates another clause than the prepositional count at token c of the
// same sentence, so that placeClauseDates must not take it: a date inside
// a relative clause the count is not in ("the strike, which happened
// Thursday, ... for waiting a week after the strike": the relative
// clause runs from "which" to its comma), or a content clause's opener
// between the two ("his post yesterday showed that, days before the
// vote, ...": the date is the main clause's, the count the content
// clause's).
//
// An opener inside the count's own object (before objEnd: "A day after
// telling reporters that he was done, he spoke Wednesday") opens a
// clause of the object, not one between the count and the date.
func otherClauseDate(ts toks, o, c, objEnd int) bool {
	lo, hi := min(o, c), max(o, c)
	for j := lo + 1; j < hi; j++ {
		if j > c && ts[j].Start < objEnd {
			continue
		}
		switch ts.Word(j) {
		case "that", "whether":
			if ts[j].Kind == text.LexWord && !determinerThat(ts, j) {
				return true
			}
		}
	}
	return inRelativeClause(ts, o) && !inRelativeClause(ts, c)
}

// determinerThat reports whether the "that" at token j is a determiner
// ("that day", "that week") rather than a conjunction.
func determinerThat(ts toks, j int) bool {
	if ts.Word(j) != "that" {
		return false
	}
	if _, ok := unitWords[ts.Word(j+1)]; ok {
		return true
	}
	return ts.Word(j+1) == "morning" || ts.Word(j+1) == "night" || ts.Word(j+1) == "evening" || ts.Word(j+1) == "afternoon"
}

// inRelativeClause reports whether token i lies in a non-restrictive
// relative clause: a ", which|who|whose|whom" before it with no comma or
// break between.
func inRelativeClause(ts toks, i int) bool {
	for j := i - 1; j > 0; j-- {
		if ts[j].Kind == text.LexBreak || ts.Is(j, ",") || ts.Is(j, ";") {
			return false
		}
		switch ts.Word(j) {
		case "which", "who", "whose", "whom":
			return ts.Is(j-1, ",")
		}
	}
	return false
}

// eventWordReach bounds the words between an event's mention and the
// date that dates it ("The video, posted to a website last Friday").
const eventWordReach = 10

// placeDatedEvents resolves a prepositional count whose own sentence does
// not date its clause (placeClauseDates left it unresolved) from the date
// a nearby sentence, at most anchorReach back or ahead, gives the same
// event: the count's subject ("The announcement came eleven days after
// ...": the announcement's day, named again as the noun or its verb,
// "announced Tuesday") or its object ("three days after a video
// surfaced": three days after the day of "The video, posted last
// Friday"). The event is found by its noun's head (a determiner or
// possessive before it); the date must follow the mention in its clause
// (no clause opener between, eventWordReach words at most), and every
// such mention must give the same day, else the event is not dated
// unambiguously and the count stays unresolved. From the object only an
// exact count of days or weeks (or "hours after": the same day) is read;
// in a past clause a day after the reference is not taken.
func placeDatedEvents(out []news.Time, es []expr, ts toks, ref time.Time, haveRef bool, quote []int) {
	var sentOf []int // sentence index per token, computed once when needed
	for k, e := range es {
		if e.kind != kAfter || !e.prep || e.generic || out[k].Value != "" {
			continue
		}
		if sentOf == nil {
			sentOf = sentences(ts)
		}
		v := ""
		if noun, stem, ok := countSubject(ts, e.tok); ok {
			if d, ok := eventDay(out, es, ts, sentOf, quote, e, noun, stem); ok {
				v = d.Format(dayLayout)
			}
		}
		if v == "" {
			if noun, ok := countObject(ts, e); ok && !e.approx {
				if d, ok := eventDay(out, es, ts, sentOf, quote, e, noun, ""); ok {
					n := e.n
					if strings.Contains(strings.ToLower(out[k].Text), "hour") {
						n = 0 // "hours after the appearance": its day
					}
					switch e.unit {
					case uDay:
						v = d.AddDate(0, 0, e.mod*n).Format(dayLayout)
					case uWeek:
						v = d.AddDate(0, 0, 7*e.mod*n).Format(dayLayout)
					}
				}
			}
		}
		if v == "" || haveRef && !e.tense.forward() && v > ref.Format(dayLayout) {
			continue
		}
		out[k].Value = v
	}
}

// sentences returns the sentence index of every token (counted by break
// tokens, as match counts expr.sentence).
func sentences(ts toks) []int {
	out := make([]int, len(ts))
	s := 0
	for i := range ts {
		if ts[i].Kind == text.LexBreak {
			s++
		}
		out[i] = s
	}
	return out
}

// comeVerbs place their subject's event at the count after them ("The
// ruling came two days after ...").
var comeVerbs = map[string]bool{"came": true, "comes": true, "come": true}

// countHedges may stand between "came" and the count ("came just three
// days after").
var countHedges = map[string]bool{"just": true, "only": true, "barely": true, "exactly": true, "precisely": true}

// eventDeterminers open a noun phrase naming one event.
var eventDeterminers = map[string]bool{
	"the": true, "this": true, "that": true, "his": true, "her": true, "its": true, "their": true,
	"a": true, "an": true,
}

// countSubject returns the head noun of the subject of "came" right
// before the count at token c ("The announcement came just eleven days
// after": "announcement") and the stem its verb shares ("announc"), when
// the subject is a determiner and one noun opening its clause.
func countSubject(ts toks, c int) (noun, stem string, ok bool) {
	j := c - 1
	if countHedges[ts.Word(j)] {
		j--
	}
	if !comeVerbs[ts.Word(j)] {
		return "", "", false
	}
	n := j - 1
	if ts.Kind(n) != text.LexWord || ts[n].Upper || !eventDeterminers[ts.Word(n-1)] || ts.Word(n-1) == "a" || ts.Word(n-1) == "an" {
		return "", "", false
	}
	if p := n - 2; p >= 0 && ts[p].Kind != text.LexBreak && !ts.Is(p, ",") {
		return "", "", false // the noun phrase must open the clause
	}
	noun = ts.Word(n)
	if len(noun) < 4 {
		return "", "", false
	}
	if s, ok := strings.CutSuffix(noun, "ment"); ok && len(s) >= 4 {
		stem = strings.TrimSuffix(s, "e") // "announcement": "announced"
	}
	return noun, stem, true
}

// countObject returns the head noun of the event the count at e counts
// from: after a determiner or a possessive ("after the attack", "after an
// Internet video surfaced", "after Ann Lee's speech"), capitalised and
// "-ed" modifiers skipped, the first lower-case word that is no verb form.
func countObject(ts toks, e expr) (string, bool) {
	j := e.tok
	for j < len(ts) && ts[j].Start < e.end {
		j++
	}
	switch {
	case eventDeterminers[ts.Word(j)]:
		j++
	case ts.Kind(j) == text.LexWord && ts[j].Upper && (ts.Is(j+1, "'") || ts.Is(j+1, "’")) && ts.Word(j+2) == "s":
		j += 3
	default:
		return "", false
	}
	// Modifiers: capitalised words ("an Internet video") and an "-ed"
	// adjective ("a leaked memo"), two at most.
	for k := 0; k < 2 && ts.Kind(j) == text.LexWord && (ts[j].Upper || regularPast(ts.Word(j)) && ts.Kind(j+1) == text.LexWord && !ts[j+1].Upper); k++ {
		j++
	}
	w := ts.Word(j)
	if ts.Kind(j) != text.LexWord || ts[j].Upper || len(w) < 4 || regularPast(w) || pastForms[w] || strings.HasSuffix(w, "ing") {
		return "", false
	}
	if _, ok := unitWords[w]; ok {
		return "", false
	}
	return w, true
}

// eventDay returns the one day the sentences around count e (at most
// anchorReach away, its own excluded) give the event named by noun (or a
// word opening with stem): each mention outside a quotation, followed in
// its clause by a placed day-precise date.
func eventDay(out []news.Time, es []expr, ts toks, sentOf []int, quote []int, e expr, noun, stem string) (time.Time, bool) {
	day := ""
	for m := range ts {
		s := sentOf[m]
		if s == e.sentence || ts[m].Kind != text.LexWord || quote[m] != 0 {
			continue
		}
		w := ts.Word(m)
		if w != noun && (stem == "" || !strings.HasPrefix(w, stem)) {
			continue
		}
		d := mentionDate(out, es, ts, m)
		if d == "" {
			continue
		}
		if day != "" && d != day {
			return time.Time{}, false // the event is dated on several days
		}
		day = d
	}
	t, err := time.Parse(dayLayout, day)
	return t, err == nil
}

// mentionDate returns the day of the first day-precise expression after
// token m in its sentence, at most eventWordReach words on, with no clause
// opener, subject pronoun or verb of saying between, and not inside a
// relative clause the mention is outside of ("The storm, which was first
// seen Sunday, is still at sea" does not date the storm's arrival); ""
// when none.
func mentionDate(out []news.Time, es []expr, ts toks, m int) string {
	for j, o := range es {
		if o.tok <= m || !dayPrecise(o.kind) || o.generic || len(out[j].Value) < len(dayLayout) || strings.Contains(out[j].Value, "/") {
			continue
		}
		words := 0
		for k := m + 1; k < o.tok; k++ {
			if ts[k].Kind == text.LexBreak {
				return ""
			}
			if ts[k].Kind == text.LexWord {
				words++
			}
		}
		if words > eventWordReach || clauseOpenerBetween(ts, m, o.tok) || relativeOpeners[ts.Word(m+1)] || inRelativeClause(ts, o.tok) && !inRelativeClause(ts, m) {
			return ""
		}
		return out[j].Value[:len(dayLayout)]
	}
	return ""
}

// speechVerbs attribute a quotation to its speaker.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "saying": true, "told": true, "telling": true, "added": true,
	"adding": true, "asked": true, "wrote": true, "suggested": true, "declared": true, "insisted": true,
	"argued": true, "explained": true, "noted": true, "stated": true, "replied": true, "recalled": true,
	"announced": true, "warned": true, "tweeted": true,
}

// speakerPronouns stand for a speaker named before.
var speakerPronouns = map[string]bool{"he": true, "she": true, "they": true}

// dateSpokenQuotes re-reads the day words of a quotation ("today",
// "tonight", "tomorrow", "last night", "this afternoon") with the day
// the narrative says it was spoken as "now" (guideline 7: a quote is read
// with the publication date unless the article dates it): the day of a
// day-precise date in its attribution (", said the senator on the floor
// on Tuesday", "she told reporters Monday: “..."), or, when the
// attribution names no day and its speaker is a pronoun ("he said", "He
// then defended the remark, saying, “..."), the one day of the previous
// sentence when that sentence reports the same speaker's speech ("The
// senator suggested Sunday that ..."). Only a day before the reference
// is taken (on it nothing changes; after it the report would precede the
// speech).
func dateSpokenQuotes(ts toks, out []news.Time, es []expr, ref time.Time, quote []int) {
	sentOf := sentences(ts)
	spoken := map[int]time.Time{} // quotation number -> its day of speaking
	done := map[int]bool{}
	for _, e := range es {
		q := quote[e.tok]
		if q == 0 || e.kind != kDayOffset || e.generic || done[q] {
			continue
		}
		done[q] = true
		if d, ok := speechDay(ts, out, es, sentOf, quote, q); ok && d.Before(ref) {
			spoken[q] = d
		}
	}
	for k, e := range es {
		d, ok := spoken[quote[e.tok]]
		if !ok || quote[e.tok] == 0 || e.kind != kDayOffset || e.generic {
			continue
		}
		out[k].Value, _, _, _ = resolveOne(e, d, true, time.Time{}, false, 0)
	}
}

// speechDay returns the day quotation q was spoken, as dateSpokenQuotes
// reads it.
func speechDay(ts toks, out []news.Time, es []expr, sentOf []int, quote []int, q int) (time.Time, bool) {
	first, last := -1, -1
	for k := range ts {
		if quote[k] == q {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	if first < 0 {
		return time.Time{}, false
	}
	// The attribution after the quotation: from its closing mark to the
	// next comma, the sentence's end or the next quotation, a verb of saying in its first
	// four words; before it: from the sentence's start or the last
	// quotation to its opening mark, introducing it with a comma or a
	// colon ("She told reporters on Monday: “...").
	lo, hi := -1, -1
	after := last + 2
	for j := after; j < len(ts) && ts[j].Kind != text.LexBreak && quote[j] == 0 && !openMark(ts, j); j++ {
		if j > after && ts.Is(j, ",") {
			break // ", he said, a day before the vote on Tuesday": an aside
		}
		hi = j
	}
	if hi >= after && speechIn(ts, after, min(hi, after+3)) {
		lo = after
	} else {
		hi = first - 2
		lo = hi + 1
		for j := hi; j >= 0 && ts[j].Kind != text.LexBreak && quote[j] == 0 && !closeMark(ts, j); j-- {
			lo = j
		}
		if lo > hi || !ts.Is(hi, ",") && !ts.Is(hi, ":") || !speechIn(ts, lo, hi) {
			return time.Time{}, false
		}
	}
	if d, n := datesIn(out, es, quote, lo, hi); n == 1 {
		return d, true
	} else if n > 1 {
		return time.Time{}, false
	}
	pronoun := false
	for j := lo; j <= hi; j++ {
		pronoun = pronoun || speakerPronouns[ts.Word(j)]
	}
	if !pronoun || min(lo, first) == 0 {
		return time.Time{}, false
	}
	// The previous sentence: the same speaker's dated speech.
	start := min(lo, first) // the sentence the quotation or its attribution opens
	prev := sentOf[start] - 1
	plo, phi := -1, -1
	for j := start - 1; j >= 0 && sentOf[j] >= prev; j-- {
		if sentOf[j] == prev && ts[j].Kind != text.LexBreak {
			if phi < 0 {
				phi = j
			}
			plo = j
		}
	}
	if plo < 0 {
		return time.Time{}, false
	}
	said := false
	for j := plo; j <= phi; j++ {
		said = said || quote[j] == 0 && speechVerbs[ts.Word(j)]
	}
	if !said {
		return time.Time{}, false
	}
	if d, n := datesIn(out, es, quote, plo, phi); n == 1 {
		return d, true
	}
	return time.Time{}, false
}

// speechIn reports whether a verb of saying lies in tokens lo..hi.
func speechIn(ts toks, lo, hi int) bool {
	for j := max(lo, 0); j <= hi; j++ {
		if speechVerbs[ts.Word(j)] {
			return true
		}
	}
	return false
}

// datesIn returns the day of the placed day-precise expressions outside
// quotations within tokens lo..hi, and how many distinct days they give.
func datesIn(out []news.Time, es []expr, quote []int, lo, hi int) (time.Time, int) {
	day, n := "", 0
	for k, e := range es {
		if e.tok < lo || e.tok > hi || quote[e.tok] != 0 || !dayPrecise(e.kind) || e.generic || len(out[k].Value) < len(dayLayout) || strings.Contains(out[k].Value, "/") {
			continue
		}
		if v := out[k].Value[:len(dayLayout)]; v != day {
			day = v
			n++
		}
	}
	d, err := time.Parse(dayLayout, day)
	if err != nil {
		return time.Time{}, 0
	}
	return d, n
}

// openMark and closeMark report whether token j is a quotation's opening
// or closing mark.
func openMark(ts toks, j int) bool {
	return ts.Is(j, "“") || ts.Is(j, "\"") || ts.Is(j, "'") && ts.Is(j+1, "'")
}

func closeMark(ts toks, j int) bool {
	return ts.Is(j, "”") || ts.Is(j, "\"") || ts.Is(j, "'") && ts.Is(j-1, "'")
}

// countedVague reports whether the vague anchored count e has a count
// word ("a few months earlier", "several years later"), not a bare
// plural ("Years later"), which may lie any distance away.
func countedVague(ts toks, e expr) bool {
	_, bare := unitWords[ts.Word(e.tok)]
	return e.approx && !bare
}
