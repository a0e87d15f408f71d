package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// collectEvents lists the reporting verbs outside quotes with their
// subjects, and resolves every subject to a name in reading order, so that a
// pronoun can refer back to an earlier speaker.
func (d *doc) collectEvents() {
	for k := range d.toks {
		t := d.tok(k)
		if isUpperStart(t) && d.sentence(d.toks[k].Start).Start == d.toks[k].Start {
			t = strings.ToLower(t) // "According to …", "Said Ellis: …"
		}
		if !cueVerbs[t] {
			continue // cue verbs are matched in lower case only: "States" is no verb
		}
		if d.inQuote(d.toks[k].Start) {
			continue
		}
		if t == "according" && !(k+1 < len(d.toks) && d.tok(k+1) == "to") {
			continue
		}
		if d.nounUse(k) || t == "put" && !d.putIt(k) {
			continue
		}
		e := event{cue: k, word: t}
		d.subject(&e)
		d.events = append(d.events, e)
	}
	d.dashEvents()
	d.claimEvents()
	sort.SliceStable(d.events, func(i, j int) bool { return d.events[i].cue < d.events[j].cue })
	for i := range d.events {
		d.resolve(i)
	}
}

// claimEvents adds the speaker of a claim named by a noun: "Reyes's claim
// that there were “thousands of votes”", "his warning that …". The
// possessor, a name or his/her, is the speaker of what the that-clause
// quotes; the noun alone ("the claim that …") names no one.
func (d *doc) claimEvents() {
	for k := 1; k+1 < len(d.toks); k++ {
		if !claimNouns[d.tok(k)] || d.tok(k+1) != "that" || d.gapAfter(k) != " " || d.inQuote(d.toks[k].Start) {
			continue
		}
		lo := d.tokAt(d.sentence(d.toks[k].Start).Start)
		// The possessor stands before the noun, over up to two modifiers:
		// "Trump's debate interjection that".
		for p := k - 1; p >= lo && p >= k-3 && d.gapAfter(p) == " "; p-- {
			t := d.tok(p)
			if lt := strings.ToLower(t); lt == "his" || lt == "her" {
				g := genderMale
				if lt == "her" {
					g = genderFemale
				}
				d.events = append(d.events, event{cue: k, word: d.tok(k), kind: subjPronoun, pronoun: g, subj: [2]int{d.toks[p].Start, d.toks[p].End}})
				break
			}
			if _, poss := text.StripPossessive(t); poss && d.nameTok(p) {
				if i, ok := d.runBack(p, lo); ok {
					d.events = append(d.events, event{cue: k, word: d.tok(k), kind: subjName, subj: [2]int{d.toks[i].Start, d.toks[p].End}})
				}
				break
			}
			if !roleWord(t) {
				break
			}
		}
	}
}

// dashEvents adds an attribution by dash after a closing mark, as in
// vox-pop lists: `“Trump must stop …” ― Carla Sanchez`.
func (d *doc) dashEvents() {
	for _, st := range d.str {
		pEnd := d.paras[st.para][1]
		if st.close >= pEnd {
			continue
		}
		rest := strings.TrimLeft(d.body[st.close:pEnd], " \u00a0")
		dash := ""
		for _, p := range []string{"―", "—", "–", "--", "-"} {
			if strings.HasPrefix(rest, p) {
				dash = p
				break
			}
		}
		if dash == "" {
			continue
		}
		k := d.tokAt(pEnd - len(rest) + len(dash))
		hi := d.tokAt(pEnd)
		if s, j, ok := d.runFwd(k, hi); ok && s == k {
			d.events = append(d.events, event{cue: k, word: "—", kind: subjName, subj: [2]int{d.toks[s].Start, d.toks[j].End}})
		}
	}
	// A statement set off by dashes right after its speaker's name:
	// `including Ana Wu -- “It is disqualifying …” -- and …`.
	for _, st := range d.str {
		if !sentenceStart(d.body[st.start:st.end]) {
			continue
		}
		pre := strings.TrimRight(d.body[d.paras[st.para][0]:st.open], " \u00a0")
		dash := ""
		for _, p := range []string{"--", "—", "–"} {
			if strings.HasSuffix(pre, " "+p) || strings.HasSuffix(pre, "\u00a0"+p) {
				dash = p
				break
			}
		}
		if dash == "" {
			continue
		}
		end := len(strings.TrimRight(pre[:len(pre)-len(dash)], " \u00a0")) + d.paras[st.para][0]
		j := d.tokAt(end) - 1
		lo := d.tokAt(d.sentence(st.open).Start)
		if j < lo || d.toks[j].End != end {
			continue
		}
		if i, ok := d.runBack(j, lo); ok && !d.calendarRun(i, j) {
			d.events = append(d.events, event{cue: i, word: "—", kind: subjName, subj: [2]int{d.toks[i].Start, d.toks[j].End}})
		}
	}
}

