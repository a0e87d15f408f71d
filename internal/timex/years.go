package timex

import (
	"sort"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/text"
)

// Years of yearless month-days and bare months.
//
// resolveOne and resolveMonth give "June 19" and "in November" the year
// their governing verb's tense implies: before the reference for a past
// verb, after it for a present or future one. That verb is the nearest
// one the tense search finds, and in the cases below it is not the verb
// whose time the date shares. yearClauses adjusts the tense of such a date
// before resolution; a sentence stating a year before the reference's
// keeps the plain tense (earlierYearSentences).
//
// Every case here is narrow on purpose. A date placed a year off is the
// worst error a reader meets, and news often names past events of eight
// to twelve months back ("after the Nov. 6 election") in the same shapes
// these cases read. Where a shape fits both, the cases stand aside; an
// event's date in a noun phrase ("a delay of the Nov. 6 election") is
// left to its verb for that reason.
//
//   - Present adverbial clauses: a clause of condition or time ("if",
//     "unless", "until", "before", ...) with a present finite verb of its
//     own stands for the future ("unless Lee objects in June"), when the
//     main clause's finite verb is a present or future (or, before a
//     conjunction that takes no noun phrase, a present perfect)
//     (presentAdverbialClause).
//   - Coordinated presents: a second predicate opened by a present verb
//     of duration ("lasts", "stays") after "and" or "but" and a time
//     expression ("closed Monday and stays shut until May 2") is a
//     present of its own; when it reaches the date ("until", "through")
//     and no verb follows the date in its clause, the date lies ahead
//     (coordinatedPresent).

// yearClauses adjusts, in place, the tense of the yearless month-days and
// bare months of exprs that one of this file's cases covers. A bare month
// a case turns ahead of the reference by more than maxAhead is left
// unplaced: the case is not sure enough to carry it that far.
func yearClauses(ts toks, exprs []expr, ref time.Time, haveRef bool) {
	var earlier map[int]bool // sentences that state an earlier year, once needed
	for k := range exprs {
		e := &exprs[k]
		if e.y != 0 || e.generic || e.wd != 0 || e.mod != 0 || e.kind != kDate && e.kind != kMonth {
			continue
		}
		if haveRef && earlier == nil {
			earlier = earlierYearSentences(exprs, ref)
		}
		if haveRef && earlier[e.sentence] {
			continue // a narrative told from that year
		}
		switch {
		case e.tense == TensePast && coordinatedPresent(ts, e.tok, e.end, exprs):
		case !e.tense.forward() && presentAdverbialClause(ts, e.tok):
		default:
			continue
		}
		// A present, not a future: resolveOne leaves a month-day more
		// than maxAhead ahead unresolved, and the same bound holds here
		// for a bare month.
		e.tense, e.would = TensePresent, false
		if e.kind == kMonth && haveRef && resolveMonth(*e, ref).Sub(ref) > maxAhead {
			e.unplaced = true
		}
	}
}

// nearCost is the cost nearestYear gives a candidate
// diff units after the reference (before it when negative): its
// distance, doubled after the reference, where news less often looks;
// ok is false more than limit units after it.
func nearCost(diff, limit float64) (cost float64, ok bool) {
	switch {
	case diff <= 0:
		return -diff, true
	case diff > limit:
		return 0, false
	}
	return 2 * diff, true
}

// timeOpeners open an adverbial clause of time. With the deferring
// conjunctions and the conditionals they open the clauses whose present
// stands for the future ("before the court rules", "if the party wins").
var timeOpeners = map[string]bool{"before": true, "after": true, "when": true}

// habitual words make a present clause a habit, not a future: the
// "when Lee travels" of "sleeps badly when Lee travels in May each year".
var habitual = map[string]bool{
	"each": true, "every": true, "usually": true, "typically": true, "often": true,
	"always": true, "normally": true, "generally": true, "traditionally": true,
}

// clauseReach bounds the words between the opener of an adverbial clause
// and the expression in it.
const clauseReach = 10

