package timex

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// Reference-date inference scores every day of a window of candidate dates
// by how well it explains the dated evidence of the text, in the manner of
// naive Bayes: each piece of evidence multiplies a candidate's weight by a
// density of the distance between the candidate and what the evidence says
// (a month-day, a full date, a weekday). The densities below were measured
// on the 234 BASIL and PolNeAR development articles with their known
// publication dates, in coarse bins so that no article is fitted; the
// figures behind each are given beside it. The confidence of the best day
// is the share of the total weight within two days of it, so it reads as
// the probability that the guess is within two days of the truth.
var (
	// yearPrior is the weight of a publication year k years after the
	// latest (non-future) year mentioned, k = 0..len-1. Measured counts for
	// k = 0..4: 16, 16, 20, 7, 12 (and 13 with a mentioned year after the
	// publication, mostly future years the tense test missed): news does
	// mention years up to its own, but the gap is broad.
	yearPrior = logs(0.24, 0.24, 0.24, 0.14, 0.14)

	// wdPast is the weight of the publication day falling k = 0..6 days
	// after a weekday named in a past-tense clause ("said on Wednesday").
	// Measured: 210, 130, 37, 25, 25, 17, 6.
	wdPast = logs(210, 130, 37, 25, 25, 17, 6)
	// wdUnknown: the same for a bare weekday whose clause has no tense cue.
	// Measured: 27, 9, 3, 10, 5, 3, 5.
	wdUnknown = logs(27, 9, 3, 10, 5, 3, 5)
	// wdFuture: the same for a weekday in a future-tense clause ("will vote
	// on Friday": the publication precedes it). Measured: 13, 3, 0, 0, 2, 5,
	// 6 (zeros smoothed).
	wdFuture = logs(13, 3, 0.5, 0.5, 2, 5, 6)
	// wdLast: "last Friday" is 1 to 13 days back; k = 0 is excluded.
	wdLast = logs(0.1, 1, 1, 1, 1, 1, 1)
)

// wdWeight tempers the weekday evidence: mentions of one weekday in one
// text mostly refer to the same day, so they are not independent.
const wdWeight = 0.5

// logs normalises weights and returns their logarithms.
func logs(w ...float64) []float64 {
	s := 0.0
	for _, x := range w {
		s += x
	}
	out := make([]float64, len(w))
	for i, x := range w {
		out[i] = math.Log(x / s)
	}
	return out
}

// Densities, per day, of the distance delta = candidate - date of the
// evidence. Each is a piecewise-constant function over bins.
type density []struct {
	upTo int // the bin covers deltas up to and including upTo
	p    float64
}

func (d density) at(delta int) float64 {
	for _, b := range d {
		if delta <= b.upTo {
			return b.p
		}
	}
	return d[len(d)-1].p
}

var (
	// monthDayDensity: a month-day without year in a non-future clause
	// ("the April 4 attack"), placed in the occurrence nearest the
	// candidate (delta in [-183, 182]). Of 90 measured: 27 after the
	// publication (future events the tense test missed), 3 on the day, 4 one
	// or two days before, 11 three to 13 days, 3 in the fortnight after, 13
	// older.
	monthDayDensity = logDensity(density{
		{-1, 27.0 / 90 / 183}, {0, 3.0 / 90}, {2, 4.0 / 90 / 2}, {13, 11.0 / 90 / 11},
		{31, 3.0 / 90 / 18}, {math.MaxInt32, 13.0 / 90 / 151},
	})
	// fullDateDensity: a full date with year in a non-future clause. Of 28
	// measured none was after the publication, 3 on the day, 2 one or two
	// days before, 3 within the year, 20 older.
	fullDateDensity = logDensity(density{
		{-1, 0.2 / 28 / 365}, {0, 3.0 / 28}, {2, 2.0 / 28 / 2}, {365, 3.0 / 28 / 363},
		{math.MaxInt32, 20.0 / 28 / 1826}, // older: spread over the candidate window
	})
	// pairedDensity: a weekday paired with a date ("Tuesday, March 7"), a
	// form news mostly keeps for the last days, though the development data
	// has one of an event eight months before the publication (of 2 cases):
	// shaped like the full-date density with most mass on the week before
	// and a fifth beyond a month.
	pairedDensity = logDensity(density{
		{-8, 0.01 / 365}, {-1, 0.04 / 7}, {0, 0.35}, {6, 0.3 / 6}, {31, 0.1 / 25},
		{365, 0.15 / 334}, {math.MaxInt32, 0.05 / 1826},
	})
	// storyDensity: the known publication date of another article of the
	// same story (a story is published within days).
	storyDensity = logDensity(density{
		{-8, 0.01 / 365}, {-1, 0.2 / 7}, {0, 0.4}, {7, 0.35 / 7},
		{math.MaxInt32, 0.04 / 365},
	})
)