// subject finds the subject of the reporting verb e.cue:
//   - a name or pronoun just before it, over auxiliaries ("Trump also
//     said", "she told"), or across an apposition ("Dmitry Peskov, the
//     Kremlin spokesman, said");
//   - after it: "said Maria Zakharova", "according to Tass";
//   - the subject of the clause for "... and said".
func (d *doc) subject(e *event) {
	k := e.cue
	sent := d.sentence(d.toks[k].Start)
	lo := d.tokAt(sent.Start)
	// Names run on over a sentence split after an abbreviation ("said
	// Del. Stacey Plaskett"), so look forward to the paragraph end.
	hi := d.tokAt(d.paras[d.paraOf(d.toks[k].Start)][1])
	if e.word == "according" {
		if k+2 < hi {
			if s, j, ok := d.nameAfter(k+2, hi); ok {
				e.kind, e.subj = subjName, [2]int{d.toks[s].Start, d.toks[j].End}
				return
			}
			e.kind = subjNP
			if i, jj, ok := d.unnamedAfter(k+2, hi); ok {
				e.subj = [2]int{d.toks[i].Start, d.toks[jj].End}
				if s, j, ok := d.workAuthor(jj, hi); ok {
					e.kind, e.subj = subjName, [2]int{d.toks[s].Start, d.toks[j].End}
				}
			}
		}
		return
	}
	if strings.HasSuffix(e.word, "ing") && k > lo && d.participleClause(k) {
		// "Clinton chimed in on Twitter, saying …": the clause's subject.
		if i, jj, ok := d.clauseSubject(k); ok {
			e.kind, e.subj = subjName, [2]int{d.toks[i].Start, d.toks[jj].End}
			return
		}
		if i, jj, ok := d.mainSubject(k); ok && d.gapAfter(k-1) == ", " {
			e.kind, e.subj = subjName, [2]int{d.toks[i].Start, d.toks[jj].End}
			return
		}
		if f := d.clauseStart(k); f < k && isPronounSubject(strings.ToLower(d.tok(f)), d.tok(f)) {
			e.kind, e.subj, e.pronoun = subjPronoun, [2]int{d.toks[f].Start, d.toks[f].End}, pronouns[strings.ToLower(d.tok(f))]
			return
		}
	}
	j := k - 1
	for n := 0; j >= lo && n < 3 && isAux(d.tok(j)) && d.gapAfter(j) == " "; n++ {
		j--
	}
	g := ""
	if j >= lo {
		g = d.gapAfter(j)
		if j+1 < len(d.toks) && strings.Contains(g, ")") {
			// Skip a parenthesis: "Rep. Gwen Moore (D-Wis.) said".
			end := d.toks[j+1].Start
			if p := strings.LastIndexByte(d.body[d.toks[lo].Start:end], '('); p >= 0 {
				p += d.toks[lo].Start
				if jj := d.tokAt(p) - 1; jj >= lo && strings.TrimSpace(d.body[d.toks[jj].End:p]) == "" {
					j, g = jj, " "
				}
			}
		}
	}
	if j >= lo {
		t := d.tok(j)
		lt := strings.ToLower(t)
		switch {
		case g == " " && isPronounSubject(lt, t):
			e.kind, e.subj, e.pronoun = subjPronoun, [2]int{d.toks[j].Start, d.toks[j].End}, pronouns[lt]
			return
		case g == " " || g == ", " || g == " -- " || g == " — ":
			if g != " " {
				// "Scott Pruitt, the attorney general of Oklahoma, one of
				// the states suing, said": the name opening the clause.
				if i, jj, ok := d.clauseName(k); ok {
					e.kind, e.subj = subjName, [2]int{d.toks[i].Start, d.toks[jj].End}
					return
				}
			}
			if i, ok := d.runBack(j, lo); ok && g != " -- " && g != " — " {
				if s, jj, ok := d.ofOrgPerson(i, lo); ok && g == " " {
					i, j = s, jj
				}
				e.kind, e.subj = subjName, [2]int{d.toks[i].Start, d.toks[j].End}
				return
			}
			if g == ", " {
				// Apposition: "Dmitry Peskov, the Kremlin spokesman, said".
				for m := j - 1; m >= lo && m >= j-8; m-- {
					if gm := d.gapAfter(m); gm == ", " {
						if i, ok := d.runBack(m, lo); ok && !d.calendarRun(i, m) {
							e.kind, e.subj = subjName, [2]int{d.toks[i].Start, d.toks[m].End}
							return
						}
						break
					}
				}
			}
			if g == " " && lt != "and" && lt != "but" && lt != "as" && lt != "that" && lt != "who" && (isLowerStart(t) || d.genericOpener(j, lo)) {
				e.kind = subjNP // "officials said", "a source said", "Students asked"
				if i, ok := d.unnamedBefore(j, lo); ok {
					e.subj = [2]int{d.toks[i].Start, d.toks[j].End}
				}
			}
		}
	}
	// After the verb: "said Maria V. Zakharova", "said President Trump".
	if (e.kind == subjNone || e.kind == subjNP && d.gapAfter(j) != " ") && k+1 < hi && d.gapAfter(k) == " " {
		t := d.tok(k + 1)
		if s, j, ok := d.nameAfter(k+1, hi); ok {
			e.kind, e.subj = subjName, [2]int{d.toks[s].Start, d.toks[j].End}
			return
		}
		if lt := strings.ToLower(t); pronouns[lt] != genderUnknown && (lt == "he" || lt == "she") {
			e.kind, e.subj, e.pronoun = subjPronoun, [2]int{d.toks[k+1].Start, d.toks[k+1].End}, pronouns[lt]
			return
		}
	}
	if e.kind == subjNone {
		if i, jj, ok := d.clauseName(k); ok {
			e.kind, e.subj = subjName, [2]int{d.toks[i].Start, d.toks[jj].End}
			return
		}
	}
	// "He quoted two writers ... and said": the subject of the clause.
	if e.kind == subjNone && j >= lo {
		if lt := strings.ToLower(d.tok(j)); lt == "and" || lt == "but" || lt == "then" {
			f := lo
			for f < j && d.stop(d.tok(f)) && !isPronounSubject(strings.ToLower(d.tok(f)), d.tok(f)) {
				f++
			}
			if t := d.tok(f); isPronounSubject(strings.ToLower(t), t) {
				e.kind, e.subj, e.pronoun = subjPronoun, [2]int{d.toks[f].Start, d.toks[f].End}, pronouns[strings.ToLower(t)]
				return
			}
			if s, jj, ok := d.runFwd(f, j); ok && f == lo {
				e.kind, e.subj = subjName, [2]int{d.toks[s].Start, d.toks[jj].End}
			}
		}
	}
}

