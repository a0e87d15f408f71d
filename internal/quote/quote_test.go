package quote

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/entity"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

type want struct {
	text    string
	speaker string
	partial bool
}

// intro is a paragraph that names the people the cases quote, so that
// surnames resolve to full names.
const intro = "Mayor Anna Lindqvist met the economist Omar Haddad and Foreign Minister Jan Kowalski in Riga."

func analyse(t testing.TB, seg *text.Segmenter, paras []string) *news.Article {
	t.Helper()
	a := &news.Article{Paragraphs: paras}
	if err := seg.Analyze(a); err != nil {
		t.Fatal(err)
	}
	if err := newFinder().Analyze(a); err != nil {
		t.Fatal(err)
	}
	body := a.Body()
	for _, q := range a.Quotes {
		if q.Start < 0 || q.End > len(body) || q.Start > q.End || body[q.Start:q.End] != q.Text {
			t.Fatalf("quote %q: offsets [%d,%d) do not give its text", q.Text, q.Start, q.End)
		}
	}
	return a
}

func TestFind(t *testing.T) {
	seg, err := text.NewSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		paras []string
		want  []want
	}{
		{"after tag X said", []string{intro, "“We will rebuild the bridge,” Lindqvist said on Monday."},
			[]want{{"We will rebuild the bridge,", "Anna Lindqvist", false}}},
		{"after tag said X with apposition", []string{intro, `"Prices will fall next year," said Omar Haddad, who advises the bank.`},
			[]want{{"Prices will fall next year,", "Omar Haddad", false}}},
		{"before tag X said colon", []string{intro, "Kowalski said: “The border stays open.”"},
			[]want{{"The border stays open.", "Jan Kowalski", false}}},
		{"before tag X said that", []string{intro, `Haddad said that "Nobody expected the rate cut."`},
			[]want{{"Nobody expected the rate cut.", "Omar Haddad", true}}},
		{"before tag X said that comma", []string{intro, `Haddad wrote that, "Nobody expected the rate cut."`},
			[]want{{"Nobody expected the rate cut.", "Omar Haddad", true}}},
		{"before tag X said comma", []string{intro, "Lindqvist said, “The work starts tomorrow.”"},
			[]want{{"The work starts tomorrow.", "Anna Lindqvist", false}}},
		{"according to outlet", []string{"“The talks failed,” according to Interfax."},
			[]want{{"The talks failed,", "Interfax", false}}},
		{"told reporters", []string{intro, "“We are ready,” Lindqvist told reporters."},
			[]want{{"We are ready,", "Anna Lindqvist", false}}},
		{"outlet reports", []string{`"Turnout was low," Nordpost reports.`},
			[]want{{"Turnout was low,", "Nordpost", false}}},
		{"wrote", []string{intro, "“Nothing has changed,” Haddad wrote on his blog."},
			[]want{{"Nothing has changed,", "Omar Haddad", false}}},
		{"added", []string{intro, "“It will take years,” Kowalski added."},
			[]want{{"It will take years,", "Jan Kowalski", false}}},
		{"quote continues after the tag", []string{intro, "“The plan is sound,” Haddad said after the vote. “But it needs money.”"},
			[]want{{"The plan is sound,", "Omar Haddad", false}, {"But it needs money.", "Omar Haddad", false}}},
		{"split quote continues lower case", []string{intro, "“The plan is sound,” Haddad said as the votes were counted, “because the money is there.”"},
			[]want{{"The plan is sound,", "Omar Haddad", false}, {"because the money is there.", "Omar Haddad", false}}},
		{"pronoun tag continues the speaker", []string{intro, "“The plan is sound,” Haddad said, citing the budget office. “It is cheap,” he added."},
			[]want{{"The plan is sound,", "Omar Haddad", false}, {"It is cheap,", "Omar Haddad", false}}},
		{"partial in writer's sentence", []string{intro, "Haddad described the plan as “a reckless gamble” for the region."},
			[]want{{"a reckless gamble", "Omar Haddad", true}}},
		{"partial with verb after", []string{intro, `The deal is "fragile but alive," Haddad said.`},
			[]want{{"fragile but alive,", "Omar Haddad", true}}},
		{"partial one word with cue", []string{intro, "Lindqvist said the plan was “pointless” without funding."},
			[]want{{"pointless", "Anna Lindqvist", true}}},
		{"scare quotes dropped", []string{"The so-called “reset” policy ended in March."}, nil},
		{"scare quote without cue dropped", []string{"The “hybrid” model failed within a year."}, nil},
		{"work title dropped", []string{intro, "Haddad admired the 1961 novel “The Glass Harbor,” and said little else."}, nil},
		{"she resolves to the last woman", []string{
			"The ministry spokeswoman, Irene Vasquez, said the talks would resume.",
			"Haddad, the economist, disagreed with the timetable.",
			"“We expect progress by Friday,” she said on state radio.",
		}, []want{{"We expect progress by Friday,", "Irene Vasquez", false}}},
		{"reporter first name", []string{
			"Radio One's Petra Novak reports that the talks stalled.",
			`Petra reports that the delegates left "without any agreement on the text."`,
		}, []want{{"without any agreement on the text.", "Petra Novak", true}}},
		{"quote over several paragraphs", []string{intro,
			"“The first point is simple,” Haddad said. “We must act now.",
			"“The second point is harder. We lack money.”",
		}, []want{{"The first point is simple,", "Omar Haddad", false}, {"We must act now.", "Omar Haddad", false}, {"The second point is harder. We lack money.", "Omar Haddad", false}}},
		{"next paragraph quote inherits", []string{intro,
			"“The first point is simple,” Haddad said.",
			"“The second point is harder.”",
		}, []want{{"The first point is simple,", "Omar Haddad", false}, {"The second point is harder.", "Omar Haddad", false}}},
		{"nested single quotes kept", []string{intro, "Haddad said, “ ‘It is over,’ they told me. I did not believe it.”"},
			[]want{{"‘It is over,’ they told me. I did not believe it.", "Omar Haddad", false}}},
		{"guillemets", []string{intro, "«We stay here,» Haddad said."},
			[]want{{"We stay here,", "Omar Haddad", false}}},
		{"low-high German marks", []string{intro, "„We stay here,“ Haddad said."},
			[]want{{"We stay here,", "Omar Haddad", false}}},
		{"stray doubled closing single mark", []string{intro, "“It is not clear,” Lindqvist said. “Nobody knows.’’"},
			[]want{{"It is not clear,", "Anna Lindqvist", false}, {"Nobody knows.", "Anna Lindqvist", false}}},
		{"doubled apostrophes as marks", []string{intro, "''It is the council's job,'' Mr. Haddad said."},
			[]want{{"It is the council's job,", "Omar Haddad", false}}},
		{"apostrophes are not marks", []string{intro, `"It's the council's job," Haddad said.`},
			[]want{{"It's the council's job,", "Omar Haddad", false}}},
		{"dash attribution", []string{"“Vote early and bring a friend.” — Lena Ortiz"},
			[]want{{"Vote early and bring a friend.", "Lena Ortiz", false}}},
		{"apposition before the verb", []string{"“The deal is dead,” Ivo Petrov, the party leader, said."},
			[]want{{"The deal is dead,", "Ivo Petrov", false}}},
		{"parenthesis before the verb", []string{"“The deal is dead,” Rep. Ivo Petrov (D-Ore.) said Friday."},
			[]want{{"The deal is dead,", "Ivo Petrov", false}}},
		{"colon paragraph introduces the quote", []string{intro, "Haddad continued:", `"The numbers do not add up."`},
			[]want{{"The numbers do not add up.", "Omar Haddad", false}}},
		{"speaker before quote in same sentence", []string{intro, "Kowalski quoted an old proverb and said, “Patience pays.”"},
			[]want{{"Patience pays.", "Jan Kowalski", false}}},
		{"unclosed quote at paragraph start kept to the paragraph end", []string{intro, "“We will stay until the end, Haddad said.", "The crowd cheered."},
			[]want{{"We will stay until the end, Haddad said.", "", false}}},
		{"unclosed quote mid-paragraph ignored", []string{intro, "The sign read “closed and the crowd left.", "Nothing else."}, nil},
		{"mixed straight and curly marks", []string{intro, `"We do not see a link,” Haddad said.`},
			[]want{{"We do not see a link,", "Omar Haddad", false}}},
		{"right mark used as opening", []string{intro, "”Fear is the word,” Haddad said."},
			[]want{{"Fear is the word,", "Omar Haddad", false}}},
		{"naming verb makes a partial", []string{intro, "Haddad called the plan “a total failure of nerve” in an interview."},
			[]want{{"a total failure of nerve", "Omar Haddad", true}}},
		{"subordinate clause is no tag", []string{intro, "The ad shows Haddad saying last week, “That is my job,” when Lindqvist attacked him."},
			[]want{{"That is my job,", "Omar Haddad", false}}},
		{"no-break space before the verb", []string{intro, "“The deal is dead,” Haddad\u00a0said."},
			[]want{{"The deal is dead,", "Omar Haddad", false}}},
		{"outer verb when the inner pronoun names nobody", []string{intro, "Haddad said it would tell a story, one of ''hope and loss, of ports and of rivers.''"},
			[]want{{"hope and loss, of ports and of rivers.", "Omar Haddad", true}}},
		{"subject after an introductory phrase", []string{intro, "At a forum in Riga, Omar Haddad, the chief economist of the Baltic Fund, told students that \"this is not the end of the story.\""},
			[]want{{"this is not the end of the story.", "Omar Haddad", true}}},
		{"participle opener is no subject", []string{intro, "Following a short meeting, Haddad issued a statement calling the vote \"a clear breach of the rules.\""},
			[]want{{"a clear breach of the rules.", "Omar Haddad", true}}},
		{"it refers to the organisation opening the sentence", []string{"The Baltic Council met on Friday and condemned what it called \"a clear threat to the region.\""},
			[]want{{"a clear threat to the region.", "Baltic Council", true}}},
		{"it never refers to a person", []string{intro, "Haddad said it was \"a clear threat to the region.\""},
			[]want{{"a clear threat to the region.", "Omar Haddad", true}}},
		{"statement set off by dashes after its speaker", []string{intro, "Several economists have said so, including Omar Haddad -- ''It is a mistake to wait for the next budget'' -- and the mayor."},
			[]want{{"It is a mistake to wait for the next budget", "Omar Haddad", false}}},
		{"possessor of a claim noun", []string{intro, "Reporters checked Omar Haddad's claim that there were \"thousands of empty flats\" in the city."},
			[]want{{"thousands of empty flats", "Omar Haddad", true}}},
		{"organisation named with its acronym", []string{"Turnout was \"the highest in decades,\" according to the organiser Committee to Protect Voters (CPV)."},
			[]want{{"the highest in decades,", "Committee to Protect Voters", true}}},
		{"collective noun opening the sentence", []string{intro, "Police say they have \"enough officers\" for the match."},
			[]want{{"enough officers", "Police", true}}},
		// No speaker rather than a wrong one: "After" is not a source.
		{"preposition opening the sentence is no source", []string{intro, "After saying the bridge was \"safe for now,\" Lindqvist left."},
			[]want{{"safe for now,", "", true}}},
		{"verdict verb", []string{"The Fact Desk ruled that the figure was \"mostly accurate\" in its review."},
			[]want{{"mostly accurate", "Fact Desk", true}}},
		{"example inside the writer's sentence", []string{intro, `Haddad still says things such as, "Nobody reads the budget anyway."`},
			[]want{{"Nobody reads the budget anyway.", "Omar Haddad", true}}},
		{"definite role resolves to the titled name", []string{"President Ivo Petrov opened the new hall on Monday.", "\"We're here to stay,\" the president said."},
			[]want{{"We're here to stay,", "Ivo Petrov", false}}},
		{"naming verb call", []string{intro, "Most voters call them \"lone rangers\" now."},
			[]want{{"lone rangers", "Most voters", true}}},
		{"no quotes", []string{intro, "Nothing was said."}, nil},
		{"transcript label", []string{intro, "Partial transcript:", "\"HADDAD: We stand by the figures.\""},
			[]want{{"HADDAD: We stand by the figures.", "Omar Haddad", false}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := analyse(t, seg, c.paras)
			if len(a.Quotes) != len(c.want) {
				t.Fatalf("got %d quotes %+v, want %d %+v", len(a.Quotes), a.Quotes, len(c.want), c.want)
			}
			for i, w := range c.want {
				q := a.Quotes[i]
				if q.Text != w.text || q.Speaker != w.speaker || q.Partial != w.partial {
					t.Errorf("quote %d: got (%q, %q, partial=%v), want (%q, %q, partial=%v)", i, q.Text, q.Speaker, q.Partial, w.text, w.speaker, w.partial)
				}
			}
		})
	}
}

