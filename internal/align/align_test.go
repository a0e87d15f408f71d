package align_test

import (
	"context"
	"testing"

	"github.com/crosscheck/crosscheck/internal/align"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/text"
)

// analyser runs the product's analysis chain over one paragraph, as the
// pipeline does after cleaning (the pipeline itself turns away texts this
// short).
type analyser struct {
	chain pipeline.Chain
}

func newAnalyser(t *testing.T) analyser {
	t.Helper()
	chain, err := pipeline.NewChain()
	if err != nil {
		t.Fatal(err)
	}
	return analyser{chain}
}

func (an analyser) Analyze(r news.Raw) (*news.Article, error) {
	a := &news.Article{Paragraphs: []string{r.Text}, Published: r.Published}
	if err := an.chain.Analyze(a); err != nil {
		return nil, err
	}
	return a, nil
}

// TestDiscrepancies: pairs of sentences from two independent outlets and
// what a careful reader would report. Conflicts need the same frame —
// the same event, paraphrased or not, and the same thing counted — and
// values that cannot both be true; the rows that want none are traps
// made of neighbouring events, different things counted in one unit,
// different time frames, compatible values, plans and dates of sayings.
func TestDiscrepancies(t *testing.T) {
	p := newAnalyser(t)
	const day = "2021-03-18" // a Thursday
	tests := []struct {
		name string
		a, b string
		want string // kind of the one discrepancy wanted, "" for none
	}{
		{"same vote, paraphrased, two days",
			"The Varnholm council voted on Tuesday to close the Eastport pier.",
			"The Varnholm council passed the Eastport pier closure on Wednesday.", news.KindDate},
		{"same vote, same day",
			"The Varnholm council voted on Tuesday to close the Eastport pier.",
			"The Varnholm council passed the Eastport pier closure on Tuesday.", ""},
		{"neighbouring events on two days",
			"The Varnholm council voted on Tuesday to close the Eastport pier to boats.",
			"The Varnholm council met the Eastport pier owners on Wednesday to discuss boats.", ""},
		{"an apology, two days",
			"Mara Quinlan apologized on Monday for a post about the Eastport pier workers.",
			"Mara Quinlan had to apologize Tuesday for a post about the Eastport pier workers.", news.KindDate},
		{"the date of a saying",
			"Tobias Fenwick said on Tuesday that the Eastport pier collapse killed 12 workers.",
			"The Eastport pier collapse killed 12 workers, Tobias Fenwick said on Wednesday.", ""},
		{"a plan against an event",
			"The council vote on the Eastport pier closure is set for Friday, Mara Quinlan said.",
			"The council vote on the Eastport pier closure took place on Wednesday, Mara Quinlan said.", ""},
		{"killed and died, values apart",
			"At least 12 people were killed in the Eastport pier collapse on Sunday.",
			"Officials said 8 people died in the Eastport pier collapse on Sunday.", news.KindQuantity},
		{"killed and injured",
			"At least 12 people were injured in the Eastport pier collapse on Sunday.",
			"Officials said 8 people died in the Eastport pier collapse on Sunday.", ""},
		{"requested and granted",
			"Mayor Mara Quinlan requested $5 million for the Eastport pier repairs.",
			"The Varnholm council granted $2 million for the Eastport pier repairs.", ""},
		{"demanded and requested, values apart",
			"Mayor Mara Quinlan demanded $5 million for the Eastport pier repairs.",
			"Mayor Mara Quinlan requested $2 million for the Eastport pier repairs.", news.KindQuantity},
		{"two time frames",
			"Harbour police made 520 arrests at the Eastport pier last year.",
			"Harbour police made 400 arrests at the Eastport pier this year.", ""},
		{"rounding",
			"Harbour police evacuated about 200 people from the Eastport pier on Sunday.",
			"Harbour police evacuated 196 people from the Eastport pier on Sunday.", ""},
		{"a bound",
			"Harbour police evacuated more than 150 people from the Eastport pier on Sunday.",
			"Harbour police evacuated 196 people from the Eastport pier on Sunday.", ""},
		{"two items of a list",
			"The campaign paid $4,272.78 for a cruise to Port Rydal and $5,687.75 for a retreat at Lower Amsel.",
			"The campaign paid $5,687.75 for a retreat at Lower Amsel, the records show.", ""},
		{"one item, two figures",
			"The campaign paid $4,272.78 for a cruise to Port Rydal and $5,687.75 for a retreat at Lower Amsel.",
			"The records show $5,587.75 for a retreat at Lower Amsel.", news.KindQuantity},
		{"different people",
			"Mara Quinlan visited the Eastport pier on Monday with harbour workers.",
			"Ilse Varga visited the Eastport pier on Tuesday with harbour workers.", ""},
		{"two people of one family name",
			"Mara Quinlan resigned from the Eastport pier board in January.",
			"Tomas Quinlan resigned from the Eastport pier board in February.", ""},
		{"one person, full and short name",
			"Mara Quinlan resigned from the Eastport pier board in January.",
			"Quinlan resigned from the Eastport pier board in February, the minutes show.", news.KindDate},
		{"a pronoun for the only person named before",
			"Mara Quinlan runs a ferry on the river. She resigned from the Eastport pier board in January.",
			"Mara Quinlan resigned from the Eastport pier board in February.", news.KindDate},
		{"a pronoun for another person",
			"Tomas Quinlan runs a ferry on the river. He resigned from the Eastport pier board in January.",
			"Mara Quinlan resigned from the Eastport pier board in February.", ""},
		{"a pronoun with two people before it",
			"Tomas Quinlan and Mara Quinlan run a ferry on the river. She resigned from the Eastport pier board in January.",
			"Mara Quinlan resigned from the Eastport pier board in February.", ""},
		{"a subjectless clause borrows the one person before it",
			"Mara Quinlan toured the harbour and resigned from the Eastport pier board in January.",
			"Mara Quinlan resigned from the Eastport pier board in February.", news.KindDate},
		{"a subjectless clause after another person",
			"Tomas Quinlan toured the harbour and resigned from the Eastport pier board in January.",
			"Mara Quinlan resigned from the Eastport pier board in February.", ""},
		{"a subjectless clause borrows the main clause's subject",
			"Tomas Quinlan visited Mara Quinlan and resigned from the Eastport pier board in January.",
			"Mara Quinlan resigned from the Eastport pier board in February.", ""},
		{"a relative clause borrows the person before it",
			"Tomas Quinlan, who resigned from the Eastport pier board in January, runs a ferry.",
			"Mara Quinlan resigned from the Eastport pier board in February.", ""},
		{"a subjectless clause with no person before it",
			"After the storm the harbour closed, and then resigned from the Eastport pier board in January.",
			"Mara Quinlan resigned from the Eastport pier board in February.", ""},
		{"a subjectless clause with no person before it, against no person",
			"After the storm the harbour closed, and then resigned from the Eastport pier board in January.",
			"The harbour master resigned from the Eastport pier board in February.", ""},
		{"a noun event needs no subject",
			"The council members argued after the Eastport pier board vote on Tuesday.",
			"The Eastport pier board vote took place on Wednesday, the council members said.", news.KindDate},
		{"two sets counted: challenged and adopted",
			"Two harbour towns were challenging the Eastport pier rules in court.",
			"Eleven harbour towns have adopted the Eastport pier rules so far.", ""},
		{"one set counted, values apart",
			"Two harbour towns were challenging the Eastport pier rules in court.",
			"Five harbour towns were challenging the Eastport pier rules in court.", news.KindQuantity},
		{"a part against the total",
			"The campaign spent $3,100 of the Eastport pier fund for boat rentals.",
			"The campaign spent $90,000 of the Eastport pier fund in total on travel and boat rentals.", ""},
		{"a part against a total with no total marker",
			"The campaign spent $3,100 of the Eastport pier fund for boat rentals.",
			"The campaign spent $90,000 of the Eastport pier fund on personal items such as boat rentals.", ""},
		{"one purpose, two sums",
			"The campaign spent $3,100 of the Eastport pier fund on boat rentals.",
			"The Eastport pier fund paid $3,900 for the campaign's boat rentals.", news.KindQuantity},
		{"a time is no purpose",
			"The campaign spent $3,100 of the Eastport pier fund on boat rentals on Tuesday.",
			"The campaign spent $3,900 on Tuesday of the Eastport pier fund on boat rentals.", news.KindQuantity},
		{"a former executive against the chief executive, by initials",
			"Signs backed former WMG executive Linda Marsh in the Senate race.",
			"Linda Marsh, the CEO of Wexford Media Group, is running for the Senate.", news.KindRole},
		{"a former executive twice",
			"Signs backed former WMG executive Linda Marsh in the Senate race.",
			"Linda Marsh, a former executive at Wexford Media Group, is running for the Senate.", ""},
		{"a former role not covering the current one",
			"Signs backed former WMG wrestler Linda Marsh in the Senate race.",
			"Linda Marsh, the CEO of Wexford Media Group, is running for the Senate.", ""},
		{"roles at two organisations",
			"Signs backed former WMG executive Linda Marsh in the Senate race.",
			"Linda Marsh, the CEO of Harbour Freight Lines, is running for the Senate.", ""},
		{"roles of two people",
			"Signs backed former WMG executive Tomas Marsh in the Senate race.",
			"Linda Marsh, the CEO of Wexford Media Group, is running for the Senate.", ""},
		{"one gathering in two towns",
			"Linda Marsh spoke to the group gathered in Norbury in March 2008.",
			"Linda Marsh misspoke at a 2008 event in Kelvale about the harbour.", news.KindPlace},
		{"one gathering in a town and its state",
			"Linda Marsh spoke to the group gathered in Norbury in March 2008.",
			"Linda Marsh misspoke at a 2008 event in Ohio about the harbour.", ""},
		{"two gatherings of a year",
			"Linda Marsh held a rally in Norbury in 2008.",
			"Linda Marsh held a rally in Kelvale in 2008.", ""},
		{"gatherings of two people",
			"Linda Marsh spoke to the group gathered in Norbury in March 2008.",
			"Tomas Marsh misspoke at a 2008 event in Kelvale about the harbour.", ""},
		{"a sum named by its purpose before it, against another purpose",
			"The campaign spent $90,000 of the Eastport pier fund on travel.",
			"The campaign's Eastport pier fund boat-rental expenses topped $3,100.", ""},
		{"two sums named by their purposes before them",
			"The campaign's Eastport pier fund expenses at hotels and restaurants topped $90,000.",
			"The campaign's Eastport pier fund boat-rental expenses topped $3,100.", ""},
		{"one purpose before the sums",
			"The campaign's Eastport pier fund boat-rental expenses topped $3,900.",
			"The campaign's Eastport pier fund boat-rental expenses topped $3,100.", news.KindQuantity},
		{"one purpose before and after the sums",
			"The campaign spent $3,900 of the Eastport pier fund on boat-rental costs.",
			"The campaign's Eastport pier fund boat-rental costs came to $3,100.", news.KindQuantity},
		{"one post, two start years",
			"Mara Quinlan has served as Eastport harbour master since 2002.",
			"Mara Quinlan has been the Eastport harbour master since 2003.", news.KindDate},
		{"one post, one start year",
			"Mara Quinlan has served as Eastport harbour master since 2002.",
			"Mara Quinlan has been the Eastport harbour master since 2002.", ""},
		{"two posts, two start years",
			"Mara Quinlan has served as Eastport harbour master since 2002.",
			"Mara Quinlan has been a member of the Varnholm council since 2003.", ""},
		{"one post of two people",
			"Mara Quinlan has served as Eastport harbour master since 2002.",
			"Tomas Quinlan has been the Eastport harbour master since 2003.", ""},
		{"a year since which nothing is held",
			"Mara Quinlan called it the worst Eastport harbour season since 2002.",
			"Mara Quinlan has been the Eastport harbour master since 2003.", ""},
		{"one past post, two end years",
			"Mara Quinlan was Eastport harbour master from 1998 to 2004.",
			"Mara Quinlan served as Eastport harbour master from 1998 to 2005.", news.KindDate},
		{"a leaving against a past post's end",
			"Mara Quinlan left the Eastport harbour board in 2004.",
			"Mara Quinlan served on the Eastport harbour board from 1998 to 2005.", news.KindDate},
		{"a current post against an earlier one",
			"Mara Quinlan has served on the Eastport harbour board since 2010.",
			"Mara Quinlan served on the Eastport harbour board from 1998 to 2005.", ""},
		{"a post since a year, by pronoun",
			"Mara Quinlan spoke on Tuesday. She has served as Eastport harbour master since 2002.",
			"Mara Quinlan has been the Eastport harbour master since 2003.", news.KindDate},
		{"one vote, two tallies",
			"The Varnholm council voted 7-2 to close the Eastport pier to boats.",
			"The Varnholm council approved the Eastport pier closure to boats by a 6-3 vote.", news.KindQuantity},
		{"one vote, one tally",
			"The Varnholm council voted 7-2 to close the Eastport pier to boats.",
			"The Varnholm council approved the Eastport pier closure to boats by a 7-2 vote.", ""},
		{"the votes of two bodies",
			"The Varnholm council voted 7-2 to close the Eastport pier to boats.",
			"The Varnholm harbour board approved the Eastport pier closure to boats by a 6-3 vote.", ""},
		{"one body's votes on two measures",
			"The Varnholm council voted 7-2 to close the Eastport pier to boats.",
			"The Varnholm council approved the new harbour budget by a 6-3 vote.", ""},
		{"one body's votes on two days",
			"The Varnholm council voted 7-2 on Tuesday to close the Eastport pier to boats.",
			"The Varnholm council approved the Eastport pier closure to boats by a 6-3 vote on Wednesday.", news.KindDate},
		{"a score is no tally",
			"The Varnholm council team beat the Eastport pier club 7-2 in the boats race.",
			"The Varnholm council team beat the Eastport pier club 6-3 in the boats race.", ""},
		{"one scheduled vote, two days",
			"The Varnholm council vote on the Eastport pier is scheduled for Tuesday.",
			"The Varnholm council vote on the Eastport pier is set for Friday.", news.KindDate},
		{"one scheduled vote, one day",
			"The Varnholm council vote on the Eastport pier is scheduled for Tuesday.",
			"The Varnholm council vote on the Eastport pier is set for Tuesday.", ""},
		{"a scheduled vote against a proposed day",
			"The Varnholm council vote on the Eastport pier is scheduled for Tuesday.",
			"Mara Quinlan proposed that the Varnholm council vote on the Eastport pier be set for Friday.", ""},
		{"a scheduled vote against a postponed one",
			"The Varnholm council vote on the Eastport pier is scheduled for Tuesday.",
			"The Varnholm council vote on the Eastport pier was postponed and is now set for Friday.", ""},
		{"a plan not stated as scheduled",
			"The Varnholm council will vote on the Eastport pier on Tuesday.",
			"The Varnholm council plans to vote on the Eastport pier on Friday.", ""},
		{"one report, released in two weeks",
			"The Varnholm harbour report on the Eastport pier was released on Monday.",
			"The Varnholm harbour report on the Eastport pier, issued last month, faulted the council.", news.KindDate},
		{"left office, this month against last year",
			// A subjectless clause ("and quit earlier this month") is
			// about what its subject's clause names; "the Quinlan
			// administration" names no one acting; and "earlier this
			// month" is over by the day it was written.
			"Tobias Fenwick joined the Quinlan administration in 2015 and quit earlier this month to join a law firm.",
			"Mara Quinlan was elected mayor in 2014. The harbour board met on Monday. Boats were idle all week. He left the Quinlan administration last year to return to the private sector.", news.KindDate},
		{"left office, earlier this month against this month",
			"Tobias Fenwick joined the Quinlan administration in 2015 and quit earlier this month to join a law firm.",
			"Mara Quinlan was elected mayor in 2014. The harbour board met on Monday. Boats were idle all week. He left the Quinlan administration this month to return to the private sector.", ""},
		{"one report, released in one week",
			"The Varnholm harbour report on the Eastport pier was released on Monday.",
			"The Varnholm harbour report on the Eastport pier, issued this week, faulted the council.", ""},
		{"two documents, released in two weeks",
			"The Varnholm harbour audit of the council was released on Monday.",
			"The Eastport pier budget plan, issued last month, cut boat fees.", ""},
		{"an item of a total",
			"The campaign spent $3,100 of the Eastport pier fund on boat rentals.",
			"The campaign spent $90,000 of the Eastport pier fund, including money on boat rentals.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var members []news.Member
			for i, tx := range []string{tc.a, tc.b} {
				a, err := p.Analyze(news.Raw{Text: tx, Published: day})
				if err != nil {
					t.Fatal(err)
				}
				members = append(members, news.Member{Article: a, Source: string(rune('a' + i)), Group: i})
			}
			got, err := newStory(t, members).Discrepancies(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if tc.want == "" {
				if len(got) != 0 {
					t.Errorf("got %+v, want none", got)
				}
				return
			}
			if len(got) != 1 || got[0].Kind != tc.want {
				t.Fatalf("got %+v, want one %s discrepancy", got, tc.want)
			}
			d := got[0]
			if d.Frame == nil || d.Frame.Measures == "" || d.Measured == "" || len(d.Claims) != 2 {
				t.Errorf("evidence missing: %+v", d)
			}
			for _, c := range d.Claims {
				if c.Value == "" || c.Source == "" {
					t.Errorf("claim without value or source: %+v", c)
				}
			}
			// The same two as copies of one source: nothing.
			members[1].Group = members[0].Group
			if again, err := newStory(t, members).Discrepancies(context.Background()); err != nil || len(again) != 0 {
				t.Errorf("copies of one source contradict themselves: %+v", again)
			}
		})
	}
}