// isPronounSubject reports whether t is a subject pronoun (he, she, they,
// it; "I" and "we" are the quoted speaker's own voice and never a tag).
func isPronounSubject(lt, t string) bool {
	switch lt {
	case "he", "she", "they", "it":
		return true
	}
	return false
}

// resolve fills the name of event i. A pronoun refers, in order of
// preference, to: an earlier named subject of a reporting verb in the same
// sentence; the most recent earlier speaker of a compatible gender within a
// few paragraphs; the most recent person named within two paragraphs.
func (d *doc) resolve(i int) {
	e := &d.events[i]
	if e.resolved {
		return
	}
	e.resolved = true
	switch e.kind {
	case subjName:
		e.name, e.typ = d.fullName(e.subj)
	case subjNP:
		e.name, e.typ = d.unnamedSource(e)
	case subjPronoun:
		if e.pronoun == genderUnknown {
			if strings.EqualFold(d.body[e.subj[0]:e.subj[1]], "it") {
				e.name, e.typ = d.itReferent(e.subj[0])
			}
			return // they: left unresolved
		}
		e.name, e.typ = d.pronounReferent(e.subj[0], e.pronoun, i)
	}
}

// itReferent finds the organisation "it" at pos refers to: the first name
// of its sentence, before it and outside quotes, when that name is no
// person ("The council condemned the test, which it called “…”"). "" when
// the sentence names none first.
func (d *doc) itReferent(pos int) (string, string) {
	sent := d.sentence(pos)
	for _, r := range d.runs {
		if r.start >= pos {
			break
		}
		if r.start < sent.Start || r.start < d.datelineEnd() || d.inQuote(r.start) {
			continue
		}
		name, typ := d.fullName([2]int{r.start, r.end})
		if r.person || typ == news.Person || d.personLike(name) {
			return "", ""
		}
		return name, typ
	}
	return "", ""
}