// presentAdverbialClause reports whether the expression at token i
// stands in an adverbial clause of condition or time whose own finite
// verb is a present ("unless the board agrees in June", "until the mill
// reopens on May 2") and whose main clause's finite verb is a present or
// a future (mainNotPast). The opener stands at most clauseReach words before
// the expression, no comma, semicolon or break between; the clause's verb
// is a lower-case word right after its subject (presentAfterSubject);
// no other verb form stands in the clause ("if the board agreed in
// June", "before the vote had ended"), and no word of habit in the
// sentence ("when the board meets in June each year").
func presentAdverbialClause(ts toks, i int) bool {
	open := -1
	for j, seen := i-1, 0; j >= 0 && seen < clauseReach; j-- {
		if ts[j].Kind == text.LexBreak || ts.Is(j, ",") || ts.Is(j, ";") || ts.Is(j, ":") {
			return false
		}
		if ts[j].Kind != text.LexWord {
			continue
		}
		seen++
		if w := ts.Word(j); deferring[w] || conditionals[w] || timeOpeners[w] {
			open = j
			break
		}
	}
	if open < 0 {
		return false
	}
	verb := false
	for j := open + 1; j < i; j++ {
		if ts[j].Kind != text.LexWord {
			continue
		}
		if t, name := classify(ts, j); name != "" && t != TensePresent {
			return false
		}
		if presentAfterSubject(ts, j) {
			verb = true
		}
	}
	if !verb || !mainNotPast(ts, open, clauseOnly(ts.Word(open))) {
		return false
	}
	for j := i; j >= 0 && ts[j].Kind != text.LexBreak; j-- {
		if habitual[ts.Word(j)] {
			return false
		}
	}
	for j := i + 1; j < len(ts) && ts[j].Kind != text.LexBreak; j++ {
		if habitual[ts.Word(j)] {
			return false
		}
	}
	return true
}

// mainNotPast reports whether the main clause of the adverbial clause
// opened at token open has a finite verb that is a
// present or a future, or a present perfect when perfect is set: the
// first verb form of the sentence before the opener, skipping a verb
// right after a relative pronoun ("Lee, who leads the party, resigned
// after ...": tense.go's relatives) and a verb between two commas (an
// aside). A past verb in such an aside ("Shares remain weak, analysts
// said, after ...") tells of a report of the event: the case stands
// aside. A past main verb ("Stocks slumped after ...", "The vote was put
// off until ...", "Sales have slumped after ...") dates the clause's event
// too, and a word the clause's verb test took for a present ("after China
// worries") is then more likely a noun. No verb before the opener (a
// clause that opens the sentence) is no evidence: the case stays out.
func mainNotPast(ts toks, open int, perfect bool) bool {
	start := open
	for start > 0 && ts[start-1].Kind != text.LexBreak {
		start--
	}
	aside := make([]bool, open-start)
	last := -1
	for j := start; j < open; j++ {
		if !ts.Is(j, ",") {
			continue
		}
		for k := last + 1; last >= 0 && k < j; k++ {
			aside[k-start] = true
		}
		last = j
	}
	for j := start; j < open; j++ {
		if !aside[j-start] {
			continue
		}
		if t, name := classify(ts, j); name != "" && t == TensePast && !presentPerfect(ts, name, j) {
			return false
		}
	}
	for j := start; j < open; j++ {
		if aside[j-start] || relatives[ts.Word(j-1)] {
			continue
		}
		t, name := classify(ts, j)
		if name == "" {
			continue
		}
		if presentPerfect(ts, name, j) {
			return perfect
		}
		return t != TensePast
	}
	return false
}

// clauseOnly reports whether the opener w takes a clause only ("if",
// "unless", "once", "when"), not a noun phrase as "after", "before" and
// "until" do: after it, a word following a name is a verb ("if Greens
// win"), never the head of a noun phrase ("after Apple launches").
func clauseOnly(w string) bool {
	return conditionals[w] || w == "once" || w == "when"
}

// presentAfterSubject reports whether token j is a present finite verb
// right after its subject: an "-s" form after a name or "he|she|it"
// ("Lee objects", "she leaves"), a base form after a plural name or
// "I|we|you|they" ("Greens block", "they agree").
func presentAfterSubject(ts toks, j int) bool {
	w := ts.Word(j)
	if ts[j].Upper || len(w) < 2 || notVerbs[w] || objectStarts[w] || determiners[w] || nounPreps[w] || regularPast(w) || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") {
		return false
	}
	if ts.Kind(j-1) != text.LexWord {
		return false
	}
	s := ts.Word(j - 1)
	switch {
	case thirdPronouns[s] || ts[j-1].Upper && !sForm(s):
		return sForm(w)
	case plainPronouns[s] || ts[j-1].Upper && sForm(s):
		return !strings.HasSuffix(w, "s")
	}
	return false
}

