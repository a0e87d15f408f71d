package brief

import (
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/timex"
)

// eventLookback is how long before the first publication a dated event
// still counts as the story's own: news reports what happened in the last
// days ("on Monday", "last week's vote"), while older dates are
// background ("the 2008 election").
const eventLookback = 7 * 24 * time.Hour

// coverage returns the earliest and latest stated publication times of the
// members: dates the caller, the page or the text gave (PublishedFrom
// "inferred" is a guess and is left out). Zero when none is dated.
func coverage(members []news.Member) (first, latest time.Time) {
	for _, m := range members {
		if m.Article.PublishedFrom == "inferred" {
			continue
		}
		t, ok := PublishedTime(m.Article.Published)
		if !ok {
			continue
		}
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if latest.IsZero() || t.After(latest) {
			latest = t
		}
	}
	return first, latest
}

// publishedLayouts are the ISO 8601 shapes a publication time comes in,
// most precise first; a bare date is midnight UTC.
var publishedLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"}

// PublishedTime reads an article's publication date or date-time (ISO
// 8601, "2017-04-12" or "2017-04-12T20:00:00Z") as a UTC time; ok is false
// when it is neither. It is the one reading of Article.Published that
// story times and listings share.
func PublishedTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, l := range publishedLayouts {
		if t, err := time.Parse(l, s); err == nil && t.Year() >= 1000 {
			return t.UTC(), true
		}
	}
	d, ok := timex.ParseDate(s)
	return d, ok
}

// eventDay is the day the story's event happened: the day its articles'
// dated statements name most (each article counts once per day), among
// the days from eventLookback before the first publication to the latest
// one; ties go to the day named more often in all, then to the later
// day. ref is the story's reference date when no article is dated (lent
// by lendDate), bounding the window the same way; with neither, a day
// counts only when two articles name it. When no article names a day in
// the window the event day is fallback (the most common publication day).
func eventDay(members []news.Member, first, latest time.Time, ref, fallback string) string {
	bounded, lo, hi := !first.IsZero(), first.Add(-eventLookback), latest
	minArticles := 1
	if !bounded {
		if d, ok := timex.ParseDate(ref); ok {
			bounded, lo, hi = true, d.Add(-eventLookback), d
		} else {
			minArticles = 2
		}
	}
	lo = time.Date(lo.Year(), lo.Month(), lo.Day(), 0, 0, 0, 0, time.UTC)
	hi = time.Date(hi.Year(), hi.Month(), hi.Day(), 0, 0, 0, 0, time.UTC)
	articles, mentions := map[string]int{}, map[string]int{}
	for _, m := range members {
		seen := map[string]bool{}
		for _, tm := range m.Article.Times {
			if len(tm.Value) != len("2006-01-02") {
				continue // a month, a year, a range or a time of day
			}
			d, ok := timex.ParseDate(tm.Value)
			if !ok || bounded && (d.Before(lo) || d.After(hi)) {
				continue
			}
			mentions[tm.Value]++
			if !seen[tm.Value] {
				seen[tm.Value] = true
				articles[tm.Value]++
			}
		}
	}
	best := ""
	for d, n := range articles {
		if n < minArticles {
			continue
		}
		if best == "" || n > articles[best] ||
			n == articles[best] && (mentions[d] > mentions[best] || mentions[d] == mentions[best] && d > best) {
			best = d
		}
	}
	if best == "" {
		return fallback
	}
	return best
}

// ArticleTime is the story time of a single article: its stated
// publication time as the coverage span and its publication day as the
// event. The ingest engine gives it to a story it creates, so that the
// story is dated before its first briefing.
func ArticleTime(a *news.Article) news.StoryTime {
	first, latest := coverage([]news.Member{{Article: a}})
	t := news.StoryTime{First: first, Latest: latest}
	if !first.IsZero() {
		t.Event = first.Format("2006-01-02")
	}
	return t
}

// EventDate words a timeline date (a news.Time value: "2017", "2017-04",
// "2017-04-12", "2017-04-12T20:00", or a range "2017-04-03/2017-04-09")
// as the rest of a briefing words dates: "2017", "Apr 2017", "12 Apr
// 2017", "12 Apr 2017, 20:00", "3–9 Apr 2017" (a span of days as
// news.StoryTime.Span words one), "Jan–Apr 2017". A value of another
// shape is returned as it is.
func EventDate(v string) string {
	v = strings.TrimSpace(v)
	if a, b, ok := strings.Cut(v, "/"); ok {
		ta, ga := parseEventDate(a)
		tb, gb := parseEventDate(b)
		switch {
		case ga == "" || gb == "":
			return v
		case ga == "day" && gb == "day":
			return news.StoryTime{First: ta, Latest: tb}.Span()
		case ga == "month" && gb == "month" && ta.Year() == tb.Year():
			if ta.Month() == tb.Month() {
				return tb.Format("Jan 2006")
			}
			return ta.Format("Jan") + "–" + tb.Format("Jan 2006")
		}
		return EventDate(a) + " – " + EventDate(b)
	}
	t, g := parseEventDate(v)
	switch g {
	case "year":
		return t.Format("2006")
	case "month":
		return t.Format("Jan 2006")
	case "day":
		return t.Format("2 Jan 2006")
	case "minute":
		return t.Format("2 Jan 2006, 15:04")
	}
	return v
}

// eventLayouts are the shapes of a news.Time value by granularity.
var eventLayouts = []struct{ layout, grain string }{
	{"2006", "year"}, {"2006-01", "month"}, {"2006-01-02", "day"}, {"2006-01-02T15:04", "minute"},
}

// parseEventDate reads one end of a timeline date and its granularity,
// "" when it has none of eventLayouts' shapes.
func parseEventDate(s string) (time.Time, string) {
	for _, l := range eventLayouts {
		if len(s) != len(l.layout) {
			continue
		}
		if t, err := time.Parse(l.layout, s); err == nil {
			return t, l.grain
		}
	}
	return time.Time{}, ""
}
