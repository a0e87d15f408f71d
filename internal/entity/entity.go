// Package entity finds named people, organisations and places in an analysed
// article (it consumes news.Article paragraphs and sentences and fills
// Article.Entities), merges coreferent mentions inside one article
// ("Tillerson" -> "Rex Tillerson") and resolves entities across the articles
// of a story (Resolve).
//
// It is rule-based: a candidate is a maximal run of capitalised tokens in a
// sentence (with name connectors such as "of", "al-", "van" and initials),
// from which sentence-opening function words and role prefixes ("Secretary
// of State", "Russian Foreign Minister") are split off. Its type comes from
// evidence: a role before it, a first-name lexicon, organisation head words,
// acronyms, a place gazetteer, reporting verbs after it and place
// prepositions before it. Lexicons are built once in New.
package entity

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// Recognizer finds entities. Build one with New and share it: it holds only
// read-only tables and is safe for concurrent use.
type Recognizer struct {
	roles       map[string]bool
	roleMax     int
	roleMods    map[string]bool
	roleQual    map[string]bool
	femaleRoles map[string]bool
	maleRoles   map[string]bool
	demonyms    map[string]bool
	function    map[string]bool
	timeWords   map[string]bool
	orgHeads    map[string]bool
	orgInner    map[string]bool
	knownOrgs   map[string]bool
	places      map[string]bool
	placeAcr    map[string]bool
	placeHeads  map[string]bool
	notAcronyms map[string]bool
	lexMax      int
	first       map[string]byte
	connectors  map[string]bool
	particles   map[string]bool
	personCues  map[string]bool
	placePreps  map[string]bool
	aliases     map[string]string
}

// New builds the lexicon tables.
func New() *Recognizer {
	r := &Recognizer{
		roles:       phraseSet(roleList),
		roleMods:    wordSet(roleModifiers),
		femaleRoles: wordSet(femaleRoles),
		maleRoles:   wordSet(maleRoles),
		demonyms:    wordSet(demonymList),
		function:    wordSet(functionWords),
		timeWords:   wordSet(timeWords),
		orgHeads:    wordSet(orgHeads),
		orgInner:    wordSet(orgInnerHeads),
		knownOrgs:   phraseSet(knownOrgs),
		places:      phraseSet(placeList),
		placeAcr:    wordSet(placeAcronyms),
		placeHeads:  wordSet(placeHeads),
		notAcronyms: wordSet(notAcronyms),
		first:       map[string]byte{},
		// connectors join capitalised words inside one name
		// ("Bank of America", "Ludwig van Beethoven").
		connectors: wordSet(`of for on the de da di del della der den van von la le du al el bin ibn bint y dos das`),
		// particles are connectors that always belong to a personal name.
		particles: wordSet(`de da di del della der den van von la le du al el bin ibn bint y dos das`),
		// personCues after a name make it a person ("Tillerson said").
		personCues: wordSet(`said says told tells added adds asked asks wrote writes explained explains noted notes
argued argues insisted insists warned warns tweeted tweets stated states declared declares replied replies
responded responds acknowledged acknowledges announced announces claimed claims reported reports
believes believed thinks thought who whose recalled recalls testified testifies admitted admits urged urges`),
		// placePreps before a name make it a place ("in Aleppo").
		placePreps: wordSet(`in near across throughout outside inside to from into`),
		// roleQual may stand before a role inside a title
		// ("House Speaker", "State Department spokesman").
		roleQual: wordSet(`house senate white state foreign defense defence homeland security national justice
treasury majority minority republican democratic gop top interior finance health intelligence kremlin
department ministry agency council committee party campaign administration`),
		aliases: map[string]string{
			"us": "united states", "u.s": "united states", "usa": "united states", "u.s.a": "united states",
			"america": "united states", "united states of america": "united states",
			"uk": "united kingdom", "u.k": "united kingdom", "britain": "united kingdom", "great britain": "united kingdom",
			"un": "united nations", "u.n": "united nations",
			"kyiv": "kiev", "burma": "myanmar", "holland": "netherlands", "czechia": "czech republic",
			"isis": "islamic state", "isil": "islamic state", "al qaeda": "al-qaeda", "exxonmobil": "exxon mobil",
			"huffpost": "huffington post", "khan sheikhoun": "khan shaykhun", "donbas": "donbass",
		},
	}
	for k := range r.roles {
		if n := len(strings.Fields(k)); n > r.roleMax {
			r.roleMax = n
		}
	}
	for _, m := range []map[string]bool{r.places, r.knownOrgs} {
		for k := range m {
			if n := len(strings.Fields(k)); n > r.lexMax {
				r.lexMax = n
			}
		}
	}
	for _, line := range strings.Split(firstNames, "\n") {
		name, g, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") || g == "" {
			continue
		}
		r.first[name] = g[0]
	}
	for _, f := range strings.Fields(firstNamesExtra) {
		name, g, _ := strings.Cut(f, ":")
		if g != "" {
			r.first[name] = g[0]
		}
	}
	// A word that is a place, a calendar word, a demonym or a function
	// word is no first name ("Georgia", "May", "Will").
	for name := range r.first {
		if r.places[name] || r.timeWords[name] || r.demonyms[name] || r.function[name] || r.roles[name] {
			delete(r.first, name)
		}
	}
	return r
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func phraseSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, p := range strings.Split(s, "|") {
		// "st. louis" is matched as the keys "st louis"
		p = strings.ReplaceAll(strings.Join(strings.Fields(p), " "), ". ", " ")
		if p != "" {
			m[p] = true
		}
	}
	return m
}

