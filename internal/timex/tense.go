package timex

import (
	"strings"

	"github.com/crosscheck/crosscheck/internal/text"
)

// Tense is what the verb governing a temporal expression says about when
// its event lies relative to the publication: past ("said", "appeared",
// "has been"), present ("is", "remains"), or not yet happened (future
// "will", modal "could", "would", present progressive "is running",
// scheduled "is set to").
type Tense int

// Tenses, from governingTense.
const (
	TenseUnknown Tense = iota
	TensePast
	TensePresent
	TenseFuture
)

// String names the tense in test and debug output.
func (t Tense) String() string {
	return [...]string{"unknown", "past", "present", "future"}[t]
}

// sign is the direction of the tense for resolution: -1 past, +1 future,
// 0 present or unknown.
func (t Tense) sign() int {
	switch t {
	case TensePast:
		return -1
	case TenseFuture:
		return 1
	}
	return 0
}

// forward reports whether the event lies after the publication or is
// placed from it onwards: future, or present ("The election is Thursday",
// "the term ends in June": news speaks of scheduled events in the present).
func (t Tense) forward() bool { return t == TenseFuture || t == TensePresent }

// tenseRule classifies token j as the governing verb of an expression (ok)
// and says its tense. Rules are tried in order at each token, nearest
// token first; the first token any rule claims governs the expression.
type tenseRule struct {
	name string
	test func(ts toks, j int) (Tense, bool)
}

// tenseRules are the named rules of governingTense; the table test in
// tense_test.go has rows for each.
var tenseRules = []tenseRule{
	{"modal", ruleModal},
	{"intent", ruleIntent},
	{"conditional", ruleConditional},
	{"scheduled", ruleScheduled},
	{"progressive", ruleProgressive},
	{"perfect", rulePerfect},
	{"past-form", rulePastForm},
	{"present-form", rulePresentForm},
	{"relative-present", ruleRelativePresent},
	{"subject-verb", ruleSubjectVerb},
	{"verb-object", ruleVerbObject},
}

// Tense cue tables.
var (
	// modals put the event after the publication ("will vote", "could
	// imperil", "would retire"), unless followed by "have" ("could have
	// written": past).
	modals = map[string]bool{
		"will": true, "ll": true, "shall": true, "would": true, "could": true, "might": true,
		"can": true, "may": true, "should": true, "must": true, "ought": true, "won": true, "couldn": true, "wouldn": true,
		"shouldn": true,
	}
	// scheduledWords announce a planned event ("is scheduled to", "plans to",
	// "likely to face off", "the upcoming vote").
	scheduledWords = map[string]bool{
		"scheduled": true, "slated": true, "expected": true, "upcoming": true, "plans": true,
		"planned": true, "planning": true, "intends": true, "due": true, "tomorrow": true,
		"next": true, "likely": true, "poised": true,
	}
	// intentVerbs are present-tense verbs of need, wish or resolve: with
	// "to" after them ("needs to refocus", "wants to win", "has to act")
	// the infinitive's event is still to come.
	intentVerbs = map[string]bool{
		"needs": true, "need": true, "wants": true, "want": true, "hopes": true, "hope": true,
		"aims": true, "aim": true, "seeks": true, "seek": true, "vows": true, "vow": true,
		"promises": true, "promise": true, "pledges": true, "pledge": true, "has": true, "have": true,
	}
	// conditionals open a hypothetical clause ("if she were to win").
	conditionals = map[string]bool{"if": true, "unless": true, "suppose": true, "supposing": true}
	// toScheduled are scheduled words only with "to" after them ("is set
	// to", "is going to").
	toScheduled = map[string]bool{"set": true, "going": true, "about": true}
	// beForms are the finite forms of "be".
	beForms = map[string]bool{"is": true, "are": true, "am": true, "was": true, "were": true}
	// haveForms open a perfect ("has been", "had threatened").
	haveForms = map[string]bool{"has": true, "have": true, "had": true, "ve": true}
	// pastForms are irregular past tenses and other past cues.
	pastForms = map[string]bool{
		"said": true, "told": true, "met": true, "was": true, "were": true, "had": true, "did": true,
		"went": true, "came": true, "made": true, "gave": true, "took": true, "saw": true, "held": true,
		"spoke": true, "left": true, "began": true, "won": true, "lost": true, "ran": true, "sent": true,
		"wrote": true, "shot": true, "led": true, "fell": true, "struck": true, "broke": true,
		"became": true, "got": true, "found": true, "thought": true, "knew": true, "brought": true,
		"didn": true, "wasn": true, "weren": true, "hadn": true,
		// Irregular pasts, English's strong and mixed verbs whose past
		// is no present nor (in news) a common noun; "cut", "hit",
		// "put", "set", "read", "let", "cost", "quit", "spread", "shut"
		// (the present too), "bit", "fed", "ground", "lay", "rose", "saw"
		// (kept above), "wound" are left out.
		"ate": true, "arose": true, "awoke": true, "blew": true, "bought": true, "built": true,
		"caught": true, "chose": true, "clung": true, "crept": true, "dealt": true, "drank": true,
		"drew": true, "drove": true, "dug": true, "fled": true, "flew": true, "fought": true,
		"forbade": true, "forgave": true, "forgot": true, "foresaw": true, "froze": true, "grew": true,
		"heard": true, "hid": true, "kept": true, "knelt": true, "lent": true, "meant": true,
		"mistook": true, "overcame": true, "oversaw": true, "overtook": true, "overthrew": true,
		"paid": true, "rang": true, "rebuilt": true, "rode": true, "sang": true, "sank": true,
		"sat": true, "shook": true, "shrank": true, "slept": true, "slid": true, "sold": true,
		"sought": true, "sped": true, "spent": true, "spun": true, "sprang": true, "stole": true,
		"stood": true, "stuck": true, "stung": true, "swam": true, "swept": true, "swore": true,
		"swung": true, "taught": true, "threw": true, "tore": true, "understood": true,
		"undertook": true, "upheld": true, "wept": true, "withdrew": true, "withheld": true,
		"woke": true, "wore": true,
		"ago": true, "earlier": true, "yesterday": true, "last": true, "since": true,
	}
	// participles are irregular past participles that are no past form
	// and do not end in "-en" or "-ed" ("Have you gone"). They are read
	// only in a question's inversion, where the perfect is unmistakable:
	// a declarative present perfect of a result state ("has grown into
	// one of the largest producers in America today") speaks of now, and
	// was left to the present "has" as before.
	participles = map[string]bool{
		"gone": true, "done": true, "known": true, "shown": true, "grown": true, "thrown": true,
		"flown": true, "drawn": true, "begun": true, "sung": true, "swum": true, "drunk": true,
		"sunk": true, "worn": true, "torn": true, "sworn": true, "born": true, "borne": true,
		"hung": true, "withdrawn": true, "overthrown": true,
	}
	// determiners open a noun phrase: a regular "-ed" form right after one
	// is an adjective ("a registered nurse", "the elected officials"), not
	// the clause's verb. "that" is left out: it also opens a clause ("the
	// plan that failed").
	determiners = map[string]bool{
		"a": true, "an": true, "the": true, "his": true, "her": true, "its": true, "their": true,
		"our": true, "my": true, "your": true, "this": true, "these": true, "those": true,
	}
	// presentForms are present-tense finite verbs that news uses of the
	// current state ("is", "remains", "comes a day after").
	presentForms = map[string]bool{
		"is": true, "are": true, "am": true, "remains": true, "remain": true, "comes": true,
		"has": true, "have": true, "continues": true, "stands": true, "seems": true, "faces": true,
		"isn": true, "aren": true, "doesn": true, "don": true, "does": true,
	}
	// scheduleVerbs are present-tense verbs of a scheduled event's course
	// ("the term ends in December", "the session opens Monday", "the
	// rivals meet Monday"): news
	// uses the present simple of them for what is timetabled, so they
	// place the expression as a present form does (from the publication
	// on). After a determiner or a preposition they are nouns, not read.
	scheduleVerbs = map[string]bool{
		"begins": true, "starts": true, "ends": true, "opens": true, "closes": true,
		"expires": true, "resumes": true, "concludes": true, "convenes": true, "meet": true, "meets": true,
	}
	// nounPreps are prepositions after which a schedule word is a noun
	// ("at both ends", "in fits and starts").
	nounPreps = map[string]bool{"of": true, "in": true, "at": true, "on": true, "for": true, "by": true, "with": true}
)

