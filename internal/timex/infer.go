package timex

import (
	"fmt"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
)

// Confidence of each inference rule (see InferReference).
const (
	confPairFull     = 0.95 // weekday + full date that agree: "Wednesday, April 12, 2017"
	confFullDominant = 0.5  // latest full date, in the latest year mentioned, on the dominant weekday
	confFullNamed    = 0.4  // the same, on another weekday the text names
	confFull         = 0.25 // the same, on a weekday the text does not name
	confFullOld      = 0.1  // latest full date, older than the latest year mentioned
	confPairPinned   = 0.9  // weekday + month-day, the first matching year is within 4 years of the latest year mentioned
	confPairAmbig    = 0.6  // weekday + month-day, the first matching year is further out
	confLinked       = 0.2  // month-day linked to the dominant weekday by "last week" etc. in its sentence (year unpinned)
	confLinkedFar    = 0.15 // the linking cue is elsewhere in the text
	confUnlinked     = 0.1  // month-day and dominant weekday, no linking cue (year unpinned)
	adjustedPenalty  = 0.9  // factor when the pinned date had to be moved to the dominant weekday
	pinnedYearWindow = 4
)

// inference is what infer found.
type inference struct {
	ok         bool
	date       time.Time
	confidence float64
	evidence   []string
}

// InferReference returns the most likely reference (publication) date from
// the text alone, its confidence in [0,1], and the evidence it used.
//
// Rules, strongest first (the confidence of each is a constant above; the
// values were checked against the publication dates of the BASIL and
// PolNeAR development articles, where full dates with a year are mostly of
// earlier events and nothing in the text pins the year of a bare month-day):
//  1. A weekday paired with a full date that falls on it ("Wednesday, April
//     12, 2017"): that date, moved forward to the dominant weekday when
//     another weekday dominates.
//  2. The latest full date with a year in a non-future clause. News names
//     the days of the past week by weekday, so the date is likely recent when
//     it falls on a weekday the text names: 0.5 on the dominant weekday, 0.4
//     on another named one, 0.25 otherwise; 0.1 when a later year is
//     mentioned (on the development sets about half of these dates were
//     within two days of publication). Below 0.5 later rules may still win.
//  3. A weekday paired with a month-day ("on Wednesday, April 12"): the
//     first year not before the latest year mentioned in which the date
//     falls on that weekday (a date recurs on a weekday every 5, 6 or 11
//     years, so this pins one year; 0.9 when it is within 4 years of the
//     latest year mentioned, 0.6 further out).
//  4. The latest past month-day and the dominant weekday (the weekday named
//     most often outside future-tense clauses, taken as the publication day):
//     the dominant weekday in the week after the month-day when the text says
//     "last week", in the same week for "this week"/"earlier this week", the
//     day after for "yesterday", else the first one after it. The year is the
//     latest year mentioned, which nothing pins: confidence at most 0.2.
//
// The latest year mentioned ignores years in future-tense clauses and
// targets ("by 2030").
//
// ok is false when there is no month-day or full date, or no year at all.
func (t *Tagger) InferReference(a *news.Article) (date time.Time, confidence float64, evidence []string, ok bool) {
	body := a.Body()
	ts := toks(scan(body, asciiLower(body)))
	inf := infer(ts, match(ts))
	return inf.date, inf.confidence, inf.evidence, inf.ok
}

