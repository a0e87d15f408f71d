package timex

import (
	"time"

	"github.com/crosscheck/crosscheck/internal/text"
)

// General cases found as broad classes of error on a blind check against
// TimeML gold (TempEval-3's TBAQ-cleaned tune half, docs/timex-timeml.md),
// each stated for English in general, not for the items that showed it
// (docs/timex-rules-tml.md).
//
//   - A forward-looking complement of a past verb: the complement names a
//     time after the verb's own event, so the verb's past does not date it.
//     The object of "until", "through" or "to" after a verb that moves a
//     time limit ("extended its offer until Nov. 9", "the vote was
//     postponed to March 3", "gave the firm until mid-November to
//     reply"), a date after "effective" ("created a new post, effective
//     Feb. 1"), and a date in the to-complement of a verb that commits to
//     or summons for a later act ("has decided to admit three members in
//     early March", "subpoenaed him to testify on Feb. 10", "invited the
//     ministers to a ceremony on March 12"). A news report's past verb is
//     recent, so the date lies on either side of the reference: a yearless
//     month-day or bare month there takes the nearest occurrence (dates
//     before the reference preferred, none more than half a year ahead:
//     nearestYear, nearestMonthYear). A sentence that states an earlier year ("In 2012", "last
//     year"), or follows one that states a month of an earlier year ("in
//     November 2008"), narrates from it and is left to the tense:
//     forwardComplement, statesEarlierYear.

// generalCases applies the general cases of this file to the yearless
// month-days and bare months of exprs before they are resolved (called by
// resolveAll after yearClauses). It changes exprs in place.
func generalCases(ts toks, exprs []expr, ref time.Time, haveRef bool) {
	if !haveRef {
		return
	}
	for k := range exprs {
		e := &exprs[k]
		if e.y != 0 || e.generic || e.wd != 0 || e.mod != 0 || e.kind != kDate && e.kind != kMonth || e.tense != TensePast {
			continue
		}
		if statesEarlierYear(exprs, k, ref) || !forwardComplement(ts, e.tok, exprs) {
			continue
		}
		if e.kind == kDate {
			e.tense, e.would = TenseUnknown, false // nearestYear
		} else {
			e.mod, e.n = 2, nearestMonthYear(e.m, ref)-ref.Year()
		}
	}
}

// nearestMonthYear is the year that puts month m nearest the reference's
// month, as nearestYear does for a month-day: a month after the
// reference's counts double its distance (nearCost) and none more than
// six months after it.
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

// statesEarlierYear reports whether the sentence of exprs[k] holds
// another expression of a year before the reference's: a stated year
// ("in 2012", "March 2012"), a month-day or month of "last year" ("March 3
// last year"), "last year" or a count of years ago; or whether one of the
// anchorReach sentences before it states a month or month-day with an
// earlier year ("in November 2008"), whose narrative pastYearNarrative
// goes on in.
func statesEarlierYear(exprs []expr, k int, ref time.Time) bool {
	s := exprs[k].sentence
	for j, o := range exprs {
		if j == k || o.sentence > s || o.sentence < s-anchorReach {
			continue
		}
		if o.sentence < s {
			if (o.kind == kMonth || o.kind == kDate) && o.y != 0 && o.y < ref.Year() {
				return true
			}
			continue
		}
		switch {
		case o.y != 0 && o.y < ref.Year() && (o.kind == kYear || o.kind == kMonth || o.kind == kDate || o.kind == kDecade):
			return true
		case (o.kind == kDate || o.kind == kMonth) && o.mod == 2 && o.n < 0:
			return true
		case o.kind == kUnitRel && o.unit == uYear && o.mod == -1:
			return true
		case o.kind == kAgo && (o.unit == uYear || o.unit == uDecade) && !o.ahead:
			return true
		}
	}
	return false
}

// limitVerbs move or grant a time limit: the object of "until", "through"
// or "to" after them is the new limit, after the verb's event. The verbs
// of granting ("gave them until March") take "until" only.
var limitVerbs = map[string]bool{
	"extended": true, "extends": true, "extend": true, "extending": true,
	"postponed": true, "postpones": true, "postpone": true,
	"delayed": true, "delays": true, "delay": true,
	"deferred": true, "defers": true, "defer": true,
	"prolonged": true, "prolongs": true, "prolong": true,
	"rescheduled": true, "reschedules": true, "reschedule": true,
	"adjourned": true, "adjourns": true, "adjourn": true,
	"renewed": true, "renews": true, "renew": true,
	"pushed": true, "put": true, "moved": true,
}

