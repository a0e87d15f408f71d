package timex

import (
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// TestGoverningTense has rows for every named rule: the expression is the
// word in brackets, the sentence is synthetic.
func TestGoverningTense(t *testing.T) {
	tests := []struct {
		sentence, expr string
		want           Tense
		rule           string
	}{
		{"The senator will vote on Friday.", "Friday", TenseFuture, "modal"},
		{"Democrats could lose the House in November.", "November", TenseFuture, "modal"},
		{"She won't attend on Friday.", "Friday", TenseFuture, "modal"},
		{"He could have written it last week.", "last", TensePast, "perfect"},
		{"He could have won it last week.", "last", TensePast, "past-form"},
		{"Nothing could have happened on Friday.", "Friday", TensePast, "past-form"},
		{"The hearing is scheduled for Thursday.", "Thursday", TenseFuture, "scheduled"},
		{"The board is set to meet in March.", "March", TenseFuture, "scheduled"},
		{"Two clubs are likely to meet again in April.", "April", TenseFuture, "scheduled"},
		{"The treasurer is standing for a second term in November.", "November", TenseFuture, "progressive"},
		{"The governor was running for office in November.", "November", TensePast, "progressive"},
		{"The official had been away in May.", "May", TensePast, "perfect"},
		{"The agency has released the figures since January 1.", "January", TensePast, "past-form"},
		{"The mayor appeared unreceptive to the plan this weekend.", "this", TensePast, "past-form"},
		{"The panel said on Tuesday that it disagreed.", "Tuesday", TensePast, "past-form"},
		{"The campaign didn't need a rally on Monday.", "Monday", TensePast, "past-form"},
		{"The senator won the vote on Tuesday.", "Tuesday", TensePast, "past-form"},
		{"The election is Thursday.", "Thursday", TensePresent, "present-form"},
		{"The council may vote in March.", "March", TenseFuture, "modal"},
		// An infinitive after a modal or "to" is not the clause's tense,
		// nor is a participle after "be" (adverbs between), and a
		// participle after a present "be" is a present passive.
		{"The fund would remain solvent in March.", "March", TenseFuture, "modal"},
		{"Democrats ought to have more seats in November.", "November", TenseFuture, "modal"},
		{"The bridge will be quietly closed in March.", "March", TenseFuture, "modal"},
		{"Democrats are thought to hold more seats going into November.", "November", TensePresent, "present-form"},
		{"The bridge was quietly closed in March.", "March", TensePast, "past-form"},
		// "once again" is the adverb: it does not defer to a main clause.
		{"The coach said she would argue once again for a reform of the whole league rulebook of the country in her speech on Tuesday.", "Tuesday", TenseUnknown, ""},
		// A present verb of need or wish before "to" looks ahead.
		{"The senator needs to win the vote in November.", "November", TenseFuture, "intent"},
		{"She wants to finish by Friday.", "Friday", TenseFuture, "intent"},
		{"The campaign wanted to win in November.", "November", TensePast, "past-form"},
		// "were to" in a conditional clause is hypothetical, not past.
		{"If the mayor were to lose in November, the council would act.", "November", TenseFuture, "conditional"},
		{"The plans were to meet in March.", "March", TensePast, "past-form"},
		// A clause opened by "until" takes its time from the main clause,
		// even beyond the reach; "before" does not defer.
		{"The map will not be printed until the water board of appeals formally signs the final draft during its session in October.", "October", TenseFuture, "modal"},
		{"The map will not be printed before the water board of appeals formally signs the final draft during its session in October.", "October", TenseUnknown, ""},
		{"May the council vote in March?", "March", TenseUnknown, ""},
		{"Friday arrives.", "Friday", TenseUnknown, ""},
		// An infinitive takes its time from the verb of plan or need it
		// completes, beyond the reach; other words beyond it do not govern.
		{"The coach is expected to argue once again for a reform of the whole league rulebook of the region in her weekly speech on Tuesday.", "Tuesday", TenseFuture, "scheduled"},
		{"The coach plans to argue once again for a reform of the whole league rulebook of the region in her weekly speech on Tuesday.", "Tuesday", TenseFuture, "scheduled"},
		{"The coach was eager to argue once again for a reform of the whole league rulebook of the region in her weekly speech on Tuesday.", "Tuesday", TenseUnknown, ""},
		// A present verb of a scheduled event's course looks ahead; after
		// a determiner or a preposition it is a noun.
		{"It is an audit that ends some time in December.", "December", TensePresent, "present-form"},
		{"The session opens on Monday.", "Monday", TensePresent, "present-form"},
		{"The two clubs meet for the second of four matches Monday at the stadium.", "Monday", TensePresent, "present-form"},
		{"The board agreed to meet on Monday.", "Monday", TensePast, "past-form"},
		{"Both ends of the bridge were closed on Monday.", "Monday", TensePast, "past-form"},
		{"The talks moved in fits and starts on Monday.", "Monday", TensePast, "past-form"},
		// A regular "-ed" form after a determiner or a preposition is an
		// adjective.
		{"The mayor is standing against Jo Park, a licensed plumber, in May.", "May", TenseFuture, "progressive"},
		{"The council elected a chair in May.", "May", TensePast, "past-form"},
		{"The range of carved masks we find in March is wide.", "March", TensePresent, "subject-verb"},
		{"A panel of appointed judges ruled in May.", "May", TensePast, "past-form"},
		// Punctuation does not use up the reach: "is" is the 13th word back.
		{"The sheriff is standing for office again against Jo Anne Park, a retired plumber, in May.", "May", TenseFuture, "progressive"},
		// An infinitive after a noun, with no verb of its clause before
		// it, names a planned event; after a verb, the verb governs.
		{"The senator, in an interview with the network to air Tuesday morning, gave a warning.", "Tuesday", TenseFuture, "infinitive"},
		{"In an interview with the network, to be shown on Tuesday, the senator gave a warning.", "Tuesday", TenseFuture, "infinitive"},
		{"The senator went to Boston to see her Tuesday.", "Tuesday", TensePast, "past-form"},
		{"The senator hoped to see her Tuesday.", "Tuesday", TensePast, "past-form"},
		// An "-s" form right after a relative "which|who" is the relative
		// clause's present; after a preposition "which" is a determiner.
		{"The new model, which reaches shops in January, is smaller.", "January", TensePresent, "relative-present"},
		{"A singer who performs in March will open the show.", "March", TensePresent, "relative-present"},
		{"In which cases in March the court may rule is unclear.", "March", TenseFuture, "modal"},
		// An adverbial fronted after "and|but" with a subject pronoun after
		// it belongs to the clause the pronoun opens; with no subject
		// after it the coordination may be of verbs, and is not read.
		{"The curator went in search of old letters and from March onward she will post them online.", "March", TenseFuture, "modal"},
		{"The curator will look for old letters, but in May she found none.", "May", TensePast, "past-form"},
		{"The curator went in search of old letters and in October will show them.", "October", TensePast, "past-form"},
		// A parenthetical relative clause does not govern what lies outside it.
		{"Speaking on Friday, the senator, who is retiring this year, said no.", "Friday", TensePast, "past-form"},
		{"The senator, who spoke on Friday, is retiring.", "Friday", TensePast, "past-form"},
		// Finite verbs outside the tables: the word after a subject
		// pronoun, a third person "-s" form taking its object, an
		// irregular past, an "-ied" past, a question's inverted perfect.
		{"She leaves for Paris on Friday.", "Friday", TensePresent, "subject-verb"},
		{"They visit the plant on Friday.", "Friday", TensePresent, "subject-verb"},
		{"It still rains most days in April.", "April", TensePresent, "subject-verb"},
		{"Does it rain on Friday?", "Friday", TenseUnknown, ""},
		{"They both on Friday.", "Friday", TenseUnknown, ""},
		{"The treasurer presents her budget on Friday.", "Friday", TensePresent, "verb-object"},
		{"The minister tells the council on Friday.", "Friday", TensePresent, "verb-object"},
		{"A storm that still haunts the town in May.", "May", TensePresent, "verb-object"},
		{"The senator's aides the week before Friday.", "Friday", TenseUnknown, ""},
		{"The auditor claims the Oct. 4 invoice was forged.", "Oct", TensePast, "past-form"},
		{"In recent weeks the market on Friday.", "Friday", TenseUnknown, ""},
		{"The family fled the town on Friday.", "Friday", TensePast, "past-form"},
		{"The rivals vied for votes on Friday.", "Friday", TensePast, "past-form"},
		{"Have you gone there on Friday?", "Friday", TensePast, "perfect"},
		// A relative clause after a fronted expression is its noun's,
		// not the expression's clause.
		{"On Thursday, an aide who opposes the bill resigned.", "Thursday", TensePast, "past-form"},
		{"On Thursday, an aide who still opposes the bill resigned.", "Thursday", TensePast, "past-form"},
		// A subject relative "that" after a noun phrase's singular noun,
		// with a preposition or object after its "-s" form; not an object
		// relative, nor after a verb.
		{"Fans bought seats for the farewell tour that stops at the arena on Friday.", "Friday", TensePresent, "relative-present"},
		{"The mayor backed the plan that officials approved on Friday.", "Friday", TensePast, "past-form"},
		{"Smith says that costs rise in May.", "May", TenseUnknown, ""},
		// "does" of do-support is a present, as "doesn't" is.
		{"The agency does not plan to act until September.", "September", TensePresent, "present-form"},
		{"The agency doesn't plan to act until September.", "September", TensePresent, "present-form"},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			ts := text.Scan(tc.sentence, text.ASCIILower(tc.sentence))
			i := -1
			for k := range ts {
				if ts[k].S == text.ASCIILower(tc.expr) {
					i = k
					break
				}
			}
			if i < 0 {
				t.Fatalf("%q not in the sentence", tc.expr)
			}
			got, rule := governingTense(ts, i)
			if got != tc.want || rule != tc.rule {
				t.Errorf("governingTense = %v (%q), want %v (%q)", got, rule, tc.want, tc.rule)
			}
		})
	}
}

