package entity

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/news"
)

// cand is one candidate mention.
type cand struct {
	s, e     int
	toks     []tok
	keys     []string // normalised key tokens (no initials, "al-" stripped)
	typ      string
	strong   bool // type from a lexicon, role or head word
	role     string
	attach   bool // may only join an existing group (sentence-initial unknown, headline)
	cueP     bool // a reporting verb follows, or precedes in an inverted attribution
	cueWho   bool // "who" follows: a person or a group of people
	bareAcr  bool // an unknown acronym with no sign of an organisation around it
	the      bool // "the" stands just before: no person's name
	work     bool // the title of a work: quoted alone, or after "album", "film", "book" …
	cueL     bool // a place preposition precedes
	acronym  bool
	firstHit bool // first token is a known first name
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
	if !t.cap || st.r.timeWords[t.key] || st.r.isGreeting(t.key) || isContraction(t.key) || t.upper && st.ticker(t) {
		return false
	}
	if st.r.function[t.key] && !st.r.roles[t.key] && !t.upper {
		return false
	}
	return true
}

// continuesRun reports whether t may extend a run whose last token is prev.
func (st *state) continuesRun(prev, t tok) bool {
	if !t.cap || isContraction(t.key) || t.upper && st.ticker(t) {
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
		} else if k, n := st.speakerLabel(toks); n > 0 {
			// a transcript's speaker label is a cue of speech
			st.add(cand{s: toks[k].s, e: toks[n-1].e, toks: toks[k:n], typ: news.Person, cueP: true})
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
		// "House Ways and Means Committee": two runs joined by "and"
		// into one organisation's name.
		if k := st.orgAfterAnd(toks, i, j); k > j {
			j = k
		} else if k := st.orgCoordinated(toks, i, j); k > j {
			j = k
		}
		st.run(toks, i, j)
		i = j
	}
}

// orgAfterAnd returns where an organisation's name that continues the run
// toks[i:j] past "and" ends ("Ways and Means Committee"), or j.
func (st *state) orgAfterAnd(toks []tok, i, j int) int {
	if j+1 >= len(toks) || toks[j].key != "and" || toks[j].cap || !st.gapJoins(toks[j-1], toks[j]) || !st.gapJoins(toks[j], toks[j+1]) {
		return j
	}
	k := j + 1
	if !st.startsRun(toks[k]) {
		return j
	}
	// the second run ends at its first organisation head ("Means
	// Committee Chairman …" -> "Means Committee")
	// Committee Chairman …" -> "Means Committee"), or before a title
	// ("Means Chairman …" -> "Means")
	titled := false
	for !st.r.orgHeads[toks[k].key] && k+1 < len(toks) && k-j < 4 && st.gapJoins(toks[k], toks[k+1]) && st.continuesRun(toks[k], toks[k+1]) {
		if st.r.roles[toks[k+1].key] {
			titled = true
			break
		}
		k++
	}
	k++
	if !st.r.andJoinsOrg(toks[i:j], toks[j+1:k], titled) {
		return j
	}
	// a name going on past its head word with one more common word
	// ("Oversight and Government Reform"), not into a title or a name
	if !titled && k < len(toks) && st.r.orgHeads[toks[k-1].key] && st.gapJoins(toks[k-1], toks[k]) && st.plainWord(toks[k]) &&
		!(k+1 < len(toks) && toks[k+1].cap && st.gapJoins(toks[k], toks[k+1])) {
		k++
	}
	return k
}