// tok is one word token of a sentence.
type tok struct {
	s, e    int    // byte span in the body, possessive "’s" excluded
	key     string // lower case, ASCII apostrophes
	cap     bool   // starts with an upper-case letter
	upper   bool   // all letters upper case, at least two letters
	initial bool   // a single capital letter followed by "." ("V.")
	abbr    bool   // followed by "." and short ("Sen.", "U.S.")
	poss    bool   // ended in a possessive "’s"
	mod     bool   // had a "then-"/"ex-" prefix, now stripped
}

// cand is one candidate mention.
type cand struct {
	s, e     int
	toks     []tok
	keys     []string // normalised key tokens (no initials, "al-" stripped)
	typ      string
	strong   bool // type from a lexicon, role or head word
	role     string
	attach   bool // may only join an existing group (sentence-initial unknown, headline)
	cueP     bool // a person cue follows or precedes
	cueL     bool // a place preposition precedes
	acronym  bool
	firstHit bool // first token is a known first name
}

// Find fills a.Entities. It needs a.Sentences (text.Segmenter.Segment);
// without them each paragraph is taken as one sentence.
func (r *Recognizer) Find(a *news.Article) {
	body := a.Body()
	sents := a.Sentences
	if len(sents) == 0 {
		off := 0
		for i, p := range a.Paragraphs {
			if i > 0 {
				off += len(news.ParagraphSep)
			}
			sents = append(sents, news.Span{Start: off, End: off + len(p)})
			off += len(p)
		}
	}
	st := &state{r: r, body: body, lower: map[string]bool{}}
	// Tokenise every sentence first, so that the words seen in lower case
	// anywhere in the article are known before any run is judged.
	var all []tok
	type sent struct {
		a, b      int
		paraStart bool
	}
	ss := make([]sent, 0, len(sents))
	for _, sp := range sents {
		if sp.Start < 0 || sp.End > len(body) || sp.Start >= sp.End {
			continue
		}
		a0 := len(all)
		all = r.tokens(body, sp.Start, sp.End, all, st.lower)
		if len(all) == a0 {
			continue
		}
		paraStart := sp.Start == 0 || strings.HasSuffix(body[:sp.Start], "\n")
		ss = append(ss, sent{a0, len(all), paraStart})
	}
	var heads [][]tok
	for _, x := range ss {
		toks := all[x.a:x.b:x.b]
		if isHeadline(toks) {
			heads = append(heads, toks)
			continue
		}
		st.sentence(toks, x.paraStart, a.Dateline)
	}
	for _, h := range heads {
		st.headline(h)
	}
	a.Entities = st.entities()
}

// tokens appends the word tokens of body[s:e].
func (r *Recognizer) tokens(body string, s, e int, out []tok, lower map[string]bool) []tok {
	for _, sp := range text.Tokens(body[s:e]) {
		out = r.word(body, s+sp.Start, s+sp.End, out, lower)
	}
	return out
}

// word appends the token body[ts:te] (or its parts).
func (r *Recognizer) word(body string, ts, te int, out []tok, lower map[string]bool) []tok {
	{
		t := tok{s: ts, e: te}
		w := body[t.s:t.e]
		// "Wednesday.IVAN": two words run together at a period.
		if i := splitDotted(w); i > 0 {
			out = r.word(body, ts, ts+i, out, lower)
			return r.word(body, ts+i+1, te, out, lower)
		}
		// "then-Secretary", "ex-President": the prefix is a role modifier.
		for _, p := range [...]string{"then-", "ex-", "former-"} {
			if len(w) > len(p) && strings.HasPrefix(w, p) {
				if c, _ := utf8.DecodeRuneInString(w[len(p):]); unicode.IsUpper(c) {
					t.s += len(p)
					w = w[len(p):]
					t.mod = true
				}
			}
		}
		// Possessive: "Tillerson’s", "Russia's".
		for _, p := range [...]string{"’s", "'s", "’S", "'S"} {
			if len(w) > len(p) && strings.HasSuffix(w, p) {
				t.e -= len(p)
				w = w[:len(w)-len(p)]
				t.poss = true
				break
			}
		}
		if t.e < len(body) && body[t.e] == '.' && !t.poss {
			t.abbr = true
		}
		c, _ := utf8.DecodeRuneInString(w)
		t.cap = unicode.IsUpper(c)
		letters, uppers := 0, 0
		for _, ch := range w {
			if unicode.IsLetter(ch) {
				letters++
				if unicode.IsUpper(ch) {
					uppers++
				}
			}
		}
		t.upper = letters >= 2 && letters == uppers
		t.initial = t.cap && letters == 1 && utf8.RuneCountInString(w) == 1 && t.abbr
		t.key = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
		// "(D-Ill.)", "(R-Va.)": a party-and-state tag, and "I'd", "I'm":
		// a pronoun contraction; neither is a name.
		if isPartyTag(w) || strings.HasPrefix(t.key, "i'") {
			t.cap = false
			return append(out, t)
		}
		// A hyphenated word whose last part is lower case is an
		// adjective ("Western-backed"), not a name ("al-Assad" is).
		if i := strings.LastIndexByte(w, '-'); t.cap && i > 0 && i+1 < len(w) {
			if c2, _ := utf8.DecodeRuneInString(w[i+1:]); !unicode.IsUpper(c2) {
				t.cap = false
			}
		}
		if !t.cap {
			c0, _ := utf8.DecodeRuneInString(w)
			if unicode.IsLower(c0) && !strings.HasPrefix(w, "al-") && !strings.HasPrefix(w, "el-") {
				lower[t.key] = true
			} else if strings.HasPrefix(w, "al-") || strings.HasPrefix(w, "el-") {
				if c3, _ := utf8.DecodeRuneInString(w[3:]); unicode.IsUpper(c3) {
					t.cap = true
				}
			}
		}
		// Split "US-Russia" into its capitalised parts when one is a
		// place or acronym.
		if t.cap && strings.IndexByte(w, '-') > 0 && !strings.HasPrefix(t.key, "al-") && !strings.HasPrefix(t.key, "el-") {
			if parts := r.splitCompound(t, w); parts != nil {
				return append(out, parts...)
			}
		}
		out = append(out, t)
	}
	return out
}

