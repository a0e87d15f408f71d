// Package entity finds named people, organisations and places in an analysed
// article (it consumes news.Article paragraphs and sentences and fills
// Article.Entities), merges coreferent mentions inside one article
// ("Tillerson" -> "Rex Tillerson") and resolves entities across the articles
// of a story (Resolve).
//
// It is rule-based: a candidate is a maximal run of capitalised tokens in a
// sentence (with name connectors such as "of", "al-", "van" and initials),
// from which sentence-opening function words and role prefixes ("Secretary
// of State", "Russian Foreign Minister") are split off. Its type comes from
// evidence: a role before it, a first-name lexicon, organisation head words,
// acronyms, a place gazetteer, reporting verbs after it and place
// prepositions before it. Title-case headlines and all-capital credit lines
// only add names the lexicons or the rest of the article know.
//
// It is the one home of the word tables about people: later stages ask the
// Recognizer (FirstNameGender, TitleGender, IsTitle, IsNameParticle,
// IsFunctionWord) rather than keep copies, and compare names with LastName
// and SameLastName.
//
// Lexicons are hand-written lists in lexicon.go plus firstnames.txt, which
// `go generate` rebuilds from public-domain npm data (gen_names.sh). They are
// built into maps once in New.
package entity

import (
	"strings"
	"sync"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// Recognizer finds entities. Build one with New and share it: it holds only
// read-only tables and is safe for concurrent use.
type Recognizer struct {
	lex func() *lexicon
}

// sharedLexicon builds the lexicon tables once per process, on first use,
// for every Recognizer: the name lists (about 2 ms and 1 MB of maps) are
// paid only by a process that recognises entities, and only once however
// many Recognizers it builds.
var sharedLexicon = sync.OnceValue(newLexicon)

// New returns a Recognizer and starts building the lexicon tables on
// another goroutine, so that on a machine with a free core the build
// overlaps the caller's own start-up (as text.NewSegmenter does for the
// sentence model); the first call that needs them waits for it.
func New() *Recognizer {
	go sharedLexicon()
	return &Recognizer{lex: sharedLexicon}
}

// Analyze fills a.Entities. It needs a.Sentences (text.Segmenter.Analyze);
// without them each paragraph is taken as one sentence. It is a stage of
// the analysis chain (pipeline.Stage) and never fails.
func (r *Recognizer) Analyze(a *news.Article) error { return r.lex().Analyze(a) }

// FirstNameGender is lexicon.FirstNameGender.
func (r *Recognizer) FirstNameGender(word string) string { return r.lex().FirstNameGender(word) }

// TitleGender is lexicon.TitleGender.
func (r *Recognizer) TitleGender(word string) string { return r.lex().TitleGender(word) }

// IsTitle is lexicon.IsTitle.
func (r *Recognizer) IsTitle(word string) bool { return r.lex().IsTitle(word) }

// IsNameParticle is lexicon.IsNameParticle.
func (r *Recognizer) IsNameParticle(word string) bool { return r.lex().IsNameParticle(word) }

// IsFunctionWord is lexicon.IsFunctionWord.
func (r *Recognizer) IsFunctionWord(word string) bool { return r.lex().IsFunctionWord(word) }

// lexicon holds the read-only tables a Recognizer reads.
type lexicon struct {
	roles       map[string]bool
	roleMax     int
	roleMods    map[string]bool
	roleQual    map[string]bool
	titleQual   map[string]bool
	femaleRoles map[string]bool
	maleRoles   map[string]bool
	demonyms    map[string]bool
	function    map[string]bool
	timeWords   map[string]bool
	orgHeads    map[string]bool
	orgInner    map[string]bool
	knownOrgs   map[string]bool
	places      map[string]bool
	countries   map[string]bool
	placeAcr    map[string]bool
	placeHeads  map[string]bool
	placeFirst  map[string]bool
	compass     map[string]bool
	nonNames    map[string]bool
	thingHeads  map[string]bool
	nonFirst    map[string]bool
	notAcronyms map[string]bool
	lexMax      int
	first       map[string]byte
	placeNames  map[string]bool // first names that are also places ("austin", "jordan")
	connectors  map[string]bool
	particles   map[string]bool
	personCues  map[string]bool
	placePreps  map[string]bool
	aliases     map[string]string
	greetings   map[string]bool
	headings    map[string]bool
	pubHeads    map[string]bool
	pubFirst    map[string]bool
	adjectives  map[string]bool
	bodies      map[string]bool
	// The listing gate's sets (gate.go).
	bodyHeads  map[string]bool // orgHeads and publicationHeads but notBodyHeads
	ofHeads    map[string]bool
	actVerbs   map[string]bool // speechVerbs and actionVerbs
	actCues    []string
	legalForms map[string]bool // legalForms as keys
}

// newLexicon builds the lexicon tables.
func newLexicon() *lexicon {
	r := &lexicon{
		roles:       phraseSet(roleList),
		roleMods:    wordSet(roleModifiers),
		titleQual:   wordSet(titleQualifiers),
		femaleRoles: wordSet(femaleRoles),
		maleRoles:   wordSet(maleRoles),
		demonyms:    wordSet(demonymList),
		function:    wordSet(functionWords),
		timeWords:   wordSet(timeWords + " " + strings.Join(text.CalendarNames(), " ")),
		orgHeads:    wordSet(orgHeads + " " + strings.ToLower(legalForms)),
		orgInner:    wordSet(orgInnerHeads),
		knownOrgs:   phraseSet(knownOrgs),
		places:      phraseSet(placeList),
		countries:   phraseSet(countryList),
		placeAcr:    wordSet(placeAcronyms),
		placeHeads:  wordSet(placeHeads),
		placeFirst:  wordSet(placeFirst),
		compass:     wordSet(`north south east west northern southern eastern western central upper lower greater`),
		nonNames:    wordSet(nonNames),
		thingHeads:  wordSet(thingHeads),
		nonFirst:    wordSet(nonNamesFirst),
		notAcronyms: wordSet(notAcronyms),
		first:       make(map[string]byte, strings.Count(firstNames, "\n")),
		placeNames:  map[string]bool{},
		greetings:   wordSet(greetings),
		headings:    wordSet(headingWords),
		pubHeads:    wordSet(publicationHeads),
		pubFirst:    wordSet(publicationFirst),
		adjectives:  wordSet(commonAdjectives),
		bodies:      wordSet(bodyWords),
		// connectors join capitalised words inside one name
		// ("Bank of America", "Ludwig van Beethoven").
		connectors: wordSet(`of for on the de da di del della der den van von la le du al el bin ibn bint y dos das`),
		// particles are connectors that always belong to a personal name.
		particles: wordSet(`de da di del della der den van von la le du al el bin ibn bint y dos das`),
		// personCues after a name make it a person ("Tillerson said").
		personCues: wordSet(speechVerbs + ` asked asks wrote writes explained explains noted notes
argued argues insisted insists warned warns tweeted tweets stated states declared declares replied replies
responded responds acknowledged acknowledges claimed claims
believes believed thinks thought who whose recalled recalls testified testifies admitted admits urged urges`),
		bodyHeads: minus(wordSet(orgHeads+" "+strings.ToLower(legalForms)+" "+publicationHeads), wordSet(notBodyHeads)),
		// ofHeads name a body when "of", "for" or "on" follows them
		// ("Center for Roads Policy", "Journal of Fen Studies"), though
		// alone at the end they may name a place or a work ("Vell
		// Center").
		ofHeads:    wordSet(`center centre journal`),
		actVerbs:   wordSet(speechVerbs + " " + actionVerbs),
		legalForms: wordSet(strings.ToLower(legalForms)),
		// actCues before an organisation's name make it a body that
		// speaks ("a spokesman for the Water Board", "according to Vell
		// Corp").
		actCues: []string{"spokesman for", "spokeswoman for", "spokesperson for", "according to", "statement from",
			"statement by", "officials at", "officials with", "officials from", "representative for", "representatives of",
			"lawyer for", "attorney for", "member of", "members of", "head of", "chairman of", "director of", "leader of"},
		// placePreps before a name make it a place ("in Aleppo").
		placePreps: wordSet(`in near across throughout outside`),
		// roleQual may stand before a role inside a title
		// ("House Speaker", "State Department spokesman").
		roleQual: wordSet(`house senate white state foreign defense defence homeland security national justice
treasury majority minority republican democratic gop top interior finance health intelligence kremlin
department ministry agency council committee party campaign administration`),
		aliases: map[string]string{
			"us": "united states", "u.s": "united states", "usa": "united states", "u.s.a": "united states",
			"america": "united states", "united states of america": "united states",
			"uk": "united kingdom", "u.k": "united kingdom", "britain": "united kingdom", "great britain": "united kingdom",
			"un": "united nations", "u.n": "united nations", "eu": "european union", "e.u": "european union",
			"kyiv": "kiev", "burma": "myanmar", "holland": "netherlands", "czechia": "czech republic",
			"isis": "islamic state", "isil": "islamic state", "al qaeda": "al-qaeda", "exxonmobil": "exxon mobil",
			"huffpost": "huffington post", "donbas": "donbass",
		},
	}
	for k := range r.roles {
		if n := len(strings.Fields(k)); n > r.roleMax {
			r.roleMax = n
		}
	}
	for _, m := range []map[string]bool{r.places, r.knownOrgs} {
		for k := range m {
			if n := len(strings.Fields(k)); n > r.lexMax {
				r.lexMax = n
			}
		}
	}
	for _, line := range strings.Split(firstNames, "\n") {
		name, g, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") || g == "" {
			continue
		}
		r.first[name] = g[0]
	}
	for _, f := range strings.Fields(firstNamesExtra) {
		name, g, _ := strings.Cut(f, ":")
		if g != "" {
			r.first[name] = g[0]
		}
	}
	// A word that is a place, a calendar word, a demonym, a function word
	// or a compass word is no first name ("Georgia", "May", "Will",
	// "North").
	for name := range r.first {
		if r.places[name] {
			r.placeNames[name] = true
		}
		if r.places[name] || r.timeWords[name] || r.demonyms[name] || r.function[name] || r.roles[name] || r.compass[name] {
			delete(r.first, name)
		}
	}
	return r
}