// TestResolveByTense: the same kinds of expression placed by the tense of
// their sentences (synthetic), published on Monday 2010-06-14. The first
// two rows have the shapes of issue 15: a past-tense "this weekend" written
// on a Monday is the weekend just gone, and a present progressive "in
// November" is the coming one. "" is unresolved.
func TestResolveByTense(t *testing.T) {
	tests := []struct{ sentence, expr, want string }{
		{"The council appeared unreceptive to the proposal this weekend.", "this weekend", "2010-06-12/2010-06-13"},
		{"The mayor is running for a third term against a former judge in November.", "November", "2010-11"},
		{"The mayor was elected in November.", "November", "2009-11"},
		{"The mayor will decide this weekend.", "this weekend", "2010-06-19/2010-06-20"},
		{"The vote is Thursday.", "Thursday", "2010-06-17"},
		{"The vote was held Thursday.", "Thursday", "2010-06-10"},
		{"Speaking on Friday evening, the senator, who is retiring this year, said no.", "Friday evening", "2010-06-11"},
		{"Officials had counted 300 cases since January 1.", "January 1", "2010-01-01"},
		{"The plant could reopen by Sept. 10.", "Sept. 10", "2010-09-10"},
		{"Officials said they had been warned on Sept. 10.", "Sept. 10", "2009-09-10"},
		{"Saturday's debate might not change many minds.", "Saturday", "2010-06-12"},
		{"Thursday's debate will be the last.", "Thursday", "2010-06-17"},
		{"The report comes a day after the vote.", "a day after", "2010-06-14"},
		{"A day after the vote, the chairman resigned on Tuesday.", "A day after", "2010-06-08"},
		{"The chairman resigned a day after the vote.", "a day after", ""},
		{"Volunteers serve meals every Sunday.", "Sunday", ""},
		{"That happened many years ago.", "years ago", ""},
		{"The book revisits the Sept. 11 attacks.", "Sept. 11", ""},
		// A month-day just past read forward would land almost a year
		// ahead: unresolved. Within half a year it is placed.
		{"The mood before June 2 is hard to recall.", "June 2", ""},
		{"The hearing is on Dec. 2.", "Dec. 2", "2010-12-02"},
		{"The hearing will be on June 2.", "June 2", "2011-06-02"},
		// Units coordinated with other units name no one time.
		{"They could have acted years, months or weeks ago.", "weeks ago", ""},
		{"It changed weeks or months ago.", "months ago", ""},
		{"It changed weeks ago.", "weeks ago", "2010-04-26/2010-05-31"},
		{"Prices rose in recent weeks and months.", "recent weeks", ""},
		{"Prices rose in recent weeks.", "recent weeks", "2010-05-24/2010-06-14"},
		{"Over the past few days or weeks, prices rose.", "past few days", ""},
		// An uncounted "years ago" in a conditional clause is a case, not a time.
		{"If you bought those shares years ago, sell them now.", "years ago", ""},
		{"He bought those shares years ago, if reports are right.", "years ago", "2003/2008"},
		{"If he won the seat two years ago, he kept it.", "two years ago", "2008"},
		// "the very next year" counts from the last year the text stated.
		{"She took office in March 2008 and resigned the very next year.", "next year", "2009"},
		{"He left in 2003. The next year he returned.", "next year", "2004"},
		{"Prices will rise over the next year.", "next year", "2011"},
		// "coming" is always counted from the publication, never a sequel.
		{"She left in 2003 and will be away the coming week.", "coming week", "2010-06-21/2010-06-27"},
		{"The very next year was worse.", "next year", ""},
		// A present schedule verb places a month from the publication on,
		// though a past verb comes earlier in the sentence.
		{"They run an audit that started after the fire on June 3 and ends some time in December.", "December", "2010-12"},
		// An event a weekday names ("the Wednesday hearing", "Monday's
		// debate") under a modal perfect is the nearest such day: the
		// clause says what would have been, not when; a bare weekday under
		// it stays in the past.
		{"The Tuesday hearing would have been her first appearance.", "Tuesday", "2010-06-15"},
		{"Saturday's debate could have been her last chance.", "Saturday", "2010-06-12"},
		{"She would have testified on Tuesday.", "Tuesday", "2010-06-08"},
		{"The Tuesday hearing was her first appearance.", "Tuesday", "2010-06-08"},
		// Clauses whose event is still to come, though a past verb is near.
		{"The coach said the club needs to prepare for the November cup final.", "November", "2010-11"},
		{"A clerk said that if the union were to strike in November, he would join the picket.", "November", "2010-11"},
		{"The atlas won't be printed until the whole panel of the guild signs it during its session in October.", "October", "2010-10"},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			checkValue(t, "2010-06-14", tc.sentence, tc.expr, tc.want)
		})
	}
}

