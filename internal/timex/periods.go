package timex

import (
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// Periods news names by their relation to the publication or to the
// text rather than by date. Three forms, each read only where its
// reading is the one a reader gives, and left unresolved elsewhere (a
// read-only review's 100 invented probes narrowed each of them):
//
//   - The end of the current period: "by year-end", "by the end of the
//     month", "before the end of this week", "at year end". In a future
//     clause ("will cut 6,000 jobs by year end", "is to reopen the bridge
//     before the end of the month"), or a present one with a deadline's
//     preposition ("by", "before", "until", "through": "A ruling is
//     unlikely before the end of the year") and no word of habit ("are
//     usually paid by the end of the month"), it is the end of the
//     publication's own year, month or week, and its value is that
//     period ("2026", "2026-08", the week's days), as "this year" is. A
//     past clause may mean the period just gone or an earlier one ("had
//     doubled by the end of the year"), a present with "at" is as often
//     a habit ("are paid at the end of the month"), and a sentence that
//     names another period ("said in December that the shelter would
//     open by the end of the month", "ruled in March 2024") dates the
//     plan elsewhere: all are left unresolved (periodEndAhead,
//     unplacePeriods); so is the end of the week on a Saturday or Sunday
//     (this week's or next week's?) and any form without a preposition
//     of time before it ("year-end bonuses" name a kind of pay).
//   - "that year": the year the text has just stated as a date's ("in
//     1988 ... imports that year"; in its sentence or at most anchorReach
//     sentences back, as the narrative years of years.go), when no other
//     year is written between them ("in 2019 and 2020 ... that year",
//     "until 2010", "the 2014 crash": which year is unsaid), else
//     unresolved. A decade ("the 1990s") states no year.
//   - A year-on-year comparison: "up 15% from 4 pence a year earlier",
//     "compared with 40% a year earlier", "higher than a year earlier",
//     "the year-ago quarter", "year-earlier net income". When the text
//     gives no date to count from (a day or a year within anchorReach
//     sentences, which the anchored counts already use), the comparison
//     is with the same period of the year before the publication's, as
//     "a year ago" is. Not when the sentence names another time ("in
//     June", "last year's profit", "in 2019") or a period that may have
//     ended in the year before ("fourth-quarter", "full-year", "annual",
//     "fiscal"), nor in January to March, when reports are as often of
//     the year just ended: left unresolved (comparedValue,
//     unplacePeriods). A figure alone before it is no comparison ("was
//     sold for $15 million a year earlier"), nor is "from" without a
//     figure or "up"/"down" before it ("dates from a year earlier, when
//     ..."): a narrative "a year earlier" still needs a date to count
//     from.

// endPreps are the prepositions of time before the end of a period that
// make it a time of the clause ("by", "at", "until the end of the
// month"), not a noun's attribute ("year-end bonuses").
var endPreps = map[string]bool{
	"by": true, "at": true, "before": true, "until": true, "till": true, "through": true,
	"toward": true, "towards": true, "around": true, "near": true, "after": true,
}

// endUnits are the periods whose end is read.
var endUnits = map[string]int{"year": uYear, "month": uMonth, "week": uWeek}

// matchPeriodEnd: "end of the year", "end of this month", "end-of-week"
// (token i is "end") and "year end", "year-end", "month-end" (token i is
// the unit), after a preposition of time (endPreps; "the" may stand
// between). The expression is the period, marked endOf: resolveAll
// reads it only in a clause that looks ahead.
func matchPeriodEnd(ts toks, i int) (expr, int, bool) {
	before := i - 1
	if ts.Word(before) == "the" {
		before--
	}
	if !endPreps[ts.Word(before)] {
		return expr{}, 0, false
	}
	var u, last int
	switch w := ts.Word(i); {
	case w == "end":
		j := i + 1
		hyphened := ts.Is(j, "-") && ts.Adjacent(j)
		if hyphened {
			j++
		}
		if ts.Word(j) != "of" {
			return expr{}, 0, false
		}
		j++
		if hyphened {
			if !ts.Is(j, "-") || !ts.Adjacent(j) {
				return expr{}, 0, false
			}
			j++
		} else if w := ts.Word(j); w == "the" || w == "this" {
			j++
		}
		unit, ok := endUnits[ts.Word(j)]
		if !ok {
			return expr{}, 0, false
		}
		u, last = unit, j
	case endUnits[w] != 0:
		j := i + 1
		if ts.Is(j, "-") && ts.Adjacent(j) && ts.Adjacent(j+1) {
			j++
		}
		if ts.Word(j) != "end" {
			return expr{}, 0, false
		}
		u, last = endUnits[w], j
	default:
		return expr{}, 0, false
	}
	// "the end of the year 2012", "the end of the year's first half",
	// "year-end-2012": another period follows, not the current one.
	if next := last + 1; ts.Kind(next) == text.LexNum || ts.Is(next, "'") || ts.Is(next, "’") || ts.Is(next, "-") && ts.Adjacent(next) {
		return expr{}, 0, false
	}
	e := expr{kind: kUnitRel, start: ts[i].Start, end: ts[last].End, unit: u, mod: 2, endOf: true}
	e.tense, _ = governingTense(ts, i)
	return e, last + 1, true
}

// matchThatYear: "that year" (not "that year-long inquiry", "that year
// after year"), resolved from the year the text stated (thatYearValue).
func matchThatYear(ts toks, i int) (expr, int, bool) {
	if ts.Word(i) != "that" || ts.Word(i+1) != "year" {
		return expr{}, 0, false
	}
	if n := i + 2; ts.Is(n, "-") && ts.Adjacent(n) || ts.Word(n) == "after" || ts.Word(n) == "by" || ts.Kind(n) == text.LexNum || numberWords[ts.Word(n)] != 0 {
		return expr{}, 0, false // "that year-long inquiry", "year after year", "that year two of the plan"
	}
	return expr{kind: kYear, start: ts[i].Start, end: ts[i+1].End, thatYear: true}, i + 2, true
}

// thatYearReach bounds, in tokens, how far back the year "that year"
// names may stand: four news sentences are shorter, and a run-on text
// with no sentence breaks must not be read back to its start for each
// "that year" in it.
const thatYearReach = 4 * sentenceReach

// thatYearValue is the value of "that year": the year the text stated
// as a date's (at token tok) at most anchorReach sentences and
// thatYearReach tokens back, when no other year is written between it
// and the expression; else unresolved.
func thatYearValue(ts toks, e expr, year, yearSentence, tok int) string {
	if year == 0 || yearSentence < e.sentence-anchorReach || e.tok-tok > thatYearReach {
		return ""
	}
	for k := tok + 1; k < e.tok; k++ {
		if y, ok := yearAt(ts, k); ok && y != year {
			return ""
		}
	}
	return strconv.Itoa(year)
}

// matchYearAgo: the adjectives "year-ago" and "year-earlier" ("the
// year-ago quarter", "year-earlier net income"): a year-on-year
// comparison, counted as "a year earlier" is.
func matchYearAgo(ts toks, i int) (expr, int, bool) {
	if ts.Word(i) != "year" || !ts.Is(i+1, "-") || !ts.Adjacent(i+1) || !ts.Adjacent(i+2) {
		return expr{}, 0, false
	}
	switch ts.Word(i + 2) {
	case "ago", "earlier":
	default:
		return expr{}, 0, false
	}
	e := expr{kind: kAfter, start: ts[i].Start, end: ts[i+2].End, n: 1, unit: uYear, mod: -1, comparison: true}
	e.tense, _ = governingTense(ts, i)
	return e, i + 3, true
}

// figureWords may follow a figure before a compared "a year earlier"
// ("from $2.9 million a year earlier", "40 percent a year earlier").
var figureWords = map[string]bool{
	"million": true, "billion": true, "trillion": true, "percent": true, "%": true,
	"cents": true, "pence": true, "points": true, "share": true, "a": true, "$": true,
}

// comparisonWords open the term a figure is compared with ("from $35
// million", "than 500", "versus 3.9%").
var comparisonWords = map[string]bool{"from": true, "than": true, "versus": true, "vs": true, "against": true, "over": true}

// compared reports whether the "a year earlier|before|prior" e compares
// with the year before (matchYearAgo's adjectives always do): a word of
// comparison right before it, or before the figure right before it
// ("from $35 million a year earlier", "compared with 40% a year
// earlier", "higher than a year earlier"); "from" right before it only
// after a figure or "up"/"down" ("up 8 percent from a year earlier",
// not "dates from a year earlier"); never before ", when" (a narrative:
// "a year earlier, when the economy slowed").
func compared(ts toks, e expr) bool {
	if e.comparison {
		return true
	}
	if e.kind != kAfter || e.n != 1 || e.unit != uYear || e.mod != -1 || e.approx || e.prep {
		return false
	}
	if end := endToken(ts, e); ts.Is(end, ",") && ts.Word(end+1) == "when" {
		return false
	}
	k := e.tok - 1
	if w := ts.Word(k); w == "from" {
		b := k - 1
		for n := 0; n < 3 && b > 0 && figureWords[ts[b].S]; n++ {
			b--
		}
		return ts.Kind(b) == text.LexNum || ts.Word(b) == "up" || ts.Word(b) == "down"
	}
	if comparedWith(ts, k) {
		return true
	}
	// A figure right before it: the comparison word opens the figure.
	for n := 0; n < 3 && k > 0 && figureWords[ts[k].S]; n++ {
		k--
	}
	if ts.Kind(k) != text.LexNum {
		return false
	}
	k--
	for n := 0; n < 2 && k > 0 && (ts.Is(k, "$") || ts.Word(k) == "a"); n++ {
		k--
	}
	return comparedWith(ts, k)
}

// comparedWith reports whether token k ends a word of comparison
// (comparisonWords, "compared with|to").
func comparedWith(ts toks, k int) bool {
	switch w := ts.Word(k); {
	case comparisonWords[w]:
		return true
	case w == "with" || w == "to":
		switch ts.Word(k - 1) {
		case "compared", "comparison", "compares", "comparing":
			return true
		}
	}
	return false
}

// endToken returns the index of the first token after expression e.
func endToken(ts toks, e expr) int {
	k := e.tok
	for k < len(ts) && ts[k].Start < e.end {
		k++
	}
	return k
}

// comparedValue is the value of a year-on-year comparison the text gives
// no date to count from: the year before the publication's, except in
// January to March or in a sentence that names a period which may have
// ended in the year before (the package comment above).
func comparedValue(ts toks, e expr, ref time.Time) string {
	if ref.Month() <= time.March {
		return ""
	}
	lo, hi := sentenceWindow(ts, e.tok)
	for k := lo; k <= hi; k++ {
		switch ts.Word(k) {
		case "fourth", "full", "annual", "annually", "fiscal":
			return ""
		}
	}
	return strconv.Itoa(ref.Year() - 1)
}

// habitWords say a present clause tells a habit ("are usually paid by
// the end of the month").
var habitWords = map[string]bool{
	"usually": true, "typically": true, "normally": true, "generally": true, "often": true,
	"always": true, "tend": true, "tends": true, "every": true, "each": true, "routinely": true,
}

// deadlinePreps are the endPreps that make the end of a period a
// deadline, which a present clause may set ("is unlikely before the end
// of the year").
var deadlinePreps = map[string]bool{"by": true, "before": true, "until": true, "till": true, "through": true}

// periodEndAhead reports whether the end of the current period e is read
// (the package comment above): a future clause, or a present one with a
// deadline's preposition and no word of habit in its sentence; not the
// end of the week on a weekend.
func periodEndAhead(ts toks, e expr, ref time.Time) bool {
	if e.unit == uWeek && (ref.Weekday() == time.Saturday || ref.Weekday() == time.Sunday) {
		return false
	}
	switch e.tense {
	case TenseFuture:
		return true
	case TensePresent:
		p := e.tok - 1
		if ts.Word(p) == "the" {
			p--
		}
		if !deadlinePreps[ts.Word(p)] {
			return false
		}
		lo, hi := sentenceWindow(ts, e.tok)
		for k := lo; k <= hi; k++ {
			if habitWords[ts.Word(k)] {
				return false
			}
		}
		return true
	}
	return false
}

// unplacePeriods leaves unresolved, once every expression of the text is
// valued, the end of a current period whose sentence names a time in
// another period of its unit ("said in December that the shelter would
// open by the end of the month", in January), and a comparison valued
// from the publication whose sentence names any other time ("in June,
// compared with 3.9% a year earlier", "last year's profit"): the
// sentence dates them, not the publication.
func unplacePeriods(out []news.Time, es []expr) {
	for k, e := range es {
		if out[k].Value == "" || !e.endOf && !e.fromRef {
			continue
		}
		// es is in text order: the sentence's other expressions
		// stand right before and after k (at most periodReach each
		// way, so a run-on text costs in proportion to its length).
		lo, hi := k, k
		for lo > 0 && lo > k-periodReach && es[lo-1].sentence == e.sentence {
			lo--
		}
		for hi < len(es)-1 && hi < k+periodReach && es[hi+1].sentence == e.sentence {
			hi++
		}
		for j := lo; j <= hi; j++ {
			if j != k && (e.fromRef || !samePeriod(out[j].Value, out[k].Value)) {
				out[k].Value = ""
				break
			}
		}
	}
}

// periodReach bounds how many expressions on either side unplacePeriods
// reads in a sentence: news sentences hold far fewer.
const periodReach = 16

// samePeriod reports whether value v lies in period p ("2026", "2026-09"
// or a week's day range); an unresolved v names no other period.
func samePeriod(v, p string) bool {
	if v == "" {
		return true
	}
	if strings.Contains(p, "/") {
		from, to, _ := strings.Cut(p, "/")
		d := v
		if len(d) > len(dayLayout) {
			d = d[:len(dayLayout)]
		}
		return len(d) == len(dayLayout) && d >= from && d <= to
	}
	return strings.HasPrefix(v, p)
}
