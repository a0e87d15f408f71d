package entity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/news"
)

// The listing gate: a briefing lists a person or an organisation only on
// positive evidence that it is one ("when unsure, say nothing"). Resolve
// records in Group.Evidence the rules below that admit a group and in
// Group.Veto the structural exclusion that bars it; Listed reads both.
// Groups the gate does not admit stay in the analysis (articles keep every
// entity): only the reader's listing is held to the higher standard.
//
// Evidence is general, never a name list drawn from the data: the shape of
// a personal name with a given name the lexicon knows, a title or role,
// quotation with a speech verb, a surname that refers back to the full
// name, a head noun that names a body, an acronym spelled out, an
// institution that speaks or acts, and corroboration across articles.

// Evidence rule names (Group.Evidence).
const (
	EvidenceGivenName   = "given-name"
	EvidenceTitle       = "title"
	EvidenceSpeaker     = "speaker"
	EvidenceSurname     = "surname"
	EvidenceBodyHead    = "body-head"
	EvidenceKnownBody   = "known-body"
	EvidenceAcronym     = "acronym"
	EvidenceActs        = "acts"
	EvidenceCorroborate = "corroborated"
)

// Veto rule names (Group.Veto).
const (
	VetoOverlong = "overlong"
	VetoFragment = "fragment"
	VetoSecond   = "second"
	VetoGlued    = "glued"
	VetoPlace    = "place"
	VetoFirm     = "firm"
	VetoJoined   = "joined"
	VetoCommon   = "common"
	VetoGarbled  = "garbled"
)

// Listed reports whether the briefing lists g: a place always (the gate
// is about people and organisations), a person or an organisation only
// with evidence and no veto.
func (g Group) Listed() bool {
	if g.Type != news.Person && g.Type != news.Organization {
		return true
	}
	return g.Veto == "" && admits(g.Type, g.Evidence)
}

// Unevidenced reports a person or organisation that no veto bars but
// that the briefing does not list for want of evidence: what the gate's
// precision costs (the entities eval counts the judged ones).
func (g Group) Unevidenced() bool {
	return (g.Type == news.Person || g.Type == news.Organization) && g.Veto == "" && !admits(g.Type, g.Evidence)
}

// admits reports whether the evidence found for a group of type typ is
// enough to list it.
func admits(typ string, ev []string) bool {
	for _, e := range ev {
		switch e {
		case EvidenceSpeaker:
			return true // a person or a body quoted, by a speech verb
		case EvidenceGivenName, EvidenceTitle:
			if typ == news.Person {
				return true
			}
		case EvidenceSurname:
			// a surname that refers back is a person's when more
			// than one article names the person so
			if typ == news.Person && slices.Contains(ev, EvidenceCorroborate) {
				return true
			}
		case EvidenceBodyHead, EvidenceKnownBody, EvidenceAcronym, EvidenceActs:
			if typ == news.Organization {
				return true
			}
		}
	}
	return false
}

// gateMember is one article's entity of a resolved group.
type gateMember struct {
	art  int
	e    *news.Entity
	keys []string
}

// gateInput is what the gate reads about one resolved group.
type gateInput struct {
	name    string
	typ     string
	members []gateMember
	bodies  []string
	arts    []*news.Article
	// lower holds the words the story's articles write in lower case.
	lower map[string]bool
}

// anyMention reports whether f holds for some mention of the group (of
// the entities of type typ, or of any type when typ is ""), given the
// mention and the body of its article; mentions outside the body are
// skipped.
func (in *gateInput) anyMention(typ string, f func(body string, x news.Mention) bool) bool {
	for _, m := range in.members {
		if typ != "" && m.e.Type != typ {
			continue
		}
		body := in.bodies[m.art]
		for _, x := range m.e.Mentions {
			if x.Start >= 0 && x.Start <= x.End && x.End <= len(body) && f(body, x) {
				return true
			}
		}
	}
	return false
}

// evidence returns the rules that admit the group, in a fixed order.
func evidence(in *gateInput) []string {
	var out []string
	add := func(ok bool, name string) {
		if ok {
			out = append(out, name)
		}
	}
	add(givenName(in.name, in.lower), EvidenceGivenName)
	add(titled(in), EvidenceTitle)
	add(quotedSpeaker(in), EvidenceSpeaker)
	add(surnameRefers(in), EvidenceSurname)
	add(bodyHead(in.name, in.lower), EvidenceBodyHead)
	add(knownBody(in.name), EvidenceKnownBody)
	add(acronymSpelled(in), EvidenceAcronym)
	add(bodyActs(in), EvidenceActs)
	add(corroborated(in), EvidenceCorroborate)
	return out
}

