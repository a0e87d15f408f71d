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
