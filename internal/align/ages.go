package align

import (
	"github.com/crosscheck/crosscheck/internal/text"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
)

// age is the age a sentence gives a named person: "Mara Quinlan, 38,",
// "38-year-old Mara Quinlan", "Mara Quinlan, a 38-year-old aide".
type age struct {
	sent   int // index into Story.sents
	person string
	years  int
	start  int // body offsets of the age's words
	end    int
}

// Age patterns around a person's mention: after it (an apposition) and
// before it.
var (
	ageAfterRe  = text.LazyRegexp(`^,\s+(?:(?:a|an|the)\s+)?(\d{1,3})(?:,|\)|\s*-year-old\b|-year-old\b)`)
	ageBeforeRe = text.LazyRegexp(`\b(\d{1,3})-year-old\s+(?:[a-z][a-z-]*\s+){0,3}$`)
	ageAgeRe    = text.LazyRegexp(`^,?\s+(?:age|aged)\s+(\d{1,3})\b`)
)

// ageMaxDays is how far apart two articles' publication days may be for
// their ages of one person to conflict: further apart, a birthday may fall
// between. Ages a year apart conflict only on one publication day.
const ageMaxDays = 7

// readAges reads the ages article a gives its people.
func (s *Story) readAges(a *news.Article, sentOf func(int) int) {
	body := a.Body()
	for _, e := range a.Entities {
		if e.Type != news.Person {
			continue
		}
		for _, m := range e.Mentions {
			if !mentionIn(body, m) {
				continue
			}
			var loc []int
			off := 0
			after := body[m.End:min(len(body), m.End+24)]
			if l := ageAfterRe().FindStringSubmatchIndex(after); l != nil {
				loc, off = l, m.End
			} else if l := ageAgeRe().FindStringSubmatchIndex(after); l != nil {
				loc, off = l, m.End
			} else {
				from := max(0, m.Start-48)
				if l := ageBeforeRe().FindStringSubmatchIndex(body[from:m.Start]); l != nil {
					loc, off = l, from
				}
			}
			if loc == nil {
				continue
			}
			n, err := strconv.Atoi(body[off+loc[2] : off+loc[3]])
			if err != nil || n == 0 || n > 120 {
				continue
			}
			si := sentOf(m.Start)
			if si < 0 {
				continue
			}
			s.ages = append(s.ages, age{sent: si, person: e.Name, years: n, start: off + loc[2], end: off + loc[3]})
		}
	}
}

// samePerson reports whether two full names name one person for an age:
// first and last name both given and equal, and the same generational
// suffix or none (a father and a son "Jr." share the rest of a name).
func samePerson(a, b string) bool {
	fa, la := personKey(a)
	fb, lb := personKey(b)
	return fa != "" && fa == fb && la == lb && suffixOf(a) == suffixOf(b)
}

// suffixOf returns the generational suffix of a name, lower case, or "".
func suffixOf(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return ""
	}
	if x := strings.Trim(f[len(f)-1], ".,"); generational[x] {
		return x
	}
	return ""
}

// ageDiscrepancies lists the age conflicts between independent sources:
// one person given two ages by articles published at most ageMaxDays
// apart (ages one year apart only on the same day), one per pair of
// sentences.
func (s *Story) ageDiscrepancies(seen map[[2]int]bool) []news.Discrepancy {
	var out []news.Discrepancy
	// Only ages of one last name can conflict: the pairs tried share it, from a
	// text.PairIndex (at most text.MaxPostings per name; see Discrepancies).
	keys := make([]map[string]bool, len(s.ages))
	for i := range s.ages {
		keys[i] = personKeys(1, func(int) []string { return []string{s.ages[i].person} })[0]
	}
	pairs := text.NewPairIndex(keys)
	var cands []int
	for i := range s.ages {
		cands = pairs.With(keys[i], i+1, i+1, cands)
		for _, j := range cands {
			a, b := &s.ages[i], &s.ages[j]
			k := [2]int{min(a.sent, b.sent), max(a.sent, b.sent)}
			if seen[k] || a.years == b.years || !s.independent(a.sent, b.sent) || !samePerson(a.person, b.person) {
				continue
			}
			if !s.pubWithin(a.sent, b.sent, ageMaxDays) || (a.years-b.years == 1 || b.years-a.years == 1) && !s.pubWithin(a.sent, b.sent, 0) {
				continue // a birthday may fall between
			}
			seen[k] = true
			claim := func(g *age) news.Claim { return s.claimAt(g.sent, strconv.Itoa(g.years), g.start, g.end) }
			out = append(out, news.Discrepancy{
				Kind:     news.KindAge,
				About:    "how old: " + strconv.Itoa(a.years) + " vs " + strconv.Itoa(b.years),
				Measured: "how old",
				Frame:    &news.Frame{Measures: "age", Shared: []string{a.person}},
				Claims:   []news.Claim{claim(a), claim(b)},
			})
		}
	}
	return out
}
