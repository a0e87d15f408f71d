package timex

import (
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
// construction holds it (two months).
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
		"payable": true, "effective": true, "due": true, "record": true, "deadline": true,
		"expiring": true, "maturing": true,
	}
	// termNouns after a date make it a term's ("a Dec. 20 deadline", "a
	// Jan. 14 return date").
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
	// aheadVerbs take an infinitive that looks ahead of them: requests,
	// orders, plans and commitments ("asked it to respond by Oct. 31",
	// "was ordered to appear on June 12", "agreed to vote on April 14"),
	// and "was|were to" ("which was to expire April 30").
	aheadVerbs = map[string]bool{
		"asked": true, "told": true, "ordered": true, "urged": true, "invited": true,
		"called": true, "agreed": true, "decided": true, "voted": true, "promised": true,
		"pledged": true, "vowed": true, "planned": true, "wanted": true, "hoped": true,
		"expected": true, "intended": true, "sought": true, "directed": true, "required": true,
		"summoned": true, "subpoenaed": true, "was": true, "were": true,
	}
	// clockWords may stand between a date and the word before it ("due
	// by 5 p.m. EST Nov. 9", "payable on Dec. 7").
	clockWords = map[string]bool{
		"on": true, "by": true, "of": true, "at": true, "a": true, "m": true, "p": true,
		"noon": true, "midnight": true, "est": true, "edt": true, "et": true, "gmt": true,
	}
)

// forwardCue reports whether the yearless month-day at token i belongs to
// a forward-looking construction in its clause (the package comment
// above): a term word or limit preposition before it, a term noun after
// it, "to" after a verb that moves events, or, between its governing
// verb and it, a modal or an infinitive after a verb of request, plan or
// commitment.
func forwardCue(ts toks, i int) bool {
	_, _, j := governing(ts, i)
	// The words right before the date, back to its preposition.
	for k := i - 1; k >= 0 && k >= i-6 && k > j; k-- {
		if ts[k].Kind == text.LexBreak || ts.Is(k, ";") {
			break
		}
		w := ts.Word(k)
		switch {
		case termWords[w], limitPreps[w]:
			return true
		case w == "to" && j >= 0 && retimingVerbs[ts.Word(j)]:
			return true
		case w == "for" && arrangedWords[ts.Word(k-1)]:
			return true // "the strike vote was set for May 2"
		case ts[k].Kind == text.LexNum || ts.Is(k, ".") || ts.Is(k, ",") || clockWords[w]:
			continue
		}
		break
	}
	// A term noun right after the date ("a Jan. 14 return date").
	for k, n := i+1, 0; k < len(ts) && n < 5; k, n = k+1, n+1 {
		if ts[k].Kind == text.LexBreak || ts.Is(k, ",") || ts.Is(k, ";") {
			break
		}
		if termNouns[ts.Word(k)] {
			return true
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
			for b := k - 1; b >= j && b >= k-3; b-- {
				if aheadVerbs[ts.Word(b)] {
					return true
				}
			}
		}
	}
	return false
}
