package timex

import (
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// quoteSpans numbers the quotations of the text: out[k] is the number
// (from 1) of the quotation token k lies in, 0 outside any. A quotation
// runs from an opening mark (a curly opening quote, or a straight double
// quote or two apostrophes when none is open)
// to its closing mark within one paragraph; an unclosed one ends with its
// paragraph.
func quoteSpans(body string, ts toks) []int {
	out := make([]int, len(ts))
	open, n := false, 0
	for k := 0; k < len(ts); k++ {
		if k > 0 && strings.Contains(body[ts[k-1].End:ts[k].Start], "\n") {
			open = false
		}
		mark := ts[k].S
		if mark == "'" && ts.Is(k+1, "'") && ts.Adjacent(k+1) {
			mark = "\""
			k++
		}
		switch {
		case mark == "“" || mark == "\"" && !open:
			open = true
			n++
		case mark == "”" || mark == "\"" && open:
			open = false
		case open && ts[k].Kind != text.LexBreak:
			out[k] = n
		}
	}
	return out
}

// dateQuotedNights re-reads the quotations that speak of "tonight" in a
// text whose own narration places a night on the day before the
// reference ("the winner of Tuesday night's vote" in a Wednesday
// article) and never says "tonight" itself: such a quotation was spoken
// that night (so too one that says "today" in the past tense: "we had
// to take the match today"), the report written the day after, so its "tonight" and the
// other reference-relative expressions of the same quotation are read
// with the day before as "now" (guideline 7 of docs/timex-judging.md: a
// quote is read with the publication date unless the article dates it).
func dateQuotedNights(body string, ts toks, out []news.Time, es []expr, ref time.Time, quote []int) {
	eve := ref.AddDate(0, 0, -1).Format(dayLayout)
	namedEve := false
	for k, e := range es {
		if quote[e.tok] != 0 {
			continue
		}
		if isTonight(body, e) {
			return // the narration's "tonight" is the publication's night
		}
		if (e.kind == kWeekday || e.kind == kDayOffset) && atNight(body, e) && out[k].Value == eve {
			namedEve = true
		}
	}
	if !namedEve {
		return
	}
	dated := map[int]bool{}
	for _, e := range es {
		if q := quote[e.tok]; q != 0 && (isTonight(body, e) || pastToday(body, ts, e, quote)) {
			dated[q] = true
		}
	}
	eveRef := ref.AddDate(0, 0, -1)
	for k, e := range es {
		if !dated[quote[e.tok]] || quote[e.tok] == 0 {
			continue
		}
		switch e.kind {
		case kDayOffset, kWeekday, kUnitRel, kSpan, kAgo, kRecent:
			out[k].Value, _, _, _ = resolveOne(e, eveRef, true, time.Time{}, false, 0)
		}
	}
}

// pastToday reports whether e is a "today" that a past verb of its own
// quotation governs ("we had to take the match today"): said in a
// quotation of a report on the night before, it is that night's day, as
// a quoted "tonight" is. A capitalised "Today" is left out: quoted, it is
// as often a title ("told NBC's “Today” show").
func pastToday(body string, ts toks, e expr, quote []int) bool {
	if e.kind != kDayOffset || body[e.start:e.end] != "today" {
		return false
	}
	t, _, j := governing(ts, e.tok)
	return t == TensePast && j >= 0 && quote[j] == quote[e.tok]
}

// isTonight reports whether e is "tonight".
func isTonight(body string, e expr) bool {
	return e.kind == kDayOffset && text.ASCIILower(body[e.start:e.end]) == "tonight"
}

// atNight reports whether e names a night or an evening ("Tuesday
// night", "yesterday evening").
func atNight(body string, e expr) bool {
	s := text.ASCIILower(body[e.start:e.end])
	return strings.HasSuffix(s, " night") || strings.HasSuffix(s, " evening")
}

// unplaceAddressed leaves unresolved the counts from the reference ("in
// 12 years", "over the next three years", "years ago") that the narration
// puts in a hypothetical addressed to the reader: "you" right after
// "suppose", "imagine", "say" ("let's say you") or "if", before the count
// in its clause (no comma or break between), neither quoted ("Let's say
// you expect a boat will cost $40,000 in 12 years"). Such a clause is a
// generic example, not an event. Any other "you" ("Will you vote in 10
// days?") leaves the count placed, and a quoted "you" is someone
// addressed.
func unplaceAddressed(ts toks, out []news.Time, es []expr, quote []int) {
	for k, e := range es {
		if e.kind != kAgo && e.kind != kSpan || quote[e.tok] != 0 {
			continue
		}
		for j := e.tok - 1; j >= 0 && ts[j].Kind != text.LexBreak && !ts.Is(j, ","); j-- {
			if ts.Word(j) == "you" && quote[j] == 0 && hypotheticalCues[ts.Word(j-1)] {
				out[k].Value = ""
				break
			}
		}
	}
}

// hypotheticalCues put the "you" after them in a case for the reader to
// picture ("suppose you", "imagine you", "let's say you", "if you").
var hypotheticalCues = map[string]bool{"suppose": true, "supposing": true, "imagine": true, "say": true, "if": true}