// veto returns the structural exclusion that bars the group, "" if none.
func veto(in *gateInput) string {
	switch {
	case overlong(in.name, in.typ):
		return VetoOverlong
	case garbled(in.name):
		return VetoGarbled
	case in.typ == news.Person && gluedPerson(in.name, in.lower):
		return VetoGlued
	case in.typ == news.Person && commonWord(in.name, in.lower):
		return VetoCommon
	case in.typ == news.Person && placed(in):
		return VetoPlace
	case in.typ == news.Person && incorporated(in):
		return VetoFirm
	}
	return ""
}

// nameWords returns a name's words without initials ("F."), name
// particles after the first word ("van", "al-") and generational
// suffixes ("Jr.").
func nameWords(name string) []string {
	lx := sharedLexicon()
	var out []string
	for i, k := range nameKeys(name) {
		k = strings.TrimSuffix(k, ".")
		if k == "" || i > 0 && lx.particles[k] || generational[k] {
			continue // a particle opening the name is a given name ("Al Vell")
		}
		out = append(out, k)
	}
	return out
}

// givenName reports a personal name in full: two or three words, the
// first a given name the lexicon knows, every word capitalised and none
// in capitals throughout, the last no word that ends names of bodies,
// places or things and no word the story writes in lower case ("Dana
// Ruel", "Ann Marie Vell"; not "Dana Workshop" beside "a workshop"). A
// first name is the commonest shape of a real person's name in news
// text; a run of capitalised page words, a product or a shop seldom
// opens with one and ends with a surname the text never writes small.
func givenName(name string, lower map[string]bool) bool {
	w := nameWords(name)
	if len(w) < 2 || len(w) > 3 || firstNameGender(w[0]) == 0 {
		return false
	}
	lx := sharedLexicon()
	for _, f := range strings.Fields(name) {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) && !lx.particles[strings.ToLower(f)] {
			return false
		}
		if utf8.RuneCountInString(f) > 1 && strings.ToUpper(f) == f && strings.ToLower(f) != f && !strings.HasSuffix(f, ".") {
			return false // "XR" in "Dana XR": a model, not a surname
		}
	}
	last := w[len(w)-1]
	return !lx.orgHeads[last] && !lx.placeHeads[last] && !lx.thingHeads[last] && !lx.nonNames[last] && !lower[last]
}

// lowerWords returns the words of want (lower-case keys) that the bodies
// write in lower case: one pass over the text that allocates only for the
// words found, however long the story.
func lowerWords(bodies []string, want map[string]bool) map[string]bool {
	out := map[string]bool{}
	if len(want) == 0 {
		return out
	}
	// wordByte reports an ASCII letter or apostrophe; bytes from 0x80 on
	// are taken as letters (a word with accents or curly apostrophes is
	// one word, as the name keys have it).
	wordByte := func(c byte) bool {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '\'' || c >= 0x80
	}
	for _, b := range bodies {
		for i := 0; i < len(b); {
			if !wordByte(b[i]) {
				i++
				continue
			}
			j := i + 1
			for j < len(b) && wordByte(b[j]) {
				j++
			}
			w := b[i:j]
			if ascii(w) {
				if c := w[0]; c >= 'a' && c <= 'z' && want[w] {
					out[w] = true
				}
			} else {
				// split at curly quotes and dashes, rare enough to
				// allocate for
				for _, w := range strings.FieldsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
					if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && want[w] {
						out[w] = true
					}
				}
			}
			i = j
		}
	}
	return out
}

// ascii reports a string of ASCII bytes only.
func ascii(w string) bool {
	for k := 0; k < len(w); k++ {
		if w[k] >= 0x80 {
			return false
		}
	}
	return true
}

// titled reports a person some article names with a title or role
// ("Sen. Dana Ruel", "Dana Ruel, the mayor"): the recogniser's Role.
func titled(in *gateInput) bool {
	for _, m := range in.members {
		if m.e.Role != "" && m.e.Type == news.Person {
			return true
		}
	}
	return false
}

