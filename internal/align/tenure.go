package align

import (
	"github.com/crosscheck/crosscheck/internal/text"
	"regexp"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
)

// tenure is the years a sentence gives for a person's time in a role:
// "Marsh has served as harbour master since 2002" (since), "Marsh was
// harbour master from 1998 to 2004" (a span), "Marsh left the harbour
// board in 2004" (an end).
type tenure struct {
	sent     int // index into Story.sents
	people   []string
	kind     int
	from, to string  // years as written; "" when not given
	roles    wordMap // keys of the role's words (post, body, organisation)
	start    int     // body offsets of the years' words
	end      int
}

// Tenure kinds: a current role held since a year, a past role held from
// one year to another, a role left in a year.
const (
	tenureSince = iota
	tenureSpan
	tenureEnd
)

const year = `((?:19|20)\d\d)`

// Tenure patterns: a verb of holding a post, the post's words, the years.
// A year alone after "since" ("the first time since 2002") reads no
// tenure: the verb is required.
var (
	tenureSinceRe = text.LazyRegexp(`(?i)\b(?:has|have|had)\s+(?:been|served|held|led|run|represented|chaired|headed|worked|sat|coached)\b([^.;:!?]{0,80}?)\bsince\s+` + year + `\b`)
	tenureSpanRe  = text.LazyRegexp(`(?i)\b(?:served|was|were|worked|sat|coached|led|ran|chaired|headed|held|represented)\b([^.;:!?]{0,80}?)\b(?:from\s+` + year + `\s+(?:to|until|through|till)|between\s+` + year + `\s+and)\s+` + year + `\b`)
	tenureEndRe   = text.LazyRegexp(`(?i)\b(?:left|retired from|resigned from|resigned as|stepped down as|stepped down from|quit|departed)\b([^.;:!?]{0,60}?)\bin\s+` + year + `\b`)
)

// readTenures reads the tenures of member mi's sentences (article a).
func (s *Story) readTenures(mi int, a *news.Article, sentOf func(int) int) {
	body := a.Body()
	for si, sp := range a.Sentences {
		if sp.End > len(body) {
			continue
		}
		t := body[sp.Start:sp.End]
		if !strings.Contains(t, "since ") && !strings.Contains(t, "from ") && !strings.Contains(t, "between ") && !strings.Contains(t, " in 19") && !strings.Contains(t, " in 20") {
			continue // most sentences give no years of service: leave them unread
		}
		if !spacedYear(t) {
			continue // every pattern ends in a year after a space
		}
		read := func(re *regexp.Regexp, kind int) {
			for _, m := range re.FindAllStringSubmatchIndex(t, -1) {
				var years []string
				y0 := -1
				for g := 4; g+1 < len(m); g += 2 {
					if m[g] >= 0 {
						years = append(years, t[m[g]:m[g+1]])
						if y0 < 0 {
							y0 = m[g]
						}
					}
				}
				people := s.subjectBefore(mi, a, si, sp.Start+m[0])
				if len(people) == 0 || len(years) == 0 {
					continue
				}
				x := sentOf(sp.Start)
				if x < 0 {
					continue
				}
				tn := tenure{sent: x, people: people, kind: kind, roles: s.roleKeys(a, sp.Start+m[2], sp.Start+m[3]),
					start: sp.Start + y0, end: sp.Start + m[1]}
				if len(tn.roles) == 0 {
					continue // "has served since 2002": served as what is not said
				}
				switch kind {
				case tenureSince:
					tn.from = years[0]
				case tenureSpan:
					tn.from, tn.to = years[0], years[len(years)-1]
				case tenureEnd:
					tn.to = years[0]
				}
				s.tenures = append(s.tenures, tn)
			}
		}
		read(tenureSinceRe(), tenureSince)
		read(tenureSpanRe(), tenureSpan)
		read(tenureEndRe(), tenureEnd)
	}
}

