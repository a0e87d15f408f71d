package timex

import (
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// Spans from a time on ("over the next decade", "within the next
// several days", "in the coming months") count from the time of the
// clause that holds them. resolveOne counts a span from the reference
// only when its clause is future; placeSpans settles the rest, and
// leaves a span unresolved whenever its clause may stand in a time the
// article does not state.
//
// Years and decades (spanOfYears): a simple past counts from an earlier
// year in its sentence ("In 2008 the bank lost $5 billion over the next
// two years": 2008 to 2010), unless the sentence also dates a report
// recently (recentIn: "X, who took over in 2010, said on Tuesday it
// aimed to ... over the next five years"), when the year may date the
// subject and the span the report: unresolved. A present or a present
// perfect after such a year is left unresolved, since the year may date
// the subject alone ("The deal signed in 2016 is worth ..."). A past
// clause with no such year counts from the narrative's time, which the
// article need not state: unresolved, a sum's period among them ("Back
// then, the firm invested $9 billion over the next decade"). Any other
// clause counts from the reference's year ("plans to double its staff
// over the next decade"), except a "would" after an earlier year of its
// sentence (a future seen from a report of that year).
//
// Days, weeks and months in a past report (spanValue): counted from the
// day the sentence gives only when the span's own verb is present or
// future ("Surveyors expect to finish within the next several days,
// according to a letter sent on Friday"); a span whose own verb is past
// lies in a narrative whose day is unstated.
//
// The other cases: the verb looked for further back than the tense
// reader's window when a long list stands between (spanTense); "several"
// as seven units, the far end of the vague count; "the coming year or
// two" as the coming unit to the Nth (spanOrN), unresolved in a past or
// "would" clause after an earlier year or "last year" (seenBefore).

// spanTenseReach bounds the words spanTense searches back.
const spanTenseReach = 2 * tenseBack

// placeSpans applies the span rules to the resolved times out (kinds[k]
// is the expression behind out[k]).
func placeSpans(body string, out []news.Time, kinds []expr, ts toks, ref time.Time) {
	for k, e := range kinds {
		switch {
		case e.kind == kSpan && !e.generic:
			out[k].Value = spanValue(out, kinds, k, ts, ref)
		case e.kind == kUnitRel && e.mod == 1 && !e.sequel && out[k].Value != "":
			if v, end, ok := spanOrN(ts, e, ref); ok {
				if seenBefore(kinds, k, ts, ref) {
					v = "" // "in 2009 he predicted ... the next year or two"
				}
				out[k].Value, out[k].End = v, end
				out[k].Text = body[out[k].Start:end]
			}
		}
	}
}

// seenBefore reports whether the "next|coming UNIT or N" at kinds[k] may
// be counted from an earlier year than the reference's: its clause is
// past or a "would" (a report, or a future seen from one), and its
// sentence states an earlier year or "last year" ("She said last year
// that the firm would list its shares in the next year or two"). A
// present or future clause counts from now whatever year dates its
// subject ("The minister, who took office in 2016, says reforms will
// take hold in the coming year or two").
func seenBefore(kinds []expr, k int, ts toks, ref time.Time) bool {
	t, _, j := governing(ts, kinds[k].tok)
	if t != TensePast && ts.Word(j) != "would" {
		return false
	}
	if earlierYear(kinds, k, ref) {
		return true
	}
	lo, hi := sentenceOf(kinds, k)
	for j := lo; j <= hi; j++ {
		if o := kinds[j]; j != k && o.kind == kUnitRel && o.mod == -1 && o.unit == uYear {
			return true // "last year"
		}
	}
	return false
}

// spanValue is the value of the span kinds[k] ("" unresolved).
func spanValue(out []news.Time, kinds []expr, k int, ts toks, ref time.Time) string {
	e := kinds[k]
	n := e.n
	if spanSeveral(ts, e) {
		n = 7
	}
	t, word, perfect := e.tense, "", false
	if t == TenseUnknown {
		t, word = spanTense(ts, e.tok, false)
	} else {
		_, name, j := governing(ts, e.tok)
		word, perfect = ts.Word(j), presentPerfect(ts, name, j)
	}
	if word == "would" && earlierYear(kinds, k, ref) {
		return "" // a future seen from a report of an earlier year
	}
	if t == TenseUnknown {
		return "" // no verb: often advice ("Put a part aside over the next four years")
	}
	if e.unit == uYear || e.unit == uDecade {
		y, ok := spanOfYears(kinds, k, t, perfect, ref)
		if !ok || y == ref.Year() && t == TensePast || y < ref.Year() && recentIn(out, kinds, k, ref) {
			// A past clause's own span counts from the narrative's
			// time, which the article need not state; and a year in
			// a sentence that also dates a recent report may date
			// the subject, not the span.
			return ""
		}
		from := date(y, 1, 1)
		return rangeOf(from, shift(from, e.unit, n), e.unit)
	}
	switch t {
	case TenseFuture:
		return rangeOf(ref, shift(ref, e.unit, n), e.unit)
	case TensePast:
		// A past report of a present or future span ("expect to
		// finish within ...") counts from the report's day; a span
		// whose own verb is past lies in a narrative whose day is
		// unstated.
		if own, _ := spanTense(ts, e.tok, true); !own.forward() {
			return ""
		}
		if d, ok := sentenceDay(out, kinds, k); ok {
			return rangeOf(d, shift(d, e.unit, n), e.unit)
		}
	}
	return ""
}

// earlierYear reports whether a year earlier than the reference's is
// stated anywhere in kinds[k]'s sentence, a decade's among them ("In the
// 1990s, economists predicted the economy would boom over the next
// decade").
func earlierYear(kinds []expr, k int, ref time.Time) bool {
	lo, hi := sentenceOf(kinds, k)
	for j := lo; j <= hi; j++ {
		if o := kinds[j]; j != k && o.y > 0 && !o.generic && o.y < ref.Year() {
			return true
		}
	}
	return false
}

// spanSeveral reports whether the span e is counted by "several".
func spanSeveral(ts toks, e expr) bool {
	for j := e.tok; j < len(ts) && ts[j].Start < e.end; j++ {
		if ts.Word(j) == "several" {
			return true
		}
	}
	return false
}

// spanOfYears returns the year a span of years or decades (kinds[k],
// its clause's tense t and whether that is a present perfect) counts
// from: a year stated as a date's before it in its sentence, earlier
// than the reference's, when its clause is a simple past; none (ok
// false) when its clause is a present or a present perfect (whose tense
// is present) after such a year, which may date the subject alone; else
// the reference's year.
func spanOfYears(kinds []expr, k int, t Tense, perfect bool, ref time.Time) (int, bool) {
	e := kinds[k]
	for j := k - 1; j >= 0 && kinds[j].sentence == e.sentence; j-- {
		o := kinds[j]
		if o.y == 0 || o.generic || o.y >= ref.Year() || o.kind == kDecade {
			continue
		}
		switch {
		case t == TensePast && !perfect:
			return o.y, true
		case t == TensePresent:
			return 0, false // the year may date the subject, not the clause
		}
	}
	return ref.Year(), true
}

// sentenceDay returns the day another expression of kinds[k]'s sentence
// gives (the nearest day-precise one), which dates a past clause.
func sentenceDay(out []news.Time, kinds []expr, k int) (time.Time, bool) {
	e := kinds[k]
	best := -1
	lo, hi := sentenceOf(kinds, k)
	for j := lo; j <= hi; j++ {
		o := kinds[j]
		if j == k || !dayPrecise(o.kind) || o.generic || len(out[j].Value) < len(dayLayout) || strings.Contains(out[j].Value, "/") {
			continue
		}
		if best < 0 || abs(o.start-e.start) < abs(kinds[best].start-e.start) {
			best = j
		}
	}
	if best < 0 {
		return time.Time{}, false
	}
	d, err := time.Parse(dayLayout, out[best].Value[:len(dayLayout)])
	return d, err == nil
}

// spanTense returns the tense and word of the verb that governs the span
// at token i when the tense reader's window holds none: a list of places
// may stand between ("will check the kitchens of restaurants, cafés, ... in the
// coming months"). It searches back at most spanTenseReach words and
// stops at a sentence break, a semicolon, a colon, a quotation mark or a
// relative pronoun. With bare set, a base or "-s" present right after its
// subject counts too ("engineers expect to restore").
func spanTense(ts toks, i int, bare bool) (Tense, string) {
	for j, n := i-1, 0; j >= 0 && n < spanTenseReach; j-- {
		if ts[j].Kind == text.LexBreak {
			break
		}
		if ts[j].Kind == text.LexPunct {
			switch ts[j].S {
			case ";", ":", "\"", "“", "”":
				return TenseUnknown, ""
			}
			continue
		}
		if ts[j].Kind != text.LexWord {
			continue
		}
		n++
		if relatives[ts.Word(j)] {
			break
		}
		if t, name := classify(ts, j); name != "" {
			return t, ts.Word(j)
		}
		if bare && presentAfterSubject(ts, j) {
			return TensePresent, ts.Word(j) // "crews expect to finish"
		}
	}
	return TenseUnknown, ""
}

// orNFollowers are the words after "the next year or two" that leave
// the count on the unit (a preposition or a conjunction), not on a noun
// of its own.
var orNFollowers = map[string]bool{
	"in": true, "of": true, "and": true, "or": true, "but": true, "as": true, "to": true, "at": true,
	"for": true, "when": true, "before": true, "after": true, "while": true, "if": true, "until": true,
}

// spanOrN reads "the coming year or two", "the next month or three"
// after the unit of a "next|coming UNIT" at e: the coming unit to the
// Nth (a count word from two to five, not followed by a noun that it
// counts: "the next week or two days" is read, "the next year or two
// others" is not). It returns the value, the new end offset and ok.
func spanOrN(ts toks, e expr, ref time.Time) (string, int, bool) {
	if e.unit != uYear && e.unit != uMonth && e.unit != uWeek {
		return "", 0, false
	}
	j := e.tok
	for j < len(ts) && ts[j].End <= e.end {
		j++
	}
	if ts.Word(j) != "or" {
		return "", 0, false
	}
	n, ok := numberWords[ts.Word(j+1)]
	if !ok || n < 2 || n > 5 {
		return "", 0, false
	}
	if nx := ts.Word(j + 2); ts.Kind(j+2) == text.LexWord && !orNFollowers[nx] {
		if u, ok := unitWords[nx]; !ok || u != e.unit {
			return "", 0, false
		}
	}
	var from, to time.Time
	switch e.unit {
	case uYear:
		from, to = date(ref.Year()+1, 1, 1), date(ref.Year()+n, 1, 1)
	case uMonth:
		from = date(ref.Year(), int(ref.Month())+1, 1)
		to = date(ref.Year(), int(ref.Month())+n, 1)
	case uWeek:
		from = isoWeekStart(ref).AddDate(0, 0, 7)
		to = isoWeekStart(ref).AddDate(0, 0, 7*n+6)
	}
	end := ts[j+1].End
	if u, ok := unitWords[ts.Word(j+2)]; ok && u == e.unit {
		end = ts[j+2].End
	}
	return rangeOf(from, to, e.unit), end, true
}

// recentReach is how long before the reference a report counts as
// recent for recentIn: "last week", a past weekday, "earlier this
// month", "last month" (whose end lies at most a month back).
const recentReach = 45 * 24 * time.Hour

// recentIn reports whether another expression of kinds[k]'s sentence was
// resolved to a day, week or month that reaches into the recentReach
// before the reference without starting after it ("said on Tuesday",
// "last week", "last month").
func recentIn(out []news.Time, kinds []expr, k int, ref time.Time) bool {
	lo, hi := sentenceOf(kinds, k)
	for j := lo; j <= hi; j++ {
		if j == k || kinds[j].generic {
			continue
		}
		from, to, ok := valueDays(out[j].Value)
		if ok && !from.After(ref) && ref.Sub(to) < recentReach {
			return true
		}
	}
	return false
}

// valueDays returns the first and last day of a resolved value of day or
// month precision, or of a range of days ("2019-03-12", "2019-02",
// "2019-03-11/2019-03-17": "last week" is such a range).
func valueDays(v string) (time.Time, time.Time, bool) {
	a, b, isRange := strings.Cut(v, "/")
	if isRange {
		x, ok1 := ParseDate(a)
		y, ok2 := ParseDate(b)
		return x, y, ok1 && ok2
	}
	if d, ok := ParseDate(v); ok {
		return d, d, true
	}
	if m, err := time.Parse(monthLayout, v); err == nil && len(v) == len(monthLayout) {
		return m, m.AddDate(0, 1, -1), true
	}
	return time.Time{}, time.Time{}, false
}