func ruleModal(ts toks, j int) (Tense, bool) {
	w := ts.Word(j)
	if w == "won" && !negated(ts, j) {
		return 0, false // "won" the past of "win", not "won't"
	}
	if !modals[w] || w == "ll" && !ts.Adjacent(j) {
		return 0, false
	}
	if (w == "can" || w == "may") && ts[j].Upper {
		return 0, false
	}
	if h := j + 1; ts.Word(h) == "have" || ts.Word(h+1) == "have" && ts.Word(h) == "not" {
		if ts.Word(h) == "not" {
			h++
		}
		if !mainHave(ts, h) {
			return TensePast, true // "could have written"
		}
		// "will have its last rehearsal", "would have to act": "have" is the
		// main verb, and the modal's time is still to come.
	}
	return TenseFuture, true
}

// mainHave reports whether the "have" at token h after a modal is the
// main verb, not a perfect's auxiliary: an object opens right after it
// (a determiner, a possessive, a pronoun, a quantifier or a number: "will
// have its last rehearsal", "would have a vote", "could have no role") or an
// infinitive ("would have to act", obligation). A participle after it
// ("could have written", "might have put") makes a perfect.
func mainHave(ts toks, h int) bool {
	w := ts.Word(h + 1)
	return objectStarts[w] || haveObjects[w] || ts.Kind(h+1) == text.LexNum
}

// haveObjects open a main verb "have"'s object besides objectStarts, or
// its infinitive.
var haveObjects = map[string]bool{"to": true, "until": true, "till": true, "no": true, "some": true, "any": true, "more": true, "enough": true, "little": true, "much": true, "many": true, "two": true, "three": true}

// ruleIntent: "needs to refocus", "wants to win", "has to act": a
// present-tense verb of need or wish before "to" puts its infinitive
// after the publication.
func ruleIntent(ts toks, j int) (Tense, bool) {
	if !intentVerbs[ts.Word(j)] || ts[j].Upper || ts.Word(j+1) != "to" {
		return 0, false
	}
	return TenseFuture, true
}

// conditionalReach is how many words back from "were to" a conditional
// may open its clause ("if the union were to strike").
const conditionalReach = 5

// ruleConditional: "if she were to win", "unless it were to pass": the
// subjunctive "were to" in a conditional clause speaks of a hypothetical
// event still to come, not of the past.
func ruleConditional(ts toks, j int) (Tense, bool) {
	if ts.Word(j) != "were" || ts.Word(j+1) != "to" {
		return 0, false
	}
	for k, seen := j-1, 0; k >= 0 && seen < conditionalReach && ts[k].Kind != text.LexBreak; k-- {
		if ts[k].Kind != text.LexWord {
			if ts[k].S == "," {
				break
			}
			continue
		}
		seen++
		if conditionals[ts.Word(k)] {
			return TenseFuture, true
		}
	}
	return 0, false
}

