package timex

import (
	"sort"
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
// memo on Monday argued that, weeks before the audit, ..."; the openers
// are timex.go's clauseOpeners). A "that" inside the count's own object
// (before objEnd), a "that" determining a unit or part of day ("that
// week") and a relative "that" right after a singular noun ("the depot
// that the firm sold") open no such clause.
func otherClauseDate(ts toks, o, c, objEnd int) bool {
	lo, hi := min(o, c), max(o, c)
	for j := lo + 1; j < hi; j++ {
		if j > c && ts[j].Start < objEnd || ts[j].Kind != text.LexWord {
			continue
		}
		if w := ts.Word(j); clauseOpeners[w] && (w != "that" || !determinerThat(ts, j) && !relativeThat(ts, j)) {
			return true
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
// a noun phrase ("the old airline that owns"; nounPhraseHead, which takes
// no word in "-s": "the mayor admits that" is a verb's complement): it
// opens a relative (or a noun's complement) clause, part of that noun
// phrase, rather than a clause beside the count's.
func relativeThat(ts toks, j int) bool {
	return nounPhraseHead(ts, j-1)
}

// inRelativeClause reports whether token i lies in a non-restrictive
// relative clause: a comma and a relative opener (relativeOpeners) before
// it with no comma or break between. A restrictive relative, with no
// comma ("the pilot who flew the jet resigned on Thursday"), may end
// before i without a mark, so i may be its main clause's. tense.go's
// asides is not used: it takes only a clause closed by a comma, and a
// relative ending the sentence ("after the hearing, which took place on
// Monday.") is one too.
func inRelativeClause(ts toks, i int) bool {
	for j := i - 1; j > 0; j-- {
		if ts[j].Kind == text.LexBreak || ts.Is(j, ",") {
			return false
		}
		if relativeOpeners[ts.Word(j)] {
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
	var spans map[int][2]int // quotation number -> its first and last token, once needed
	for k, e := range es {
		q := quote[e.tok]
		if q == 0 || e.kind != kDayOffset {
			continue // a generic "today" stays unresolved (resolveOne)
		}
		if !done[q] {
			done[q] = true
			if spans == nil {
				spans = quoteTokens(quote)
			}
			if d, ok := speechDay(ts, out, es, quote, spans[q]); ok && d.Before(ref) {
				spoken[q] = d
			}
		}
		if d, ok := spoken[q]; ok {
			out[k].Value, _, _, _ = resolveOne(e, d, true, time.Time{}, false, 0)
		}
	}
}

// quoteTokens returns the first and last token of each quotation
// (quote[k] its number, 0 outside any), read in one pass so that the
// quotations of a long text cost no more than its tokens.
func quoteTokens(quote []int) map[int][2]int {
	spans := map[int][2]int{}
	for k, q := range quote {
		if q == 0 {
			continue
		}
		if sp, ok := spans[q]; ok {
			spans[q] = [2]int{sp[0], k}
		} else {
			spans[q] = [2]int{k, k}
		}
	}
	return spans
}

// speechDay returns the day the quotation spanning tokens span (its
// first and last, quoteTokens) was spoken: the day of the date its
// attribution's verb takes as adjunct. The attribution follows the
// quotation up to the next comma, the sentence's end or the next
// quotation, its verb among the first four tokens (`"...," the mayor said
// Monday`); or it precedes the quotation from the sentence's start and
// ends in a comma or a colon (`She told aides on Monday: "..."`). An
// attribution holding dates of two days gives none.
func speechDay(ts toks, out []news.Time, es []expr, quote []int, span [2]int) (time.Time, bool) {
	first, last := span[0], span[1]
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
		if verb < 0 || !verbless(ts, verb+1, hi) {
			// `Jones told friends on Monday and wrote: "..."`: the
			// quotation is the last verb's, which is no verb of saying.
			return time.Time{}, false
		}
	}
	if datesIn(out, es, lo, hi) != 1 {
		return time.Time{}, false
	}
	return speechAdjunct(ts, out, es, verb, hi)
}

// reportVerbs are the verbs of saying an attribution uses ("said",
// "told"), past or present, whose own date says when a quotation was
// spoken. internal/quote's cueVerbs is another list for another purpose
// (telling a quotation's cue, with base, "-ing" and "-s" forms and
// verbs such as "posted" or "chanted" that date no speech); timex and
// quote share a stage rank (internal/lint), so neither may import the
// other's.
var reportVerbs = map[string]bool{
	"said": true, "told": true, "says": true, "predicted": true, "warned": true, "argued": true,
	"suggested": true, "acknowledged": true, "conceded": true, "estimated": true,
}

// speechVerbIn returns the token of the last verb of saying (reportVerbs)
// in tokens lo..hi, or -1; also -1 when that verb is in a subordinate or
// relative clause (subordinateAt): "Smith, who told reporters on Monday
// that he was innocent, posted a video:" dates the telling, not the
// posting that introduces the quotation, and an earlier verb of saying
// ("Smith said, after he told reporters on Monday ...:") takes no date
// of the subordinate clause's.
func speechVerbIn(ts toks, lo, hi int) int {
	for j := hi; j >= max(lo, 0); j-- {
		if reportVerbs[ts.Word(j)] {
			if subordinateAt(ts, lo, j) {
				return -1
			}
			return j
		}
	}
	return -1
}

// subordinators open an adverbial clause ("after he told reporters").
var subordinators = map[string]bool{
	"after": true, "as": true, "before": true, "while": true, "since": true, "because": true,
	"although": true, "though": true, "until": true, "once": true,
}

// subordinateAt reports whether token v, not before lo, stands in a
// subordinate or relative clause: a clause opener (clauseOpeners,
// relativeOpeners, subordinators) before it with no comma between.
func subordinateAt(ts toks, lo, v int) bool {
	for j := v - 1; j >= max(lo, 0) && !ts.Is(j, ","); j-- {
		if w := ts.Word(j); clauseOpeners[w] || relativeOpeners[w] || subordinators[w] {
			return true
		}
	}
	return false
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
		if ts.Kind(j) != text.LexWord {
			return time.Time{}, false
		}
		j++
	}
	if ts.Word(j) == "on" {
		j++
	}
	for k := firstAt(es, j); k < len(es) && es[k].tok == j; k++ {
		e := es[k]
		if j > hi || !dayPrecise(e.kind) || e.possessive || len(out[k].Value) < len(dayLayout) || strings.Contains(out[k].Value, "/") {
			continue
		}
		d, err := time.Parse(dayLayout, out[k].Value[:len(dayLayout)])
		return d, err == nil
	}
	return time.Time{}, false
}

// datesIn returns how many days the placed day-precise expressions
// within tokens lo..hi (an attribution: no quotation's tokens) give, a
// day counted again when another stands between; a range counts as its
// first day. A generic expression has no value (resolveOne).
func datesIn(out []news.Time, es []expr, lo, hi int) int {
	day, n := "", 0
	for k := firstAt(es, lo); k < len(es) && es[k].tok <= hi; k++ {
		e := es[k]
		if e.tok < lo || !dayPrecise(e.kind) || len(out[k].Value) < len(dayLayout) {
			continue
		}
		if v := out[k].Value[:len(dayLayout)]; v != day {
			day = v
			n++
		}
	}
	if _, err := time.Parse(dayLayout, day); err != nil {
		return 0
	}
	return n
}

// countedVague reports whether the vague anchored count e may be read
// from the stated month or year c (coarseCount): it has a count word ("a
// few months earlier", "several years later"; a bare "Years later" may
// lie any distance away), its clause is past, and so is the anchor's,
// which lies no later than the reference. In a present or future clause
// ("A few months later, the city will review it") and from a deadline or
// forecast ("The law expires in 2020", "expected to close by December")
// the anchor may itself be a plan, whose time the narrative is not at.
func countedVague(ts toks, e expr, c coarseAnchor, ref time.Time, haveRef bool) bool {
	_, bare := unitWords[ts.Word(e.tok)]
	if !e.approx || bare || e.tense != TensePast {
		return false
	}
	if haveRef && c.at.Format(pointLayout(c.unit)) > ref.Format(pointLayout(c.unit)) {
		return false
	}
	t, _ := governingTense(ts, c.tok)
	return t == TensePast
}

// firstAt returns the index of the first expression of es (in token
// order, as match returns them) at or after token tok, by binary search.
func firstAt(es []expr, tok int) int {
	return sort.Search(len(es), func(k int) bool { return es[k].tok >= tok })
}
