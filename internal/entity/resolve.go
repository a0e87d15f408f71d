package entity

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/news"
)

// Group is one entity across the articles of a story.
type Group struct {
	// Name is the fullest name any article gives.
	Name string `json:"name"`
	// Type is news.Person, news.Organization or news.Place.
	Type string `json:"type"`
	// Articles are the indexes (into Resolve's argument) of the articles
	// mentioning the entity, ascending.
	Articles []int `json:"articles"`
	// Aliases are the other names and mention forms seen, sorted.
	Aliases []string `json:"aliases"`
	// Evidence names the gate's rules (gate.go) that admit the group to
	// a briefing's listing; Veto the structural exclusion that bars it.
	// Listed reads both.
	Evidence []string `json:"evidence,omitempty"`
	Veto     string   `json:"veto,omitempty"`
}

// placeAliasKeys folds common short forms of places and bodies across
// articles ("U.S." and "United States").
var placeAliasKeys = map[string]string{
	"us": "united states", "u.s": "united states", "usa": "united states", "u.s.a": "united states",
	"america": "united states", "united states of america": "united states",
	"uk": "united kingdom", "u.k": "united kingdom", "britain": "united kingdom", "great britain": "united kingdom",
	"un": "united nations", "u.n": "united nations", "eu": "european union", "e.u": "european union",
}