func ruleScheduled(ts toks, j int) (Tense, bool) {
	w := ts.Word(j)
	if toScheduled[w] && ts.Word(j+1) == "to" {
		return TenseFuture, true
	}
	if w == "set" && ts.Word(j+1) == "for" && !subjectPronouns[ts.Word(j-1)] && ts.Word(j-1) != "was" && ts.Word(j-1) != "were" && dateAfterFor(ts, j+2) {
		// "a recount set for July 9", "the hearing is set for late
		// Tuesday": a participle of arrangement, as "slated" and
		// "scheduled" are; not "they set for themselves", a passive
		// past ("the table was set for dinner") nor a noun after "for"
		// ("the record set for the race").
		return TenseFuture, true
	}
	if (w == "next" || w == "due" && !beForms[ts.Word(j-1)]) && ts.Word(j+1) == "to" && (w == "next" || determiners[ts.Word(j+2)] || ts.Kind(j+2) == text.LexNum || j+2 < len(ts) && ts[j+2].Upper) {
		// "next to the embassy": a place; "canceled due to the storm",
		// "due to a Nov. 6 snowstorm": a cause ("due to arrive" is a
		// plan, and "was due to the committee on Friday" a term owed)
		return 0, false
	}
	if scheduledWords[w] && !ts[j].Upper {
		if w == "plans" && determiners[ts.Word(j-1)] {
			return 0, false // "unveiled its plans": a noun, not "plans to"
		}
		return TenseFuture, true
	}
	return 0, false
}

// dateAfterFor reports whether a date starts at token k, after an
// optional hedge ("late", "early", "mid"): a month or weekday name, a
// number, or "next", "this", "tomorrow".
func dateAfterFor(ts toks, k int) bool {
	if w := ts.Word(k); w == "late" || w == "early" || w == "mid" {
		k++
		if ts.Is(k, "-") {
			k++
		}
	}
	if k >= len(ts) {
		return false
	}
	w := ts.Word(k)
	_, day := text.Weekday(w)
	return ts[k].Kind == text.LexNum || w == "next" || w == "this" || w == "tomorrow" || (text.IsMonth(w) || day) && ts[k].Upper
}

// ruleProgressive: "is running", "are meeting" (present progressive:
// arranged, not yet happened); "was running" is past.
func ruleProgressive(ts toks, j int) (Tense, bool) {
	if !beForms[ts.Word(j)] && !contractedBe(ts, j) {
		return 0, false
	}
	k := j + 1
	if ts.Word(k) == "not" {
		k++
	}
	if nx := ts.Word(k); len(nx) > 4 && strings.HasSuffix(nx, "ing") && ts.Kind(k) == text.LexWord && !ts[k].Upper {
		switch ts.Word(j) {
		case "was", "were":
			return TensePast, true
		}
		return TenseFuture, true
	}
	return 0, false
}

// rulePerfect: "has been", "had threatened", "have met", "could have
// written": the event is past.
func rulePerfect(ts toks, j int) (Tense, bool) {
	if !haveForms[ts.Word(j)] {
		return 0, false
	}
	k, inverted := j+1, false
	if subjectPronouns[ts.Word(k)] && ts[j].Upper {
		k, inverted = k+1, true // a question's inversion: "Have you gone", "Has it rained"
	}
	if ts.Word(k) == "not" || ts.Word(k) == "already" || ts.Word(k) == "long" {
		k++
	}
	if nx := ts.Word(k); nx == "been" || pastForms[nx] || inverted && participles[nx] || len(nx) > 4 && (strings.HasSuffix(nx, "ed") || strings.HasSuffix(nx, "en")) {
		return TensePast, true
	}
	return 0, false
}

// rulePastForm: "said", "appeared", "was": past, unless a form of "be" or
// "to" before it makes it a passive or infinitive ("will be held", "to be
// signed").
func rulePastForm(ts toks, j int) (Tense, bool) {
	w := ts.Word(j)
	if w == "won" && negated(ts, j) {
		return 0, false
	}
	if !pastForms[w] && !(regularPast(w) && !ts[j].Upper && ts.Kind(j) == text.LexWord) {
		return 0, false
	}
	switch ts.Word(skipAdverbs(ts, j-1)) {
	case "be", "to", "being":
		return 0, false // "will be significantly diminished"
	case "is", "are", "am":
		return 0, false // "are thought to": a present passive; the "be" governs
	}
	if !pastForms[w] && (determiners[ts.Word(j-1)] || nounPreps[ts.Word(j-1)]) {
		// "a registered nurse", "the range of carved masks":
		// an adjective, not a verb (a preposition takes a noun phrase,
		// never a finite verb)
		return 0, false
	}
	if !pastForms[w] && ts.Is(j-1, "-") && ts.Adjacent(j) && ts.Adjacent(j-1) {
		return 0, false // "battery-powered vehicles", "Saudi-led": a compound adjective
	}
	if w == "last" && ts.Word(j+1) != "week" && ts.Word(j+1) != "month" && ts.Word(j+1) != "year" {
		return 0, false // "the last one"
	}
	return TensePast, true
}

// contractedBe reports whether token j is the "m" of "I'm" or the "re"
// of "we're", "you're", "they're": a present "be", as "am" and "are".
func contractedBe(ts toks, j int) bool {
	switch ts.Word(j) {
	case "m", "re":
	default:
		return false
	}
	return (ts.Is(j-1, "'") || ts.Is(j-1, "’")) && ts.Adjacent(j) && ts.Adjacent(j-1) && ts.Kind(j-2) == text.LexWord
}

// beSubject is the token before the "be" at token j: its subject in a
// plain clause, the pronoun of a contraction ("we" of "we're").
func beSubject(ts toks, j int) int {
	if contractedBe(ts, j) {
		return j - 2
	}
	return j - 1
}

// regularPast reports whether w has the regular past's ending: "-ed"
// past four letters ("appeared"; not "need", "shed"), or "-ied" ("died",
// "vied", "tied"); of the words in "-eed" only the pasts of verbs in "-ee"
// (eedPasts).
func regularPast(w string) bool {
	if strings.HasSuffix(w, "eed") {
		return eedPasts[w] // "agreed", not "succeed", "proceed", "speed"
	}
	return len(w) > 4 && strings.HasSuffix(w, "ed") || len(w) == 4 && strings.HasSuffix(w, "ied")
}