// orgCoordinated returns where an organisation's name that continues the
// run toks[i:j] past a coordination of subjects ends, or j: a name with an
// inner head word ("Center on Budget", "Bureau of Alcohol") goes on with
// ", Word" items and a last "and Word Word" ("Center on Budget and Policy
// Priorities", "Bureau of Alcohol, Tobacco, Firearms and Explosives"),
// when every word coordinated is a capitalised common word: not a name of
// its own (a first name, a place, a known organisation, an acronym, a
// title), so "Bank of Ireland and Belfast Trust" stays two.
func (st *state) orgCoordinated(toks []tok, i, j int) int {
	if !st.innerOrgHead(toks[i:j]) || j >= len(toks) {
		return j
	}
	plain := st.plainWord
	k := j
	for k+1 < len(toks) && st.body[toks[k-1].e:toks[k].s] == ", " && plain(toks[k]) {
		k++
	}
	gap := st.body[toks[k-1].e:toks[k].s]
	if toks[k].key != "and" || toks[k].cap || gap != " " && gap != ", " || k+1 >= len(toks) || st.body[toks[k].e:toks[k+1].s] != " " {
		return j
	}
	e := k + 1
	for e < len(toks) && e-k <= 3 && (e == k+1 || st.body[toks[e-1].e:toks[e].s] == " ") && plain(toks[e]) {
		e++
	}
	if e == k+1 || e < len(toks) && toks[e].cap && st.gapJoins(toks[e-1], toks[e]) {
		return j // nothing coordinated, or a longer name follows
	}
	return e
}

// plainWord reports a capitalised common word that names nothing of its
// own: not a first name, a place, a known organisation, an acronym, a
// title, a demonym, a calendar word or an organisation's head word.
func (st *state) plainWord(t tok) bool {
	r := st.r
	_, first := r.first[t.key]
	return t.cap && !t.upper && !first && !r.places[t.key] && !r.knownOrgs[t.key] && !r.roles[t.key] &&
		!r.function[t.key] && !r.timeWords[t.key] && !r.demonyms[t.key] && !r.orgHeads[t.key]
}

