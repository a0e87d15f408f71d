package timex

import (
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/text"
)

// A past verb places a yearless month-day in the past: "the storm that
// hit the coast on Nov. 3", in an October article, is last year's. That
// is right when the date is the time of the verb's own event. It is
// wrong when the date belongs to a forward-looking construction that the
// past verb only introduces: a term ("declared a dividend, payable
// Dec. 7 to holders of record Nov. 22", "effective Dec. 1", "a Dec. 20
// deadline"), a limit ("canceled all flights through Feb. 2", "gave
// residents until Sept. 30", "postponed the festival to June 20"), or a
// plan, request or commitment that looks ahead of its verb ("asked the
// court to schedule sentencing for Aug. 28", "said it will redeem the
// shares on Oct. 31", "was to expire April 30"). Such a date, when it
// lies just ahead of the reference in the reference's own year, stays
// there (soonThisYear): news gives a date of the current year without
// its year, so read back it would be ten months old or more with no year
// given. Further ahead, or across the new year, the past reading stands
// (forward-looking complements a year off were the misfires of the rule
// docs/timex-rules-tml.md took out).

// pastAhead is how far after the reference a yearless month-day of the
// reference's own year stays under a past verb when a forward-looking
// construction holds it (two months; a bare month: at most two months
// after the reference's, in its year, resolveMonth).
const pastAhead = 62 * 24 * time.Hour

// soonThisYear reports whether d, a placement after ref, is at most
// pastAhead after it and in its year.
func soonThisYear(d, ref time.Time) bool {
	return d.Year() == ref.Year() && !d.After(ref.Add(pastAhead))
}

var (
	// termWords name a term a date sets: the date a payment, a rule or
	// an obligation falls due, or a list closes ("payable Nov. 14",
	// "holders of record Oct. 31", "effective Dec. 1", "due Sept. 15",
	// "expiring Jan. 31", "a deadline of Nov. 15").
	termWords = map[string]bool{
		"payable": true, "effective": true, "due": true, "deadline": true,
		"expiring": true, "maturing": true,
	}
	// termNouns heading the noun phrase a date modifies make it a
	// term's ("a Dec. 20 deadline", "a Jan. 14 return date").
	termNouns = map[string]bool{"deadline": true, "date": true}
	// limitPreps give the end of a span that runs on from the verb's
	// time ("through Feb. 2", "until Sept. 30").
	limitPreps = map[string]bool{"until": true, "till": true, "through": true}
	// retimingVerbs move an event to another day: their "to" names the
	// new one ("postponed the festival to June 20", "was moved to Oct.
	// 6", "extended the offer to May 15").
	retimingVerbs = map[string]bool{
		"postponed": true, "moved": true, "extended": true, "delayed": true, "deferred": true,
		"pushed": true, "rescheduled": true, "adjourned": true,
	}
	// arrangedWords before "for" give the day an event is arranged for
	// ("was set for May 2", "scheduled sentencing for Aug. 28"), even in
	// a passive past.
	arrangedWords = map[string]bool{
		"set": true, "scheduled": true, "slated": true, "planned": true, "rescheduled": true,
	}
	// aheadVerbs take an infinitive that looks ahead of them: requests
	// and orders ("asked it to respond by Oct. 31", "was ordered to appear
	// on June 12"). Verbs of plan or commitment ("agreed to", "decided
	// to") are left out: a past account tells plans that were carried out
	// ("he agreed to meet the informant on Nov. 6 at a gas station").
	// "was|were" right before "to" does too ("which was to expire April
	// 30"), not with a word between ("was able to", "was used to").
	aheadVerbs = map[string]bool{
		"asked": true, "told": true, "ordered": true, "urged": true, "invited": true,
		"called": true, "expected": true, "directed": true, "required": true,
		"summoned": true, "subpoenaed": true,
	}
	// limitVerbs impose, extend or suspend something up to a day: their
	// limit is a term set ahead ("canceled all flights through Feb. 2",
	// "gave residents until Sept. 30"), where a past activity's limit
	// ends a span that may be over ("searched the rubble until Nov. 9").
	limitVerbs = map[string]bool{
		"extended": true, "suspended": true, "closed": true, "canceled": true, "cancelled": true,
		"froze": true, "frozen": true, "grounded": true, "gave": true, "given": true,
		"granted": true, "allowed": true, "banned": true, "barred": true, "halted": true,
		"delayed": true, "postponed": true, "deferred": true, "adjourned": true, "ordered": true,
		"funded": true, "had": true, "has": true, "have": true, "lowered": true, "shut": true,
		"paused": true, "blocked": true,
	}
	// doneVerbs say that a term was met, missed or reached ("paid the
	// dividend, which was payable Sept. 30", "missed a deadline of Nov.
	// 1", "became effective Nov. 1").
	doneVerbs = map[string]bool{
		"paid": true, "missed": true, "became": true, "expired": true, "lapsed": true,
	}
	// contrasts end what a date's sentence tells of its event: a clause
	// after them may say the plan fell through ("was to begin Nov. 2,
	// but the judge fell ill").
	contrasts = map[string]bool{"but": true, "yet": true, "although": true, "though": true}
	// clockWords may stand between a date and the word before it ("due
	// by 5 p.m. EST Nov. 9", "payable on Dec. 7").
	clockWords = map[string]bool{
		"on": true, "by": true, "of": true, "at": true, "a": true, "m": true, "p": true,
		"noon": true, "midday": true, "midnight": true, "est": true, "edt": true, "et": true, "gmt": true,
	}
)

