package align

import (
	"github.com/crosscheck/crosscheck/internal/text"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
)

// vote is the tally a sentence gives for one body's vote on a measure:
// "the House voted 396-9 on a bill that reaffirmed the motto".
type vote struct {
	sent     int     // index into Story.sents
	body     string  // the voting body, lower case ("house", "senate")
	yes, no  int     // the tally, the larger side first as written
	measure  wordMap // keys of the sentence's other content words
	start    int     // body offsets of the tally
	end      int
	lo, hi   int64 // the vote's date when the sentence gives one, lo > hi when not
	tallyTxt string
}

// tallyRe reads a vote tally: "396-9", "51 to 49".
var tallyRe = text.LazyRegexp(`\b(\d{1,3})\s*(?:-|–|—|\s to\s)\s*(\d{1,3})\b`)

// voteWords say a tally is a vote's; votingBodies name who votes.
var (
	voteWords    = wordSet("vote votes voted voting passed passes approved approves rejected rejects defeated defeats failed fails adopted adopts ballot roll-call")
	votingBodies = wordSet("house senate assembly council committee panel legislature parliament chamber board court")
)

// voteMaxDays is how far apart two articles' publication days may be for
// their tallies of one body's vote on one measure to be one vote's.
const voteMaxDays = 7

// readVotes reads the tallies of article a's sentences: a sentence with
// one tally, a vote word and exactly one voting body.
func (s *Story) readVotes(a *news.Article, sentOf func(int) int) {
	body := a.Body()
	for _, sp := range a.Sentences {
		if sp.End > len(body) {
			continue
		}
		t := body[sp.Start:sp.End]
		if !strings.ContainsAny(t, "-–—") && !strings.Contains(t, " to ") || !hasDigit(t) {
			continue // no tally: leave the sentence unread
		}
		ms := tallyRe().FindAllStringSubmatchIndex(t, 2)
		if len(ms) != 1 {
			continue // no tally, or two (two votes, or a vote and a score)
		}
		m := ms[0]
		if strings.ContainsAny(t[max(0, m[0]-1):m[0]], "$/:.") || m[1] < len(t) && strings.ContainsAny(t[m[1]:m[1]+1], "/:%") {
			continue // a sum, a date or a time, not a tally
		}
		x := sentOf(sp.Start)
		if x < 0 {
			continue
		}
		st := &s.sents[x]
		bodies, voted := map[string]bool{}, false
		for _, w := range st.words {
			voted = voted || voteWords[w]
			if votingBodies[w] {
				bodies[w] = true
			}
		}
		if !voted || len(bodies) != 1 {
			continue
		}
		yes, _ := strconv.Atoi(t[m[2]:m[3]])
		no, _ := strconv.Atoi(t[m[4]:m[5]])
		v := vote{sent: x, yes: yes, no: no, start: sp.Start + m[0], end: sp.Start + m[1], lo: 1, tallyTxt: t[m[0]:m[1]]}
		for b := range bodies {
			v.body = b
		}
		if yes < no {
			v.yes, v.no = no, yes
		}
		for _, w := range st.words {
			if votingBodies[w] || voteWords[w] {
				continue
			}
			if k, ok := s.anchor(w); ok {
				v.measure.set(k, w)
			}
		}
		for _, tm := range a.Times {
			if tm.Start >= sp.Start && tm.End <= sp.End && !statementTime(body, tm) {
				if lo, hi, ok := interval(tm.Value); ok && hi-lo < 2 {
					v.lo, v.hi = lo, hi
					break
				}
			}
		}
		s.votes = append(s.votes, v)
	}
}

// voteMinShared is how many content words besides the body two tallies'
// sentences must share to be read as one measure's vote: one ("bill") is
// any bill.
const voteMinShared = 2

// voteConflict reports whether two tallies are one vote's, told apart:
// one body, a measure in common, dates (when both give one) that overlap,
// articles published days apart at most, and different tallies.
func (s *Story) voteConflict(a, b *vote) bool {
	if a.body != b.body || a.yes == b.yes && a.no == b.no {
		return false
	}
	if a.lo <= a.hi && b.lo <= b.hi && (a.hi < b.lo || b.hi < a.lo) {
		return false // two days: two votes
	}
	if !s.pubWithin(a.sent, b.sent, voteMaxDays) {
		return false
	}
	return len(sharedWords(a.measure, b.measure)) >= voteMinShared
}

// voteDiscrepancies lists the tally conflicts between independent
// sources, one per pair of sentences.
func (s *Story) voteDiscrepancies(seen map[[2]int]bool) []news.Discrepancy {
	var out []news.Discrepancy
	// Only votes of one body can conflict: the pairs tried share it, from a
	// text.PairIndex (bounded as in Discrepancies).
	keys := make([]map[string]bool, len(s.votes))
	for i := range s.votes {
		keys[i] = map[string]bool{s.votes[i].body: true}
	}
	pairs := text.NewPairIndex(keys)
	var cands []int
	for i := range s.votes {
		cands = pairs.With(keys[i], i+1, i+1, cands)
		for _, j := range cands {
			a, b := &s.votes[i], &s.votes[j]
			k := [2]int{min(a.sent, b.sent), max(a.sent, b.sent)}
			if seen[k] || !s.independent(a.sent, b.sent) || !s.voteConflict(a, b) {
				continue
			}
			seen[k] = true
			claim := func(v *vote) news.Claim {
				return s.claimAt(v.sent, strconv.Itoa(v.yes)+"-"+strconv.Itoa(v.no), v.start, v.end)
			}
			out = append(out, news.Discrepancy{
				Kind:     news.KindQuantity,
				About:    "the tally of the " + a.body + " vote: " + a.tallyTxt + " vs " + b.tallyTxt,
				Measured: "how many votes",
				Frame:    &news.Frame{Measures: a.body + " vote", Shared: sharedWords(a.measure, b.measure)},
				Claims:   []news.Claim{claim(a), claim(b)},
			})
		}
	}
	return out
}