// Resolve merges the entities of several articles (each already through
// Find): equal names, a surname to the one full name ending with it
// ("Tillerson" -> "Rex Tillerson"), names differing only by initials or
// "al-" ("Bashar al-Assad"), and an organisation's shorter tail ("Security
// Council"). Groups come most-mentioned first (by articles, then name).
func Resolve(arts []*news.Article) []Group {
	type item struct {
		art  int
		e    *news.Entity
		keys []string
		own  int    // words of the name as written
		name string // the name to show (e.Name, cleaned by cleanName)
	}
	var items []item
	for ai, a := range arts {
		if a == nil {
			continue
		}
		for ei := range a.Entities {
			e := &a.Entities[ei]
			name := cleanName(e.Name, e.Type)
			k := nameKeys(name)
			if len(k) == 0 {
				continue
			}
			if e.Type == news.Person {
				k = dropTitles(k)
			}
			own := len(k)
			k = invertHead(k)
			if alias, ok := placeAliasKeys[strings.Join(k, " ")]; ok {
				k = strings.Fields(alias)
			}
			items = append(items, item{ai, e, k, own, name})
		}
	}
	// Longest names found the groups.
	sort.SliceStable(items, func(i, j int) bool { return len(items[i].keys) > len(items[j].keys) })
	type grp struct {
		keys  []string
		typ   map[string]int
		items []int
	}
	var gs []*grp
	// join moves group g's items and type votes into h.
	join := func(h, g *grp) {
		h.items = append(h.items, g.items...)
		for t, v := range g.typ {
			h.typ[t] += v
		}
		g.items = nil
	}
	byKey := map[string]int{}
	// The groups by the last word of their name: a name can only be the
	// tail of a group ending with the same word, so a new name is checked
	// against those, not every group of the story (quadratic in the
	// story's distinct names).
	byLast := map[string][]int{}
	for ii, it := range items {
		k := it.e.Type + "|" + strings.Join(it.keys, " ")
		gi, ok := byKey[k]
		if !ok {
			gi = -1
			n := 0
			for _, gj := range byLast[it.keys[len(it.keys)-1]] {
				g := gs[gj]
				switch {
				case g.typ[it.e.Type] > 0 && (it.e.Type == news.Person || len(it.keys) > 1) && hasSuffix(g.keys, it.keys):
				case it.e.Type == news.Person && g.typ[news.Person] > 0 && nameVariant(g.keys, it.keys):
				case g.typ[news.Person] > 0 && surnameAsOrg(it.e, it.keys) && hasSuffix(g.keys, it.keys):
				default:
					continue
				}
				gi = gj
				n++
			}
			if n > 1 {
				gi = -1 // an ambiguous surname stays apart
			}
			if gi < 0 {
				gi = len(gs)
				gs = append(gs, &grp{keys: it.keys, typ: map[string]int{}})
				last := it.keys[len(it.keys)-1]
				byLast[last] = append(byLast[last], gi)
			}
			byKey[k] = gi
		}
		gs[gi].items = append(gs[gi].items, ii)
		t := it.e.Type
		if gs[gi].typ[news.Person] > 0 && surnameAsOrg(it.e, it.keys) {
			t = news.Person // "Obama" after "Barack Obama"
		}
		gs[gi].typ[t] += len(it.e.Mentions)
	}
	// A person named by the first words of exactly one fuller person name
	// of the story is that person ("Lorna Mae" and "Lorna Mae Quist").
	for gi, g := range gs {
		if g.typ[news.Person] == 0 || len(g.items) == 0 {
			continue
		}
		into, n := -1, 0
		for hj, h := range gs {
			if hj != gi && h.typ[news.Person] > 0 && len(h.items) > 0 && len(h.keys) > len(g.keys) && slices.Equal(h.keys[:len(g.keys)], g.keys) {
				into = hj
				n++
			}
		}
		if n == 1 {
			join(gs[into], g)
		}
	}
	// One name typed a person in one article and an organisation in
	// another ("Mobb Deep", a duo, with and without "the duo") is one
	// entity: an organisation unless it opens with a first name (a firm
	// and its founder, "Dara Vell", share a name), then its mentions vote.
	sameName := map[string]int{}
	for gi, g := range gs {
		if len(g.items) == 0 || len(g.keys) < 2 || g.typ[news.Place] > 0 {
			continue
		}
		k := strings.Join(g.keys, " ")
		hj, ok := sameName[k]
		if !ok {
			sameName[k] = gi
			continue
		}
		h := gs[hj]
		join(h, g)
		if h.typ[news.Person] > 0 && h.typ[news.Organization] > 0 && firstNameGender(h.keys[0]) == 0 {
			h.typ[news.Person] = 0
		}
	}
	// A name that one article gives as another name of a person (a stage
	// name, "Tallow, born Albert Sarno": a mention of the person's entity
	// that is no part of its name) is that person in the other articles
	// too, when exactly one person of the story carries it.
	aliasOf := map[string]int{}
	for gi, g := range gs {
		if g.typ[news.Person] == 0 {
			continue
		}
		for _, ii := range g.items {
			for _, m := range items[ii].e.Mentions {
				k := nameKeys(m.Text)
				if len(k) == 0 || hasSuffix(g.keys, k) || slices.Equal(g.keys, k) || slices.Contains(g.keys, k[len(k)-1]) {
					continue
				}
				ks := strings.Join(k, " ")
				if prev, ok := aliasOf[ks]; ok && prev != gi {
					aliasOf[ks] = -1 // two people: ambiguous
				} else {
					aliasOf[ks] = gi
				}
			}
		}
	}
	for gi, g := range gs {
		if len(g.items) == 0 || g.typ[news.Person] == 0 {
			continue
		}
		hj, ok := aliasOf[strings.Join(g.keys, " ")]
		if !ok || hj < 0 || hj == gi || len(gs[hj].items) == 0 {
			continue
		}
		h := gs[hj]
		join(h, g)
	}
	// A person spelled two ways in the story is one ("Julia Louis-Dreyfus"
	// and a typo "Julia Louis-Drefyus", "Jeffrey" and "Jeffery"): the
	// group with fewer mentions joins the other (see spellingVariant).
	for gi, g := range gs {
		if g.typ[news.Person] == 0 || len(g.items) == 0 || len(g.keys) < 2 {
			continue
		}
		for hj, h := range gs {
			if hj == gi || len(h.items) < len(g.items) || h.typ[news.Person] == 0 || len(h.items) == 0 || !spellingVariant(h.keys, g.keys) {
				continue
			}
			if len(h.items) == len(g.items) && hj > gi {
				continue // equal weight: the earlier group founds
			}
			join(h, g)
			break
		}
	}
	// An organisation named in the singular and the plural is one
	// ("Denver Public School" and "Denver Public Schools").
	for gi, g := range gs {
		if g.typ[news.Organization] == 0 || len(g.items) == 0 || len(g.keys) < 2 {
			continue
		}
		for hj, h := range gs {
			if hj != gi && len(h.items) > 0 && h.typ[news.Organization] > 0 && pluralOf(h.keys, g.keys) {
				join(h, g)
				break
			}
		}
	}
	// An acronym listed beside the organisation whose initials it spells
	// is that organisation ("NWB" and "National Water Board"), when
	// exactly one organisation of the story matches.
	for gi, g := range gs {
		if g.typ[news.Organization] == 0 || len(g.items) == 0 || len(g.keys) != 1 || !isAcronym(items[g.items[0]].e.Name) {
			continue
		}
		into, n := -1, 0
		for hj, h := range gs {
			if hj != gi && len(h.items) > 0 && h.typ[news.Organization] > 0 && initials(h.keys) == g.keys[0] {
				into = hj
				n++
			}
		}
		if n == 1 {
			join(gs[into], g)
			gs[into].typ[news.Organization] += g.typ[news.Person] + g.typ[news.Place]
		}
	}
	// A person the whole story names by one word needs a title, a first
	// name or an age ("President Obama", "Dr. Kazdin", "Diana", "Ilsa,
	// 12,") somewhere:
	// a single capitalised word with only a reporting verb is as often
	// an outlet, a firm or a group ("Contractors said"; "Quillfeed
	// reported"), and a person named in full in some article has joined
	// that name above.
	bodies := make([]string, len(arts))
	for ai, a := range arts {
		if a != nil {
			bodies[ai] = a.Body()
		}
	}
	bareOneWord := func(g *grp) bool {
		if len(g.keys) != 1 {
			return false
		}
		t, bt := "", 0
		for _, k := range [...]string{news.Person, news.Organization, news.Place} {
			if g.typ[k] > bt {
				t, bt = k, g.typ[k]
			}
		}
		if t != news.Person || firstNameGender(g.keys[0]) != 0 {
			return false
		}
		for _, ii := range g.items {
			e := items[ii].e
			if e.Role != "" || len(nameKeys(e.Name)) > 1 {
				return false
			}
			body := bodies[items[ii].art]
			for _, m := range e.Mentions {
				if m.End <= len(body) && ageApposition(body[m.End:]) {
					return false
				}
			}
		}
		return true
	}
	// A role in a film or series is no person: "Y (X)" and "X as Y" with
	// X a performer's full name, and "as Y" after a casting cue ("plays",
	// "starring"), make Y a character in every article.
	roles := map[string]bool{}
	for ai, a := range arts {
		if a != nil {
			for _, k := range characterNames(bodies[ai], a.Entities) {
				roles[k] = true
			}
		}
	}
	isRole := func(g *grp) bool {
		if g.typ[news.Person] == 0 {
			return false
		}
		for _, ii := range g.items {
			if roles[strings.Join(items[ii].keys, " ")] {
				return true
			}
		}
		return false
	}
	// A person named only by one word in capitals ("MARTIN:") is a
	// transcript's speaker label, not a name the story gives.
	shouted := func(g *grp) bool {
		if len(g.keys) != 1 || g.typ[news.Person] == 0 || utf8.RuneCountInString(g.keys[0]) < 4 {
			return false // "JFK" is a person's initials
		}
		for _, ii := range g.items {
			for _, m := range items[ii].e.Mentions {
				if strings.ToUpper(m.Text) != m.Text || strings.ToLower(m.Text) == m.Text {
					return false
				}
			}
		}
		return true
	}
	// An organisation every mention of which sits inside a longer name
	// ("Water Board" of "Water Board of Ferris Bay", "Combined Force" of
	// "Ferris-Lund Combined Force", "Dunmore" of "Dunmore & Vell") is a
	// fragment: the briefing does not list it.
	inner := func(g *grp) bool {
		if g.typ[news.Organization] == 0 || g.typ[news.Organization] < g.typ[news.Person] {
			return false
		}
		for _, ii := range g.items {
			body := bodies[items[ii].art]
			for _, m := range items[ii].e.Mentions {
				if m.Start < 0 || m.End > len(body) || m.Start > m.End || !insideName(body[:m.Start], body[m.End:]) {
					return false
				}
			}
		}
		return true
	}
	out := make([]Group, 0, len(gs))
	var ins []*gateInput
	for _, g := range gs {
		if len(g.items) == 0 || bareOneWord(g) || isRole(g) || shouted(g) || inner(g) {
			continue
		}
		var grp Group
		seen := map[int]bool{}
		names := map[string]bool{}
		best := -1
		var itemKeys [][]string
		for _, ii := range g.items {
			itemKeys = append(itemKeys, items[ii].keys)
		}
		for _, ii := range g.items {
			it := items[ii]
			seen[it.art] = true
			names[it.name] = true
			for _, m := range it.e.Mentions {
				names[strings.Join(strings.Fields(m.Text), " ")] = true
			}
			if g.typ[news.Person] > 0 && gluedPrefix(it.keys, itemKeys) {
				continue // "Obituary Dana Ruel" beside "Dana Ruel"
			}
			if s := it.own*1000 + len(it.e.Mentions); s > best && len(it.keys) >= len(g.keys) {
				best = s
				grp.Name = it.name
			}
		}
		if grp.Name == "" {
			grp.Name = items[g.items[0]].name
		}
		bt := 0
		for _, t := range [...]string{news.Person, news.Organization, news.Place} {
			if g.typ[t] > bt {
				bt = g.typ[t]
				grp.Type = t
			}
		}
		for a := range seen {
			grp.Articles = append(grp.Articles, a)
		}
		sort.Ints(grp.Articles)
		for n := range names {
			if n != grp.Name {
				grp.Aliases = append(grp.Aliases, n)
			}
		}
		sort.Strings(grp.Aliases)
		in := &gateInput{name: grp.Name, typ: grp.Type, bodies: bodies, arts: arts}
		for _, ii := range g.items {
			in.members = append(in.members, gateMember{items[ii].art, items[ii].e, items[ii].keys})
		}
		ins = append(ins, in)
		out = append(out, grp)
	}
	// The gate (gate.go) asks which of the names' words the story writes
	// in lower case: one pass over the bodies for those words only.
	want := map[string]bool{}
	for _, in := range ins {
		for _, k := range nameKeys(in.name) {
			want[k] = true
		}
	}
	lower := lowerWords(bodies, want)
	for i, in := range ins {
		in.lower = lower
		out[i].Evidence = evidence(in)
		out[i].Veto = veto(in)
	}
	vetoFragments(out)
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].Articles) != len(out[j].Articles) {
			return len(out[i].Articles) > len(out[j].Articles)
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// spellingVariant reports two person names of as many words that differ
// in one word only, by one edit (a letter added, dropped, changed or two
// swapped) in a word of at least four letters, as a typo or a variant
// spelling does; two first names of different genders stay apart ("Mark"
// and "Mary").
func spellingVariant(a, b []string) bool {
	if len(a) != len(b) || len(a) < 2 {
		return false
	}
	diff := -1
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		if diff >= 0 {
			return false
		}
		diff = i
	}
	if diff < 0 || min(utf8.RuneCountInString(a[diff]), utf8.RuneCountInString(b[diff])) < 4 || editDistance1(a[diff], b[diff]) != 1 {
		return false
	}
	if diff == 0 {
		ga, gb := firstNameGender(a[0]), firstNameGender(b[0])
		if ga != 0 && gb != 0 && ga != 'u' && gb != 'u' && ga != gb {
			return false
		}
	}
	return true
}