// grantVerbs give a time limit ("gave the firm until March to reply").
var grantVerbs = map[string]bool{"gave": true, "given": true, "granted": true, "allowed": true}

// limitPreps open the new limit after a limitVerb.
var limitPreps = map[string]bool{"until": true, "till": true, "through": true, "to": true}

// passiveAux are the forms of "be" before a passive participle ("was
// extended", "has been postponed").
var passiveAux = map[string]bool{"was": true, "were": true, "been": true, "be": true, "is": true, "are": true, "being": true}

// directVerbs commit to or summon for a later act: the act of their
// to-complement ("decided to admit", "voted to begin the walkout",
// "invited the ministers to a ceremony") comes after the verb's own
// event, and a date after the complement's verb belongs to it (a
// trailing adjunct attaches to the nearest verb). Verbs whose complement
// happens at the verb's time ("managed to", "failed to") are not among
// them, nor verbs of ordering or promising ("ordered the firm to pay
// $5 million in February", "promised to repay it on Dec. 1, but never
// did"), whose trailing date as often tells when the order was given or
// is a promise's unkept time. The verbs of summoning take an event noun
// after "to" as well as an infinitive.
var directVerbs = map[string]bool{
	"decided": true, "agreed": true, "voted": true, "invited": true, "summoned": true, "subpoenaed": true,
}

// decisionActs are verbs whose to-complement restates the decision
// itself ("voted to approve the budget in January", "agreed to accept the
// offer"): the act is the vote or the agreement, and a date after it may
// be the decision's own.
var decisionActs = map[string]bool{
	"approve": true, "adopt": true, "accept": true, "endorse": true, "back": true, "support": true,
	"reject": true, "oppose": true, "pass": true, "ratify": true, "confirm": true, "keep": true,
	"retain": true, "allow": true, "authorize": true, "deny": true, "condemn": true, "censure": true,
}

// refPreps introduce, inside a to-complement, an event the complement
// refers back to ("decided to act after the floods in January", "agreed to
// pay for the damage in March"), whose date is that event's, not the
// complement's.
var refPreps = map[string]bool{
	"after": true, "since": true, "following": true, "for": true, "about": true, "over": true,
	"from": true, "against": true, "despite": true, "amid": true,
}

// summonVerbs take an event noun after "to" ("invited them to a
// ceremony on March 12"): an indefinite one, which brings in the event
// the summons is for; a definite noun may be a place the summons took
// its guest to ("was invited to the White House in February").
var summonVerbs = map[string]bool{"invited": true, "summoned": true, "subpoenaed": true}

// auxWords may stand between a governing token and its verb ("has
// extended", "was postponed", "has also been extended").
var auxWords = map[string]bool{
	"has": true, "have": true, "had": true, "was": true, "were": true, "been": true, "is": true,
	"are": true, "be": true, "also": true, "already": true, "since": true, "previously": true,
	"just": true, "again": true, "now": true, "unanimously": true, "formally": true,
}

// forwardComplementReach is how many words back from the date a limit
// verb or a directing verb's "to" is looked for.
const forwardComplementReach = 14

// forwardComplement reports whether the yearless date at token i stands
// in a forward-looking complement of the verb that governs it (see the
// file comment): after "effective", as a limitVerb's new limit, or in a
// directVerb's to-complement. The verb must be the one governing the
// date (governing), so a date that a later verb of its own takes ("voted
// to build a school, and the work ended in March") is left to that
// verb.
func forwardComplement(ts toks, i int, exprs []expr) bool {
	_, _, g := governing(ts, i)
	if g < 0 || g >= i {
		return false // no verb before the date governs it
	}
	p := beforeDate(ts, i, exprs)
	w := ts.Word(p)
	if w == "effective" || w == "on" && ts.Word(p-1) == "effective" {
		return true
	}
	if limitPreps[w] {
		for j, seen := p-1, 0; j > g-1 && seen < forwardComplementReach; j-- {
			if clauseStop(ts, j, true) {
				break
			}
			if ts[j].Kind != text.LexWord {
				continue
			}
			seen++
			v := ts.Word(j)
			if (limitVerbs[v] || grantVerbs[v] && (w == "until" || w == "till")) && governs(ts, g, j) {
				// transitive or passive: "extended the offer until",
				// "was extended to"; an intransitive "the drought
				// extended through February" is a state that lasted
				return nextWord(ts, j) != p || passiveAux[ts.Word(skipAdverbs(ts, j-1))]
			}
		}
	}
	// The nearest "to" before the date, in its sentence, after the
	// governing token.
	for j, seen := i-1, 0; j > g && seen < forwardComplementReach; j-- {
		if clauseStop(ts, j, false) {
			return false
		}
		if ts[j].Kind != text.LexWord {
			continue
		}
		seen++
		if refPreps[ts.Word(j)] {
			// "decided to sue over the report in January": the
			// date is of the event the complement refers to
			return false
		}
		if ts.Word(j) != "to" || j == p {
			continue
		}
		c := directVerbBefore(ts, j, g)
		if c < 0 {
			return false
		}
		if n := ts.Word(j + 1); summonVerbs[ts.Word(c)] && (n == "a" || n == "an") {
			return true // "invited them to a ceremony on March 12"
		}
		return baseVerbAt(ts, j+1) && !decisionActs[ts.Word(j+1)]
	}
	return false
}