// isPartyTag reports a party-and-state tag: "D-Ill", "R-Va", "I-Vt".
func isPartyTag(w string) bool {
	if len(w) < 4 || w[1] != '-' || (w[0] != 'D' && w[0] != 'R' && w[0] != 'I') {
		return false
	}
	c, _ := utf8.DecodeRuneInString(w[2:])
	return unicode.IsUpper(c) && len(w) <= 8
}

// splitDotted returns the index of a period joining two words of which one
// has three or more letters ("Wednesday.IVAN"), or -1; "U.S" and "a.m"
// stay whole.
func splitDotted(w string) int {
	i := strings.IndexByte(w, '.')
	if i <= 0 || i+1 >= len(w) {
		return -1
	}
	left, right := w[:i], w[i+1:]
	if j := strings.IndexByte(right, '.'); j >= 0 {
		right = right[:j]
	}
	if utf8.RuneCountInString(left) >= 3 || utf8.RuneCountInString(right) >= 3 {
		if c, _ := utf8.DecodeRuneInString(right); unicode.IsLetter(c) {
			return i
		}
	}
	return -1
}

func (r *Recognizer) splitCompound(t tok, w string) []tok {
	parts := strings.Split(w, "-")
	known := false
	for _, p := range parts {
		c, _ := utf8.DecodeRuneInString(p)
		if p == "" || !unicode.IsUpper(c) {
			return nil
		}
		k := strings.ToLower(p)
		if r.places[k] || r.placeAcr[k] || r.knownOrgs[k] || strings.ToUpper(p) == p {
			known = true
		}
	}
	if !known {
		return nil
	}
	var out []tok
	off := t.s
	for i, p := range parts {
		pt := tok{s: off, e: off + len(p), key: strings.ToLower(p), cap: true}
		pt.upper = len(p) >= 2 && strings.ToUpper(p) == p
		if i == len(parts)-1 {
			pt.poss, pt.abbr = t.poss, t.abbr
		}
		out = append(out, pt)
		off += len(p) + 1
	}
	return out
}

// isHeadline reports a title-case or all-caps line ("Putin, Tillerson Meet
// At Kremlin"), whose capitals say nothing about names: at least four
// words, most capitalised, and no lower-case word other than the short
// function words title case leaves small.
func isHeadline(toks []tok) bool {
	if len(toks) < 4 {
		return false
	}
	caps, words := 0, 0
	for _, t := range toks {
		c, _ := utf8.DecodeRuneInString(t.key)
		if unicode.IsDigit(c) {
			continue
		}
		words++
		if t.cap {
			caps++
		} else if !titleSmall[t.key] {
			return false
		}
	}
	return words >= 4 && caps*5 >= words*3
}

// titleSmall are the words title case leaves in lower case.
var titleSmall = map[string]bool{"a": true, "an": true, "the": true, "and": true, "or": true, "but": true,
	"of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "by": true, "with": true,
	"from": true, "as": true, "vs": true, "nor": true, "into": true, "over": true}

// state is the per-article working set.
type state struct {
	r     *Recognizer
	body  string
	lower map[string]bool // words seen in lower case in the article
	cands []cand
}

func (st *state) gapJoins(prev, next tok) bool {
	gap := st.body[prev.e:next.s]
	if prev.poss {
		return false
	}
	if prev.abbr && len(gap) >= 1 && gap[0] == '.' {
		k := strings.TrimSuffix(prev.key, ".")
		if !(prev.initial || strings.Contains(k, ".") || st.r.roles[k] || k == "jr" || k == "sr" || k == "st" || k == "mt" || k == "ft") {
			return false
		}
		gap = gap[1:]
	}
	if gap == "" {
		return prev.mod || next.mod
	}
	for i := 0; i < len(gap); i++ {
		if gap[i] != ' ' {
			if gap[i] == 0xc2 && i+1 < len(gap) && gap[i+1] == 0xa0 { // no-break space
				i++
				continue
			}
			return false
		}
	}
	return true
}

// startsRun reports whether t may open a capitalised run.
func (st *state) startsRun(t tok) bool {
	if !t.cap || st.r.timeWords[t.key] {
		return false
	}
	if st.r.function[t.key] && !st.r.roles[t.key] && !t.upper {
		return false
	}
	return true
}

// continuesRun reports whether t may extend a run whose last token is prev.
func (st *state) continuesRun(prev, t tok) bool {
	if !t.cap {
		return false
	}
	if st.r.timeWords[t.key] {
		// "Theresa May": a calendar word after a first name.
		_, first := st.r.first[prev.key]
		return t.key == "may" && first
	}
	return !st.r.function[t.key] || st.r.roles[t.key] || t.upper || t.initial
}