// eedPasts are the pasts of verbs in "-ee": every other word in "-eed"
// ("succeed", "proceed", "exceed", "indeed", "speed", "breed") is no
// past.
var eedPasts = map[string]bool{
	"agreed": true, "disagreed": true, "freed": true, "decreed": true, "guaranteed": true,
	"refereed": true, "emceed": true, "teed": true,
}

func rulePresentForm(ts toks, j int) (Tense, bool) {
	if k := skipAdverbs(ts, j-1); modals[ts.Word(k)] || ts.Word(k) == "to" || ts.Word(k) == "t" && modals[ts.Word(k-2)] {
		return 0, false // "would remain", "to have": an infinitive; the modal governs
	}
	if presentForms[ts.Word(j)] && !ts[j].Upper || ts.Word(j) == "is" || contractedBe(ts, j) {
		return TensePresent, true
	}
	if scheduleVerbs[ts.Word(j)] && !ts[j].Upper && scheduleVerbSlot(ts, j) {
		return TensePresent, true // "a course that starts in June and ends some time in December"
	}
	if w := ts.Word(j); (w == "play" || w == "plays") && !ts[j].Upper && scheduleVerbSlot(ts, j) {
		// "The Hawks play Saturday against the Rams": a fixture,
		// when a day's name follows at once (not "plays a role", nor the
		// noun: "the new play Friday" has an adjective before it, so
		// only a name, "they" or a name's parenthesis, "The Hawks
		// (8-2) play Saturday", may stand before the verb).
		if _, ok := text.Weekday(ts.Word(j + 1)); ok && ts[j+1].Upper && j > 0 && (ts[j-1].Upper && ts.Kind(j-1) == text.LexWord || ts.Word(j-1) == "they" || ts.Is(j-1, ")")) {
			return TensePresent, true
		}
	}
	return 0, false
}

// ruleRelativePresent: "The new hatchback, which goes on sale in
// late January", "a singer who lives in Paris": the word right after a
// relative "which" or "who" is the relative clause's verb, so an "-s"
// form there is a present simple (a plural noun cannot stand there: "in
// which cases" has a preposition before "which", not read). "is" and
// "has" are claimed before this by the present-form rule.
func ruleRelativePresent(ts toks, j int) (Tense, bool) {
	w := ts.Word(j)
	if len(w) < 4 || ts[j].Upper || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") {
		return 0, false
	}
	if r := ts.Word(j - 1); r == "that" {
		return thatRelative(ts, j)
	} else if r != "which" && r != "who" {
		return 0, false
	}
	if nounPreps[ts.Word(j-2)] || ts.Word(j-2) == "" && !ts.Is(j-2, ",") {
		return 0, false
	}
	return TensePresent, true
}

// relativeFollowers may follow a subject relative's verb: a preposition,
// a particle or its object ("the tour that stops at the arena", "a law
// that takes effect"); a verb there would make the "-s" word the
// relative's subject ("the plan that officials approved").
var relativeFollowers = map[string]bool{
	"to": true, "from": true, "into": true, "up": true, "out": true, "off": true, "down": true,
	"through": true, "across": true, "around": true, "over": true, "under": true, "about": true,
}

// thatRelative: "a cycling route that passes through the valley on Sept. 18":
// after "that", an "-s" form is a subject relative's present when "that"
// follows a singular noun of a noun phrase (a determiner at most three
// words before it, nothing but lowercase words between: not "says that
// officials", "I think that costs") and a preposition, a particle or an
// object follows the "-s" form.
func thatRelative(ts toks, j int) (Tense, bool) {
	x := ts.Word(j + 1)
	if !nounPreps[x] && !objectStarts[x] && !relativeFollowers[x] {
		return 0, false
	}
	if !nounPhraseHead(ts, j-2) {
		return 0, false
	}
	return TensePresent, true
}

// nounPhraseHead reports whether token n can end a noun phrase: a
// lower-case word that is no verb form, with a determiner at most three
// words before it and only lower-case words that are no verb or
// preposition between ("the new route", "a bill"). A word in "-s" is
// not taken: it may be a present verb after its subject ("the mayor
// admits that", "the report warns that") as well as a plural noun.
func nounPhraseHead(ts toks, n int) bool {
	if w := ts.Word(n); ts.Kind(n) != text.LexWord || ts[n].Upper || strings.HasSuffix(w, "s") || regularPast(w) || pastForms[w] || notVerbs[w] {
		return false
	}
	for k := n - 1; k >= n-3; k-- {
		switch w := ts.Word(k); {
		case determiners[w]:
			return true
		case ts.Kind(k) != text.LexWord || ts[k].Upper || regularPast(w) || pastForms[w] || modals[w] || beForms[w] || haveForms[w] || nounPreps[w]:
			return false
		}
	}
	return false
}

// Finite verbs outside the tables: English marks a clause's finite verb
// by its place, not by a list. Right after a subject pronoun (adverbs
// between) the word is the verb: "she leaves", "it exists", "they
// agree", "we observe"; its tense is the form's (a past form or "-ed" is
// claimed by the past rule before this). A third person "-s" form that
// takes a determiner or an object pronoun at once ("the treasurer presents
// her budget", "the mayor tells the council") is a verb too, when what
// stands before it can be its subject: a name, or a noun after a
// determiner (a plural noun there is the subject's noun phrase itself,
// "the senator's aides", and takes no object right after it).
var (
	// thirdPronouns take the "-s" form; plainPronouns the base form.
	thirdPronouns = map[string]bool{"he": true, "she": true, "it": true}
	plainPronouns = map[string]bool{"i": true, "we": true, "you": true, "they": true}
	// objectStarts open the object of a transitive verb.
	objectStarts = map[string]bool{
		"a": true, "an": true, "the": true, "his": true, "her": true, "its": true, "their": true,
		"our": true, "my": true, "your": true, "him": true, "them": true, "us": true, "me": true,
	}
	// notVerbs are function words that may stand right after a subject
	// pronoun without being its verb ("they both", "we all", "it too").
	notVerbs = map[string]bool{
		"both": true, "all": true, "each": true, "alone": true, "too": true, "either": true,
		"neither": true, "now": true, "then": true, "here": true, "there": true, "and": true,
		"or": true, "but": true, "who": true, "which": true, "that": true, "to": true, "as": true,
		"themselves": true, "himself": true, "herself": true, "itself": true, "ourselves": true,
		"yourself": true, "myself": true, "said": true, "say": true, "says": true, "in": true,
		"at": true, "on": true, "for": true, "of": true, "with": true, "by": true, "from": true,
		"only": true, "even": true, "just": true, "again": true, "once": true, "ever": true,
		"often": true, "usually": true, "sometimes": true, "always": true, "also": true,
	}
)