// durativeVerbs are the present "-s" forms of verbs of duration: a
// state or activity that goes on over a span ("stays shut until", "runs
// through"). After "and" or "but" another "-s" word is as often a plural
// noun joined to the object before it ("sold bonds on Monday and shares
// through Sept. 30"); these words open a second predicate far more often.
var durativeVerbs = map[string]bool{
	"lasts": true, "runs": true, "continues": true, "stays": true, "remains": true,
	"extends": true, "goes": true, "keeps": true, "stretches": true,
}

// coordinatedPresent reports whether the date at token i, ending at byte
// end, follows a verb of duration (durativeVerbs) that opens a second
// predicate right after a time expression and "and" or "but" ("closed
// Monday and stays shut until May 2"), a preposition of reachPreps right
// before the date: at most three words between the verb and the date,
// none a verb and no comma. A verb after the date in its clause ("and
// runs in August drained its rivals") makes the "-s" word a plural noun,
// the subject of that verb.
func coordinatedPresent(ts toks, i, end int, exprs []expr) bool {
	for j, seen := i-1, 0; j > 1 && seen < 4; j-- {
		if ts[j].Kind == text.LexBreak || ts.Is(j, ",") || ts.Is(j, ";") {
			return false
		}
		if ts[j].Kind != text.LexWord {
			continue
		}
		seen++
		w := ts.Word(j)
		if c := ts.Word(j - 1); (c == "and" || c == "but") && durativeVerbs[w] {
			return reachPreps[ts.Word(i-1)] && endsExpr(ts, j-2, exprs) && !verbAfter(ts, end)
		}
		if _, name := classify(ts, j); name != "" {
			return false
		}
	}
	return false
}

// reachPreps end a span at the date after them ("stays shut through Nov. 8",
// "continues into the spring"): a present state that reaches a date
// reaches it ahead of now. A present that only names a date ("and
// centres on the Nov. 8 primary") may tell of a past one. They are
// the end edges of edgePreps, with "into"; a start edge ("runs from")
// may lie behind now.
var reachPreps = map[string]bool{"through": true, "until": true, "till": true, "into": true}

// verbAfter reports whether a verb form, or a lower-case word ending in
// "-ed", stands after byte end in its clause (up to a comma, semicolon or
// break).
func verbAfter(ts toks, end int) bool {
	for j := sort.Search(len(ts), func(j int) bool { return ts[j].Start >= end }); j < len(ts); j++ {
		if ts[j].Kind == text.LexBreak || ts.Is(j, ",") || ts.Is(j, ";") {
			return false
		}
		if _, name := classify(ts, j); name != "" || !ts[j].Upper && regularPast(ts.Word(j)) {
			return true
		}
	}
	return false
}

// endsExpr reports whether token k is the last token of one of exprs.
func endsExpr(ts toks, k int, exprs []expr) bool {
	if k < 0 {
		return false
	}
	// exprs are in token order and do not overlap: only the last one
	// starting at or before token k can end there.
	j := firstAt(exprs, k+1) - 1
	return j >= 0 && exprs[j].end == ts[k].End
}

// earlierYearSentences returns the sentences that state a year before the
// reference's ("In 2012", "in March 2012", "the 2012 race", "last year",
// "two years ago"), in one pass over exprs: such a sentence narrates
// from that year, and what its clauses look forward to may lie before
// the reference; the rules of this file leave its dates to the tense.
func earlierYearSentences(exprs []expr, ref time.Time) map[int]bool {
	earlier := map[int]bool{}
	for _, o := range exprs {
		if o.kind == kUnitRel && o.unit == uYear && o.mod == -1 || o.kind == kAgo && o.unit >= uYear {
			earlier[o.sentence] = true // "last year", "a year ago"
		}
		if o.y != 0 && o.y < ref.Year() && (o.kind == kYear || o.kind == kMonth || o.kind == kDate) {
			earlier[o.sentence] = true
		}
	}
	return earlier
}