// editDistance1 returns the optimal-string-alignment distance of a and b
// (insertions, deletions, substitutions and swaps of neighbours), counted
// only up to 2: 0, 1 or 2 for "two or more".
func editDistance1(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > 1 || d < -1 {
		return 2
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], 2)
}

// pluralOf reports keys equal to single but for a plural "s" on the last
// word.
func pluralOf(plural, single []string) bool {
	n := len(single)
	return len(plural) == n && slices.Equal(plural[:n-1], single[:n-1]) && plural[n-1] == single[n-1]+"s"
}

// nameVariant reports whether person keys short name the same person as
// the fuller keys full: the same surname, the same first name or a short
// form of it ("Chris" and "Christopher", "Ben" and "Benjamin"), and the
// words between those of full in the same order ("Sarah Sanders" and
// "Sarah Huckabee Sanders").
func nameVariant(full, short []string) bool {
	if len(short) < 2 || len(full) < len(short) || full[len(full)-1] != short[len(short)-1] {
		return false
	}
	if !sameFirstName(full[0], short[0]) {
		return false
	}
	// the middle words of short, in order, among those of full
	j := 1
	for _, w := range short[1 : len(short)-1] {
		for j < len(full)-1 && full[j] != w {
			j++
		}
		if j >= len(full)-1 {
			return false
		}
		j++
	}
	return true
}

