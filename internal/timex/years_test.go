package timex

import "testing"

// TestPresentAdverbialClause: a yearless month-day or bare month in a
// clause of condition or time whose own verb is a present lies ahead
// when the main clause's verb is no simple past
// (docs/timex-rules-years.md); a past main clause, a past, perfect or
// habitual clause, or a preposition with no verb, does not move it.
func TestPresentAdverbialClause(t *testing.T) {
	const nov = "2015-11-20"
	checkValues(t, []valueCase{
		{nov, "The mayor has promised a new bridge unless Greens block the plan in March.", "March", "2016-03"},
		{nov, "The mayor has promised aid unless Lee objects in May.", "May", "2016-05"},
		// Negative rows.
		{nov, "The council fixed the budget before the new board took office in January.", "January", "2015-01"},
		{nov, "The council had fixed the budget before the vote in January.", "January", "2015-01"},
		{nov, "The council passed the budget before Smith had returned in January.", "January", "2015-01"},
		{nov, "Lobbyists crowded the halls when Parliament returns in January each year.", "January", "2015-01"},
		{nov, "In a 2013 memo, the council warned of cuts if Greens win the seat in March.", "March", "2015-03"},
		{nov, "The council passed the budget before the new rules in January.", "January", "2015-01"},
		{nov, "Smith said the firm hired two engineers before Parliament returns on Feb. 2.", "Feb. 2", "2015-02-02"},
		// A month-day more than maxAhead ahead on the rule's present
		// stays unresolved, as on any present cue.
		{nov, "The mayor has promised a new bridge unless Lee objects on Sept. 3.", "Sept. 3", ""},
		{nov, "The mayor has promised a new bridge unless Lee objects in September.", "September", ""},
	})
}

// TestProspectNow: a yearless month or month-day in the complement of a
// noun of prospect that a present or present perfect verb holds lies
// ahead (docs/timex-rules-years.md); a past verb, a prospect that is over
// or held inside another noun's phrase keeps the past.
func TestProspectNow(t *testing.T) {
	const jun = "2015-06-17"
	checkValues(t, []valueCase{
		{jun, "Rivals have mocked the mayor in their push for a recall vote in September.", "September", "2015-09"},
		{jun, "The club has kept alive its hopes of a title in September.", "September", "2015-09"},
		// Negative rows.
		{jun, "Lee said on Monday that Smith lost his bid for a second term in October.", "October", "2014-10"},
		{jun, "By March the league saw a good chance of a title in October.", "October", "2014-10"},
		{jun, "Smith lost a bid in October, Lee said on Monday.", "October", "2014-10"},
		{jun, "Smith has dropped his bid for the Senate in October.", "October", "2014-10"},
	})
}

// TestCoordinatedPresent: a present "-s" form opening a second predicate
// right after a time expression and "and" governs the date after it
// (docs/timex-rules-years.md); a noun joined to a noun, a past second
// predicate, a time word, or a verb after the date does not.
func TestCoordinatedPresent(t *testing.T) {
	const sep = "2015-09-16"
	checkValues(t, []valueCase{
		{sep, "The drive began on Monday and lasts until Oct. 30.", "Oct. 30", "2015-10-30"},
		{sep, "The pool closed Monday and stays shut until Oct. 30.", "Oct. 30", "2015-10-30"},
		{sep, "The festival began last week but lasts into November.", "November", "2015-11"},
		// Negative rows.
		{sep, "The city raised taxes and fees through Nov. 8.", "Nov. 8", "2014-11-08"},
		{sep, "Work on the pier stopped on Friday and lasted through Nov. 8.", "Nov. 8", "2014-11-08"},
		{sep, "The pier closed to great protest and stays shut through Nov. 8.", "Nov. 8", "2014-11-08"},
		{sep, "The trial opened Monday and centres on the Nov. 8 primary.", "Nov. 8", "2014-11-08"},
		{sep, "The probe began Tuesday and focuses on deals in November.", "November", "2014-11"},
		{sep, "The club played on Monday and Tuesdays through Nov. 8.", "Nov. 8", "2014-11-08"},
	})
}