// sentence finds the candidates of one ordinary sentence.
func (st *state) sentence(toks []tok, paraStart bool, dateline string) {
	r := st.r
	// Dateline: "MOSCOW —", "WASHINGTON (AP) —" at a paragraph start.
	i := 0
	if paraStart {
		if n := st.dateline(toks, dateline); n > 0 {
			st.add(cand{s: toks[0].s, e: toks[n-1].e, toks: toks[:n], typ: news.Place, strong: true})
			i = n
		} else if n := st.speakerLabel(toks); n > 0 {
			st.add(cand{s: toks[0].s, e: toks[n-1].e, toks: toks[:n], typ: news.Person})
			i = n
		}
	}
	for i < len(toks) {
		if !st.startsRun(toks[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			if !st.gapJoins(toks[j-1], toks[j]) {
				break
			}
			if st.continuesRun(toks[j-1], toks[j]) {
				j++
				continue
			}
			// connector followed by a capitalised word ("of State",
			// "of the Treasury")
			if r.connectors[toks[j].key] && !toks[j].cap {
				k := j + 1
				if k < len(toks) && toks[k].key == "the" && toks[j].key != "the" && st.gapJoins(toks[j], toks[k]) {
					k++
				}
				if k < len(toks) && st.gapJoins(toks[k-1], toks[k]) && st.continuesRun(toks[k-1], toks[k]) && toks[j].key != "the" {
					j = k + 1
					continue
				}
			}
			break
		}
		st.run(toks, i, j)
		i = j
	}
}

// speakerLabel returns how many opening tokens form a transcript speaker
// label ("PENCE:", "GOV. MIKE PENCE:"), or 0.
func (st *state) speakerLabel(toks []tok) int {
	n := 0
	for n < len(toks) && n < 4 && (toks[n].upper || toks[n].initial) {
		if n > 0 && !st.gapJoins(toks[n-1], toks[n]) {
			break
		}
		n++
	}
	if n == 0 || !strings.HasPrefix(st.body[toks[n-1].e:], ":") {
		return 0
	}
	if st.r.function[toks[0].key] || st.r.knownOrgs[toks[0].key] || st.r.placeAcr[toks[0].key] {
		return 0 // "UPDATE:", "NOTE:"
	}
	// drop a leading title ("GOV. MIKE PENCE:")
	_, k := st.role(toks[:n])
	if k >= n {
		return 0
	}
	return n
}

// dateline returns how many opening tokens form an all-capital dateline
// ("MOSCOW —", "NEW YORK, N.Y. -"), or 0.
func (st *state) dateline(toks []tok, given string) int {
	n := 0
	for n < len(toks) && n < 4 && toks[n].upper {
		if n > 0 && !st.gapJoins(toks[n-1], toks[n]) {
			break
		}
		n++
	}
	if n == 0 {
		return 0
	}
	rest := strings.TrimLeft(st.body[toks[n-1].e:], " .,")
	for _, d := range [...]string{"—", "–", "-", "("} {
		if strings.HasPrefix(rest, d) {
			return n
		}
	}
	if given != "" && strings.EqualFold(st.body[toks[0].s:toks[n-1].e], given) {
		return n
	}
	return 0
}

// run turns the capitalised run toks[i:j] into candidates.
func (st *state) run(toks []tok, i, j int) {
	r := st.r
	// A run opening the sentence, or following a colon or an opening
	// quotation mark, is capitalised for that reason alone.
	sentStart := i == 0 || strings.ContainsAny(st.body[toks[i-1].e:toks[i].s], ":“\"‘")
	// Strip opening function words ("The Kremlin" -> "Kremlin").
	for i < j && r.function[toks[i].key] && !r.roles[toks[i].key] && toks[i].cap && !toks[i].upper {
		i++
		sentStart = false
	}
	// "Negotiator Hanna Lindqvist": a capitalised common word opening the
	// sentence before a first name.
	if sentStart && j-i >= 3 {
		_, f0 := r.first[toks[i].key]
		_, f1 := r.first[toks[i+1].key]
		if !f0 && f1 && !r.roles[toks[i].key] && !r.demonyms[toks[i].key] && !r.roleMods[toks[i].key] {
			i++
			sentStart = false
		}
	}
	if i >= j {
		return
	}
	run := toks[i:j]
	// All-capital runs of several words outside a dateline are credit
	// lines or shouting ("IVAN SEKRETARE/ASSOCIATED PRESS"): keep only
	// lexicon matches.
	if len(run) > 1 && allUpper(run) {
		st.lexiconOnly(run)
		return
	}
	// "NAACP President Benjamin Jealous", "National Organization for
	// Women President Terry O'Neill": an organisation, then a title.
	if m := st.orgThenRole(run); m > 0 {
		st.run(toks, i, i+m)
		i += m
		run = toks[i:j]
		sentStart = false
	}
	role, k := st.role(run)
	rest := run[k:]
	if len(rest) == 0 || len(rest) == 1 && r.roles[rest[0].key] {
		return
	}
	if k > 0 {
		sentStart = false
	}
	// A lone demonym is no entity ("Russian leaders").
	if len(rest) == 1 && r.demonyms[rest[0].key] {
		return
	}
	// "Russian Sergey Lavrov": a demonym before a first name.
	if len(rest) > 1 && r.demonyms[rest[0].key] {
		if _, ok := r.first[rest[1].key]; ok {
			rest = rest[1:]
		}
	}
	pieces := st.splitConnectors(rest)
	for pi, p := range pieces {
		c := cand{s: p[0].s, e: p[len(p)-1].e, toks: p}
		if pi == 0 {
			c.role = role
		}
		before := i + k - 1
		if pi > 0 {
			before = -1
		}
		after := indexOf(toks, p[len(p)-1]) + 1
		st.classify(&c, toks, before, after, sentStart && pi == 0 && k == 0)
		st.add(c)
	}
}

func indexOf(toks []tok, t tok) int {
	for i := range toks {
		if toks[i].s == t.s {
			return i
		}
	}
	return len(toks) - 1
}

func allUpper(run []tok) bool {
	for _, t := range run {
		if !t.upper && !t.initial {
			return false
		}
	}
	return true
}

// role splits a title off the front of a run: it returns the role text and
// how many tokens it covers ("Russian Foreign Minister Sergey Lavrov" ->
// "Russian Foreign Minister", 3). A run ending in an organisation head word
// keeps its title words ("General Motors", "Justice Department").
func (st *state) role(run []tok) (string, int) {
	r := st.r
	if r.orgHeads[run[len(run)-1].key] {
		return "", 0
	}
	end := 0
	k := 0
	for k < len(run) {
		m := k
		for m < len(run)-1 && m-k < 3 && (r.roleMods[run[m].key] || run[m].mod && m == k ||
			(end == 0 && (run[m].upper || r.demonyms[run[m].key] || r.placeAcr[run[m].key] || r.places[run[m].key] || r.roleQual[run[m].key] || r.orgHeads[run[m].key]))) {
			if r.roles[run[m].key] {
				break
			}
			m++
		}
		l := st.longestRole(run, m)
		if l == 0 {
			break
		}
		k = m + l
		end = k
	}
	if end == 0 {
		return "", 0
	}
	if end >= len(run) {
		return "", len(run) // a title alone ("the Secretary of State")
	}
	// "Secretary of State" then a connector: leave it ("Minister of
	// Defense" is handled by the role list).
	if r.connectors[run[end].key] && !run[end].cap {
		return "", len(run)
	}
	last := run[end-1]
	e := tokEnd(st.body, last)
	if last.abbr && len(last.key) <= 4 {
		e = last.e + 1 // "Sen.", "Gov."
	}
	return st.body[run[0].s:e], end
}

// orgThenRole returns where a title starts inside run when the words
// before it name an organisation or place and a name follows the title,
// or 0.
func (st *state) orgThenRole(run []tok) int {
	r := st.r
	for m := 1; m+1 < len(run); m++ {
		if r.roleMods[run[m].key] || r.connectors[run[m].key] {
			continue
		}
		l := st.longestRole(run, m)
		if l == 0 || m+l >= len(run) || r.connectors[run[m+l].key] {
			continue
		}
		pre := run[:m]
		k := joinKeys(pre)
		if r.knownOrgs[k] || r.places[k] || r.orgHeads[pre[m-1].key] || st.innerOrgHead(pre) || m == 1 && pre[0].upper {
			return m
		}
		return 0
	}
	return 0
}

// tokEnd includes the period of an initial or a dotted abbreviation ("V.",
// "U.S.").
func tokEnd(body string, t tok) int {
	if t.abbr && (t.initial || strings.Contains(t.key, ".")) {
		return t.e + 1
	}
	return t.e
}

// longestRole returns the length of the longest role phrase at run[m:],
// never covering the whole run.
func (st *state) longestRole(run []tok, m int) int {
	var b strings.Builder
	best := 0
	for l := 1; l <= st.r.roleMax && m+l <= len(run); l++ {
		if l > 1 {
			b.WriteByte(' ')
		}
		b.WriteString(run[m+l-1].key)
		if st.r.roles[b.String()] {
			best = l
		}
	}
	return best
}

// splitConnectors splits a run at "of"/"for"/"on"/"the" unless the words
// before it are an organisation head or the whole is a known name
// ("President Bashar Assad of Syria" -> "Bashar Assad", "Syria"; "Bank of
// America" stays).
func (st *state) splitConnectors(run []tok) [][]tok {
	r := st.r
	if len(run) == 1 {
		return [][]tok{run}
	}
	if r.places[joinKeys(run)] || r.knownOrgs[joinKeys(run)] {
		return [][]tok{run}
	}
	var out [][]tok
	start := 0
	for x := 1; x < len(run)-1; x++ {
		k := run[x].key
		if run[x].cap || r.particles[k] {
			continue
		}
		if !r.connectors[k] {
			continue
		}
		if x <= start || r.orgHeads[run[x-1].key] || r.orgInner[run[start].key] || r.orgHeads[run[start].key] {
			continue
		}
		out = append(out, run[start:x])
		start = x + 1
		if start < len(run) && run[start].key == "the" {
			start++
		}
	}
	if start < len(run) {
		out = append(out, run[start:])
	}
	return out
}

func joinKeys(ts []tok) string {
	if len(ts) == 1 {
		return ts[0].key
	}
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.key)
	}
	return b.String()
}