// absent is the value checkValue expects of an expression that must not
// be found at all.
const absent = "-"

// checkValue analyses the one-paragraph article sentence published on
// published and checks the value of every time with text expr: want ("" is
// unresolved), or no such time when want is absent.
// valueCase is one table row of the resolution tests: a sentence read
// with its publication date, the expression and the value wanted ("" is
// unresolved).
type valueCase struct{ published, sentence, expr, want string }

// checkValues runs checkValue on each row, as a subtest named by its
// sentence.
func checkValues(t *testing.T, tests []valueCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			checkValue(t, tc.published, tc.sentence, tc.expr, tc.want)
		})
	}
}

func checkValue(t *testing.T, published, sentence, expr, want string) {
	t.Helper()
	checkParagraphs(t, published, []string{sentence}, expr, want)
}

// checkParagraphs is checkValue on an article of several paragraphs.
func checkParagraphs(t *testing.T, published string, paras []string, expr, want string) {
	t.Helper()
	a := analyzed(t, published, paras)
	found := false
	for _, tm := range a.Times {
		if tm.Text != expr {
			continue
		}
		found = true
		if want == absent {
			t.Errorf("%q found (%q), want none", tm.Text, tm.Value)
		} else if tm.Value != want {
			t.Errorf("%q = %q, want %q", tm.Text, tm.Value, want)
		}
	}
	if !found && want != absent {
		t.Errorf("%q not found in %+v", expr, a.Times)
	}
}

