package timex

import (
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/text"
)

// Expression kinds found by match, before resolution.
const (
	kDate      = iota + 1 // month and day, year optional: "April 4", "4 April 2017", "2017-04-04"
	kMonth                // month, year optional: "September", "April 2017"
	kYear                 // "in 2003", "the 1928 satire"
	kDecade               // "the 1990s"
	kWeekday              // "Wednesday", "last Friday"
	kDayOffset            // "today", "yesterday", "tonight", "this morning"
	kUnitRel              // "last week", "this month", "earlier this week", "next year"
	kAgo                  // "three years ago", "several weeks ago"
	kAfter                // "two days later", "days after that attack" (anchored on the previous date)
	kRecent               // "in recent months", "the past few weeks"
	kClock                // "8 p.m.", "5:45 p.m. ET", "noon"
	kSpan                 // "over the next decade", "in the next couple of weeks" (from the reference on)
	kEventDay             // "the day before the debate" (from the day the text gives the event)
	kHoliday              // "Thanksgiving", "Christmas Eve", "last Labor Day" (holidays.go)
)

// Units of relative expressions.
const (
	uDay = iota + 1
	uWeek
	uWeekend
	uMonth
	uYear
	uDecade
)

// expr is one matched temporal expression.
type expr struct {
	kind       int
	start, end int // byte offsets of the expression text
	tok        int // index of its first token
	y, m, d    int // date parts; 0 when absent
	d2         int // last day of a month-day range ("September 16-19"); 0 none
	wd         int // weekday+1 for weekdays and weekday-paired dates; 0 none
	mod        int // -1 last/earlier, +1 next/later, 2 this, 3 "over the weekend"; 0 none
	part       int // for kUnitRel: -1 "earlier this", +1 "later this"
	n          int // count for kAgo/kAfter/kRecent/kDayOffset; a kMonth's year offset with mod 2 ("May last year")
	unit       int
	approx     bool // "several weeks ago", "days after"
	half       bool // a kAgo count with "and a half": "two and a half years ago"
	hour, min  int
	clock      bool  // a time of day is attached
	midnight   bool  // the clock is "midnight": which day's it is, is ambiguous
	tense      Tense // of the governing verb (weekdays, months, month-days, weekends, anchored counts)
	prep       bool  // anchored count used as a preposition: "a day after the vote"
	possessive bool  // a weekday naming an event: "Monday's debate", "the Wednesday hearing"
	// counterfactual is set when a modal perfect governs ("would have
	// been"): it says what would have happened, not when.
	counterfactual bool
	// would is set on a yearless month-day a bare "would" governs
	// (dateTense): a date a month or less before the reference keeps
	// its year (wouldBack), not the next one.
	would bool
	// forwardSoon is set on a yearless month-day or bare month that a
	// forward-looking construction ties to its past verb (forwardCue,
	// soon.go): just ahead of the reference, it stays there.
	forwardSoon bool
	unplaced    bool // a year rule (years.go) found no safe year: left unresolved
	generic     bool // not one occurrence: "every Sunday", "many years ago", "the Sept. 11 attacks"
	sequel      bool // "the very next year": one unit after the last year the text stated
	ahead       bool // "in 10 days": a kAgo after the reference, placed only in a future clause
	sentence    int  // index of the sentence (counted by break tokens)
	// endOf marks the end of the current period ("by year-end"),
	// comparison a year-on-year comparison ("the year-ago quarter"),
	// thatYear "that year" (periods.go).
	endOf, comparison, thatYear bool
	fromRef                     bool // a comparison valued from the publication (comparedValue)
	shortDecade                 bool // "the '90s": the 1900s' decade (decades.go)
	current                     bool // "the current year": this year, unless the sentence states a past time
	// event is the event noun a day-precise expression dates ("debate" in
	// "Monday's debate", "the debate on Monday", "the Sept. 26 debate"),
	// or the one a kEventDay counts from; "" none.
	event string
}

// numberWords are counts written as words ("three years ago").
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// vagueCounts are words standing for an unknown small count ("several weeks
// ago"); such expressions resolve to a range.
var vagueCounts = map[string]bool{"several": true, "few": true, "couple": true, "many": true, "some": true}

// unitWords maps unit nouns of relative expressions to units.
var unitWords = map[string]int{
	"day": uDay, "days": uDay, "week": uWeek, "weeks": uWeek, "weekend": uWeekend,
	"month": uMonth, "months": uMonth, "year": uYear, "years": uYear, "decade": uDecade, "decades": uDecade,
}

// weekdayPrefixes are capitalised words that make a following weekday part of
// a name ("Super Tuesday", "Good Friday", "Fox News Sunday").
var weekdayPrefixes = map[string]bool{
	"super": true, "black": true, "good": true, "cyber": true, "ash": true, "palm": true, "easter": true,
	"bloody": true, "holy": true, "maundy": true, "giving": true, "news": true, "shrove": true,
}

// dayParts may follow a weekday or "yesterday" ("Wednesday morning").
var dayParts = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true}

// monthPreps may precede a bare month name ("in September", "since March").
var monthPreps = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "by": true, "early": true, "late": true, "mid": true,
	"of": true, "from": true, "through": true, "during": true, "before": true, "after": true, "last": true,
	"next": true, "this": true, "that": true, "to": true, "between": true, "and": true,
}

// yearPluralOK are plural nouns that a year may modify ("the 2016 elections").
var yearPluralOK = map[string]bool{
	"elections": true, "olympics": true, "games": true, "midterms": true, "playoffs": true, "finals": true,
	"primaries": true, "protests": true, "talks": true, "polls": true, "riots": true, "attacks": true,
	"accords": true, "sanctions": true, "negotiations": true, "hearings": true, "rules": true, "standards": true,
}

// yearBlockers are words before a number that make it a count, not a year
// ("about 2000", "than 1500").
var yearBlockers = map[string]bool{
	"about": true, "nearly": true, "almost": true, "around": true, "roughly": true, "some": true,
	"than": true, "over": true, "least": true, "approximately": true, "page": true, "no": true, "number": true,
	"route": true, "flight": true, "room": true, "model": true, "exactly": true,
}

// toks is the scanned text the rules match over (text.Scan's lexemes).
type toks = text.Lexemes

// num reads lexeme i as a number of digits.
func num(ts toks, i int) (int, bool) {
	if ts.Kind(i) != text.LexNum {
		return 0, false
	}
	return atoi(ts[i].S)
}

// atoi parses a run of ASCII digits; ok is false for anything else or an
// implausibly long number.
func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// match finds all temporal expressions in the tokens, left to right, longest
// first at each position.
func match(ts toks) []expr {
	var out []expr
	sent := 0
	for i := 0; i < len(ts); {
		if ts[i].Kind == text.LexBreak {
			sent++
			i++
			continue
		}
		e, next, ok := matchAt(ts, i)
		if !ok {
			i++
			continue
		}
		e.tok = i
		e.sentence = sent
		if dayPrecise(e.kind) {
			e.event = datedEvent(ts, i, next)
		}
		out = append(out, e)
		i = next
	}
	return out
}

// matchAt tries every rule at token i and returns the expression and the
// index of the first token after it.
func matchAt(ts toks, i int) (expr, int, bool) {
	t := ts[i]
	if t.Kind == text.LexNum {
		if e, n, ok := matchNumeric(ts, i); ok {
			return e, n, true
		}
		if e, n, ok := matchClock(ts, i); ok {
			return e, n, true
		}
		if e, n, ok := matchDayMonth(ts, i); ok {
			return e, n, true
		}
		if e, n, ok := matchCountUnit(ts, i); ok {
			return e, n, true
		}
		if e, n, ok := matchDecadeShort(ts, i); ok {
			return e, n, true
		}
		return matchYear(ts, i)
	}
	if t.Kind != text.LexWord {
		return expr{}, 0, false
	}
	if !triggers[t.S] {
		if _, ok := slipWeekday(ts, i); ok {
			return matchWeekday(ts, i)
		}
		return expr{}, 0, false
	}
	for _, f := range wordRules {
		if e, n, ok := f(ts, i); ok {
			return e, n, true
		}
	}
	return expr{}, 0, false
}

// triggers are the words that can start a word rule; any other word is
// skipped with one lookup.
var triggers = buildTriggers()

func buildTriggers() map[string]bool {
	m := map[string]bool{
		"today": true, "tonight": true, "yesterday": true, "tomorrow": true, "this": true,
		"earlier": true, "later": true, "last": true, "past": true, "next": true, "coming": true,
		"recent": true, "noon": true, "midday": true, "midnight": true, "following": true,
		"end": true, "that": true, "current": true,
	}
	for w := range dayParts {
		m[w] = true
	}
	for _, w := range text.CalendarNames() {
		m[w] = true
	}
	for _, tab := range []map[string]int{numberWords, unitWords} {
		for w := range tab {
			m[w] = true
		}
	}
	for _, tab := range []map[string]bool{vagueCounts, subDayUnits, holidayStarts} {
		for w := range tab {
			m[w] = true
		}
	}
	return m
}

var wordRules = []func(toks, int) (expr, int, bool){
	matchWeekday,
	matchMonth,
	matchDayWord,
	matchPeriodEnd,
	matchThatYear,
	matchYearAgo,
	matchUnitRel,
	matchCountUnit,
	matchRecent,
	matchSpan,
	matchTheWeekend,
	matchEventDay,
	matchBareUnitAfter,
	matchNoon,
	matchHoliday,
}