// classify decides a candidate's type from its own words and its context:
// toks[before] is the token before it (or -1), toks[after] the one after.
func (st *state) classify(c *cand, toks []tok, before, after int, sentStart bool) {
	r := st.r
	p := c.toks
	key := joinKeys(p)
	if a, ok := r.aliases[key]; ok {
		key = a
	}
	last := p[len(p)-1]
	if first, ok := r.first[p[0].key]; ok && first != 0 {
		c.firstHit = true
	}
	appos := ""
	if before >= 0 && before < len(toks) {
		pk := toks[before].key
		// "the Kremlin spokesman Dmitry Peskov", "spokeswoman, Maria
		// Zakharova": a lower-case title just before the name.
		if bt := toks[before]; c.role == "" && !bt.cap && r.roles[pk] {
			if g := st.body[bt.e:p[0].s]; g == " " || g == ", " {
				appos = st.body[bt.s:bt.e]
			}
		}
		if r.personCues[pk] && pk != "who" && pk != "whose" {
			c.cueP = true
		}
		if r.placePreps[pk] {
			c.cueL = true
		}
	}
	if after < len(toks) && r.personCues[toks[after].key] && st.gapJoins(last, toks[after]) {
		c.cueP = true
	}
	if after+1 < len(toks) && toks[after].key == "who" {
		c.cueP = true
	}
	switch {
	case c.role != "":
		c.typ, c.strong = news.Person, true
	case r.knownOrgs[key]:
		c.typ, c.strong = news.Organization, true
	case r.places[key]:
		c.typ, c.strong = news.Place, true
	case len(p) == 1 && (last.upper || strings.Contains(last.key, ".")) && r.placeAcr[last.key]:
		c.typ, c.strong = news.Place, true
	case len(p) == 1 && last.upper && r.notAcronyms[last.key]:
		// "TV", "GDP": capitals, but no name
	case len(p) > 1 && r.demonyms[last.key]:
		// "Minnesota Republican": a description, not a name
	case len(p) > 1 && r.placeHeads[last.key] && !r.orgHeads[p[0].key]:
		c.typ, c.strong = news.Place, true
	case st.innerOrgHead(p):
		c.typ, c.strong = news.Organization, true
	case r.orgHeads[last.key] && !(len(p) == 1 && !last.upper):
		c.typ, c.strong = news.Organization, true
	case len(p) > 2 && r.orgInner[p[0].key] && p[1].key == "of":
		c.typ, c.strong = news.Organization, true
	case len(p) == 1 && last.upper && utf8.RuneCountInString(last.key) <= 5:
		c.typ, c.strong, c.acronym = news.Organization, true, true
	case len(p) == 1 && last.upper:
		c.attach = true // a shouted word ("BREAKING")
	case appos != "":
		c.typ, c.strong, c.role = news.Person, true, appos
	case len(p) > 1 && c.firstHit:
		c.typ, c.strong = news.Person, true
	case len(p) > 1 && r.places[p[0].key]:
		// "Washington Examiner", "Kansas City Star": a place-named
		// institution
		c.typ = news.Organization
	case len(p) > 1 && st.seenLower(p):
		// "World War II", "Order of Friendship": capitalised common
		// words, no evidence of a name.
	case len(p) > 1 && st.personLike(p):
		c.typ = news.Person
	case len(p) > 1:
		c.typ = news.Organization
	case c.cueP:
		c.typ = news.Person
	case c.cueL && !c.firstHit:
		c.typ = news.Place
	}
	if len(p) == 1 && last.upper && utf8.RuneCountInString(last.key) <= 6 {
		c.acronym = true
	}
	// A sentence-initial single word the lexicons do not know may be an
	// ordinary word ("Further", "Instead"): it can only join a group.
	if sentStart && len(p) == 1 && !c.strong && !c.cueP {
		c.attach = true
	}
	// A single word also seen in lower case is an ordinary word.
	if len(p) == 1 && !c.strong && st.lower[p[0].key] {
		c.typ = ""
		c.attach = true
	}
}

