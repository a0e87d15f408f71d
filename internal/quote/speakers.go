package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/entity"
	"github.com/crosscheck/crosscheck/internal/text"

	"github.com/crosscheck/crosscheck/internal/news"
)

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
	if _, poss := text.StripPossessive(d.tok(j)); !poss || j+1 >= hi || d.gapAfter(j) != " " {
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

// collectiveOpener reports whether token j, alone before a reporting verb
// at the sentence start, is a generic noun that speaks as a group ("Police
// say"), not a word that opens a phrase ("After saying", "Meanwhile").
func (d *doc) collectiveOpener(j, lo int) bool {
	lt := strings.ToLower(d.tok(j))
	return d.genericOpener(j, lo) && !prepositions[lt] && !subordinators[lt] && !strings.HasSuffix(lt, "ly")
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

// unnamedBefore finds the noun phrase of an unnamed source ending at token
// j, the word before a reporting verb: "a senior official said" → "a
// senior official"; "The Kestrel governor said" → "The Kestrel governor";
// "Officials said" → "Officials". The phrase is up to four words that may
// be nouns or modifiers (roleWord), opened by a determiner, a quantifier
// or a number ("63 percent"); capitalised modifiers count only under a
// determiner. Without one the head must be a plural ("officials"): a
// singular count noun needs a determiner. ok is false when token j cannot
// head such a phrase (a pronoun, a determiner, a month).
func (d *doc) unnamedBefore(j, lo int) (int, bool) {
	head := d.tok(j)
	if base, _ := text.StripPossessive(strings.ToLower(head)); isPronounSubject(base, base) || determiners[base] || quantifiers[base] {
		return 0, false
	}
	if !roleWord(head) && !d.genericOpener(j, lo) {
		return 0, false
	}
	lower := j // the phrase start over lower-case words only
	for lower-1 >= lo && j-lower < 3 && d.gapAfter(lower-1) == " " && roleWord(d.tok(lower-1)) {
		lower--
	}
	i := lower
	for i-1 >= lo && j-i < 3 && d.gapAfter(i-1) == " " && (roleWord(d.tok(i-1)) || d.nameTok(i-1) && !d.stop(d.tok(i-1))) {
		i--
	}
	if i-1 >= lo && d.gapAfter(i-1) == " " && d.phraseOpener(i-1) {
		return i - 1, true
	}
	if lower-1 >= lo && d.gapAfter(lower-1) == " " && d.phraseOpener(lower-1) {
		return lower - 1, true
	}
	if strings.HasSuffix(head, "s") || lower == j && d.collectiveOpener(j, lo) {
		return lower, true // "Officials said"; a collective noun: "Police say"
	}
	return 0, false
}

// phraseOpener reports whether token i opens a noun phrase: a determiner,
// a quantifier or a number.
func (d *doc) phraseOpener(i int) bool {
	w := strings.ToLower(d.tok(i))
	r, _ := utf8.DecodeRuneInString(w)
	return determiners[w] || quantifiers[w] || unicode.IsDigit(r)
}

// quantifiers open a noun phrase of a group: "most voters", "some aides".
var quantifiers = set("most", "many", "some", "several", "few", "both", "all", "other")

// unnamedAfter finds the noun phrase of an unnamed source after
// "according to": "according to a senior official, …". It takes a
// determiner and up to three further words that may be nouns or
// modifiers; ok is false when none follows.
func (d *doc) unnamedAfter(i, hi int) (int, int, bool) {
	s, j := i, i
	if i < hi && determiners[strings.ToLower(d.tok(i))] && d.gapAfter(i) == " " {
		j++
	}
	e := j
	for e < hi && e-j < 3 && roleWord(d.tok(e)) {
		if d.gapAfter(e) != " " {
			e++
			break
		}
		e++
	}
	if e == j {
		return 0, 0, false
	}
	return s, e - 1, true
}

// unnamedSource is the speaker an unnamed source gives: a definite role
// that one person of the article holds ("the senator", "the Kestrel
// governor" → the entity whose role is "Sen." or "Senator", "Gov."), else the phrase itself ("a senior
// official"), a source of its own kind with no entity type.
func (d *doc) unnamedSource(e *event) (string, string) {
	if e.subj[1] <= e.subj[0] {
		return "", ""
	}
	phrase := d.body[e.subj[0]:e.subj[1]]
	f := strings.Fields(phrase)
	if len(f) >= 2 && strings.EqualFold(f[0], "the") {
		if name := d.roleHolder(f[len(f)-1], e.subj[0]); name != "" {
			return name, news.Person
		}
	}
	return phrase, ""
}

// roleHolder returns the one person entity mentioned before pos whose role
// is the given role noun: "senator" matches "Senator" and the abbreviation
// "Sen."; "" when no person or several hold it.
func (d *doc) roleHolder(noun string, pos int) string {
	noun = strings.ToLower(noun)
	found := ""
	for _, en := range d.a.Entities {
		if en.Type != news.Person || en.Role == "" || len(en.Mentions) == 0 || en.Mentions[0].Start >= pos {
			continue
		}
		if !roleMatches(en.Role, noun) {
			continue
		}
		if found != "" && found != en.Name {
			return ""
		}
		found = en.Name
	}
	if found != "" {
		return found
	}
	// The entity keeps one role; a title written before any mention of the
	// name counts too: "President Reyes …" then "the president said".
	for _, r := range d.runs {
		if r.start >= pos {
			break
		}
		for _, t := range r.titles {
			if !roleMatches(t, noun) {
				continue
			}
			name, _ := d.fullName([2]int{r.start, r.end})
			if found != "" && !entity.SameLastName(found, name) {
				return ""
			}
			if found == "" {
				found = name
			}
		}
	}
	return found
}

// roleMatches reports whether a role recorded on an entity ("Senate
// Majority Leader", "Sen.") names the role noun ("leader", "senator"): its
// last word is the noun, or an abbreviation of it.
func roleMatches(role, noun string) bool {
	f := strings.Fields(strings.ToLower(role))
	if len(f) == 0 {
		return false
	}
	last := f[len(f)-1]
	if last == noun {
		return true
	}
	ab := strings.TrimSuffix(last, ".")
	return ab != last && len(ab) >= 3 && strings.HasPrefix(noun, ab)
}

// unnamed reports whether event ei names an unnamed source ("a senior
// official"): a pronoun after it refers to a named person, not to the
// phrase.
func (d *doc) unnamed(ei int) bool {
	return ei >= 0 && d.events[ei].kind == subjNP
}

// calendarRun reports whether run [s, j] is a lone month or weekday name
// ("In August, …"): a time, never a subject.
func (d *doc) calendarRun(s, j int) bool {
	if s != j {
		return false
	}
	w := strings.ToLower(d.tok(s))
	_, day := text.Weekday(w)
	return text.IsMonth(w) || day
}

// workAuthor finds the author of a work named after "according to": "according
// to a speech Reyes gave", "according to a memo Olsen wrote". The phrase
// ends at token j; a name run follows it, then a lower-case word (the verb
// of the reduced relative clause). ok is false otherwise.
func (d *doc) workAuthor(j, hi int) (int, int, bool) {
	if j+1 >= hi || d.gapAfter(j) != " " {
		return 0, 0, false
	}
	s, e, ok := d.runFwd(j+1, hi)
	if !ok || e+1 >= hi || d.gapAfter(e) != " " || !isLowerStart(d.tok(e+1)) || auxWords[d.tok(e+1)] {
		return 0, 0, false
	}
	return s, e, true
}