// matchNumeric: an ISO date "2017-04-04" or a US numeric date "04/04/2017"
// (month first; two-digit years are 20xx).
func matchNumeric(ts toks, i int) (expr, int, bool) {
	s := ts[i].S
	sep := byte(0)
	switch {
	case strings.Count(s, "-") == 2:
		sep = '-'
	case strings.Count(s, "/") == 2:
		sep = '/'
	default:
		return expr{}, 0, false
	}
	parts := strings.Split(s, string(sep))
	a, ok1 := atoi(parts[0])
	b, ok2 := atoi(parts[1])
	c, ok3 := atoi(parts[2])
	if !ok1 || !ok2 || !ok3 {
		return expr{}, 0, false
	}
	var y, m, d int
	if sep == '-' {
		if len(parts[0]) != 4 {
			return expr{}, 0, false
		}
		y, m, d = a, b, c
	} else {
		m, d, y = a, b, c
		switch len(parts[2]) {
		case 2:
			y += 2000
		case 4:
		default:
			return expr{}, 0, false
		}
	}
	if !validDate(y, m, d) {
		return expr{}, 0, false
	}
	return expr{kind: kDate, start: ts[i].Start, end: ts[i].End, y: y, m: m, d: d}, i + 1, true
}

// matchClock: a time of day, "8 p.m.", "5:45 p.m. ET", "10:30am"; a
// 24-hour "14:30" only with a time zone or "GMT"/"UTC" after it.
func matchClock(ts toks, i int) (expr, int, bool) {
	s := ts[i].S
	h, m := 0, 0
	if k := strings.IndexByte(s, ':'); k > 0 {
		var ok1, ok2 bool
		h, ok1 = atoi(s[:k])
		m, ok2 = atoi(s[k+1:])
		if !ok1 || !ok2 || len(s[k+1:]) != 2 || h > 23 || m > 59 {
			return expr{}, 0, false
		}
	} else {
		var ok bool
		if h, ok = atoi(s); !ok || h < 1 || h > 12 {
			return expr{}, 0, false
		}
	}
	j := i + 1
	pm, found := false, false
	switch w := ts.Word(j); w {
	case "am", "pm":
		found, pm = true, w == "pm"
		j++
	case "a", "p":
		if ts.Is(j+1, ".") && ts.Word(j+2) == "m" {
			found, pm = true, w == "p"
			j += 3
			if ts.Is(j, ".") {
				j++
			}
		}
	}
	if !found {
		return expr{}, 0, false
	}
	if h > 12 {
		return expr{}, 0, false
	}
	if pm && h < 12 {
		h += 12
	} else if !pm && h == 12 {
		h = 0
	}
	end := ts[j-1].End
	if z := ts.Word(j); timeZones[z] && ts[j].Upper {
		end = ts[j].End
		j++
	}
	return expr{kind: kClock, start: ts[i].Start, end: end, hour: h, min: m, clock: true}, j, true
}

var timeZones = map[string]bool{
	"et": true, "est": true, "edt": true, "ct": true, "cst": true, "cdt": true, "mt": true, "mst": true,
	"pt": true, "pst": true, "pdt": true, "gmt": true, "utc": true, "bst": true, "cet": true, "cest": true, "msk": true,
}

// matchNoon: "noon" ("midday") and "midnight" after "at", "by", "before", "after",
// "until", "around". A "midnight" next to a date ("midnight Friday") is
// not joined to it (resolveAll).
func matchNoon(ts toks, i int) (expr, int, bool) {
	w := ts.Word(i)
	if w != "noon" && w != "midday" && w != "midnight" {
		return expr{}, 0, false
	}
	if nx := ts.Word(i + 1); w == "midday" && nx != "" && !ts[i+1].Upper && !afterMidday[nx] {
		return expr{}, 0, false // "after midday prayers": a noun's modifier
	}
	switch ts.Word(i - 1) {
	case "at", "by", "before", "after", "until", "around", "about":
	default:
		return expr{}, 0, false
	}
	h := 12
	if w == "midnight" {
		h = 0
	}
	return expr{kind: kClock, start: ts[i].Start, end: ts[i].End, hour: h, clock: true, midnight: w == "midnight"}, i + 1, true
}

// afterMidday are the lowercase words that may follow "midday" as a time
// of its own ("by midday in Tokyo", "at midday local time").
var afterMidday = map[string]bool{
	"on": true, "in": true, "at": true, "and": true, "or": true, "local": true, "today": true,
	"tomorrow": true, "yesterday": true, "est": true, "edt": true, "et": true, "gmt": true,
	"utc": true, "when": true, "to": true, "until": true, "till": true, "before": true,
	"after": true, "as": true, "but": true, "the": true, "that": true, "with": true, "for": true,
}

// dayNumber reads a day of month at token i with an optional ordinal
// suffix ("4", "4th"); it returns the day and the next token index.
func dayNumber(ts toks, i int) (int, int, bool) {
	if i >= len(ts) || ts[i].Kind != text.LexNum || len(ts[i].S) > 2 {
		return 0, 0, false
	}
	d, ok := atoi(ts[i].S)
	if !ok || d < 1 || d > 31 {
		return 0, 0, false
	}
	j := i + 1
	switch ts.Word(j) {
	case "st", "nd", "rd", "th":
		if ts.Adjacent(j) {
			j++
		}
	}
	return d, j, true
}

// yearAt reads a four-digit year at token i.
func yearAt(ts toks, i int) (int, bool) {
	if i >= len(ts) || ts[i].Kind != text.LexNum || len(ts[i].S) != 4 {
		return 0, false
	}
	y, ok := atoi(ts[i].S)
	return y, ok && y >= 1000 && y <= 2199
}

// monthAt reads a month name at token i: capitalised, and an abbreviation
// must carry its period ("Apr."). It returns the month and the next index.
func monthAt(ts toks, i int) (int, int, bool) {
	w := ts.Word(i)
	m, ok := text.Month(w)
	if !ok || !ts[i].Upper {
		return 0, 0, false
	}
	j := i + 1
	if text.IsDateAbbrev(w) {
		if !ts.Is(j, ".") {
			return 0, 0, false
		}
		j++
	}
	return int(m), j, true
}

// bracketedWeekday returns the weekday (counted from 1) that a month-day
// at token i glosses in brackets right after it ("Monday night (Nov. 18)",
// "on Friday (Dec. 6)"; the caller checks that the bracket closes after the
// date), 0 when there is none: the pair names one day, as "Monday, Nov. 18"
// does, so the weekday pins the year.
func bracketedWeekday(ts toks, i int) int {
	if !ts.Is(i-1, "(") {
		return 0
	}
	k := i - 2
	if dayParts[ts.Word(k)] {
		k--
	}
	day, ok := text.Weekday(ts.Word(k))
	if !ok || !ts[k].Upper || text.IsDateAbbrev(ts.Word(k)) {
		return 0
	}
	return int(day) + 1
}

// matchMonth: "April 4", "Apr. 4, 2017", "April 4th", "April 16-19", "April 2017",
// "September" (a bare month needs a preposition before it when it could be
// a verb or modal: "May", "March").
func matchMonth(ts toks, i int) (expr, int, bool) {
	m, j, ok := monthAt(ts, i)
	if !ok {
		return expr{}, 0, false
	}
	if d, d2, k, ok := dayRangeAt(ts, j); ok {
		if !validDate(2000, m, d) {
			return expr{}, 0, false // "February 30-31": no day of it exists; not the bare month either
		}
		e := expr{kind: kDate, start: ts[i].Start, end: ts[k-1].End, m: m, d: d, d2: min(d2, monthDays(2000, m))}
		if ts.Is(k, ",") {
			if y, ok := yearAt(ts, k+1); ok {
				e.y, e.end, k = y, ts[k+1].End, k+2
			}
		}
		if e.y == 0 {
			e.tense, _ = governingTense(ts, i)
		}
		return e, k, true
	}
	if d, k, ok := dayNumber(ts, j); ok && !clockColon(ts, k) {
		e := expr{kind: kDate, start: ts[i].Start, end: ts[k-1].End, m: m, d: d}
		if ts.Is(k, ",") {
			if y, ok := yearAt(ts, k+1); ok {
				e.y, e.end, k = y, ts[k+1].End, k+2
			}
		} else if y, ok := yearAt(ts, k); ok {
			e.y, e.end, k = y, ts[k].End, k+1
		} else if off, ok := yearAfterMonth(ts, k+1); ok && ts.Word(k) == "of" {
			// "May 3rd of last year": the day of the year the phrase
			// names, as "June 16, 2015" is; "in May this year" is the
			// month's form of it.
			e.mod, e.n, e.end = 2, off, ts[k+2].End
			k += 3
		}
		if !validDate(orLeap(e.y), m, d) {
			return expr{}, 0, false
		}
		if e.y == 0 {
			e.tense, e.would = dateTense(ts, i)
			e.forwardSoon = forwardCue(ts, i)
			e.generic = eventNouns[ts.Word(k)]
			if ts.Is(k, ")") {
				e.wd = bracketedWeekday(ts, i)
			}
		}
		return e, k, true
	}
	k := j
	if ts.Is(k, ",") {
		k++
	}
	if y, ok := yearAt(ts, k); ok {
		return expr{kind: kMonth, start: ts[i].Start, end: ts[k].End, m: m, y: y}, k + 1, true
	}
	prev := ts.Word(i - 1)
	if (m == 5 || m == 3) && !monthPreps[prev] && !attributiveMonth(ts, i, j) {
		return expr{}, 0, false
	}
	e := expr{kind: kMonth, start: ts[i].Start, end: ts[j-1].End, m: m}
	e.tense, _ = governingTense(ts, i)
	e.forwardSoon = e.tense == TensePast && forwardCue(ts, i)
	switch prev {
	case "last":
		e.mod, e.start = -1, ts[i-1].Start
	case "next":
		e.mod, e.start = 1, ts[i-1].Start
	case "this":
		e.mod, e.start = 2, ts[i-1].Start
	}
	if off, ok := yearAfterMonth(ts, j); ok && e.mod == 0 {
		// "In May this year", "in March last year": the month of the
		// year the phrase names, as "May 2019" is.
		e.mod, e.n, e.end = 2, off, ts[j+1].End
		j += 2
	}
	return e, j, true
}