// analyzed is the invented article of paragraphs paras, published on
// published, after Analyze.
func analyzed(t *testing.T, published string, paras []string) *news.Article {
	t.Helper()
	a := &news.Article{Published: published, Paragraphs: paras}
	if err := New().Analyze(a); err != nil {
		t.Fatal(err)
	}
	return a
}

// TestEedWords: of the words in "-eed" only the pasts of verbs in "-ee"
// are pasts ("agreed"); "succeed", "proceed", "exceed" are presents or
// infinitives. Published 2010-10-26.
func TestEedWords(t *testing.T) {
	const pub = "2010-10-26"
	checkValues(t, []valueCase{
		{pub, "Lee will succeed Smith as chairman on Feb. 1.", "Feb. 1", "2011-02-01"},
		{pub, "The sale should proceed as planned on Jan. 15.", "Jan. 15", "2011-01-15"},
		{pub, "The two sides agreed on Feb. 1 to end the strike.", "Feb. 1", "2010-02-01"},
	})
}

// TestNextToDueTo: "next to" is a place and "due to" before a noun
// phrase a cause, neither a plan that puts a weekday or a date ahead
// ("due to arrive" still is). Published on Saturday 2010-06-19.
func TestNextToDueTo(t *testing.T) {
	const saturday = "2010-06-19"
	checkValues(t, []valueCase{
		{saturday, "A bomb exploded next to the embassy Friday morning.", "Friday morning", "2010-06-18"},
		{saturday, "The flight was canceled due to a storm on Friday.", "Friday", "2010-06-18"},
		{saturday, "The minister is due to arrive on Tuesday.", "Tuesday", "2010-06-22"},
		{saturday, "The next vote is on Tuesday.", "Tuesday", "2010-06-22"},
	})
}