// TestSentences: the relation of two sentences is the strongest relation
// of their facts.
func TestSentences(t *testing.T) {
	p := newAnalyser(t)
	tests := []struct {
		name string
		a, b string
		want align.Relation
	}{
		{"same day", "Mara Quinlan apologized on Monday for a post about the Eastport pier workers.",
			"On Monday Mara Quinlan apologized for her post about the Eastport pier workers.", align.Same},
		{"conflict", "Mara Quinlan apologized on Monday for a post about the Eastport pier workers.",
			"Mara Quinlan apologized on Tuesday for her post about the Eastport pier workers.", align.Conflict},
		{"unrelated", "Mara Quinlan apologized on Monday for a post about the Eastport pier workers.",
			"Ilse Varga visited Lower Amsel on Tuesday with harbour workers.", align.Unrelated},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var members []news.Member
			for i, tx := range []string{tc.a, tc.b} {
				a, err := p.Analyze(news.Raw{Text: tx, Published: "2021-03-18"})
				if err != nil {
					t.Fatal(err)
				}
				members = append(members, news.Member{Article: a, Source: string(rune('a' + i)), Group: i})
			}
			if got := newStory(t, members).Sentences(0, 0, 1, 0); got != tc.want {
				t.Errorf("Sentences = %v, want %v", got, tc.want)
			}
		})
	}
}

