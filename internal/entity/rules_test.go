package entity

import (
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
)

// TestTypeRules covers one rule a row: the names it must give a type to
// (want) and the names it must keep out or retype (absent).
func TestTypeRules(t *testing.T) {
	type want struct{ name, typ string }
	tests := []struct {
		rule   string
		paras  []string
		want   []want
		absent []string
	}{
		{"isGreeting", []string{"Hi Marta, the report is ready, wrote Pavel Dorn.", "Hello everyone, Dorn added."},
			[]want{{"Pavel Dorn", news.Person}}, []string{"Hi", "Hi Marta", "Hello"}},
		{"isContraction", []string{"We're Ready, said Lena Brant.", "Don't Ask was the slogan, Brant said."},
			[]want{{"Lena Brant", news.Person}}, []string{"We're", "We're Ready", "Don't Ask"}},
		{"headingLabel", []string{"UPDATE: The council voted on Tuesday, Mayor Ilse Varga said.", "The update came late."},
			[]want{{"Ilse Varga", news.Person}}, []string{"UPDATE"}},
		{"headingLabel keeps speakers", []string{"VARGA: We will vote.", "Ilse Varga chairs the council."},
			[]want{{"Ilse Varga", news.Person}}, nil},
		{"publication", []string{"The Hollin Report reported the leak first.", "The Weekly Sentinel and the Daily Ledger followed."},
			[]want{{"Hollin Report", news.Organization}, {"Weekly Sentinel", news.Organization}, {"Daily Ledger", news.Organization}}, nil},
		{"publication is not a person's surname", []string{"Jack Standard said the rules were simple."},
			[]want{{"Jack Standard", news.Person}}, nil},
		{"adjectiveOpening", []string{"The show Big Orchard won again, and Golden Harrow lost, said Nadia Ferrell."},
			[]want{{"Nadia Ferrell", news.Person}}, []string{"Big Orchard", "Golden Harrow"}},
		{"placeAfterTitle", []string{"Miss Ohio won the crown, and Miss Bela Torn came second."},
			[]want{{"Bela Torn", news.Person}}, []string{"Miss Ohio", "Ohio"}},
		{"pluralOfLower", []string{"A contractor was hired.", "Contractors said the work was late."}, nil, []string{"Contractors"}},
		{"lone head word is no person", []string{"Channel said nothing.", "News said the rest."}, nil, []string{"Channel", "News"}},
		{"reportingOpener", []string{"Senator Ruth Calder spoke first.", "Added Calder, the vote is close."},
			[]want{{"Ruth Calder", news.Person}}, []string{"Added Calder"}},
		{"pluralRole", []string{"Presidents Kessler and Moyo met at noon."}, nil, []string{"Presidents Kessler"}},
		{"spelledInLower", []string{"The sleep cycle (SC) and the light response index (LRI) were measured.", "The LRI rose while the SC fell."},
			nil, []string{"SC", "LRI"}},
		{"hasDigit", []string{"The M4 route and the B12 road were closed."}, nil, []string{"M4", "B12"}},
		{"andJoinsOrg", []string{"The House Roads and Bridges Committee met, said Tom Ferris."},
			[]want{{"House Roads and Bridges Committee", news.Organization}}, []string{"House Roads", "Roads"}},
		{"andJoinsOrg before a title", []string{"House Roads and Bridges Committee Chairman Tom Ferris spoke."},
			[]want{{"House Roads and Bridges Committee", news.Organization}, {"Tom Ferris", news.Person}}, []string{"House Roads"}},
		{"andJoinsOrg then a title", []string{"House Roads and Bridges Chairman Tom Ferris spoke."},
			[]want{{"Tom Ferris", news.Person}}, []string{"House Roads", "Roads"}},
		{"orgCoordinated", []string{"The Center on Farming and Rural Affairs said so, and the Bureau of Salt, Grain, Timber and Fisheries agreed."},
			[]want{{"Center on Farming and Rural Affairs", news.Organization}, {"Bureau of Salt, Grain, Timber and Fisheries", news.Organization}},
			[]string{"Center on Farming", "Bureau of Salt"}},
		{"orgCoordinated leaves two names", []string{"The Bank of Ireland and Belfast Trust agreed, and the Office of Trade and Ingrid Solberg met."},
			[]want{{"Bank of Ireland", news.Organization}}, []string{"Bank of Ireland and Belfast Trust", "Office of Trade and Ingrid Solberg"}},
		{"andJoinsOrg past the head word", []string{"Ruth Ames sits on the House Committee on Oversight and Government Reform."},
			[]want{{"House Committee on Oversight and Government Reform", news.Organization}}, []string{"Reform"}},
		{"bodyOpening", []string{"The Senate Roads panel met, and Senate Roads staff said it would vote."}, nil, []string{"Senate Roads"}},
		{"andJoinsOrg leaves people", []string{"Maria Lund and Peter Lund Foundation staff met."}, nil, []string{"Maria Lund and Peter Lund Foundation"}},
		{"pluralNonName", []string{"The Emmy Harvest Awards were handed out."}, nil, []string{"Emmy Harvest Awards"}},
		{"unknown repeated word", []string{"The Charter was signed.", "Later the Charter was amended, and the Charter stands."}, nil, []string{"Charter"}},
		{"personEvidence drops bare capitals", []string{"Guests met at Brindle Wharf and sang Quarry Lantern, then left for Tamsin Quay."},
			nil, []string{"Brindle Wharf", "Quarry Lantern", "Tamsin Quay"}},
		{"personEvidence keeps a reporting verb", []string{"The plan works, Orrin Vesk said."}, []want{{"Orrin Vesk", news.Person}}, nil},
		{"personEvidence keeps a surname used alone", []string{"Ysolde Marrack won the race.", "Later Marrack thanked the crowd."},
			[]want{{"Ysolde Marrack", news.Person}}, nil},
		{"personEvidence wants the surname alone untyped or a person", []string{"She was a Tillvik Quire editor.", "Prices rose in Quire, she said."},
			nil, []string{"Tillvik Quire"}},
		{"personEvidence keeps a title inside the name", []string{"“We agreed,” Mr. Orvell of the Kestrel Trust said."},
			[]want{{"Mr. Orvell", news.Person}}, nil},
		{"personEvidence keeps a surname after a first name and a quoted nickname", []string{"The board picked William “Tip” Drummel, a lawyer, as its chair."},
			[]want{{"Drummel", news.Person}}, nil},
		{"personEvidence wants the first name before a quoted word", []string{"The song \"Blue\" Harbor Nights rose in the charts."},
			nil, []string{"Harbor Nights"}},
		{"hearerVerbs", []string{"Ada Brenn told Quillfeed the vote was close."}, []want{{"Ada Brenn", news.Person}}, []string{"Quillfeed"}},
		{"clauseEnds", []string{"A judge said Harlomart could be held liable."}, nil, []string{"Harlomart"}},
		{"clauseEnds keeps an inverted attribution", []string{"The vote is close, said Dervla Quint."}, []want{{"Dervla Quint", news.Person}}, nil},
		{"the before a name", []string{"The fans cheered, the Rockhounds said.", "She drove the Brisco Tahr to the Kelmont Wharf."},
			[]want{{"Rockhounds", news.Organization}}, []string{"Brisco Tahr", "Kelmont Wharf"}},
		{"ticker", []string{"Handbag maker Ovando ODO.N agreed to buy Lisette Marr LMR.L for cash."}, nil, []string{"ODO", "Lisette Marr LMR"}},
		{"romanNumeral and acronymPlural", []string{"The II was better, and short ISTs helped."}, nil, []string{"II", "ISTs"}},
		{"bareAcr", []string{"Neurons in the VRN fire, and VRN cells rest.", "The QLPA chairman said the QLPA's rules stand."},
			[]want{{"QLPA", news.Organization}}, []string{"VRN"}},
		{"bareAcr after by the", []string{"The study was published by the OXDA on Monday."}, []want{{"OXDA", news.Organization}}, nil},
		{"workTitle", []string{"Their album “Winter Vellum” and the song Copper Lantern sold well, Ilka Dorne said."},
			[]want{{"Ilka Dorne", news.Person}}, []string{"Winter Vellum", "Copper Lantern"}},
		{"titleCaseQuote", []string{"Their hit “Take ‘Em Higher,” came out in May.", "“I trust Petra Vance,” he said."},
			[]want{{"Petra Vance", news.Person}}, []string{"Em Higher"}},
		{"ampersand", []string{"The deal went to Hollis Brandt & Co late on Friday."}, []want{{"Hollis Brandt", news.Organization}}, nil},
		{"speakerLabel is no heading with a function word", []string{"TIPS FOR SAVING: Start early."}, nil, []string{"TIPS FOR SAVING"}},
		{"placeNounOf", []string{"The attack hit the town of Khalil Varosh on Tuesday."}, []want{{"Khalil Varosh", news.Place}}, nil},
		{"title rest is no name", []string{"Before that he was the Chief Technology Officer for Quillfeed, and Prime Minister John Major met him."},
			[]want{{"John Major", news.Person}}, []string{"Technology Officer"}},
		{"kindNoun before a name", []string{"The rap duo Quell Brant split, and handbag maker Dara Vell grew."},
			[]want{{"Quell Brant", news.Organization}, {"Dara Vell", news.Organization}}, nil},
		{"kindNoun in an appositive", []string{"Ian Hale was prepping Lantern Row, an $80 million project set at sea, and Orla Tamm, a retailer, sold it.", "The alarm went off in Vell Hall, a dormitory near the lake."},
			[]want{{"Orla Tamm", news.Organization}}, []string{"Lantern Row", "Vell Hall"}},
		{"kindNoun leaves people", []string{"Ian Hale, a company spokesman, and Anna Tamm, the band member, spoke, said Ada Lee, the company's chief."},
			[]want{{"Ian Hale", news.Person}, {"Anna Tamm", news.Person}, {"Ada Lee", news.Person}}, nil},
		{"dj and mc are titles", []string{"The crowd cheered DJ Ravel and MC Tork, the promoter said."},
			[]want{{"Ravel", news.Person}, {"Tork", news.Person}}, []string{"MC Tork", "DJ Ravel"}},
		{"thingHeads", []string{"No Amber Alert was issued, and Rocky Mountain Spotted Fever was ruled out, said Jo Rennick."},
			[]want{{"Jo Rennick", news.Person}}, []string{"Amber Alert", "Rocky Mountain Spotted Fever"}},
		{"gallery and observatory heads", []string{"He opened Thomas Vell Signature Galleries, and the Tillby Observatory for Human Rights said so."},
			[]want{{"Thomas Vell Signature Galleries", news.Organization}, {"Tillby Observatory for Human Rights", news.Organization}}, nil},
		{"generic head word joins its full name", []string{"The Tillby Observatory for Human Rights said 18 died.", "The Observatory said more were hurt, and the Committee met."},
			[]want{{"Tillby Observatory for Human Rights", news.Organization}}, []string{"Observatory", "Committee"}},
		{"splitConnectors after a head word and a connector", []string{"The International Agency for Research on Salt said so."},
			[]want{{"International Agency for Research on Salt", news.Organization}}, []string{"International Agency for Research"}},
		{"corpSuffix", []string{"The coins went to Holcomb Americana, Inc. and Dara Vell Ltd for auction."},
			[]want{{"Holcomb Americana", news.Organization}, {"Dara Vell Ltd", news.Organization}}, nil},
		{"jobAt", []string{"“Prices rise,” said Ed Varn, an analyst at Morrow Keats.", "Ivy Ross worked at the Tillby Underground for years."},
			[]want{{"Ed Varn", news.Person}, {"Morrow Keats", news.Organization}, {"Tillby Underground", news.Organization}, {"Ivy Ross", news.Person}}, nil},
		{"residence", []string{"Ralph Potter, of Upper Tillby, was charged.", "An Upper Tillby man was held, and Ian Moss, of Tillby History Society, spoke."},
			[]want{{"Ralph Potter", news.Person}, {"Tillby History Society", news.Organization}}, []string{"Upper Tillby"}},
		{"innerRole", []string{"“We are proud,” Ferris Bay President Dana Ruel said.", "Hope County Council Member Ian Vell agreed."},
			[]want{{"Dana Ruel", news.Person}, {"Ian Vell", news.Person}}, []string{"Ferris Bay President Dana Ruel", "Hope County Council Member Ian Vell"}},
		{"innerRole leaves a body's name", []string{"Grace Harbor Memorial Hospital said the ward was full, Ida Pell said."},
			[]want{{"Grace Harbor Memorial Hospital", news.Organization}, {"Ida Pell", news.Person}}, nil},
		{"titledName", []string{"Trump met Senate Minority Leader Ann Lorre and House Minority Leader Ruth Vasko on Tuesday."},
			[]want{{"Ann Lorre", news.Person}, {"Ruth Vasko", news.Person}}, []string{"Ann Lorre and House Minority"}},
		{"aliasCue known as", []string{"The label mourned Albert Sarno, better known to his fans as Tallow, on Monday.", "Tallow said in May that he was ill."},
			[]want{{"Albert Sarno", news.Person}}, []string{"Tallow"}},
		{"aliasCue born", []string{"Tallow, born Albert Sarno, grew up in Queens.", "Tallow said he loved the city."},
			[]want{{"Albert Sarno", news.Person}}, []string{"Tallow"}},
		{"aliasCue then known as", []string{"His mother, Nadia Sarno – then known as Nadia Colm – sang, Tallow said.", "Nadia Colm said she was proud."},
			[]want{{"Nadia Sarno", news.Person}}, []string{"Nadia Colm"}},
		{"aliasCue leaves a place", []string{"Karim Haddad lives in the district known as Bab Tallow, Haddad said."},
			[]want{{"Karim Haddad", news.Person}}, nil},
		{"placeNames", []string{"Austin Pelloran, 21, was charged, police said.", "Police said Pelloran was released."},
			[]want{{"Austin Pelloran", news.Person}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.rule, func(t *testing.T) {
			a := analyse(t, tc.paras)
			for _, w := range tc.want {
				e, ok := find(a, w.name)
				if !ok {
					t.Errorf("missing %q (have %v)", w.name, a.Entities)
					continue
				}
				if e.Type != w.typ {
					t.Errorf("%q: type %s, want %s", w.name, e.Type, w.typ)
				}
			}
			for _, n := range tc.absent {
				if e, ok := find(a, n); ok {
					t.Errorf("unexpected %q (%s)", n, e.Type)
				}
			}
		})
	}
}

// TestResolveVariants covers the story-level merges: each row's articles
// must give one group named full of type typ.
func TestResolveVariants(t *testing.T) {
	tests := []struct {
		rule, full, typ string
		arts            [][]string
		absent          []string
	}{
		{"nameVariant middle name", "Greta Holm Lindqvist", news.Person,
			[][]string{{"Greta Holm Lindqvist spoke on Monday."}, {"Greta Lindqvist said the talks went well."}}, []string{"Greta Lindqvist"}},
		{"nameVariant short first name", "Benjamin Arlo Pruitt", news.Person,
			[][]string{{"Benjamin Arlo Pruitt said he would run."}, {"Ben Pruitt said the race was open."}}, []string{"Ben Pruitt"}},
		{"dropTitles", "Harriet Osei", news.Person,
			[][]string{{"Harriet Osei said the bill would pass."}, {"Sen. Harriet Osei said it again."}}, nil},
		{"first names alone", "Lorna Mae Quist", news.Person,
			[][]string{{"Lorna Mae Quist spoke to reporters."}, {"The plan worked, Lorna Mae said."}}, []string{"Lorna Mae"}},
		{"nicknames", "Charles Dunmore", news.Person,
			[][]string{{"Senator Charles Dunmore spoke."}, {"Chuck Dunmore said the bill would pass."}}, []string{"Chuck Dunmore"}},
		{"pluralOf", "Denver Public Schools", news.Organization,
			[][]string{{"Denver Public Schools officials said staff were told."}, {"A former Denver Public School teacher was charged."}}, []string{"Denver Public School"}},
		{"spellingVariant typo in the surname", "Marisol Kettering", news.Person,
			[][]string{{"Marisol Kettering said the plan would work.", "Later Marisol Kettering spoke again."}, {"Marisol Ketterign said she agreed."}}, []string{"Marisol Ketterign"}},
		{"spellingVariant swapped letters in the first name", "Jeffrey Oakhurst", news.Person,
			[][]string{{"Jeffrey Oakhurst said the plan would work.", "Jeffrey Oakhurst said it twice."}, {"Jeffery Oakhurst spoke."}}, []string{"Jeffery Oakhurst"}},
		{"foldMarks", "Renée Vallières", news.Person,
			[][]string{{"Renée Vallières said the bill would pass.", "Renée Vallières spoke again."}, {"Renee Vallieres said the vote was close."}}, []string{"Renee Vallieres"}},
		{"aliasOf across articles", "Albert Sarno", news.Person,
			[][]string{{"Tallow said the tour would go on.", "Tallow sang the hook."}, {"The rapper Tallow, born Albert Sarno, was 42, Sarno's label said."}}, []string{"Tallow"}},
		{"bareOneWord keeps a title", "Vasko", news.Person,
			[][]string{{"Senator Vasko said the bill would pass."}, {"Vasko said it again."}}, nil},
		{"bareOneWord keeps an age", "Ilsabet", news.Person,
			[][]string{{"“We read a lot,” said Ilsabet, 12, of her sisters."}, {"Ilsabet said she liked maths."}}, nil},
		{"sameName typed two ways", "Quell Brant", news.Organization,
			[][]string{{"The rap duo Quell Brant split on Monday."}, {"Quell Brant said the tour was off, and Quell Brant said sorry."}}, nil},
		{"acronym beside its expansion", "National Water Board", news.Organization,
			[][]string{{"The National Water Board said the river was low."}, {"The NWB said levels would fall, the NWB added."}}, []string{"NWB"}},
		{"cleanName: a name written twice", "Tamsin Orlo", news.Person,
			[][]string{{"By Tamsin Orlo Tamsin Orlo", "Tamsin Orlo said the vote was close."}, {"Tamsin Orlo spoke."}}, []string{"Tamsin Orlo Tamsin Orlo"}},
		{"cleanName: a party before the name", "Tamsin Orlo", news.Person,
			[][]string{{"Democrat Tamsin Orlo won the seat."}, {"Tamsin Orlo said the vote was close."}}, []string{"Democrat Tamsin Orlo"}},
		{"surnameAsOrg", "Marcus Delacroix", news.Person,
			[][]string{{"Marcus Delacroix said the plan would work."}, {"The Delacroix plan was debated, and the Delacroix budget too."}}, []string{"Delacroix"}},
	}
	for _, tc := range tests {
		t.Run(tc.rule, func(t *testing.T) {
			var arts []*news.Article
			for _, p := range tc.arts {
				arts = append(arts, analyse(t, p))
			}
			gs := Resolve(arts)
			found := false
			for _, g := range gs {
				if g.Name == tc.full {
					found = true
					if g.Type != tc.typ {
						t.Errorf("%q: type %s, want %s", tc.full, g.Type, tc.typ)
					}
				}
				for _, n := range tc.absent {
					if g.Name == n {
						t.Errorf("separate group %q (%s)", n, g.Type)
					}
				}
			}
			if !found {
				t.Errorf("no group %q in %v", tc.full, gs)
			}
		})
	}
}

func TestNameVariant(t *testing.T) {
	tests := []struct {
		full, short string
		want        bool
	}{
		{"anna maria berg", "anna berg", true},
		{"christopher dodd", "chris dodd", true},
		{"anna berg", "anna berg", true},
		{"anna maria berg", "maria berg", false},
		{"al berg", "alan berg", false}, // a short form needs three letters
		{"anna berg", "anna lund", false},
		{"anna maria lisa berg", "anna lisa maria berg", false},
	}
	for _, tc := range tests {
		t.Run(tc.full+"/"+tc.short, func(t *testing.T) {
			if got := nameVariant(nameKeys(tc.full), nameKeys(tc.short)); got != tc.want {
				t.Errorf("nameVariant = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestResolveBareOneWord: a person the story names by one word alone,
// with only reporting verbs, is left out of the groups.
func TestResolveBareOneWord(t *testing.T) {
	a1 := analyse(t, []string{"Quillfeed reported the deal first.", "Later Quillfeed said the sale was off."})
	a2 := analyse(t, []string{"The sale was off, Quillfeed said."})
	for _, g := range Resolve([]*news.Article{a1, a2}) {
		if g.Name == "Quillfeed" && g.Type == news.Person {
			t.Errorf("bare one-word person listed: %+v", g)
		}
	}
}

func TestAgeApposition(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{{", 12, of her sisters", true}, {", 104, died", true}, {", 2016, was", false}, {", the boss", false}, {" 12,", false}, {", 7)", true}}
	for _, tc := range tests {
		t.Run(tc.s, func(t *testing.T) {
			if got := ageApposition(tc.s); got != tc.want {
				t.Errorf("ageApposition(%q) = %v, want %v", tc.s, got, tc.want)
			}
		})
	}
}

func TestSpellingVariant(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"julia louis-dreyfus", "julia louis-drefyus", true},
		{"jeffrey minter", "jeffery minter", true},
		{"rhonda rouer", "rhonda roue", true},
		{"mark hollis", "mary hollis", false}, // two genders
		{"jon smith", "jan smith", false},     // too short to tell a typo
		{"anna berg", "anna berg", false},     // equal: no variant
		{"anna berg", "anne borg", false},     // two words differ
		{"anna maria berg", "anna berg", false},
		{"peter hallorn", "peter hallgren", false}, // two edits
	}
	for _, tc := range tests {
		t.Run(tc.a+"/"+tc.b, func(t *testing.T) {
			if got := spellingVariant(nameKeys(tc.a), nameKeys(tc.b)); got != tc.want {
				t.Errorf("spellingVariant = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestIsContraction(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{{"we're", true}, {"don't", true}, {"i'll", true}, {"o'neill", false}, {"d'angelo", false}, {"it’s", false}}
	for _, tc := range tests {
		t.Run(tc.w, func(t *testing.T) {
			if got := isContraction(tc.w); got != tc.want {
				t.Errorf("isContraction(%q) = %v, want %v", tc.w, got, tc.want)
			}
		})
	}
}

func TestSpelledInLower(t *testing.T) {
	tests := []struct {
		body, acr string
		want      bool
	}{
		{"a rise in the mean arterial pressure (MAP) was seen", "MAP", true},
		{"the nucleus of the raphe (NR) fired", "NR", true},
		{"signed by the Trade Union Council (TUC) today", "TUC", false},
		{"the TUC said", "TUC", false},
		{"an inter-stimulus interval (ISI) of", "ISI", true},
	}
	for _, tc := range tests {
		t.Run(tc.acr, func(t *testing.T) {
			if got := spelledInLower(tc.body, tc.acr); got != tc.want {
				t.Errorf("spelledInLower = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestInitials(t *testing.T) {
	tests := []struct {
		name, acr string
		want      bool
	}{
		{"National Water Board", "NWB", true},
		{"Board of Water and Power", "BWP", true},
		{"National Water Board", "NW", false},
		{"Water Board", "Wb", false}, // not written in capitals
	}
	for _, tc := range tests {
		t.Run(tc.acr, func(t *testing.T) {
			got := isAcronym(tc.acr) && initials(nameKeys(tc.name)) == nameKeys(tc.acr)[0]
			if got != tc.want {
				t.Errorf("%q spells %q = %v, want %v", tc.acr, tc.name, got, tc.want)
			}
		})
	}
}

func TestGluedPrefix(t *testing.T) {
	tests := []struct {
		name, other string
		want        bool
	}{
		{"Obituary Dana Ruel", "Dana Ruel", true},
		{"Photo Credit Dana Ruel", "Dana Ruel", true},
		{"Anna Dana Ruel", "Dana Ruel", false},     // a first name: a middle name
		{"Van Dana Ruel", "Dana Ruel", false},      // a particle
		{"Obituary Dana Ruel", "Ruel", false},      // a surname alone is no name to prefer
		{"Obituary Dana Ruel", "Mona Ruel", false}, // not the tail
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := gluedPrefix(nameKeys(tc.name), [][]string{nameKeys(tc.other)}); got != tc.want {
				t.Errorf("gluedPrefix(%q, %q) = %v, want %v", tc.name, tc.other, got, tc.want)
			}
		})
	}
}

// TestCharacterNames: roles of performers are found by "Y (X)", "X as Y"
// and a casting cue before "as Y"; a possessive and an alias are no role.
func TestCharacterNames(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"role then performer in brackets", "The widow Mira Holt (Dana Ruel) finds the letter.", []string{"mira holt"}},
		{"performer as role", "Dana Ruel as Mira Holt is the film's best turn.", []string{"mira holt"}},
		{"casting cue a few words back", "In the new film Ruel plays a widow, the part written as Mira Holt.", []string{"mira holt"}},
		{"cue in an earlier sentence", "Ruel plays a widow. The town knows her as Mira Holt now.", nil},
		{"casting cue before as", "The studio cast Ruel as Mira Holt, a widow.", []string{"mira holt"}},
		{"possessive", "Senator Dana Ruel served as Mira Holt's deputy for a year.", nil},
		{"alias", "Albert Sarno, known as Tallow, sang the hook.", nil},
		{"no performer", "Mira Holt (the mayor) spoke on Monday.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := analyse(t, []string{tc.text})
			got := characterNames(a.Body(), a.Entities)
			if !slices.Equal(got, tc.want) {
				t.Errorf("characterNames = %q, want %q (entities %v)", got, tc.want, a.Entities)
			}
		})
	}
}

// TestResolveShouted: a transcript's speaker label in capitals is no
// person; initials in capitals are.
func TestResolveShouted(t *testing.T) {
	a := analyse(t, []string{"ORLOVSKY: Good morning. Today we hear from Tamsin Orlo.", "ORLOVSKY: Thank you."})
	b := analyse(t, []string{"JFK spoke in Dallas, aides to Kennedy said."})
	for _, g := range Resolve([]*news.Article{a, b}) {
		if g.Name == "ORLOVSKY" {
			t.Errorf("speaker label listed: %+v", g)
		}
	}
}

func TestCleanName(t *testing.T) {
	tests := []struct{ name, typ, want string }{
		{"Tamsin Orlo Tamsin Orlo", news.Person, "Tamsin Orlo"},
		{"Ferris Bay Ferris Bay", news.Organization, "Ferris Bay"},
		{"Democrat Anna Orlo", news.Person, "Anna Orlo"},
		{"Democrat Orlo", news.Person, "Democrat Orlo"},                     // no first name follows
		{"Liberal Arts Council", news.Organization, "Liberal Arts Council"}, // not a person
		{"Tamsin Orlo", news.Person, "Tamsin Orlo"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cleanName(tc.name, tc.typ); got != tc.want {
				t.Errorf("cleanName(%q) = %q, want %q", tc.name, got, tc.want)
			}
		})
	}
}

func TestInsideName(t *testing.T) {
	tests := []struct {
		name, before, after string
		want                bool
	}{
		{"hyphen", "the Ferris-", " said", true},
		{"of and a capital", "the ", " of Ferris Bay said", true},
		{"ampersand", "lawyers at ", " & Vell said", true},
		{"ampersand company", "buy ", " & Co for $2bn", false},
		{"of and a small word", "the ", " of the city said", false},
		{"possessor", "Ferris Bay's ", " said", false},
		{"plain", "the ", " said", false},
		{"hyphen after a small word", "a non-", " group", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := insideName(tc.before, tc.after); got != tc.want {
				t.Errorf("insideName(%q, %q) = %v, want %v", tc.before, tc.after, got, tc.want)
			}
		})
	}
}

// TestResolveInner: an organisation named only as a piece of a longer
// name is not listed; one named whole is.
func TestResolveInner(t *testing.T) {
	a := analyse(t, []string{"Criticism came from the American Federation of Loggers, which backs the bill.", "A spokesman for law firm Dunmore & Vell said the suit would go on.", "The Ferris Water Board said rates would rise."})
	var got []string
	for _, g := range Resolve([]*news.Article{a}) {
		got = append(got, g.Name)
	}
	for _, n := range []string{"American Federation", "Dunmore"} {
		if slices.Contains(got, n) {
			t.Errorf("fragment %q listed: %q", n, got)
		}
	}
	if !slices.Contains(got, "Ferris Water Board") {
		t.Errorf("no Ferris Water Board in %q", got)
	}
}