// compatible reports whether a name of gender g can be the referent of a
// pronoun of gender p; strict refuses unknown gender for "she".
func compatible(p, g int, strict bool) bool {
	switch p {
	case genderMale:
		return g != genderFemale
	case genderFemale:
		if strict {
			return g == genderFemale
		}
		return g != genderMale
	}
	return true
}

// pronounReferent finds the person a pronoun at pos refers to; before is
// the index of the pronoun's own event (only earlier events are used).
func (d *doc) pronounReferent(pos, g, before int) (string, string) {
	sent := d.sentence(pos)
	para := d.paraOf(pos)
	for _, strict := range []bool{true, false} {
		// An earlier reporting verb of the same sentence.
		for i := before - 1; i >= 0; i-- {
			e := d.events[i]
			if d.toks[e.cue].Start < sent.Start {
				break
			}
			if e.kind == subjName && e.name != "" && compatible(g, d.genderOf(e.name), strict) {
				return e.name, news.Person
			}
		}
		// The first person named earlier in the same sentence: "Lavrov
		// gave a lecture on what he described as …".
		for _, r := range d.runs {
			if r.start >= pos {
				break
			}
			if r.start < sent.Start || d.inQuote(r.start) {
				continue
			}
			name, _ := d.fullName([2]int{r.start, r.end})
			if (r.person || d.personLike(name)) && compatible(g, d.genderOf(name), strict) {
				return name, news.Person
			}
		}
		// The most recent earlier speaker.
		for i := before - 1; i >= 0; i-- {
			e := d.events[i]
			if d.paraOf(d.toks[e.cue].Start) < para-4 {
				break
			}
			if e.name != "" && e.subj[1] <= pos && compatible(g, d.genderOf(e.name), strict) && (e.typ == news.Person || e.kind == subjPronoun && e.pronoun != genderUnknown || d.personLike(e.name)) {
				return e.name, news.Person
			}
		}
		// The most recent person named.
		if n := d.lastPerson(pos, para-2, g, strict); n != "" {
			return n, news.Person
		}
	}
	return "", ""
}

