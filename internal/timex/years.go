package timex

import (
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/text"
)

// Years of yearless month-days and bare months.
//
// "June 19" and "in November" take their year from the verb that governs
// them (resolveOne, resolveMonth): a past verb places them before the
// reference, a future or present one after it. The governing search
// finds the nearest verb, which is not always the one whose time the date
// shares. The rules here correct the tense a yearless month-day or bare
// month takes in four linguistic cases before it is resolved (yearClauses,
// called by resolveAll); a sentence that states an earlier year is left
// to the tense in all four (earlierYearStated):
//
//   - A scheduled event's date inside a noun phrase ("the June 19 vote",
//     "the Republican primary on June 3") dates the event, not the
//     clause: a past verb the phrase only hangs on ("pushed for a delay
//     of the June 19 vote", "bought air time ahead of the Jan. 3
//     caucuses") says when the pushing or buying was, and the event may
//     lie on either side of the reference. Such a date takes the nearest
//     occurrence (nearestYear, dates before the reference preferred; a
//     bare month nearestMonthYear), not the past verb's: eventPhraseDate.
//   - A clause opened by "if", "unless", "before", "after", "until",
//     "once" or "when" whose own finite verb is a present ("before the
//     new Congress takes over in January", "if the party wins the seat
//     in November") speaks of the future: English puts such adverbial
//     clauses in the present for what is still to come. The verb the
//     governing search finds outside the clause ("needs to ... before",
//     "has emerged as the favourite ... if") does not date it:
//     presentAdverbialClause.
//   - A date in the complement of a noun of prospect ("a chance of
//     losing the seat in November", "their push for gains in
//     November") lies in what the noun looks forward to, after the time
//     of the clause that holds the noun. When that time is now (the
//     noun's verb is a present or a present perfect, "have strayed from
//     ... in their push for", or a stative past reported from a day of
//     the last week, "said on Monday that they had a chance of"), the
//     date lies ahead of the reference: prospectNow.
//   - A second predicate joined by "and" or "but" right after a time
//     expression ("The exhibit opened Wednesday and runs through Nov.
//     5") has its own tense: an "-s" form there is a present (a time
//     expression heads no noun phrase a plural noun could be joined
//     to), and it governs the date after it, not the first predicate's
//     past: coordinatedPresent.

// yearClauses corrects the tense of yearless month-days and bare months
// in the cases of this file, and places a bare month naming a scheduled
// event in its nearest year (nearestMonthYear). It changes exprs in
// place.
func yearClauses(ts toks, exprs []expr, ref time.Time, haveRef bool) {
	for k := range exprs {
		e := &exprs[k]
		if e.y != 0 || e.generic || e.wd != 0 || e.mod != 0 || e.kind != kDate && e.kind != kMonth {
			continue
		}
		if haveRef && earlierYearStated(exprs, e.sentence, ref) {
			continue // "In 2012, the union ran spots ahead of the Jan. 3 caucuses": that year's narrative
		}
		switch {
		case e.tense == TensePast && coordinatedPresent(ts, e.tok, exprs):
			e.tense, e.would = TensePresent, false
		case !e.tense.forward() && prospectNow(ts, e.tok, nowDated(exprs, e.sentence)):
			e.tense, e.would = TensePresent, false
		case !e.tense.forward() && presentAdverbialClause(ts, e.tok):
			// a present, not a future: a month-day more than half a
			// year ahead stays unresolved (maxAhead)
			e.tense, e.would = TensePresent, false
		case e.tense == TensePast && eventPhraseDate(ts, e.tok, e.end, e.kind):
			if e.kind == kDate {
				e.tense = TenseUnknown
			} else if haveRef {
				// "qualified for the December debate": the month's
				// nearest year, as a year stated with it ("this
				// December") would give
				e.mod, e.n = 2, nearestMonthYear(e.m, ref)-ref.Year()
			}
		}
	}
}

// nearestMonthYear is the year that puts month m nearest the reference's
// month, as nearestYear does for a month-day: a month after the
// reference's counts double its distance and none more than six months
// after it.
func nearestMonthYear(m int, ref time.Time) int {
	best, bestCost := ref.Year(), -1.0
	for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
		cost, ok := nearCost(float64(y*12+m-(ref.Year()*12+int(ref.Month()))), 6)
		if ok && (bestCost < 0 || cost < bestCost) {
			best, bestCost = y, cost
		}
	}
	return best
}

// nearCost is the cost nearestYear and nearestMonthYear give a candidate
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

