package timex

import (
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// This file holds the anchoring rules of docs/timex-rules-anchors.md: a
// prepositional count refusing a date that belongs to another clause, a
// quotation's day words read from the day its attribution gives the
// speech, and a vague count read from a stated month or year.

// otherClauseDate reports whether the day-precise expression at token o
// belongs to another clause than the prepositional count at token c of
// the same sentence, so that placeClauseDates must not take it: the date
// sits in a non-restrictive relative clause that does not hold the count
// ("The pier, which a barge struck on Tuesday, stayed shut for days after
// the collision"), or a complement clause opens between the two ("Her
// memo on Monday argued that, weeks before the audit, ..."). A "that"
// inside the count's own object (before objEnd), a "that" determining a
// unit or part of day ("that week") and a relative "that" right after a
// noun ("the depot that the firm sold") open no such clause.
func otherClauseDate(ts toks, o, c, objEnd int) bool {
	lo, hi := min(o, c), max(o, c)
	for j := lo + 1; j < hi; j++ {
		if j > c && ts[j].Start < objEnd {
			continue
		}
		if ts[j].Kind != text.LexWord {
			continue
		}
		switch ts.Word(j) {
		case "whether":
			return true
		case "that":
			if !determinerThat(ts, j) && !relativeThat(ts, j) {
				return true
			}
		}
	}
	return inRelativeClause(ts, o) && !inRelativeClause(ts, c)
}

// determinerThat reports whether the "that" at token j determines a unit
// or a part of day ("that year", "that evening").
func determinerThat(ts toks, j int) bool {
	_, unit := unitWords[ts.Word(j+1)]
	return unit || dayParts[ts.Word(j+1)]
}

// relativeThat reports whether the "that" at token j follows the head of
// a noun phrase ("the old airline that owns"): it opens a relative (or a
// noun's complement) clause, part of that noun phrase, rather than a
// clause beside the count's.
func relativeThat(ts toks, j int) bool {
	return nounPhraseHead(ts, j-1)
}

// inRelativeClause reports whether token i lies in a non-restrictive
// relative clause: a ", which|who|whose|whom" before it with no comma or
// break between.
func inRelativeClause(ts toks, i int) bool {
	for j := i - 1; j > 0; j-- {
		if ts[j].Kind == text.LexBreak || ts.Is(j, ",") || ts.Is(j, ";") {
			return false
		}
		switch ts.Word(j) {
		case "which", "who", "whose", "whom":
			return ts.Is(j-1, ",")
		}
	}
	return false
}

// dateSpokenQuotes re-reads the day words of a quotation ("today",
// "tonight", "tomorrow", "last night") with the day its attribution says
// the words were spoken as "now" (guideline 7: a quote is read from the
// publication date unless the article dates it). Only a date that is the
// attribution verb's own adjunct counts (speechAdjunct): a date elsewhere
// in the attribution may date what the speaker talks about rather than
// the speaking. A day after the reference is not taken (the report
// cannot precede the speech); on the reference nothing changes.
func dateSpokenQuotes(ts toks, out []news.Time, es []expr, ref time.Time, quote []int) {
	spoken := map[int]time.Time{} // quotation number -> its day of speaking
	done := map[int]bool{}
	for _, e := range es {
		q := quote[e.tok]
		if q == 0 || e.kind != kDayOffset || e.generic || done[q] {
			continue
		}
		done[q] = true
		if d, ok := speechDay(ts, out, es, quote, q); ok && d.Before(ref) {
			spoken[q] = d
		}
	}
	for k, e := range es {
		d, ok := spoken[quote[e.tok]]
		if !ok || quote[e.tok] == 0 || e.kind != kDayOffset || e.generic {
			continue
		}
		out[k].Value, _, _, _ = resolveOne(e, d, true, time.Time{}, false, 0)
	}
}

// speechDay returns the day quotation q was spoken: the day of the date
// its attribution's verb takes as adjunct. The attribution follows the
// quotation up to the next comma, the sentence's end or the next
// quotation, its verb among the first four tokens (`"...," the mayor said
// Monday`); or it precedes the quotation from the sentence's start and
// ends in a comma or a colon (`She told aides on Monday: "..."`). An
// attribution holding dates of two days gives none.
func speechDay(ts toks, out []news.Time, es []expr, quote []int, q int) (time.Time, bool) {
	first, last := -1, -1
	for k := range ts {
		if quote[k] == q {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	if first < 0 {
		return time.Time{}, false
	}
	after := last + 1
	for after < len(ts) && ts.Kind(after) == text.LexPunct && !ts.Is(after, ",") {
		after++ // the closing mark
	}
	lo, hi := after, after-1
	for j := after; j < len(ts) && ts[j].Kind != text.LexBreak && quote[j] == 0; j++ {
		if j > after && ts.Is(j, ",") {
			break // `", he said, a day before the vote on Tuesday"`: an aside
		}
		hi = j
	}
	verb := speechVerbIn(ts, lo, min(hi, lo+3))
	if verb < 0 {
		hi = first - 1
		for hi >= 0 && ts.Kind(hi) == text.LexPunct && !ts.Is(hi, ",") && !ts.Is(hi, ":") {
			hi-- // the opening mark
		}
		lo = hi + 1
		for j := hi; j >= 0 && ts[j].Kind != text.LexBreak && quote[j] == 0; j-- {
			lo = j
		}
		if lo > hi || !ts.Is(hi, ",") && !ts.Is(hi, ":") {
			return time.Time{}, false
		}
		verb = speechVerbIn(ts, lo, hi)
		if verb < 0 {
			return time.Time{}, false
		}
	}
	if _, n := datesIn(out, es, quote, lo, hi); n != 1 {
		return time.Time{}, false
	}
	return speechAdjunct(ts, out, es, verb, hi)
}

// reportVerbs are the verbs of saying an attribution uses ("said",
// "told"), past or present, whose own date says when a quotation was
// spoken.
var reportVerbs = map[string]bool{
	"said": true, "told": true, "says": true, "predicted": true, "warned": true, "argued": true,
	"suggested": true, "acknowledged": true, "conceded": true, "estimated": true,
}

// speechVerbIn returns the token of the last verb of saying (reportVerbs)
// in tokens lo..hi, or -1.
func speechVerbIn(ts toks, lo, hi int) int {
	for j := hi; j >= max(lo, 0); j-- {
		if reportVerbs[ts.Word(j)] {
			return j
		}
	}
	return -1
}

// speechAdjunct returns the day of the date right after the verb of
// saying at token v ("said Tuesday", "said on Monday"; after "told" its
// object first, "told reporters on Monday", "told the paper Monday"),
// ending by token hi. Not a date modifying a noun ("said Tuesday's
// vote"), nor one further on, which may date what was spoken about ("said
// of the strike that began on Monday").
func speechAdjunct(ts toks, out []news.Time, es []expr, v, hi int) (time.Time, bool) {
	j := v + 1
	if ts.Word(v) == "told" {
		if determiners[ts.Word(j)] {
			j++
		}
		if ts.Kind(j) != text.LexWord || ts[j].Upper {
			return time.Time{}, false
		}
		j++
	}
	if ts.Word(j) == "on" {
		j++
	}
	for k, e := range es {
		if e.tok != j || j > hi || !dayPrecise(e.kind) || e.generic || e.possessive || len(out[k].Value) < len(dayLayout) || strings.Contains(out[k].Value, "/") {
			continue
		}
		d, err := time.Parse(dayLayout, out[k].Value[:len(dayLayout)])
		return d, err == nil
	}
	return time.Time{}, false
}

// datesIn returns the day of the placed day-precise expressions outside
// quotations within tokens lo..hi, and how many distinct days they give.
func datesIn(out []news.Time, es []expr, quote []int, lo, hi int) (time.Time, int) {
	day, n := "", 0
	for k, e := range es {
		if e.tok < lo || e.tok > hi || quote[e.tok] != 0 || !dayPrecise(e.kind) || e.generic || len(out[k].Value) < len(dayLayout) || strings.Contains(out[k].Value, "/") {
			continue
		}
		if v := out[k].Value[:len(dayLayout)]; v != day {
			day = v
			n++
		}
	}
	d, err := time.Parse(dayLayout, day)
	if err != nil {
		return time.Time{}, 0
	}
	return d, n
}

// countedVague reports whether the vague anchored count e may be read
// from a stated month or year (coarseCount): it has a count word ("a few
// months earlier", "several years later"; a bare "Years later" may lie
// any distance away) and its clause is past (in a present or future
// clause, "A few months later, the city will review it", the anchor may
// itself be a plan whose year is not the text's).
func countedVague(ts toks, e expr) bool {
	_, bare := unitWords[ts.Word(e.tok)]
	return e.approx && !bare && e.tense == TensePast
}