// personLike reports whether a name is probably a person: a known first
// name, a gender seen in the article, or an entity of type person.
func (d *doc) personLike(name string) bool {
	if d.genderOf(name) != genderUnknown {
		return true
	}
	for _, e := range d.a.Entities {
		if e.Name == name {
			return e.Type == news.Person
		}
	}
	for _, r := range d.runs {
		if r.person && strings.HasSuffix(name, r.toks[len(r.toks)-1]) {
			return true
		}
	}
	return false
}

// lastPerson returns the most recent person mentioned before pos, not
// earlier than paragraph minPara, compatible with gender g.
func (d *doc) lastPerson(pos, minPara, g int, strict bool) string {
	if minPara < 0 {
		minPara = 0
	}
	lo := d.paras[minPara][0]
	if len(d.a.Entities) > 0 {
		best, bestPos := "", -1
		for _, e := range d.a.Entities {
			if e.Type != news.Person || !compatible(g, d.genderOf(e.Name), strict) {
				continue
			}
			for _, m := range e.Mentions {
				if m.End <= pos && m.Start >= lo && m.Start > bestPos && !d.inQuote(m.Start) {
					best, bestPos = e.Name, m.Start
				}
			}
		}
		return best
	}
	for i := len(d.runs) - 1; i >= 0; i-- {
		r := d.runs[i]
		if r.end > pos {
			continue
		}
		if r.start < lo {
			break
		}
		if !r.person || d.inQuote(r.start) {
			continue
		}
		name, _ := d.fullName([2]int{r.start, r.end})
		if compatible(g, d.genderOf(name), strict) {
			return name
		}
	}
	return ""
}

// isAux reports whether t may stand between a subject and its verb: an
// auxiliary or an adverb in -ly ("forcefully told").
func isAux(t string) bool {
	return auxWords[t] || (len(t) > 4 && strings.HasSuffix(t, "ly") && isLowerStart(t))
}

// clauseName finds the name that opens the clause of the verb at token k
// and is followed by a comma or dash: "Peskov, the Kremlin spokesman,
// said"; "“…,” Scott Pruitt, the attorney general, said". The clause opens
// at the sentence start or after the last closing quotation mark before
// the verb.
func (d *doc) clauseName(k int) (int, int, bool) {
	f := d.clauseStart(k)
	if f >= k || k-f > 40 {
		return 0, 0, false
	}
	s, j, ok := d.runFwd(f, k)
	if !ok || d.calendarRun(s, j) || d.introPrep(f) {
		// "In a panel in Ohio, Ana Wu, the director of X, told …": the
		// name after the introductory phrase's comma opens the clause.
		s, j, ok = d.afterIntro(f, k)
	}
	if !ok || j+1 >= k {
		return 0, 0, false
	}
	g := d.gapAfter(j)
	if g != ", " && g != " -- " && g != " — " && g != " (" {
		return 0, 0, false
	}
	return s, j, true
}

// nameAfter finds a name right after a reporting verb, over up to four
// role words: "said Maria Zakharova", "said MSNBC host Chris Matthews" (a
// role between an outlet and a name), "said 9/11 widow Terry Strada",
// "according to conservative talk radio host X".
func (d *doc) nameAfter(i, hi int) (int, int, bool) {
	n := 0
	for i < hi && n < 4 && !d.nameTok(i) && (d.gapAfter(i) == " " || d.gapAfter(i) == "/") {
		t := d.tok(i)
		if r, _ := utf8.DecodeRuneInString(t); !unicode.IsDigit(r) && !roleWord(t) && !(t == "the" && n == 0) {
			return 0, 0, false
		}
		i++
		n++
	}
	s, j, ok := d.runFwd(i, hi)
	if !ok {
		return 0, 0, false
	}
	// "MSNBC host Chris Matthews": an outlet, a role, then the person.
	if j+2 < hi && d.gapAfter(j) == " " && roleWord(d.tok(j+1)) && d.gapAfter(j+1) == " " {
		if s2, j2, ok2 := d.runFwd(j+2, hi); ok2 {
			return s2, j2, true
		}
	}
	return s, j, true
}