// TestFindEntities checks that the entity stage's names take precedence:
// a mention covered by an entity gives the entity's full name and type.
func TestFindEntities(t *testing.T) {
	seg, err := text.NewSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	a := &news.Article{Paragraphs: []string{"“The dam will hold,” Haddad said."}}
	if err := seg.Analyze(a); err != nil {
		t.Fatal(err)
	}
	body := a.Body()
	i := strings.Index(body, "Haddad")
	a.Entities = []news.Entity{{Name: "Omar K. Haddad", Type: news.Person, Mentions: []news.Mention{{Text: "Haddad", Start: i, End: i + len("Haddad")}}}}
	if err := newFinder().Analyze(a); err != nil {
		t.Fatal(err)
	}
	if len(a.Quotes) != 1 {
		t.Fatalf("got %d quotes, want 1", len(a.Quotes))
	}
	if q := a.Quotes[0]; q.Speaker != "Omar K. Haddad" || q.SpeakerType != news.Person || q.Cue != "said" {
		t.Errorf("got speaker %q type %q cue %q, want Omar K. Haddad, PERSON, said", q.Speaker, q.SpeakerType, q.Cue)
	}
}

// TestFindDateline checks that the dateline opening the body is never a
// clause's subject: the name after it is.
func TestFindDateline(t *testing.T) {
	seg, err := text.NewSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	a := &news.Article{Dateline: "RIGA", Paragraphs: []string{"RIGA -- Mayor Anna Lindqvist, opening the new bridge on Monday, said it was ''a gift to the next generation of the city.''"}}
	if err := seg.Analyze(a); err != nil {
		t.Fatal(err)
	}
	if err := newFinder().Analyze(a); err != nil {
		t.Fatal(err)
	}
	if len(a.Quotes) != 1 || a.Quotes[0].Speaker != "Anna Lindqvist" {
		t.Errorf("got %+v, want one quote by Anna Lindqvist", a.Quotes)
	}
}