// quotedSpeaker reports a group some article quotes: a quotation the
// quote finder attributes, by a speech verb, to one of the group's names.
func quotedSpeaker(in *gateInput) bool {
	for _, m := range in.members {
		a := in.arts[m.art]
		for _, q := range a.Quotes {
			if q.Speaker == "" {
				continue
			}
			k := nameKeys(q.Speaker)
			if len(k) > 0 && (slices.Equal(k, m.keys) || slices.Equal(nameKeys(m.e.Name), k)) {
				return true
			}
		}
	}
	return false
}

// surnameRefers reports a person named in full and referred back to by
// the surname alone ("Dana Ruel ... Ruel said"): news writes people so,
// not products, works or page labels.
func surnameRefers(in *gateInput) bool {
	for _, m := range in.members {
		if m.e.Type != news.Person {
			continue
		}
		full := nameKeys(m.e.Name)
		if len(full) < 2 {
			continue
		}
		last := full[len(full)-1]
		for _, x := range m.e.Mentions {
			if k := nameKeys(x.Text); len(k) == 1 && k[0] == last {
				return true
			}
		}
	}
	return false
}

// bodyHead reports an organisation's name of two words or more with a
// body head among its words ("Ferris Water Board", "Vell & Sons Ltd",
// "Norbury University Medical School") or a head followed by "of", "for"
// or "on" ("University of Norbury", "Committee on Roads", "Center for
// Fen Policy"), or a publication's name opening with "Daily" or
// "Weekly" (the recogniser's rule, lexicon.publication: "Daily Vell",
// "Weekly Norbury"). A head after one word the story writes in lower case
// ("Finance Committee" beside "the finance rules", "City Council") is a
// description of a body more than its name: no evidence; a government
// department named by its portfolio ("Foreign Ministry", "Roads
// Department") is named so, and stays.
func bodyHead(name string, lower map[string]bool) bool {
	k := nameKeys(name)
	if len(k) < 2 || len(k) == 2 && lower[k[0]] && !invertibleHeads[k[1]] {
		return false
	}
	lx := sharedLexicon()
	if lx.pubFirst[k[0]] {
		return true // "Daily Vell", "Weekly Norbury": a publication's name
	}
	for i, w := range k {
		w = strings.TrimSuffix(w, ".")
		if lx.bodyHeads[w] {
			return true
		}
		if i+1 < len(k) && lx.ofHeads[w] && (k[i+1] == "of" || k[i+1] == "for" || k[i+1] == "on") {
			return true
		}
	}
	return false
}

// knownBody reports a name in the recogniser's table of organisations too
// well known to need a head word.
func knownBody(name string) bool {
	k := strings.Join(nameKeys(name), " ")
	if isAcronym(name) {
		k = strings.ToLower(strings.ReplaceAll(name, ".", "")) // "F.B.I."
	}
	if a, ok := placeAliasKeys[strings.ReplaceAll(k, ".", "")]; ok {
		k = a // "EU" is the European Union
	}
	return sharedLexicon().knownOrgs[k]
}

// acronymSpelled reports an organisation whose group holds an acronym
// and a name whose initials it spells ("NWB" beside "National Water
// Board"): the text itself introduced it as a body.
func acronymSpelled(in *gateInput) bool {
	var acr []string
	var full [][]string
	for _, m := range in.members {
		for _, x := range append([]news.Mention{{Text: m.e.Name}}, m.e.Mentions...) {
			if isAcronym(x.Text) {
				acr = append(acr, strings.ToLower(strings.ReplaceAll(x.Text, ".", "")))
			} else if k := nameKeys(x.Text); len(k) >= 2 {
				full = append(full, k)
			}
		}
	}
	for _, a := range acr {
		for _, f := range full {
			if initials(f) == a {
				return true
			}
		}
	}
	return false
}

