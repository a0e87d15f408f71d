package quote

import (
	"testing"

	"github.com/crosscheck/crosscheck/internal/entity"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// TestSpeakerRules runs each speaker rule through the stages the pipeline
// runs before quotes (sentences, entities), on invented sentences.
func TestSpeakerRules(t *testing.T) {
	seg, err := text.NewSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	lex := entity.New()
	f := New(lex)
	cases := []struct {
		rule  string
		paras []string
		want  []want
	}{
		{"nameHead: organisation, title, person", []string{"“The ruling is a relief,” Lakeside Farmers Union Chairman Tomas Reyes said on Friday."},
			[]want{{"The ruling is a relief,", "Tomas Reyes", false}}},
		{"nameHead: after the verb", []string{"“We will appeal,” said Northern Rail Board President Ingrid Solberg."},
			[]want{{"We will appeal,", "Ingrid Solberg", false}}},
		{"mainSubject: introductory phrase, participle after an object", []string{"During a rally in the capital, Reyes attacked the council over roads and Kestrel, saying, “They failed the town.”"},
			[]want{{"They failed the town.", "Reyes", false}}},
		{"possessiveRole: the person a possessive qualifies", []string{"Marta Olsen’s campaign manager Tomas Reyes spoke at noon, arguing that the plan “wastes money on the wrong roads.”"},
			[]want{{"wastes money on the wrong roads.", "Tomas Reyes", true}}},
		{"ofOrgPerson: titled person of an organisation", []string{"“It was the least bad option,” Mr. Reyes of the Lake Trust said."},
			[]want{{"It was the least bad option,", "Mr. Reyes", false}}},
		{"ofOrgPerson: an organisation named of a place stays", []string{"“Rates will hold,” the Bank of Kestrel said."},
			[]want{{"Rates will hold,", "Bank of Kestrel", false}}},
		{"according to a role and a name", []string{"According to radio talk show host Marta Olsen, the plan reeks of “panic” and haste."},
			[]want{{"panic", "Marta Olsen", true}}},
		{"unnamedSource: a group speaks as itself", []string{"Most voters said the delay was “justified” in the circumstances."},
			[]want{{"justified", "Most voters", true}}},
		{"short scare quote without a reporting verb dropped", []string{"The “hybrid” plan failed within a year."}, nil},
		{"words spoken to a person are the speaker's", []string{"Tomas Reyes told Marta Olsen: “The budget is final.”"},
			[]want{{"The budget is final.", "Tomas Reyes", false}}},
		{"a group asking a person is not the person", []string{"Students asked Marta Olsen, “Why was the library closed?”"},
			[]want{{"Why was the library closed?", "Students", false}}},
		{"a determiner before a noun that looks like a verb is no subject", []string{"The answers to the survey are “not good enough,” says Tomas Reyes."},
			[]want{{"not good enough,", "Tomas Reyes", true}}},
		{"nameHead: a plain organisation stays", []string{"“Fares will rise,” Northern Rail said."},
			[]want{{"Fares will rise,", "Northern Rail", false}}},
		{"nounUse: a cue word after an article is a noun", []string{"“It was an invasion of the town’s domain,” Tomas Reyes, the attorney general of Kestrel, one of the states suing the board, said at a meeting this month."},
			[]want{{"It was an invasion of the town’s domain,", "Tomas Reyes", false}}},
		{"appositionEnd: a relative clause inside the apposition", []string{"“The story is pushed by the press,” Marta Olsen, the director of the Lake Centre who also appears in the film, told the paper."},
			[]want{{"The story is pushed by the press,", "Marta Olsen", false}}},
		{"appositionEnd: a subordinate clause before the name is no tag", []string{"“We will win,” when Marta Olsen, the director, told the paper."},
			[]want{{"We will win,", "", false}}},
		{"verb table: a judgment verb carries a partial quote", []string{"In March, Gov. Marta Olsen of Kestrel lauded Tomas Reyes for his “bold and fresh thinking.”"},
			[]want{{"bold and fresh thinking.", "Marta Olsen", true}}},
		{"verb table: an order verb tags a full quote", []string{"“Why is the bridge still closed?” Olsen demanded."},
			[]want{{"Why is the bridge still closed?", "Olsen", false}}},
		{"putIt: as a person put it", []string{"As Ms. Olsen put it in a letter to the board in May, the firm is “a partner you cannot replace.”"},
			[]want{{"a partner you cannot replace.", "Olsen", true}}},
		{"putIt: put as placing is no cue", []string{"Tomas Reyes put the “emergency” plan on hold."}, nil},
		{"participleClause: a participle after a preposition takes the clause subject", []string{"Mayor Tomas Reyes, despite admitting that he had doubts about “rushed contracts,” signed the deal."},
			[]want{{"rushed contracts,", "Tomas Reyes", true}}},
		{"participleClause: a participle after a noun and a weekday", []string{"Tomas Reyes sent a series of messages early Friday saying that the council had used Olsen “as a shield.”"},
			[]want{{"as a shield.", "Tomas Reyes", true}}},
		{"orgRolePerson: organisation, role words, person", []string{"Lake campaign manager Tomas Reyes went on air on Monday, calling out Lake for its “lies” all week."},
			[]want{{"lies", "Tomas Reyes", true}}},
		{"orgRolePerson: a verb and an object stay apart", []string{"Reyes attacked Olsen by calling the plan a “giveaway” to donors."},
			[]want{{"giveaway", "Reyes", true}}},
		{"sentenceReferent: a pronoun tag after a named verb of its sentence", []string{"Tomas Reyes spoke at a hearing for saying that coffee was a “cure for every body type.”", "Sen. Marta Olsen (D-Mo.) scolded him: “The science is against you on every product,” she said."},
			[]want{{"cure for every body type.", "Tomas Reyes", true}, {"The science is against you on every product,", "Marta Olsen", false}}},
		{"unnamedSource: the phrase of an unnamed source", []string{"“The deal is dead,” a senior city official said on Friday."},
			[]want{{"The deal is dead,", "a senior city official", false}}},
		{"unnamedSource: a singular noun with no determiner is no source", []string{"Tomas Reyes spoke first. Then budget said “enough” at last."},
			[]want{{"enough", "", true}}},
		{"unnamedSource: a number opens a group", []string{"In the poll, 63 percent said the mayor was “justified” in the end."},
			[]want{{"justified", "63 percent", true}}},
		{"roleHolder: a definite role resolves to the one person holding it", []string{"Sen. Marta Olsen met farmers on Monday.", "“The bill is fair,” the senator said."},
			[]want{{"The bill is fair,", "Marta Olsen", false}}},
		{"roleHolder: a qualified role", []string{"Gov. Marta Olsen met farmers on Monday.", "The Kestrel governor said the bill was “fair to farmers.”"},
			[]want{{"fair to farmers.", "Marta Olsen", true}}},
		{"roleHolder: two holders leave the phrase", []string{"Mayor Marta Olsen met Mayor Tomas Reyes on Monday.", "“The bridge is shared,” the mayor said."},
			[]want{{"The bridge is shared,", "the mayor", false}}},
		{"unnamed: a pronoun after an unnamed source is a named person", []string{"Tomas Reyes met the board on Monday.", "“We are fine,” a senior official said.", "“The rest is noise,” he said."},
			[]want{{"We are fine,", "a senior official", false}, {"The rest is noise,", "Tomas Reyes", false}}},
		{"workAuthor: according to a work a person gave", []string{"The plan would curb “activist” funds, according to a speech Marta Olsen gave in July."},
			[]want{{"activist", "Marta Olsen", true}}},
		{"calendarRun: a month opening the clause is no subject", []string{"In August, several groups granted Mr. Reyes an extension, saying his “capital was less than expected.”"},
			[]want{{"capital was less than expected.", "", true}}},
	}
	for _, c := range cases {
		t.Run(c.rule, func(t *testing.T) {
			a := &news.Article{Paragraphs: c.paras}
			if err := seg.Analyze(a); err != nil {
				t.Fatal(err)
			}
			if err := lex.Analyze(a); err != nil {
				t.Fatal(err)
			}
			if err := f.Analyze(a); err != nil {
				t.Fatal(err)
			}
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