func logDensity(d density) density {
	out := make(density, len(d))
	for i, b := range d {
		out[i] = b
		out[i].p = math.Log(b.p)
	}
	return out
}

// Link cues: a month-day whose sentence says how it relates to the
// publication ("last week", "earlier this month", "yesterday"). Too rare in
// the development data to measure; a satisfied cue multiplies the weight by
// cueHit, a contradicted one by cueMiss.
const (
	cueNone = iota
	cueLastWeek
	cueThisWeek
	cueYesterday
	cueLastMonth
	cueThisMonth
)

var (
	cueHit  = math.Log(4)
	cueMiss = math.Log(0.5)
)

// pairMismatch multiplies the weight of a candidate year in which a
// weekday-paired date ("Wednesday, April 12") does not fall on its weekday.
var pairMismatch = math.Log(0.01)

// inWindow is the share of development articles (with a year mentioned)
// whose publication year is in the candidate window (71 of 123: texts often
// name no year near their own, and sometimes a future one the tense test
// missed). The window's weights cannot see beyond it, so the confidence is
// scaled by this share, unless a weekday-paired date pins the year.
const inWindow = 71.0 / 123

// afterFuture multiplies the weight of a candidate year after a year named
// in a future-tense clause or as a target ("will run in 2012", "by 2030"):
// of 15 development articles with one, 11 were published in or before it.
var afterFuture = math.Log(4.0 / 11)

// Years of candidates after the latest year mentioned (len(yearPrior)).
var candidateYears = len(yearPrior)

// clues is the dated evidence of one or more texts.
type clues struct {
	maxYear int
	wd      [4][7]float64 // [past, unknown, future, last][weekday] weighted counts
	full    []clue        // dates with a year, non-future
	md      []clue        // month-days without year, non-future, or weekday-paired
	known   []int         // day numbers of known publication dates of sibling articles
	futYear int           // earliest year in a future-tense clause or a target ("by 2030"); 0 none
}

type clue struct {
	y, m, d, wd int
	cue         int
	fut         bool
	w           float64 // weight of the clue's log-density
}

// Weekday evidence classes (index into clues.wd).
const (
	wdcPast = iota
	wdcUnknown
	wdcFuture
	wdcLast
)

// collect gathers the clues of one text.
func collect(ts toks, exprs []expr) clues {
	var c clues
	cues := map[int]int{}
	for _, e := range exprs {
		var k int
		switch {
		case e.kind == kUnitRel && e.unit == uWeek && e.mod == -1:
			k = cueLastWeek
		case e.kind == kUnitRel && e.unit == uWeek && e.mod == 2:
			k = cueThisWeek
		case e.kind == kUnitRel && e.unit == uMonth && e.mod == -1:
			k = cueLastMonth
		case e.kind == kUnitRel && e.unit == uMonth && e.mod == 2:
			k = cueThisMonth
		case e.kind == kDayOffset && e.n == -1:
			k = cueYesterday
		}
		if k != 0 && cues[e.sentence] == 0 {
			cues[e.sentence] = k
		}
	}
	for _, e := range exprs {
		fut := tense(ts, e.tok) > 0
		switch e.kind {
		case kWeekday:
			switch {
			case e.mod == -1:
				c.wd[wdcLast][e.wd-1] += 1
			case e.mod == 1 || e.tense.sign() > 0:
				c.wd[wdcFuture][e.wd-1] += 1
			case e.mod == 0 && e.tense.sign() < 0:
				c.wd[wdcPast][e.wd-1] += 1
			case e.mod == 0:
				c.wd[wdcUnknown][e.wd-1] += 1
			}
		case kDate:
			if e.y != 0 && !fut && e.y > c.maxYear {
				c.maxYear = e.y
			}
			cl := clue{y: e.y, m: e.m, d: e.d, wd: e.wd, cue: cues[e.sentence], fut: fut, w: 1}
			switch {
			case e.y != 0 && (!fut || e.wd != 0):
				c.full = append(c.full, cl)
			case e.y == 0 && e.mod == 0 && (!fut || e.wd != 0): // not "May 3rd of last year"
				c.md = append(c.md, cl)
			}
		case kYear, kMonth:
			switch {
			case e.y == 0:
			case fut || targetYear(ts, e.tok):
				if c.futYear == 0 || e.y < c.futYear {
					c.futYear = e.y
				}
			case e.y > c.maxYear:
				c.maxYear = e.y
			}
		}
	}
	return c
}