// nextWord is the index of the first word token after token j.
func nextWord(ts toks, j int) int {
	for k := j + 1; k < len(ts); k++ {
		if ts[k].Kind == text.LexWord || ts[k].Kind == text.LexBreak {
			return k
		}
	}
	return len(ts)
}

// beforeDate is the index of the token before the date at token i,
// passing over a hedge ("mid-November", "early March") and a time of day
// joined before it ("until 5 p.m. EST Nov. 9").
func beforeDate(ts toks, i int, exprs []expr) int {
	p := i - 1
	for p >= 0 {
		switch w := ts.Word(p); {
		case ts.Is(p, "-") || w == "mid" || w == "early" || w == "late":
			p--
			continue
		}
		if clockAt(ts, p, exprs) {
			p--
			continue
		}
		return p
	}
	return p
}

// clockAt reports whether token p lies inside a time of day of exprs.
func clockAt(ts toks, p int, exprs []expr) bool {
	for _, o := range exprs {
		if o.kind == kClock && ts[p].Start >= o.start && ts[p].End <= o.end {
			return true
		}
	}
	return false
}

// clauseStop reports whether token j ends the stretch a forward
// complement is looked for in: a sentence break, a semicolon, a colon, a
// quotation mark, a word that opens another clause ("that", "which",
// "while") and, when commas is set, a comma.
func clauseStop(ts toks, j int, commas bool) bool {
	if ts[j].Kind == text.LexBreak || ts.Is(j, ";") || ts.Is(j, ":") || ts.Is(j, "\"") || ts.Is(j, "“") || ts.Is(j, "”") {
		return true
	}
	if commas && ts.Is(j, ",") {
		return true
	}
	switch ts.Word(j) {
	case "that", "which", "who", "while", "because", "when", "although", "but":
		return true
	}
	return false
}

// governs reports whether the governing token g is the verb at c or an
// auxiliary or adverb chain right before it ("has extended", "was
// postponed").
func governs(ts toks, g, c int) bool {
	if g == c {
		return true
	}
	if g > c || c-g > 3 {
		return false
	}
	for k := g; k < c; k++ {
		if !auxWords[ts.Word(k)] {
			return false
		}
	}
	return true
}

// directVerbBefore is the index of the directVerb that the "to" at token
// t completes: the verb right before it, or before its object (at most
// twelve words, commas allowed for a list: "invited the ministers of
// Poland, Hungary and the Czech Republic to"), with g governing it; -1
// none. A word a tense rule claims before the verb is found ends the
// search.
func directVerbBefore(ts toks, t, g int) int {
	for j, seen := t-1, 0; j >= g && seen < 12; j-- {
		if clauseStop(ts, j, false) {
			return -1
		}
		if ts[j].Kind != text.LexWord {
			continue
		}
		seen++
		if directVerbs[ts.Word(j)] && !ts[j].Upper {
			if governs(ts, g, j) {
				return j
			}
			return -1
		}
		if _, name := classify(ts, j); name != "" {
			return -1
		}
	}
	return -1
}

// baseVerbAt reports whether token k can be an infinitive's verb after
// "to": a lower-case word that is no determiner, number, month or
// weekday ("to admit", not "to the", "to March").
func baseVerbAt(ts toks, k int) bool {
	w := ts.Word(k)
	if w == "" || ts[k].Upper || determiners[w] || timeWord(w) {
		return false
	}
	_, num := numberWords[w]
	return !num
}