// clockColon reports whether the colon at token k, right after a day
// number, is a clock's or a score's ("June 11: 30" split by the scanner),
// a number following it with no space: a colon that opens a quotation or
// a list ("rated this remark on June 11:") leaves the date whole.
func clockColon(ts toks, k int) bool {
	return ts.Is(k, ":") && ts.Kind(k+1) == text.LexNum && ts[k+1].Start == ts[k].End
}

// yearAfterMonth reads "this year", "last year" or "next year" at token
// i, right after a bare month, as the offset of that year from the
// reference's.
func yearAfterMonth(ts toks, i int) (int, bool) {
	if ts.Word(i+1) != "year" || ts.Is(i+2, "'") || ts.Is(i+2, "’") {
		return 0, false // not "May this year's budget"
	}
	switch ts.Word(i) {
	case "this":
		return 0, true
	case "last":
		return -1, true
	case "next":
		return 1, true
	}
	return 0, false
}

// dayRangeAt reads a range of days of one month at token i, "16-19" (one
// lexeme) or "16 – 19", the first day before the last: "September 16-19"
// is those four days, not the month.
func dayRangeAt(ts toks, i int) (d, d2, next int, ok bool) {
	if ts.Kind(i) == text.LexNum {
		if a, b, found := strings.Cut(ts[i].S, "-"); found {
			x, ok1 := atoi(a)
			y, ok2 := atoi(b)
			if ok1 && ok2 && len(a) <= 2 && len(b) <= 2 && x >= 1 && x < y && y <= 31 {
				return x, y, i + 1, true
			}
			return 0, 0, 0, false
		}
	}
	x, j, ok := dayNumber(ts, i)
	if !ok || ts.Kind(j) != text.LexPunct || !rangeDashes[ts[j].S] {
		return 0, 0, 0, false
	}
	y, k, ok := dayNumber(ts, j+1)
	if !ok || y <= x {
		return 0, 0, 0, false
	}
	return x, y, k, true
}

// rangeDashes join the two days of a range.
var rangeDashes = map[string]bool{"-": true, "–": true, "—": true}

// monthEventNouns name dated events a month may modify: "a March
// debate", "the May primary".
var monthEventNouns = map[string]bool{
	"debate": true, "debates": true, "election": true, "elections": true, "primary": true,
	"primaries": true, "vote": true, "meeting": true, "poll": true, "survey": true, "summit": true,
	"speech": true, "interview": true, "hearing": true, "referendum": true, "rally": true,
	"caucus": true, "caucuses": true, "runoff": true, "visit": true, "trip": true, "deadline": true,
	"ruling": true, "convention": true, "conference": true, "fundraiser": true, "report": true,
}

// attributiveMonth reports whether the month name at token i (ending
// before token j) modifies an event noun inside a noun phrase: a
// determiner at most three words back with only lower-case words (its
// adjectives) between, and an event noun right after ("At a crowded
// March conference"). "May" and "March" are the month there, not the verb.
func attributiveMonth(ts toks, i, j int) bool {
	if !monthEventNouns[ts.Word(j)] {
		return false
	}
	for k := i - 1; k >= i-3; k-- {
		w := ts.Word(k)
		if w == "" || ts[k].Upper && !determiners[w] {
			return false
		}
		if determiners[w] {
			return true
		}
	}
	return false
}

// orLeap substitutes a leap year for an unknown year when validating.
func orLeap(y int) int {
	if y == 0 {
		return 2000
	}
	return y
}

// matchDayMonth: "4 April", "4th of April 2017", "16-19 September".
func matchDayMonth(ts toks, i int) (expr, int, bool) {
	if d, d2, j, ok := dayRangeAt(ts, i); ok {
		if m, k, ok := monthAt(ts, j); ok {
			if !validDate(2000, m, d) {
				return expr{}, 0, false
			}
			e := expr{kind: kDate, start: ts[i].Start, end: ts[k-1].End, m: m, d: d, d2: min(d2, monthDays(2000, m))}
			if y, ok := yearAt(ts, k); ok {
				e.y, e.end, k = y, ts[k].End, k+1
			} else {
				e.tense, _ = governingTense(ts, i)
			}
			return e, k, true
		}
	}
	d, j, ok := dayNumber(ts, i)
	if !ok {
		return expr{}, 0, false
	}
	if ts.Word(j) == "of" {
		j++
	}
	m, k, ok := monthAt(ts, j)
	if !ok {
		return expr{}, 0, false
	}
	e := expr{kind: kDate, start: ts[i].Start, end: ts[k-1].End, m: m, d: d}
	if y, ok := yearAt(ts, k); ok {
		e.y, e.end, k = y, ts[k].End, k+1
	} else {
		e.tense, e.would = dateTense(ts, i)
		e.forwardSoon = forwardCue(ts, i)
		e.generic = eventNouns[ts.Word(k)]
	}
	if !validDate(orLeap(e.y), m, d) {
		return expr{}, 0, false
	}
	return e, k, true
}

// matchYear: a four-digit number read as a year ("in 2003", "the 1928
// satire", "a 2015 cease-fire"), or a decade ("the 1990s"). It is a count
// instead when a count word precedes it ("about 2000"), a currency sign
// precedes or a percent sign follows it, or a plural noun follows it
// ("2003 votes"; "the 2016 elections" is allowed).
func matchYear(ts toks, i int) (expr, int, bool) {
	y, ok := yearAt(ts, i)
	if !ok || y < 1500 || y > 2100 {
		return expr{}, 0, false
	}
	if yearBlockers[ts.Word(i-1)] || ts.Is(i-1, "$") || ts.Is(i-1, "#") || ts.Is(i+1, "%") {
		return expr{}, 0, false
	}
	if ts.Word(i+1) == "s" && ts.Adjacent(i+1) {
		if y%10 != 0 {
			return expr{}, 0, false
		}
		return expr{kind: kDecade, start: ts[i].Start, end: ts[i+1].End, y: y}, i + 2, true
	}
	if w := ts.Word(i + 1); len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !yearPluralOK[w] {
		return expr{}, 0, false
	}
	if next := ts.Word(i + 1); next == "percent" || next == "per" {
		return expr{}, 0, false
	}
	return expr{kind: kYear, start: ts[i].Start, end: ts[i].End, y: y}, i + 1, true
}

// dateTense is the governing tense of a yearless month-day at token i,
// and whether that tense is a bare "would" ("vowed that Britain would
// leave on Oct. 31"): a future seen from the past or a conditional one,
// which may lie on either side of the publication.
func dateTense(ts toks, i int) (Tense, bool) {
	t, name, j := governing(ts, i)
	if t == TensePresent && ts.Word(i-2) == "as" && ts.Word(i-1) == "of" {
		// "owns a third of the mill as of April 3": a present state
		// measured on a day, which has come (the present places a
		// date from the publication on); a future verb still looks
		// ahead ("as of Jan. 1 the law will require").
		return TenseUnknown, false
	}
	return t, name == "modal" && t == TenseFuture && ts.Word(j) == "would"
}