// TestFindNoSentences checks that the finder works on paragraphs alone when
// the sentences are missing or stale.
func TestFindNoSentences(t *testing.T) {
	for _, sents := range [][]news.Span{nil, {{Start: 0, End: 10_000}}} {
		a := &news.Article{Paragraphs: []string{intro, "“We are ready,” Lindqvist told reporters."}, Sentences: sents}
		if err := newFinder().Analyze(a); err != nil {
			t.Fatal(err)
		}
		if len(a.Quotes) != 1 || a.Quotes[0].Speaker != "Anna Lindqvist" {
			t.Errorf("sentences %v: got %+v, want one quote by Anna Lindqvist", sents, a.Quotes)
		}
	}
}

func BenchmarkFind(b *testing.B) {
	seg, err := text.NewSegmenter()
	if err != nil {
		b.Fatal(err)
	}
	// About 800 words: the intro and a mix of quote patterns, repeated.
	var paras []string
	for len(strings.Fields(strings.Join(paras, " "))) < 800 {
		paras = append(paras, intro,
			"“The plan is sound,” Haddad said after the vote. “But it needs money.”",
			"The ministry spokeswoman, Irene Vasquez, said it was “pointless” to wait for the so-called “reset” of relations.",
			"“We expect progress by Friday,” she said on state radio, adding that the talks would resume next week in the capital.",
			"Officials in the region have spent months preparing the budget, which has been delayed by disputes over the size of the fund.")
	}
	a := &news.Article{Paragraphs: paras}
	if err := seg.Analyze(a); err != nil {
		b.Fatal(err)
	}
	f := newFinder()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := f.Analyze(a); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzFind(f *testing.F) {
	seeds := []string{
		"“We will rebuild,” Lindqvist said.\n\n“Next paragraph",
		`"It's the council's job," said Haddad. "More.`,
		"«a» „b“ ‘‘c’’ ''d'' ”e” \"f",
		"She said: “ ‘x’ ” — Lena Ortiz",
		"Rep. X (D-Y.) said, \"",
		"\"\"\"\"''''’’’’“““”””",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	seg, err := text.NewSegmenter()
	if err != nil {
		f.Fatal(err)
	}
	fd := newFinder()
	f.Fuzz(func(t *testing.T, s string) {
		a := &news.Article{Paragraphs: strings.Split(s, "\n\n")}
		if err := seg.Analyze(a); err != nil {
			t.Fatal(err)
		}
		if err := fd.Analyze(a); err != nil {
			t.Fatal(err)
		}
		body := a.Body()
		for _, q := range a.Quotes {
			if q.Start < 0 || q.End > len(body) || q.Start > q.End || body[q.Start:q.End] != q.Text {
				t.Fatalf("quote %+v out of range of body %q", q, body)
			}
		}
	})
}

// newFinder builds a Finder over the entity stage's tables, as the
// pipeline does.
func newFinder() *Finder { return New(entity.New()) }