// TestYearsReview: invented sentences of a review of these rules, each a
// past event or state that an earlier form of them placed a year off;
// every one keeps the year its plain tense gives (or stays unresolved).
func TestYearsReview(t *testing.T) {
	checkValues(t, []valueCase{
		// Event phrases under a preposition, a noun of outcome, "before",
		// an aside, an infinitive or "ahead of".
		{"2016-03-10", "Voters flocked to the polls in the June 3 primary.", "June 3", "2015-06-03"},
		{"2016-03-10", "Smith won 40 percent of the vote in the primary on June 3.", "June 3", "2015-06-03"},
		{"2016-08-10", "Voters rejected the plan in the Sept. 18 referendum.", "Sept. 18", "2015-09-18"},
		{"2013-09-15", "Smith conceded weeks after his defeat in the Nov. 6 election.", "Nov. 6", "2012-11-06"},
		{"2016-09-20", "The government fell in March after its defeat in the December referendum.", "December", "2015-12"},
		{"2016-03-10", "The court overturned the result of the May 4 vote.", "May 4", "2015-05-04"},
		{"2013-09-15", "Lee lost his seat after a recount of the Nov. 6 election.", "Nov. 6", "2012-11-06"},
		{"2016-08-10", "Lee demanded a recount of the Sept. 18 runoff.", "Sept. 18", "2015-09-18"},
		{"2017-03-20", "The scandal erupted on the eve of the June 23 referendum.", "June 23", "2016-06-23"},
		{"2017-03-20", "The scandal erupted days before the June 23 referendum.", "June 23", "2016-06-23"},
		{"2017-01-15", "Banks rushed to file reports before the March 31 deadline.", "March 31", "2016-03-31"},
		{"2013-09-15", "Results of the Nov. 6 election, released by the board, showed a swing to the left.", "Nov. 6", "2012-11-06"},
		{"2016-03-10", "Smith, the winner of the June 3 primary, said on Tuesday that he would run again.", "June 3", "2015-06-03"},
		{"2016-08-10", "Lee, a loser in the Sept. 18 runoff, filed a lawsuit.", "Sept. 18", "2015-09-18"},
		{"2016-07-01", "Testimony at a Sept. 9 hearing, which lasted six hours, revealed the plan.", "Sept. 9", "2015-09-09"},
		{"2016-10-05", "Regulators fined the bank for failing to meet the Dec. 31 deadline.", "Dec. 31", "2015-12-31"},
		{"2016-02-20", "Protesters marched ahead of the April 12 summit, which ended without a deal.", "April 12", "2015-04-12"},
		// A bare month moved far ahead.
		{"2016-02-10", "Shares fell Monday and losses in January were the worst in years.", "January", "2016-01"},
		{"2016-02-10", "Stocks slumped after China worries in January.", "January", "2016-01"},
		{"2015-06-17", "The coach said on Monday that the team had high hopes for a title in May, before injuries struck.", "May", "2015-05"},
		// A capitalised modifier and a plural noun read as subject and verb.
		{"2017-03-01", "The pound slid after Brexit fears in June.", "June", "2016-06"},
		{"2016-02-10", "Security was tightened after Obama visits in December.", "December", "2015-12"},
		{"2016-02-10", "Sales rose sharply after Apple launches in September.", "September", "2015-09"},
		{"2016-07-10", "Lawmakers delayed the vote until Senate hearings in May.", "May", "2016-05"},
		// A plural noun after "and" read as a verb.
		{"2016-02-10", "The strike began Monday and talks in January failed.", "January", "2016-01"},
		{"2016-02-10", "The council met on Tuesday and reviews in January found no fault.", "January", "2016-01"},
		{"2016-03-10", "The team lost on Sunday and fans in February booed the coach.", "February", "2016-02"},
		// Prospects that are over or held inside another noun's phrase.
		{"2016-01-20", "Smith has not recovered from his failed bid for the Senate in November.", "November", "2015-11"},
		{"2016-01-20", "Smith has blamed the failure of the push for reform in December on his rivals.", "December", "2015-12"},
		{"2015-06-17", "The treasurer said Tuesday that the city was at risk of default on June 1, when a bond payment fell due.", "June 1", "2015-06-01"},
	})
}