// matchWeekday: "Wednesday", "Wednesday morning", "last Friday", "next
// Tuesday", "Wednesday, April 12" (a weekday-paired date).
func matchWeekday(ts toks, i int) (expr, int, bool) {
	w := ts.Word(i)
	day, ok := text.Weekday(w)
	if !ok {
		day, ok = slipWeekday(ts, i)
	}
	if !ok || !ts[i].Upper {
		return expr{}, 0, false
	}
	wd := int(day) + 1 // expr.wd counts from 1
	j := i + 1
	if text.IsDateAbbrev(w) {
		if !ts.Is(j, ".") {
			return expr{}, 0, false
		}
		j++
	}
	// A date right after the weekday: "Wednesday, April 12".
	k := j
	if ts.Is(k, ",") {
		k++
	}
	if ts.Word(k) != "" || ts.Kind(k) == text.LexNum {
		var d expr
		var n int
		var ok bool
		if ts.Kind(k) == text.LexNum {
			d, n, ok = matchDayMonth(ts, k)
			if !ok {
				d, n, ok = matchNumeric(ts, k)
			}
		} else {
			d, n, ok = matchMonth(ts, k)
		}
		if ok && d.kind == kDate {
			d.start, d.wd = ts[i].Start, wd
			return d, n, true
		}
	}
	if weekdayPrefixes[ts.Word(i-1)] && ts.Kind(i-1) == text.LexWord && ts[i-1].Upper {
		return expr{}, 0, false // "Super Tuesday", "Fox News Sunday"
	}
	e := expr{kind: kWeekday, start: ts[i].Start, end: ts[j-1].End, wd: wd}
	if dayParts[ts.Word(j)] {
		e.end = ts[j].End
		j++
	}
	switch ts.Word(i - 1) {
	case "last", "past":
		e.mod, e.start = -1, ts[i-1].Start
	case "next", "coming":
		e.mod, e.start = 1, ts[i-1].Start
	case "this":
		e.mod, e.start = 2, ts[i-1].Start
	}
	var rule string
	e.tense, rule = governingTense(ts, i)
	e.counterfactual = rule == "modal" && e.tense == TensePast
	e.possessive = ts.Is(j, "'") && ts.Word(j+1) == "s" && ts.Adjacent(j) && ts.Adjacent(j+1) ||
		ts.Is(j, "’") && ts.Word(j+1) == "s" && ts.Adjacent(j) && ts.Adjacent(j+1) ||
		e.mod == 0 && determiners[ts.Word(i-1)] && monthEventNouns[ts.Word(j)] // "the Wednesday hearing"
	switch ts.Word(i - 1) {
	case "every", "each":
		e.generic = true // "every Sunday"
	}
	if e.mod == 0 && fromOrigin(ts, i, j) && (e.possessive || rule != "modal") {
		// a bare "from Monday" under a modal is a start ("the new
		// fares from Monday will be higher"), not an origin
		e.tense, e.possessive = TensePast, false
	}
	if e.mod == 0 && (e.tense == TensePast || e.tense == TenseUnknown) && !e.possessive && retimedCue(ts, i) {
		e.tense = TenseFuture // "postponed the vote until Tuesday", "set a vote for Friday" (soon.go)
	}
	return e, j, true
}

// resultNouns name only what an event left behind: their object has
// happened ("the aftermath of Monday's storm", "the fallout from Tuesday's
// vote", "in the wake of Friday's attack"). Nouns that also name what is
// still to come ("the outcome of Thursday's meeting will decide", "the
// result of Sunday's runoff is uncertain", "the impact of Friday's vote
// will be felt") are not among them.
var resultNouns = map[string]bool{
	"aftermath": true, "fallout": true, "wake": true, "aftereffects": true, "aftershocks": true,
}

// fromOrigin reports whether the weekday at token i (its phrase ending
// before token j) is the object of a "from" that names a noun's origin
// ("the photos from Wednesday", "the footage from Saturday's rally"): a
// noun of a noun phrase before "from" (a determiner at most three words
// before it, none but lowercase words that no tense rule claims between),
// and no range's other edge after the weekday ("from Monday to
// Friday"); or the object of a result noun's "of" or "from" ("the
// aftermath of Monday's storm"). What comes from a day, or what an event
// left behind, has happened: the day is the most recent such one,
// whatever the tense of the clause ("is clear", "is still small").
func fromOrigin(ts toks, i, j int) bool {
	if p := ts.Word(i - 1); (p == "of" || p == "from") && resultNouns[ts.Word(i-2)] && ts.Kind(i-2) == text.LexWord && !ts[i-2].Upper {
		return true // "the aftermath of Monday's storm"
	}
	if ts.Word(i-1) != "from" {
		return false
	}
	if ts.Is(j, "'") || ts.Is(j, "’") {
		j += 2 // "from Saturday's rally"
	}
	switch ts.Word(j) {
	case "to", "until", "till", "through", "thru", "into", "onward", "onwards", "on":
		return false
	}
	if ts.Is(j, "-") || ts.Is(j, "–") || ts.Is(j, "—") {
		return false
	}
	n := i - 2
	if w := ts.Word(n); ts.Kind(n) != text.LexWord || ts[n].Upper || strings.HasSuffix(w, "ing") || regularPast(w) || pastForms[w] || participles[w] || notVerbs[w] {
		return false
	}
	if _, name := classify(ts, n); name != "" {
		return false
	}
	for k := n - 1; k >= n-3 && k >= 0; k-- {
		switch w := ts.Word(k); {
		case determiners[w]:
			return true
		case ts.Kind(k) != text.LexWord || ts[k].Upper || nounPreps[w] || notVerbs[w]:
			return false
		}
		if _, name := classify(ts, k); name != "" {
			return false
		}
	}
	return false
}

// slipWeekday reads the word at token i as a full weekday name with two
// adjacent letters swapped ("Wednedsay", "Thrusday"), a slip no English
// word makes: capitalised, and in a weekday's slot, not inside a name (no
// capitalised word after it, and none before it but a sentence's first).
// Other slips (a letter changed, dropped or added) are not read: they
// make names and words ("Munday", "Sundar", "Frida", "Mondays").
func slipWeekday(ts toks, i int) (time.Weekday, bool) {
	w := ts.Word(i)
	if len(w) < 6 || !ts[i].Upper || ts.Kind(i) != text.LexWord {
		return 0, false
	}
	if ts.Kind(i+1) == text.LexWord && ts[i+1].Upper {
		return 0, false
	}
	if ts.Kind(i-1) == text.LexWord && ts[i-1].Upper && ts.Kind(i-2) != text.LexBreak {
		return 0, false // "Ann Thrusday"; but "On Wednedsay" opens a sentence
	}
	if ts.Is(i-1, ".") && ts.Kind(i-2) == text.LexWord && ts[i-2].Upper && ts.Adjacent(i-1) {
		return 0, false // "Sen. Thrusday", "Mr. Fridya": a title before a name
	}
	b := []byte(w)
	for k := 0; k+1 < len(b); k++ {
		if b[k] == b[k+1] {
			continue
		}
		b[k], b[k+1] = b[k+1], b[k]
		d, ok := text.Weekday(string(b))
		b[k], b[k+1] = b[k+1], b[k]
		if ok && len(w) >= 6 {
			return d, true
		}
	}
	return 0, false
}

// matchDayWord: "today", "tonight", "yesterday", "tomorrow" (with an
// optional day part: "yesterday morning"), "this morning" and "last night".
func matchDayWord(ts toks, i int) (expr, int, bool) {
	n := 0
	switch ts.Word(i) {
	case "today", "tonight":
	case "yesterday":
		n = -1
	case "tomorrow":
		n = 1
	case "last":
		// "last night" is the night before the reference (not "the last
		// night of the festival": after a determiner it is an ordinal).
		// After "one" it is mostly the night before too ("rescued two on
		// Sunday and one last night"), so "one last night at the ground"
		// is left to that reading.
		if ts.Word(i+1) != "night" || determiners[ts.Word(i-1)] {
			return expr{}, 0, false
		}
		return expr{kind: kDayOffset, start: ts[i].Start, end: ts[i+1].End, n: -1}, i + 2, true
	case "this":
		if dayParts[ts.Word(i+1)] && ts.Word(i+1) != "night" {
			return expr{kind: kDayOffset, start: ts[i].Start, end: ts[i+1].End}, i + 2, true
		}
		return expr{}, 0, false
	default:
		return expr{}, 0, false
	}
	e := expr{kind: kDayOffset, start: ts[i].Start, end: ts[i].End, n: n}
	j := i + 1
	if dayParts[ts.Word(j)] {
		e.end = ts[j].End
		j++
	}
	e.generic = j == i+1 && nowadays(ts, i)
	return e, j, true
}

// nowadays reports whether the bare "today" at token i means "these days",
// not the publication's day: its clause is a present state or habit ("the
// masks we find today", "Today, such floods are rare", "as the town is
// today"). The day is meant when anything ties the clause to one day: a
// past, perfect, future, modal, scheduled or progressive verb ("voted
// today", "will sign the forms today", "is meeting today"), a noun it
// names the day of ("today's ruling", "the debate of today"), or "today"
// as the subject of "be" ("Today is the deadline"). A present state told
// by the speaker about himself ("we're happy today", "I am tired today")
// is the day too, and so is "be" with a passing state ("Schools are
// closed today", "the mayor is in Boston today": passingState).
func nowadays(ts toks, i int) bool {
	if ts.Word(i) != "today" {
		return false
	}
	if ts.Is(i+1, "'") && ts.Word(i+2) == "s" && ts.Adjacent(i+1) || ts.Word(i+1) == "s" && ts.Adjacent(i+1) {
		return false // "today's ruling"
	}
	switch ts.Word(i - 1) {
	case "of":
		return false // "the debate of today", "as of today"
	case "from":
		return false // "From today, passengers must wear masks": a start is a day
	case "until", "till":
		if ts.Kind(i-2) == text.LexWord && !ts.Is(i-2, ",") {
			return false // "closed until today", "have until today to file": a limit is a day
		}
	}
	switch ts.Word(i + 1) {
	case "is", "was", "marks":
		if i == 0 || ts.Kind(i-1) != text.LexWord {
			return false // "Today is the last day to register"
		}
	}
	if ts.Word(i-1) == "even" {
		// "Even today, the town is divided", "the feuds that, even
		// today, split the valley": the particle sets the present
		// against all the years before it, a state lasting up to now.
		// Its own clause (the verb after it) decides; a past or a
		// future there ("even today, she said", "even today it will
		// rain") keeps the day.
		t, _, _ := tenseAt(ts, i, asides(ts, i))
		return t != TensePast && t != TenseFuture
	}
	t, name, j := governing(ts, i)
	if ts.Is(i-1, ",") {
		// "To show what is in the files, today the mayor released
		// them": a "today" opening a clause after a
		// comma belongs to that clause, whose verb follows it.
		t, name, j = tenseAt(ts, i, asides(ts, i))
	}
	if name == "modal" && epistemic(ts, j) {
		t, name = TensePresent, "epistemic" // "may only be a sketch today", "Today it may well have grown"
	}
	if t != TensePresent {
		return false
	}
	switch name {
	case "present-form":
		if comparedNow(ts, i, j) {
			return true // "We're a different company today than we were": nowadays
		}
		switch ts.Word(beSubject(ts, j)) {
		case "i", "we", "you":
			return false // "we are happy today": the speaker's state on the day
		}
		return !passingState(ts, j, i)
	case "subject-verb", "verb-object", "relative-present", "epistemic":
		// the present simple of any other verb: a state or habit
		// ("the ferries that run today", "the masks we find today",
		// "it still keeps the village lively today")
		return true
	}
	return false
}

