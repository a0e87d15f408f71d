package entity

import (
	"fmt"
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
)

// gateStory analyses invented articles (each a list of paragraphs) and
// resolves them as a briefing does.
func gateStory(t *testing.T, arts ...[]string) []Group {
	t.Helper()
	var as []*news.Article
	for _, paras := range arts {
		as = append(as, analyse(t, paras))
	}
	return Resolve(as)
}

// findGroup returns the group of the story named name.
func findGroup(gs []Group, name string) (Group, bool) {
	for _, g := range gs {
		if g.Name == name {
			return g, true
		}
	}
	return Group{}, false
}

// TestGate runs the gate on invented stories through the recogniser and
// Resolve: each row names the rule it exercises, the group it looks at,
// and whether the briefing lists it (and why: an evidence rule or the
// veto).
func TestGate(t *testing.T) {
	for _, tc := range []struct {
		rule     string
		arts     [][]string
		name     string
		listed   bool
		evidence string // a rule that must be in Evidence, if any
		veto     string
	}{
		{
			rule:     "given name",
			arts:     [][]string{{"The plan was approved on Monday, and Margaret Tollivant voted against it in the hall."}},
			name:     "Margaret Tollivant",
			listed:   true,
			evidence: EvidenceGivenName,
		},
		{
			rule: "given name: a surname the story writes small is no surname",
			arts: [][]string{{"The fair opened on Monday. Visitors crowded into Margaret Workshop near the river.",
				"A workshop for children was held later."}},
			name:   "Margaret Workshop",
			listed: false,
		},
		{
			rule:     "title",
			arts:     [][]string{{"The budget passed on Monday. Sen. Quarrington voted against it, aides confirmed."}},
			name:     "Quarrington",
			listed:   true,
			evidence: EvidenceTitle,
		},
		{
			rule: "surname with corroboration",
			arts: [][]string{
				{"On Monday the depot was sold by Zephran Quillory, 54. Quillory said it was time."},
				{"The depot belongs to Zephran Quillory, 54. Quillory bought it in 1999."},
			},
			name:     "Zephran Quillory",
			listed:   true,
			evidence: EvidenceSurname,
		},
		{
			rule:   "surname in one article only: not enough",
			arts:   [][]string{{"On Monday the depot was sold by Zephran Quillory, 54. Quillory said it was time."}},
			name:   "Zephran Quillory",
			listed: false,
		},
		{
			rule:     "body head",
			arts:     [][]string{{"The Harrowgate Water Board raised its rates on Monday."}},
			name:     "Harrowgate Water Board",
			listed:   true,
			evidence: EvidenceBodyHead,
		},
		{
			rule:     "body head before of",
			arts:     [][]string{{"Researchers at the University of Norbury published the survey on Monday."}},
			name:     "University of Norbury",
			listed:   true,
			evidence: EvidenceBodyHead,
		},
		{
			rule:     "known body",
			arts:     [][]string{{"The new rules were published by the Pentagon on Monday."}},
			name:     "Pentagon",
			listed:   true,
			evidence: EvidenceKnownBody,
		},
		{
			rule:     "acts",
			arts:     [][]string{{"The ruling was welcomed by the Brenmoor Trust, which said it would appeal."}},
			name:     "Brenmoor Trust",
			listed:   true,
			evidence: EvidenceActs,
		},
		{
			rule:   "acts: a body that neither speaks nor acts is not listed",
			arts:   [][]string{{"The ruling was welcomed on Monday by the Brenmoor Trust."}},
			name:   "Brenmoor Trust",
			listed: false,
		},
		{
			rule: "no evidence: a capitalised phrase is not listed",
			arts: [][]string{{"Tickets for Moonlit Harvest go on sale on Monday at the box office."}},
			name: "Moonlit Harvest",
		},
		{
			rule: "overlong",
			arts: [][]string{{"Readers wrote in on Monday. Courtesy Harrowgate Lens Guild Margaret Tollivant Quarrington said the vote was close."}},
			name: "Courtesy Harrowgate Lens Guild Margaret Tollivant Quarrington",
			veto: VetoOverlong,
		},
		{
			rule: "place",
			arts: [][]string{{"Flooding was reported in Lorna Vale on Monday, and roads in Lorna Vale stayed closed."}},
			name: "Lorna Vale",
			veto: VetoPlace,
		},
		{
			rule:     "place: a titled person after \"in\" is still a person",
			arts:     [][]string{{"Voters said on Monday they had faith in Margaret Tollivant. Sen. Margaret Tollivant thanked them."}},
			name:     "Margaret Tollivant",
			listed:   true,
			evidence: EvidenceTitle,
		},
		{
			rule: "place: after any preposition of place (the lexicon's placePreps)",
			arts: [][]string{{"Crews worked on Monday outside Lorna Vale, and the roads stayed closed."}},
			name: "Lorna Vale",
			veto: VetoPlace,
		},
		{
			rule: "firm named like a person",
			arts: [][]string{{"The company was called Ramona Tesk, L.L.C., and it was dissolved in May. Ramona Tesk sued the city."}},
			name: "Ramona Tesk",
			veto: VetoFirm,
		},
	} {
		t.Run(tc.rule, func(t *testing.T) {
			gs := gateStory(t, tc.arts...)
			g, ok := findGroup(gs, tc.name)
			if !ok {
				if tc.listed {
					t.Fatalf("%q not found; groups %+v", tc.name, gs)
				}
				return // not even a candidate: not listed
			}
			if g.Listed() != tc.listed {
				t.Errorf("%q Listed() = %v, want %v (evidence %v, veto %q)", tc.name, g.Listed(), tc.listed, g.Evidence, g.Veto)
			}
			if tc.evidence != "" && !slices.Contains(g.Evidence, tc.evidence) {
				t.Errorf("%q evidence %v, want %q among it", tc.name, g.Evidence, tc.evidence)
			}
			if tc.veto != "" && g.Veto != tc.veto {
				t.Errorf("%q veto %q, want %q", tc.name, g.Veto, tc.veto)
			}
		})
	}
}

