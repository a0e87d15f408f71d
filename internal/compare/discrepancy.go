package compare

import (
	"regexp"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/quantity"
	"github.com/crosscheck/crosscheck/internal/text"
)

// Discrepancies finds where independent sources contradict each other:
// quantities, dates and certainty, plus the attribution conflicts found by
// Ledger. Each rule below demands evidence that both sentences are about
// the same thing before it calls a difference a contradiction.
func (s *Story) Discrepancies(attribution []news.Discrepancy) []news.Discrepancy {
	var out []news.Discrepancy
	out = append(out, s.quantityConflicts()...)
	out = append(out, s.dateConflicts()...)
	out = append(out, s.certaintyConflicts()...)
	out = append(out, attribution...)
	return out
}

// sharedNames counts the entity last names two sentences both mention.
func sharedNames(a, b sentence) int {
	n := 0
	for k := range a.names {
		if b.names[k] {
			n++
		}
	}
	return n
}

// located is a quantity or time with the sentence it stands in.
type located[T any] struct {
	v    T
	sent int // index into Story.sents
}

func (s *Story) sentenceOf(member, off int) int {
	a := s.members[member].Article
	si := a.SentenceAt(off)
	if si < 0 {
		return -1
	}
	for _, i := range s.byMem[member] {
		if s.sents[i].index == si {
			return i
		}
	}
	return -1
}

// quantityConflicts: two independent sources give the same kind of quantity
// (same unit family) in sentences about the same thing — they share a named
// entity and are similar beyond chance (cosine >= 0.15) — and the values
// with their qualifiers cannot both be true ("nearly two hours" vs "more
// than two hours").
func (s *Story) quantityConflicts() []news.Discrepancy {
	var qs []located[news.Quantity]
	for mi, m := range s.members {
		if m.Article == nil {
			continue
		}
		for _, q := range m.Article.Quantities {
			if si := s.sentenceOf(mi, q.Start); si >= 0 {
				qs = append(qs, located[news.Quantity]{q, si})
			}
		}
	}
	var out []news.Discrepancy
	seen := map[[2]int]bool{}
	for i := range qs {
		for j := i + 1; j < len(qs); j++ {
			a, b := qs[i], qs[j]
			if !s.independent(a.sent, b.sent) || seen[[2]int{a.sent, b.sent}] {
				continue
			}
			if !quantity.Compatible(a.v, b.v) || !quantity.Conflict(a.v, b.v) {
				continue
			}
			sa, sb := s.sents[a.sent], s.sents[b.sent]
			if sharedNames(sa, sb) == 0 || sa.vec.Cos(sb.vec) < 0.15 {
				continue
			}
			seen[[2]int{a.sent, b.sent}] = true
			out = append(out, news.Discrepancy{
				Kind:  news.KindQuantity,
				About: a.v.Unit + ": " + a.v.Text + " vs " + b.v.Text,
				Claims: []news.Claim{
					{Source: s.members[sa.member].Source, Text: sa.text, Value: a.v.Text},
					{Source: s.members[sb.member].Source, Text: sb.text, Value: b.v.Text},
				},
			})
		}
	}
	return out
}

// eventWords name the kinds of event whose date can be disputed; two
// sentences place the same event only if they share one.
var eventWords = map[string]bool{
	"conference": true, "meeting": true, "met": true, "meet": true, "interview": true, "speech": true, "summit": true,
	"attack": true, "strike": true, "vote": true, "voted": true, "election": true, "hearing": true, "trial": true,
	"visit": true, "arrived": true, "arrival": true, "announced": true, "announcement": true, "signed": true,
	"talks": true, "rally": true, "debate": true, "crash": true, "explosion": true, "shooting": true, "protest": true,
	"veto": true, "vetoed": true, "resigned": true, "died": true, "killed": true, "arrested": true, "launched": true,
}

func eventWordsIn(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range text.Words(s) {
		if eventWords[w] {
			out[w] = true
		}
	}
	return out
}

// dayValue keeps time values of day granularity ("2017-04-12", or a
// date-time, cut to its day).
func dayValue(v string) string {
	if len(v) >= 10 && v[4] == '-' && v[7] == '-' && !strings.Contains(v, "/") {
		return v[:10]
	}
	return ""
}

// dateConflicts: two independent sources date an event to different days,
// in past-tense sentences that name the same actor (a person or
// organisation) and the same kind of event and share at least three
// content words. Cosine is not used here: the differing time words
// themselves pull it down. Example: "in a news conference Wednesday,
// President Trump remarked" vs "Later on Friday, President Trump addressed
// ... a NATO press conference".
func (s *Story) dateConflicts() []news.Discrepancy {
	var ts []located[news.Time]
	for mi, m := range s.members {
		if m.Article == nil {
			continue
		}
		for _, t := range m.Article.Times {
			if dayValue(t.Value) == "" {
				continue
			}
			if si := s.sentenceOf(mi, t.Start); si >= 0 {
				ts = append(ts, located[news.Time]{t, si})
			}
		}
	}
	var out []news.Discrepancy
	seen := map[[2]int]bool{}
	for i := range ts {
		for j := i + 1; j < len(ts); j++ {
			a, b := ts[i], ts[j]
			if !s.independent(a.sent, b.sent) || seen[[2]int{a.sent, b.sent}] {
				continue
			}
			if dayValue(a.v.Value) == dayValue(b.v.Value) {
				continue
			}
			sa, sb := s.sents[a.sent], s.sents[b.sent]
			if sharedKeys(sa.actors, sb.actors) == 0 || sa.vec.Shared(sb.vec) < 3 || !shareAny(eventWordsIn(sa.text), eventWordsIn(sb.text)) {
				continue
			}
			if future.MatchString(sa.text) || future.MatchString(sb.text) {
				continue
			}
			// The same sentence pair may carry another, agreeing date.
			if s.sameDateElsewhere(a.sent, b.sent, ts) {
				continue
			}
			seen[[2]int{a.sent, b.sent}] = true
			out = append(out, news.Discrepancy{
				Kind:  news.KindDate,
				About: "when: " + a.v.Text + " (" + dayValue(a.v.Value) + ") vs " + b.v.Text + " (" + dayValue(b.v.Value) + ")",
				Claims: []news.Claim{
					{Source: s.members[sa.member].Source, Text: sa.text, Value: dayValue(a.v.Value)},
					{Source: s.members[sb.member].Source, Text: sb.text, Value: dayValue(b.v.Value)},
				},
			})
		}
	}
	return out
}

