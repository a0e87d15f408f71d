package entity

import (
	"strings"
	"unicode"
)

// The rules below correct a candidate's type where its capitals alone
// mislead: greetings and contractions are no names, a heading word before
// a colon is no speaker, a publication's name is an organisation, and a
// common adjective, a title or a plural noun does not make a person.

// greetings open a line of speech or a letter, never a name ("Hi, …",
// "Dear Sir").
const greetings = `hi hello hey dear welcome goodbye bye greetings thanks thank cheers congratulations sorry`

// headingWords stand before a colon as a label of the text, not as a
// speaker ("UPDATE:", "CORRECTION:").
const headingWords = `update updates correction corrections clarification breaking exclusive developing note notes
editor editors advisory warning alert live analysis opinion commentary review recap transcript summary
background context disclosure disclaimer source sources credit credits caption`

// publicationHeads end the name of a newspaper, magazine, site or
// programme ("Vell Report", "Norbury Standard", "Fen Times"), which is
// an organisation even where a verb after it ("… reported") suggests a
// person.
const publicationHeads = `report reports standard times news post journal herald tribune gazette
examiner observer monitor magazine digest dispatch register bulletin courier inquirer enquirer chronicle
telegraph gazette newsletter review daily weekly`

// publicationFirst open the name of a publication ("Daily Mail", "Weekly
// Standard").
const publicationFirst = `daily weekly`

// commonAdjectives are adjectives that open titles of works and phrases
// ("Breaking Bad", "Big Question", "Long Story Short") but no person's
// name; a name opening with one is not taken as a person without other
// evidence.
const commonAdjectives = `big little long short good bad great best worst old young new high low hot cold dark bright
black white red blue green golden silver happy sad true false free open final last next whole real grand
breaking amazing super mega top pure simple modern ancient early late wild strange perfect dear holy sacred
civil public private social national international global local general special common`

// isGreeting reports a word that opens speech or a letter ("Hi", "Dear").
func (r *lexicon) isGreeting(key string) bool { return r.greetings[key] }

// isContraction reports a word with a clitic ("We're", "Don't", "I'll"):
// no part of a name ("O'Neill" is none).
func isContraction(key string) bool {
	key = strings.ReplaceAll(key, "’", "'")
	for _, s := range [...]string{"'re", "'ve", "'ll", "'d", "'m", "n't"} {
		if strings.HasSuffix(key, s) && len(key) > len(s) {
			return true
		}
	}
	return false
}

// headingLabel reports a one-word capital label before a colon that heads
// a paragraph rather than naming a speaker: a heading word ("UPDATE:") or a
// word the article also uses in lower case.
func (st *state) headingLabel(label []tok) bool {
	if len(label) != 1 {
		return false
	}
	k := label[0].key
	return st.r.headings[k] || st.lower[k]
}

// publication reports a name that is a publication or outlet: several
// words, the last a publication head ("Drudge Report") or the first
// "Daily"/"Weekly" ("Daily Caller"), and not a first name followed by a
// surname that happens to be such a word.
func (r *lexicon) publication(p []tok) bool {
	if len(p) < 2 {
		return false
	}
	if _, first := r.first[p[0].key]; first && len(p) == 2 {
		return false
	}
	return r.pubHeads[p[len(p)-1].key] || r.pubFirst[p[0].key]
}

// adjectiveOpening reports a name of several words opening with a common
// adjective that is not a first name ("Big Question", "Breaking Bad"): a
// title or a phrase, not a person.
func (r *lexicon) adjectiveOpening(p []tok) bool {
	if len(p) < 2 {
		return false
	}
	_, first := r.first[p[0].key]
	return !first && r.adjectives[p[0].key]
}

// placeAfterTitle reports a title standing before a place ("Miss America",
// "Miss Delaware Pageant"): a contest or an office, not a person.
func (r *lexicon) placeAfterTitle(p []tok) bool {
	return len(p) > 0 && (r.places[joinKeys(p)] || r.places[p[0].key] || r.placeAcr[p[0].key])
}

// pluralOfLower reports a single capitalised word that is the plural of a
// word the article uses in lower case ("Contractors said" where
// "contractor" is written): a group of people, not a name.
func (st *state) pluralOfLower(p []tok) bool {
	if len(p) != 1 {
		return false
	}
	k := p[0].key
	if !strings.HasSuffix(k, "s") || len(k) < 4 {
		return false
	}
	return st.lower[k[:len(k)-1]] || strings.HasSuffix(k, "es") && st.lower[k[:len(k)-2]]
}

// reportingOpener reports a sentence opening with a reporting verb before
// a name ("Added Gibbs, …", "Said Smith"): the verb is no part of the name,
// unless it is a known first name.
func (r *lexicon) reportingOpener(run []tok) bool {
	if len(run) < 2 || run[0].upper {
		return false
	}
	k := run[0].key
	if _, first := r.first[k]; first {
		return false
	}
	return r.personCues[k] && k != "who" && k != "whose"
}