// passingStates are predicates of a state that holds for a day or less
// (a stage-level predicate): a place's opening hours, a market's move,
// the weather, a person's whereabouts or health. After "be" with
// "today" they speak of the day ("Schools are closed today", "Stocks are
// higher today"), where a lasting property speaks of nowadays ("Such
// floods are rare today", "most phones are made in Asia").
var passingStates = map[string]bool{
	"open": true, "closed": true, "shut": true, "higher": true, "lower": true, "up": true,
	"down": true, "flat": true, "mixed": true, "hot": true, "cold": true, "warm": true,
	"cool": true, "sunny": true, "rainy": true, "wet": true, "dry": true, "windy": true,
	"cloudy": true, "stormy": true, "snowy": true, "humid": true, "absent": true, "away": true,
	"off": true, "home": true, "back": true, "due": true, "late": true, "busy": true,
	"sick": true, "ill": true,
}

// passingState reports whether the "be" at token j, governing the
// "today" at token i, takes a passing state (passingStates, or a
// person's whereabouts, "in|at" and a place's name after a person
// subject: "the mayor is in Boston today") with no comparison ("higher
// today than ever", "as high today as in 1990": nowadays). A thing's
// place ("much of the old realm is in Spain today") lasts, and "on" and
// a name is as often a programme ("is on Medicaid today") as a place.
func passingState(ts toks, j, i int) bool {
	if !beForms[ts.Word(j)] && !contractedBe(ts, j) {
		return false
	}
	if comparedNow(ts, i, j) {
		return false
	}
	k := j + 1
	for n := 0; n < 2 && (ts.Word(k) == "still" || ts.Word(k) == "also" || ts.Word(k) == "not" || ts.Word(k) == "all"); n++ {
		k++
	}
	switch w := ts.Word(k); {
	case passingStates[w] && !ts[k].Upper:
		return true
	case w == "in" || w == "at":
		return k+1 < len(ts) && ts[k+1].Upper && ts.Kind(k+1) == text.LexWord && personSubject(ts, j)
	}
	return false
}

// comparedNow reports whether "than" or "as" stands between the "today"
// at token i and its verb at token j, or just after the later of them
// ("higher today than ever", "as high today as in 1990"): today set
// against other times is nowadays.
func comparedNow(ts toks, i, j int) bool {
	lo, hi := min(i, j), max(i, j)
	for k := lo; k <= hi+2 && k < len(ts); k++ {
		if w := ts.Word(k); w == "than" || w == "as" {
			return true
		}
	}
	return false
}

// personSubject reports whether the word before the verb at token j is
// a person: "he", "she", "they", a capitalised name, or a noun of
// office (personNouns).
func personSubject(ts toks, j int) bool {
	s := beSubject(ts, j)
	if s < 0 || ts.Kind(s) != text.LexWord {
		return false
	}
	switch w := ts.Word(s); {
	case w == "he" || w == "she" || w == "they" || personNouns[w]:
		return true
	case ts[s].Upper:
		return !subjectPronouns[w] && !determiners[w] // "It is in ...", "This is in ..."
	}
	return false
}

// personNouns are nouns of office whose holder's whereabouts news
// reports by the day.
var personNouns = map[string]bool{
	"mayor": true, "president": true, "governor": true, "senator": true, "minister": true,
	"premier": true, "chancellor": true, "pope": true, "king": true, "queen": true, "prince": true,
	"leader": true, "candidate": true, "nominee": true, "secretary": true, "envoy": true,
	"ambassador": true, "chief": true, "delegation": true, "team": true, "coach": true,
}

// epistemic reports whether the modal at token j speaks of what is
// possibly or surely so, not of what will happen: "may", "might",
// "could" or "must" (adverbs after it skipped) before "be" and no
// participle or "-ing" form ("may only be a sketch", not "may be
// repealed", "might be leaving"), or before "have" and a participle
// ("may well have expanded"). Its subject's present state, or a result
// holding now, is read as "be" is: with "today", nowadays (not for the
// speaker's own: "we may be late today").
func epistemic(ts toks, j int) bool {
	switch ts.Word(j) {
	case "may", "might", "could", "must":
	default:
		return false
	}
	switch ts.Word(j - 1) {
	case "i", "we", "you":
		return false
	}
	k := j + 1
	for n := 0; n < 2 && (ts.Word(k) == "only" || ts.Word(k) == "well" || ts.Word(k) == "still" || ts.Word(k) == "also" || ts.Word(k) == "not"); n++ {
		k++
	}
	nx := ts.Word(k + 1)
	switch ts.Word(k) {
	case "be":
		return !regularPast(nx) && !pastForms[nx] && !strings.HasSuffix(nx, "en") && !strings.HasSuffix(nx, "ing")
	case "have":
		return regularPast(nx) || pastForms[nx] || participles[nx]
	}
	return false
}

// matchUnitRel: "last week", "this month", "next year", "earlier this
// week", "later this month", "last weekend".
func matchUnitRel(ts toks, i int) (expr, int, bool) {
	part := 0
	j := i
	switch ts.Word(j) {
	case "earlier":
		part = -1
		j++
	case "later":
		part = 1
		j++
	}
	mod, current := 0, false
	switch ts.Word(j) {
	case "last", "past":
		mod = -1
	case "this":
		mod = 2
	case "current":
		if ts.Word(j-1) != "the" {
			return expr{}, 0, false
		}
		mod, current = 2, true // "the current year", as "this year"
	case "next", "coming":
		mod = 1
	case "following":
		if part == 0 {
			return matchFollowing(ts, j)
		}
		return expr{}, 0, false
	default:
		return expr{}, 0, false
	}
	if part != 0 && mod != 2 {
		return expr{}, 0, false
	}
	if ts[j].Upper && j+1 < len(ts) && ts[j+1].Upper && ts.Kind(j-1) != text.LexBreak && j > 0 {
		return expr{}, 0, false // a programme title: ABC's "This Week"
	}
	u, ok := unitWords[ts.Word(j+1)]
	if ok && u == uDecade && mod == -1 && part == 0 && ts.Word(i-1) == "the" && ts.Word(j+2) != "of" {
		// "over the past decade" is the ten years to the publication, as
		// "the past ten years"; "the last decade of the century" is not.
		return expr{kind: kRecent, start: ts[i].Start, end: ts[j+1].End, unit: u, n: 1}, j + 2, true
	}
	misspelt := ok && misspeltPossessive(ts, i, j+1)
	if !ok || u == uDecade || strings.HasSuffix(ts.Word(j+1), "s") && !misspelt {
		return expr{}, 0, false
	}
	if ts.Word(i-1) == "the" && mod == -1 { // "the past week" = the last seven days
		return expr{kind: kRecent, start: ts[i].Start, end: ts[j+1].End, unit: u, n: 1}, j + 2, true
	}
	if u == uDay { // "last day", "this day" are not dates
		return expr{}, 0, false
	}
	e := expr{kind: kUnitRel, start: ts[i].Start, end: ts[j+1].End, unit: u, mod: mod, part: part, current: current}
	if misspelt {
		e.end-- // the expression is "this year", as in "this year's"
	}
	e.tense, _ = governingTense(ts, i)
	e.sequel = mod == 1 && part == 0 && ts.Word(j) == "next" && sequelNext(ts, j)
	return e, j + 2, true
}

// misspeltPossessive reports whether the plural unit at token k after
// "this", "last" or "next" (token k-1; the expression opens at token i)
// is a singular possessive spelt with the apostrophe after the "s":
// "this years’ edition" is "this year's edition", as "this" takes no
// plural; "the last years' data" is a plural, and is not read.
func misspeltPossessive(ts toks, i, k int) bool {
	w := ts.Word(k)
	if !strings.HasSuffix(w, "s") || ts.Word(i-1) == "the" || i != k-1 {
		return false
	}
	switch ts.Word(k - 1) {
	case "this", "last", "next":
	default:
		return false
	}
	return (ts.Is(k+1, "'") || ts.Is(k+1, "’")) && ts.Adjacent(k+1) && ts.Word(k+2) != "s"
}

