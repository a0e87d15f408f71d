package timex

import (
	"github.com/crosscheck/crosscheck/internal/text"
)

// Decades named without their century: "the '90s", "the early ’80s",
// "the mid-'60s". A reader takes them as the 1900s' decade; when that
// decade's number has come round again in the 2000s ("the '30s" in 2035)
// which one is meant is unsaid, and the decade is left unresolved. Only
// the form with an apostrophe for the century is read, after "the" (with
// "early", "mid" or "late" between), and not in a measure's context.
// Without the apostrophe the form names levels as often as decades: "it
// was in the thirties this morning" (a temperature), "shot in the
// sixties" (a score), "traded in the forties" (a price), "is in the
// mid-30s" (a share); a review's 43 probes found 12 such measures read as
// decades in the first form, which also read the names ("the nineties"),
// and those are left out.

// measureWords before a decade's name make it a range of a measure.
var measureWords = map[string]bool{
	"temperature": true, "temperatures": true, "degrees": true, "high": true, "highs": true,
	"low": true, "lows": true, "reading": true, "readings": true, "mercury": true, "heat": true,
	"percent": true, "score": true, "scores": true, "ratings": true, "rating": true,
	"approval": true, "polls": true, "polling": true, "mph": true, "speeds": true, "winds": true,
	"ages": true, "aged": true, "age": true, "people": true, "price": true, "prices": true,
}

// matchDecadeShort: "the '90s", "the ’80s" (an apostrophe for the
// century, two digits, a multiple of ten from 30 to 90, "s" joined to
// them). Without the apostrophe "the mid-30s" is as often a share, a
// temperature or an age, and is not read.
func matchDecadeShort(ts toks, i int) (expr, int, bool) {
	if ts.Kind(i) != text.LexNum || len(ts[i].S) != 2 || ts.Word(i+1) != "s" || !ts.Adjacent(i+1) {
		return expr{}, 0, false
	}
	n, ok := atoi(ts[i].S)
	if !ok || n%10 != 0 || n < 30 {
		return expr{}, 0, false
	}
	if !(ts.Is(i-1, "'") || ts.Is(i-1, "’")) || !ts.Adjacent(i) {
		return expr{}, 0, false // "in the mid-30s": as often a share or an age as a decade
	}
	start := i - 1
	if !decadeContext(ts, start, i+1) {
		return expr{}, 0, false
	}
	return expr{kind: kDecade, start: ts[start].Start, end: ts[i+1].End, y: 1900 + n, shortDecade: true}, i + 2, true
}

// decadeContext reports whether the decade whose first token is first
// and last token last stands after "the" ("early", "mid" or "late" and
// a hyphen between) and outside a measure's context (measureWords in the
// four words before; "degrees", "percent" or "%" after).
func decadeContext(ts toks, first, last int) bool {
	k := first - 1
	if ts.Is(k, "-") && ts.Adjacent(k+1) {
		k--
	}
	switch ts.Word(k) {
	case "early", "mid", "late":
		k--
	}
	if ts.Word(k) != "the" {
		return false
	}
	for j := k - 1; j >= k-4 && j >= 0; j-- {
		if ts[j].Kind == text.LexBreak {
			break
		}
		if measureWords[ts.Word(j)] {
			return false
		}
	}
	switch w := ts.Word(last + 1); {
	case w == "degrees" || w == "percent" || ts.Is(last+1, "%"):
		return false
	}
	return true
}
