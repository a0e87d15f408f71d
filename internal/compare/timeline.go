package compare

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// Timeline lists the dated events of the story in order: every resolved
// time expression with the sentence it stands in, the same event from
// several sources merged (same date value, similar sentences) and cited to
// all of them. Ranges ("last week") sort by their start. At most perDate
// events are kept for one date, the most widely reported first.
func (s *Story) Timeline(ctx context.Context, perDate int) ([]news.Event, error) {
	if perDate <= 0 {
		perDate = 3
	}
	type ev struct {
		date    string
		sent    int
		sources []string
		groups  map[int]bool
	}
	var evs []*ev
	byDate := map[string][]*ev{}
	for mi, m := range s.members {
		if m.Article == nil {
			continue
		}
		seen := map[string]bool{}
		// This member's own new events join byDate after its loop, so
		// that a time is compared only with other members' events.
		start := len(evs)
		for _, t := range m.Article.Times {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("compare: timeline: %w", err)
			}
			if t.Value == "" {
				continue
			}
			si := s.sentenceOf(mi, t.Start)
			if si < 0 {
				continue
			}
			key := t.Value + "\x00" + s.sents[si].text
			if seen[key] {
				continue
			}
			seen[key] = true
			merged := false
			others := byDate[t.Value]
			// Bound: a time is compared with at most text.MaxPostings
			// events of its date, so the timeline is linear in the times.
			for _, e := range others[:min(len(others), text.MaxPostings)] {
				if cos, _ := s.cos(e.sent, si); cos >= s.o.Agree*0.8 {
					if !slices.Contains(e.sources, m.Source) {
						e.sources = append(e.sources, m.Source)
					}
					e.groups[m.Group] = true
					merged = true
					break
				}
			}
			if !merged {
				e := &ev{date: t.Value, sent: si, sources: []string{m.Source}, groups: map[int]bool{m.Group: true}}
				evs = append(evs, e)
			}
		}
		for _, e := range evs[start:] {
			byDate[e.date] = append(byDate[e.date], e)
		}
	}
	sort.SliceStable(evs, func(a, b int) bool {
		da, db := rangeStart(evs[a].date), rangeStart(evs[b].date)
		if da != db {
			return da < db
		}
		return len(evs[a].groups) > len(evs[b].groups)
	})
	var out []news.Event
	count := map[string]int{}
	for _, e := range evs {
		if count[e.date] >= perDate {
			continue
		}
		count[e.date]++
		out = append(out, news.Event{Date: e.date, Text: s.sents[e.sent].text, Sources: e.sources})
	}
	return out, nil
}

func rangeStart(v string) string {
	if i := strings.IndexByte(v, '/'); i >= 0 {
		return v[:i]
	}
	return v
}
