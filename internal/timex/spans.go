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
// two years": 2008 to 2010). A present or a present perfect after such a
// year is left unresolved, since the year may date the subject alone
// ("The deal signed in 2016 is worth ..."). Any other clause counts from
// the reference's year ("plans to double its staff over the next
// decade"), except a past whose narrative year may lie in the sentences
// before, and a "would" after an earlier year of its sentence (a future
// seen from a report of that year). A past clause with no year counts
// from the narrative's time: unresolved, unless the span is the period
// of a sum (sumBefore) in an article that states no earlier year, which
// news counts from now.
//
// Days, weeks and months in a past report (spanValue): counted from the
// day the sentence gives only when the span's own verb is present or
// future ("“Engineers expect to restore power within the next several
// days,” the utility said Friday"); a span whose own verb is past lies
// in a narrative whose day is unstated.
//
// The other cases: the verb looked for further back than the tense
// reader's window when a long list stands between (spanTense); "several"
// as seven units, the far end of the vague count; "the coming year or
// two" as the coming unit to the Nth (spanOrN).

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
				if earlierYear(kinds, k, ref, false) {
					v = "" // "in 2009 he predicted ... the next year or two"
				}
				out[k].Value, out[k].End = v, end
				out[k].Text = body[out[k].Start:end]
			}
		}
	}
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
	if word == "would" && earlierYear(kinds, k, ref, false) {
		return "" // a future seen from a report of an earlier year
	}
	if t == TenseUnknown {
		return "" // no verb: often advice ("Put a part aside over the next four years")
	}
	if e.unit == uYear || e.unit == uDecade {
		y, ok := spanOfYears(kinds, k, t, word, perfect, ref)
		if !ok || y == ref.Year() && t == TensePast && (!sumBefore(ts, e.tok) || earlierYear(kinds, k, ref, true)) {
			// A past clause's own span counts from the narrative's
			// time, which the article need not state; only a sum's
			// period in an article that names no earlier year counts
			// from now, as a projection does.
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
// stated anywhere in kinds[k]'s sentence or, when article is set,
// anywhere before it in the article.
func earlierYear(kinds []expr, k int, ref time.Time, article bool) bool {
	for j, o := range kinds {
		if o.sentence != kinds[k].sentence && (j > k || !article) {
			continue
		}
		if j != k && o.y > 0 && !o.generic && o.y < ref.Year() && o.kind != kDecade {
			return true
		}
	}
	return false
}

// sumReach bounds the words between a sum of money and the span of
// years it is counted over.
const sumReach = 6

// sumBefore reports whether a sum of money ("$40m", "12 billion
// dollars", "1.2 trillion euros") stands right before the
// preposition of the span at token i ("over the next decade"), at most
// sumReach words back and in the same phrase (no verb or comma between):
// the span is then the period a projection's total is counted over,
// which news counts from its own time.
func sumBefore(ts toks, i int) bool {
	for j, n := i-3, 0; j >= 0 && n < sumReach; j-- {
		switch {
		case ts[j].Kind == text.LexBreak || ts.Is(j, ",") || ts.Is(j, ";"):
			return false
		case ts.Is(j, "$") || ts.Is(j, "€") || ts.Is(j, "£"):
			return true
		case ts[j].Kind == text.LexWord:
			n++
			switch ts.Word(j) {
			case "million", "billion", "trillion", "bn", "dollars", "euros", "pounds":
				return true
			}
			if _, name := classify(ts, j); name != "" {
				return false
			}
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
// its clause's tense t and governing word) counts from: a year stated
// as a date's before it in its sentence, earlier than the reference's,
// when its clause is no "will" future (which counts from now: "Elected
// in 2008, she will retire over the next two years" is not read so);
// else the reference's year, unless the clause is past and the text
// stated an earlier year at most anchorReach sentences back (ok false:
// the narrative may stand in that year).
func spanOfYears(kinds []expr, k int, t Tense, word string, perfect bool, ref time.Time) (int, bool) {
	e := kinds[k]
	will := word == "will" || word == "ll" || word == "shall" || word == "won"
	recent := false
	for j := k - 1; j >= 0; j-- {
		o := kinds[j]
		if o.sentence < e.sentence-anchorReach {
			break
		}
		if o.y == 0 || o.generic || o.y >= ref.Year() || o.kind == kDecade {
			continue
		}
		if o.sentence == e.sentence && !will {
			switch {
			case t == TensePast && !perfect:
				return o.y, true
			case t == TensePresent || perfect:
				return 0, false // the year may date the subject, not the clause
			}
		}
		recent = true
	}
	if t == TensePast && recent {
		return 0, false
	}
	return ref.Year(), true
}

// sentenceDay returns the day another expression of kinds[k]'s sentence
// gives (the nearest day-precise one), which dates a past clause.
func sentenceDay(out []news.Time, kinds []expr, k int) (time.Time, bool) {
	e := kinds[k]
	best := -1
	for j, o := range kinds {
		if j == k || o.sentence != e.sentence || !dayPrecise(o.kind) || o.generic || len(out[j].Value) < len(dayLayout) || strings.Contains(out[j].Value, "/") {
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
// may stand between ("would tour arenas in Leeds, Cardiff, ... in the
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