// speakerLabel returns how many opening tokens form a transcript speaker
// label ("PENCE:", "GOV. MIKE PENCE:"): where the name starts after any
// title, and where the label ends (0 when there is none).
func (st *state) speakerLabel(toks []tok) (int, int) {
	n := 0
	for n < len(toks) && n < 4 && (toks[n].upper || toks[n].initial) {
		if n > 0 && !st.gapJoins(toks[n-1], toks[n]) {
			break
		}
		n++
	}
	if n == 0 || !strings.HasPrefix(st.body[toks[n-1].e:], ":") {
		return 0, 0
	}
	if st.r.function[toks[0].key] || st.r.knownOrgs[toks[0].key] || st.r.placeAcr[toks[0].key] || st.headingLabel(toks[:n]) {
		return 0, 0 // "UPDATE:", "NOTE:"
	}
	for _, t := range toks[1:n] {
		if st.r.function[t.key] && !st.r.particles[t.key] {
			return 0, 0 // "TIPS FOR PLANNING:": a heading, not a name
		}
	}
	// drop a leading title ("GOV. MIKE PENCE:")
	_, k := st.role(toks[:n])
	if k >= n {
		return 0, 0
	}
	return k, n
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
	// "Added Gibbs, …": a reporting verb opening the sentence.
	if sentStart && st.r.reportingOpener(toks[i:j]) {
		i++
		sentStart = false
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
	// "Former GOP", "Russian Sergey Lavrov", "Republican U.S.": a
	// modifier or demonym before a first name or a known name.
	for len(rest) > 1 && (r.roleMods[rest[0].key] || r.demonyms[rest[0].key]) {
		_, first := r.first[rest[1].key]
		k2 := joinKeys(rest[1:])
		if !r.roleMods[rest[0].key] && !first && !r.places[k2] && !r.knownOrgs[k2] && !r.placeAcr[k2] && !(len(rest) == 2 && rest[1].upper) {
			break
		}
		rest = rest[1:]
	}
	pieces := st.splitConnectors(rest)
	for pi, p := range pieces {
		// "the Chief Technology Officer for …": the rest of a title,
		// ending with a title word and opening with no first name, is
		// no name.
		if _, first := r.first[p[0].key]; pi == 0 && k > 0 && !first && r.roles[p[len(p)-1].key] {
			continue
		}
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

// workNouns name kinds of works; a capitalised run just after one is the
// work's title ("the album “Winter Vellum”", "his book, The Quiet Orchard").
var workNouns = map[string]bool{"song": true, "songs": true, "single": true, "track": true, "album": true,
	"albums": true, "mixtape": true, "record": true, "film": true, "films": true, "movie": true, "movies": true,
	"show": true, "shows": true, "series": true, "sitcom": true, "book": true, "books": true, "novel": true,
	"memoir": true, "autobiography": true, "play": true, "musical": true, "documentary": true, "game": true,
	"app": true, "poem": true, "painting": true, "opera": true, "debut": true, "sequel": true, "episode": true}

// workTitle reports a candidate that is the title of a work: the whole of
// a quotation (“Copper Lantern,”), or a run that a work noun stands just
// before, at most a determiner, a possessive or a quotation mark between
// ("album, “Winter Vellum,”", "the film The Long Harbour"). Before is the
// index of the token before the candidate in toks, or -1.
func (st *state) workTitle(c *cand, toks []tok, before int) bool {
	post := strings.TrimLeft(st.body[c.e:min(len(st.body), c.e+4)], ",.!?")
	if (strings.HasPrefix(post, "”") || strings.HasPrefix(post, "\"")) && st.titleCaseQuote(c.s) {
		return true
	}
	for b, n := before, 0; b >= 0 && b < len(toks) && n < 3; b, n = b-1, n+1 {
		k := toks[b].key
		if workNouns[k] && !toks[b].cap {
			gap := st.body[toks[b].e:c.s]
			return !strings.ContainsAny(gap, ".;:!?()")
		}
		if k != "the" && k != "a" && k != "his" && k != "her" && k != "their" && k != "its" && k != "new" && k != "latest" && k != "first" && k != "last" && k != "hit" {
			return false
		}
	}
	return false
}

// titleCaseQuote reports whether a quotation opens at most a few words
// before offset s with only capitalised words between (“Copper Lantern”,
// “Take ‘Em Higher”): the quotation is a title, not speech ("“I trust
// Petra Vance”").
func (st *state) titleCaseQuote(s int) bool {
	pre := st.body[max(0, s-40):s]
	q := max(strings.LastIndex(pre, "“"), strings.LastIndex(pre, "\""))
	if q < 0 || strings.ContainsAny(pre[q+1:], "”.!?") {
		return false
	}
	open := pre[q:]
	_, n := utf8.DecodeRuneInString(open)
	for _, w := range strings.Fields(open[n:]) {
		w = strings.TrimLeft(w, "‘'")
		if w == "" {
			continue
		}
		c, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(c) && !unicode.IsDigit(c) {
			return false
		}
	}
	return true
}

// acronymPlural reports capitals with a plural "s" ("ISIs", "CEOs").
func acronymPlural(w string) bool {
	if len(w) < 3 || w[len(w)-1] != 's' {
		return false
	}
	for _, ch := range w[:len(w)-1] {
		if !unicode.IsUpper(ch) {
			return false
		}
	}
	return true
}

// romanNumeral reports a word of Roman numeral letters ("ii", "xiv").
func romanNumeral(k string) bool {
	return strings.Trim(k, "ivxlc") == ""
}

// ticker reports a capitalised word followed by a period and one or two
// capitals ("ODO.N", "LMR.L"): a stock ticker.
func (st *state) ticker(t tok) bool {
	rest := st.body[t.e:]
	if len(rest) < 2 || rest[0] != '.' {
		return false
	}
	n := 0
	for n+1 < len(rest) && rest[n+1] >= 'A' && rest[n+1] <= 'Z' {
		n++
	}
	return n >= 1 && n <= 2 && (n+1 == len(rest) || !unicode.IsLetter(rune(rest[n+1])))
}

// agent reports "by the" just before toks[before+1] ("published by the
// OECD").
func (st *state) agent(toks []tok, before int) bool {
	return before >= 1 && before < len(toks) && toks[before].key == "the" && toks[before-1].key == "by"
}

// placeNouns name kinds of places; "the town of X" makes X a place.
var placeNouns = map[string]bool{"town": true, "city": true, "village": true, "province": true, "region": true,
	"district": true, "county": true, "state": true, "island": true, "suburb": true, "port": true,
	"capital": true, "hamlet": true, "municipality": true, "neighborhood": true, "neighbourhood": true}

// placeNounOf reports a lower-case place noun and "of" just before
// toks[before+1] ("the town of …").
func (st *state) placeNounOf(toks []tok, before int) bool {
	return before >= 1 && before < len(toks) && toks[before].key == "of" && !toks[before-1].cap && placeNouns[toks[before-1].key]
}

// ampersand reports a name that "&" and a capitalised word follow
// ("Hollis Brandt & Co").
func (st *state) ampersand(last tok) bool {
	rest := strings.TrimLeft(st.body[last.e:], " ")
	if !strings.HasPrefix(rest, "&") {
		return false
	}
	c, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest[1:], " "))
	return unicode.IsUpper(c)
}

// hearerVerbs are reporting verbs whose object is the one spoken to
// ("told reporters", "asked Smith"): a name after them is no speaker.
var hearerVerbs = map[string]bool{"told": true, "tells": true, "asked": true, "asks": true,
	"urged": true, "urges": true, "warned": true, "warns": true}

// clauseEnds reports whether a name ending with last, toks[after] the token
// after it, closes its clause: the sentence ends or a comma, dash or
// bracket follows ("…, said Smith." or "said Smith, a spokesman").
func (st *state) clauseEnds(last tok, toks []tok, after int) bool {
	if after >= len(toks) {
		return true
	}
	gap := strings.TrimSpace(st.body[tokEnd(st.body, last):toks[after].s])
	r0, _ := utf8.DecodeRuneInString(gap)
	return gap != "" && strings.ContainsRune(",;:.—–-()", r0)
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
			(end == 0 && (run[m].upper || r.demonyms[run[m].key] || r.placeAcr[run[m].key] || r.places[run[m].key] || r.roleQual[run[m].key] || r.orgHeads[run[m].key] || st.qualifier(run[m])))) {
			if r.roles[run[m].key] || m == 0 && r.pluralRole(run[m].key) {
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
		end = st.innerRole(run)
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

// innerRole returns where a name starts after a title inside run when the
// words before the title are not a title's qualifiers ("Ferris Bay
// President Dana Ruel", "Hope County Council Member Ian Vell": the first
// word is a first name, so role's own scan stops at it), or 0. The name
// is a first name and one or two more words, none an organisation's or a
// place's head word; the title is the last one before it.
func (st *state) innerRole(run []tok) int {
	r := st.r
	for m := len(run) - 3; m >= 1; m-- {
		l := st.longestRole(run, m)
		if l == 0 {
			continue
		}
		rest := run[m+l:]
		if len(rest) < 2 || len(rest) > 3 {
			continue
		}
		if g, ok := r.first[rest[0].key]; !ok || g == 0 {
			return 0
		}
		for _, t := range rest {
			if r.orgHeads[t.key] || r.placeHeads[t.key] || r.connectors[t.key] || r.roles[t.key] {
				return 0
			}
		}
		return m + l
	}
	return 0
}

// adjectiveRoles are titles that, in lower case, are more often adjectives
// or common nouns ("major Internet companies", "chief concern").
var adjectiveRoles = map[string]bool{"major": true, "general": true, "chief": true, "executive": true,
	"host": true, "father": true, "brother": true, "sister": true, "owner": true, "manager": true,
	"chair": true, "dean": true, "justice": true, "speaker": true, "king": true, "queen": true}

// lastPart returns the part of a hyphenated key after its last hyphen.
func lastPart(k string) string {
	if i := strings.LastIndexByte(k, '-'); i >= 0 {
		return k[i+1:]
	}
	return k
}

// qualifier reports a capitalised word that may open a title without being
// a known one ("Oversight Chairman", "City Attorney"): any capitalised word
// that is not a first name. role only keeps it when a title follows.
func (st *state) qualifier(t tok) bool {
	_, first := st.r.first[t.key]
	return t.cap && !first
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
		if st.r.roles[b.String()] || l == 1 && m == 0 && st.r.pluralRole(run[m].key) {
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
		// ("International Agency for Research on Cancer": a name with a
		// head word and a connector already goes on)
		orgLeft := r.orgHeads[run[x-1].key] || r.orgInner[run[start].key] || r.orgHeads[run[start].key] || start < x && st.innerOrgHead(run[start:x])
		// "Hofstra University on Long Island": a place after "on",
		// "in" or "for" is where the organisation is, not its name.
		if orgLeft && k != "of" && st.placeLike(run[x+1:]) {
			orgLeft = false
		}
		if x <= start || orgLeft {
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

// placeLike reports a known place or a name ending in a place head word.
func (st *state) placeLike(p []tok) bool {
	if len(p) == 0 {
		return false
	}
	k := joinKeys(p)
	return st.r.places[k] || st.r.placeHeads[p[len(p)-1].key]
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
		if bt := toks[before]; c.role == "" && !bt.cap && r.roles[pk] && !adjectiveRoles[pk] {
			if g := st.body[bt.e:p[0].s]; g == " " || g == ", " {
				appos = st.body[bt.s:bt.e]
			}
		}
		// "…, said Smith." and "said Smith, a spokesman": an inverted
		// attribution. "said Acme could …" has the name open the
		// reported clause, and "told Quillfeed" names the hearer.
		// ("said, "Wonderful — …": a quotation opens after the verb.)
		if r.personCues[pk] && pk != "who" && pk != "whose" && !hearerVerbs[pk] && strings.TrimSpace(st.body[toks[before].e:p[0].s]) == "" && st.clauseEnds(last, toks, after) {
			c.cueP = true
		}
		if r.placePreps[pk] {
			c.cueL = true
		}
	}
	if after < len(toks) && r.personCues[toks[after].key] && st.gapJoins(last, toks[after]) {
		if k := toks[after].key; k == "who" || k == "whose" {
			c.cueWho = true
		} else {
			c.cueP = true
		}
	}
	if after+1 < len(toks) && toks[after].key == "who" {
		c.cueWho = true
	}
	// "the Rockhounds said", "The Pentagon says": a single name after the
	// article is a team, a body or a building, not a person.
	c.the = before >= 0 && before < len(toks) && toks[before].key == "the" && c.role == ""
	the := len(p) == 1 && c.the
	c.work = st.workTitle(c, toks, before)
	kind := st.kindNoun(c, toks, before, after)
	if kind == kindThing {
		c.work = true
	}
	switch {
	case len(p) == 1 && acronymPlural(st.body[last.s:last.e]):
		// "ISTs", "CEOs": a plural of a term, not an acronym ending in S
	case kind == kindBody && c.role == "":
		// "the rap duo Quell Brant", "Quillmart, a retailer": a body
		c.typ, c.strong = news.Organization, true
	case kind == kindThing && c.role == "":
		// "Lantern Row, an $80 million project", "Vell Hall, a dormitory"
	case c.work && c.role == "" && !c.firstHit:
	case c.role != "" && r.placeAfterTitle(p):
		// "Miss America": a contest, not a person
		c.role = ""
	case c.role != "":
		c.typ, c.strong = news.Person, true
	case st.placeNounOf(toks, before):
		// "the town of Khalil Varosh", "the province of Idlib"
		c.typ, c.strong = news.Place, true
	case r.knownOrgs[key]:
		c.typ, c.strong = news.Organization, true
	case r.publication(p):
		c.typ, c.strong = news.Organization, true
	case r.places[key]:
		c.typ, c.strong = news.Place, true
	case st.corpSuffix(last) || st.jobAt(toks, before):
		// "Wexford Lane, Inc.", "an analyst at Hollis Brandt": a firm
		c.typ, c.strong = news.Organization, true
	case st.residence(toks, before, after) && !r.orgHeads[lastPart(last.key)] && !st.innerOrgHead(p):
		// "Ana Roe, of Upper Tillby, said", "an Upper Tillby man": where
		// someone lives or works, not a person
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
	case len(p) > 1 && (r.nonNames[lastPart(last.key)] && (!c.firstHit || pluralNonName(r, last.key)) || r.nonFirst[p[0].key] || r.thingHeads[last.key]):
		// "Dream Act", "Hurricane Sandy": laws, events and storms
	case len(p) > 1 && (r.placeFirst[p[0].key] || r.compass[p[0].key] && r.places[joinKeys(p[1:])]):
		// "Fort Myers", "San Bernardino", "South Boston"
		c.typ, c.strong = news.Place, true
	case len(p) > 1 && r.orgHeads[lastPart(last.key)]:
		// "St. Louis Post-Dispatch"
		c.typ, c.strong = news.Organization, true
	case r.orgHeads[last.key] && !(len(p) == 1 && !last.upper):
		c.typ, c.strong = news.Organization, true
	case len(p) == 1 && r.orgHeads[last.key] && before >= 0 && toks[before].key == "the" && !toks[before].cap:
		// "the Times wrote", "the Navy said": a capitalised head word
		// standing for its organisation; a generic one ("the
		// Observatory", "the Committee") only for one named in full
		c.typ, c.attach = news.Organization, !standaloneHeads[last.key]
	case len(p) > 2 && r.orgInner[p[0].key] && p[1].key == "of":
		c.typ, c.strong = news.Organization, true
	case len(p) == 1 && last.upper && (hasDigit(last.key) || spelledInLower(st.body, st.body[last.s:last.e])):
		// "M1", "critical flicker frequency (CFF)": a code or a term
		c.attach = true
	case len(p) == 1 && last.upper && romanNumeral(last.key):
		// "II", "XIV": a numeral
	case len(p) == 1 && last.upper && st.ticker(last):
		// "ODO.N", "LMR.L": a stock ticker
	case len(p) == 1 && last.upper && utf8.RuneCountInString(last.key) <= 5:
		c.typ, c.strong, c.acronym = news.Organization, true, true
		// An unknown acronym is an organisation only with a sign of one:
		// a possessive ("QLPA's"), a title or a reporting verb after it
		// ("QLPA chairman", "KXVB reported"), or "by the" before it, the
		// agent of a deed ("published by the OECD"). Terms and tests ("VRN
		// cells", "took the SAT") have none.
		c.bareAcr = !last.poss && !c.cueP && !(after < len(toks) && r.roles[toks[after].key] && st.gapJoins(last, toks[after])) && !st.agent(toks, before)
	case len(p) == 1 && last.upper:
		c.attach = true // a shouted word ("BREAKING")
	case appos != "":
		c.typ, c.strong, c.role = news.Person, true, appos
	case st.afterNickname(p[0].s):
		// William "Tip" Marrack: the quotes cut the name's run, and the
		// surname is the person the first name opens
		c.typ, c.strong = news.Person, true
	case len(p) > 1 && st.ampersand(last):
		// "Hollis Brandt & Co", "Procter & Gamble": a firm
		c.typ = news.Organization
	case len(p) > 1 && c.the:
		// "the Brisco Tahr", "the Kelmont Wharf", "the Quiet Orchard": a
		// person's name takes no article
	case len(p) > 1 && c.firstHit:
		c.typ, c.strong = news.Person, true
	case len(p) == 2 && r.placeNames[p[0].key] && !r.places[p[1].key] && st.personLike(p):
		// "Austin Pelloran", "Jordan Smith": a first name that is also a
		// place, before a surname; a person only with evidence (entities)
		c.typ = news.Person
	case len(p) > 1 && r.places[p[0].key]:
		// "Washington Examiner", "Kansas City Star": a place-named
		// institution
		c.typ = news.Organization
	case len(p) > 1 && st.seenLower(p):
		// "World War II", "Order of Friendship": capitalised common
		// words, no evidence of a name.
	case len(p) > 1 && (r.adjectiveOpening(p) || r.bodyOpening(p)):
		// "Breaking Bad", "Big Question": a title or a phrase; "House
		// Ways": part of a body's name
	case len(p) > 1 && st.personLike(p):
		// a person only if the article gives evidence (entities)
		c.typ = news.Person
	case len(p) > 1:
		c.typ = news.Organization
	case the && c.cueP:
		c.typ = news.Organization
	case the:
	case (c.cueP || c.cueWho) && !r.orgHeads[key] && !st.pluralOfLower(p):
		// ("News said", "Contractors said" are no people)
		c.typ = news.Person
	case c.cueL && !c.firstHit:
		c.typ = news.Place
	}
	if len(p) == 1 && last.upper && utf8.RuneCountInString(last.key) <= 6 {
		c.acronym = true
	}
	// A generic head word alone ("The Observatory said") only joins the
	// organisation named in full (see standaloneHeads).
	if len(p) == 1 && !last.upper && r.orgHeads[last.key] && !standaloneHeads[last.key] {
		c.attach = true
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

// bodyNouns name kinds of organisations; thingNouns kinds of things that
// are neither people nor organisations (works, projects, buildings,
// products, events). kindNoun reads them next to a name.
var (
	bodyNouns = wordSet(`duo trio quartet band group label firm company startup charity network broadcaster station
outlet newspaper magazine tabloid website retailer maker manufacturer carrier airline insurer lender bank chain
brand publisher studio agency nonprofit`)
	thingNouns = wordSet(`project film movie show series sitcom book novel album song single drama comedy thriller
documentary programme program device drug product app game building dormitory hotel restaurant bar park facility
complex street road ship vessel cruiser award prize index bill law treaty festival conference storm hurricane
disease syndrome virus`)
	// appositive nouns that go on into a person's description ("a band
	// member", "a company spokesman")
	compoundPeople = wordSet(`member members staff staffer staffers employee employees worker workers source sources
fan fans owner owners`)
)

// kinds of thing kindNoun tells apart.
const (
	kindNone = iota
	kindBody
	kindThing
)

// kindNoun reads a kind noun next to the candidate c: just before it in
// lower case ("the rap duo Quell Brant", "handbag maker Dara Vell") or
// heading an appositive just after it (", a retailer", ", an $80 million
// project"), unless a possessive, a title or a person noun makes the
// noun part of someone's description ("the company's chief", "a band
// member"). It returns kindBody, kindThing or kindNone.
func (st *state) kindNoun(c *cand, toks []tok, before, after int) int {
	kindOf := func(t tok) int {
		switch {
		case t.cap || t.poss:
			return kindNone
		case bodyNouns[t.key]:
			return kindBody
		case thingNouns[t.key]:
			return kindThing
		}
		return kindNone
	}
	if before >= 0 && before < len(toks) && st.body[toks[before].e:c.s] == " " {
		if k := kindOf(toks[before]); k == kindBody {
			return k // a thing noun before a name is workTitle's
		}
	}
	if after+1 >= len(toks) || st.body[toks[after-1].e:toks[after].s] != ", " {
		return kindNone
	}
	if d := toks[after].key; d != "a" && d != "an" && d != "the" || toks[after].cap {
		return kindNone
	}
	for i := after + 1; i < len(toks) && i <= after+4; i++ {
		t := toks[i]
		if t.cap || t.poss || st.r.roles[t.key] || st.r.function[t.key] || strings.ContainsAny(st.body[toks[i-1].e:t.s], ",.;:()") {
			return kindNone
		}
		k := kindOf(t)
		if k == kindNone {
			continue
		}
		if i+1 < len(toks) && st.body[t.e:toks[i+1].s] == " " && (st.r.roles[toks[i+1].key] || compoundPeople[toks[i+1].key]) {
			return kindNone
		}
		return k
	}
	return kindNone
}

// standaloneHeads are head words that name one body by themselves ("the
// Navy", "the Senate"), unlike generic ones ("the Committee").
var standaloneHeads = wordSet(`army navy senate congress parliament cabinet police marines corps guard`)

// corpSuffix matches a company's legal form (legalForms) after a name
// ("Wexford Lane, Inc.", "Brandt & Sons Ltd", "Kestrel Holdings PLC").
var corpSuffix = regexp.MustCompile(`^(?:’s|'s)?,? (?:` + alternation(legalForms) + `)\b`)

// alternation returns the words of list as a regular expression's
// alternatives, quoted, the longest first.
func alternation(list string) string {
	w := strings.Fields(list)
	slices.SortStableFunc(w, func(a, b string) int { return len(b) - len(a) })
	for i := range w {
		w[i] = regexp.QuoteMeta(w[i])
	}
	return strings.Join(w, "|")
}

// corpSuffix reports a company-form suffix just after the token last.
func (st *state) corpSuffix(last tok) bool {
	return corpSuffix.MatchString(st.body[last.e:min(len(st.body), last.e+20)])
}

// jobWords are the jobs and work verbs that "at" follows before an
// employer ("an analyst at …", "worked at …"): what follows is a firm,
// a school or an agency, never a person.
var jobWords = wordSet(`analyst analysts economist economists strategist strategists executive executives partner
partners director researcher researchers scientist scientists professor professors banker bankers manager managers
engineer engineers employee employees intern interns staffer staffers trader traders student students
worked works work working job jobs`)

// jobAt reports a job word and "at" (and "the") just before
// toks[before+1].
func (st *state) jobAt(toks []tok, before int) bool {
	if before >= 1 && toks[before].key == "the" && !toks[before].cap {
		before--
	}
	return before >= 1 && toks[before].key == "at" && !toks[before].cap && jobWords[toks[before-1].key]
}

// residents are the nouns an "a/an X" place or group opens ("an Upper
// Tillby man", "a Lake Orr resident").
var residents = wordSet(`man woman men women resident residents native natives couple family teen teenager boy girl`)

// residence reports a name that says where someone lives or is from: a
// name, a comma and "of" before it and a comma after it ("Ana Roe, of
// Upper Tillby, said"), or "a"/"an" before it and a resident noun after
// it ("an Upper Tillby man").
func (st *state) residence(toks []tok, before, after int) bool {
	if before < 0 || before >= len(toks) || after >= len(toks) {
		return false
	}
	b := toks[before]
	if b.key == "of" && !b.cap && before >= 1 && toks[before-1].cap && st.body[toks[before-1].e:b.s] == ", " &&
		strings.HasPrefix(st.body[toks[after-1].e:], ",") {
		return true
	}
	return (b.key == "a" || b.key == "an") && !b.cap && residents[toks[after].key] && !toks[after].cap
}

// afterNickname reports whether the text just before offset s is a known
// first name and a nickname of one or two capitalised words in quotation
// marks (`Thomas "Tip" `, `Ana “Nena” `).
func (st *state) afterNickname(s int) bool {
	before := strings.TrimRight(st.body[:s], " ")
	var closeQ string
	for _, q := range []string{`"`, "\u201d"} {
		if strings.HasSuffix(before, q) {
			closeQ = q
		}
	}
	if closeQ == "" || len(before) == len(st.body[:s]) {
		return false
	}
	before = strings.TrimSuffix(before, closeQ)
	open := max(strings.LastIndex(before, `"`), strings.LastIndex(before, "\u201c"))
	if open < 0 || len(before)-open > 30 {
		return false
	}
	nick := strings.Fields(before[open:])
	if len(nick) == 0 || len(nick) > 2 {
		return false
	}
	for _, w := range nick {
		w = strings.TrimLeft(w, "\"\u201c")
		if w == "" || !unicode.IsUpper([]rune(w)[0]) {
			return false
		}
	}
	prev := strings.Fields(before[:open])
	if len(prev) == 0 || !strings.HasSuffix(before[:open], " ") {
		return false
	}
	_, ok := st.r.first[strings.ToLower(prev[len(prev)-1])]
	return ok
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