// sameFirstName reports equal first names, a short form of at least
// three letters opening the long one ("chris", "christopher"), or a
// common nickname of it ("chuck", "charles"; see nicknames).
func sameFirstName(a, b string) bool {
	if a == b || nicknames[a] == b || nicknames[b] == a {
		return true
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	return utf8.RuneCountInString(b) >= 3 && strings.HasPrefix(a, b)
}

// surnameAsOrg reports an organisation of one word written in mixed case
// ("Obama" typed as an organisation): when a person of the story carries
// it as a surname, it is that person. Acronyms ("NBC") are left alone.
func surnameAsOrg(e *news.Entity, keys []string) bool {
	return e.Type == news.Organization && len(keys) == 1 && strings.ToUpper(e.Name) != e.Name
}

// personTitles are the titles dropTitles takes off a person's name when
// comparing names across articles ("Sen. Harry Reid", "Harry Reid").
var personTitles = wordSet(`sen senator rep representative gov governor mr mrs ms miss dr president
vice secretary gen general adm col lt capt sgt rev prof judge justice mayor`)

// dropTitles removes leading titles from person keys, keeping at least
// one word.
func dropTitles(k []string) []string {
	for len(k) > 1 && personTitles[strings.TrimSuffix(k[0], ".")] {
		k = k[1:]
	}
	return k
}

// firstNameGender returns the first-name lexicon's gender letter of key
// ('f', 'm', 'u'), 0 when it is no known first name.
func firstNameGender(key string) byte { return sharedLexicon().first[key] }

// ageApposition reports text opening with an age set off by commas (", 24,"
// after "Rosalind"): a person's, as news writes it.
func ageApposition(s string) bool {
	if !strings.HasPrefix(s, ", ") {
		return false
	}
	s = s[2:]
	n := 0
	for n < len(s) && n < 4 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n >= 1 && n <= 3 && n < len(s) && (s[n] == ',' || s[n] == ')')
}

// gluedPrefix reports person keys that are another name of the group
// (two words or more) with words glued before it that are no part of a
// name: no first name, initial or name particle ("Obituary Dana Ruel",
// "Photo Credit Dana Ruel" beside "Dana Ruel"). The group is named by the
// clean name, not the longest.
func gluedPrefix(keys []string, others [][]string) bool {
	for _, o := range others {
		if len(o) < 2 || !hasSuffix(keys, o) {
			continue
		}
		lead := keys[:len(keys)-len(o)]
		clean := true
		for _, w := range lead {
			if firstNameGender(w) != 0 || utf8.RuneCountInString(w) == 1 || sharedLexicon().particles[w] {
				clean = false
				break
			}
		}
		if clean {
			return true
		}
	}
	return false
}

// isAcronym reports a name written as one word of two to six capital
// letters ("NWB"), dots allowed ("N.W.B.").
func isAcronym(name string) bool {
	n := 0
	for _, r := range name {
		switch {
		case r == '.':
		case r >= 'A' && r <= 'Z':
			n++
		default:
			return false
		}
	}
	return n >= 2 && n <= 6
}

// initials returns the first letters of an organisation's name words,
// leaving out connectives ("of", "and", "the", "for", "on", "in"):
// "nwb" for "national water board of the".
func initials(keys []string) string {
	var b strings.Builder
	for _, k := range keys {
		switch k {
		case "of", "and", "the", "for", "on", "in", "&":
			continue
		}
		r, _ := utf8.DecodeRuneInString(k)
		b.WriteRune(r)
	}
	return b.String()
}

// castingCues are words that, shortly before "as Y", make Y a role
// ("Dana Ruel plays a widow as Mira Holt").
var castingCues = wordSet(`play plays played playing star stars starred starring cast casts portray portrays
portrayed portraying character role`)

// characterNames returns the keys of the people an article names as roles
// of a performer: "Y (X" and "X as Y", X a person named by two words or
// more, and "as Y" after a casting cue in the same sentence. Y followed by
// a possessive ("as Dana Ruel's deputy") is a person, not a role.
func characterNames(body string, ents []news.Entity) []string {
	type span struct {
		start, end int
		keys       []string
	}
	var ps []span
	for _, e := range ents {
		if e.Type != news.Person {
			continue
		}
		for _, m := range e.Mentions {
			if k := nameKeys(m.Text); len(k) > 0 && m.End <= len(body) && m.Start < m.End {
				ps = append(ps, span{m.Start, m.End, k})
			}
		}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].start < ps[j].start })
	var out []string
	for i, y := range ps {
		rest := body[y.end:]
		if strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") {
			continue
		}
		role := false
		if i+1 < len(ps) && len(ps[i+1].keys) >= 2 {
			gap := body[y.end:ps[i+1].start]
			role = strings.TrimSpace(gap) == "("
		}
		before := body[:y.start]
		if !role && strings.HasSuffix(before, " as ") {
			if i > 0 && len(ps[i-1].keys) >= 2 && ps[i-1].end == y.start-len(" as ") {
				role = true
			} else {
				role = castingCue(before[:len(before)-len(" as ")])
			}
		}
		if role {
			out = append(out, strings.Join(y.keys, " "))
		}
	}
	return out
}