// bodyActs reports an organisation some article treats as a body that
// speaks or acts: a mention followed by a verb of saying or acting
// (speechVerbs, actionVerbs; after ", which" too), or preceded by a
// spokesman, "according to", a member or head of it (lexicon.actCues);
// not for a name of two capitals, which too many bodies and things share.
func bodyActs(in *gateInput) bool {
	if isAcronym(in.name) && utf8.RuneCountInString(strings.ReplaceAll(in.name, ".", "")) <= 2 {
		return false // "DA", "CO": too many bodies and things share two letters
	}
	lx := sharedLexicon()
	return in.anyMention(news.Organization, func(body string, x news.Mention) bool {
		rest := body[x.End:min(len(body), x.End+40)]
		if r, ok := strings.CutPrefix(rest, ", which "); ok {
			rest = " " + r // "Vell Trust, which said"
		}
		after := strings.Fields(rest)
		if len(after) > 0 && strings.HasPrefix(rest, " ") && lx.actVerbs[strings.TrimRight(strings.ToLower(after[0]), ",")] {
			return true
		}
		before := strings.ToLower(body[max(0, x.Start-40):x.Start])
		before = strings.TrimSuffix(strings.TrimSpace(before), " the")
		for _, c := range lx.actCues {
			if strings.HasSuffix(before, c) {
				return true
			}
		}
		return false
	})
}

// corroborated reports a group two or more articles of the story mention.
func corroborated(in *gateInput) bool {
	arts := map[int]bool{}
	for _, m := range in.members {
		arts[m.art] = true
	}
	return len(arts) >= 2
}

// overlong reports a name longer than names are: a person's of more than
// three words besides initials, particles and "Jr.", an organisation's of
// more than eight (page text run together: a credit line, a menu, a
// caption before the name).
func overlong(name, typ string) bool {
	n := len(nameWords(name))
	if typ == news.Person {
		return n > 3
	}
	return n > 8
}

// gluedPerson reports a person's name of two words or more with page
// text run into it: a word in capitals throughout ("RIP Dana Ruel",
// "Dana Ruel NEWS"; initials and "II" aside), or a first word that is no
// given name the lexicon knows and that the story writes in lower case
// ("Contributor Dana Ruel", "Apparently Vell").
func gluedPerson(name string, lower map[string]bool) bool {
	f := strings.Fields(name)
	if len(f) < 2 {
		return false
	}
	for _, x := range f {
		if strings.Contains(x, ".") {
			continue // initials ("J.R.")
		}
		if utf8.RuneCountInString(x) > 1 && strings.ToUpper(x) == x && strings.ToLower(x) != x && !generational[strings.ToLower(x)] {
			return true
		}
	}
	w := nameWords(name)
	if len(w) < 2 || firstNameGender(w[0]) != 0 {
		return false
	}
	return lower[w[0]]
}

// garbled reports a name with the marks of text decoded in the wrong
// character set: "Ã" or "Â" (the lead bytes of UTF-8 read as Latin-1,
// composed or as "A" and a combining mark), or the replacement
// character. Such a name is cut or misspelled ("FranÃ" for a name with
// "ç"); the reader would get page damage, not a name.
func garbled(name string) bool {
	return strings.ContainsAny(name, "ÃÂ\uFFFD") || strings.Contains(name, "A\u0303") || strings.Contains(name, "A\u0302")
}

// commonWord reports a person named by one word that the story also
// writes in lower case ("Branch" beside "the executive branch",
// "Contractors" beside "contractors"): a word of the prose that a title
// or a heading capitalised, not a surname.
func commonWord(name string, lower map[string]bool) bool {
	w := nameWords(name)
	return len(w) == 1 && len(strings.Fields(name)) == 1 && lower[w[0]]
}

// placed reports a "person" that some article writes after a preposition
// of place (the lexicon's placePreps: "in Vell Harbour", "near Dana
// Point") and that no article gives a title or quotes: a place named like
// a person. People are seldom "in" anyone; one titled ("President Dana
// Ruel") or quoted is a person even where the text has "confidence in
// Dana Ruel".
func placed(in *gateInput) bool {
	if titled(in) || quotedSpeaker(in) {
		return false
	}
	lx := sharedLexicon()
	return in.anyMention("", func(body string, x news.Mention) bool {
		after := body[x.End:]
		if strings.HasPrefix(after, "'") || strings.HasPrefix(after, "’") {
			return false // "in Dana Ruel's speech"
		}
		before := strings.TrimRight(body[:x.Start], " \n")
		if len(before) == x.Start {
			return false // no space before the name
		}
		w := before[strings.LastIndexAny(before, " \n\t(\"“")+1:]
		return lx.placePreps[strings.ToLower(w)]
	})
}