// pluralRole reports a plural title opening a run before names
// ("Presidents Bush", "Senators Reed and Collins").
func (r *lexicon) pluralRole(key string) bool {
	if len(key) < 4 || !strings.HasSuffix(key, "s") {
		return false
	}
	if _, first := r.first[key]; first {
		return false
	}
	return r.roles[key[:len(key)-1]] && !adjectiveRoles[key[:len(key)-1]]
}

// spelledInLower reports an acronym that the article spells out in lower
// case before it in brackets ("critical flicker frequency (CFF)",
// "nucleus of the hypothalamus (NH)"): a term, not an organisation.
func spelledInLower(body, acr string) bool {
	acr = strings.TrimSuffix(acr, "s")
	pat := "(" + acr + ")"
	for off := 0; ; {
		i := strings.Index(body[off:], pat)
		if i < 0 {
			return false
		}
		if initialsBefore(body[:off+i], strings.ToLower(acr)) {
			return true
		}
		off += i + len(pat)
	}
}

// initialsBefore reports whether the lower-case words ending text spell
// acr by their initials (hyphenated parts count, "of" and "the" are
// skipped).
func initialsBefore(text, acr string) bool {
	letters := []rune(acr)
	words := strings.Fields(text)
	n := len(letters)
	for w := len(words) - 1; w >= 0 && n > 0; w-- {
		word := strings.Trim(words[w], "\"“‘'(")
		if word == "of" || word == "the" || word == "and" || word == "for" || word == "in" {
			continue
		}
		parts := strings.Split(word, "-")
		for p := len(parts) - 1; p >= 0 && n > 0; p-- {
			rs := []rune(parts[p])
			if len(rs) == 0 {
				continue
			}
			if !unicode.IsLower(rs[0]) || rs[0] != letters[n-1] {
				return false
			}
			n--
		}
	}
	return n == 0
}

// hasDigit reports a digit in s ("M1", "G7"): a code, not an organisation.
func hasDigit(s string) bool {
	return strings.IndexFunc(s, unicode.IsDigit) >= 0
}

// andJoinsOrg reports whether a capitalised run, then "and", then a second
// run ending with an organisation head, form one organisation's name
// ("House Ways and Means Committee"), or a second run a title follows when
// the first opens with a body's word ("House Ways and Means Chairman …",
// titled): the first run must not already be a complete organisation
// ("Senate and House committees").
func (r *lexicon) andJoinsOrg(left, right []tok, titled bool) bool {
	if len(left) == 0 || len(right) == 0 {
		return false
	}
	if r.orgHeads[left[len(left)-1].key] || r.knownOrgs[joinKeys(left)] || r.places[joinKeys(left)] {
		return false
	}
	if _, first := r.first[left[0].key]; first {
		return false // "Bill and Hillary Clinton Foundation", "Ann Lee and Bo Lee Trust"
	}
	if r.titledName(left) {
		return false // "Senate Minority Leader Ann Lee and House …": a person, then another
	}
	if titled {
		return r.bodyOpening(left)
	}
	return r.orgHeads[right[len(right)-1].key] && !r.knownOrgs[joinKeys(right)]
}

// titledName reports a title followed by a first name inside p ("Senate
// Minority Leader Ann Lee"): p ends with a person's name.
func (r *lexicon) titledName(p []tok) bool {
	for m := range p {
		var b strings.Builder
		for l := 1; l <= r.roleMax && m+l < len(p); l++ {
			if l > 1 {
				b.WriteByte(' ')
			}
			b.WriteString(p[m+l-1].key)
			if !r.roles[b.String()] {
				continue
			}
			if g, ok := r.first[p[m+l].key]; ok && g != 0 {
				return true
			}
		}
	}
	return false
}

// bodyWords open the name of a legislature's or a government's part
// ("House Ways …", "Senate Finance …").
const bodyWords = `house senate assembly parliament congress council`

// bodyOpening reports a name of several words opening with a body's word
// and no head word of its own ("House Ways"): a fragment of a committee's
// name, never a person.
func (r *lexicon) bodyOpening(p []tok) bool {
	if len(p) < 2 || !r.bodies[p[0].key] {
		return false
	}
	_, first := r.first[p[0].key]
	return !first && !r.orgHeads[p[len(p)-1].key]
}

// pluralNonName reports a plural law, event or work word ending a name
// ("Emmy Awards", "Camp David Accords"): no surname, so a first name
// before it does not make a person.
func pluralNonName(r *lexicon, key string) bool {
	return strings.HasSuffix(key, "s") && r.nonNames[key] && r.nonNames[strings.TrimSuffix(key, "s")]
}
