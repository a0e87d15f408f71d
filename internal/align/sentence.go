package align

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// Sentence alignment: whether one sentence states what another states.
//
// A sentence's claim is read from its words: content words (stemmed, so
// "apologized" and "apology" meet), event words folded to their class (so
// "requested" and "demanded", "met" and "joined", "killed" and "died"
// meet), numbers, and the words it quotes. Words of subordinate clauses
// ("after ...", "who ...", "according to ...") and of parentheses are the
// sentence's circumstances: they weigh less, and the hard tests do not
// apply to them. Words after "whether" or "if" are not asserted: "asked
// whether he had shown evidence" does not say that he had. A name of
// several words weighs as one word, so that sharing the cast of a story
// is not sharing a claim.
//
// Sentence b states sentence a when a reader of b alone would know a's
// main claim: b holds enough of a's weighted content (Cover, or
// CoverSimilar in close wording), something of a's main clause besides its
// circumstances, and every number and quoted word of that clause; and no
// date or quantity of the two conflicts; and neither denies what the
// other asserts (otherPolarity), and a few quoted words are not put in
// another mouth (otherSpeaker), nor a quotation's words told without its
// speaker (otherQuoter); and a count of a's main clause counts the same
// thing in b ("two women" is not "two children", counts). Same is both
// ways, Part one way (one sentence says more).
//
// What it cannot tell yet: two sentences that differ only in their verb
// ("requested" and "granted" an audit) state the same for it. A rule
// requiring the verbs of the main clause to match was tried; it raised
// precision on the tune half of the judged citations and lowered it on
// the check half, so it is not used; a graded one (differing event
// classes block only when both main clauses hold a class word) was tried
// again and lowered tune recall without removing a wrong citation there.
// Requiring every name of the main clause and a matching hedge ("may",
// "expected to") each removed a wrong tune citation at the cost of many
// right ones, and are not used either.

// subWeight is the weight of a word of a subordinate clause relative to
// one of the main clause.
const subWeight = 0.4

// opensSub are the words that open a subordinate clause: what follows
// (up to the next clause boundary) is circumstance, not the claim.
var opensSub = wordSet(`whether if after before when while because since though although where whereas unless until
	who whom whose which as during amid despite including according`)

// numberWords are spelled-out numbers, read as their digits.
var numberWords = map[string]string{"two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
	"seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "dozen": "12",
	"twenty": "20", "hundred": "100", "thousand": "1000", "million": "1000000", "billion": "1000000000"}

// token is one word of a sentence read for its claim: the keys it can be
// matched by, and its role. Keys are term ids (Claims.terms), kept in
// Claims.keys from k0 on: a story of 20 MB has millions of tokens, and a
// slice of strings for each would hold more memory than the story.
type token struct {
	k0     int32 // first key in Claims.keys
	nk     int16 // number of keys
	main   bool  // in the main clause
	number bool
	// quoted: in quotation marks, in a sentence that only quotes a few
	// words ("called the meeting “productive”"): the words are the claim.
	quoted bool
	// run is the number of words of the capitalised name the token
	// belongs to ("Conservative Political Action Conference": 4), 1
	// for other words: a name of several words is one thing, and weighs
	// as one word.
	run int16
	// name: a capitalised word that is not the sentence's first, outside
	// quotation marks: part of the name of a person, place or body.
	name bool
	// count: a number written on its own ("two", "1,200"), which counts
	// the words that follow it; not one inside a word ("4-year-old",
	// "21st", "2D:4D").
	count bool
}

// claim is one sentence read for alignment.
type claim struct {
	toks []token
	has  []int32 // every key of every asserted token, sorted, each once
	// negated: the main clause says that something did not or will not
	// happen ("not", "never", "no").
	negated bool
	// quote: the sentence is mostly a quotation; its claim is what the
	// quoted words say, and the names outside them are who says it.
	quote bool
}

// negations are the words that deny a main clause.
var negations = wordSet(`not never no neither nor cannot`)