// TestQuotedSpeaker checks the speaker rule on an article whose quote the
// quote finder (a later stage) attributed.
func TestQuotedSpeaker(t *testing.T) {
	for _, tc := range []struct {
		name, speaker string
		want          bool
	}{
		{"Okonkwo Brandelis", "Okonkwo Brandelis", true},
		{"Okonkwo Brandelis", "Brandelis", false}, // another name: the rule asks for the group's own
		{"Okonkwo Brandelis", "", false},
	} {
		t.Run(tc.name+"/"+tc.speaker, func(t *testing.T) {
			a := analyse(t, []string{"The mill will stay open, Okonkwo Brandelis told workers on Monday."})
			a.Quotes = []news.Quote{{Text: "We will not close the mill", Speaker: tc.speaker}}
			gs := Resolve([]*news.Article{a})
			g, ok := findGroup(gs, tc.name)
			if !ok {
				t.Fatalf("%q not found in %+v", tc.name, gs)
			}
			if got := slices.Contains(g.Evidence, EvidenceSpeaker); got != tc.want {
				t.Errorf("speaker evidence %v, want %v (evidence %v)", got, tc.want, g.Evidence)
			}
		})
	}
}

// TestPlacedQuoted: a person the story quotes is a person even after a
// preposition of place ("faith in Okonkwo Brandelis").
func TestPlacedQuoted(t *testing.T) {
	for _, tc := range []struct {
		speaker string
		veto    string
	}{
		{"Okonkwo Brandelis", ""},
		{"", VetoPlace},
	} {
		t.Run(tc.speaker, func(t *testing.T) {
			a := analyse(t, []string{"The mill will stay open, Okonkwo Brandelis told workers on Monday. They had faith in Okonkwo Brandelis."})
			a.Quotes = []news.Quote{{Text: "We will not close the mill", Speaker: tc.speaker}}
			g, ok := findGroup(Resolve([]*news.Article{a}), "Okonkwo Brandelis")
			if !ok {
				t.Fatal("Okonkwo Brandelis not found")
			}
			if g.Veto != tc.veto {
				t.Errorf("veto %q, want %q", g.Veto, tc.veto)
			}
		})
	}
}

