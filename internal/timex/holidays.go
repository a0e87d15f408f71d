package timex

import (
	"time"

	"github.com/crosscheck/crosscheck/internal/text"
)

// Holidays are days news names instead of dating: "on Thanksgiving Day",
// "Christmas Eve", "last Labor Day", "on Election Day". Each has a rule
// that gives its day in any year (a fixed month-day, the nth weekday of a
// month, or Easter's computus); which year's is meant follows the
// clause's tense as for a yearless month-day: a past clause the most
// recent one (within half a year, else unresolved), a future or present
// clause the coming one, no tense cue the
// nearest (a later one counting double, never more than half a year
// ahead), "last" the one before the publication day, "next" the one after
// it (unresolved when one falls within three weeks of it, which makes
// both readable), "this" as the tense says, else the publication year's.
// A sentence that states a year, tells a birth or a habit leaves it
// unresolved (otherYearOrHabit); so does a future one more than half a
// year ahead. Independence Day is not read: many countries keep one. The US federal holidays and the
// days US news names most, by their usual names; a name used as an
// attribute ("Christmas shopping", "the Thanksgiving weekend", "every
// Christmas") names a season or a habit, not a day, and is not read.

// holiday is one named day: its words (lower case, in order, the first
// capitalised in the text) and its day in a given year.
type holiday struct {
	words []string
	day   func(y int) time.Time
}

// holidays are the named days read, longer names first where one name
// starts another ("Christmas Eve" before "Christmas").
var holidays = []holiday{
	{[]string{"thanksgiving", "day"}, func(y int) time.Time { return nthWeekday(y, time.November, time.Thursday, 4) }},
	{[]string{"thanksgiving"}, func(y int) time.Time { return nthWeekday(y, time.November, time.Thursday, 4) }},
	{[]string{"christmas", "eve"}, fixedDay(time.December, 24)},
	{[]string{"christmas", "day"}, fixedDay(time.December, 25)},
	{[]string{"christmas"}, fixedDay(time.December, 25)},
	{[]string{"new", "year", "'", "s", "eve"}, fixedDay(time.December, 31)},
	{[]string{"new", "year", "'", "s", "day"}, fixedDay(time.January, 1)},
	{[]string{"new", "year", "’", "s", "eve"}, fixedDay(time.December, 31)},
	{[]string{"new", "year", "’", "s", "day"}, fixedDay(time.January, 1)},
	{[]string{"fourth", "of", "july"}, fixedDay(time.July, 4)},
	{[]string{"labor", "day"}, func(y int) time.Time { return nthWeekday(y, time.September, time.Monday, 1) }},
	{[]string{"memorial", "day"}, func(y int) time.Time { return nthWeekday(y, time.May, time.Monday, -1) }},
	{[]string{"veterans", "day"}, fixedDay(time.November, 11)},
	{[]string{"election", "day"}, electionDay},
	{[]string{"halloween"}, fixedDay(time.October, 31)},
	{[]string{"easter", "sunday"}, easter},
	{[]string{"easter"}, easter},
	{[]string{"valentine", "'", "s", "day"}, fixedDay(time.February, 14)},
	{[]string{"valentine", "’", "s", "day"}, fixedDay(time.February, 14)},
}

// holidayStarts are the first words of holidays, for the matcher's
// triggers.
var holidayStarts = func() map[string]bool {
	m := map[string]bool{}
	for _, h := range holidays {
		m[h.words[0]] = true
	}
	return m
}()

