package align

import (
	"context"
	"fmt"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// role is a title a sentence gives a named person at an organisation:
// "former WWE executive Linda Marsh" (before the name) or "Marsh, the CEO
// of Wexford Media" (an apposition after it).
type role struct {
	sent   int    // index into Story.sents
	person string // full name
	title  string // title word, lower case ("ceo", "executive")
	org    []string
	former bool
	start  int // body offsets of the role's words
	end    int
	text   string // the role's words as written
}

// titleWords are the titles a role is read by.
var titleWords = wordSet(`ceo executive chairman chairwoman president director manager founder owner
	editor publisher chief coo cfo employee staffer spokesman spokeswoman coach`)

// titleCovers lists, for a generic title, the titles it includes: a
// former executive of a company is not its chief executive now.
var titleCovers = map[string]map[string]bool{
	"executive": wordSet("ceo executive chief chairman chairwoman president coo cfo"),
	"employee":  titleWords,
	"staffer":   titleWords,
}

// pastMarkers make a role one the person no longer holds.
var pastMarkers = wordSet("former ex onetime one-time erstwhile then retired ousted previous past late")

// roleMaxDays is how far apart two articles' publication days may be for
// a former role in one and a current one in the other to conflict: later
// the person may have left in between.
const roleMaxDays = 7

// readRoles reads the roles of member mi's person mentions.
func (s *Story) readRoles(mi int, a *news.Article, sentOf func(int) int) {
	body := a.Body()
	for _, e := range a.Entities {
		if e.Type != news.Person {
			continue
		}
		for _, m := range e.Mentions {
			if !roleNear(body, m) {
				continue // most mentions have no role: leave their sentences unread
			}
			si := sentOf(m.Start)
			if si < 0 {
				continue
			}
			st := &s.sents[si]
			first, last := -1, -1
			for i, sp := range st.toks {
				if sp.Start+st.off >= m.Start && sp.End+st.off <= m.End {
					if first < 0 {
						first = i
					}
					last = i
				}
			}
			if first < 0 {
				continue
			}
			for _, r := range []role{rolePrefix(st, first), roleApposition(st, last)} {
				if r.title == "" || len(r.org) == 0 {
					continue
				}
				r.sent, r.person = si, e.Name
				r.text = body[r.start:r.end]
				s.roles = append(s.roles, r)
			}
		}
	}
}

// mentionIn reports whether m's offsets lie inside body. An article whose
// paragraphs were edited after the entity stage ran carries offsets of
// another body: such mentions are not read rather than read wrongly.
func mentionIn(body string, m news.Mention) bool {
	return 0 <= m.Start && m.Start <= m.End && m.End <= len(body)
}

// roleNear reports whether a mention may carry a role: a title word just
// before it or a comma just after it.
func roleNear(body string, m news.Mention) bool {
	if !mentionIn(body, m) {
		return false
	}
	if m.End < len(body) && body[m.End] == ',' {
		return true
	}
	before := strings.Fields(body[max(0, m.Start-24):m.Start])
	return len(before) > 0 && titleWords[strings.ToLower(before[len(before)-1])]
}

// rolePrefix reads a role written before a name whose first token is
// first: "former WWE wrestling executive Linda Marsh" — words back to a
// clause boundary or function word, among them a title word right before
// the name, capitalised ones naming the organisation.
func rolePrefix(st *sentence, first int) role {
	var r role
	i := first - 1
	if i < 0 || !titleWords[st.words[i]] || st.boundary(i, first) {
		return r
	}
	r.title = st.words[i]
	lo := i
	for j := i - 1; j >= 0 && j >= i-4 && !st.boundary(j, j+1); j-- {
		w := st.words[j]
		if pastMarkers[w] {
			r.former, lo = true, j
			break
		}
		if isStopWord(w) {
			break
		}
		if c := st.text[st.toks[j].Start]; c >= 'A' && c <= 'Z' && j > 0 {
			r.org = append([]string{st.text[st.toks[j].Start:st.toks[j].End]}, r.org...)
		}
		lo = j
	}
	r.start, r.end = st.toks[lo].Start+st.off, st.toks[i].End+st.off
	return r
}

// roleApposition reads a role in an apposition after a name whose last
// token is last: "Marsh, the CEO of Wexford Media," or "Marsh, a former
// executive at Wexford Media".
func roleApposition(st *sentence, last int) role {
	var r role
	i := last + 1
	if i >= len(st.toks) || !strings.Contains(st.text[st.toks[last].End:st.toks[i].Start], ",") {
		return r
	}
	lo := i
	for i < len(st.toks) && (st.words[i] == "the" || st.words[i] == "a" || st.words[i] == "an" || pastMarkers[st.words[i]]) {
		r.former = r.former || pastMarkers[st.words[i]]
		i++
	}
	// The title, perhaps after capitalised organisation words ("the
	// Wexford Media chief executive").
	var pre []string
	for i < len(st.toks) && !titleWords[st.words[i]] && isCapital(st, i) && len(pre) < 4 {
		pre = append(pre, st.text[st.toks[i].Start:st.toks[i].End])
		i++
	}
	if i >= len(st.toks) || !titleWords[st.words[i]] || i > lo && st.boundary(i-1, i) {
		return r
	}
	r.title, r.org = st.words[i], pre
	end := i
	if len(pre) == 0 && i+2 < len(st.toks) && (st.words[i+1] == "of" || st.words[i+1] == "at") && !st.boundary(i, i+1) {
		for j := i + 2; j < len(st.toks) && (j == i+2 || !st.boundary(j-1, j)); j++ {
			if st.words[j] == "the" && j == i+2 {
				continue
			}
			if !isCapital(st, j) && !orgConnector[st.words[j]] {
				break
			}
			r.org = append(r.org, st.text[st.toks[j].Start:st.toks[j].End])
			end = j
		}
	}
	r.start, r.end = st.toks[lo].Start+st.off, st.toks[end].End+st.off
	return r
}

var orgConnector = wordSet("of and &")

func isCapital(st *sentence, i int) bool {
	c := st.text[st.toks[i].Start]
	return c >= 'A' && c <= 'Z'
}

// isStopWord reports a function word that ends a role's words.
func isStopWord(w string) bool {
	return clauseWords[w] || w == "the" || w == "a" || w == "an" || w == "of" || w == "for" || w == "by" || w == "with" || w == "to"
}

// sameOrg reports whether two organisation names name one organisation:
// the same words, or one the initials of the other's capitalised words
// ("WWE" and "World Wrestling Entertainment").
func sameOrg(a, b []string) bool {
	ka, kb := strings.ToLower(strings.Join(a, " ")), strings.ToLower(strings.Join(b, " "))
	if ka == kb {
		return true
	}
	return acronymOf(a, b) || acronymOf(b, a)
}

// acronymOf reports whether a is one all-capital word spelling the
// initials of b's words other than connectors.
func acronymOf(a, b []string) bool {
	if len(a) != 1 || len(b) < 2 || strings.ToUpper(a[0]) != a[0] {
		return false
	}
	var init strings.Builder
	for _, w := range b {
		if !orgConnector[strings.ToLower(w)] && w != "" {
			init.WriteByte(w[0])
		}
	}
	return strings.EqualFold(init.String(), strings.ReplaceAll(a[0], ".", ""))
}

// roleConflict reports whether two roles of one person cannot both hold:
// at one organisation, one a role the person held before ("former") and
// the other one they hold now, of the same title or a title the former
// one covers ("former executive" and "the CEO"), in articles published
// within roleMaxDays of each other.
func (s *Story) roleConflict(a, b *role) bool {
	if a.former == b.former || !samePeople([]string{a.person}, []string{b.person}) || !sameOrg(a.org, b.org) {
		return false
	}
	past, now := a, b
	if b.former {
		past, now = b, a
	}
	if past.title != now.title && !titleCovers[past.title][now.title] {
		return false
	}
	return s.pubWithin(a.sent, b.sent, roleMaxDays)
}

// roleDiscrepancies lists the role conflicts between independent sources,
// one per pair of sentences. The pairs tried share a person's last name
// (see Discrepancies for the bound).
func (s *Story) roleDiscrepancies(ctx context.Context, seen map[[2]int]bool) ([]news.Discrepancy, error) {
	var out []news.Discrepancy
	keys := personKeys(len(s.roles), func(i int) []string { return []string{s.roles[i].person} })
	pairs := text.NewPairIndex(keys)
	var cands []int
	for i := range s.roles {
		if i%256 == 255 && ctx.Err() != nil {
			return nil, fmt.Errorf("align: role discrepancies: %w", ctx.Err())
		}
		cands = pairs.With(keys[i], i+1, i+1, cands)
		for _, j := range cands {
			a, b := &s.roles[i], &s.roles[j]
			k := [2]int{min(a.sent, b.sent), max(a.sent, b.sent)}
			if seen[k] || !s.independent(a.sent, b.sent) || !s.roleConflict(a, b) {
				continue
			}
			seen[k] = true
			claim := func(r *role) news.Claim { return s.claimAt(r.sent, r.text, r.start, r.end) }
			out = append(out, news.Discrepancy{
				Kind:     news.KindRole,
				About:    "role of " + a.person + ": " + a.text + " vs " + b.text,
				Measured: "role",
				Frame:    &news.Frame{Measures: "role", Shared: []string{a.person, strings.Join(a.org, " ")}},
				Claims:   []news.Claim{claim(a), claim(b)},
			})
		}
	}
	return out, nil
}