// Claims reads and compares the sentences of a story. Build it once per
// story with Story.Claims; its methods are safe for concurrent use.
//
// A sentence's claim is kept only once the sentence is compared: every
// sentence is read once for the weights of its words (idf), but a long
// story compares few of them (the summary's, and the candidates for
// agreements and single-source claims), and the tokens of every sentence
// of a 20 MB input held more memory than the rest of its briefing.
type Claims struct {
	s     *Story
	terms map[string]int32 // key -> term id
	idf   []float64        // by term id
	facts map[[2]int][]int // (member, sentence) -> facts of the sentence

	mu     sync.Mutex
	keys   []int32           // the keys of every kept token, by term id
	cl     map[[2]int]*claim // (member, sentence) -> its claim, once read
	bodies []string          // each member's body, once a claim of it is read
	// buffers readClaim reuses: reading every sentence of a long story
	// for its weights makes no garbage per sentence.
	words  []string
	quoted []bool
	toks   []token
	has    []int32
}

// term returns the id of key k, giving it one when it has none.
func (c *Claims) term(k string) int32 {
	id, ok := c.terms[k]
	if !ok {
		id = int32(len(c.terms))
		c.terms[k] = id
	}
	return id
}

// at returns the claim of sentence i of member m, reading it the first
// time, or nil when the sentence has none. c.mu must be held.
func (c *Claims) at(m, i int) *claim {
	if cl, ok := c.cl[[2]int{m, i}]; ok {
		return cl
	}
	if m < 0 || m >= len(c.s.members) {
		return nil
	}
	a := c.s.members[m].Article
	if a == nil || a.NotArticle != "" || i < 0 || i >= len(a.Sentences) {
		return nil
	}
	if c.bodies[m] == "" {
		c.bodies[m] = a.Body()
	}
	var cl *claim
	if sp := a.Sentences[i]; sp.End <= len(c.bodies[m]) {
		r := c.readClaim(m, a, c.bodies[m], sp)
		r.toks, r.has = slices.Clone(r.toks), slices.Clone(r.has)
		cl = &r
	}
	c.cl[[2]int{m, i}] = cl
	return cl
}

// tokKeys returns the keys of tk.
func (c *Claims) tokKeys(tk token) []int32 {
	return c.keys[tk.k0 : tk.k0+int32(tk.nk)]
}

// Claims reads every body sentence of the story's members for sentence
// alignment.
//
// A cancelled ctx ends it with an error wrapping ctx.Err().
func (s *Story) Claims(ctx context.Context) (*Claims, error) {
	c := &Claims{s: s, terms: map[string]int32{}, facts: map[[2]int][]int{},
		cl: map[[2]int]*claim{}, bodies: make([]string, len(s.members))}
	var df []int
	read := 0
	for mi, m := range s.members {
		a := m.Article
		if a == nil || a.NotArticle != "" {
			continue
		}
		body := a.Body()
		for si, sp := range a.Sentences {
			if si%1024 == 1023 && ctx.Err() != nil {
				return nil, fmt.Errorf("align: claims: %w", ctx.Err())
			}
			if sp.End > len(body) {
				continue
			}
			// Only the words' weights are kept: the claim is read
			// again if the sentence is ever compared.
			cl := c.readClaim(mi, a, body, sp)
			c.keys = c.keys[:0]
			read++
			for _, k := range cl.has {
				for int(k) >= len(df) {
					df = append(df, 0)
				}
				df[k]++
			}
		}
	}
	c.keys = nil
	n := float64(read)
	c.idf = make([]float64, len(c.terms))
	for k, d := range df {
		if d > 0 {
			c.idf[k] = math.Log(1 + n/float64(d))
		}
	}
	for i := range s.facts {
		st := &s.sents[s.facts[i].sent]
		k := [2]int{st.member, st.index}
		c.facts[k] = append(c.facts[k], i)
	}
	return c, nil
}