// vetoFragments marks the fragments and second entries among the groups
// the gate admits, so that the reader gets each person and body once and
// whole:
//   - a person named by one word that is the surname of another listed
//     person (the story names two people so, or a second entry the
//     resolver could not fold);
//   - an organisation whose name of two words or more, not ending with a
//     body's head word, stands inside a longer listed organisation's name
//     ("House Ways" of "House Ways and Means Committee"; "Vell Board" is
//     a board of its own);
//   - of two organisations whose names differ only by words that place
//     one body in a country or incorporate it ("Senate" and "U.S.
//     Senate", "Vell" and "Vell Corp", "Treasury" and "Treasury
//     Department"), or an acronym and the name it spells ("N.W.B." and
//     "National Water Board"), the one fewer articles name (the longer on
//     a tie) is a second entry, and its articles are added to the kept
//     one's (the briefing cites every source that names the body).
func vetoFragments(gs []Group) {
	type listed struct {
		i    int
		keys []string
	}
	var people [][]string
	var orgs []listed
	for i, g := range gs {
		if !g.Listed() {
			continue
		}
		switch g.Type {
		case news.Person:
			if w := nameWords(g.Name); len(w) >= 2 {
				people = append(people, w)
			}
		case news.Organization:
			orgs = append(orgs, listed{i, nameKeys(g.Name)})
		}
	}
	for i := range gs {
		g := &gs[i]
		if !g.Listed() || g.Type != news.Person {
			continue
		}
		if w := nameWords(g.Name); len(w) == 1 {
			for _, p := range people {
				if p[len(p)-1] == w[0] {
					g.Veto = VetoFragment
					break
				}
			}
		}
	}
	names := map[string]string{} // keys of every group's name -> type
	for _, g := range gs {
		names[strings.Join(nameKeys(g.Name), " ")] = g.Type
	}
	for _, a := range orgs {
		if g := &gs[a.i]; g.Veto == "" && joined(a.keys, names) {
			g.Veto = VetoJoined
		}
	}
	for _, a := range orgs {
		g := &gs[a.i]
		if knownBody(g.Name) || g.Veto != "" {
			continue
		}
		k := a.keys
		for _, o := range orgs {
			if gs[o.i].Veto == VetoJoined {
				continue // the run-together name gives way to its parts
			}
			if len(o.keys) > len(k) && len(k) >= 2 && !sharedLexicon().bodyHeads[strings.TrimSuffix(k[len(k)-1], ".")] && inside(o.keys, k) {
				g.Veto = VetoFragment
				break
			}
		}
	}
	// better reports whether group i is listed before group j when the
	// two are one body: more articles, then the shorter name.
	better := func(i, j listed) bool {
		ai, aj := len(gs[i.i].Articles), len(gs[j.i].Articles)
		if ai != aj {
			return ai > aj
		}
		if len(i.keys) != len(j.keys) {
			return len(i.keys) < len(j.keys)
		}
		return i.i < j.i
	}
	kept := map[int]int{} // a second entry -> the entry kept for its body
	for _, a := range orgs {
		for _, b := range orgs {
			if a.i == b.i || !better(b, a) || gs[b.i].Veto != "" {
				continue
			}
			if sameBody(a.keys, b.keys) || sameBody(b.keys, a.keys) || spells(gs[a.i].Name, b.keys) || spells(gs[b.i].Name, a.keys) {
				if gs[a.i].Veto == "" {
					gs[a.i].Veto = VetoSecond
					kept[a.i] = b.i
				}
				break
			}
		}
	}
	for _, a := range orgs {
		b, ok := kept[a.i]
		if !ok {
			continue
		}
		for n := 0; gs[b].Veto == VetoSecond && n < len(gs); n++ {
			next, ok := kept[b] // the kept entry was found a second one later
			if !ok {
				break
			}
			b = next
		}
		if gs[b].Veto == "" {
			gs[b].Articles = mergeSorted(gs[b].Articles, gs[a.i].Articles)
		}
	}
}

// mergeSorted returns the union of two ascending lists, ascending.
func mergeSorted(a, b []int) []int {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}

