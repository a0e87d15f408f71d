package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/entity"
	"github.com/crosscheck/crosscheck/internal/news"
)

// Stretch kinds after classification.
const (
	kindDrop = iota
	kindFull
	kindPartial
)

// attribute classifies every stretch, finds its speaker and fills a.Quotes.
func (d *doc) attribute() {
	n := len(d.str)
	kinds := make([]int, n)
	ev := make([]int, n)
	names := make([]string, n)
	types := make([]string, n)
	for i := range d.str {
		ev[i] = -1
		kinds[i] = d.classify(i, kinds)
		if kinds[i] == kindDrop {
			continue
		}
		ev[i] = d.speakerEvent(i, kinds[i])
		if ev[i] >= 0 {
			e := d.events[ev[i]]
			names[i], types[i] = e.name, e.typ
			if e.kind == subjPronoun && e.pronoun != genderUnknown {
				// A pronoun tag continues the previous quote's speaker when
				// compatible: "“…,” Putin said. “…,” he charged."
				if j := d.prevQuote(i, kinds, names); j >= 0 && d.str[j].para >= d.str[i].para-1 && compatible(e.pronoun, d.genderOf(names[j]), false) && !d.sentenceReferent(ev[i]) && !d.unnamed(ev[j]) {
					names[i], types[i] = names[j], types[j]
				}
			}
		}
		if names[i] == "" && kinds[i] == kindFull {
			if j := d.inherit(i, kinds, names); j >= 0 {
				names[i], types[i] = names[j], types[j]
				if ev[i] < 0 {
					ev[i] = ev[j]
				}
			} else if e := d.colonIntro(i); e >= 0 {
				ev[i] = e
				names[i], types[i] = d.events[e].name, d.events[e].typ
			}
		}
		if names[i] == "" && kinds[i] == kindFull {
			names[i], types[i] = d.transcriptLabel(d.str[i])
		}
		if kinds[i] == kindPartial && names[i] == "" {
			if words(d.body[d.str[i].start:d.str[i].end]) <= 2 && ev[i] < 0 {
				// A scare-quoted term with no reporting verb in its
				// sentence; with one ("63 percent said she was
				// “justified”", "the senator said it was “a mistake”")
				// it is a partial quote even when the subject names nobody.
				kinds[i] = kindDrop
			} else if j := i - 1; j >= 0 && d.str[j].para == d.str[i].para && kinds[j] == kindFull && names[j] != "" {
				// A longer fragment right after a full quote in the same
				// paragraph: ''…,'' said X. ''… a tax increase'' for the top.
				names[i], types[i], ev[i] = names[j], types[j], ev[j]
			}
		}
	}
	for i, s := range d.str {
		if kinds[i] == kindDrop {
			continue
		}
		q := news.Quote{
			Text:        d.body[s.start:s.end],
			Speaker:     names[i],
			SpeakerType: types[i],
			Partial:     kinds[i] == kindPartial,
			Start:       s.start,
			End:         s.end,
		}
		if ev[i] >= 0 {
			q.Cue = d.events[ev[i]].word
		}
		d.a.Quotes = append(d.a.Quotes, q)
	}
}

// prevQuote returns the index of the closest earlier kept stretch in the
// same or the previous paragraph that has a speaker, or -1.
func (d *doc) prevQuote(i int, kinds []int, names []string) int {
	for j := i - 1; j >= 0; j-- {
		if d.str[j].para < d.str[i].para-1 {
			return -1
		}
		if kinds[j] != kindDrop && names[j] != "" {
			return j
		}
	}
	return -1
}

// inherit finds the speaker of a full quote with no tag of its own:
//   - an earlier quote of the same paragraph ("“A,” X said. “B.”");
//   - the quote it continues across a paragraph break;
//   - a paragraph that opens with a quote right after a paragraph whose
//     last quote was a full statement with a speaker (the same statement
//     running on).
func (d *doc) inherit(i int, kinds []int, names []string) int {
	s := d.str[i]
	for j := i - 1; j >= 0 && d.str[j].para == s.para; j-- {
		if kinds[j] != kindDrop && names[j] != "" {
			return j
		}
	}
	if !s.openAtParaStr || i == 0 {
		return -1
	}
	j := i - 1
	if d.str[j].para != s.para-1 || kinds[j] != kindFull || names[j] == "" {
		return -1
	}
	if s.contPrev {
		return j
	}
	// The previous quote must end its paragraph's last sentence.
	prevEnd := d.paras[s.para-1][1]
	if strings.TrimSpace(d.body[d.sentence(d.str[j].close).End:prevEnd]) == "" {
		return j
	}
	return -1
}

