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

// Discrepancies finds where independent sources contradict each other:
// conflicting quantities and dates as the alignment stage reads them (see
// package align), certainty, plus the attribution conflicts found by
// Ledger.
//
// A cancelled ctx ends the search with an error wrapping ctx.Err().
func (s *Story) Discrepancies(ctx context.Context, attribution []news.Discrepancy) ([]news.Discrepancy, error) {
	out, err := s.al.Discrepancies(ctx)
	if err != nil {
		return nil, fmt.Errorf("compare: %w", err)
	}
	certainty, err := s.certaintyConflicts(ctx)
	if err != nil {
		return nil, fmt.Errorf("compare: discrepancies: %w", err)
	}
	out = append(out, certainty...)
	out = append(out, attribution...)
	return out, nil
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

// rumour marks a claim reported as unconfirmed: "There had been
// speculation that ...", "reportedly", "rumored", "allegedly".
var rumour = text.NewPhrases("speculation", "speculated", "rumours", "rumour", "rumors", "rumor", "rumoured", "rumored",
	"reportedly", "allegedly", "unconfirmed", "unverified", "it is believed", "is said to")

// hedge marks any uncertainty; a factual claim must have none.
var hedge = text.NewPhrases("might", "may", "could", "possibly", "possibility", "perhaps", "unclear", "whether", "likely",
	"unlikely", "expected", "appeared", "seemed", "if")

// denial marks a clause that reports a rumour only to reject it ("Fenwick
// dismissed speculation that ..."): the source states a fact, it does not
// spread the rumour.
var denial = text.NewPhrases("deny", "denies", "denied", "dismissed", "dismisses", "dismiss", "rejected", "rejects", "reject",
	"refuted", "refutes", "false", "baseless", "unfounded", "no truth", "nonsense")

// prospect marks a clause about what someone would or will do ("might
// snub", "would not meet"): speculation about a prospect is contradicted
// only by a statement about the same prospect.
var prospect = text.NewPhrases("might", "may", "could", "would", "will", "won't", "wouldn't", "plans", "plan", "planned",
	"intends", "intend")

// statedFact marks a claim reported as fact by a named actor.
var statedFact = text.NewPhrases("said", "says", "announced", "confirmed", "declared", "stated", "told")

// clauses splits a sentence at clause boundaries (", but", ";", " — ") so
// that a hedge in one clause does not hide a fact in another.
var clauseSplit = text.LazyRegexp(`,\s+(?:but|while|although|though)\s+|;\s+|\s+—\s+`)

// clause is a stretch of a sentence between clause boundaries.
type clause struct {
	sent   int // index into Story.sents
	text   string
	vec    text.Vector // binary term vector
	actors map[string]bool
	// prospect is set when the clause is about a prospect (see prospect).
	prospect bool
	// subject is the actor a reported proposition is about ("speculation
	// that Putin might ...", "said that Putin would ..."), or "".
	subject string
}

// reportedSubject returns the actor that opens a reported proposition of
// clause c ("that Putin would", "that the Kremlin had"), or "": the
// speculation and the statement must be about one subject for one to
// contradict the other.
func reportedSubject(c string, actors map[string]bool) string {
	w := text.Words(c)
	for i := range w {
		if w[i] != "that" {
			continue
		}
		for j := i + 1; j < len(w) && j <= i+3; j++ {
			if k := strings.TrimSuffix(w[j], "'s"); actors[k] {
				return k
			}
		}
	}
	return ""
}

// certaintyConflicts: one independent source reports as rumour or
// speculation what another reports as a stated fact, in clauses that name
// at least two of the same actors, are similar beyond chance and are about
// the same proposition: about the same subject ("that Putin ..."), and
// both about a prospect (might, would, will) or sharing a content word
// besides the actors' names. Example: "There had
// been speculation that Putin might snub Tillerson" vs "Russia said earlier
// this week that Putin would not meet with Tillerson". A rumour clause that
// is itself attributed ("prosecutors said he allegedly ...") or denied
// ("dismissed speculation that ...") is not speculation.
func (s *Story) certaintyConflicts(ctx context.Context) ([]news.Discrepancy, error) {
	var rumours, facts []clause
	for i, st := range s.sents {
		if i%256 == 255 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if len(st.actors) < 2 {
			continue
		}
		for _, c := range clauseSplit().Split(st.text, -1) {
			cl := clause{sent: i, text: c, actors: actorsIn(c, st.actors)}
			if len(cl.actors) < 2 {
				continue
			}
			cl.vec, cl.prospect = text.NewVector(termSet(c, s.o.Stem)), prospect.MatchString(c)
			cl.subject = reportedSubject(c, cl.actors)
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
	keys := make([]map[string]bool, len(facts))
	for i, f := range facts {
		keys[i] = f.actors
	}
	pairs := text.NewPairIndex(keys)
	var fis []int
	for _, r := range rumours {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		best, bestSim := -1, 0.25
		// The facts near the rumour in the text, when a key is common.
		near := sort.Search(len(facts), func(i int) bool { return facts[i].sent >= r.sent }) - text.MaxPostings/2
		fis = pairs.With(r.actors, 0, max(near, 0), fis)
		for _, fi := range fis {
			f := facts[fi]
			if !s.independent(r.sent, f.sent) || sharedKeys(r.actors, f.actors) < 2 {
				continue
			}
			if r.subject == "" || r.subject != f.subject {
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
	return out, nil
}

// samePremise reports whether a rumour clause and a fact clause are about
// one proposition: both about a prospect, or sharing a term that is not
// part of a name in either (rn, fn: the name terms of their sentences).
func samePremise(r, f clause, rn, fn []string) bool {
	if r.prospect && f.prospect {
		return true
	}
	for t := range r.vec.W {
		if _, ok := f.vec.W[t]; ok && !hasSorted(rn, t) && !hasSorted(fn, t) {
			return true
		}
	}
	return false
}

// hasSorted reports whether the sorted list l holds w.
func hasSorted(l []string, w string) bool {
	_, found := slices.BinarySearch(l, w)
	return found
}

// actorsIn keeps the names of set that occur as words of clause c.
func actorsIn(c string, set []string) map[string]bool {
	words := map[string]bool{}
	for _, w := range text.Words(c) {
		words[strings.TrimSuffix(w, "'s")] = true
	}
	out := map[string]bool{}
	for _, n := range set {
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