// sameBody reports an organisation's name (long) that is another's
// (short) with words added that only place it in a country or give its
// legal form: a country or its alias ("United States Senate", "U.S.
// Senate" beside "Senate"; "Ohio Senate" is a state's senate and a
// city's council is not the country's: other bodies), legal forms ("Vell
// Corp" beside "Vell") and, for a short name without a head word,
// one head word that is said either way round ("Treasury Department"
// beside "Treasury"; "Vell News" is a network's news division, another
// body).
func sameBody(long, short []string) bool {
	if len(long) <= len(short) {
		return false
	}
	at := -1
	for i := 0; i+len(short) <= len(long); i++ {
		if slices.Equal(long[i:i+len(short)], short) {
			at = i
			break
		}
	}
	if at < 0 {
		return false
	}
	lx := sharedLexicon()
	extra := slices.Concat(long[:at], long[at+len(short):])
	heads := 0
	var rest []string
	for _, w := range extra {
		w = strings.TrimSuffix(w, ".")
		switch {
		case lx.legalForms[w] || w == "the" || w == "of":
		case invertibleHeads[w] && !lx.bodyHeads[short[len(short)-1]] && at == 0 && heads == 0:
			heads++
		default:
			rest = append(rest, w)
		}
	}
	return len(rest) == 0 || isCountry(strings.Join(rest, " "))
}

// isCountry reports a key (lower case, words joined by spaces) that names
// a country, or an alias of one ("u.s.", "us", "britain").
func isCountry(k string) bool {
	lx := sharedLexicon()
	d := strings.ReplaceAll(k, ".", "")
	return lx.countries[k] || lx.countries[strings.TrimPrefix(k, "the ")] || lx.countries[placeAliasKeys[d]] || lx.countries[lx.aliases[k]]
}

// joined reports an organisation's name that is two names of the story
// run together: "A and B" with A and B both names of other entities of
// the story or B another person's or organisation's ("Vell Trust and
// Ruritania", "Ruritania and Vell Trust"), or an organisation's name
// followed by another's ("Vell Trust Norbury Fund": a list or a credit
// line set without commas). A body whose name holds "and" ("House Ways
// and Means Committee") has no second part that the story names alone.
func joined(keys []string, names map[string]string) bool {
	for i, w := range keys {
		if w != "and" || i == 0 || i == len(keys)-1 {
			continue
		}
		left, right := strings.Join(keys[:i], " "), strings.Join(keys[i+1:], " ")
		if names[left] != "" && names[right] != "" || names[right] == news.Person || names[right] == news.Organization {
			return true
		}
	}
	for i := 1; i < len(keys); i++ {
		left, right := strings.Join(keys[:i], " "), strings.Join(keys[i:], " ")
		if names[left] == news.Organization && names[right] == news.Organization {
			return true
		}
	}
	return false
}

// spells reports an acronym ("N.W.B.", "NWB") that spells the initials
// of an organisation's name keys ("national water board").
func spells(name string, keys []string) bool {
	return isAcronym(name) && len(keys) > 1 && strings.ToLower(strings.ReplaceAll(name, ".", "")) == initials(keys)
}

// inside reports k as a contiguous run of words of o.
func inside(o, k []string) bool {
	for i := 0; i+len(k) <= len(o); i++ {
		if slices.Equal(o[i:i+len(k)], k) {
			return true
		}
	}
	return false
}

// incorporated reports a "person" some article writes with a company's
// legal form after it ("Dana Ruel, L.L.C.", "Vell Ruel Inc."): a firm
// named like a person (corpSuffix, the recogniser's pattern).
func incorporated(in *gateInput) bool {
	return in.anyMention("", func(body string, x news.Mention) bool {
		return corpSuffix.MatchString(body[x.End:min(len(body), x.End+20)])
	})
}

// BylinePerson reports whether a byline's entry may be listed as a
// person. Bylines are not recognised in the text and so meet no evidence
// rule; they are held to the gate's checks that read the name alone: no
// known organisation ("Associated Press"), no name ending with a head
// word of organisations' or publications' names ("The Editorial Board",
// "Vell Wire Service"), and no veto of the name's shape (overlong, page
// words in capitals run into it, wrongly decoded).
func BylinePerson(name string) bool {
	k := nameKeys(name)
	if len(k) == 0 || knownBody(name) {
		return false
	}
	lx := sharedLexicon()
	last := strings.TrimSuffix(k[len(k)-1], ".")
	if lx.orgHeads[last] || lx.pubHeads[last] {
		return false
	}
	return !overlong(name, news.Person) && !garbled(name) && !gluedPerson(name, nil)
}
