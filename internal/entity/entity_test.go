package entity

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
)

// find returns the entity named name, if any.
func find(a *news.Article, name string) (news.Entity, bool) {
	for _, e := range a.Entities {
		if e.Name == name {
			return e, true
		}
	}
	return news.Entity{}, false
}

func TestFind(t *testing.T) {
	type want struct{ name, typ, role string }
	tests := []struct {
		name   string
		paras  []string
		want   []want
		absent []string // names that must not be entities
	}{
		{"role stripped", []string{"Secretary of State Alan Brookfield met the press on Monday."},
			[]want{{"Alan Brookfield", news.Person, "Secretary of State"}}, []string{"Secretary of State Alan Brookfield", "Monday"}},
		{"demonym and role chain", []string{"Italian Foreign Minister Paolo Verdi arrived late."},
			[]want{{"Paolo Verdi", news.Person, "Italian Foreign Minister"}}, []string{"Italian"}},
		{"abbreviated title", []string{"The bill was backed by Sen. Laura Kensington and Gov. Mark Odell."},
			[]want{{"Laura Kensington", news.Person, "Sen."}, {"Mark Odell", news.Person, "Gov."}}, nil},
		{"dateline", []string{"OSLO — Talks resumed in the capital after a pause, officials said."},
			[]want{{"OSLO", news.Place, ""}}, []string{"Talks"}},
		{"possessive and surname coreference", []string{"Negotiator Hanna Lindqvist arrived.", "Lindqvist’s proposal was rejected, and Lindqvist said she would return."},
			[]want{{"Hanna Lindqvist", news.Person, ""}}, []string{"Lindqvist", "Lindqvist’s"}},
		{"surname before full name", []string{"Okafor spoke first.", "Later, Dr. Emeka Okafor told reporters he was pleased."},
			[]want{{"Emeka Okafor", news.Person, "Dr."}}, []string{"Okafor"}},
		{"middle initial and appositive title", []string{"The spokeswoman, Olga V. Petrenko, said the talks failed.", "Petrenko did not elaborate."},
			[]want{{"Olga V. Petrenko", news.Person, "spokeswoman"}}, []string{"Petrenko"}},
		{"lower-case title before a name", []string{"The ministry spokesman Tomas Vrba declined to comment."},
			[]want{{"Tomas Vrba", news.Person, "spokesman"}}, nil},
		{"al- particle", []string{"Talks with Bashar al-Assad stalled.", "Assad refused to meet."},
			[]want{{"Bashar al-Assad", news.Person, ""}}, []string{"Assad"}},
		{"person of place split", []string{"He met President Jorge Almeida of Brazil for an hour."},
			[]want{{"Jorge Almeida", news.Person, "President"}, {"Brazil", news.Place, ""}}, []string{"Jorge Almeida of Brazil"}},
		{"acronym to expansion", []string{"The North Atlantic Treaty Organization met in Brussels.", "NATO leaders agreed."},
			[]want{{"North Atlantic Treaty Organization", news.Organization, ""}, {"Brussels", news.Place, ""}}, []string{"NATO"}},
		{"lone acronym is an organisation", []string{"The report was published by the OECD on its website."},
			[]want{{"OECD", news.Organization, ""}}, nil},
		{"org head words", []string{"The Foreign Ministry and Acme Corp issued statements, as did Fox Business."},
			[]want{{"Foreign Ministry", news.Organization, ""}, {"Acme Corp", news.Organization, ""}, {"Fox Business", news.Organization, ""}}, nil},
		{"org tail coreference", []string{"The United Nations Security Council voted.", "It was the eighth Security Council veto."},
			[]want{{"United Nations Security Council", news.Organization, ""}}, []string{"Security Council"}},
		{"sentence-initial function words", []string{"But the plan failed. The Kremlin said nothing. However, Moscow objected."},
			[]want{{"Kremlin", news.Organization, ""}, {"Moscow", news.Place, ""}}, []string{"But", "The", "However", "The Kremlin"}},
		{"sentence-initial ordinary word", []string{"Further delays are likely, analysts said."}, nil, []string{"Further"}},
		{"weekdays and months", []string{"The vote on Wednesday, April 4, was delayed until May."}, nil, []string{"Wednesday", "April", "May"}},
		{"demonyms alone", []string{"Russian leaders met Syrian officials."}, nil, []string{"Russian", "Syrian"}},
		{"place gazetteer and preposition", []string{"Fighting spread from Aleppo to Idlib and across Kentucky."},
			[]want{{"Aleppo", news.Place, ""}, {"Idlib", news.Place, ""}, {"Kentucky", news.Place, ""}}, nil},
		{"unknown word with place preposition", []string{"Residents of Zembla fled; troops stayed in Zembla overnight."},
			[]want{{"Zembla", news.Place, ""}}, nil},
		{"person cue verb", []string{"Hollister said the deal was done."},
			[]want{{"Hollister", news.Person, ""}}, nil},
		{"plural subject is no name", []string{"Officials said the deal was done."}, nil, []string{"Officials"}},
		{"person cue verb mid-sentence", []string{"On the tape, Hollister said the deal was done."},
			[]want{{"Hollister", news.Person, ""}}, nil},
		{"first name alone refers to the person", []string{"Reporter Lucian Kowalski filed the story.", "It was tense, Lucian notes."},
			[]want{{"Lucian Kowalski", news.Person, ""}}, []string{"Lucian"}},
		{"then- prefix", []string{"A deal negotiated by then-Secretary of State Ellen Marsh collapsed."},
			[]want{{"Ellen Marsh", news.Person, "Secretary of State"}}, []string{"State Ellen Marsh"}},
		{"hyphenated places", []string{"The US-Russia talks stalled."},
			[]want{{"US", news.Place, ""}, {"Russia", news.Place, ""}}, []string{"US-Russia"}},
		{"headline words only join known names", []string{"Dunmore, Pell Meet At Summit, Discuss Tensions Between Allies", "Vice President Rosa Dunmore met Pell, the minister, who said little."},
			[]want{{"Rosa Dunmore", news.Person, "Vice President"}}, []string{"Pell Meet", "Meet", "Discuss Tensions"}},
		{"all-caps credit line", []string{"Photo by someone.FRANK MORROW/ASSOCIATED PRESS"},
			[]want{{"ASSOCIATED PRESS", news.Organization, ""}}, []string{"FRANK MORROW"}},
		{"organisation on a place", []string{"The debate was held at Hofstra University on Long Island."},
			[]want{{"Hofstra University", news.Organization, ""}, {"Long Island", news.Place, ""}}, nil},
		{"title gender blocks a surname match", []string{"Hillary Clinton spoke first. Bill Clinton spoke next.", "Later Mrs. Clinton left."},
			[]want{{"Bill Clinton", news.Person, ""}, {"Hillary Clinton", news.Person, "Mrs."}}, nil},
		{"transcript speaker label", []string{"Host Anna Berg asked about the plan.", "DORAN: Well, we will see."},
			[]want{{"DORAN", news.Person, ""}}, []string{"Well"}},
		{"party-and-state tag", []string{"Rep. Jo Ellison (D-Ill.) objected."},
			[]want{{"Jo Ellison", news.Person, "Rep."}}, []string{"D", "Ill"}},
		{"words run together at a period", []string{"They met on Tuesday.PAUL GREEN/REUTERS"},
			[]want{{"REUTERS", news.Organization, ""}}, []string{"Tuesday.PAUL", "PAUL GREEN"}},
		{"place head word", []string{"Flooding hit Marlow County and the Tarrin River valley."},
			[]want{{"Marlow County", news.Place, ""}, {"Tarrin River", news.Place, ""}}, nil},
		{"organisation then title", []string{"NAACP President Dora Keyes spoke."},
			[]want{{"NAACP", news.Organization, ""}, {"Dora Keyes", news.Person, "President"}}, []string{"NAACP President Dora Keyes"}},
		{"generational suffix", []string{"Rep. Thomas M. Avery III spoke.", "Avery left."},
			[]want{{"Thomas M. Avery III", news.Person, "Rep."}}, []string{"Avery"}},
		{"acronym alias", []string{"The European Union and the E.U. envoy met."},
			[]want{{"European Union", news.Organization, ""}}, []string{"E.U."}},
		{"inverted organisation name", []string{"The Department of Justice opened a case; a Justice Department lawyer declined to comment."},
			[]want{{"Department of Justice", news.Organization, ""}}, []string{"Justice Department"}},
		{"lower-case prefix", []string{"The post-World War II order faced anti-Kessler protests; Kessler said little."},
			[]want{{"Kessler", news.Person, ""}}, []string{"War II", "post-World War II", "anti-Kessler"}},
		{"unknown word opening a title", []string{"“We disagree,” Oversight Chairman Bo Ridley said.", "City Attorney Brad Olin wrote the letter."},
			[]want{{"Bo Ridley", news.Person, "Oversight Chairman"}, {"Brad Olin", news.Person, "City Attorney"}}, nil},
		{"head word for its organisation", []string{"The Clarion Times reported the deal.", "“It is done,” the Times wrote, the Navy said, and the Ministry agreed."},
			[]want{{"Clarion Times", news.Organization, ""}, {"Navy", news.Organization, ""}}, []string{"Times", "Ministry"}},
		{"modifier before a known name", []string{"Former GOP nominee Dana Pruitt and Republican U.S. senators met."},
			[]want{{"GOP", news.Organization, ""}, {"Dana Pruitt", news.Person, "nominee"}}, []string{"Former GOP", "Republican U.S."}},
		{"lower-case adjective is no title", []string{"Several major Internet companies objected."}, nil, []string{"Internet"}},
		{"laws and storms are no names", []string{"The Dream Act passed before Hurricane Sandy hit."}, nil, []string{"Dream Act", "Hurricane Sandy"}},
		{"first name before a non-name word", []string{"Actress Doris Day sang."},
			[]want{{"Doris Day", news.Person, "Actress"}}, nil},
		{"place first words", []string{"Troops left Fort Myers for South Boston."},
			[]want{{"Fort Myers", news.Place, ""}, {"South Boston", news.Place, ""}}, nil},
		{"hyphenated head word", []string{"The Lakeview Post-Dispatch reported it."},
			[]want{{"Lakeview Post-Dispatch", news.Organization, ""}}, nil},
		{"common words in capitals", []string{"After World War II the city grew; the war ended."}, nil, []string{"World War II"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := analyse(t, tc.paras)
			body := a.Body()
			for _, w := range tc.want {
				e, ok := find(a, w.name)
				if !ok {
					t.Errorf("missing %q; got %v", w.name, names(a))
					continue
				}
				if e.Type != w.typ {
					t.Errorf("%q type = %s, want %s", w.name, e.Type, w.typ)
				}
				if w.role != "" && e.Role != w.role {
					t.Errorf("%q role = %q, want %q", w.name, e.Role, w.role)
				}
			}
			for _, n := range tc.absent {
				if _, ok := find(a, n); ok {
					t.Errorf("unexpected entity %q; got %v", n, names(a))
				}
			}
			for _, e := range a.Entities {
				for _, m := range e.Mentions {
					if m.Start < 0 || m.End > len(body) || m.Start >= m.End || body[m.Start:m.End] != m.Text {
						t.Errorf("bad mention %+v", m)
					}
				}
			}
		})
	}
}

