package align

import (
	"strings"

	"github.com/crosscheck/crosscheck/internal/text"
)

// eventClasses group the words news writing uses for one kind of event or
// act, so that paraphrases align ("voted" / "passed", "quit" / "left",
// "killed" / "died") while topical neighbours do not ("requested" /
// "granted", "injured" / "killed"). A value is of an event when a word of
// the event's class stands near it. The lists are general news vocabulary,
// not words of any evaluated story. Regular inflections are added by
// inflect; irregular forms are listed.
var eventClasses = map[string][]string{
	"vote":      {"vote", "pass", "approve", "adopt", "ballot"},
	"debate":    {"debate", "face-off", "faceoff", "showdown"},
	"apology":   {"apologize", "apologise", "apology", "apologies"},
	"depart":    {"leave", "left", "quit", "resign", "resignation", "depart", "departure"},
	"join":      {"join", "hire"},
	"office":    {"serve", "tenure", "seat"},
	"election":  {"primary", "primaries", "election", "runoff", "caucus", "caucuses"},
	"hold":      {"hold", "held", "host", "stage", "convene"},
	"meet":      {"meet", "met", "meeting", "summit", "join"},
	"negotiate": {"talks", "negotiate", "negotiation", "negotiations"},
	"press":     {"conference", "briefing"},
	"speech":    {"speech", "address", "remarks", "spoke", "speak", "spoken"},
	"interview": {"interview"},
	"announce":  {"announce", "announcement", "unveil"},
	"sign":      {"sign", "signing"},
	"hearing":   {"hearing", "testify", "testified", "testimony"},
	"plea":      {"plead", "pled", "plea", "guilty"},
	"sentence":  {"sentence", "sentencing"},
	"arrest":    {"arrest", "detain", "apprehend", "apprehension"},
	"attack":    {"attack", "strike", "struck", "bomb", "bombing", "explosion", "blast", "shooting", "shot", "shoot"},
	"death":     {"die", "died", "dead", "death", "deaths", "kill", "fatal", "fatalities", "lives"},
	"injury":    {"injure", "injuries", "wound", "hurt"},
	"request":   {"request", "demand", "ask", "seek", "sought", "propose", "proposal"},
	"grant":     {"grant", "give", "gave", "given", "award", "allocate", "appropriate"},
	"spend":     {"spend", "spent", "cost", "pay", "paid", "charge", "expense", "expenses", "purchase", "buy", "bought"},
	"raise":     {"raise", "raised", "fundraising", "donate", "donation", "contribution"},
	"veto":      {"veto", "vetoes"},
	"endorse":   {"endorse", "endorsement"},
	"visit":     {"visit", "trip", "tour"},
	"launch":    {"launch"},
	"crash":     {"crash"},
	"protest":   {"protest", "rally", "march", "demonstration"},
	"nominate":  {"nominate", "nomination", "nominee"},
	"win":       {"win", "won", "victory", "defeat", "beat", "beaten"},
	"lose":      {"lose", "lost", "loss"},
	"poll":      {"poll", "survey"},
	"born":      {"born", "birth", "age", "aged", "old"},
	"publish":   {"publish", "issue", "release"},
	"sue":       {"sue", "lawsuit", "suit"},
	"rule":      {"rule", "ruling", "verdict", "decision"},
	"cut":       {"cut", "reduce", "reduction", "slash"},
	"take":      {"take", "took", "taken", "divert", "transfer", "reprogram"},
}

// eventOf maps a lower-cased word to its event classes.
var eventOf = buildEventOf()

func buildEventOf() map[string][]string {
	m := map[string][]string{}
	for class, words := range eventClasses {
		for _, w := range words {
			for _, f := range inflect(w) {
				if !contains(m[f], class) {
					m[f] = append(m[f], class)
				}
			}
		}
	}
	return m
}

// inflect returns w with its regular inflections: plural or third person
// "-s", past "-ed", "-ing" ("vote": votes, voted, voting).
func inflect(w string) []string {
	out := []string{w}
	if strings.ContainsAny(w, "-") {
		return append(out, w+"s")
	}
	stem := w
	if strings.HasSuffix(w, "e") {
		stem = w[:len(w)-1]
		out = append(out, w+"s", w+"d", stem+"ing")
	} else if strings.HasSuffix(w, "y") && len(w) > 3 && !strings.ContainsAny(w[len(w)-2:len(w)-1], "aeiou") {
		out = append(out, w[:len(w)-1]+"ies", w[:len(w)-1]+"ied", w+"ing")
	} else {
		out = append(out, w+"s", w+"ed", w+"ing")
		// Doubled final consonant: "step" -> "stepped", "quit" -> "quitting".
		if n := len(w); n >= 3 && !isVowel(w[n-1]) && isVowel(w[n-2]) && !isVowel(w[n-3]) && !strings.ContainsAny(w[n-1:], "wxy") {
			out = append(out, w+w[n-1:]+"ed", w+w[n-1:]+"ing")
		}
	}
	return out
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// timeWords are the words of time expressions besides month and weekday
// names (text's calendar table): they say when, not what, so two sentences
// sharing them share no content.
var timeWords = wordSet(`today yesterday tomorrow tonight morning afternoon evening night day days week weeks weekend
		month months year years decade ago last next this earlier later early late mid recent recently
		current currently now then since until before after during time times`)

// timeWord reports whether w (lower case) is a word of a time expression:
// one of timeWords, a month name or abbreviation, or a weekday's full name
// (not its abbreviation: "sun", "sat" and "wed" are also words).
func timeWord(w string) bool {
	if timeWords[w] || text.IsMonth(w) {
		return true
	}
	_, day := text.Weekday(w)
	return day && !text.IsDateAbbrev(w)
}

// wordSet is the set of the space-separated words of s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// reportingWords say that something was said, not what: sharing them
// ties nothing.
var reportingWords = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "according": true, "added": true, "stated": true,
	"statement": true, "reported": true, "report": true, "reports": true, "noted": true, "wrote": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "also": true, "would": true, "could": true, "will": true,
	"one": true, "two": true, "three": true, "first": true, "second": true, "new": true, "percent": true,
	"million": true, "billion": true, "thousand": true, "hundred": true,
}

// nounClass folds nouns news writing uses for one thing ("bill",
// "resolution", "measure"), so that two frames naming it differently still
// share it.
var nounClass = buildNounClass()

func buildNounClass() map[string]string {
	m := map[string]string{}
	for class, words := range map[string][]string{
		"=legislation": {"bill", "bills", "resolution", "resolutions", "measure", "measures", "legislation"},
		"=money":       {"money", "funds", "fund", "cash", "dollars"},
		"=people":      {"people", "persons", "individuals"},
	} {
		for _, w := range words {
			m[w] = class
		}
	}
	return m
}