// TestContractedBe: the "be" of "I'm", "we're", "you're", "they're" is a
// present "be" as "am" and "are" are: it governs the clause, so the
// speaker's own "today" is the day and a progressive looks ahead.
func TestContractedBe(t *testing.T) {
	checkValues(t, []valueCase{
		{"2026-09-14", "\"Today, I'm here to tell you we have a suspect,\" the sheriff said.", "Today", "2026-09-14"},
		{"2026-09-14", "“I’m in Boston today,” the governor said.", "today", "2026-09-14"},
		{"2026-09-14", "\"We're meeting the union on Friday,\" she said.", "Friday", "2026-09-18"},
		{"2026-09-14", "\"They're home today,\" the coach said of the injured players.", "today", "2026-09-14"},
	})
}

// TestSetFor: "set|scheduled ... for" a weekday arranges the day ahead,
// and "for" after an arranging verb holds a yearless date ahead (soon.go);
// not a weekday that modifies a noun ("set aside time for Friday
// prayers": a reader places nothing, crosscheck the past Friday, as
// before the rule). A same-form past
// ("Ortiz put aside her plans on Friday", read by agreement with a
// singular subject) was tried and taken out: a review's 44 probes found
// 19 new wrong values (nouns after a capitalised modifier: "a Fed cut in
// December", "the Olympic bid"; causatives: "let Smith quit"; questions
// and suppositions behind a determiner) and no win but the one tuned on.
func TestSetFor(t *testing.T) {
	checkValues(t, []valueCase{
		{"2026-09-14", "The Council set the referendum for Nov. 3.", "Nov. 3", "2026-11-03"},
		{"2026-09-14", "The Senate set a vote for Friday.", "Friday", "2026-09-18"},
		{"2026-09-01", "The Senate set a vote for Sept. 30.", "Sept. 30", "2026-09-30"},
		{"2026-10-21", "The court rescheduled the hearing for Nov. 2.", "Nov. 2", "2026-11-02"},
		{"2026-09-14", "Leaders scheduled a final round of talks for Thursday.", "Thursday", "2026-09-17"},
		{"2026-09-14", "The council scheduled the referendum for Oct. 4.", "Oct. 4", "2026-10-04"},
		{"2026-09-14", "Congress put off the vote until Nov. 10.", "Nov. 10", "2026-11-10"},
		{"2026-09-14", "Markets are pricing in a Fed cut in December.", "December", "2026-12"},
		{"2026-09-14", "The board will let Smith quit in December.", "December", "2026-12"},
	})
}