// TestYearsPastEvents: invented sentences naming an event eight to twelve
// months before the article, in the shapes the cases of years.go read
// (a noun of prospect, a present after "and", a clause opener, an event
// put off); none may be placed a year ahead.
func TestYearsPastEvents(t *testing.T) {
	checkValues(t, []valueCase{
		{"2016-03-10", "Shares have not recovered since the May 4 crash.", "May 4", "2015-05-04"},
		{"2013-09-15", "Turnout fell sharply after the Nov. 6 election.", "Nov. 6", "2012-11-06"},
		{"2016-03-10", "Lee finished third in the June 3 primary.", "June 3", "2015-06-03"},
		{"2016-01-20", "Results of the March 1 vote were challenged in court.", "March 1", "2015-03-01"},
		{"2016-02-05", "The board has not met since the April 30 hearing.", "April 30", "2015-04-30"},
		{"2016-07-20", "Lee has been silent since his defeat in the Sept. 14 runoff.", "Sept. 14", "2015-09-14"},
		{"2016-09-01", "Smith has led the party since the Nov. 25 election.", "Nov. 25", "2015-11-25"},
		{"2016-08-10", "Critics recalled the chaos of the Sept. 18 referendum.", "Sept. 18", "2015-09-18"},
		{"2016-08-10", "Results of the Sept. 18 referendum showed a narrow win for the plan.", "Sept. 18", "2015-09-18"},
		{"2016-02-10", "The index has fallen 20 percent since Chinese stocks crashed in June.", "June", "2015-06"},
		{"2016-03-01", "The party is still reeling after voters rejected it in the May 7 election.", "May 7", "2015-05-07"},
		{"2016-03-10", "The Greens have rebuilt since their loss in the June 3 primary.", "June 3", "2015-06-03"},
		{"2016-04-01", "Since the May 5 vote, Lee has led the council.", "May 5", "2015-05-05"},
		{"2016-04-01", "Lee has led the council since the May 5 vote, when Greens gained six seats.", "May 5", "2015-05-05"},
		{"2016-01-12", "The bank has faced lawsuits over its losses in the March 9 crash.", "March 9", "2015-03-09"},
		{"2013-09-15", "Smith has refused to concede the Nov. 6 election.", "Nov. 6", "2012-11-06"},
		{"2013-09-15", "A recount after the Nov. 6 election confirmed Smith's win.", "Nov. 6", "2012-11-06"},
		// An event put off, long ago or recently: left to the verb.
		{"2017-02-15", "Last year's delay of the April 7 vote angered the opposition.", "April 7", "2016-04-07"},
		{"2017-02-15", "A delay of the April 7 vote last year angered the opposition.", "April 7", "2016-04-07"},
		{"2013-09-15", "Smith asked for a delay of the Nov. 6 election, which went ahead anyway.", "Nov. 6", "2012-11-06"},
		{"2016-03-10", "Lee recalled the chaos that followed the postponement of the June 3 primary.", "June 3", "2015-06-03"},
		{"2013-09-15", "Smith campaigned hard for the Nov. 6 election.", "Nov. 6", "2012-11-06"},
		{"2013-09-15", "Smith raised $2 million for the Nov. 6 election.", "Nov. 6", "2012-11-06"},
		{"2016-08-10", "Lee prepared for the Sept. 18 referendum for months.", "Sept. 18", "2015-09-18"},
		// Prospects that are over, or bounded by "since".
		{"2016-01-20", "Smith has abandoned the push for reform in December.", "December", "2015-12"},
		{"2016-01-20", "Smith has dropped his bid for the Senate in December.", "December", "2015-12"},
		{"2016-03-10", "Smith has had no chance of a recount since the June 3 primary.", "June 3", "2015-06-03"},
		{"2016-03-10", "Smith has pinned his hopes for a comeback on the June 3 primary, which he lost.", "June 3", "2015-06-03"},
		// Presents after "and" that do not reach the date.
		{"2016-02-10", "The strike began Monday and costs in January topped $1 million.", "January", "2016-01"},
		{"2016-03-10", "The trial opened Monday and centres on the June 3 primary.", "June 3", "2015-06-03"},
		{"2016-03-10", "The inquiry began Tuesday and looks at the June 3 primary.", "June 3", "2015-06-03"},
		{"2016-02-10", "The strike ended Monday but talks in March went nowhere.", "March", "2015-03"},
		// A present perfect main clause before "after" or "until" and a
		// name with a plural noun.
		{"2017-03-01", "The pound has fallen sharply after Brexit fears in June.", "June", "2016-06"},
		{"2016-02-10", "Sales have slumped after Apple launches in September.", "September", "2015-09"},
		{"2016-07-10", "Lawmakers have delayed the vote until Senate hearings in May.", "May", "2016-05"},
	})
}