// matchFollowing: "the following year" (the word "following" at token
// i) counts from the narrative, never from the publication: the year
// after the last year the text stated, as "the very next year"
// (sequelValue); "the following day" is a day after the last date the
// text gave, as "a day later". Other units, and a span after a
// preposition of extent ("over the following year"), are not read.
func matchFollowing(ts toks, i int) (expr, int, bool) {
	if ts.Word(i-1) != "the" || extentPreps[ts.Word(i-2)] && ts.Word(i-2) != "in" && ts.Word(i-2) != "during" {
		return expr{}, 0, false
	}
	switch ts.Word(i + 1) {
	case "year":
		e := expr{kind: kUnitRel, start: ts[i].Start, end: ts[i+1].End, unit: uYear, mod: 1, sequel: true}
		e.tense, _ = governingTense(ts, i)
		return e, i + 2, true
	case "day":
		e := expr{kind: kAfter, start: ts[i].Start, end: ts[i+1].End, unit: uDay, n: 1, mod: 1}
		e.tense, _ = governingTense(ts, i)
		return e, i + 2, true
	}
	return expr{}, 0, false
}

// spanPreps before "the next week|month|year" make it the span starting
// now ("over the next year", "in the next month"), not a sequel.
var spanPreps = map[string]bool{
	"in": true, "over": true, "within": true, "during": true, "for": true, "into": true, "through": true,
	"throughout": true, "across": true, "of": true,
}

// sequelNext reports whether the "next" at token i follows a definite
// article that makes it count from the narrative's last time, not from
// the publication: "ran again the very next year", "and the next year he
// left" (but "over the next year" is the coming twelve months).
func sequelNext(ts toks, i int) bool {
	j := i - 1
	if ts.Word(j) == "very" {
		return ts.Word(j-1) == "the"
	}
	return ts.Word(j) == "the" && !spanPreps[ts.Word(j-1)]
}

// matchSpan: a span from the reference on, "over the next decade", "in
// the next couple of weeks", "within the next 10 days", "in the coming
// weeks": a preposition of extent, "the", "next" or "coming", an optional
// count, and a plural unit (or "decade"). It is placed only in a future
// clause (resolveOne): in a past one it counts from the narrative's time,
// and without a cue it is often advice ("Put a bit aside over the next
// three years").
func matchSpan(ts toks, i int) (expr, int, bool) {
	w := ts.Word(i)
	switch {
	case w != "next" && w != "coming":
		return expr{}, 0, false
	case ts.Word(i-1) == "the" && extentPreps[ts.Word(i-2)]:
	case w == "coming" && extentPreps[ts.Word(i-1)]: // "in coming weeks"
	default:
		return expr{}, 0, false
	}
	j := i + 1
	n, approx := 1, false
	if c, k, ap, ok := countAt(ts, j); ok {
		n, approx, j = c, ap, k
		if ts.Word(j-1) == "couple" || ts.Word(j-2) == "couple" {
			n, approx = 2, false // "a couple of" is two
		}
	}
	u, ok := unitWords[ts.Word(j)]
	plural := strings.HasSuffix(ts.Word(j), "s")
	switch {
	case !ok || u == uWeekend:
		return expr{}, 0, false
	case j == i+1 && plural: // "the coming weeks": a few
		n, approx = 3, true
	case j == i+1 && u != uDecade: // "the next year" is matchUnitRel's
		return expr{}, 0, false
	case j > i+1 && !plural && n != 1:
		return expr{}, 0, false
	}
	e := expr{kind: kSpan, start: ts[i].Start, end: ts[j].End, n: n, unit: u, approx: approx}
	e.tense, _ = governingTense(ts, i)
	if (e.tense == TensePresent || e.tense == TenseUnknown) && inConditional(ts, i) {
		// "if they don't pass it in the next two weeks": a present for
		// the future; so too with no tense cue ("if the team learns
		// enough in the coming years"), as a past "if" clause shows its
		// past verb.
		e.tense = TenseFuture
	}
	return e, j + 1, true
}

// extentPreps before "the next N units" make it a span of time.
var extentPreps = map[string]bool{
	"in": true, "over": true, "within": true, "during": true, "for": true, "through": true,
	"throughout": true, "across": true,
}

// matchEventDay: "the day before the debate", "the day after the
// election", "the night before the vote" (the expression is "day
// before", "night before"): the day next to an event,
// placed only when the text dates that event (resolveAll).
func matchEventDay(ts toks, i int) (expr, int, bool) {
	if w := ts.Word(i); w != "day" && !dayParts[w] || ts.Word(i-1) != "the" {
		return expr{}, 0, false
	}
	mod := 0
	switch ts.Word(i + 1) {
	case "before":
		mod = -1
	case "after":
		mod = 1
	default:
		return expr{}, 0, false
	}
	if datedApposition(ts, i-2) {
		// "on Wednesday, the day after the vote": the phrase restates
		// the day just given, so it is that day (a count of none from
		// the last date).
		return expr{kind: kAfter, start: ts[i].Start, end: ts[i+1].End, unit: uDay, n: 0, mod: mod}, i + 2, true
	}
	if adverbialAfter(ts, i+2) {
		// "summarized a meeting the day before.": a day before the last
		// date the text gave, as "a day earlier".
		return expr{kind: kAfter, start: ts[i].Start, end: ts[i+1].End, unit: uDay, n: 1, mod: mod}, i + 2, true
	}
	if ts.Word(i+2) != "the" {
		return expr{}, 0, false
	}
	noun := eventAfter(ts, i+3)
	if noun == "" {
		return expr{}, 0, false
	}
	return expr{kind: kEventDay, start: ts[i].Start, end: ts[i+1].End, mod: mod, event: noun}, i + 2, true
}

// datedApposition reports whether the comma at token k follows a
// weekday or a month-day ("on Wednesday, the day after", "on May 3, the
// day before"): "the day after|before" right after it is an apposition
// to that day. A weekday with a part of day ("Wednesday night, the day
// after") is not the day of "day".
func datedApposition(ts toks, k int) bool {
	if !ts.Is(k, ",") || k < 1 {
		return false
	}
	if _, ok := text.Weekday(ts.Word(k - 1)); ok && ts[k-1].Upper {
		return true
	}
	if _, _, ok := dayNumber(ts, k-1); ok && ts.Kind(k-1) == text.LexNum {
		_, _, ok := monthAt(ts, k-2)
		return ok
	}
	return false
}

// adverbialAfter reports whether token i, right after "the day before"
// or "the night after", ends the phrase as an adverb: punctuation, the end
// of the sentence, or a preposition opening another phrase ("the day
// before by the mission", "the night before in Ohio"); not an object
// ("the day before the vote", "the day after he left", "the day before
// yesterday").
func adverbialAfter(ts toks, i int) bool {
	switch ts.Kind(i) {
	case text.LexBreak:
		return true
	case text.LexPunct:
		return ts[i].S != "'" && ts[i].S != "’" && ts[i].S != "-"
	case text.LexWord:
		switch ts.Word(i) {
		case "by", "in", "at", "with", "from":
			return true
		}
	}
	return false
}

// eventAfter returns the event noun among the first words from token i,
// at most two lower-case modifiers before it ("first presidential
// debate"), or "".
func eventAfter(ts toks, i int) string {
	for k := i; k < i+3; k++ {
		w := ts.Word(k)
		if w == "" || ts[k].Upper {
			return ""
		}
		if monthEventNouns[w] {
			return w
		}
	}
	return ""
}

// datedEvent returns the event noun that the date expression spanning
// tokens [i, next) dates: "Monday's debate", "the Sept. 26 debate" (after
// it), "the debate Monday night", "the vote on Tuesday" (right before it);
// "" when none.
func datedEvent(ts toks, i, next int) string {
	k := next
	if (ts.Is(k, "'") || ts.Is(k, "’")) && ts.Word(k+1) == "s" && ts.Adjacent(k) && ts.Adjacent(k+1) {
		k += 2
	}
	if w := eventAfter(ts, k); w != "" {
		return w
	}
	j := i - 1
	if ts.Word(j) == "on" {
		j--
	}
	if w := ts.Word(j); monthEventNouns[w] && !ts[j].Upper {
		return w
	}
	return ""
}

// matchTheWeekend: "over the weekend", "during the weekend", "at the
// weekend", "spent the weekend" (the expression is "weekend"): the weekend nearest the reference in the
// direction of the verb it dates (resolveUnitRel); unresolved with no
// tense cue or a present perfect.
func matchTheWeekend(ts toks, i int) (expr, int, bool) {
	if ts.Word(i) != "weekend" || ts.Word(i-1) != "the" {
		return expr{}, 0, false
	}
	spent := false
	switch ts.Word(i - 2) {
	case "over", "during", "at": // "at the weekend" is British for "over the weekend"
	case "spent":
		spent = true // "spent the weekend watching": the past of the weekend's own verb
	default:
		return expr{}, 0, false
	}
	e := expr{kind: kUnitRel, start: ts[i].Start, end: ts[i].End, unit: uWeekend, mod: 3}
	t, name, j := governing(ts, i)
	switch {
	case spent && !haveForms[ts.Word(skipAdverbs(ts, i-3))]:
		e.tense = TensePast
	case t == TenseUnknown || presentPerfect(ts, name, j):
		// Which weekend is meant rests on the verb it dates. A present
		// perfect takes no definite past time ("has apologized for his
		// remarks over the weekend": the weekend dates the remarks, whose
		// time the clause does not tell), and without a verb there is no
		// cue: unresolved.
		e.generic = true
	default:
		e.tense = t
	}
	return e, i + 1, true
}