func TestGivenName(t *testing.T) {
	lower := map[string]bool{"workshop": true}
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"Margaret Tollivant", true},
		{"Margaret A. Tollivant", true},
		{"Margaret Ann Tollivant Jr.", true},
		{"Margaret Workshop", false},        // written small in the story
		{"Margaret XR", false},              // a model name in capitals
		{"Tollivant", false},                // one word
		{"Quarrington Tollivant", false},    // no known given name
		{"Margaret Tollivant Board", false}, // a body's head word
		{"Margaret Ann Ruth Tollivant", false},
		{"Al Tollivant", true}, // a particle opening the name is a given name
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := givenName(tc.name, lower); got != tc.want {
				t.Errorf("givenName(%q) = %v, want %v", tc.name, got, tc.want)
			}
		})
	}
}

func TestGluedPerson(t *testing.T) {
	lower := map[string]bool{"contributor": true}
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"Margaret Tollivant", false},
		{"RIP Margaret Tollivant", true},          // a word in capitals
		{"Contributor Margaret Tollivant", true},  // a word of the text's prose
		{"Margaret J.R. Tollivant", false},        // initials
		{"Margaret Tollivant III", false},         // a generational suffix
		{"Quarrington Margaret Tollivant", false}, // not written small: could be a name
		{"Tollivant", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := gluedPerson(tc.name, lower); got != tc.want {
				t.Errorf("gluedPerson(%q) = %v, want %v", tc.name, got, tc.want)
			}
		})
	}
}

func TestBodyHead(t *testing.T) {
	lower := map[string]bool{"finance": true, "foreign": true}
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"Harrowgate Water Board", true},
		{"Vell & Sons Ltd", true},
		{"Norbury University Medical School", true},
		{"University of Norbury", true},
		{"Committee on Roads", true},
		{"Center for Fen Policy", true},
		{"Vell Center", false},       // a venue's head
		{"Finance Committee", false}, // a description: "finance" written small
		{"Harrowgate Finance Committee", true},
		{"Foreign Ministry", true}, // a department named by its portfolio
		{"Board", false},
		{"Daily Vell", true},       // a publication's opener (lexicon.publication)
		{"Weekly Norbury", true},   // the same
		{"Norbury Beast", false},   // no head: outlets are not listed by a second word
		{"Harrowgate Wire", false}, // nor by a trade word
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := bodyHead(tc.name, lower); got != tc.want {
				t.Errorf("bodyHead(%q) = %v, want %v", tc.name, got, tc.want)
			}
		})
	}
}

func TestSameBody(t *testing.T) {
	for _, tc := range []struct {
		long, short string
		want        bool
	}{
		{"Ohio Senate", "Senate", false}, // a state's senate, another body
		{"U.S. Senate", "Senate", true},
		{"Norbury City Council", "Council", false},
		{"United States Senate", "Senate", true},
		{"Vell Corp", "Vell", true},
		{"Treasury Department", "Treasury", true},
		{"Vell News", "Vell", false},                    // a network's news division
		{"Senate Judiciary Committee", "Senate", false}, // a body of the body
		{"Quarrington Senate", "Senate", false},         // not a place the gazetteer knows
		{"Senate", "Senate", false},
	} {
		t.Run(tc.long, func(t *testing.T) {
			if got := sameBody(nameKeys(tc.long), nameKeys(tc.short)); got != tc.want {
				t.Errorf("sameBody(%q, %q) = %v, want %v", tc.long, tc.short, got, tc.want)
			}
		})
	}
}