// add pools the clues of another text of the same story, weighted by w.
func (c *clues) add(o clues, w float64) {
	c.maxYear = max(c.maxYear, o.maxYear)
	for i := range c.wd {
		for j := range c.wd[i] {
			c.wd[i][j] += w * o.wd[i][j]
		}
	}
	for _, cl := range o.full {
		cl.w *= w
		c.full = append(c.full, cl)
	}
	for _, cl := range o.md {
		cl.w *= w
		c.md = append(c.md, cl)
	}
	c.known = append(c.known, o.known...)
	if o.futYear != 0 && (c.futYear == 0 || o.futYear < c.futYear) {
		c.futYear = o.futYear
	}
}

// inference is what infer found.
type inference struct {
	ok         bool
	date       time.Time
	confidence float64
	evidence   []string
}

// InferStoryReference infers one reference date for a story from the
// pooled evidence of its articles, which report one event and are
// published within days of each other. An article with a known Published
// date adds it as evidence (the story's other articles appeared within
// days of it). The result is meant to be lent to the story's undated
// articles (set Published, PublishedFrom "inferred" and
// PublishedConfidence, then Analyze again) when confidence >= AdoptConfidence.
//
// The articles of a story repeat each other's facts, so their evidence is
// not independent: each article's clues count 1/sqrt(n) for n articles (the
// story's evidence is tempered, but one article's year can date
// another's weekday and month-day). A known date counts fully and puts the
// candidate window around it. ok is false as for infer, with the
// story's known dates counting as years and full dates.
func InferStoryReference(arts []*news.Article) (date time.Time, confidence float64, evidence []string, ok bool) {
	var c clues
	n := 0
	for _, a := range arts {
		if a != nil {
			n++
		}
	}
	for _, a := range arts {
		if a == nil {
			continue
		}
		body := a.Body()
		ts := text.Scan(body, text.ASCIILower(body))
		ac := collect(ts, match(ts))
		if d, ok := ParseDate(a.Published); ok && a.PublishedFrom != "inferred" {
			ac.known = append(ac.known, dayNum(d))
			ac.maxYear = max(ac.maxYear, d.Year())
		}
		c.add(ac, 1/math.Sqrt(float64(n)))
	}
	inf := infer(c)
	return inf.date, inf.confidence, inf.evidence, inf.ok
}

// epoch is day 0 of the day numbers used while scoring.
var epoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

// dayNum numbers days from epoch (t is a UTC midnight; Unix, unlike Sub,
// does not saturate for distant years).
func dayNum(t time.Time) int { return int(t.Unix() / 86400) }

// ymd returns the day number of y-m-d (normalised: February 29 of a common
// year is March 1).
func ymd(y, m, d int) int { return dayNum(date(y, m, d)) }