// countAt reads a count at token i: digits, a number word, or a vague count
// ("several", "a few", "a couple of"). approx is set for vague counts.
func countAt(ts toks, i int) (n int, next int, approx bool, ok bool) {
	if v, ok := num(ts, i); ok && v > 0 && v < 1000 && ts[i].Kind == text.LexNum && !strings.ContainsAny(ts[i].S, ".,:/-") {
		return v, i + 1, false, true
	}
	w := ts.Word(i)
	if w == "a" && (ts.Word(i+1) == "few" || ts.Word(i+1) == "couple") {
		j := i + 2
		if ts.Word(j) == "of" {
			j++
		}
		return 3, j, true, true
	}
	if vagueCounts[w] && w != "some" && w != "many" {
		if w == "couple" && ts.Word(i+1) == "of" {
			return 3, i + 2, true, true // "the past couple of weeks"
		}
		return 3, i + 1, true, true
	}
	if v, ok := numberWords[w]; ok {
		j := i + 1
		if ts.Is(j, "-") && ts.Adjacent(j) { // "twenty-five"
			if u, ok := numberWords[ts.Word(j+1)]; ok && u < 10 && v >= 20 {
				return v + u, j + 2, false, true
			}
		}
		return v, j, false, true
	}
	return 0, 0, false, false
}

// awayFromNow reports whether a count whose first token is i, its unit
// at u and "away" after it, is the predicate of a present "be" or
// "remain" (hedges and "now", "still" between: "the final is now just
// nine days away") whose subject names an event (awayEvents): a distance in
// time from now. A place's distance ("the nearest clinic is a day away
// by road") is no time, nor is a count followed by a means or a start
// ("by", "on foot", "from", "drive"); a past "be" ("was a week away")
// counts from the narrative's time, and other uses ("moved a year away
// from home") are no time.
func awayFromNow(ts toks, i, u int) bool {
	switch nx := ts.Word(u + 2); nx {
	case "by", "from", "drive", "walk", "ride", "flight", "sail", "journey", "trip":
		return false
	case "on":
		if ts.Word(u+3) == "foot" {
			return false
		}
	}
	for j, n := i-1, 0; j >= 0 && n < 4 && ts[j].Kind == text.LexWord; j, n = j-1, n+1 {
		switch w := ts.Word(j); w {
		case "is", "are", "remains", "remain", "s", "re":
			return eventSubject(ts, j)
		case "now", "still", "only", "just", "less", "than", "more", "nearly", "almost", "about", "roughly", "barely":
		default:
			return false
		}
	}
	return false
}

// eventSubject reports whether the subject before the verb at v (up to
// six words back, within its clause) holds an event noun.
func eventSubject(ts toks, v int) bool {
	for j, n := v-1, 0; j >= 0 && n < 6 && ts[j].Kind == text.LexWord; j, n = j-1, n+1 {
		if w := ts.Word(j); awayEvents[w] {
			return true
		} else if clauseOpeners[w] || w == "said" || w == "says" {
			return false
		}
	}
	return false
}

// awayEvents are nouns of events that a count "away" can place in time:
// "the final is nine days away" is a date, "the camp is a day away" a
// distance.
var awayEvents = map[string]bool{
	"election": true, "elections": true, "vote": true, "votes": true, "ballot": true, "referendum": true,
	"poll": true, "polls": true, "primary": true, "primaries": true, "runoff": true, "caucus": true,
	"caucuses": true, "deadline": true, "trial": true, "hearing": true, "verdict": true, "sentencing": true,
	"launch": true, "game": true, "games": true, "match": true, "final": true, "finals": true,
	"tournament": true, "race": true, "season": true, "summit": true, "meeting": true, "conference": true,
	"convention": true, "debate": true, "debates": true, "festival": true, "ceremony": true,
	"inauguration": true, "wedding": true, "opening": true, "premiere": true, "release": true,
	"anniversary": true, "holiday": true, "holidays": true, "olympics": true, "cup": true,
	"playoffs": true, "kickoff": true,
}

// andAHalf reads "and a half" at token j, with or without hyphens
// ("two-and-a-half"), and returns the token after it.
func andAHalf(ts toks, j int) (int, bool) {
	for _, w := range []string{"and", "a", "half"} {
		if ts.Is(j, "-") && ts.Adjacent(j) {
			j++
		}
		if ts.Word(j) != w {
			return 0, false
		}
		j++
	}
	return j, true
}

// matchCountUnit: "three years ago", "2 days later", "several weeks ago",
// "two days after", "a week earlier", "three days from now", "in 10 days"
// (placed only in a future clause).
func matchCountUnit(ts toks, i int) (expr, int, bool) {
	n, j, approx, ok := countAt(ts, i)
	if !ok {
		return expr{}, 0, false
	}
	half := false
	if k, ok := andAHalf(ts, j); ok && !approx {
		half, j = true, k // "two and a half years ago", "two-and-a-half months ago"
	}
	if subDayUnits[ts.Word(j)] {
		if half {
			return expr{}, 0, false
		}
		return matchClauseHours(ts, i, j)
	}
	u, ok := unitWords[ts.Word(j)]
	if !ok || u == uWeekend {
		return expr{}, 0, false
	}
	e := expr{start: ts[i].Start, end: ts[j+1-1].End, n: n, unit: u, approx: approx, half: half}
	if half && (ts.Word(j+1) != "ago" || u == uDay) {
		// Only "N and a half units ago" is read: which day half a day
		// gives is unsaid, and the anchored and span forms count whole
		// units.
		return expr{}, 0, false
	}
	switch ts.Word(j + 1) {
	case "ago":
		e.kind = kAgo
		e.end = ts[j+1].End
		return e, j + 2, true
	case "later", "after":
		e.kind, e.mod = kAfter, 1
	case "earlier", "before", "prior":
		e.kind, e.mod = kAfter, -1
	case "from":
		if ts.Word(j+2) == "now" {
			e.kind, e.mod, e.end = kAgo, 1, ts[j+2].End
			return e, j + 3, true
		}
		return expr{}, 0, false
	case "away":
		if !awayFromNow(ts, i, j) {
			return expr{}, 0, false
		}
		// "the final is nine days away": as "nine days from now".
		e.kind, e.mod, e.end = kAgo, 1, ts[j+1].End
		return e, j + 2, true
	default:
		if ts.Word(i-1) != "in" || approx || ts.Word(j+1) == "or" || ts.Word(j+1) == "and" || sinceSpan(ts, i-1) {
			return expr{}, 0, false
		}
		// "the vote will be held in 10 days": a point after the reference.
		e.kind, e.mod, e.ahead = kAgo, 1, true
		e.tense, _ = governingTense(ts, i)
		return e, j + 1, true
	}
	e.end = ts[j+1].End
	e.prep, e.tense = anchoredClause(ts, i, j+1)
	return e, j + 2, true
}

// subDayUnits are units shorter than a day: "a few hours after the
// vote" is read only as a preposition, dating the clause it modifies
// (placeClauseDates), which lies on the day of another date of the
// sentence; "hours later", "two hours ago" are not read (which day they
// fall on is unsaid).
var subDayUnits = map[string]bool{"hour": true, "hours": true, "minute": true, "minutes": true}

// matchClauseHours: "a few hours after the vote", "hours before the
// polls closed", with the unit at token j (counted from token i; i == j
// for no count): a prepositional anchored phrase, dated as its clause.
func matchClauseHours(ts toks, i, j int) (expr, int, bool) {
	switch ts.Word(j + 1) {
	case "after", "before":
	default:
		return expr{}, 0, false
	}
	prep, t := anchoredClause(ts, i, j+1)
	if !prep {
		return expr{}, 0, false // "hours after that": from an undated time
	}
	e := expr{kind: kAfter, start: ts[i].Start, end: ts[j+1].End, n: 1, unit: uDay, prep: true, tense: t}
	return e, j + 2, true
}

// ordinals count occurrences within a span ("the third race in three
// years").
var ordinals = map[string]bool{
	"first": true, "second": true, "third": true, "fourth": true, "fifth": true, "sixth": true,
	"seventh": true, "eighth": true, "ninth": true, "tenth": true,
}

// sinceSpan reports whether the "in" at token i follows an ordinal, a
// superlative or "time" in its clause ("the first time in 10 years", "the
// lowest in 30 years", "the third race in three years"): the count is
// then a span back from the reference, not a point after it.
func sinceSpan(ts toks, i int) bool {
	for k := i - 1; k >= i-5 && ts.Kind(k) != text.LexBreak; k-- {
		if ts.Is(k, ",") {
			return false
		}
		switch w := ts.Word(k); {
		case ordinals[w] || w == "time" || w == "ever" || w == "only" || w == "most" || w == "last":
			return true
		case len(w) > 4 && strings.HasSuffix(w, "est"):
			return true
		}
	}
	return false
}