// readClaim reads the sentence sp of article a (member mi, whose body is
// body): its tokens' keys and roles. The claim's toks and has are c's
// buffers, overwritten by the next call.
func (c *Claims) readClaim(mi int, a *news.Article, body string, sent news.Span) claim {
	s := c.s
	t := body[sent.Start:sent.End]
	sp := text.Tokens(t)
	c.words = c.words[:0]
	for _, x := range sp {
		c.words = append(c.words, strings.ToLower(text.FoldQuotes(t[x.Start:x.End])))
	}
	st := sentence{text: t, toks: sp, words: c.words}
	// Which tokens stand in quotation marks: inside a quote the quote
	// stage found, or between marks it passed over (a word or two:
	// called the talks “productive”).
	quoted := slices.Grow(c.quoted[:0], len(sp))[:len(sp)]
	clear(quoted)
	c.quoted = quoted
	nq, marks := 0, 0
	for i, x := range sp {
		b0, b1 := x.Start+sent.Start, x.End+sent.Start
		s.idx[mi].quotes.overlapping(b0, b1, func(qi int) bool {
			q := a.Quotes[qi]
			quoted[i] = b0 >= q.Start && b1 <= q.End
			return !quoted[i]
		})
		gap := t[:x.Start]
		if i > 0 {
			gap = t[sp[i-1].End:x.Start]
		}
		marks += strings.Count(text.FoldQuotes(gap), `"`)
		if marks%2 == 1 {
			quoted[i] = true
		}
		if quoted[i] {
			nq++
		}
	}
	// A sentence that is mostly a quotation claims what the quotation
	// says: its attribution ("he said", "a voice-over underscores") is
	// circumstance.
	quote := nq >= 6 && float64(nq) >= 0.6*float64(len(sp))
	cl := claim{toks: c.toks[:0], has: c.has[:0], quote: quote}
	sub, paren := false, 0
	asked := false // in a clause opened by "whether" or "if": not asserted
	last := -1     // word index of the last token kept
	for i, w := range st.words {
		if i > 0 {
			gap := t[sp[i-1].End:sp[i].Start]
			paren += strings.Count(gap, "(") - strings.Count(gap, ")")
			if st.boundary(i-1, i) || w == "whether" {
				// A subordinate clause runs to the next punctuation; a
				// clause word inside it ("after he said that ...") does
				// not end it.
				switch {
				case opensSub[w]:
					sub, asked = true, w == "whether" || w == "if"
				case strings.TrimSpace(gap) != "":
					sub, asked = false, false
				}
			}
		}
		main := !sub && paren <= 0
		if quote {
			main = quoted[i]
		}
		if main && !asked {
			cl.negated = cl.negated || negations[w] || strings.HasSuffix(w, "n't")
		}
		var tk token
		tk.main = main
		tk.quoted = quoted[i] && !quote
		tk.name = capital(t, sp, i) && !quoted[i]
		tk.k0 = int32(len(c.keys))
		switch {
		case numberWords[w] != "":
			c.keys, tk.number, tk.count = append(c.keys, c.term("#"+numberWords[w])), true, true
		case hasDigit(w):
			n := leadingNumber(w)
			if n == "" {
				continue
			}
			c.keys, tk.number = append(c.keys, c.term("#"+n)), true
			// A day after its month ("June 25") is a date, not a count.
			tk.count = strings.Trim(w, "0123456789,.") == "" && (i == 0 || !text.IsMonth(st.words[i-1]))
			if len(n) == 4 && (n[:2] == "19" || n[:2] == "20") {
				tk.number = false // a year: dates are compared as facts
			}
		case eventOf[w] != nil:
			for _, e := range eventOf[w] {
				c.keys = append(c.keys, c.term("@"+e))
			}
		default:
			k, ok := s.anchor(w)
			if !ok {
				continue
			}
			c.keys = append(c.keys, c.term(k))
		}
		tk.nk = int16(int32(len(c.keys)) - tk.k0)
		if tk.nk == 0 {
			continue
		}
		if capital(t, sp, i) && last == i-1 && capital(t, sp, i-1) && !st.boundary(i-1, i) {
			// Another word of the previous token's name.
			prev := &cl.toks[len(cl.toks)-1]
			if prev.run == math.MaxInt16 {
				prev.run-- // a "name" of 32767 words: an all-capitals text
			}
			if prev.run == 0 {
				prev.run = 1
			}
			tk.run = prev.run + 1
			for j := len(cl.toks) - 1; j >= 0 && cl.toks[j].run > 0 && cl.toks[j].run < tk.run; j-- {
				cl.toks[j].run = tk.run
			}
		}
		cl.toks = append(cl.toks, tk)
		last = i
		if asked {
			// "Reporters asked whether he had introduced evidence"
			// does not say that he did.
			continue
		}
		cl.has = append(cl.has, c.tokKeys(tk)...)
	}
	c.toks, c.has = cl.toks, cl.has
	slices.Sort(cl.has)
	cl.has = slices.Compact(cl.has)
	return cl
}