// forwardCue reports whether the yearless month-day at token i belongs to
// a forward-looking construction in its clause (the package comment
// above), and nothing in its sentence says the dated event is over:
//   - the construction: a term word before the date ("payable", "due",
//     "of record"), a limit preposition after a verb that imposes,
//     extends or suspends (limitVerbs: "canceled all flights through
//     Feb. 2", not "searched the rubble until Nov. 9"), "to" after a verb
//     that moves events, "for" after "set" or "scheduled", a term noun
//     heading the date's noun phrase ("a Dec. 20 deadline"), or, between
//     the governing verb and the date, a modal or an infinitive after a
//     verb of request or order;
//   - over: a time before the publication stated in its sentence ("In
//     2025", "a year ago", "last November": pastTimeStated), a negation
//     in the date's clause ("did not disclose it until Nov. 15", "It was
//     not until Nov. 9 that"), a verb of a term met or missed before it
//     ("missed a deadline of Nov. 1"), or a past verb after it in its
//     sentence other than a verb of saying (reportVerbs: "the agency
//     said"): "postponed to Nov. 9, and the measure passed"; a contrast
//     ends that search ("was to begin Nov. 2, but the judge fell ill").
func forwardCue(ts toks, i int) bool {
	_, _, j := governing(ts, i)
	return !eventOver(ts, i, j) && forwardHold(ts, i, j)
}

// retimedCue reports whether the weekday at token i is the new day of an
// event moved in time ("postponed the vote until Tuesday", "adjourned the
// hearing to Monday"): the object of "until", "till" or "to" after a
// verb that moves events, with nothing in its sentence saying the event
// is over (eventOver: "postponed until Tuesday, when it passed"). The
// new day comes after the verb's act, so the weekday is the coming one.
func retimedCue(ts toks, i int) bool {
	_, _, j := governing(ts, i)
	if ts.Word(i-1) == "for" {
		// "set a vote for Friday", "scheduled the hearing for
		// Monday": the arranging verb, at most four words before
		// "for", whether or not the tense search read it.
		for k := i - 2; k >= 0 && k >= i-6 && ts.Kind(k) == text.LexWord; k-- {
			if arrangedWords[ts.Word(k)] {
				j = k
				break
			}
		}
	}
	if j < 0 {
		return false
	}
	switch v := ts.Word(j); ts.Word(i - 1) {
	case "until", "till":
		if !movingVerbs[v] {
			return false
		}
	case "to":
		if !movingVerbs[v] && v != "moved" && v != "pushed" {
			return false
		}
	case "for":
		if !arrangedWords[v] || weekdayModifies(ts, i) {
			return false // "set a vote for Friday": the day it was set for; not "set aside time for Friday prayers"
		}
	default:
		return false
	}
	if eventOver(ts, i, j) {
		return false
	}
	// A weekday's past is days back, not a year, so more of the
	// sentence must agree: no other day named before it ("On Friday,
	// the council postponed the vote until Monday"), no past verb but
	// one of saying before the moving verb ("beat the Rams in a game
	// that was moved to Tuesday"), no past verb after it even past a
	// contrast ("extended the search to Sunday but found no one").
	lo, hi := sentenceWindow(ts, i)
	for k := lo; k < i; k++ {
		if _, day := text.Weekday(ts.Word(k)); day && ts[k].Upper || k < j && pastVerbAt(ts, k) {
			return false
		}
	}
	for k := i + 1; k <= hi; k++ {
		if pastVerbAt(ts, k) {
			return false
		}
	}
	return true
}