// relatives open a relative clause as its subject.
var relatives = map[string]bool{"that": true, "which": true, "who": true}

// clauseVerbs are verbs of saying, thinking and showing, which take a
// clause without "that" ("argues the cable was urgent"): what follows
// them is the clause's subject, not their object, and the clause's own
// verb governs a time in it.
var clauseVerbs = map[string]bool{
	"says": true, "argues": true, "claims": true, "insists": true, "notes": true, "believes": true,
	"thinks": true, "warns": true, "adds": true, "suggests": true, "reports": true, "shows": true,
	"finds": true, "writes": true, "explains": true, "knows": true, "hopes": true, "fears": true,
	"feels": true, "admits": true, "acknowledges": true, "predicts": true, "expects": true,
	"estimates": true, "recalls": true, "realizes": true, "realises": true, "contends": true,
	"maintains": true, "alleges": true, "asserts": true, "announces": true, "confirms": true,
	"denies": true, "reveals": true, "indicates": true, "means": true, "agrees": true,
}

// sForm reports whether w looks like a third person present ("leaves",
// "exists", "goes"): "-s", not "-ss", "-us", "-is" nor "'s".
func sForm(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// ruleSubjectVerb: the word right after a subject pronoun (adverbs
// between) is its finite verb; "-s" after "he|she|it", the base form
// after "I|we|you|they", read as a present. Past and "-ed" forms are
// claimed by the past rule first; modals, "be" and "have" by theirs.
func ruleSubjectVerb(ts toks, j int) (Tense, bool) {
	w := ts.Word(j)
	if ts[j].Upper || ts.Kind(j) != text.LexWord || notVerbs[w] {
		return 0, false
	}
	p := skipAdverbs(ts, j-1)
	if a := ts.Word(p - 1); modals[a] || beForms[a] || haveForms[a] || a == "do" || a == "does" || a == "did" {
		return 0, false // a question's inversion, "Have you gone", "Does it matter": the auxiliary governs
	}
	switch s := ts.Word(p); {
	case thirdPronouns[s] && sForm(w):
	case plainPronouns[s] && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ing") && len(w) > 1:
	default:
		return 0, false
	}
	if ts.Is(p+1, "'") || ts.Is(p+1, "’") {
		return 0, false // "it's", "they're": the contraction's verb governs
	}
	return TensePresent, true
}

// ruleVerbObject: a third person "-s" form with its object right after
// it ("the treasurer presents her budget", "the mayor tells the council"),
// after a name or a determiner's noun that can be its subject.
func ruleVerbObject(ts toks, j int) (Tense, bool) {
	w := ts.Word(j)
	if ts[j].Upper || ts.Kind(j) != text.LexWord || !sForm(w) || notVerbs[w] || !objectStarts[ts.Word(j+1)] {
		return 0, false
	}
	if _, unit := unitWords[w]; unit || clauseVerbs[w] {
		return 0, false
	}
	p := skipAdverbs(ts, j-1)
	switch {
	case p > 0 && ts.Kind(p) == text.LexWord && ts[p].Upper && ts.Kind(p-1) != text.LexBreak:
		// a name, not the sentence's first word
	case ts.Kind(p) == text.LexWord && !ts[p].Upper && determiners[ts.Word(p-1)] && !strings.HasSuffix(ts.Word(p), "s"):
		// "the mayor tells"
	case relatives[ts.Word(p)] && ts.Kind(p-1) == text.LexWord:
		// "a sport that still keeps the village lively"
	default:
		return 0, false
	}
	return TensePresent, true
}

// scheduleVerbSlot reports whether the schedule word at token j is a
// verb: not after a determiner or a preposition ("both ends of", "at
// both ends"), nor joined by "and"/"or" to a plural noun ("fits and
// starts", "odds and ends"); joined to another schedule verb it is one
// ("begins and ends").
func scheduleVerbSlot(ts toks, j int) bool {
	p := ts.Word(j - 1)
	if determiners[p] || nounPreps[p] || p == "both" {
		return false
	}
	if p == "and" || p == "or" {
		q := ts.Word(j - 2)
		return scheduleVerbs[q] || !strings.HasSuffix(q, "s")
	}
	return true
}

// tenseReach bounds the search for the governing verb, in words (not
// punctuation): before the expression (nearest first), then after it.
const (
	tenseBack    = 14
	tenseForward = 10
	deferReach   = 6
)

// governingTense finds the verb governing the expression at token i: the
// nearest token before it in the sentence that a tense rule claims, else
// the nearest after it. It returns the tense and the rule's name ("" when
// none claims a token).
//
// A parenthetical relative clause (", who is gay and married last year,")
// is passed over, and its words do not count against the reach: its verb
// says when its own event happened, not the expression's. Passing a
// deferring conjunction ("until") renews the reach once.
func governingTense(ts toks, i int) (Tense, string) {
	t, name, _ := governing(ts, i)
	return t, name
}

// governing is governingTense with the index of the governing token (-1
// when none).
func governing(ts toks, i int) (Tense, string, int) {
	if j, ok := nounInfinitive(ts, i); ok {
		return TenseFuture, "infinitive", j
	}
	aside := asides(ts, i)
	if frontedAfterCoordinator(ts, i) {
		if t, name, j := tenseAt(ts, i, aside); name != "" {
			return t, name, j
		}
	}
	seen, extended := 0, false
	for j := i - 1; j >= 0 && (seen < tenseBack || !extended && seen < tenseBack+deferReach); j-- {
		if ts[j].Kind == text.LexBreak {
			break
		}
		if aside[j] || ts[j].Kind != text.LexWord {
			continue
		}
		seen++
		if seen <= tenseBack && complementizer(ts, j) && weekdayToken(ts, i) {
			// "believed that the rain on Thursday would save the crop":
			// the expression stands in a content clause before its
			// verb, which dates it, not the verb the clause completes
			if t, name, k := tenseAt(ts, i, aside); name != "" {
				return t, name, k
			}
		}
		if seen <= tenseBack {
			if t, name := classify(ts, j); name != "" && !cleftCopula(ts, j, i) {
				if attributiveSchedule(ts, name, j) {
					// "dropped a planned concert Saturday":
					// the adjective tells the noun's plan; a finite
					// verb further back governs the clause, unless
					// the noun phrase is the subject of a verb after
					// it ("said the scheduled launch Friday will go
					// ahead")
					if ft, fname, fj := tenseAt(ts, i, aside); fname != "" {
						return ft, fname, fj
					}
					if bt, bname, bj := governingBefore(ts, i, j, seen, aside); bname != "" {
						return bt, bname, bj
					}
				}
				return t, name, j
			}
		} else if ts.Word(j) == "to" && !aside[j-1] {
			// An infinitive takes its time from the verb of plan or need
			// it completes, however long its own phrase ("is expected to
			// argue for a reform of ... in her weekly speech on Tuesday").
			if t, name := classify(ts, j-1); name == "scheduled" || name == "intent" {
				return t, name, j - 1
			}
		}
		if deferring[ts.Word(j)] && !extended && !adverbialOnce(ts, j) {
			seen, extended = 0, true
		}
	}
	t, name, j := tenseAt(ts, i, aside)
	if name != "" && coordinators[ts.Word(j-1)] {
		// The verb ahead opens a coordinated predicate ("might sell the
		// two ferries to a rival line before October and hinted that
		// ..."), with its own tense: the expression belongs to the
		// first conjunct, whose verb may stand further back than the
		// window.
		if bt, bname, bj := governingFar(ts, i, aside); bname != "" {
			return bt, bname, bj
		}
	}
	return t, name, j
}

// complementizer reports whether the "that" at token j opens a content
// clause: a verb stands right before it ("said that", "were hoping
// that", "believes that"), not a noun (a relative: "the plan that").
func complementizer(ts toks, j int) bool {
	if ts.Word(j) != "that" || ts.Kind(j-1) != text.LexWord || ts[j-1].Upper {
		return false
	}
	w := ts.Word(j - 1)
	if clauseVerbs[w] || w == "said" || w == "say" || w == "says" {
		return true
	}
	if _, name := classify(ts, j-1); name == "past-form" || name == "present-form" || name == "subject-verb" {
		return !determiners[ts.Word(j-2)]
	}
	return len(w) > 4 && strings.HasSuffix(w, "ing") && beForms[ts.Word(skipAdverbs(ts, j-2))]
}

// attributiveSchedule reports whether token j, claimed by the rule
// named name, is a scheduled word used as an adjective: right after a
// determiner ("a planned concert", "the upcoming match").
func attributiveSchedule(ts toks, name string, j int) bool {
	if name != "scheduled" || !determiners[ts.Word(j-1)] || j < 2 || ts.Kind(j-2) != text.LexWord {
		return false
	}
	// Only a noun phrase that is the object of the verb right before it
	// ("canceled a scheduled stop"): after a reporting verb's subject
	// ("said the scheduled launch Friday will go ahead") the plan is the
	// clause's own.
	_, verb := classify(ts, j-2)
	return verb != ""
}

// governingBefore goes on with governing's backward search from token
// j (exclusive), seen words already counted, for a verb other than an
// attributive scheduled word.
func governingBefore(ts toks, i, j, seen int, aside map[int]bool) (Tense, string, int) {
	for k := j - 1; k >= 0 && seen < tenseBack; k-- {
		if ts[k].Kind == text.LexBreak {
			break
		}
		if aside[k] || ts[k].Kind != text.LexWord {
			continue
		}
		seen++
		if t, name := classify(ts, k); name != "" && !cleftCopula(ts, k, i) && !attributiveSchedule(ts, name, k) {
			return t, name, k
		}
	}
	return TenseUnknown, "", -1
}

// coordinators join two predicates of one subject ("declared ... and
// suggested").
var coordinators = map[string]bool{"and": true, "but": true, "or": true}

// farBack bounds the backward search of governingFar.
const farBack = 2 * tenseBack

// governingFar is the backward search of governing beyond its window, up
// to farBack words and never past a break, a comma, "that" or another
// coordinator (the conjunct's own start): the verb of the first of two
// coordinated predicates.
func governingFar(ts toks, i int, aside map[int]bool) (Tense, string, int) {
	seen := 0
	for j := i - 1; j >= 0 && seen < farBack; j-- {
		if ts[j].Kind == text.LexBreak || ts.Is(j, ",") || ts.Is(j, ";") {
			break
		}
		if aside[j] || ts[j].Kind != text.LexWord {
			continue
		}
		seen++
		if w := ts.Word(j); w == "that" || coordinators[w] {
			break
		}
		if t, name := classify(ts, j); name != "" && !cleftCopula(ts, j, i) {
			return t, name, j
		}
	}
	return TenseUnknown, "", -1
}

// nounInfinitive reports whether the expression at token i follows an
// infinitive ("to air Tuesday", "to be shown on Tuesday") that no verb of
// its own clause governs (back to a comma or the sentence's start) and
// that a noun stands right before: the infinitive then post-modifies the
// noun ("an interview with the network to air Tuesday morning", "In an
// interview, to be shown on Tuesday, he said"), naming an event still
// planned, as "the vote set for Tuesday" does. An infinitive after a
// verb ("went to Boston to see her Tuesday") is governed by that verb.
// A preposition "to" is no infinitive: the word after it must be a base
// form (a participle after "to be"), not a name, a plural noun, a
// pronoun or a determiner ("a statement to reporters Monday", "a trip to
// Boston Monday"); and an adjective, "in order" or a participle before
// "to" is no noun ("Unable to attend Monday", "Speaking to reporters
// Monday"). It returns the "to".
func nounInfinitive(ts toks, i int) (int, bool) {
	k := i - 1
	switch ts.Word(k) {
	case "on", "at":
		k--
	}
	if ts.Kind(k) != text.LexWord || ts.Word(k-1) == "" {
		return 0, false
	}
	to := k - 1
	if ts.Word(to) == "be" {
		to--
		if v := ts.Word(k); ts[k].Upper || !regularPast(v) && !pastForms[v] && !participles[v] {
			return 0, false
		}
	} else if !baseForm(ts, k) {
		return 0, false
	}
	if ts.Word(to) != "to" || !infinitiveNoun(ts, to) {
		return 0, false
	}
	for j := to - 1; j >= 0 && ts[j].Kind != text.LexBreak && !ts.Is(j, ","); j-- {
		if _, name := classify(ts, j); name != "" {
			return 0, false
		}
	}
	return to, true
}

// infinitiveTakers are adjectives and ordinals that take an infinitive
// without being nouns ("a player unable to attend", "the first to vote").
var infinitiveTakers = map[string]bool{
	"able": true, "unable": true, "likely": true, "unlikely": true, "ready": true, "eager": true,
	"willing": true, "unwilling": true, "due": true, "set": true, "poised": true, "free": true,
	"keen": true, "anxious": true, "happy": true, "glad": true, "sure": true, "certain": true,
	"bound": true, "about": true, "enough": true, "too": true, "first": true, "last": true,
	"next": true, "only": true, "order": true,
}

// baseForm reports whether token k may be an infinitive's verb: a
// lowercase word that is no pronoun, determiner, function word, plural
// noun ("to reporters"), gerund ("to talking") or "-ed" form.
func baseForm(ts toks, k int) bool {
	w := ts.Word(k)
	switch {
	case ts[k].Upper || len(w) < 2:
		return false
	case objectStarts[w] || subjectPronouns[w] || determiners[w] || notVerbs[w] || nounPreps[w]:
		return false
	case sForm(w) || regularPast(w) || strings.HasSuffix(w, "ing"):
		return false
	}
	return true
}

// infinitiveNoun reports whether a noun stands right before the "to" at
// token to (a comma between: "In an interview, to be shown"): a name
// inside the sentence, or a lowercase noun with a determiner at most
// three words before it ("a game", "the new show"), which no adjective,
// participle or adverb takes the place of.
func infinitiveNoun(ts toks, to int) bool {
	n := to - 1
	if ts.Is(n, ",") {
		n--
	}
	w := ts.Word(n)
	if ts.Kind(n) != text.LexWord || w == "" {
		return false
	}
	if ts[n].Upper {
		// A name, not a sentence's first word ("Unable", "Speaking").
		return n > 0 && ts[n-1].Kind == text.LexWord && !ts.Is(n-1, ",")
	}
	if infinitiveTakers[w] || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") || regularPast(w) || pastForms[w] || participles[w] {
		return false
	}
	for j := n - 1; j >= n-3 && j >= 0; j-- {
		switch v := ts.Word(j); {
		case determiners[v]:
			return true
		case ts.Kind(j) != text.LexWord || ts[j].Upper || nounPreps[v] || notVerbs[v]:
			return false
		}
	}
	return false
}