var weekdayNames = [...]string{"", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

func infer(ts toks, exprs []expr) inference {
	var (
		wdCount                       [8]int
		wdFirst                       [8]int
		maxYear                       int
		fullDate                      []expr  // dates with a year, not future
		pairs                         []expr  // weekday-paired dates
		mdates                        []expr  // month-days without year, not future
		lastWeek, thisWeek, yesterday [2]bool // [0] anywhere, [1] in the sentence of the month-day (set later)
		cueSent                       = map[int][3]bool{}
	)
	for i, e := range exprs {
		fut := tense(ts, e.tok) > 0
		switch e.kind {
		case kWeekday:
			if e.mod == 0 && e.tense <= 0 {
				if wdCount[e.wd] == 0 {
					wdFirst[e.wd] = i
				}
				wdCount[e.wd]++
			}
		case kDate:
			if e.y != 0 && !fut && e.y > maxYear {
				maxYear = e.y
			}
			switch {
			case e.wd != 0:
				pairs = append(pairs, e)
				if wdCount[e.wd] == 0 {
					wdFirst[e.wd] = i
				}
				wdCount[e.wd]++
			case fut:
			case e.y != 0:
				fullDate = append(fullDate, e)
			default:
				mdates = append(mdates, e)
			}
		case kYear, kMonth:
			if e.y != 0 && !fut && !targetYear(ts, e.tok) && e.y > maxYear {
				maxYear = e.y
			}
		case kUnitRel:
			if e.unit == uWeek && e.mod == -1 {
				lastWeek[0] = true
				c := cueSent[e.sentence]
				c[0] = true
				cueSent[e.sentence] = c
			}
			if e.unit == uWeek && e.mod == 2 {
				thisWeek[0] = true
				c := cueSent[e.sentence]
				c[1] = true
				cueSent[e.sentence] = c
			}
		case kDayOffset:
			if e.n == -1 {
				yesterday[0] = true
				c := cueSent[e.sentence]
				c[2] = true
				cueSent[e.sentence] = c
			}
		}
	}
	dom := 0
	for wd := 1; wd <= 7; wd++ {
		if wdCount[wd] > wdCount[dom] || (wdCount[wd] == wdCount[dom] && wdCount[wd] > 0 && wdFirst[wd] < wdFirst[dom]) {
			dom = wd
		}
	}
	var ev []string
	if dom != 0 {
		ev = append(ev, fmt.Sprintf("weekday %s named %d times outside future-tense clauses", weekdayNames[dom], wdCount[dom]))
	}
	if maxYear != 0 {
		ev = append(ev, fmt.Sprintf("latest year mentioned %d", maxYear))
	}
	// toDominant moves d forward (0-6 days) to the dominant weekday.
	toDominant := func(d time.Time) (time.Time, bool) {
		if dom == 0 || int(d.Weekday())+1 == dom {
			return d, false
		}
		return d.AddDate(0, 0, (dom-1-int(d.Weekday())+7)%7), true
	}

	// fallback is a weak result kept while weaker-looking rules are tried.
	var fallback inference

	// Rule 1: weekday + full date that agree.
	var best *expr
	for k := range pairs {
		p := &pairs[k]
		if p.y != 0 && int(date(p.y, p.m, p.d).Weekday())+1 == p.wd && (best == nil || after(*p, *best)) {
			best = p
		}
	}
	if best != nil {
		d, moved := toDominant(date(best.y, best.m, best.d))
		c := confPairFull
		if moved {
			c *= adjustedPenalty
		}
		ev = append(ev, fmt.Sprintf("%s paired with %s", weekdayNames[best.wd], date(best.y, best.m, best.d).Format(dayLayout)))
		return inference{ok: true, date: d, confidence: c, evidence: ev}
	}

	// Rule 2: latest full date. Full dates in news are mostly of earlier
	// events; one in the latest year mentioned is a fair estimate, an
	// older one is a poor one.
	for k := range fullDate {
		if best == nil || after(fullDate[k], *best) {
			best = &fullDate[k]
		}
	}
	if best != nil {
		d := date(best.y, best.m, best.d)
		wd := int(d.Weekday()) + 1
		c := confFull
		switch {
		case best.y < maxYear:
			c = confFullOld
		case wd == dom:
			c = confFullDominant
		case wdCount[wd] > 0:
			c = confFullNamed
		}
		fe := append(append([]string(nil), ev...), "latest full date "+d.Format(dayLayout))
		fallback = inference{ok: true, date: d, confidence: c, evidence: fe}
		if c >= confFullDominant {
			return fallback
		}
	}

	// Rule 3: weekday + month-day, year from the latest year mentioned.
	if maxYear == 0 {
		return orFallback(inference{evidence: ev}, fallback)
	}
	for k := range pairs {
		p := pairs[k]
		var years []int
		for y := maxYear; y <= maxYear+28 && len(years) < 1; y++ {
			if validDate(y, p.m, p.d) && int(date(y, p.m, p.d).Weekday())+1 == p.wd {
				years = append(years, y)
			}
		}
		if len(years) == 0 {
			continue
		}
		c := confPairAmbig
		if years[0] <= maxYear+pinnedYearWindow {
			c = confPairPinned
		}
		d, moved := toDominant(date(years[0], p.m, p.d))
		if moved {
			c *= adjustedPenalty
		}
		ev = append(ev, fmt.Sprintf("%s paired with %s %d: year %d is the first not before %d with that weekday", weekdayNames[p.wd], time.Month(p.m), p.d, years[0], maxYear))
		return inference{ok: true, date: d, confidence: c, evidence: ev}
	}

	// Rule 4: latest month-day + dominant weekday, year unpinned.
	if dom == 0 || len(mdates) == 0 {
		return orFallback(inference{evidence: ev}, fallback)
	}
	md := mdates[0]
	for _, e := range mdates[1:] {
		if e.m > md.m || (e.m == md.m && e.d > md.d) {
			md = e
		}
	}
	y := maxYear
	if !validDate(y, md.m, md.d) {
		y = maxYear + 1
		for !validDate(y, md.m, md.d) {
			y++
		}
	}
	cs := cueSent[md.sentence]
	lastWeek[1], thisWeek[1], yesterday[1] = cs[0], cs[1], cs[2]
	linked := func(c [2]bool) float64 {
		if c[1] {
			return confLinked
		}
		return confLinkedFar
	}
	anchor := date(y, md.m, md.d)
	first := anchor.AddDate(0, 0, (dom-1-int(anchor.Weekday())+7)%7)
	if first.Equal(anchor) {
		first = anchor.AddDate(0, 0, 7) // a month-day that is the publication day would usually be named by its weekday
	}
	d, c := first, confUnlinked
	switch {
	case lastWeek[0]:
		d = isoWeekStart(anchor).AddDate(0, 0, 7+(dom+5)%7)
		c = linked(lastWeek)
		ev = append(ev, fmt.Sprintf("%s %d taken to be in the week before (\"last week\")", time.Month(md.m), md.d))
	case yesterday[0] && int(anchor.Weekday())+1 == (dom+5)%7+1:
		d = anchor.AddDate(0, 0, 1)
		c = linked(yesterday)
		ev = append(ev, fmt.Sprintf("%s %d taken to be yesterday", time.Month(md.m), md.d))
	case thisWeek[0]:
		d = isoWeekStart(anchor).AddDate(0, 0, (dom+5)%7)
		if d.Before(anchor) {
			d = first
		}
		c = linked(thisWeek)
		ev = append(ev, fmt.Sprintf("%s %d taken to be earlier this week", time.Month(md.m), md.d))
	default:
		ev = append(ev, fmt.Sprintf("first %s after %s %d", weekdayNames[dom], time.Month(md.m), md.d))
	}
	ev = append(ev, fmt.Sprintf("year not pinned: assumed %d, the latest year mentioned", y))
	return orFallback(inference{ok: true, date: d, confidence: c, evidence: ev}, fallback)
}

// orFallback returns the more confident of two inferences, inf on a tie.
func orFallback(inf, fallback inference) inference {
	if fallback.ok && (!inf.ok || fallback.confidence > inf.confidence) {
		return fallback
	}
	return inf
}

// after reports whether date expression a is later than b.
func after(a, b expr) bool {
	if a.y != b.y {
		return a.y > b.y
	}
	if a.m != b.m {
		return a.m > b.m
	}
	return a.d > b.d
}

// targetYear reports a year that is a target rather than a mention of the
// past: "by 2030", "until 2050", "through 2025".
func targetYear(ts toks, i int) bool {
	switch ts.word(i - 1) {
	case "by", "until", "till", "through":
		return true
	}
	return false
}