// weekdayModifies reports whether the weekday at token i (and its part
// of the day) stands before a lowercase noun it modifies ("Friday
// prayers", "Sunday attendance"), not as a time of its own.
func weekdayModifies(ts toks, i int) bool {
	k := i + 1
	if dayParts[ts.Word(k)] {
		k++
	}
	w := ts.Word(k)
	if w == "" || ts[k].Upper {
		return false
	}
	return !nounPreps[w] && !coordinators[w] && !clauseOpeners[w] && !afterWeekday[w]
}

// afterWeekday are words that may follow a weekday that is a time of its
// own ("for Friday to discuss", "for Friday after the recess").
var afterWeekday = map[string]bool{
	"to": true, "after": true, "before": true, "as": true, "unless": true, "until": true,
	"so": true, "because": true, "while": true,
}

// pastVerbAt reports whether token k is a past verb other than one of
// saying.
func pastVerbAt(ts toks, k int) bool {
	t, name := classify(ts, k)
	return t == TensePast && name != "" && !reportVerbs[ts.Word(k)]
}

// movingVerbs only move an event to another day: their "until" is its
// new day ("postponed the vote until Tuesday"), where "delayed" or
// "extended" until a day may tell a span that has ended ("heavy snow
// delayed mail delivery until Tuesday").
var movingVerbs = map[string]bool{
	"postponed": true, "adjourned": true, "deferred": true, "rescheduled": true,
}

// sentenceReach bounds how far the rules of this file and holidays.go
// read from an expression into its sentence, in tokens either way: news
// sentences are shorter, and a run-on text without sentence breaks must
// cost in proportion to its length, not its square.
const sentenceReach = 60

// sentenceWindow returns the first and last tokens of the sentence
// holding token i, at most sentenceReach tokens from it.
func sentenceWindow(ts toks, i int) (lo, hi int) {
	lo, hi = i, i
	for lo > 0 && lo > i-sentenceReach && ts[lo-1].Kind != text.LexBreak {
		lo--
	}
	for hi < len(ts)-1 && hi < i+sentenceReach && ts[hi+1].Kind != text.LexBreak {
		hi++
	}
	return lo, hi
}

// eventOver reports whether the sentence of the date or weekday at token
// i, j its governing verb (-1 for none), says its event is over
// (forwardCue's second list).
func eventOver(ts toks, i, j int) bool {
	lo, hi := sentenceWindow(ts, i)
	for k := lo; k < i; k++ {
		w := ts.Word(k)
		if doneVerbs[w] {
			return true
		}
		// A negation counts in the date's own clause, from just before
		// its verb ("did not disclose it until Nov. 15"), not in another
		// ("the bid didn't offer enough, and gave it until mid-November").
		if (w == "not" || w == "never" || w == "t" && ts.Is(k-1, "'")) && (j < 0 || k >= j-3) {
			return true
		}
	}
	if pastTimeStated(ts, lo, hi, i) {
		return true
	}
	for k := i + 1; k <= hi; k++ {
		if contrasts[ts.Word(k)] {
			break
		}
		if k == j && frontedTerm(ts, lo, i, j) {
			continue // the governing verb itself, after a fronted term ("By setting a Jan. 14 return date, the agency allowed ...")
		}
		if pastVerbAt(ts, k) || sameFormVerbs[ts.Word(k)] && (ts.Is(k-1, ",") || ts.Word(k-1) == "and") {
			return true
		}
	}
	return false
}

// frontedTerm reports whether the date at token i stands in a phrase
// that opens its sentence (at token lo) and ends with a comma before its
// governing verb at token j: "By setting a Jan. 14 return date, the
// agency allowed ...", "Facing a Jan. 14 deadline, the company filed
// ...". The verb after the comma then tells what was done about the
// term, not that its day is over; a phrase opened by "after",
// "following", "since" or "by" before a noun ("By the Jan. 14 deadline,
// 3,000 people applied") places the verb's event on or after the day,
// which is then over.
func frontedTerm(ts toks, lo, i, j int) bool {
	if j <= i {
		return false
	}
	comma := false
	for k := i + 1; k < j; k++ {
		if ts.Is(k, ",") {
			comma = true
			break
		}
	}
	if !comma {
		return false
	}
	if ts.Is(lo+1, ",") && (sentenceAdverbs[ts.Word(lo)] || strings.HasSuffix(ts.Word(lo), "ly")) {
		lo += 2 // "Moreover, by setting a Jan. 14 return date, the agency allowed ..."
	}
	for k := lo; k < i; k++ {
		if ts.Is(k, ",") {
			return false // the date is not in the opening phrase
		}
	}
	switch ts.Word(lo) {
	case "after", "following", "since":
		return false
	case "by":
		return strings.HasSuffix(ts.Word(lo+1), "ing")
	}
	return true
}