// holidayAfter are the lower-case words that may follow a holiday's name
// when it names the day: prepositions, conjunctions, parts of the day and
// verbs of the calendar. Not a determiner ("On Christmas that year", "on
// Thanksgiving the previous year": another year's), nor "during", "than"
// or "because", which a review found in other years' and habitual
// sentences ("on Christmas during the first winter of the war", "more
// common on Thanksgiving than on an average day"). Any other lower-case word makes the name an
// attribute ("Christmas shopping", "Thanksgiving weekend").
var holidayAfter = map[string]bool{
	"in": true, "on": true, "at": true, "with": true, "for": true, "to": true, "and": true,
	"or": true, "but": true, "when": true, "as": true, "after": true, "before": true, "by": true,
	"from": true, "until": true, "since": true, "morning": true, "afternoon": true,
	"evening": true, "night": true, "is": true, "was": true, "will": true, "falls": true,
	"fell": true, "comes": true, "came": true, "following": true, "against": true,
	"along": true, "across": true, "despite": true, "amid": true, "while": true, "if": true,
	"so": true, "though": true, "although": true, "where": true, "which": true, "who": true,
	"near": true, "into": true, "off": true, "under": true, "over": true, "without": true,
	"within": true, "toward": true, "about": true, "around": true, "up": true, "out": true,
}

// holidayPreps are the prepositions of time before a holiday's name that
// make it a day ("on Christmas Eve", "since Labor Day", "by Christmas",
// "on the Fourth of July"); not "at", which names the season ("profit at
// Christmas").
var holidayPreps = map[string]bool{
	"on": true, "by": true, "since": true, "after": true, "before": true, "until": true,
	"till": true, "for": true, "during": true, "over": true, "through": true,
	"around": true,
}

// holidayBefore are the words before a holiday's name that make it a
// habit or an attribute: "every Christmas", "a Christmas present".
var holidayBefore = map[string]bool{"every": true, "each": true, "a": true, "an": true, "annual": true}

// matchHoliday: a holiday's name, with "last", "next" or "this" before it.
func matchHoliday(ts toks, i int) (expr, int, bool) {
	mod, j := 0, i
	switch ts.Word(i) {
	case "last":
		mod, j = -1, i+1
	case "next":
		mod, j = 1, i+1
	case "this":
		mod, j = 2, i+1
	}
	if j >= len(ts) || !ts[j].Upper || holidayBefore[ts.Word(i-1)] {
		return expr{}, 0, false
	}
	if p := i - 1; mod == 0 && !holidayPreps[ts.Word(p)] && !(ts.Word(p) == "the" && holidayPreps[ts.Word(p-1)]) {
		// Only a preposition of time makes the name a day: as a
		// verb's object or subject it names the feast or its custom
		// ("can't celebrate Christmas"), after a capitalised word it is
		// part of a name ("the Barack Obama Election Day").
		return expr{}, 0, false
	}
	for n, h := range holidays {
		k, ok := j, true
		for _, w := range h.words {
			if k >= len(ts) || ts[k].S != w || !ts[k].Upper && ts[k].Kind == text.LexWord && w != "of" && w != "s" {
				ok = false
				break
			}
			k++
		}
		if !ok {
			continue
		}
		if next := ts.Word(k); next != "" && (ts[k].Upper || !holidayAfter[next]) {
			return expr{}, 0, false // "Christmas shopping", "Easter Island"
		}
		e := expr{kind: kHoliday, start: ts[i].Start, end: ts[k-1].End, tok: i, n: n, mod: mod}
		e.tense, _ = dateTense(ts, j)
		e.unplaced = otherYearOrHabit(ts, i)
		return e, k, true
	}
	return expr{}, 0, false
}

// otherYearOrHabit reports whether the sentence of the holiday at token i
// states a year ("In 1776", "the 2004 flood", "Christmas Day, 2016") or
// another past time ("a year ago", "last season": pastTimeStated),
// tells a birth ("born on the Fourth of July") or a habit ("always",
// "traditionally": the package's habitual words, "as a boy", "used to"):
// its year is not the publication's neighbourhood, or it is every year,
// so the day is left unresolved.
func otherYearOrHabit(ts toks, i int) bool {
	lo, hi := sentenceWindow(ts, i)
	if pastTimeStated(ts, lo, hi, i) {
		return true // "before Christmas a year ago"
	}
	for k := lo; k <= hi; k++ {
		w := ts.Word(k)
		switch {
		case habitual[w], w == "born", w == "used" && ts.Word(k+1) == "to",
			w == "as" && (ts.Word(k+1) == "a" || ts.Word(k+1) == "children") && (ts.Word(k+2) == "boy" || ts.Word(k+2) == "girl" || ts.Word(k+2) == "child" || ts.Word(k+1) == "children"):
			return true
		}
	}
	return false
}