// castingCue reports a casting word among the last six words of s within
// its sentence.
func castingCue(s string) bool {
	if i := strings.LastIndexAny(s, ".!?\n"); i >= 0 {
		s = s[i+1:]
	}
	w := strings.Fields(strings.ToLower(s))
	if len(w) > 6 {
		w = w[len(w)-6:]
	}
	for _, x := range w {
		if castingCues[strings.Trim(x, ",;:\"“”")] {
			return true
		}
	}
	return false
}

// cleanName returns a name without what page text glues to it: a name
// written twice in a row ("Dana Ruel Dana Ruel", a byline over a
// credit) is written once, and a person's name opening with a party or
// a nationality ("Democrat Dana Ruel") starts at the name, when a first
// name the lexicon knows follows.
func cleanName(name, typ string) string {
	w := strings.Fields(name)
	if n := len(w); n >= 2 && n%2 == 0 && slices.Equal(w[:n/2], w[n/2:]) {
		return strings.Join(w[:n/2], " ")
	}
	if typ == news.Person && len(w) >= 3 {
		lx := sharedLexicon()
		if lx.demonyms[strings.ToLower(w[0])] && firstNameGender(strings.ToLower(w[1])) != 0 {
			return strings.Join(w[1:], " ")
		}
	}
	return name
}