// subjectPronouns open a clause as its subject.
var subjectPronouns = map[string]bool{"i": true, "we": true, "you": true, "he": true, "she": true, "they": true, "it": true}

// frontedAfterCoordinator reports whether the expression at token i is
// an adverbial fronted in a coordinated clause: "and" or "but" right
// before it (a preposition or two between: "and from March onward"),
// a subject pronoun right after it ("onward", "on" or a comma between):
// "went in search of old letters and from March onward she will post
// them online". It belongs to the clause the pronoun opens, not to the
// first clause's verb, so that clause's verb, after it, governs.
func frontedAfterCoordinator(ts toks, i int) bool {
	k := i - 1
	for n := 0; n < 2 && (nounPreps[ts.Word(k)] || ts.Word(k) == "from" || ts.Word(k) == "since"); n++ {
		k--
	}
	if w := ts.Word(k); w != "and" && w != "but" {
		return false
	}
	for j := i + 1; j <= i+4 && j < len(ts); j++ {
		switch w := ts.Word(j); {
		case subjectPronouns[w]:
			return true
		case w == "onward" || w == "onwards" || w == "on" || ts.Is(j, ","):
		case ts.Kind(j) == text.LexWord && j == i+1 && dayParts[w]:
		default:
			return false
		}
	}
	return false
}