func TestJoined(t *testing.T) {
	names := map[string]string{
		"vell trust":   news.Organization,
		"norbury fund": news.Organization,
		"ruritania":    news.Place,
	}
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"Vell Trust and Ruritania", true},
		{"Ruritania and Vell Trust", true},
		{"Vell Trust Norbury Fund", true},
		{"House Ways and Means Committee", false},
		{"Vell Trust", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := joined(nameKeys(tc.name), names); got != tc.want {
				t.Errorf("joined(%q) = %v, want %v", tc.name, got, tc.want)
			}
		})
	}
}

func TestOverlong(t *testing.T) {
	for _, tc := range []struct {
		name, typ string
		want      bool
	}{
		{"Margaret Ann Tollivant", news.Person, false},
		{"Margaret A. van der Tollivant Jr.", news.Person, false},
		{"Lens Guild Margaret Tollivant", news.Person, true},
		{"Department of Roads and Bridges of Norbury", news.Organization, false},
		{"Courtesy Harrowgate Lens Guild Print Room Vell Water Board", news.Organization, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := overlong(tc.name, tc.typ); got != tc.want {
				t.Errorf("overlong(%q) = %v, want %v", tc.name, got, tc.want)
			}
		})
	}
}

// TestVetoFragments checks the story-level vetoes on groups as Resolve
// makes them.
func TestVetoFragments(t *testing.T) {
	gs := []Group{
		{Name: "Dana Ruel", Type: news.Person, Articles: []int{0}, Evidence: []string{EvidenceGivenName}},
		{Name: "Margaret Ruel", Type: news.Person, Articles: []int{0}, Evidence: []string{EvidenceGivenName}},
		{Name: "Ruel", Type: news.Person, Articles: []int{0, 1}, Evidence: []string{EvidenceTitle}},
		{Name: "House Ways and Means Committee", Type: news.Organization, Articles: []int{0}, Evidence: []string{EvidenceBodyHead}},
		{Name: "House Ways", Type: news.Organization, Articles: []int{0}, Evidence: []string{EvidenceActs}},
		{Name: "Senate", Type: news.Organization, Articles: []int{0, 1}, Evidence: []string{EvidenceKnownBody}},
		{Name: "U.S. Senate", Type: news.Organization, Articles: []int{2}, Evidence: []string{EvidenceBodyHead}},
		{Name: "Ohio Senate", Type: news.Organization, Articles: []int{1}, Evidence: []string{EvidenceBodyHead}},
		{Name: "Vell", Type: news.Organization, Articles: []int{0}, Evidence: []string{EvidenceActs}},
		{Name: "Vell Corp", Type: news.Organization, Articles: []int{0}, Evidence: []string{EvidenceBodyHead}},
		{Name: "Vell Trust and Ohio", Type: news.Organization, Articles: []int{0}, Evidence: []string{EvidenceBodyHead}},
		{Name: "Vell Trust", Type: news.Organization, Articles: []int{0}, Evidence: []string{EvidenceBodyHead}},
		{Name: "Ohio", Type: news.Place, Articles: []int{0}},
		{Name: "Norbury Water Board", Type: news.Organization, Articles: []int{0, 1}, Evidence: []string{EvidenceBodyHead}},
		{Name: "N.W.B.", Type: news.Organization, Articles: []int{1}, Evidence: []string{EvidenceActs}},
	}
	vetoFragments(gs)
	want := map[string]string{
		"Ruel":                VetoFragment,
		"House Ways":          VetoFragment,
		"U.S. Senate":         VetoSecond, // "Ohio Senate" is a state's: another body
		"Vell Corp":           VetoSecond,
		"Vell Trust and Ohio": VetoJoined,
		"N.W.B.":              VetoSecond,
	}
	for _, g := range gs {
		if g.Veto != want[g.Name] {
			t.Errorf("%q veto %q, want %q", g.Name, g.Veto, want[g.Name])
		}
		if g.Name == "Senate" && !slices.Equal(g.Articles, []int{0, 1, 2}) {
			t.Errorf("Senate articles %v, want the second entry's merged: [0 1 2]", g.Articles)
		}
	}
}