// roleWord reports whether a lower-case word may be a role between an
// organisation and a name ("host", "widow", "spokesman").
func roleWord(t string) bool {
	if !isLowerStart(t) {
		return false
	}
	switch t {
	case "in", "on", "at", "to", "from", "with", "during", "after", "before", "a", "an", "the",
		"about", "of", "for", "by", "that", "this", "it", "he", "she", "they", "and", "but", "as", "when", "while", "if":
		return false
	}
	return !auxWords[t] && !cueVerbs[t]
}

// clauseStart returns the first token of the clause holding token k: the
// sentence start or the first token after the last closing quotation mark
// before k, past leading sentence words ("But", "The").
func (d *doc) clauseStart(k int) int {
	pos := d.toks[k].Start
	start := d.sentence(pos).Start
	for _, st := range d.str {
		if st.close > pos {
			break
		}
		if st.close >= start {
			start = st.close
		}
	}
	if end := d.datelineEnd(); start < end && end <= pos {
		start = end // "WASHINGTON -- President Reyes, …, said": no subject
	}
	f := d.tokAt(start)
	for f < k && d.stop(d.tok(f)) && !isPronounSubject(strings.ToLower(d.tok(f)), d.tok(f)) && d.gapAfter(f) == " " {
		f++
	}
	return f
}

// introPrep reports whether token f, the first word of a clause, follows a
// preposition opening it ("In Ohio, …", "After Reyes spoke, …"): a name
// there is inside an introductory phrase, not the subject.
func (d *doc) introPrep(f int) bool {
	return f > 0 && d.gapAfter(f-1) == " " && prepositions[strings.ToLower(d.tok(f-1))] && d.sentence(d.toks[f].Start).Start <= d.toks[f-1].Start
}

// afterIntro returns the name run right after the first comma of the
// clause from token f up to token k, or ok false.
func (d *doc) afterIntro(f, k int) (int, int, bool) {
	for i := f + 1; i < k; i++ {
		if d.gapAfter(i-1) != ", " {
			continue
		}
		s, j, ok := d.runFwd(i, k)
		if !ok || s != i || d.calendarRun(s, j) {
			return 0, 0, false
		}
		return s, j, true
	}
	return 0, 0, false
}

// datelineEnd returns the byte offset just after the dateline that opens
// the body ("WASHINGTON --", as the cleaner found it in a.Dateline), or 0.
// The dateline is a place heading the story, never a clause's subject.
func (d *doc) datelineEnd() int {
	dl := d.a.Dateline
	if dl == "" || !strings.HasPrefix(d.body, dl) {
		return 0
	}
	return len(dl)
}

// clauseSubject returns the first name among the first words of the clause
// of token k: "Democratic presidential nominee Hillary Clinton chimed in".
func (d *doc) clauseSubject(k int) (int, int, bool) {
	f := d.clauseStart(k)
	for i := f; i < k && i < f+6; i++ {
		if !d.nameTok(i) {
			if !isLowerStart(d.tok(i)) || cueVerbs[d.tok(i)] {
				return 0, 0, false
			}
			continue
		}
		if s, j, ok := d.runFwd(i, k); ok {
			if d.calendarRun(s, j) {
				return 0, 0, false // "In August, several groups …, saying"
			}
			if s2, j2, ok2 := d.possessiveRole(j, k); ok2 {
				return s2, j2, true
			}
			if s2, j2, ok2 := d.orgRolePerson(j, k); ok2 {
				return s2, j2, true
			}
			return s, j, true
		}
	}
	return 0, 0, false
}