// matchBareUnitAfter: "days after that attack", "weeks later", "months
// earlier" (no count: approximate), and "weeks ago".
func matchBareUnitAfter(ts toks, i int) (expr, int, bool) {
	if w := ts.Word(i); subDayUnits[w] && strings.HasSuffix(w, "s") {
		if _, _, _, ok := countAt(ts, i-1); !ok {
			return matchClauseHours(ts, i, i)
		}
	}
	u, ok := unitWords[ts.Word(i)]
	if !ok || !strings.HasSuffix(ts.Word(i), "s") {
		return expr{}, 0, false
	}
	if _, _, _, ok := countAt(ts, i-1); ok || ts.Word(i-1) == "half" {
		return expr{}, 0, false // counted ("two and a half days ago": matchCountUnit's)
	}
	e := expr{start: ts[i].Start, end: ts[i+1-1].End, n: 3, unit: u, approx: true}
	switch ts.Word(i + 1) {
	case "ago":
		e.kind = kAgo
		switch ts.Word(i - 1) {
		case "many", "long", "so":
			e.generic = true // "many years ago": no one time
		}
		if coordinatedUnit(ts, i) {
			e.generic = true // "months, weeks or days ago": any time
		}
		if inConditional(ts, i) {
			e.generic = true // "if you sold those bonds years ago": a case, not a time
		}
	case "later", "after":
		e.kind, e.mod = kAfter, 1
	case "earlier", "before", "prior":
		e.kind, e.mod = kAfter, -1
	default:
		return expr{}, 0, false
	}
	e.end = ts[i+1].End
	if e.kind == kAfter {
		e.prep, e.tense = anchoredClause(ts, i, i+1)
	}
	return e, i + 2, true
}

// coordinatedUnit reports whether the unit word at token i closes a list
// of unit words ("months, weeks or days", "weeks or months"): the phrase
// then names no one time.
func coordinatedUnit(ts toks, i int) bool {
	j := i - 1
	switch ts.Word(j) {
	case "or", "and":
		j--
	default:
		return false
	}
	if ts.Is(j, ",") {
		j--
	}
	_, ok := unitWords[ts.Word(j)]
	return ok && strings.HasSuffix(ts.Word(j), "s")
}

// matchRecent: "in recent months", "recent weeks", "the past few weeks",
// "the last three days", "the past two years", "these past eight years".
func matchRecent(ts toks, i int) (expr, int, bool) {
	w := ts.Word(i)
	if w == "recent" {
		u, ok := unitWords[ts.Word(i+1)]
		if !ok || !strings.HasSuffix(ts.Word(i+1), "s") {
			return expr{}, 0, false
		}
		e := expr{kind: kRecent, start: ts[i].Start, end: ts[i+1].End, unit: u, n: 3, approx: true}
		e.generic = unitListed(ts, i+1)
		return e, i + 2, true
	}
	if (w == "past" || w == "last") && (ts.Word(i-1) == "the" || ts.Word(i-1) == "these") {
		n, j, approx, ok := countAt(ts, i+1)
		if !ok {
			return expr{}, 0, false
		}
		u, ok := unitWords[ts.Word(j)]
		if !ok || !strings.HasSuffix(ts.Word(j), "s") {
			return expr{}, 0, false
		}
		if ts.Word(j-1) == "couple" || ts.Word(j-2) == "couple" {
			n, approx = 2, false // "the past couple of weeks" is two, as "the next couple of weeks"
		}
		e := expr{kind: kRecent, start: ts[i].Start, end: ts[j].End, unit: u, n: n, approx: approx}
		e.generic = (approx || n == 2) && unitListed(ts, j)
		return e, j + 1, true
	}
	return expr{}, 0, false
}

// unitListed reports whether the plural unit word at token i opens a list
// of units ("recent weeks and months", "the past few days or weeks"): the
// phrase then names no one time, as a list closed by it does
// (coordinatedUnit).
func unitListed(ts toks, i int) bool {
	switch ts.Word(i + 1) {
	case "and", "or":
	default:
		return false
	}
	_, ok := unitWords[ts.Word(i+2)]
	return ok && strings.HasSuffix(ts.Word(i+2), "s")
}

// inConditional reports whether token i lies in a conditional clause: an
// "if" or "unless" before it in its sentence with no comma between ("If
// you sold those bonds years ago, ...").
func inConditional(ts toks, i int) bool {
	for j := i - 1; j >= 0 && ts[j].Kind != text.LexBreak; j-- {
		if ts[j].S == "," {
			return false
		}
		if conditionals[ts.Word(j)] {
			return true
		}
	}
	return false
}

// eventNouns after a month-day without a year make it the name of a
// well-known event of some other year ("the Sept. 11 attacks"), which the
// text does not date; it is left unresolved rather than placed in the
// reference's year.
var eventNouns = map[string]bool{
	"attack": true, "attacks": true, "terrorist": true, "terror": true, "hijackers": true,
	"commission": true, "conspiracy": true,
}

// hedges may open a sentence before an anchored phrase ("Nearly a week
// after ...").
var hedges = map[string]bool{
	"nearly": true, "almost": true, "just": true, "about": true, "only": true, "more": true,
	"than": true, "less": true, "barely": true, "roughly": true, "some": true,
}

// anchoredClause reads an anchored count whose first token is i and whose
// "after"/"before"/"later"/"earlier" is token w. prep reports the
// prepositional use ("a day after the vote"), whose date is that of the
// clause it modifies; tense is that clause's: the verb before the phrase,
// or, when the phrase opens the sentence, the verb after the comma that
// closes it.
func anchoredClause(ts toks, i, w int) (prep bool, t Tense) {
	prep = ts.Word(w) == "after" || ts.Word(w) == "before"
	obj := w + 1
	if ts.Word(w) == "prior" && ts.Word(w+1) == "to" {
		prep, obj = true, w+2 // "two years prior to the vote"
	}
	switch ts.Word(obj) {
	case "that", "this", "it", "which":
		prep = false // "days after that": counted from the last date, as "later"
	}
	opens := true
	for j := i - 1; j >= 0 && ts[j].Kind != text.LexBreak; j-- {
		if datelineAt(ts, j) {
			break // "DENVER - Nearly a week after ...": the clause opens after the dateline
		}
		if !hedges[ts.Word(j)] {
			opens = false
			break
		}
	}
	if !opens {
		t, name, _ := governing(ts, i)
		return prep, ongoing(ts, prep, w, t, name)
	}
	for j := w + 1; j < len(ts) && ts[j].Kind != text.LexBreak; j++ {
		if ts.Is(j, ",") {
			t, name, _ := tenseAt(ts, j, asides(ts, j))
			return prep, ongoing(ts, prep, w, t, name)
		}
	}
	return prep, TenseUnknown
}

// ongoing reads a present progressive that an anchored count after a
// past event modifies ("shops are running out of stock less than a week
// after the market opened", "critics are arguing two weeks after he
// was appointed") as the present it is: the event is over, so the count
// dates the ongoing state, not an arrangement still to come (the
// progressive's future reading, "is meeting a week after the vote",
// needs an event not yet past). Other tenses are returned as they are.
func ongoing(ts toks, prep bool, w int, t Tense, name string) Tense {
	if !prep || t != TenseFuture || name != "progressive" || !pastObject(ts, w+1) {
		return t
	}
	return TensePresent
}

// objectReach bounds the words of an anchored count's object clause
// searched for its verb.
const objectReach = 8

// pastObject reports whether the clause opening at token j, an anchored
// count's object ("he was appointed", "the market opened"), has a past
// verb before its end (a comma or the sentence's end).
func pastObject(ts toks, j int) bool {
	for k, seen := j, 0; k < len(ts) && seen < objectReach && ts[k].Kind != text.LexBreak && !ts.Is(k, ","); k++ {
		if ts[k].Kind != text.LexWord {
			continue
		}
		seen++
		if t, name := classify(ts, k); name != "" {
			return t == TensePast
		}
	}
	return false
}

// datelineAt reports whether token j is the dash that closes a news
// dateline at its sentence's start ("WASHINGTON —", "DENVER, Colo. -",
// "LONDON (Reuters) -"): a place's capitalised words, with a state or an
// agency after it, that are no part of the sentence's first clause (the
// scanner keeps no case beyond a word's first letter, so capitals alone,
// at most datelineWords of them, stand for it).
func datelineAt(ts toks, j int) bool {
	switch ts[j].S {
	case "-", "—", "–":
	default:
		return false
	}
	caps, paren := 0, false
	for k := j - 1; k >= 0 && ts[k].Kind != text.LexBreak; k-- {
		switch s := ts[k].S; {
		case s == ")":
			paren = true
		case s == "(":
			paren = false
		case paren:
		case s == "," || s == ".":
		case ts[k].Kind == text.LexWord && ts[k].Upper:
			caps++
		default:
			return false
		}
	}
	return caps > 0 && caps <= datelineWords
}

// datelineWords bounds a dateline's capitalised words ("SAN LUIS OBISPO,
// Calif."), so a sentence of names before a dash is not one.
const datelineWords = 5

// monthDays is the number of days of month m in year y.
func monthDays(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// validDate reports whether y-m-d is a real calendar date.
func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}
