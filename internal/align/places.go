package align

import (
	"context"
	"fmt"
	"strings"

	"github.com/crosscheck/crosscheck/internal/entity"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// place is a town a sentence places a dated gathering of named people in:
// "Marsh spoke to the group gathered in Norbury in March 2008".
type place struct {
	sent   int    // index into Story.sents
	name   string // the town as the entity stage names it
	people []string
	lo, hi int64 // the gathering's date: first and last day
	start  int   // body offsets of the town's mention
	end    int
}

// gatheringWords name an event people attend somewhere: a town given for
// one is where it took place.
var gatheringWords = wordSet(`event events gathered gathering rally rallies speech fundraiser ceremony
	appearance forum convention reception banquet luncheon breakfast dinner`)

// placeMaxSpan is the widest date (in days) of the two for which two
// gatherings of one person are read as one: a month and a day within it
// may be one event, two mentions of a year ("a rally in 2016") are
// likely two.
const placeMaxSpan = 31

// readPlaces reads the towns of member mi's sentences that hold a
// gathering word and a date: "in TOWN", the town not a country, state or
// region (an area may hold the other's town: no conflict can be read).
func (s *Story) readPlaces(mi int, a *news.Article, sentOf func(int) int) {
	body := a.Body()
	x := &s.idx[mi]
	for _, e := range a.Entities {
		if e.Type != news.Place || entity.IsArea(e.Name) {
			continue
		}
		for _, m := range e.Mentions {
			if !mentionIn(body, m) || !strings.HasSuffix(strings.ToLower(body[max(0, m.Start-4):m.Start]), " in ") {
				continue
			}
			si := a.SentenceAt(m.Start)
			if si < 0 {
				continue
			}
			sp := a.Sentences[si]
			if !hasGathering(body[sp.Start:sp.End]) {
				continue
			}
			// The gathering's date: the first readable date (in the
			// article's order) of the sentence.
			first := -1
			x.times.startingIn(sp.Start, sp.End, func(ti, end int) bool {
				if (first < 0 || ti < first) && end <= sp.End && x.days[ti].ok && !statementTime(body, a.Times[ti]) {
					first = ti
				}
				return true
			})
			if first < 0 {
				continue
			}
			lo, hi := x.days[first].lo, x.days[first].hi
			x := sentOf(m.Start)
			if x < 0 {
				continue
			}
			p := place{sent: x, name: e.Name, lo: lo, hi: hi, start: m.Start, end: m.End}
			p.people = s.personsIn(mi, sp.Start, sp.End)
			if len(p.people) == 0 {
				// A pronoun for the one person named before it.
				f := Fact{sent: x}
				if st := &s.sents[x]; len(st.toks) > 0 {
					s.resolvePronoun(&f, 0, len(st.toks)-1)
				}
				if f.ambiguous {
					continue
				}
				p.people = f.people
			}
			if len(p.people) > 0 {
				s.places = append(s.places, p)
			}
		}
	}
}

// hasGathering reports whether a sentence holds a gathering word.
func hasGathering(t string) bool {
	for _, w := range strings.Fields(strings.ToLower(t)) {
		if gatheringWords[strings.Trim(w, ".,;:'\"")] {
			return true
		}
	}
	return false
}

// placeConflict reports whether two dated gatherings are one, placed in
// two towns: one person among both's people, overlapping dates of which
// one is at most placeMaxSpan days long, and different town names,
// neither a word of the other ("Norbury" and "North Norbury" may be one).
func placeConflict(a, b *place) bool {
	if !samePeople(a.people, b.people) || a.hi < b.lo || b.hi < a.lo {
		return false
	}
	if a.hi-a.lo >= placeMaxSpan && b.hi-b.lo >= placeMaxSpan {
		return false
	}
	na, nb := strings.ToLower(a.name), strings.ToLower(b.name)
	return na != nb && !containsWord(na, nb) && !containsWord(nb, na)
}

func containsWord(s, w string) bool {
	for _, x := range strings.Fields(s) {
		if x == w {
			return true
		}
	}
	return false
}

// placeDiscrepancies lists the place conflicts between independent
// sources, one per pair of sentences; a sentence that names both towns
// conflicts with nothing. The pairs tried share a person's last name (see
// Discrepancies for the bound).
func (s *Story) placeDiscrepancies(ctx context.Context, seen map[[2]int]bool) ([]news.Discrepancy, error) {
	var out []news.Discrepancy
	keys := personKeys(len(s.places), func(i int) []string { return s.places[i].people })
	pairs := text.NewPairIndex(keys)
	var cands []int
	for i := range s.places {
		if i%256 == 255 && ctx.Err() != nil {
			return nil, fmt.Errorf("align: place discrepancies: %w", ctx.Err())
		}
		cands = pairs.With(keys[i], i+1, i+1, cands)
		for _, j := range cands {
			a, b := &s.places[i], &s.places[j]
			k := [2]int{min(a.sent, b.sent), max(a.sent, b.sent)}
			if seen[k] || !s.independent(a.sent, b.sent) || !placeConflict(a, b) {
				continue
			}
			if strings.Contains(s.sents[a.sent].text, b.name) || strings.Contains(s.sents[b.sent].text, a.name) {
				continue
			}
			seen[k] = true
			claim := func(p *place) news.Claim { return s.claimAt(p.sent, p.name, p.start, p.end) }
			out = append(out, news.Discrepancy{
				Kind:     news.KindPlace,
				About:    "where: " + a.name + " vs " + b.name,
				Measured: "where",
				Frame:    &news.Frame{Measures: "gathering", Shared: []string{a.people[0]}},
				Claims:   []news.Claim{claim(a), claim(b)},
			})
		}
	}
	return out, nil
}