// scheduledEvents are nouns of events set for a day ahead of time, whose
// date a noun phrase gives ("the June 19 vote", "the primary on June
// 3"). Nouns of what an event left behind ("report", "ruling", "speech")
// are not among them: their date lies before the text that cites them.
var scheduledEvents = map[string]bool{
	"election": true, "elections": true, "primary": true, "primaries": true, "vote": true,
	"voting": true, "ballot": true, "caucus": true, "caucuses": true, "runoff": true,
	"referendum": true, "debate": true, "debates": true, "hearing": true, "summit": true,
	"convention": true, "deadline": true,
}

// eventPhraseDate reports whether the yearless month-day or bare month
// (kind) at token i (ending at byte end) dates a scheduled event inside a
// noun phrase that the governing verb does not take as its own:
// attributive, right after a determiner and before the event noun ("the
// June 19 vote", "the Jan. 3 caucuses", "the December debate", at most
// two lower-case modifiers between), or after the noun and "on" ("the
// Republican Senate primary on June 3"; "in" for a month). The phrase
// hangs on a noun ("a postponement of"), an infinitive ("to postpone"),
// "ahead of" or a preposition of aim (aimPreps), or stands in an aside
// before the verb; not the direct object of the governing verb, nor the
// object of a preposition right after it ("won the Jan. 3 caucuses",
// "took part in the Dec. 8 referendum"), nor its subject ("The Dec. 8
// referendum drew few voters"): the verb's event is then the event
// itself, and its past dates it. A past perfect ("had qualified for the
// December debate") keeps the past narrative's time.
func eventPhraseDate(ts toks, i, end, kind int) bool {
	det := -1
	next := i
	for next < len(ts) && ts[next].Start < end {
		next++
	}
	prep := "on" // "the primary on June 3", "the primary in June"
	if kind == kMonth {
		prep = "in"
	}
	after := next // the first token after the phrase
	switch {
	case determiners[ts.Word(i-1)] && scheduledAfter(ts, next) >= 0:
		det, after = i-1, scheduledAfter(ts, next)+1
	case ts.Word(i-1) == prep && scheduledEvents[ts.Word(i-2)] && !ts[i-2].Upper:
		// "the Republican Senate primary on June 3": a determiner at
		// most three modifiers before the noun
		for k := i - 3; k >= i-6 && k >= 0 && ts.Kind(k) == text.LexWord; k-- {
			if determiners[ts.Word(k)] {
				det = k
				break
			}
		}
	}
	if det < 0 {
		return false
	}
	if _, verb := classify(ts, after); verb != "" {
		return false // "before the deadline on Oct. 1 passed": the subject of its own verb, which dates it
	}
	_, name, g := governing(ts, i)
	if pastPerfect(ts, name, g) {
		return false // "had fixed the budget before the vote in January": a past narrative's time
	}
	if g < 0 {
		return true
	}
	if g > det {
		// Before its clause's verb: in an aside ("Ann Lee, a hopeful in
		// the primary on June 3, toured"), a comma between, it names
		// the event only; as the verb's subject ("The Jan. 3 caucuses
		// drew record crowds") the verb tells of the event itself.
		for k := i; k < g; k++ {
			if ts.Is(k, ",") {
				return true
			}
		}
		return false
	}
	host := skipAdverbs(ts, det-1)
	if !nounPreps[ts.Word(host)] && !aimPreps[ts.Word(host)] && ts.Word(host) != "to" {
		// a verb's direct object: not the governing verb's own ("won
		// the Jan. 3 caucuses"), but an infinitive's ("wanted to
		// postpone the June 19 vote")
		return host != g && ts.Word(host-1) == "to"
	}
	if ts.Word(host) == "of" && (ts.Word(host-1) == "ahead" || ts.Word(host-1) == "advance" && ts.Word(host-2) == "in") || aimPreps[ts.Word(host)] {
		// "ahead of the Jan. 3 caucuses", "qualified for the December
		// debate": the event comes after the clause's time
		return true
	}
	return headNoun(ts, host-1) && host-1 != g
}