// sentenceAdverbs may open a sentence before a fronted phrase, a comma
// after them ("Moreover, by setting ...").
var sentenceAdverbs = map[string]bool{
	"moreover": true, "however": true, "meanwhile": true, "still": true, "also": true,
	"instead": true, "then": true, "now": true, "yet": true, "indeed": true, "thus": true,
}

// sameFormVerbs have one form for past and present ("hurt", "cost"); one
// opening a predicate after the date ("was extended through November and
// cost farmers millions") most likely tells what followed, so the event
// is over.
var sameFormVerbs = map[string]bool{
	"hurt": true, "cost": true, "hit": true, "cut": true, "spread": true, "put": true,
	"set": true, "shut": true, "beat": true, "let": true, "quit": true, "split": true,
}

// forwardHold reports whether a forward-looking construction holds the
// date at token i, j its governing verb (forwardCue).
func forwardHold(ts toks, i, j int) bool {
	// The words right before the date, back to its preposition.
	for k := i - 1; k >= 0 && k >= i-6 && k > j; k-- {
		if ts[k].Kind == text.LexBreak || ts.Is(k, ";") {
			break
		}
		w := ts.Word(k)
		switch {
		case termWords[w], w == "record" && ts.Word(k-1) == "of":
			return true
		case limitPreps[w]:
			if j >= 0 && limitVerbs[ts.Word(j)] {
				return true
			}
		case w == "to" && j >= 0 && retimingVerbs[ts.Word(j)]:
			return true
		case w == "for" && (arrangedWords[ts.Word(k-1)] || j >= 0 && arrangedWords[ts.Word(j)]):
			return true // "the strike vote was set for May 2", "set a vote for May 2"
		case ts[k].Kind == text.LexNum || ts.Is(k, ".") || ts.Is(k, ",") || ts.Is(k, "-") || clockWords[w] || w == "mid" || w == "early" || w == "late":
			continue // "due by 5 p.m. EST Nov. 9", "until mid-November"
		}
		break
	}
	// A term noun heading the date's noun phrase ("a Jan. 14 return
	// date"): the month, its day and at most one word between.
	for k := i + 1; k < len(ts) && k <= i+5; k++ {
		if ts[k].Kind == text.LexBreak || ts.Is(k, ",") || ts.Is(k, ";") {
			break
		}
		if termNouns[ts.Word(k)] {
			return true
		}
		if ts.Kind(k) == text.LexWord && !text.IsDateAbbrev(ts.Word(k)) && ts.Kind(k-1) == text.LexWord && !text.IsMonth(ts.Word(k-1)) && !text.IsDateAbbrev(ts.Word(k-1)) {
			break // two words past the date: no longer its noun phrase
		}
	}
	if j < 0 {
		return false
	}
	// Between the governing verb and the date: a modal, or an
	// infinitive after a verb of request, plan or commitment.
	for k := j + 1; k < i; k++ {
		switch w := ts.Word(k); {
		case w == "will" || w == "would" || w == "shall" || w == "ll":
			return true
		case w == "to" && ts.Kind(k+1) == text.LexWord && !ts[k+1].Upper && !determiners[ts.Word(k+1)]:
			if b := ts.Word(k - 1); b == "was" || b == "were" {
				return true
			}
			for b := k - 1; b >= j && b >= k-3; b-- {
				if aheadVerbs[ts.Word(b)] {
					return true
				}
			}
		}
	}
	return false
}

// pastTimeStated reports whether tokens lo..hi of the sentence holding
// the date at token i state a time before the publication: a year ("In
// 2025", "the 2025 season"), "ago", "that year", "at the time", or
// "last", "previous" or "prior" before a unit, a season or a month ("a
// year ago", "Last November", "the previous season"). Its narrative is then set back, and a date just
// ahead is likely that earlier year's.
func pastTimeStated(ts toks, lo, hi, i int) bool {
	for k := lo; k <= hi; k++ {
		if k == i {
			continue
		}
		if _, year := yearAt(ts, k); year {
			return true
		}
		w := ts.Word(k)
		switch {
		case w == "ago":
			return true
		case w == "that" && ts.Word(k+1) == "year", w == "at" && (ts.Word(k+1) == "the" || ts.Word(k+1) == "that") && ts.Word(k+2) == "time":
			return true // "That year ...", "at the time": a narrative set back
		case w == "last" || w == "previous" || w == "prior":
			n := ts.Word(k + 1)
			if _, unit := unitWords[n]; unit || seasonWords[n] || text.IsMonth(n) {
				return true
			}
		}
	}
	return false
}

// seasonWords name a season of a year ("last fall", "the previous
// season").
var seasonWords = map[string]bool{
	"season": true, "spring": true, "summer": true, "fall": true, "autumn": true, "winter": true,
}