// innerOrgHead reports an organisation head word followed by a connector
// inside the name ("Port Authority of New York", "Committee on Rules").
func (st *state) innerOrgHead(p []tok) bool {
	for i := 0; i+2 < len(p); i++ {
		if st.r.orgHeads[p[i].key] && st.r.connectors[p[i+1].key] && !st.r.particles[p[i+1].key] {
			return true
		}
	}
	return false
}

// seenLower reports whether a word of p (other than a connector) is used
// in lower case elsewhere in the article.
func (st *state) seenLower(p []tok) bool {
	for _, t := range p {
		if st.lower[t.key] && !st.r.connectors[t.key] {
			return true
		}
	}
	return false
}

// personLike reports a multi-word name with no word seen in lower case
// elsewhere in the article ("Yevgeni Petrov", not "World War").
func (st *state) personLike(p []tok) bool {
	for _, t := range p {
		if st.lower[t.key] && !st.r.particles[t.key] {
			return false
		}
		if t.upper && !t.initial {
			return false
		}
	}
	return true
}

// lexiconOnly adds the place and organisation names found in a run whose
// capitals say nothing (all-caps credit lines).
func (st *state) lexiconOnly(run []tok) {
	r := st.r
	for i := 0; i < len(run); {
		n := 0
		typ := ""
		for l := min(len(run)-i, r.lexMax); l >= 1; l-- {
			k := joinKeys(run[i : i+l])
			if a, ok := r.aliases[k]; ok {
				k = a
			}
			switch {
			case r.places[k] || (l == 1 && r.placeAcr[k]):
				n, typ = l, news.Place
			case r.knownOrgs[k]:
				n, typ = l, news.Organization
			}
			if n > 0 {
				break
			}
		}
		if n == 0 {
			i++
			continue
		}
		p := run[i : i+n]
		st.add(cand{s: p[0].s, e: p[n-1].e, toks: p, typ: typ, strong: true})
		i += n
	}
}

// headline handles a title-case line: each word run is matched against the
// lexicons and the article's other names, never founding a person.
func (st *state) headline(toks []tok) {
	for i := 0; i < len(toks); {
		if !toks[i].cap || st.r.timeWords[toks[i].key] || st.r.function[toks[i].key] {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].cap && st.gapJoins(toks[j-1], toks[j]) && !st.r.function[toks[j].key] {
			j++
		}
		run := toks[i:j]
		for x := 0; x < len(run); x++ {
			c := cand{s: run[x].s, e: run[x].e, toks: run[x : x+1], attach: true}
			st.classify(&c, run, -1, len(run), false)
			if !c.strong {
				c.typ = ""
				c.attach = true
			}
			if c.strong && c.typ == news.Person {
				c.typ, c.attach = "", true
			}
			// known multi-word names
			if x+1 < len(run) {
				k2 := joinKeys(run[x : x+2])
				if st.r.places[k2] || st.r.knownOrgs[k2] {
					c2 := cand{s: run[x].s, e: run[x+1].e, toks: run[x : x+2]}
					st.classify(&c2, run, -1, len(run), false)
					st.add(c2)
					x++
					continue
				}
			}
			st.add(c)
		}
		i = j
	}
}