// infer scores the candidate reference (publication) dates for the clues of
// a text (or a story's pooled clues) and returns the most likely one, its
// confidence in [0,1], and the evidence it used.
//
// Every day from January 1 of the latest year mentioned (outside
// future-tense clauses and targets such as "by 2030") to the end of the
// fourth year after it is a candidate. A candidate's weight is the product
// of a year prior (how far after the latest year mentioned), and for each
// piece of evidence a measured density of its distance to the candidate:
// weekdays named in past-tense clauses (the publication is usually that
// day or the next), weekdays in future-tense clauses, month-days without a
// year (recent events, and the sentence's "last week", "earlier this
// month" or "yesterday" places them), full dates with a year (the
// publication is not before them, rarely on them), and weekday-paired
// dates (which pin the year: a date falls on a given weekday once in 5 to
// 11 years); a year named in a future-tense clause makes later years less
// likely. The best candidate wins; the confidence is the share of the
// total weight within two days of it, times the share of development
// articles whose publication year fell in the window at all (0.58) unless
// a weekday-paired date pins the year. It reads as the probability that
// the guess is within two days of the truth. Analyze adopts it at
// AdoptConfidence.
//
// ok is false when the text names no year, or no month-day or full date.
func infer(c clues) inference {
	if c.maxYear == 0 || len(c.full)+len(c.md)+len(c.known) == 0 {
		return inference{evidence: c.describe()}
	}
	y0 := c.maxYear
	for _, kd := range c.known { // a story's known dates are in the window
		y0 = min(y0, epoch.AddDate(0, 0, kd).Year())
	}
	first := ymd(y0, 1, 1)
	yearStart := make([]int, candidateYears+1)
	for k := range yearStart {
		yearStart[k] = ymd(y0+k, 1, 1)
	}
	n := yearStart[candidateYears] - first
	score := make([]float64, n)

	// Weekday evidence depends only on the candidate's weekday.
	var wdScore [7]float64
	tables := [4][]float64{wdPast, wdUnknown, wdFuture, wdLast}
	for cls, tab := range tables {
		for wd, cnt := range c.wd[cls] {
			if cnt == 0 {
				continue
			}
			for cw := range 7 {
				k := (cw - wd + 7) % 7 // days from the weekday to the candidate
				if cls == wdcFuture {
					k = (wd - cw + 7) % 7
				}
				wdScore[cw] += wdWeight * cnt * (tab[k] + math.Log(7))
			}
		}
	}
	// Month-day occurrences per candidate year and the years either side.
	occ := make([][]int, len(c.md))
	for i, md := range c.md {
		occ[i] = make([]int, candidateYears+2)
		for k := range occ[i] {
			occ[i][k] = ymd(y0+k-1, md.m, md.d)
		}
	}
	firstWD := int(date(y0, 1, 1).Weekday())
	k := 0
	for i := range n {
		day := first + i
		for k < candidateYears-1 && day >= yearStart[k+1] {
			k++
		}
		wd := (firstWD + i) % 7
		s := yearPrior[k] + wdScore[wd]
		if c.futYear != 0 && y0+k > c.futYear {
			s += afterFuture
		}
		for j, md := range c.md {
			o := occ[j][k+1]
			switch {
			case o > day+183:
				o = occ[j][k]
			case o < day-182:
				o = occ[j][k+2]
			}
			delta := day - o
			v := cueScore(md.cue, day, o)
			if md.wd != 0 {
				if (firstWD+o-first+7*1000)%7 != md.wd-1 {
					v += pairMismatch
				}
				v += pairedDensity.at(delta)
			} else {
				v += monthDayDensity.at(delta)
			}
			s += md.w * v
		}
		for _, f := range c.full {
			o := ymd(f.y, f.m, f.d)
			if f.wd != 0 {
				s += f.w * pairedDensity.at(day-o)
			} else {
				s += f.w * fullDateDensity.at(day-o)
			}
		}
		for _, kd := range c.known {
			s += storyDensity.at(day - kd)
		}
		score[i] = s
	}
	best := 0
	for i, s := range score {
		if s > score[best] {
			best = i
		}
	}
	// Posterior mass within two days of the best, and the runner-up outside.
	total, near := 0.0, 0.0
	runner := -1
	for i, s := range score {
		w := math.Exp(s - score[best])
		total += w
		if i >= best-2 && i <= best+2 {
			near += w
		} else if runner < 0 || s > score[runner] {
			runner = i
		}
	}
	// A weekday-paired date, or a known date of the story, pins the year
	// itself, so the window cannot miss it.
	scale := inWindow
	if len(c.known) > 0 {
		scale = 1
	}
	for _, cl := range append(c.full[:len(c.full):len(c.full)], c.md...) {
		if cl.wd != 0 {
			scale = 1
		}
	}
	d := epoch.AddDate(0, 0, first+best)
	ev := c.describe()
	ev = append(ev, fmt.Sprintf("best %s (%s); %.0f%% of the weight within 2 days of it, times %.2f for the year window", d.Format(dayLayout), d.Weekday(), 100*near/total, scale))
	if runner >= 0 {
		r := epoch.AddDate(0, 0, first+runner)
		ev = append(ev, fmt.Sprintf("runner-up %s (%s), %.2f times less likely", r.Format(dayLayout), r.Weekday(), math.Exp(score[best]-score[runner])))
	}
	return inference{ok: true, date: d, confidence: scale * near / total, evidence: ev}
}