// capital reports whether token i of t opens with a capital letter and is
// not the sentence's first word.
func capital(t string, sp []news.Span, i int) bool {
	c := t[sp[i].Start]
	return i > 0 && c >= 'A' && c <= 'Z'
}

// leadingNumber returns the digits that open w, without thousands
// separators ("4-year-old": 4, "1,200": 1200, "$45,100": 45100).
func leadingNumber(w string) string {
	w = strings.TrimLeft(w, "$£€#")
	var b strings.Builder
	for i, r := range w {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ',' && i > 0:
		case r == '.' && i+1 < len(w) && w[i+1] >= '0' && w[i+1] <= '9':
			b.WriteRune(r)
		default:
			return b.String()
		}
	}
	return b.String()
}

// weight is the idf of a token's rarest key, shared among the words of
// its name.
func (c *Claims) weight(tk token) float64 {
	w := 0.0
	for _, k := range c.tokKeys(tk) {
		w = math.Max(w, c.idf[k])
	}
	if tk.run > 1 {
		w /= float64(tk.run)
	}
	if !tk.main {
		w *= subWeight
	}
	return w
}

// covered reports whether b holds one of tk's keys.
func (c *Claims) covered(tk token, b *claim) bool {
	for _, k := range c.tokKeys(tk) {
		if b.holds(k) {
			return true
		}
	}
	return false
}

// holds reports whether the claim asserts key k.
func (cl *claim) holds(k int32) bool {
	_, ok := slices.BinarySearch(cl.has, k)
	return ok
}

// Thresholds of States, chosen on the tune half of the judged citations
// (internal/eval/testdata/citations-judged.json, `crosscheck eval
// citations --split tune`); each sits on a plateau of its neighbours,
// not just under one pair's value.
const (
	// Cover is the share of a claim's weighted content that another
	// claim holding at least that much states it, however differently
	// it is put.
	Cover = 0.40
	// Similar is the cosine of two claims' weighted keys at which one
	// holding at least CoverSimilar of the other's content states it:
	// close wording makes up for a little less coverage, but a claim
	// holding a small part of a longer one states only that part.
	Similar      = 0.30
	CoverSimilar = 0.30
	// minShared is how many content words the two must share.
	minShared = 3
)

// states reports whether claim b states claim a: b holds enough of a's
// weighted content (Cover; or CoverSimilar in close wording, Similar),
// something of a's main clause, and every number and quoted word of it,
// each count of the same thing.
func (c *Claims) states(a, b *claim) bool {
	var total, got float64
	shared, main, mainIn := 0, 0, 0
	for ti, tk := range a.toks {
		w := c.weight(tk)
		total += w
		in := c.covered(tk, b)
		if in {
			got += w
			shared++
		}
		if !tk.main {
			continue
		}
		main++
		if in {
			mainIn++
		}
		if (tk.number || tk.quoted) && !in {
			return false // a number or quoted word of the claim b does not give
		}
		if tk.number && !c.counts(a, ti, b) {
			return false // the same number, of something else ("two women", "two children")
		}
	}
	if shared < minShared || total == 0 || main > 0 && mainIn == 0 {
		return false // too little in common, or only a's circumstances
	}
	cover := got / total
	if cover < Cover && (cover < CoverSimilar || c.cosine(a, b) < Similar) {
		return false
	}
	return !otherPolarity(a, b) && !c.otherSpeaker(a, b) && !c.otherQuoter(a, b)
}

// otherQuoter reports whether a is mostly a quotation attributed to someone
// named (the names outside the quoted words) and b is not a quotation and
// names none of them: b tells the words as its own description, or as
// another's, not as that speaker's statement ("McDonald's describes it as
// “juicy pork, bacon ...”" is not stated by a list of ingredients).
func (c *Claims) otherQuoter(a, b *claim) bool {
	if !a.quote {
		return false
	}
	if n, shared := c.speakers(a, b); n == 0 || shared > 0 {
		return false
	}
	return !b.quote
}

// speakers counts the names among a's words outside its main clause (in a
// quotation sentence, who says it) and those of them b holds.
func (c *Claims) speakers(a, b *claim) (names, shared int) {
	for _, tk := range a.toks {
		if tk.name && !tk.main {
			names++
			if c.covered(tk, b) {
				shared++
			}
		}
	}
	return names, shared
}

