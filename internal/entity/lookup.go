package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/crosscheck/crosscheck/internal/text"
)

// Word questions for later stages. The quote finder reads its own name
// runs (speakers next to reporting verbs) but asks these of the same tables
// the recogniser uses, so that "Ms.", "spokeswoman" or "Theresa" mean one
// thing everywhere. Words are matched case-insensitively, a final period
// ignored ("Mr." is "mr").

// FirstNameGender returns "f" or "m" when word is a first name given
// mostly to women or to men, "" when it is no known first name or is common
// for both ("Kim", "Pat").
func (r *lexicon) FirstNameGender(word string) string {
	switch r.first[wordKey(word)] {
	case 'f':
		return "f"
	case 'm':
		return "m"
	}
	return ""
}

// TitleGender returns "f" or "m" when word is a title or role that marks a
// woman or a man ("Ms", "Queen", "spokeswoman", "wife"; "Mr", "King",
// "spokesman", "husband"), "" otherwise.
func (r *lexicon) TitleGender(word string) string {
	k := wordKey(word)
	switch {
	case r.femaleRoles[k]:
		return "f"
	case r.maleRoles[k]:
		return "m"
	}
	return ""
}

// IsTitle reports whether word may stand in front of a personal name
// without being part of it: a title or role ("President", "Sen",
// "Spokeswoman"), a role modifier ("Former", "Deputy"), an office qualifier
// ("Foreign", "Prime"; see titleQualifiers), a demonym or party
// adjective ("Russian", "Republican"; not the plural "Republicans", which
// names a group) or a country's abbreviation ("U.S.").
func (r *lexicon) IsTitle(word string) bool {
	k := wordKey(word)
	if r.demonyms[k] {
		return !strings.HasSuffix(k, "s") || !r.demonyms[k[:len(k)-1]]
	}
	return r.roles[k] || r.roleMods[k] || r.titleQual[k] || r.placeAcr[k]
}

// IsNameParticle reports whether word is a particle inside personal names
// ("de", "van", "bin", "al").
func (r *lexicon) IsNameParticle(word string) bool { return r.particles[word] }

// IsFunctionWord reports whether a capitalised word is capitalised only
// because it opens a sentence and never starts a name: function words and
// generic subjects ("But", "Officials"). Calendar words are not included:
// "May" and "Jan" are names too.
func (r *lexicon) IsFunctionWord(word string) bool { return r.function[wordKey(word)] }

// wordKey is the table key of one word: lower case, a final period and
// a possessive dropped.
func wordKey(w string) string {
	w = strings.ToLower(strings.TrimSuffix(w, "."))
	return strings.TrimSuffix(strings.ReplaceAll(w, "’", "'"), "'s")
}

// LastName returns the last word of a name, lower-cased, with quotation
// marks folded and a possessive and edge punctuation removed ("Rex
// Tillerson's" -> "tillerson"); "" for an empty name. Two mentions, or a
// predicted and a gold speaker, that share it may be the same person.
func LastName(name string) string {
	f := strings.Fields(text.FoldQuotes(name))
	if len(f) == 0 {
		return ""
	}
	w := strings.TrimSuffix(f[len(f)-1], "'s")
	w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return strings.ToLower(w)
}

// SameLastName reports whether two names have the same non-empty LastName.
func SameLastName(a, b string) bool {
	la := LastName(a)
	return la != "" && la == LastName(b)
}

// nameKeys returns the normalised words of a name: lower case, possessive,
// initials and "al-" dropped.
func nameKeys(name string) []string {
	var out []string
	for _, sp := range text.Tokens(name) {
		w := foldMarks(strings.ToLower(strings.ReplaceAll(name[sp.Start:sp.End], "’", "'")))
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

// areas are the keys of areaList and of placeAcronyms (dots dropped:
// "us", "uk"), read once.
var areas = func() map[string]bool {
	m := phraseSet(areaList)
	for _, a := range strings.Fields(placeAcronyms) {
		m[strings.ReplaceAll(a, ".", "")] = true
	}
	return m
}()

// IsArea reports whether a place's name is a country, a US state or a
// region (areaList), a place that holds towns: "in Springfield" and "in
// Ohio" may name one place, "in Springfield" and "in Dayton" may not.
func IsArea(name string) bool {
	k := strings.TrimPrefix(strings.ToLower(strings.Join(strings.Fields(name), " ")), "the ")
	k = strings.TrimSuffix(strings.ReplaceAll(k, ". ", " "), ".")
	return areas[k] || areas["the "+k] || !strings.Contains(k, " ") && areas[strings.ReplaceAll(k, ".", "")]
}

// foldMarks drops the accents of w ("bélanger" -> "belanger"), so that a
// name written with and without them has one key.
func foldMarks(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}
