package quote

import "strings"

// Speaker rules that read the words around a subject: the person a
// compound subject names, and the subject of the main clause.

// nameHead cuts a subject span to the person it names when a title stands
// inside it: "Ohio Democratic Party Chairman David Pepper" → "David
// Pepper"; "European Council President Donald Tusk" → "Donald Tusk". The
// organisation in front qualifies the title; the speaker is the person
// after it. A span without an inner title, or ending with one, is kept.
func (d *doc) nameHead(span [2]int) [2]int {
	i, j := d.tokAt(span[0]), d.tokAt(span[1])-1
	if j >= len(d.toks) {
		j = len(d.toks) - 1
	}
	for k := j - 1; k > i; k-- {
		if d.title(d.tok(k)) && d.nameTok(k+1) && !d.title(d.tok(k+1)) {
			return [2]int{d.toks[k+1].Start, span[1]}
		}
	}
	return span
}

// mainSubject finds the subject of the main clause for a participle cue
// after a comma when the clause opens with an introductory phrase:
// "During a speech in Ohio, Reyes attacked the plan, saying …" → Reyes.
// The subject is a name run right after a comma, followed by a lower-case
// word that may be a verb. The name just before the participle's comma
// ("… in Iraq and Libya, saying") is an object, never the subject.
func (d *doc) mainSubject(k int) (int, int, bool) {
	f := d.clauseStart(k)
	for i := f + 1; i < k; i++ {
		if d.gapAfter(i-1) != ", " || !d.nameTok(i) {
			continue
		}
		s, j, ok := d.runFwd(i, k)
		if !ok || j+1 >= k || d.gapAfter(j) != " " {
			continue
		}
		if next := d.tok(j + 1); isLowerStart(next) && (roleWord(next) || auxWords[next] || cueVerbs[next]) {
			return s, j, true
		}
	}
	return 0, 0, false
}

// orgRolePerson follows a name run [.., j] to the person its role words
// qualify: "Lake campaign manager Tomas Reyes" → Tomas Reyes. Up to three
// lower-case words stand between, the last of them a title or role the
// entity stage knows ("manager", "spokesman"), so that "Reyes attacked
// Olsen" keeps Reyes. hi bounds the search.
func (d *doc) orgRolePerson(j, hi int) (int, int, bool) {
	k := j + 1
	for ; k < hi && k-j <= 3 && d.gapAfter(k-1) == " " && roleWord(d.tok(k)); k++ {
	}
	if k == j+1 || k >= hi || d.gapAfter(k-1) != " " || !d.lex.IsTitle(d.tok(k-1)) {
		return 0, 0, false
	}
	return d.runFwd(k, hi)
}

// sentenceReferent reports whether event ei is a pronoun resolved to the
// named subject of an earlier reporting verb of its own sentence ("Sen.
// Olsen scolded him: “…,” she said"): that reading beats a quote of the
// paragraph before.
func (d *doc) sentenceReferent(ei int) bool {
	if ei < 0 || d.events[ei].kind != subjPronoun || d.events[ei].name == "" {
		return false
	}
	e := d.events[ei]
	sent := d.sentence(d.toks[e.cue].Start)
	for i := ei - 1; i >= 0 && d.toks[d.events[i].cue].Start >= sent.Start; i-- {
		if d.events[i].kind == subjName && d.events[i].name == e.name {
			return true
		}
	}
	return false
}

// possessiveRole follows a possessive name to the person it qualifies:
// "Reyes's campaign manager Ana Wu" → Ana Wu. Run [s, j] ends with the
// possessive; hi bounds the search. ok is false when no role and name
// follow.
func (d *doc) possessiveRole(j, hi int) (int, int, bool) {
	if _, poss := stripPossessive(d.tok(j)); !poss || j+1 >= hi || d.gapAfter(j) != " " {
		return 0, 0, false
	}
	if d.nameTok(j + 1) {
		return 0, 0, false // "Reyes's Ana Wu": nameAfter wants a role first
	}
	return d.nameAfter(j+1, hi)
}