// add records a candidate, computing its key tokens.
func (st *state) add(c cand) {
	if c.s >= c.e {
		return
	}
	if n := len(c.toks); n > 0 {
		c.e = tokEnd(st.body, c.toks[n-1])
		if !c.acronym && c.typ != news.Place && !c.toks[n-1].initial && !strings.Contains(c.toks[n-1].key, ".") {
			c.e = c.toks[n-1].e
		}
		if c.toks[n-1].poss {
			c.e = c.toks[n-1].e
		}
	}
	c.keys = make([]string, 0, len(c.toks))
	for _, t := range c.toks {
		if t.initial {
			continue
		}
		k := strings.TrimSuffix(t.key, ".")
		for _, p := range [...]string{"al-", "el-"} {
			if strings.HasPrefix(k, p) && len(k) > len(p) {
				k = k[len(p):]
			}
		}
		if (st.r.particles[k] || generational[k]) && len(c.toks) > 1 {
			continue
		}
		c.keys = append(c.keys, k)
	}
	if len(c.keys) == 0 || len(c.keys) == 1 && utf8.RuneCountInString(c.keys[0]) < 2 {
		return // a lone letter ("D", "A") is no name
	}
	st.cands = append(st.cands, c)
}

// generational suffixes are left out of name keys ("Thomas M. Davis III"
// is "Davis").
var generational = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// group is a set of coreferent candidates.
type group struct {
	cands []int
	keys  []string // fullest key tokens
	votes map[string]int
	first int
	drop  bool
}

func (g *group) typ() string {
	best, bv := "", 0
	for _, t := range [...]string{news.Person, news.Organization, news.Place} {
		if v := g.votes[t]; v > bv {
			best, bv = t, v
		}
	}
	return best
}

// entities groups candidates into entities: same name, then surnames and
// name suffixes to the fuller name, acronyms to their expansion.
func (st *state) entities() []news.Entity {
	r := st.r
	cs := st.cands
	if len(cs) == 0 {
		return nil
	}
	byKey := map[string]int{}
	var gs []*group
	order := make([]int, len(cs))
	for i := range order {
		order[i] = i
	}
	// Longer names first so that short forms can join them.
	sort.SliceStable(order, func(a, b int) bool { return len(cs[order[a]].keys) > len(cs[order[b]].keys) })
	for _, ci := range order {
		c := &cs[ci]
		k := strings.Join(c.keys, " ")
		if a, ok := r.aliases[k]; ok {
			k = a
		}
		gi, ok := byKey[k]
		if !ok {
			gi = st.attach(gs, c)
		}
		if gi < 0 {
			gi = len(gs)
			gs = append(gs, &group{keys: c.keys, votes: map[string]int{}, first: c.s})
			byKey[k] = gi
		}
		g := gs[gi]
		g.cands = append(g.cands, ci)
		if c.typ != "" {
			w := 1
			if c.strong {
				w = 3
			}
			g.votes[c.typ] += w
		}
	}
	for _, g := range gs {
		founded := 0
		for _, ci := range g.cands {
			if !cs[ci].attach {
				founded++
			}
		}
		// A single unknown word used twice or more mid-sentence and
		// never as a known person's surname is a name of its own, most
		// often an organisation or brand ("Walmart").
		if founded >= 2 && g.typ() == "" && len(g.keys) == 1 {
			g.votes[news.Organization]++
		}
		if founded == 0 || g.typ() == "" {
			g.drop = true
		}
		// A place only because of prepositions ("in Medicare") needs
		// them on most of its mentions.
		if g.typ() == news.Place {
			strong, cue := false, 0
			for _, ci := range g.cands {
				strong = strong || cs[ci].strong && cs[ci].typ == news.Place
				if cs[ci].cueL {
					cue++
				}
			}
			if !strong && cue*2 < len(g.cands) {
				g.drop = true
			}
		}
	}
	var out []news.Entity
	for _, g := range gs {
		if g.drop {
			continue
		}
		e := news.Entity{Type: g.typ()}
		bestLen := -1
		roles := map[string]int{}
		bestRole := 0
		sort.Slice(g.cands, func(a, b int) bool { return cs[g.cands[a]].s < cs[g.cands[b]].s })
		for _, ci := range g.cands {
			c := &cs[ci]
			txt := st.body[c.s:c.e]
			e.Mentions = append(e.Mentions, news.Mention{Text: txt, Start: c.s, End: c.e})
			// fullest form: most words, mixed case before capitals
			score := 2 * len(c.keys)
			if !allUpper(c.toks) {
				score++
			}
			if score > bestLen {
				bestLen = score
				e.Name = strings.Join(strings.Fields(txt), " ")
			}
			if c.role != "" {
				roles[c.role]++
				if roles[c.role] > bestRole {
					bestRole = roles[c.role]
					e.Role = c.role
				}
			}
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Mentions[0].Start < out[b].Mentions[0].Start })
	return out
}