// future marks a sentence about what is planned: two plans on different
// days are not a contradiction.
var future = regexp.MustCompile(`(?i)\b(will|plans? to|planned|expected to|is scheduled|are scheduled|next (?:week|month|year))\b`)

func (s *Story) sameDateElsewhere(x, y int, ts []located[news.Time]) bool {
	days := map[string]bool{}
	for _, t := range ts {
		if t.sent == x {
			days[dayValue(t.v.Value)] = true
		}
	}
	for _, t := range ts {
		if t.sent == y && days[dayValue(t.v.Value)] {
			return true
		}
	}
	return false
}

func shareAny(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// rumour marks a claim reported as unconfirmed: "There had been
// speculation that ...", "reportedly", "rumored", "allegedly".
var rumour = regexp.MustCompile(`(?i)\b(speculation|speculated|rumou?rs?|rumou?red|reportedly|allegedly|unconfirmed|unverified|it is believed|is said to)\b`)

// hedge marks any uncertainty; a factual claim must have none.
var hedge = regexp.MustCompile(`(?i)\b(might|may|could|possibly|possibility|perhaps|unclear|whether|likely|unlikely|expected|appeared|seemed|if)\b`)

// statedFact marks a claim reported as fact by a named actor.
var statedFact = regexp.MustCompile(`(?i)\b(said|says|announced|confirmed|declared|stated|told)\b`)

// clauses splits a sentence at clause boundaries (", but", ";", " — ") so
// that a hedge in one clause does not hide a fact in another.
var clauseSplit = regexp.MustCompile(`,\s+(?:but|while|although|though)\s+|;\s+|\s+—\s+`)

// certaintyConflicts: one independent source reports as rumour or
// speculation what another reports as a stated fact, in clauses that name
// at least two of the same actors and are similar beyond chance. Example:
// "There had been speculation that Putin might snub Tillerson" vs "Russia
// said earlier this week that Putin would not meet with Tillerson".
func (s *Story) certaintyConflicts() []news.Discrepancy {
	type clause struct {
		sent   int
		text   string
		vec    text.Vector
		actors map[string]bool
	}
	var rumours, facts []clause
	for i, st := range s.sents {
		if len(st.actors) < 2 {
			continue
		}
		for _, c := range clauseSplit.Split(st.text, -1) {
			cl := clause{sent: i, text: c, vec: text.NewVector(termSet(c, s.o.Stem)), actors: actorsIn(c, st.actors)}
			if len(cl.actors) < 2 {
				continue
			}
			switch {
			case rumour.MatchString(c):
				rumours = append(rumours, cl)
			case statedFact.MatchString(c) && !hedge.MatchString(c) && !strings.ContainsAny(c, "“\""):
				facts = append(facts, cl)
			}
		}
	}
	var out []news.Discrepancy
	for _, r := range rumours {
		best, bestSim := -1, 0.25
		for fi, f := range facts {
			if !s.independent(r.sent, f.sent) || sharedKeys(r.actors, f.actors) < 2 {
				continue
			}
			if sim := r.vec.Cos(f.vec); sim >= bestSim {
				best, bestSim = fi, sim
			}
		}
		if best < 0 {
			continue
		}
		sr, sf := s.sents[r.sent], s.sents[facts[best].sent]
		out = append(out, news.Discrepancy{
			Kind:  news.KindCertainty,
			About: "reported as fact by one source, as speculation by another",
			Claims: []news.Claim{
				{Source: s.members[sf.member].Source, Text: sf.text, Value: "stated"},
				{Source: s.members[sr.member].Source, Text: sr.text, Value: "speculation"},
			},
		})
	}
	return out
}

// actorsIn keeps the names of set that occur as words of clause c.
func actorsIn(c string, set map[string]bool) map[string]bool {
	words := map[string]bool{}
	for _, w := range text.Words(c) {
		words[strings.TrimSuffix(w, "'s")] = true
	}
	out := map[string]bool{}
	for n := range set {
		if words[n] {
			out[n] = true
		}
	}
	return out
}

func sharedKeys(a, b map[string]bool) int {
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return n
}

// termSet is a binary term vector of s (each content word weighs 1).
func termSet(s string, stem func(string) string) map[string]float64 {
	w := map[string]float64{}
	for _, t := range text.Terms(s, stem) {
		w[t] = 1
	}
	return w
}
