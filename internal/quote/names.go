package quote

import (
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/internal/entity"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// collectRuns lists every capitalised name run of the body with the
// evidence of a person and of gender around it: a title before it ("Ms.
// Zakharova", "President Putin"), a role next to it ("The Foreign Ministry
// spokeswoman, Maria V. Zakharova"), a known first name ("Maria").
func (d *doc) collectRuns() {
	d.genders = make(map[string]int)
	d.surnames = make(map[string]bool)
	n := len(d.toks)
	for i := 0; i+1 < n; i++ {
		if d.nameTok(i+1) && d.gapAfter(i) == " " && d.firstNameGender(d.tok(i)) != genderUnknown {
			t, _ := text.StripPossessive(d.tok(i + 1))
			d.surnames[t] = true
		}
	}
	for i := 0; i < n; {
		if !d.nameTok(i) {
			i++
			continue
		}
		// Extend forward over the raw run (titles included) to find its end.
		j := i
		for j+1 < n && j-i < 8 && d.runGapOK(j) {
			if _, poss := text.StripPossessive(d.tok(j)); poss {
				break
			}
			t := d.tok(j + 1)
			if d.nameTok(j + 1) {
				j++
				continue
			}
			if (d.lex.IsNameParticle(t) || (t == "of" && d.title(d.tok(j)))) && j+2 < n && d.nameTok(j+2) && d.runGapOK(j+1) {
				j += 2
				continue
			}
			break
		}
		s, ok := d.trimRun(i, j)
		if ok {
			r := nameRun{start: d.toks[s].Start, end: d.toks[j].End}
			for k := s; k <= j; k++ {
				t, _ := text.StripPossessive(d.tok(k))
				r.toks = append(r.toks, t)
			}
			for k := i; k < s; k++ {
				t := d.tok(k)
				if d.title(t) {
					r.titles = append(r.titles, t)
				}
				switch g := d.titleGender(t); {
				case g != genderUnknown:
					r.gender, r.person = g, true
				case d.title(t) && !d.stop(t):
					r.person = true
				}
			}
			if len(r.toks) > 1 {
				if g := d.firstNameGender(r.toks[0]); g != genderUnknown {
					r.gender, r.person = g, true
				}
			}
			// A role word just before the run, across a comma or "the":
			// "spokeswoman, Maria V. Zakharova".
			for k := i - 1; k >= 0 && k >= i-2; k-- {
				if g := d.titleGender(d.tok(k)); g != genderUnknown {
					r.gender, r.person = g, true
					break
				}
			}
			if r.gender != genderUnknown {
				sur := r.toks[len(r.toks)-1]
				if g, seen := d.genders[sur]; !seen || g == r.gender {
					d.genders[sur] = r.gender
				}
			}
			d.runs = append(d.runs, r)
		}
		i = j + 1
	}
}

// genderOf returns the gender evidence for a name.
func (d *doc) genderOf(name string) int {
	f := strings.Fields(name)
	if len(f) == 0 {
		return genderUnknown
	}
	if g, ok := d.genders[f[len(f)-1]]; ok {
		return g
	}
	if len(f) > 1 {
		return d.firstNameGender(f[0])
	}
	return genderUnknown
}

// fullName expands a speaker's name to the fullest form the article gives:
// with entities, the entity holding the mention (or sharing its surname);
// otherwise the longest name run ending with the same surname ("Tillerson"
// → "Rex Tillerson"), or, for a lone first name, starting with it
// ("Lucian" → "Lucian Kim").
func (d *doc) fullName(span [2]int) (name, typ string) {
	span = d.nameHead(span)
	surface, _ := text.StripPossessive(strings.TrimSpace(d.body[span[0]:span[1]]))
	f := strings.Fields(surface)
	if len(f) == 0 {
		return "", ""
	}
	last := f[len(f)-1]
	if len(d.a.Entities) > 0 {
		x := d.entityIndex()
		if ei := x.holding(span); ei >= 0 {
			e := d.a.Entities[ei]
			return e.Name, e.Type
		}
		for _, ei := range x.byLast[entity.LastName(last)] {
			if e := d.a.Entities[ei]; e.Type == news.Person || len(f) == 1 {
				return e.Name, e.Type
			}
		}
	}
	best := surface
	bestN := len(f)
	for _, r := range d.runs {
		if len(r.toks) <= bestN || len(r.toks) > 4 || !entity.SameLastName(r.toks[len(r.toks)-1], last) {
			continue
		}
		if !containsAll(r.toks, f) {
			continue
		}
		best, bestN = d.runSurface(r), len(r.toks)
	}
	if bestN == 1 {
		// A first name: "Lucian reports" after "NPR's Lucian Kim".
		for _, r := range d.runs {
			if len(r.toks) > bestN && len(r.toks) <= 3 && r.toks[0] == last && r.person {
				best, bestN = d.runSurface(r), len(r.toks)
			}
		}
		if bestN == 1 {
			for _, r := range d.runs {
				if len(r.toks) == 2 && r.toks[0] == last {
					best = d.runSurface(r)
				}
			}
		}
	}
	if d.genderOf(best) != genderUnknown {
		typ = news.Person
	}
	return best, typ
}

// runSurface is the run's text as the body gives it, possessive removed.
func (d *doc) runSurface(r nameRun) string {
	s, _ := text.StripPossessive(d.body[r.start:r.end])
	return strings.Join(strings.Fields(s), " ")
}

func containsAll(have, want []string) bool {
	for _, w := range want {
		found := false
		for _, h := range have {
			if strings.TrimSuffix(h, ".") == strings.TrimSuffix(w, ".") {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// entityIndex finds the entity holding a mention, and the entities with a
// given surname, without scanning every entity of the article for every
// speaker (quadratic on a long input): a lookup costs a binary search plus
// the mentions that could reach the span.
type entityIndex struct {
	ments  []mentionAt      // every entity mention, by start
	maxLen int              // the longest mention, in bytes
	byLast map[string][]int // entity.LastName of an entity's name -> entity indexes, ascending
}

type mentionAt struct{ start, end, ent int }

// entityIndex returns the index of d.a.Entities, built on first use.
func (d *doc) entityIndex() *entityIndex {
	if d.ents != nil {
		return d.ents
	}
	x := &entityIndex{byLast: map[string][]int{}}
	for ei, e := range d.a.Entities {
		for _, m := range e.Mentions {
			x.ments = append(x.ments, mentionAt{m.Start, m.End, ei})
			x.maxLen = max(x.maxLen, m.End-m.Start)
		}
		if l := entity.LastName(e.Name); l != "" {
			x.byLast[l] = append(x.byLast[l], ei)
		}
	}
	sort.SliceStable(x.ments, func(i, j int) bool { return x.ments[i].start < x.ments[j].start })
	d.ents = x
	return x
}

// holding returns the first entity (in the article's order) with a mention
// overlapping span, or -1.
func (x *entityIndex) holding(span [2]int) int {
	best := -1
	k := sort.Search(len(x.ments), func(i int) bool { return x.ments[i].start >= span[1] })
	for j := k - 1; j >= 0 && x.ments[j].start > span[0]-x.maxLen; j-- {
		if m := x.ments[j]; m.end > span[0] && (best < 0 || m.ent < best) {
			best = m.ent
		}
	}
	return best
}