// ofOrgPerson finds the person a subject names when the run before the
// verb is an organisation after "of": "Mr. Morgan of the Lake Trust said"
// → Mr. Morgan. Run [i, …] is the organisation; the person run before
// "of" (or "of the") needs a title or a known first name, so that "the
// Bank of Lake Trust" stays whole.
func (d *doc) ofOrgPerson(i, lo int) (int, int, bool) {
	k := i - 1
	if k >= lo && d.tok(k) == "the" && d.gapAfter(k) == " " {
		k--
	}
	if k-1 < lo || d.tok(k) != "of" || d.gapAfter(k) != " " || d.gapAfter(k-1) != " " {
		return 0, 0, false
	}
	s, ok := d.runBack(k-1, lo)
	if !ok {
		return 0, 0, false
	}
	person := d.firstNameGender(d.tok(s)) != genderUnknown && s < k-1
	if s-1 >= lo && d.title(d.tok(s-1)) && d.runGapOK(s-1) {
		person = true
	}
	if !person {
		return 0, 0, false
	}
	return s, k - 1, true
}

// genericOpener reports whether token j, the first of its sentence, is a
// capitalised generic subject ("Students asked X, “…”", "Officials
// said"): the group speaks, and a name after the verb is whom it spoke
// to, not the speaker. A determiner is no subject: in "The answers to …
// are" the noun after it is, and "answers" no reporting verb.
func (d *doc) genericOpener(j, lo int) bool {
	t := d.tok(j)
	return j == lo && isUpperStart(t) && d.lex.IsFunctionWord(t) && !openers[t] && !determiners[strings.ToLower(t)]
}

// determiners open a noun phrase and cannot be a subject alone.
var determiners = set("the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "every", "each", "no", "any")

// nounUse reports whether the cue word at token k is a noun, not a verb:
// a form in -s right after a determiner ("one of the states suing", "his
// claims"). A verb never follows an article or a possessive directly;
// a demonstrative may be a subject of its own ("this says a lot").
func (d *doc) nounUse(k int) bool {
	t := d.tok(k)
	if k == 0 || !strings.HasSuffix(t, "s") || d.gapAfter(k-1) != " " {
		return false
	}
	w := strings.ToLower(d.tok(k - 1))
	return determiners[w] && !demonstratives[w]
}

// demonstratives are determiners that may also stand alone as a subject.
var demonstratives = set("this", "that", "these", "those")

// appositionEnd bounds the words of a tag that may not hold a subordinator
// (token first opens the tag, e its reporting verb). For a named subject
// that opens the tag, the apposition after the name is the subject's own
// ("“…,” Ana Wu, the director who founded the group, told X"): only the
// words before the name count. Otherwise every word up to the verb does.
func (d *doc) appositionEnd(e event, first int) int {
	if e.kind != subjName {
		return e.cue
	}
	if s := d.tokAt(e.subj[0]); s >= first && s <= first+3 && e.subj[1] <= d.toks[e.cue].Start {
		return s
	}
	return e.cue
}

// putIt reports whether "put" at token k is the reporting idiom "put it"
// ("As Reyes put it, …"), not the verb of placing.
func (d *doc) putIt(k int) bool {
	return k+1 < len(d.toks) && d.gapAfter(k) == " " && d.tok(k+1) == "it"
}

// participleClause reports whether the participle cue at token k takes the
// subject of its clause rather than the word before it: after a comma
// ("…, saying"), after a preposition or a noun ("despite admitting", "for
// saying", "tweets saying"), or after a sentence word ("Friday saying").
// A name or pronoun right before it is its own subject ("with Reyes
// saying").
func (d *doc) participleClause(k int) bool {
	if d.gapAfter(k-1) != " " {
		return true
	}
	t := d.tok(k - 1)
	if isPronounSubject(strings.ToLower(t), t) {
		return false
	}
	return !d.nameTok(k-1) || d.stop(t)
}

// passive reports whether the cue at token k is a past participle after a
// form of "be", over adverbs ("was widely ridiculed", "is often asked"):
// its subject is the one spoken to or judged, never the speaker.
func (d *doc) passive(k int) bool {
	if !strings.HasSuffix(d.tok(k), "ed") {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-3 && d.gapAfter(j) == " "; j-- {
		t := strings.ToLower(d.tok(j))
		if beForms[t] {
			return true
		}
		if !strings.HasSuffix(t, "ly") {
			return false
		}
	}
	return false
}

// beForms are the forms of "be" that make a participle passive.
var beForms = set("is", "are", "was", "were", "be", "been", "being")