// colonIntro finds the speaker of a quote opening a paragraph right after
// a paragraph that ends with a colon: "Caddell continued:" / "“…”". It
// returns the last reporting verb with a subject in that paragraph, or -1.
func (d *doc) colonIntro(i int) int {
	s := d.str[i]
	if !s.openAtParaStr || s.para == 0 {
		return -1
	}
	pr := d.paras[s.para-1]
	if !strings.HasSuffix(strings.TrimSpace(d.body[pr[0]:pr[1]]), ":") {
		return -1
	}
	e := d.lastEventIn(pr[0], pr[1])
	if e >= 0 && d.events[e].kind == subjNP {
		return -1
	}
	return e
}

// classify decides whether stretch i is a full statement, a partial quote
// or not a statement (the title of a work, a so-called term).
func (d *doc) classify(i int, kinds []int) int {
	s := d.str[i]
	content := d.body[s.start:s.end]
	lo := d.sentence(s.open).Start
	prevSame := i > 0 && d.str[i-1].para == s.para && d.str[i-1].close >= lo
	if prevSame {
		lo = d.str[i-1].close
		if lo > s.open {
			lo = s.open
		}
	}
	pre := strings.TrimRightFunc(d.body[lo:s.open], unicode.IsSpace)
	w1, w2 := lastWords(pre)
	if w1 == "so-called" || w1 == "so" {
		return kindDrop
	}
	if isWorkTitle(w1, w2, content) {
		return kindDrop
	}
	if s.contPrev {
		if i > 0 && kinds[i-1] != kindDrop {
			return kinds[i-1]
		}
	}
	intro := false
	switch {
	case pre == "" || strings.HasSuffix(pre, "("), strings.HasSuffix(pre, "["):
		intro = true // opens the sentence or paragraph
	case strings.HasSuffix(pre, ":"):
		intro = true // X said: "…"
	case endsSentence(pre):
		intro = true // the segmenter missed a boundary: said. "…"
	case w1 == "including" || w1 == "like" || w1 == "as" && w2 == "such":
		intro = false // things such as, "We …": an example inside the writer's sentence
	case w1 == "that":
		intro = false // X said that "We …", X tweeted that, "We …": the writer's clause holds the quote
	case strings.HasSuffix(pre, ","):
		switch {
		case prevSame && kinds[i-1] == kindFull && d.hasEvent(d.str[i-1].close, s.open):
			intro = true // "…," X said, "…" (a split quote)
		case cueVerbs[w1]:
			intro = sentenceStart(content) // Putin said, "…"; but said, "we were floored.
		case sentenceStart(content) && (endsPunct(content) || !isLowerAfter(d.body, s.close, d.paras[s.para][1])):
			intro = true // In Moscow, "We …"; saying last week, "That makes me smart," when
		}
	case strings.HasSuffix(pre, "--") || strings.HasSuffix(pre, "—") || strings.HasSuffix(pre, "–"):
		intro = sentenceStart(content) // Mitt Romney -- "It is disqualifying …"
	case namingVerbs[w1]:
		intro = false // what it calls “the single-biggest attack”
	case cueVerbs[w1]:
		intro = sentenceStart(content) // X said "We …"; not: reported "2,521 incidents"
	}
	if !intro || d.fragment(s) {
		return kindPartial
	}
	return kindFull
}

// hasEvent reports whether a reporting verb lies in body[a:b].
func (d *doc) hasEvent(a, b int) bool {
	for _, e := range d.events {
		p := d.toks[e.cue].Start
		if p >= a && p < b {
			return true
		}
	}
	return false
}

// fragment reports whether a stretch reads as a fragment of the writer's
// sentence rather than a statement: one or two words with no punctuation
// of their own ("deconfliction"), or a lower-case phrase the sentence runs
// on after ("the irritants" in relations).
func (d *doc) fragment(s stretch) bool {
	content := d.body[s.start:s.end]
	punct := endsPunct(content)
	if punct {
		return false
	}
	if words(content) <= 2 {
		return true
	}
	if innerSentence(content) {
		return false // several sentences are a statement, whatever follows
	}
	return isLowerAfter(d.body, s.close, d.paras[s.para][1])
}

// sentenceStart reports whether a quote's text opens like a sentence: a
// capital letter, or a nested mark or ellipsis before one ("‘It’s boring").
func sentenceStart(t string) bool {
	t = strings.TrimLeft(t, "‘'\"“…. [(")
	return isUpperStart(t)
}

// namingVerbs before a quotation mark name a thing rather than introduce a
// statement: he called it “total political crap”.
var namingVerbs = set("called", "calls", "calling", "dubbed", "dubs", "labeled", "labelled", "termed", "branded", "deemed", "nicknamed", "describing", "described")

// endsPunct reports whether text ends with punctuation of its own, ignoring
// closing single marks: `ladies.’`, `countries,`.
func endsPunct(t string) bool {
	t = strings.TrimRight(t, "’'‘ )")
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".,!?…;:—–-", r)
}