// otherPolarity reports whether one main clause denies what the other
// asserts: "resigned" is not stated by "did not resign", nor "will not
// run again" by "will announce whether he runs again".
func otherPolarity(a, b *claim) bool {
	return a.negated != b.negated
}

// otherSpeaker reports whether a quotes a few words of someone named and b
// names none of a's names: the same words in another mouth, or in no
// named one, are not the same statement.
func (c *Claims) otherSpeaker(a, b *claim) bool {
	quotes, names, shared := false, 0, 0
	for _, tk := range a.toks {
		quotes = quotes || tk.quoted
		if tk.name {
			names++
			if c.covered(tk, b) {
				shared++
			}
		}
	}
	return quotes && names > 0 && shared == 0
}

// conflict reports whether a date or quantity of one sentence conflicts
// with one of the other.
func (c *Claims) conflict(a, b [2]int) bool {
	for _, i := range c.facts[a] {
		for _, j := range c.facts[b] {
			if r, _ := c.s.Relate(i, j); r == Conflict {
				return true
			}
		}
	}
	return false
}

// States reports whether sentence ib of member mb states the main claim of
// sentence ia of member ma: a reader of the one would know what the other
// claims.
func (c *Claims) States(ma, ia, mb, ib int) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	x, y := c.at(ma, ia), c.at(mb, ib)
	if x == nil || y == nil {
		return false
	}
	return c.states(x, y) && !c.conflict([2]int{ma, ia}, [2]int{mb, ib})
}

// heads returns the indexes of the (at most two) tokens that follow
// number token i of cl in the same clause, skipping the number's other
// words ("1.4 billion"): the words that say what it counts. n is how many
// there are.
func heads(cl *claim, i int) (h [2]int, n int) {
	for j := i + 1; j < len(cl.toks) && n < len(h); j++ {
		if cl.toks[j].main != cl.toks[i].main {
			break
		}
		if !cl.toks[j].number {
			h[n] = j
			n++
		}
	}
	return h, n
}

// counts reports whether b gives number token i of a as a count of the
// same thing: some token of b with the number's key ends its clause, or
// the word right after one of the two numbers is one of the two words
// after the other. Only a count
// written on its own is checked, and only when words follow it: "charged
// two women" is not stated by "had two children".
func (c *Claims) counts(a *claim, i int, b *claim) bool {
	ha, na := heads(a, i)
	if na == 0 || !a.toks[i].count {
		return true
	}
	for j, tk := range b.toks {
		if !tk.number || !c.shareKey(a.toks[i], tk) {
			continue
		}
		hb, nb := heads(b, j)
		if nb == 0 {
			return true
		}
		// The word right after one number is among the two after the
		// other ("two injured divers", "the two divers were taken").
		for x := range na {
			for y := range nb {
				if (x == 0 || y == 0) && c.shareKey(a.toks[ha[x]], b.toks[hb[y]]) {
					return true
				}
			}
		}
	}
	return false
}

// shareKey reports whether tokens x and y share a key.
func (c *Claims) shareKey(x, y token) bool {
	for _, k := range c.tokKeys(x) {
		if slices.Contains(c.tokKeys(y), k) {
			return true
		}
	}
	return false
}

// Relate says what two sentences are to each other: Conflict when a date
// or quantity of theirs conflicts, Same when each states the other's
// claim, Part when one states the other's (it says that and more), else
// Unrelated.
func (c *Claims) Relate(ma, ia, mb, ib int) Relation {
	c.mu.Lock()
	defer c.mu.Unlock()
	x, y := c.at(ma, ia), c.at(mb, ib)
	if x == nil || y == nil {
		return Unrelated
	}
	if c.conflict([2]int{ma, ia}, [2]int{mb, ib}) {
		return Conflict
	}
	ab, ba := c.states(x, y), c.states(y, x)
	switch {
	case ab && ba:
		return Same
	case ab || ba:
		return Part
	}
	return Unrelated
}

// cosine is the cosine similarity of two claims' key sets, each key
// weighted by its idf.
func (c *Claims) cosine(a, b *claim) float64 {
	var dot, na, nb float64
	for _, k := range a.has {
		w := c.idf[k]
		na += w * w
		if b.holds(k) {
			dot += w * w
		}
	}
	for _, k := range b.has {
		w := c.idf[k]
		nb += w * w
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}