// headNoun reports whether token n is a lower-case noun heading a noun
// phrase: a determiner at most three words before it, nothing but
// lower-case words no tense rule claims between ("a postponement", "a
// candidate", "the first hopeful"). A phrase after it and a preposition
// post-modifies that noun ("a candidate in the primary on June 3"), not
// the verb ("took part in", "was low in").
func headNoun(ts toks, n int) bool {
	if ts.Kind(n) != text.LexWord || ts[n].Upper {
		return false
	}
	for k := n - 1; k >= n-3 && k >= 0; k-- {
		switch w := ts.Word(k); {
		case determiners[w]:
			return true
		case ts.Kind(k) != text.LexWord || ts[k].Upper || nounPreps[w]:
			return false
		}
		if _, name := classify(ts, k); name != "" {
			return false
		}
	}
	return false
}

// aimPreps take an event the clause's time comes before: "bought air
// time before the Jan. 3 caucuses", "qualified for the December debate".
var aimPreps = map[string]bool{"for": true, "before": true, "toward": true, "towards": true}

// scheduledAfter returns the token of a scheduled event's noun at token
// k, after at most two lower-case modifiers ("the June 19 special
// election"), else -1.
func scheduledAfter(ts toks, k int) int {
	for j := k; j < k+3; j++ {
		w := ts.Word(j)
		if w == "" || ts[j].Upper || ts.Kind(j) != text.LexWord {
			return -1
		}
		if scheduledEvents[w] {
			return j
		}
	}
	return -1
}

// futureOpeners open an adverbial clause whose present stands for the
// future ("if the party wins", "before the court rules").
var futureOpeners = map[string]bool{
	"if": true, "unless": true, "before": true, "after": true, "until": true, "till": true,
	"once": true, "when": true,
}

// habitual words make a present clause a habit ("when Congress returns
// in September each year"), not a future.
var habitual = map[string]bool{
	"each": true, "every": true, "usually": true, "typically": true, "often": true,
	"always": true, "normally": true, "generally": true, "traditionally": true,
}

// clauseReach bounds the words between the opener of an adverbial clause
// and the expression in it.
const clauseReach = 10

