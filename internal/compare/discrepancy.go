package compare

import (
	"regexp"
	"strings"
	"unicode"

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

// claim is one side of a discrepancy: sentence si with its source and the
// compared value, whose words stand at body offsets [start, end) of the
// sentence's article (recorded as Claim.Span when they lie inside the
// sentence's text).
func (s *Story) claim(si int, value string, start, end int) news.Claim {
	st := s.sents[si]
	c := news.Claim{Source: s.members[st.member].Source, Text: st.text, Value: value}
	sp := s.members[st.member].Article.Sentences[st.index]
	raw := s.bodies[st.member][sp.Start:sp.End]
	off := sp.Start + len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
	if start >= off && start < end && end <= off+len(st.text) {
		c.Span = &news.Span{Start: start - off, End: end - off}
	}
	return c
}

// located is a quantity with the sentence it stands in.
type located struct {
	v       news.Quantity
	sent    int    // index into Story.sents
	counted string // what it counts (see Story.counted)
}

// sentenceOf returns the index into Story.sents of the sentence of member
// that holds byte offset off, or -1.
func (s *Story) sentenceOf(member, off int) int {
	si := s.members[member].Article.SentenceAt(off)
	if si < 0 || si >= len(s.byMem[member]) {
		return -1
	}
	return s.byMem[member][si]
}

// quantityConflicts: two independent sources give the same kind of quantity
// (same unit family) in sentences about the same thing — they share a named
// entity, are similar beyond chance (cosine >= 0.15) and count the same
// thing (see sameCounted) — and the values with their qualifiers cannot
// both be true ("nearly two hours" vs "more than two hours").
func (s *Story) quantityConflicts() []news.Discrepancy {
	// Only quantities of one family can conflict: bucket them by family,
	// in order of first appearance.
	var families [][]located
	fam := map[string]int{}
	for mi, m := range s.members {
		if m.Article == nil {
			continue
		}
		for _, q := range m.Article.Quantities {
			si := s.sentenceOf(mi, q.Start)
			if si < 0 || q.Unit == "" {
				continue
			}
			f, _ := quantity.Canonical(q)
			k, ok := fam[f]
			if !ok {
				k = len(families)
				fam[f] = k
				families = append(families, nil)
			}
			families[k] = append(families[k], located{q, si, s.counted(q, si)})
		}
	}
	var out []news.Discrepancy
	seen := map[[2]int]bool{}
	for _, qs := range families {
		for i := range qs {
			for j := i + 1; j < len(qs); j++ {
				a, b := qs[i], qs[j]
				if !s.independent(a.sent, b.sent) {
					continue
				}
				sa, sb := s.sents[a.sent], s.sents[b.sent]
				if sharedKeys(sa.names, sb.names) == 0 || seen[[2]int{a.sent, b.sent}] {
					continue
				}
				if cos, _ := s.cos(a.sent, b.sent); cos < 0.15 || !quantity.Conflict(a.v, b.v) {
					continue
				}
				if !s.sameCounted(a, b) {
					continue
				}
				seen[[2]int{a.sent, b.sent}] = true
				out = append(out, news.Discrepancy{
					Kind:  news.KindQuantity,
					About: quantityAbout(a.v, b.v),
					Claims: []news.Claim{
						s.claim(a.sent, a.v.Text, a.v.Start, a.v.End),
						s.claim(b.sent, b.v.Text, b.v.Start, b.v.End),
					},
				})
			}
		}
	}
	return out
}

// sameOutcome folds words naming one kind of outcome, so that "12 people
// died" and "12 people were killed" count the same thing while "20 were
// injured" and "5 were killed" do not.
var sameOutcome = map[string]string{
	"killed": "dead", "died": "dead", "dead": "dead", "deaths": "dead", "death": "dead", "fatalities": "dead", "lives": "dead",
	"injured": "hurt", "wounded": "hurt", "hurt": "hurt", "injuries": "hurt",
}

// counted returns the first content word after quantity q in its sentence
// (at most three words on), what the number counts or does ("20 people
// were injured" -> "injured"), folded by sameOutcome, or "" when none.
func (s *Story) counted(q news.Quantity, sent int) string {
	st := s.sents[sent]
	body := s.bodies[st.member]
	end := s.members[st.member].Article.Sentences[st.index].End
	if q.End >= end || q.End < 0 {
		return ""
	}
	for i, w := range text.Words(body[q.End:end]) {
		if i >= 3 {
			break
		}
		if text.IsStop(w) || len(w) < 2 {
			continue
		}
		if o, ok := sameOutcome[w]; ok {
			return o
		}
		return w
	}
	return ""
}

// sameCounted reports whether two quantities may count the same thing:
// unless the words that follow them differ and neither sentence has the
// other's word ("20 people were injured" vs "5 people were killed";
// "$5 million contract" vs "$8 million budget").
func (s *Story) sameCounted(a, b located) bool {
	ha, hb := a.counted, b.counted
	if ha == "" || hb == "" || ha == hb {
		return true
	}
	in := func(w string, sent int) bool {
		for _, x := range text.Words(s.sents[sent].text) {
			if x == w || sameOutcome[x] == w {
				return true
			}
		}
		return false
	}
	return in(ha, b.sent) || in(hb, a.sent)
}

// quantityAbout names what two conflicting quantities measure: "how long:
// nearly two hours vs more than two hours", "how many people killed: ...".
func quantityAbout(a, b news.Quantity) string {
	family, _ := quantity.Canonical(a)
	what := "how many " + a.Unit
	switch {
	case strings.HasPrefix(family, quantity.FamilyOrdinal):
		what = "which " + a.Unit
	case strings.HasPrefix(family, quantity.FamilyPercent):
		what = "what share"
	case strings.HasPrefix(family, quantity.FamilyMoney):
		what = "how much money"
	case family == quantity.FamilyDuration:
		what = "how long"
	case family == quantity.FamilyDistance:
		what = "how far"
	case family == quantity.FamilyWeight:
		what = "how heavy"
	}
	return what + ": " + a.Text + " vs " + b.Text
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
// in sentences that are not about plans (see future), that name the same
// actor (a person or organisation) and the same kind of event and share at
// least three content words. Dates of statements ("said on Tuesday") and
// of repeated events ("met again on Friday") are left out, and so is a
// pair whose sentences also share a day. Cosine is not used here: the differing time words
// themselves pull it down. Example: "in a news conference Wednesday,
// President Trump remarked" vs "Later on Friday, President Trump addressed
// ... a NATO press conference".
func (s *Story) dateConflicts() []news.Discrepancy {
	// What each dated sentence says about its event, read once.
	type dated struct {
		events map[string]bool
		days   map[string]bool // every day the sentence gives
		skip   bool            // about the future, or names no actor or event
	}
	type dtime struct {
		v    news.Time
		day  string
		sent int // index into Story.sents
		d    *dated
	}
	info := map[int]*dated{}
	var all []dtime
	for mi, m := range s.members {
		if m.Article == nil {
			continue
		}
		for _, t := range m.Article.Times {
			day := dayValue(t.Value)
			si := s.sentenceOf(mi, t.Start)
			if day == "" || si < 0 || statementTime(s.bodies[mi], t) {
				continue
			}
			d := info[si]
			if d == nil {
				st := s.sents[si]
				d = &dated{events: eventWordsIn(st.text), days: map[string]bool{}}
				d.skip = len(d.events) == 0 || len(st.actors) == 0 || future.MatchString(st.text) || repeated.MatchString(st.text)
				info[si] = d
			}
			d.days[day] = true
			all = append(all, dtime{t, day, si, d})
		}
	}
	var ts []dtime
	for _, t := range all {
		if !t.d.skip {
			ts = append(ts, t)
		}
	}
	var out []news.Discrepancy
	seen := map[[2]int]bool{}
	for i := range ts {
		for j := i + 1; j < len(ts); j++ {
			a, b := ts[i], ts[j]
			if a.day == b.day || !s.independent(a.sent, b.sent) {
				continue
			}
			sa, sb := s.sents[a.sent], s.sents[b.sent]
			if sharedKeys(sa.actors, sb.actors) == 0 || sharedKeys(a.d.events, b.d.events) == 0 {
				continue
			}
			// The same sentence pair may carry another, agreeing date.
			if sharedKeys(a.d.days, b.d.days) > 0 || seen[[2]int{a.sent, b.sent}] {
				continue
			}
			if _, shared := s.cos(a.sent, b.sent); shared < 3 {
				continue
			}
			seen[[2]int{a.sent, b.sent}] = true
			out = append(out, news.Discrepancy{
				Kind:  news.KindDate,
				About: "when: " + a.v.Text + " (" + a.day + ") vs " + b.v.Text + " (" + b.day + ")",
				Claims: []news.Claim{
					s.claim(a.sent, a.day, a.v.Start, a.v.End),
					s.claim(b.sent, b.day, b.v.Start, b.v.End),
				},
			})
		}
	}
	return out
}

// future marks a sentence about what is planned: two plans on different
// days are not a contradiction.
var future = regexp.MustCompile(`(?i)\b(will|plans? to|planned|expected to|scheduled|slated|set (?:for|to)|due (?:to|on)|next (?:week|month|year))\b`)

// repeated marks a sentence about a repeat of an event ("met again",
// "a second meeting", "another strike"): its date may differ from the
// first one's without contradicting it.
var repeated = regexp.MustCompile(`(?i)\b(again|once more|a second|another|second time|follow-up|resumed)\b`)

// statementDate matches the words just before a time expression that make
// it the date of a statement rather than of the event: "Fenwick said on
// Tuesday that the strike killed 12" dates the saying; "the strike on
// Sunday" dates the strike. Two such dates differing is no contradiction.
var statementDate = regexp.MustCompile(`(?i)\b(?:said|says|told (?:reporters|journalists|[A-Z]\w+)|added|stated|wrote|tweeted|posted|statement|interview)\s*,?\s*(?:on|late|early|earlier|this)?\s*$`)

// statementTime reports whether time t of article a dates a statement (see
// statementDate).
func statementTime(body string, t news.Time) bool {
	return t.Start <= len(body) && statementDate.MatchString(body[max(0, t.Start-40):t.Start])
}

// rumour marks a claim reported as unconfirmed: "There had been
// speculation that ...", "reportedly", "rumored", "allegedly".
var rumour = regexp.MustCompile(`(?i)\b(speculation|speculated|rumou?rs?|rumou?red|reportedly|allegedly|unconfirmed|unverified|it is believed|is said to)\b`)

// hedge marks any uncertainty; a factual claim must have none.
var hedge = regexp.MustCompile(`(?i)\b(might|may|could|possibly|possibility|perhaps|unclear|whether|likely|unlikely|expected|appeared|seemed|if)\b`)

// denial marks a clause that reports a rumour only to reject it ("Fenwick
// dismissed speculation that ..."): the source states a fact, it does not
// spread the rumour.
var denial = regexp.MustCompile(`(?i)\b(den(?:y|ies|ied)|dismiss(?:ed|es)?|reject(?:ed|s)?|refut(?:ed|es)|false|baseless|unfounded|no truth|nonsense)\b`)

// prospect marks a clause about what someone would or will do ("might
// snub", "would not meet"): speculation about a prospect is contradicted
// only by a statement about the same prospect.
var prospect = regexp.MustCompile(`(?i)\b(might|may|could|would|will|won't|wouldn't|plans?|planned|intends?)\b`)

// statedFact marks a claim reported as fact by a named actor.
var statedFact = regexp.MustCompile(`(?i)\b(said|says|announced|confirmed|declared|stated|told)\b`)

// clauses splits a sentence at clause boundaries (", but", ";", " — ") so
// that a hedge in one clause does not hide a fact in another.
var clauseSplit = regexp.MustCompile(`,\s+(?:but|while|although|though)\s+|;\s+|\s+—\s+`)

// clause is a stretch of a sentence between clause boundaries.
type clause struct {
	sent   int // index into Story.sents
	text   string
	vec    text.Vector // binary term vector
	actors map[string]bool
	// prospect is set when the clause is about a prospect (see prospect).
	prospect bool
}

// certaintyConflicts: one independent source reports as rumour or
// speculation what another reports as a stated fact, in clauses that name
// at least two of the same actors, are similar beyond chance and are about
// the same proposition: both about a prospect (might, would, will), or
// sharing a content word besides the actors' names. Example: "There had
// been speculation that Putin might snub Tillerson" vs "Russia said earlier
// this week that Putin would not meet with Tillerson". A rumour clause that
// is itself attributed ("prosecutors said he allegedly ...") or denied
// ("dismissed speculation that ...") is not speculation.
func (s *Story) certaintyConflicts() []news.Discrepancy {
	var rumours, facts []clause
	for i, st := range s.sents {
		if len(st.actors) < 2 {
			continue
		}
		for _, c := range clauseSplit.Split(st.text, -1) {
			cl := clause{sent: i, text: c, actors: actorsIn(c, st.actors)}
			if len(cl.actors) < 2 {
				continue
			}
			cl.vec, cl.prospect = text.NewVector(termSet(c, s.o.Stem)), prospect.MatchString(c)
			switch {
			case rumour.MatchString(c):
				if !denial.MatchString(c) && !statedFact.MatchString(c) {
					rumours = append(rumours, cl)
				}
			case statedFact.MatchString(c) && !hedge.MatchString(c) && !strings.ContainsAny(c, "“\""):
				facts = append(facts, cl)
			}
		}
	}
	var out []news.Discrepancy
	seen := map[[2]int]bool{}
	for _, r := range rumours {
		best, bestSim := -1, 0.25
		for fi, f := range facts {
			if !s.independent(r.sent, f.sent) || sharedKeys(r.actors, f.actors) < 2 {
				continue
			}
			if sim := r.vec.Cos(f.vec); sim >= bestSim && samePremise(r, f, s.sents[r.sent].nameTerms, s.sents[f.sent].nameTerms) {
				best, bestSim = fi, sim
			}
		}
		if best < 0 || seen[[2]int{r.sent, facts[best].sent}] {
			continue
		}
		seen[[2]int{r.sent, facts[best].sent}] = true
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

// samePremise reports whether a rumour clause and a fact clause are about
// one proposition: both about a prospect, or sharing a term that is not
// part of a name in either (rn, fn: the name terms of their sentences).
func samePremise(r, f clause, rn, fn map[string]bool) bool {
	if r.prospect && f.prospect {
		return true
	}
	for t := range r.vec.W {
		if _, ok := f.vec.W[t]; ok && !rn[t] && !fn[t] {
			return true
		}
	}
	return false
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