// cleftCopula reports whether token j is the "is" or "was" of a cleft or
// an extraposed subject ("It is because of the floods that the council
// on Monday hired ...", "It was clear that on Friday the board would vote") with
// the "that" between it and the expression at token i: the expression
// belongs to the that-clause, whose own verb governs it.
func cleftCopula(ts toks, j, i int) bool {
	if w := ts.Word(j); w != "is" && w != "was" || ts.Word(j-1) != "it" {
		return false
	}
	for k := j + 1; k < i; k++ {
		if ts.Word(k) == "that" {
			return true
		}
	}
	return false
}

// presentPerfect reports whether the governing token j, claimed by the
// rule named name, is a present perfect: "has" or "have" opening it
// ("has apologized"), or its participle after them ("apologized" in "has
// already apologized"); not "had".
func presentPerfect(ts toks, name string, j int) bool {
	switch {
	case j < 0:
		return false
	case name == "past-form":
		j = skipAdverbs(ts, j-1)
	case name != "perfect":
		return false
	}
	switch ts.Word(j) {
	case "has", "have", "ve":
		return true
	}
	return false
}

// deferring are the conjunctions whose clause takes its time from the
// clause it depends on ("won't be printed until the panel signs it
// during its session in October"): its own verb is a present standing for
// the future, so when none of its words governs the expression the search
// goes on into the main clause with a fresh reach. The conjunction is
// looked for up to deferReach words beyond the reach.
var deferring = map[string]bool{"until": true, "till": true, "unless": true, "once": true}