// cueScore scores a candidate day against a month-day's link cue.
func cueScore(cue, day, o int) float64 {
	if cue == cueNone {
		return 0
	}
	var hit bool
	switch cue {
	case cueLastWeek: // the candidate is in the ISO week after o's
		hit = isoWeek(day) == isoWeek(o)+1
	case cueThisWeek:
		hit = isoWeek(day) == isoWeek(o) && day >= o
	case cueYesterday:
		hit = day == o+1
	case cueLastMonth, cueThisMonth:
		dd, od := epoch.AddDate(0, 0, day), epoch.AddDate(0, 0, o)
		months := (dd.Year()-od.Year())*12 + int(dd.Month()) - int(od.Month())
		hit = (cue == cueLastMonth && months == 1) || (cue == cueThisMonth && months == 0 && day >= o)
	}
	if hit {
		return cueHit
	}
	return cueMiss
}

// isoWeek numbers weeks from Monday 1969-12-29 (day -3).
func isoWeek(day int) int { return (day + 3) / 7 }

// describe lists the clues in words, for the evidence.
func (c clues) describe() []string {
	var ev []string
	if c.maxYear != 0 {
		ev = append(ev, fmt.Sprintf("latest year mentioned %d; candidates %d-%d", c.maxYear, c.maxYear, c.maxYear+candidateYears-1))
	}
	if c.futYear != 0 {
		ev = append(ev, fmt.Sprintf("year %d named in a future-tense clause or as a target", c.futYear))
	}
	names := [4]string{"in past-tense clauses", "without tense", "in future-tense clauses", "as \"last\""}
	for cls := range c.wd {
		var parts []string
		for wd, cnt := range c.wd[cls] {
			if cnt > 0 {
				parts = append(parts, fmt.Sprintf("%s x%.3g", time.Weekday(wd).String(), cnt))
			}
		}
		if len(parts) > 0 {
			ev = append(ev, "weekdays "+names[cls]+": "+strings.Join(parts, ", "))
		}
	}
	cueNames := [...]string{"", "last week", "this week", "yesterday", "last month", "this month"}
	var mds []string
	for _, md := range c.md {
		s := fmt.Sprintf("%s %d", time.Month(md.m), md.d)
		if md.wd != 0 {
			s = time.Weekday(md.wd-1).String() + ", " + s
		}
		if md.cue != cueNone {
			s += " (\"" + cueNames[md.cue] + "\")"
		}
		mds = append(mds, s)
	}
	if len(mds) > 0 {
		sort.Strings(mds)
		ev = append(ev, "month-days: "+strings.Join(mds, "; "))
	}
	var fulls []string
	for _, f := range c.full {
		s := date(f.y, f.m, f.d).Format(dayLayout)
		if f.wd != 0 {
			s = time.Weekday(f.wd-1).String() + " " + s
		}
		fulls = append(fulls, s)
	}
	if len(fulls) > 0 {
		sort.Strings(fulls)
		ev = append(ev, "full dates: "+strings.Join(fulls, ", "))
	}
	if len(c.known) > 0 {
		ev = append(ev, fmt.Sprintf("%d known publication date(s) in the story", len(c.known)))
	}
	return ev
}

// targetYear reports a year that is a target rather than a mention of the
// past: "by 2030", "until 2050", "through 2025".
func targetYear(ts toks, i int) bool {
	switch ts.Word(i - 1) {
	case "by", "until", "till", "through":
		return true
	}
	return false
}