// isLowerAfter reports whether the sentence runs on after a closing mark
// with a lower-case word that is not a reporting tag: `“the irritants” in`.
func isLowerAfter(body string, close, paraEnd int) bool {
	if close >= paraEnd {
		return false
	}
	rest := body[close:paraEnd]
	_, n := utf8.DecodeRuneInString(rest)
	rest = strings.TrimLeftFunc(rest[n:], func(r rune) bool { return unicode.IsSpace(r) || r == '’' || r == '”' || r == '"' })
	if rest == "" {
		return false
	}
	f := strings.FieldsFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(f) == 0 || !isLowerStart(rest) {
		return false
	}
	w := f[0]
	return !cueVerbs[w] && !isPronounSubject(w, w)
}

// endsSentence reports whether text ends a sentence: `.`, `!`, `?`,
// possibly followed by a closing mark.
func endsSentence(t string) bool {
	t = strings.TrimRight(t, "”\"’'»)")
	r, _ := utf8.DecodeLastRuneInString(t)
	return r == '.' || r == '!' || r == '?'
}

// lastWords returns the last two words of text, lower-cased, without
// trailing punctuation.
func lastWords(t string) (w1, w2 string) {
	f := strings.Fields(t)
	clean := func(s string) string {
		return strings.ToLower(strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }))
	}
	if n := len(f); n > 0 {
		w1 = clean(f[n-1])
		if n > 1 {
			w2 = clean(f[n-2])
		}
	}
	return w1, w2
}

// isWorkTitle reports whether a quoted title-case fragment follows a noun
// naming a work: the 1928 satire “The 12 Chairs”, a film called “Sully”.
func isWorkTitle(w1, w2, content string) bool {
	cued := workNouns[w1] || ((w1 == "called" || w1 == "named" || w1 == "dubbed") && (workNouns[w2] || w2 == "a" || w2 == "an" || w2 == "the"))
	return cued && titleCase(content)
}

// titleCase reports whether most words of a short text are capitalised,
// ignoring small words and numbers: "The 12 Chairs", "Gone with the Wind".
func titleCase(t string) bool {
	f := strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	if len(f) == 0 || len(f) > 10 || !isUpperStart(f[0]) {
		return false
	}
	up, all := 0, 0
	for _, w := range f {
		switch strings.ToLower(w) {
		case "a", "an", "the", "of", "and", "in", "on", "to", "for", "with", "at", "by", "or":
			continue
		}
		all++
		if isUpperStart(w) {
			up++
		}
	}
	return all == 0 || up*3 >= all*2
}

// words counts the word tokens of t.
func words(t string) int {
	n, in := 0, false
	for _, r := range t {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w || (in && (r == '\'' || r == '’' || r == '-'))
	}
	return n
}

// speakerEvent finds the reporting verb a stretch belongs to, or -1.
// A full quote looks first right after its closing mark ("…," X said), then
// before its opening mark in the same sentence (X said: "…"); a partial
// quote takes the nearest reporting verb before it in its sentence, then
// the first after it.
func (d *doc) speakerEvent(i int, kind int) int {
	s := d.str[i]
	pEnd := d.paras[s.para][1]
	nextOpen := pEnd
	if i+1 < len(d.str) && d.str[i+1].para == s.para {
		nextOpen = d.str[i+1].open
	}
	after := -1
	if s.close < pEnd {
		sent := d.sentence(s.close)
		hi := sent.End
		if hi < s.close+1 {
			hi = s.close + 1
		}
		if nextOpen < hi {
			hi = nextOpen
		}
		after = d.eventIn(s.close, hi, kind == kindFull)
	}
	lo := d.sentence(s.open).Start
	if i > 0 && d.str[i-1].para == s.para && d.str[i-1].close > lo && d.str[i-1].close <= s.open {
		lo = d.str[i-1].close
	}
	if kind == kindPartial {
		lo = d.sentence(s.open).Start
	}
	before := d.lastEventIn(lo, s.open)
	if before >= 0 && d.events[before].name == "" {
		// "Reyes said it would tell a story of “…”": the verb nearest the
		// quote belongs to a clause whose pronoun names nobody; the
		// reporting verb of the sentence before it gives the speaker.
		if outer := d.lastEventIn(lo, d.toks[d.events[before].cue].Start); outer >= 0 && d.events[outer].name != "" {
			before = outer
		}
	}
	if kind == kindFull {
		if after >= 0 {
			return after
		}
		return before
	}
	if before >= 0 {
		return before
	}
	if after >= 0 {
		return after
	}
	// A partial quote in a sentence of several quotes: any verb of the
	// sentence ("… “committed” to … “avoid confrontation” …, Lavrov said").
	sent := d.sentence(s.open)
	return d.eventIn(s.close, sent.End, false)
}