// newStory reads members with the product's options.
func newStory(t *testing.T, members []news.Member) *align.Story {
	t.Helper()
	s, err := align.New(context.Background(), members, align.Options{Stem: text.Stem})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestAges: one person's age in two outlets' articles, published on the
// days given. Ages differ by design between articles far apart, by a
// birthday between articles a few days apart.
func TestAges(t *testing.T) {
	p := newAnalyser(t)
	tests := []struct {
		name         string
		a, b         string
		dayA, dayB   string
		wantConflict bool
	}{
		{"two ages, one day",
			"Mara Quinlan, 38, apologized for the Eastport pier post.",
			"The Eastport pier post was written by 41-year-old Mara Quinlan.", "2021-03-18", "2021-03-18", true},
		{"one age",
			"Mara Quinlan, 38, apologized for the Eastport pier post.",
			"The Eastport pier post was written by 38-year-old Mara Quinlan.", "2021-03-18", "2021-03-19", false},
		{"a year apart, days apart: a birthday may fall between",
			"Mara Quinlan, 38, apologized for the Eastport pier post.",
			"Mara Quinlan, 39, wrote the Eastport pier post.", "2021-03-18", "2021-03-20", false},
		{"a year apart, one day",
			"Mara Quinlan, 38, apologized for the Eastport pier post.",
			"Mara Quinlan, 39, wrote the Eastport pier post.", "2021-03-18", "2021-03-18", true},
		{"articles months apart",
			"Mara Quinlan, 38, apologized for the Eastport pier post.",
			"Mara Quinlan, 41, wrote the Eastport pier post.", "2021-03-18", "2021-09-18", false},
		{"a father and a son",
			"Tomas Quinlan Jr., 38, apologized for the Eastport pier post.",
			"Tomas Quinlan, 71, wrote the Eastport pier post.", "2021-03-18", "2021-03-18", false},
		{"two people of one last name",
			"Mara Quinlan, 38, apologized for the Eastport pier post.",
			"Tomas Quinlan, 41, wrote the Eastport pier post.", "2021-03-18", "2021-03-18", false},
		{"a number that is no age",
			"Mara Quinlan, 38, apologized for the Eastport pier post.",
			"Mara Quinlan wrote 41 posts about the Eastport pier.", "2021-03-18", "2021-03-18", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var members []news.Member
			for i, c := range [][2]string{{tc.a, tc.dayA}, {tc.b, tc.dayB}} {
				a, err := p.Analyze(news.Raw{Text: c[0], Published: c[1]})
				if err != nil {
					t.Fatal(err)
				}
				members = append(members, news.Member{Article: a, Source: string(rune('a' + i)), Group: i})
			}
			got, err := newStory(t, members).Discrepancies(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			var ages []news.Discrepancy
			for _, d := range got {
				if d.Kind == news.KindAge {
					ages = append(ages, d)
				} else {
					t.Errorf("unexpected %s discrepancy: %+v", d.Kind, d)
				}
			}
			if got := len(ages) == 1; got != tc.wantConflict || len(ages) > 1 {
				t.Fatalf("got %+v, want conflict %v", ages, tc.wantConflict)
			}
			if tc.wantConflict {
				for _, c := range ages[0].Claims {
					if c.Value == "" || c.Span == nil {
						t.Errorf("claim without value or span: %+v", c)
					}
				}
			}
		})
	}
}