// spacedYear reports whether t holds a year as the tenure patterns read
// one, after white space: \s((?:19|20)\d\d). Testing it first spares the
// patterns' backtracking on sentences that only say "from" or "since".
func spacedYear(t string) bool {
	for j := 1; j+3 < len(t); j++ {
		switch t[j-1] {
		case ' ', '\t', '\n', '\f', '\r':
		default:
			continue
		}
		if (t[j] == '1' && t[j+1] == '9' || t[j] == '2' && t[j+1] == '0') && isDigitByte(t[j+2]) && isDigitByte(t[j+3]) {
			return true
		}
	}
	return false
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// subjectBefore returns the person a clause at body offset at of sentence
// si is about: the one person named before it in the sentence, or, when
// none is and a pronoun stands there, the one person named in the
// sentence before. nil when none or several can be.
func (s *Story) subjectBefore(mi int, a *news.Article, si, at int) []string {
	sp := a.Sentences[si]
	if names := s.personsIn(mi, sp.Start, at); len(names) > 0 {
		if len(names) == 1 {
			return names
		}
		return nil
	}
	hasPronoun := false
	for _, w := range strings.Fields(strings.ToLower(a.Body()[sp.Start:at])) {
		hasPronoun = hasPronoun || pronouns[strings.Trim(w, ".,;:'\"")]
	}
	if !hasPronoun || si == 0 {
		return nil
	}
	if names := s.personsIn(mi, a.Sentences[si-1].Start, at); len(names) == 1 {
		return names
	}
	return nil
}

// roleKeys returns the keys of the content words of body offsets [c0, c1)
// of a other than people's names: what post or body a tenure is in.
func (s *Story) roleKeys(a *news.Article, c0, c1 int) wordMap {
	var out wordMap
	body := a.Body()
	for _, e := range a.Entities {
		if e.Type != news.Person {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start < c1 && m.End > c0 {
				return out // another person in the role's words: whose post is unclear
			}
		}
	}
	for _, w := range strings.FieldsFunc(body[c0:c1], func(r rune) bool { return r == ' ' || r == ',' || r == '\'' || r == '’' }) {
		if k, ok := s.anchor(strings.ToLower(w)); ok {
			out.set(k, w)
		}
	}
	return out
}

// tenureConflict reports whether two tenures are one person's time in one
// post given different years: one person, a role word in common, and for
// two "since" the start years apart, for two spans either year apart, for
// ends (a span's end or a leaving) the end years apart.
func tenureConflict(a, b *tenure) bool {
	if !samePeople(a.people, b.people) || !overlaps(a.roles, b.roles) {
		return false
	}
	switch {
	case a.kind == tenureSince && b.kind == tenureSince:
		return a.from != b.from
	case a.kind == tenureSpan && b.kind == tenureSpan:
		return a.from != b.from || a.to != b.to
	case a.kind != tenureSince && b.kind != tenureSince:
		return a.to != b.to
	}
	return false
}

// tenureDiscrepancies lists the tenure conflicts between independent
// sources, one per pair of sentences; a sentence that gives both years
// conflicts with nothing.
func (s *Story) tenureDiscrepancies(seen map[[2]int]bool) []news.Discrepancy {
	var out []news.Discrepancy
	// Only tenures of one person can conflict: the pairs tried share a last
	// name, from a text.PairIndex (bounded as in Discrepancies).
	keys := make([]map[string]bool, len(s.tenures))
	for i := range s.tenures {
		keys[i] = personKeys(1, func(int) []string { return s.tenures[i].people })[0]
	}
	pairs := text.NewPairIndex(keys)
	var cands []int
	for i := range s.tenures {
		cands = pairs.With(keys[i], i+1, i+1, cands)
		for _, j := range cands {
			a, b := &s.tenures[i], &s.tenures[j]
			k := [2]int{min(a.sent, b.sent), max(a.sent, b.sent)}
			if seen[k] || !s.independent(a.sent, b.sent) || !tenureConflict(a, b) {
				continue
			}
			if mentionsYears(s.sents[a.sent].text, b, a) || mentionsYears(s.sents[b.sent].text, a, b) {
				continue
			}
			seen[k] = true
			claim := func(tn *tenure) news.Claim { return s.claimAt(tn.sent, tenureValue(tn), tn.start, tn.end) }
			out = append(out, news.Discrepancy{
				Kind:     news.KindDate,
				About:    "years in the post: " + tenureValue(a) + " vs " + tenureValue(b),
				Measured: "when",
				Frame:    &news.Frame{Measures: "tenure", Shared: append([]string{a.people[0]}, sharedWords(a.roles, b.roles)...)},
				Claims:   []news.Claim{claim(a), claim(b)},
			})
		}
	}
	return out
}

// mentionsYears reports whether sentence text t, which gives tenure own,
// also gives a year of tenure tn that own's differs from: a sentence that
// names both years holds no conflict.
func mentionsYears(t string, tn, own *tenure) bool {
	return tn.from != "" && tn.from != own.from && strings.Contains(t, tn.from) ||
		tn.to != "" && tn.to != own.to && strings.Contains(t, tn.to)
}

// tenureValue writes a tenure's years: "since 2002", "1998-2004", "until 2004".
func tenureValue(tn *tenure) string {
	switch tn.kind {
	case tenureSince:
		return "since " + tn.from
	case tenureSpan:
		return tn.from + "-" + tn.to
	}
	return "until " + tn.to
}