// insideName reports a mention, given the text before and after it, that
// continues a longer name: joined by a hyphen to a capitalised word
// before it, or followed by "of" or "&" and a capitalised word (not "&
// Co"). A possessor before it is more often the owner ("Ferris Bay's
// Water Board" is the board itself) and is not taken for part of it.
func insideName(before, after string) bool {
	if w, ok := strings.CutSuffix(before, "-"); ok {
		return endsCapitalised(w)
	}
	for _, p := range [...]string{" of ", " & "} {
		if w, ok := strings.CutPrefix(after, p); ok {
			r, _ := utf8.DecodeRuneInString(w)
			next := strings.ToLower(strings.TrimRight(strings.Fields(w + " x")[0], ".,;:"))
			return unicode.IsUpper(r) && !companyTails[next]
		}
	}
	return false
}

// companyTails are the words after "&" that end a firm's name ("Dunmore &
// Co"): the name before them is the firm's, no fragment.
var companyTails = wordSet(`co company cie sons son partners associates`)

// endsCapitalised reports s ending with a word that opens with a capital.
func endsCapitalised(s string) bool {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' })
	w := s[i+1:]
	if i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		w = s[i+n:]
	}
	r, _ := utf8.DecodeRuneInString(w)
	return w != "" && unicode.IsUpper(r)
}