// holidayNear is how near the publication day an occurrence makes "last
// X" or "next X" ambiguous: "last Thanksgiving" four days after one may
// mean it or the year's before, "next Christmas" a week before one it or
// the next year's.
const holidayNear = 21 * 24 * time.Hour

// resolveHoliday places a holiday in a year (the comment above).
func resolveHoliday(e expr, ref time.Time) (time.Time, bool) {
	day := holidays[e.n].day
	refDay := date(ref.Year(), int(ref.Month()), ref.Day())
	var cands []time.Time
	for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
		cands = append(cands, day(y))
	}
	latest := func(ok func(d time.Time) bool) (time.Time, bool) {
		for i := len(cands) - 1; i >= 0; i-- {
			if ok(cands[i]) {
				return cands[i], true
			}
		}
		return time.Time{}, false
	}
	earliest := func(ok func(d time.Time) bool) (time.Time, bool) {
		for _, d := range cands {
			if ok(d) {
				return d, true
			}
		}
		return time.Time{}, false
	}
	near := func(d time.Time) bool { return d.Sub(refDay) <= holidayNear && refDay.Sub(d) <= holidayNear }
	switch {
	case e.mod == -1:
		d, ok := latest(func(d time.Time) bool { return d.Before(refDay) })
		if ok && near(d) {
			return time.Time{}, false
		}
		return d, ok
	case e.mod == 1:
		d, ok := earliest(func(d time.Time) bool { return d.After(refDay) })
		if ok && near(d) {
			return time.Time{}, false
		}
		return d, ok
	case e.tense == TensePast:
		// The most recent, within half a year: further back a past
		// narrative more likely tells of another year's ("soon after
		// Election Day" in a story of an earlier campaign).
		d, ok := latest(func(d time.Time) bool { return !d.After(refDay) })
		if ok && refDay.Sub(d) > maxAhead {
			return time.Time{}, false
		}
		return d, ok
	case e.tense.forward():
		d, ok := earliest(func(d time.Time) bool { return !d.Before(refDay) })
		if e.mod == 2 && ok && d.Year() == ref.Year() {
			return d, true // "will hold its parade this Halloween", in February
		}
		if ok && d.Sub(refDay) > maxAhead {
			return time.Time{}, false // half a year ahead, as a month-day on a present cue
		}
		return d, ok
	case e.mod == 2:
		return day(ref.Year()), true // "this Christmas", no tense cue
	}
	best, bestCost := time.Time{}, -1.0
	for _, d := range cands {
		cost, ok := nearCost(d.Sub(refDay).Hours()/24, 183)
		if ok && (bestCost < 0 || cost < bestCost) {
			best, bestCost = d, cost
		}
	}
	return best, bestCost >= 0
}

// fixedDay is a holiday on the same month-day every year.
func fixedDay(m time.Month, d int) func(int) time.Time {
	return func(y int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
}

// nthWeekday is the nth wd of month m in year y; n -1 is the last.
func nthWeekday(y int, m time.Month, wd time.Weekday, n int) time.Time {
	if n < 0 {
		last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)
		return last.AddDate(0, 0, -((int(last.Weekday()) - int(wd) + 7) % 7))
	}
	first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	return first.AddDate(0, 0, (int(wd)-int(first.Weekday())+7)%7+7*(n-1))
}

// electionDay is the US general election's day: the Tuesday after the
// first Monday of November.
func electionDay(y int) time.Time {
	return nthWeekday(y, time.November, time.Monday, 1).AddDate(0, 0, 1)
}

// easter is Easter Sunday in the Gregorian calendar (the anonymous
// Gregorian computus).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}