func wordSet(s string) map[string]bool {
	words := strings.Fields(s)
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// minus returns set a without the keys of b.
func minus(a, b map[string]bool) map[string]bool {
	for k := range b {
		delete(a, k)
	}
	return a
}

func phraseSet(s string) map[string]bool {
	phrases := strings.Split(s, "|")
	m := make(map[string]bool, len(phrases))
	for _, p := range phrases {
		// "st. louis" is matched as the keys "st louis"
		p = strings.ReplaceAll(strings.Join(strings.Fields(p), " "), ". ", " ")
		if p != "" {
			m[p] = true
		}
	}
	return m
}

// Analyze fills a.Entities. It needs a.Sentences (text.Segmenter.Analyze);
// without them each paragraph is taken as one sentence. It is a stage of
// the analysis chain (pipeline.Stage) and never fails.
func (r *lexicon) Analyze(a *news.Article) error {
	body := a.Body()
	sents := a.Sentences
	if len(sents) == 0 {
		off := 0
		for i, p := range a.Paragraphs {
			if i > 0 {
				off += len(news.ParagraphSep)
			}
			sents = append(sents, news.Span{Start: off, End: off + len(p)})
			off += len(p)
		}
	}
	st := &state{r: r, body: body, lower: map[string]bool{}}
	// Tokenise every sentence first, so that the words seen in lower case
	// anywhere in the article are known before any run is judged.
	all := make([]tok, 0, len(body)/5+16)
	type sent struct {
		a, b      int
		paraStart bool
	}
	ss := make([]sent, 0, len(sents))
	for _, sp := range sents {
		if sp.Start < 0 || sp.End > len(body) || sp.Start >= sp.End {
			continue
		}
		a0 := len(all)
		all = r.tokens(body, sp.Start, sp.End, all, st.lower)
		if len(all) == a0 {
			continue
		}
		paraStart := sp.Start == 0 || strings.HasSuffix(body[:sp.Start], "\n")
		ss = append(ss, sent{a0, len(all), paraStart})
	}
	st.cands = make([]cand, 0, len(all)/4+8)
	var heads [][]tok
	for _, x := range ss {
		toks := all[x.a:x.b:x.b]
		if isHeadline(toks) {
			heads = append(heads, toks)
			continue
		}
		st.sentence(toks, x.paraStart, a.Dateline)
	}
	for _, h := range heads {
		st.headline(h)
	}
	a.Entities = st.entities()
	return nil
}