// adverbialOnce reports whether the "once" at token j is the adverb
// ("once again", "at once", "more than once"), not the conjunction.
func adverbialOnce(ts toks, j int) bool {
	if ts.Word(j) != "once" {
		return false
	}
	switch ts.Word(j + 1) {
	case "again", "more":
		return true
	}
	switch ts.Word(j - 1) {
	case "at", "than":
		return true
	}
	return false
}

// tenseAt is the tense of the nearest token after i (in the sentence,
// at most tenseForward away, asides not counted) that a rule claims, with
// the rule's name and the token's index (-1 none).
func tenseAt(ts toks, i int, aside map[int]bool) (Tense, string, int) {
	seen := 0
	for j := i + 1; j < len(ts) && seen < tenseForward; j++ {
		if ts[j].Kind == text.LexBreak {
			break
		}
		if aside[j] || ts[j].Kind != text.LexWord {
			continue
		}
		seen++
		if ts.Word(j) == "that" && (seen == 1 || seen == 2 && dayParts[ts.Word(i+1)]) && weekdayToken(ts, i) {
			// "the promise Sunday that the team will win": a "that" right
			// after the expression opens the complement of the word
			// before it, which the expression modifies; the
			// complement's verb tells its own time. Only for a weekday:
			// "today" before such a clause ("tell today that the law
			// is ...") takes the nowadays reading from it.
			break
		}
		if relatives[ts.Word(skipAdverbs(ts, j-1))] {
			// "On Thursday, an aide who opposes the bill resigned": a
			// relative clause after the expression tells its own
			// noun's time, not the clause's that holds the expression
			continue
		}
		if t, name := classify(ts, j); name != "" {
			return t, name, j
		}
	}
	return TenseUnknown, "", -1
}

// weekdayToken reports whether token i is a weekday's name.
func weekdayToken(ts toks, i int) bool {
	_, ok := text.Weekday(ts.Word(i))
	return ok && ts[i].Upper
}

// asideReach bounds the tokens searched for the parenthetical clauses
// around an expression.
const asideReach = 40

// asides marks the tokens of the parenthetical relative clauses of
// token i's sentence near it that do not hold it: from a comma followed
// by "who" or "which" to the next comma, which must close the clause
// (the clause must be an aside, with the sentence going on after it).
func asides(ts toks, i int) map[int]bool {
	var out map[int]bool
	lo := i
	for lo > 0 && lo > i-asideReach && ts[lo-1].Kind != text.LexBreak {
		lo--
	}
	for j := lo; j < len(ts) && j < i+asideReach && ts[j].Kind != text.LexBreak; j++ {
		relative := ts.Word(j+1) == "who" || ts.Word(j+1) == "which"
		if ts[j].S != "," || !relative && !appositiveAt(ts, j) {
			continue
		}
		end := -1
		for k := j + 2; k < len(ts) && k < j+asideReach && ts[k].Kind != text.LexBreak; k++ {
			if ts[k].S == "," {
				end = k
				break
			}
		}
		if end < 0 || i > j && i < end {
			continue // not closed, or holds the expression
		}
		if !relative && !verbless(ts, j+1, end) {
			continue // "Smith, the mayor said, ...": a clause, not an aside
		}
		if out == nil {
			out = map[int]bool{}
		}
		for k := j + 1; k < end; k++ {
			out[k] = true
		}
		j = end - 1
	}
	return out
}

// appositiveAt reports whether the comma at token j opens an appositive
// noun phrase after a name ("Ann Lee, the chief of the city's board,
// told ..."): a capitalised word before it, a determiner after it. Its
// words up to the next comma are then an aside, so that a fronted
// expression ("At a forum on Friday, Ann Lee, the chief of ..., told")
// reaches the main clause's verb; with no verb in it (verbless), marking
// it hides no verb from the search.
func appositiveAt(ts toks, j int) bool {
	if j == 0 || ts.Kind(j-1) != text.LexWord || !ts[j-1].Upper {
		return false
	}
	switch ts.Word(j + 1) {
	case "the", "a", "an":
		return true
	}
	return false
}

// verbless reports whether no tense rule claims a word of tokens [lo, hi).
func verbless(ts toks, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if _, name := classify(ts, k); name != "" {
			return false
		}
	}
	return true
}

func classify(ts toks, j int) (Tense, string) {
	if ts.Kind(j) != text.LexWord {
		return 0, ""
	}
	for _, r := range tenseRules {
		if t, ok := r.test(ts, j); ok {
			return t, r.name
		}
	}
	return 0, ""
}

// tense is governingTense's direction: +1 future, -1 past, 0 present or
// unknown.
func tense(ts toks, i int) int {
	t, _ := governingTense(ts, i)
	return t.sign()
}

// skipAdverbs returns the index of the first token at or before j that
// is not an adverb between an auxiliary and its verb ("not", "also",
// "still", a word in -ly).
func skipAdverbs(ts toks, j int) int {
	for k := j; k > j-3; k-- {
		switch w := ts.Word(k); {
		case w == "not" || w == "also" || w == "still" || w == "never" || w == "already":
		case len(w) > 4 && strings.HasSuffix(w, "ly") && ts.Kind(k) == text.LexWord:
		default:
			return k
		}
	}
	return j - 3
}

// negated reports whether token j is the first half of a "n't"
// contraction ("didn't", "won't": "didn", "'", "t").
func negated(ts toks, j int) bool {
	return ts.Word(j+2) == "t" && ts.Adjacent(j+1) && ts.Adjacent(j+2)
}
