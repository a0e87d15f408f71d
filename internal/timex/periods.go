package timex

import (
	"strconv"
	"time"

	"github.com/crosscheck/crosscheck/internal/text"
)

// Periods news names by their relation to the publication or to the
// text rather than by date. Three forms, each read only where its
// reading is the one a reader gives, and left unresolved elsewhere:
//
//   - The end of the current period: "by year-end", "by the end of the
//     month", "before the end of this week", "at year end". In a clause
//     that looks ahead (a future, a present or a plan: "will cut 6,000
//     jobs by year end", "the goal is to put troops there by the end of
//     the month") it is the end of the publication's own year, month or
//     week, and its value is that period ("2026", "2026-08", the week's
//     days), as "this year" is. A past clause may mean the period just
//     gone or an earlier one ("had doubled by the end of the year"), so
//     it is left unresolved; so is any form without a preposition of
//     time before it ("year-end bonuses" name a kind of pay).
//   - "that year": the year the text has just stated as a date's ("in
//     1988 ... imports that year"; in its sentence or at most anchorReach
//     sentences back, as the narrative years of years.go), else
//     unresolved.
//   - A year-on-year comparison: "up 15% from 4 pence a year earlier",
//     "compared with 40% a year earlier", "the year-ago quarter",
//     "year-earlier net income". When the text gives no date to count
//     from (a day or a year within anchorReach sentences, which the
//     anchored counts already use), the comparison is with the same
//     period of the year before the publication's, as "a year ago" is.
//     In January and February a report is as often of the year just
//     ended (fourth-quarter and annual results), whose comparison is
//     with the year before that, so there it is left unresolved. A
//     narrative "a year earlier" ("A year earlier, he had moved to
//     Ohio") is no comparison and still needs a date to count from.

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
	if n := i + 2; ts.Is(n, "-") && ts.Adjacent(n) || ts.Word(n) == "after" || ts.Word(n) == "by" {
		return expr{}, 0, false
	}
	return expr{kind: kYear, start: ts[i].Start, end: ts[i+1].End, thatYear: true}, i + 2, true
}

// thatYearValue is the value of "that year": the year the text stated
// as a date's at most anchorReach sentences back, else unresolved.
func thatYearValue(e expr, year, yearSentence int) string {
	if year == 0 || yearSentence < e.sentence-anchorReach {
		return ""
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
	"cents": true, "pence": true, "points": true, "share": true, "a": true,
}

// compared reports whether the "a year earlier|before|prior" e compares
// a figure with the year before (matchYearAgo's adjectives always do):
// a figure stands right before it ("from $2.9 million a year earlier",
// "compared with 40% a year earlier"), or a word of comparison ("up 3%
// from a year earlier", "higher than a year earlier", "compared with a
// year earlier").
func compared(ts toks, e expr) bool {
	if e.comparison {
		return true
	}
	if e.kind != kAfter || e.n != 1 || e.unit != uYear || e.mod != -1 || e.approx || e.prep {
		return false
	}
	k := e.tok - 1
	for n := 0; n < 3 && figureWords[ts[max(k, 0)].S] && k > 0; n++ {
		k--
	}
	if ts.Kind(k) == text.LexNum {
		return true
	}
	switch ts.Word(k) {
	case "from", "than", "versus", "vs", "over", "against":
		return true
	case "with", "to":
		switch ts.Word(k - 1) {
		case "compared", "comparison", "compares", "comparing":
			return true
		}
	}
	return false
}

// comparedValue is the value of a year-on-year comparison the text gives
// no date to count from: the year before the publication's, except in
// January and February (the package comment above).
func comparedValue(ref time.Time) string {
	if ref.Month() <= time.February {
		return ""
	}
	return strconv.Itoa(ref.Year() - 1)
}