// eventIn returns the first reporting verb in body[a:b] with a subject,
// preferring a speaking verb over "according to" ("…," Lavrov said,
// according to Tass). With tagOnly the verb must come within the first
// eight words, before any sentence end.
func (d *doc) eventIn(a, b int, tagOnly bool) int {
	first := d.tokAt(a)
	best := -1
	for ei := d.eventFrom(a); ei < len(d.events); ei++ {
		e := d.events[ei]
		p := d.toks[e.cue].Start
		if p < a {
			continue
		}
		if p >= b {
			break
		}
		near := e.cue-first <= 8
		if !near && e.kind == subjName && e.subj[1] <= p {
			// "“…,” Malkia Cyril, the executive director at …, told X":
			// the name opens the tag, the verb comes after an apposition.
			near = d.tokAt(e.subj[0])-first <= 3 && e.cue-first <= 40
		}
		if tagOnly && (!near || strings.ContainsAny(d.body[a:p], ".!?") && !d.isAbbrevOnly(d.body[a:p])) {
			break
		}
		if tagOnly && d.hasSubordinator(first, d.appositionEnd(e, first)) {
			break
		}
		if e.kind == subjNone {
			continue
		}
		if e.word == "according" || e.kind == subjNP {
			if best < 0 || d.events[best].kind == subjNP && e.kind != subjNP {
				best = ei
			}
			continue
		}
		return ei
	}
	return best
}

// hasSubordinator reports whether tokens [i, j) hold a word opening a
// subordinate clause.
func (d *doc) hasSubordinator(i, j int) bool {
	for ; i < j; i++ {
		if subordinators[d.tok(i)] {
			return true
		}
	}
	return false
}

// isAbbrevOnly reports whether every period in t belongs to an initial or an
// abbreviation ("Maria V. Zakharova", "U.S."), not a sentence end.
func (d *doc) isAbbrevOnly(t string) bool {
	if strings.ContainsAny(t, "!?") {
		return false
	}
	for _, f := range strings.Fields(t) {
		if strings.HasSuffix(f, ".") {
			w := strings.TrimRight(f, ".")
			if utf8.RuneCountInString(w) > 1 && !strings.Contains(w, ".") && !d.title(w) {
				return false
			}
		}
	}
	return true
}

// lastEventIn returns the last reporting verb with a subject in body[a:b].
func (d *doc) lastEventIn(a, b int) int {
	best := -1
	for ei := d.eventFrom(a); ei < len(d.events); ei++ {
		e := d.events[ei]
		p := d.toks[e.cue].Start
		if p >= b {
			break
		}
		if p >= a && e.kind != subjNone {
			if e.kind != subjNP || best < 0 || d.events[best].kind == subjNP {
				best = ei
			}
		}
	}
	return best
}

// eventFrom returns the index of the first event whose cue starts at or
// after byte offset a. The events are in cue order, so a binary search
// finds it: scanning them from the first for every quote is quadratic on
// a long input.
func (d *doc) eventFrom(a int) int {
	return sort.Search(len(d.events), func(i int) bool { return d.toks[d.events[i].cue].Start >= a })
}

// innerSentence reports whether t holds a sentence boundary: ". " (or "?",
// "!") followed by a capital letter.
func innerSentence(t string) bool {
	for i := 0; i+2 < len(t); i++ {
		if (t[i] == '.' || t[i] == '?' || t[i] == '!') && t[i+1] == ' ' && isUpperStart(t[i+2:]) {
			return true
		}
	}
	return false
}

// transcriptLabel reads the speaker of a quoted transcript turn from its
// capitalised label, `“WALLACE: Let's start …”`, expanded to the fullest
// name with that surname ("Chris Wallace"); "" when there is no label.
func (d *doc) transcriptLabel(s stretch) (string, string) {
	t := d.body[s.start:s.end]
	i := strings.Index(t, ": ")
	if i < 2 || i > 30 {
		return "", ""
	}
	label := t[:i]
	for _, r := range label {
		if !unicode.IsUpper(r) && r != ' ' && r != '.' && r != '-' && r != '\'' {
			return "", ""
		}
	}
	f := strings.Fields(label)
	last := f[len(f)-1]
	if utf8.RuneCountInString(last) < 2 {
		return "", ""
	}
	_, n := utf8.DecodeRuneInString(last)
	title := last[:n] + strings.ToLower(last[n:])
	for _, r := range d.runs {
		if len(r.toks) > 1 && len(r.toks) <= 3 && entity.SameLastName(r.toks[len(r.toks)-1], label) {
			return d.runSurface(r), news.Person
		}
	}
	return title, ""
}