// attach finds the group a short or untyped candidate refers to: a person
// whose name ends with the candidate's words ("Tillerson" -> "Rex
// Tillerson"), a person whose first name it is when unique ("Lucian"), an
// organisation whose name ends with it ("Security Council"), or the
// expansion of an acronym ("NATO"). It returns -1 when none.
func (st *state) attach(gs []*group, c *cand) int {
	if c.strong && c.typ == news.Place {
		return -1
	}
	best, bestN := -1, 0
	for gi, g := range gs {
		if len(g.keys) <= len(c.keys) {
			continue
		}
		gt := groupType(st, g)
		switch {
		case gt == news.Person && compatible(c, gt) && hasSuffix(g.keys, c.keys):
		case gt == news.Organization && compatible(c, gt) && !c.acronym && len(c.keys) > 1 && hasSuffix(g.keys, c.keys):
		case c.acronym && st.initials(gs[gi]) == c.keys[0]:
		default:
			continue
		}
		best = gi
		bestN++
	}
	if bestN == 1 {
		return best
	}
	if bestN > 1 {
		// several people share the surname: take the nearest one named
		// before the mention.
		nearest, nd := -1, int(^uint(0)>>1)
		for gi, g := range gs {
			if groupType(st, g) == news.Person && len(g.keys) > len(c.keys) && hasSuffix(g.keys, c.keys) {
				for _, ci := range g.cands {
					if d := c.s - st.cands[ci].s; d >= 0 && d < nd {
						nearest, nd = gi, d
					}
				}
			}
		}
		return nearest
	}
	// First name alone ("Lucian notes") of exactly one person.
	if len(c.keys) == 1 && compatible(c, news.Person) {
		if _, ok := st.r.first[c.keys[0]]; ok {
			n, found := 0, -1
			for gi, g := range gs {
				if len(g.keys) > 1 && g.keys[0] == c.keys[0] && groupType(st, g) == news.Person {
					n++
					found = gi
				}
			}
			if n == 1 {
				return found
			}
		}
	}
	return -1
}

// compatible reports whether candidate c may join a group of type gt: a
// type from weak evidence (a preposition, a verb) may be overruled.
func compatible(c *cand, gt string) bool { return !c.strong || c.typ == "" || c.typ == gt }

// groupType is a group's type while groups are still being built.
func groupType(_ *state, g *group) string { return g.typ() }

// initials returns the lower-case initials of a group's first candidate
// ("North Atlantic Treaty Organization" -> "nato").
func (st *state) initials(g *group) string {
	if len(g.cands) == 0 {
		return ""
	}
	c := &st.cands[g.cands[0]]
	var b strings.Builder
	for _, t := range c.toks {
		if !t.cap {
			continue
		}
		rn, _ := utf8.DecodeRuneInString(t.key)
		b.WriteRune(rn)
	}
	return b.String()
}

func hasSuffix(full, short []string) bool {
	if len(short) == 0 || len(short) >= len(full) {
		return false
	}
	off := len(full) - len(short)
	for i, s := range short {
		if full[off+i] != s {
			return false
		}
	}
	return true
}

// PersonAt returns the person entity one of whose mentions covers byte
// offset off of a.Body().
func (r *Recognizer) PersonAt(a *news.Article, off int) (news.Entity, bool) {
	e, ok := EntityAt(a, off)
	if !ok || e.Type != news.Person {
		return news.Entity{}, false
	}
	return e, true
}

// EntityAt returns the entity (of any type) one of whose mentions covers
// byte offset off of a.Body().
func EntityAt(a *news.Article, off int) (news.Entity, bool) {
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if m.Start <= off && off < m.End {
				return e, true
			}
		}
	}
	return news.Entity{}, false
}

// PersonNamed returns the person of a an incomplete name refers to: the
// same name, or a person whose name ends with it ("Tillerson" -> "Rex
// Tillerson"). A name matching several people is ambiguous: false.
func (r *Recognizer) PersonNamed(a *news.Article, name string) (news.Entity, bool) {
	want := nameKeys(name)
	if len(want) == 0 {
		return news.Entity{}, false
	}
	var found news.Entity
	n := 0
	for _, e := range a.Entities {
		if e.Type != news.Person {
			continue
		}
		k := nameKeys(e.Name)
		if equalKeys(k, want) {
			return e, true
		}
		if hasSuffix(k, want) {
			found = e
			n++
		}
	}
	return found, n == 1
}

// nameKeys returns the normalised words of a name: lower case, possessive,
// initials and "al-" dropped.
func nameKeys(name string) []string {
	var out []string
	for _, sp := range text.Tokens(name) {
		w := strings.ToLower(strings.ReplaceAll(name[sp.Start:sp.End], "’", "'"))
		w = strings.TrimSuffix(w, "'s")
		if utf8.RuneCountInString(w) == 1 && sp.End < len(name) && name[sp.End] == '.' {
			continue
		}
		for _, p := range [...]string{"al-", "el-"} {
			if strings.HasPrefix(w, p) && len(w) > len(p) {
				w = w[len(p):]
			}
		}
		out = append(out, w)
	}
	return out
}

func equalKeys(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Gender returns "f" or "m" when the first name of name is typically
// female or male, "" when unknown or shared. A title in front ("Ms.
// Zakharova", "Mr. Peskov") decides.
func (r *Recognizer) Gender(name string) string {
	ks := nameKeys(name)
	for _, k := range ks {
		switch {
		case r.femaleRoles[k]:
			return "f"
		case r.maleRoles[k]:
			return "m"
		case r.roles[k] || r.roleMods[k] || r.demonyms[k]:
			continue
		}
		switch r.first[k] {
		case 'f':
			return "f"
		case 'm':
			return "m"
		}
		return ""
	}
	return ""
}

// EntityGender returns the gender hint of an entity: from its role
// ("spokeswoman", "Mrs.") when given, otherwise from its first name.
func (r *Recognizer) EntityGender(e news.Entity) string {
	if e.Type != news.Person {
		return ""
	}
	for _, k := range nameKeys(e.Role) {
		if r.femaleRoles[k] {
			return "f"
		}
		if r.maleRoles[k] {
			return "m"
		}
	}
	return r.Gender(e.Name)
}