func TestCommonWord(t *testing.T) {
	lower := map[string]bool{"branch": true}
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"Branch", true},       // "the executive branch" in the prose
		{"Quarrington", false}, // a surname the prose never writes small
		{"Dana Branch", false}, // two words: the given-name rule judges it
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := commonWord(tc.name, lower); got != tc.want {
				t.Errorf("commonWord(%q) = %v, want %v", tc.name, got, tc.want)
			}
		})
	}
}

func TestKnownBody(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"Pentagon", true},
		{"F.B.I.", true}, // dotted acronym
		{"EU", true},     // an alias of the European Union
		{"Quelltrax", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := knownBody(tc.name); got != tc.want {
				t.Errorf("knownBody(%q) = %v, want %v", tc.name, got, tc.want)
			}
		})
	}
}

func TestAdmits(t *testing.T) {
	for _, tc := range []struct {
		typ  string
		ev   []string
		want bool
	}{
		{news.Person, []string{EvidenceGivenName}, true},
		{news.Person, []string{EvidenceSurname}, false},
		{news.Person, []string{EvidenceSurname, EvidenceCorroborate}, true},
		{news.Person, []string{EvidenceBodyHead}, false},
		{news.Person, []string{EvidenceCorroborate}, false},
		{news.Organization, []string{EvidenceSpeaker}, true},
		{news.Organization, []string{EvidenceGivenName}, false},
		{news.Organization, []string{EvidenceCorroborate}, false},
		{news.Organization, nil, false},
	} {
		t.Run(fmt.Sprint(tc.typ, tc.ev), func(t *testing.T) {
			if got := admits(tc.typ, tc.ev); got != tc.want {
				t.Errorf("admits(%s, %v) = %v, want %v", tc.typ, tc.ev, got, tc.want)
			}
		})
	}
	if !(Group{Name: "Ohio", Type: news.Place}).Listed() {
		t.Error("a place is listed without evidence: the gate is about people and organisations")
	}
}

func TestGarbled(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"Fran\u00c3", true}, // "Franç…" decoded as Latin-1, cut
		{"Jos\u00c3\u00a9 Vell", true},
		{"Dana \ufffdRuel", true},
		{"FranA\u0303", true}, // the same, decomposed
		{"José Vell", false},  // a real accent
		{"Margaret Tollivant", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := garbled(tc.name); got != tc.want {
				t.Errorf("garbled(%q) = %v, want %v", tc.name, got, tc.want)
			}
		})
	}
}

func TestLowerWords(t *testing.T) {
	want := map[string]bool{"workshop": true, "store": true, "élan": true, "vell": true}
	for _, tc := range []struct {
		body string
		got  []string
	}{
		{"a workshop opened", []string{"workshop"}},
		{"“workshop” and —store—", []string{"store", "workshop"}}, // curly quotes and dashes split words
		{"with élan", []string{"élan"}},
		{"Workshop Vell", nil}, // capitalised: not written small
		{"workshops", nil},     // another word
	} {
		t.Run(tc.body, func(t *testing.T) {
			got := lowerWords([]string{tc.body}, want)
			if len(got) != len(tc.got) {
				t.Fatalf("lowerWords(%q) = %v, want %v", tc.body, got, tc.got)
			}
			for _, w := range tc.got {
				if !got[w] {
					t.Errorf("lowerWords(%q) = %v, want %v", tc.body, got, tc.got)
				}
			}
		})
	}
}

func TestBylinePerson(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"Dana Ruel", true},
		{"Margaret A. Tollivant", true},
		{"Associated Press", false},    // a known organisation
		{"The Editorial Board", false}, // an organisation's head word
		{"Ann Marie Vell", true},
		{"Vell Wire Service", false},                   // a head word
		{"Harrowgate Times", false},                    // a publication's head
		{"Dana Ruel NORBURY", false},                   // page text in capitals
		{"Dana Ruel Vell Tollivant Harrowgate", false}, // overlong
		{"FranÃ Ruel", false},                          // wrongly decoded
		{"", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := BylinePerson(tc.name); got != tc.want {
				t.Errorf("BylinePerson(%q) = %v, want %v", tc.name, got, tc.want)
			}
		})
	}
}