// presentAdverbialClause reports whether the expression at token i
// stands in an adverbial clause of condition or time whose own finite
// verb is a present, after it in the clause: "before the 112th Congress
// takes over in January", "if Democrats win the seat in November". The
// opener must stand at most clauseReach words before the expression with
// no comma, semicolon or break between; the clause's verb is a
// lower-case word right after its subject, a name or a subject pronoun
// ("Congress takes", "Democrats win", "she leaves"), in the present form
// ("-s" after a singular subject, the base form after a plural one); no
// past, perfect or modal form may stand in the clause ("if Democrats won
// in November", "before the vote had ended"), and no word of habit in
// the sentence ("when Congress returns in September each year").
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
		if futureOpeners[ts.Word(j)] && !ts[j].Upper {
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
		w := ts.Word(j)
		if t, name := classify(ts, j); name != "" && t != TensePresent || w == "had" || w == "did" {
			return false // "if Democrats had won", "before the vote would"
		}
		if presentAfterSubject(ts, j) {
			verb = true
		}
	}
	if !verb {
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

// presentAfterSubject reports whether token j is a present finite verb
// right after its subject: an "-s" form after a name or "he|she|it"
// ("Congress takes", "she leaves"), a base form after a plural name or
// "I|we|you|they" ("Democrats win", "they agree").
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

// prospectNouns look forward to an event their complement names ("a
// chance of losing", "their push for gains", "hopes of winning").
var prospectNouns = map[string]bool{
	"chance": true, "chances": true, "odds": true, "risk": true, "hope": true, "hopes": true,
	"prospect": true, "prospects": true, "possibility": true, "likelihood": true,
	"danger": true, "push": true, "bid": true, "drive": true, "quest": true,
}

// prospectReach bounds the words between a noun of prospect and the date
// in its complement.
const prospectReach = 12

// reportVerbs report speech or thought: a stative past in the clause
// they take ("said that they had a chance") is the present of the day
// they were spoken.
var reportVerbs = map[string]bool{
	"said": true, "told": true, "says": true, "predicted": true, "warned": true, "argued": true,
	"suggested": true, "acknowledged": true, "conceded": true, "estimated": true,
}

// prospectNow reports whether the yearless date at token i stands in the
// complement of a noun of prospect ("chance of", "push for": the noun,
// then "of" or "for", at most prospectReach words before the date, no
// comma, semicolon or break between) whose clause is dated now: its
// verb is a present or a present perfect, or a stative past ("had",
// "was", "were") in the clause a verb of saying takes when the sentence
// holds a day of the last week or "today" or "yesterday" (now, which
// nowDated reports). A past event verb ("lost his bid for a second term
// in November") dates the prospect's end, and keeps its tense.
func prospectNow(ts toks, i int, now bool) bool {
	n := -1
	for j, seen := i-1, 0; j > 0 && seen < prospectReach; j-- {
		if ts[j].Kind == text.LexBreak || ts.Is(j, ",") || ts.Is(j, ";") {
			return false
		}
		if ts[j].Kind != text.LexWord {
			continue
		}
		seen++
		if w := ts.Word(j); (w == "of" || w == "for") && prospectNouns[ts.Word(j-1)] && !ts[j-1].Upper {
			n = j - 1
			break
		}
	}
	if n < 0 {
		return false
	}
	t, name, g := governing(ts, n)
	switch {
	case g < 0 || g > n:
		return false
	case t == TensePresent || presentPerfect(ts, name, g):
		return true
	case !now || t != TensePast:
		return false
	}
	if w := ts.Word(g); w != "had" && w != "was" && w != "were" {
		return false
	}
	for k := g - 1; k >= 0 && ts[k].Kind != text.LexBreak; k-- {
		if ts.Word(k) == "that" {
			for r := k - 1; r >= 0 && ts[r].Kind != text.LexBreak; r-- {
				if reportVerbs[ts.Word(r)] {
					return true
				}
			}
			return false
		}
	}
	return false
}

// nowDated reports whether sentence s holds a day of the last week: a
// bare weekday or "last WEEKDAY", "today", "yesterday".
func nowDated(exprs []expr, s int) bool {
	for _, o := range exprs {
		if o.sentence != s || o.generic {
			continue
		}
		if o.kind == kWeekday && o.mod != 1 && !o.tense.forward() || o.kind == kDayOffset && (o.n == 0 || o.n == -1) {
			return true
		}
	}
	return false
}

// coordinatedPresent reports whether the date at token i follows a
// present "-s" form that opens a second predicate right after a time
// expression and "and" or "but" ("opened Wednesday and runs through Nov.
// 5"): at most three words between the verb and the date, none a verb
// and no comma; the verb lower-case and no time word itself ("Monday and
// Tuesdays").
func coordinatedPresent(ts toks, i int, exprs []expr) bool {
	for j, seen := i-1, 0; j > 1 && seen < 4; j-- {
		if ts[j].Kind == text.LexBreak || ts.Is(j, ",") || ts.Is(j, ";") {
			return false
		}
		if ts[j].Kind != text.LexWord {
			continue
		}
		seen++
		w := ts.Word(j)
		if c := ts.Word(j - 1); (c == "and" || c == "but") && sForm(w) && !ts[j].Upper && !timeWord(w) {
			return endsExpr(ts, j-2, exprs)
		}
		if _, name := classify(ts, j); name != "" {
			return false
		}
	}
	return false
}

// timeWord reports whether w is a weekday, a month or a unit of time
// ("Tuesdays", "weeks"), which may be joined to a time expression as a
// noun.
func timeWord(w string) bool {
	_, day := text.Weekday(w)
	_, unit := unitWords[w]
	return day || unit || text.IsMonth(w)
}

// endsExpr reports whether token k is the last token of one of exprs.
func endsExpr(ts toks, k int, exprs []expr) bool {
	if k < 0 {
		return false
	}
	for _, o := range exprs {
		if o.end == ts[k].End {
			return true
		}
	}
	return false
}

// pastPerfect reports whether the governing token g, claimed by the rule
// named name, is a past perfect: "had" opening it ("had fixed") or its
// participle after "had" ("fixed" in "had already fixed").
func pastPerfect(ts toks, name string, g int) bool {
	switch {
	case g < 0:
		return false
	case name == "perfect":
		return ts.Word(g) == "had"
	case name == "past-form" && ts.Word(g) != "had":
		// a participle after "had"; "had" itself as a past form is the
		// main verb ("they had a vote"), the perfect rule claiming
		// the auxiliary first
		return ts.Word(skipAdverbs(ts, g-1)) == "had"
	}
	return false
}

// earlierYearStated reports whether sentence s states a year before the
// reference's ("In 2012", "in March 2012", "the 2012 race"): the sentence
// narrates from that year, and what its clauses look forward to may lie
// before the reference; the rules of this file leave its dates to the
// tense.
func earlierYearStated(exprs []expr, s int, ref time.Time) bool {
	for _, o := range exprs {
		if o.sentence == s && o.y != 0 && o.y < ref.Year() && (o.kind == kYear || o.kind == kMonth || o.kind == kDate) {
			return true
		}
	}
	return false
}