func names(a *news.Article) []string {
	var out []string
	for _, e := range a.Entities {
		out = append(out, e.Type+":"+e.Name)
	}
	return out
}

func TestMentionsMerged(t *testing.T) {
	a := analyse(t, []string{"MOSCOW — Secretary of State Alan Brookfield met President Ivan Sokolov.", "Brookfield’s aides said Sokolov was late. Brookfield left Moscow."})
	e, ok := find(a, "Alan Brookfield")
	if !ok {
		t.Fatalf("no Alan Brookfield in %v", names(a))
	}
	var got []string
	for _, m := range e.Mentions {
		got = append(got, m.Text)
	}
	if want := "Alan Brookfield|Brookfield|Brookfield"; strings.Join(got, "|") != want {
		t.Errorf("mentions = %q, want %q", strings.Join(got, "|"), want)
	}
	p, ok := find(a, "Moscow")
	if !ok || p.Type != news.Place || len(p.Mentions) != 2 {
		t.Errorf("Moscow = %+v, want a place with 2 mentions (dateline included)", p)
	}
}

func TestWords(t *testing.T) {
	r := testRecognizer()
	tests := []struct {
		word          string
		first, titleG string
		title, stop   bool
	}{
		{"Maria", "f", "", false, false},
		{"Sergey", "m", "", false, false},
		{"Theresa", "f", "", false, false},
		{"Kellyanne", "f", "", false, false},
		{"Condi", "f", "", false, false},
		{"Kim", "", "", false, false},     // common for both
		{"Lindsey", "", "", false, false}, // common for both
		{"Okafor", "", "", false, false},
		{"Ms.", "", "f", true, true},
		{"Mr", "", "m", true, true},
		{"spokeswoman", "", "f", true, false},
		{"wife", "", "f", false, false},
		{"President", "", "", true, false},
		{"Former", "", "", true, false},
		{"Russian", "", "", true, false},
		{"U.S", "", "", true, false},
		{"The", "", "", false, true},
		{"Officials", "", "", false, true},
		{"Wednesday", "", "", false, false},
		{"May", "", "", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			if got := r.FirstNameGender(tc.word); got != tc.first {
				t.Errorf("FirstNameGender = %q, want %q", got, tc.first)
			}
			if got := r.TitleGender(tc.word); got != tc.titleG {
				t.Errorf("TitleGender = %q, want %q", got, tc.titleG)
			}
			if got := r.IsTitle(tc.word); got != tc.title {
				t.Errorf("IsTitle = %v, want %v", got, tc.title)
			}
			if got := r.IsFunctionWord(tc.word); got != tc.stop {
				t.Errorf("IsFunctionWord = %v, want %v", got, tc.stop)
			}
		})
	}
	for w, want := range map[string]bool{"de": true, "bin": true, "of": false, "Smith": false} {
		if got := r.IsNameParticle(w); got != want {
			t.Errorf("IsNameParticle(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestFirstNamesExtra: a hand-listed first name has one gender; a name
// listed twice with different genders would silently take the later one.
func TestFirstNamesExtra(t *testing.T) {
	seen := map[string]string{}
	for _, f := range strings.Fields(firstNamesExtra) {
		name, g, _ := strings.Cut(f, ":")
		if prev, ok := seen[name]; ok && prev != g {
			t.Errorf("%s listed as %s and as %s", name, prev, g)
		}
		seen[name] = g
	}
}

func TestLastName(t *testing.T) {
	tests := []struct {
		a, b string
		last string
		same bool
	}{
		{"Rex Tillerson", "Tillerson", "tillerson", true},
		{"Rex Tillerson's", "TILLERSON", "tillerson", true},
		{"Trump’s", "Donald Trump", "trump", true},
		{"Sen. John McCain,", "McCain", "mccain", true},
		{"Maria Zakharova", "Sergey Lavrov", "zakharova", false},
		{"", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.a+"/"+tc.b, func(t *testing.T) {
			if got := LastName(tc.a); got != tc.last {
				t.Errorf("LastName(%q) = %q, want %q", tc.a, got, tc.last)
			}
			if got := SameLastName(tc.a, tc.b); got != tc.same {
				t.Errorf("SameLastName = %v, want %v", got, tc.same)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	a1 := analyse(t, []string{"Secretary of State Alan Brookfield met Bashar al-Assad in Damascus.", "Brookfield left the U.S. embassy."})
	a2 := analyse(t, []string{"Brookfield said the United States would act.", "Bashar Assad said little."})
	a3 := analyse(t, []string{"The weather in Oslo was fine."})
	gs := Resolve([]*news.Article{a1, a2, a3})
	get := func(name string) (Group, bool) {
		for _, g := range gs {
			if g.Name == name {
				return g, true
			}
		}
		return Group{}, false
	}
	tests := []struct {
		name string
		typ  string
		arts []int
	}{
		{"Alan Brookfield", news.Person, []int{0, 1}},
		{"Bashar al-Assad", news.Person, []int{0, 1}},
		{"United States", news.Place, []int{0, 1}},
		{"Oslo", news.Place, []int{2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, ok := get(tc.name)
			if !ok {
				t.Fatalf("no group %q in %+v", tc.name, gs)
			}
			if g.Type != tc.typ || !equalInts(g.Articles, tc.arts) {
				t.Errorf("group %+v, want type %s articles %v", g, tc.typ, tc.arts)
			}
		})
	}
	for _, g := range gs {
		if g.Name == "Brookfield" || g.Name == "Bashar Assad" {
			t.Errorf("short form %q not merged: %+v", g.Name, gs)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestResolveAmbiguousSurname(t *testing.T) {
	a1 := analyse(t, []string{"Hillary Clinton spoke in Ohio."})
	a2 := analyse(t, []string{"Bill Clinton spoke in Iowa."})
	a3 := analyse(t, []string{"On the trail, Clinton said little."})
	for _, g := range Resolve([]*news.Article{a1, a2, a3}) {
		if (g.Name == "Hillary Clinton" || g.Name == "Bill Clinton") && len(g.Articles) != 1 {
			t.Errorf("ambiguous surname merged: %+v", g)
		}
	}
}

// TestConcurrentFind checks that one Recognizer serves goroutines at once
// with the same results as in sequence.
func TestConcurrentFind(t *testing.T) {
	paras := benchParas()
	want := names(analyse(t, paras))
	r := testRecognizer()
	sg := testSegmenter(t)
	done := make(chan []string)
	for i := 0; i < 4; i++ {
		go func() {
			a := &news.Article{Paragraphs: paras}
			if err := sg.Analyze(a); err != nil {
				t.Error(err)
			}
			if err := r.Analyze(a); err != nil {
				t.Error(err)
			}
			done <- names(a)
		}()
	}
	for i := 0; i < 4; i++ {
		if got := <-done; strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("concurrent result differs:\n got %v\nwant %v", got, want)
		}
	}
}

// TestIsArea: countries, US states and regions hold towns; towns and
// cities do not.
func TestIsArea(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"Ohio", true}, {"Vietnam", true}, {"the Middle East", true}, {"U.S.", true}, {"UK", true},
		{"Dayton", false}, {"Norbury", false}, {"St. Louis", false}, {"", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := IsArea(tc.name); got != tc.want {
				t.Errorf("IsArea(%q) = %v, want %v", tc.name, got, tc.want)
			}
		})
	}
}