// TestTenseReviewProbes: invented sentences a read-only reviewer wrote to
// probe this file's session-10 rules (the "be" of contractions, "set ...
// for" a day, "the current year", "midday", and a same-form past that was
// then taken out), with the value a reader gives; the rows crosscheck
// places right. Of the 100 probes 31 are not: one from these rules ("The
// Senate set a vote for Friday. The bill passed 52-48.": the next
// sentence says the vote is over, which eventOver does not read), the
// rest as before them: habits and generics ("They're cheaper in
// January", "People hit the beaches in July every year"), a past account
// of an arrangement ("Organizers scheduled the march for Saturday,
// drawing about 5,000 people", "Last year, the shop scheduled extra staff
// for Oct. 31"), a subjunctive ("demanded that Boeing cut overtime by
// October"), "set a strike for November" (a bare month after an
// arranging "for" is not held ahead), and "the current year" or "this
// year" in a sentence that states a past year (left unresolved, or this
// year, where a reader gives that year).
func TestTenseReviewProbes(t *testing.T) {
	checkValues(t, []valueCase{
		{"2026-09-14", "Johnson hit a home run in October.", "October", "2025-10"},
		{"2026-09-14", "He says he quit smoking in November.", "November", "2025-11"},
		{"2026-09-14", "The coach says Rodriguez hurt his knee on Saturday.", "Saturday", "2026-09-12"},
		{"2026-09-14", "Rodriguez hit two homers Sunday as the Mets won 7-3.", "Sunday", "2026-09-13"},
		{"2026-09-14", "Apple cut prices on its older phones in June.", "June", "2026-06"},
		{"2026-09-17", "The Fed cut rates Wednesday for the first time this year.", "Wednesday", "2026-09-16"},
		{"2026-09-14", "The Heat beat the Knicks 102-98 on Sunday.", "Sunday", "2026-09-13"},
		{"2026-09-14", "It cost the city $4 million in November to clear the snow.", "November", "2025-11"},
		{"2026-09-14", "As Ortiz put it in a speech in December, the treaty was dead.", "December", "2025-12"},
		{"2026-09-14", "Police shut the bridge on Saturday after a crash.", "Saturday", "2026-09-12"},
		{"2026-09-14", "Critics say Amazon quit the deal in October to avoid scrutiny.", "October", "2025-10"},
		{"2026-09-14", "She bet her savings on the team in October, she says.", "October", "2025-10"},
		{"2026-09-14", "Obama read the statement aloud in December, aides say.", "December", "2025-12"},
		{"2026-09-14", "Whether Ortiz quit in October or was fired is disputed.", "October", "2025-10"},
		{"2026-09-14", "Davis cut the ribbon on Tuesday, the mayor's office says.", "Tuesday", "2026-09-08"},
		{"2026-09-14", "He said the storm would hit the coast on Friday.", "Friday", "2026-09-18"},
		{"2026-09-14", "He said he would resign unless Congress cut spending by December.", "December", "2026-12"},
		{"2026-09-14", "Will Judge hit 60 home runs by October?", "October", "2026-10"},
		{"2026-09-14", "Markets are pricing in a Fed cut in December.", "December", "2026-12"},
		{"2026-09-14", "Voters will decide on the Olympic bid in November.", "November", "2026-11"},
		{"2026-09-14", "Fans will get to meet the Hamilton cast in October.", "October", "2026-10"},
		{"2026-09-14", "Fans are bracing for a Cup upset on Saturday.", "Saturday", "2026-09-19"},
		{"2026-09-14", "Viewers can watch the NBC broadcast on Sunday.", "Sunday", "2026-09-20"},
		{"2026-09-14", "She joins the paper's City Hall beat in October.", "October", "2026-10"},
		{"2026-09-14", "The board will consider the Japanese bid on Friday.", "Friday", "2026-09-18"},
		{"2026-09-14", "Ortiz will take over the Pentagon beat in January.", "January", "2027-01"},
		{"2026-09-14", "Netflix will renew its Korean hit in December.", "December", "2026-12"},
		{"2026-09-14", "Will the Fed cut rates in December?", "December", "2026-12"},
		{"2026-09-14", "Should the ECB cut rates in October, the euro would likely fall.", "October", "2026-10"},
		{"2026-09-14", "If the Senate cut funding in November, the program would close.", "November", "2026-11"},
		{"2026-09-14", "He said he would resign unless the Senate cut spending by December.", "December", "2026-12"},
		{"2026-09-14", "The board will let Smith quit in December.", "December", "2026-12"},
		{"2026-09-14", "The merger would help Ford cut costs in November.", "November", "2026-11"},
		{"2026-09-14", "Economists warn that the new tariffs will make it cost more to heat homes in December.", "December", "2026-12"},
		{"2026-09-14", "The ministry will not let it spread beyond the border in October.", "October", "2026-10"},
		{"2026-09-14", "Opponents vow to make it hurt at the polls in November.", "November", "2026-11"},
		{"2026-06-10", "Forecasters said the storm would weaken before it hit land on Thursday.", "Thursday", "2026-06-11"},
		{"2026-09-14", "The Senate set a vote for Friday.", "Friday", "2026-09-18"},
		{"2026-10-21", "The court rescheduled the hearing for Nov. 2.", "Nov. 2", "2026-11-02"},
		{"2026-09-14", "Leaders scheduled a final round of talks for Thursday.", "Thursday", "2026-09-17"},
		{"2026-09-14", "The council scheduled the referendum for Oct. 4.", "Oct. 4", "2026-10-04"},
		{"2026-09-14", "A hearing set for Tuesday was canceled after the defendant fell ill.", "Tuesday", "2026-09-15"},
		{"2026-09-14", "Last week the committee set a vote for Friday, and the bill passed 52-48.", "Friday", "2026-09-11"},
		{"2026-09-14", "Tickets for the concert, planned for Sunday, sold out in minutes.", "Sunday", "2026-09-20"},
		{"2026-09-14", "The Senate planned the recess for Nov. 30.", "Nov. 30", "2026-11-30"},
		{"2026-12-28", "The board set the vote for Jan. 12.", "Jan. 12", "2027-01-12"},
		{"2026-06-10", "The airline scheduled extra flights for Friday after the rail strike.", "Friday", "2026-06-12"},
		{"2026-09-14", "\"We're meeting the union on Friday,\" she said.", "Friday", "2026-09-18"},
		{"2026-09-14", "\"I'm retiring in June,\" the coach said.", "June", "2027-06"},
		{"2026-09-14", "\"We're a very different company today than we were ten years ago,\" the chief executive said.", "today", ""},
		{"2026-09-14", "\"They're more expensive today than ever,\" a dealer said of used cars.", "today", ""},
		{"2026-09-14", "\"I'm 40 today,\" she said.", "today", "2026-09-14"},
		{"2026-06-10", "\"If you're in town on Saturday, stop by,\" the owner said.", "Saturday", "2026-06-13"},
		{"2026-09-14", "\"They're playing for the title on Sunday,\" the coach said.", "Sunday", "2026-09-20"},
		{"2026-09-14", "\"I'm in Chicago on Tuesday and Denver on Wednesday,\" the candidate said.", "Tuesday", "2026-09-15"},
		{"2026-01-05", "\"We're hoping to sign him in March,\" the manager said.", "March", "2026-03"},
		{"2026-12-28", "\"They're the best team in the league today,\" the coach said.", "today", ""},
		{"2026-09-14", "The ministry raised its growth forecast for the current year to 2.1 percent.", "current year", "2026"},
		{"2026-09-14", "The current year's budget is $4 billion.", "current year", "2026"},
		{"2026-09-14", "The government expects a surplus in the current fiscal year.", "current fiscal year", absent},
		{"2026-09-14", "Sales in the current month are down 4 percent.", "current month", "2026-09"},
		{"2026-09-14", "Traders expect volatility to stay high for the rest of the current week.", "current week", "2026-09-14/2026-09-20"},
		{"2026-09-14", "Troops must withdraw by midday Friday, the ultimatum said.", "midday Friday", "2026-09-18T12:00"},
		{"2026-09-14", "The midday meal was served at 1 p.m.", "midday", absent},
		{"2026-06-10", "Temperatures peaked at 41C at midday on Tuesday.", "midday on Tuesday", "2026-06-09T12:00"},
		{"2026-06-10", "Markets were flat by midday in Tokyo.", "midday", "2026-06-10T12:00"},
		{"2026-09-14", "Shops close from midday until 3 p.m. on Sundays.", "midday", absent},
		{"2026-09-14", "Ortiz will speak at midday on Thursday.", "midday on Thursday", "2026-09-17T12:00"},
		{"2026-09-14", "The fire broke out around midday Sunday.", "midday Sunday", "2026-09-13T12:00"},
	})
}

// TestHaveUntil: a modal's "have" before "until" is the main verb ("will
// have until Friday to act"), not a perfect: the time is still to come.
func TestHaveUntil(t *testing.T) {
	checkValues(t, []valueCase{
		{"2026-09-14", "The governor will have until Friday to act on the bill.", "Friday", "2026-09-18"},
		{"2026-09-14", "She will have until the end of the week to act on the bill.", "end of the week", "2026-09-14/2026-09-20"},
		{"2026-09-14", "He could have left on Friday.", "Friday", "2026-09-11"},
	})
}
