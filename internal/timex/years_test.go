package timex

import "testing"

// TestEventPhraseDate: a scheduled event's yearless date inside a noun
// phrase that a past verb only hangs on takes the nearest occurrence,
// not the past verb's (docs/timex-rules-years.md), on invented
// sentences; the direct object of the past verb, or the object of a
// preposition right after it, keeps the verb's past.
func TestEventPhraseDate(t *testing.T) {
	const nov, feb = "2015-11-20", "2015-02-10"
	checkValues(t, []valueCase{
		// The phrase hangs on a noun, an infinitive or "ahead of".
		{nov, "The union ran radio spots ahead of the Dec. 8 referendum.", "Dec. 8", "2015-12-08"},
		{nov, "Several councillors asked for a delay of the Jan. 12 vote on the budget.", "Jan. 12", "2016-01-12"},
		{nov, "The mayor wanted to move the Jan. 12 hearing to the spring.", "Jan. 12", "2016-01-12"},
		{feb, "Ann Lee, a hopeful in the Green primary on April 14, toured the valley.", "April 14", "2015-04-14"},
		{feb, "Ann Lee, a hopeful in the April 14 runoff, toured the valley.", "April 14", "2015-04-14"},
		// Negative rows: the verb's own event, or no scheduled event.
		{nov, "The incumbent won the Dec. 8 referendum by a wide margin.", "Dec. 8", "2014-12-08"},
		{nov, "Turnout was low in the Dec. 8 referendum, officials said.", "Dec. 8", "2014-12-08"},
		{nov, "Few voters took part in the Dec. 8 referendum.", "Dec. 8", "2014-12-08"},
		{nov, "The union cited the Dec. 8 report in its appeal.", "Dec. 8", "2014-12-08"},
		{nov, "The Dec. 8 referendum drew few voters.", "Dec. 8", "2014-12-08"},
		{nov, "Lawmakers adjourned before the deadline on Dec. 8 passed.", "Dec. 8", "2014-12-08"},
		{nov, "Lawmakers adjourned before the Dec. 8 deadline passed.", "Dec. 8", "2014-12-08"},
		{nov, "The union ran radio spots ahead of a rally on Dec. 8.", "Dec. 8", "2014-12-08"},
		// A preposition of aim or time before the event: the clause's
		// time comes before the event.
		{nov, "Four parties qualified for the Dec. 8 debate.", "Dec. 8", "2015-12-08"},
		{nov, "The union printed leaflets before the Dec. 8 referendum.", "Dec. 8", "2015-12-08"},
		// A bare month naming a scheduled event takes its nearest year
		// (ahead counts double, at most six months ahead).
		{nov, "Four parties qualified for the December debate.", "December", "2015-12"},
		{nov, "The union printed leaflets ahead of the January referendum.", "January", "2016-01"},
		{nov, "The union printed leaflets ahead of the June referendum.", "June", "2015-06"},
		{nov, "Four parties took part in the December debate.", "December", "2014-12"},
		{nov, "Four parties qualified for the December concert.", "December", "2014-12"},
		{nov, "Four parties had qualified for the December debate.", "December", "2014-12"},
		{nov, "The union had printed leaflets before the Dec. 8 referendum.", "Dec. 8", "2014-12-08"},
		// A sentence that states an earlier year narrates from it.
		{nov, "In 2013, the union ran radio spots ahead of the Dec. 8 referendum.", "Dec. 8", "2014-12-08"},
		// A date half a year back is nearer than one a month ahead
		// counted double: the nearest rule keeps the past there.
		{nov, "The union ran radio spots ahead of the May 20 referendum.", "May 20", "2015-05-20"},
	})
}

// TestPresentAdverbialClause: a yearless month-day or bare month in a
// clause of condition or time whose own verb is a present lies ahead
// (docs/timex-rules-years.md), on invented sentences; a past, perfect or
// habitual clause, or a preposition with no verb, does not.
func TestPresentAdverbialClause(t *testing.T) {
	const nov = "2015-11-20"
	checkValues(t, []valueCase{
		{nov, "The council passed a stopgap budget before the new Parliament takes over in January.", "January", "2016-01"},
		{nov, "Lee has emerged as the favourite to lead the party if Greens win the seat in March.", "March", "2016-03"},
		{nov, "Smith said the firm hired two engineers before Parliament returns on Feb. 2.", "Feb. 2", "2016-02-02"},
		{nov, "The firm hired two engineers, and they started work after Lee returns in January.", "January", "2016-01"},
		// Negative rows.
		{nov, "The council fixed the budget before the new board took office in January.", "January", "2015-01"},
		{nov, "The council had fixed the budget before the vote in January.", "January", "2015-01"},
		{nov, "The council passed the budget before Smith had returned in January.", "January", "2015-01"},
		{nov, "Lobbyists crowded the halls when Parliament returns in January each year.", "January", "2015-01"},
		{nov, "In a 2013 memo, the council warned of cuts if Greens win the seat in March.", "March", "2015-03"},
		{nov, "The council passed the budget before the new rules in January.", "January", "2015-01"},
		// A month-day more than half a year ahead on a present cue
		// stays unresolved (maxAhead), as a present clause's does.
		{nov, "The firm hired two engineers before Lee returns on Sept. 3.", "Sept. 3", ""},
	})
}

// TestProspectNow: a yearless month or month-day in the complement of a
// noun of prospect whose clause is dated now lies ahead
// (docs/timex-rules-years.md), on invented sentences; a past event verb,
// a report from further back, or no "of"/"for" complement keeps the
// past.
func TestProspectNow(t *testing.T) {
	const jun = "2015-06-17" // a Wednesday
	checkValues(t, []valueCase{
		{jun, "The party chair said on Monday that Greens had a fair chance of winning the seat in October.", "October", "2015-10"},
		{jun, "The coach said Tuesday that the club was in danger of losing its licence in August.", "August", "2015-08"},
		{jun, "Rivals have mocked the mayor in their push for a recall vote in September.", "September", "2015-09"},
		// Negative rows.
		{jun, "Lee said on Monday that Smith lost his bid for a second term in October.", "October", "2014-10"},
		{jun, "The party chair said in March that Greens had a fair chance of winning the seat in October.", "October", "2014-10"},
		{jun, "The party chair said on Monday that Greens had a fair chance, as in October.", "October", "2014-10"},
		{jun, "Smith lost a bid in October, Lee said on Monday.", "October", "2014-10"},
	})
}

// TestCoordinatedPresent: a present "-s" form opening a second predicate
// right after a time expression and "and" governs the date after it
// (docs/timex-rules-years.md), on invented sentences; a noun joined to a
// noun, a past second predicate or a time word does not.
func TestCoordinatedPresent(t *testing.T) {
	const sep = "2015-09-16" // a Wednesday
	checkValues(t, []valueCase{
		{sep, "The exhibit opened Tuesday and runs through Nov. 8 at the city museum.", "Nov. 8", "2015-11-08"},
		{sep, "The drive began on Monday and lasts until Oct. 30.", "Oct. 30", "2015-10-30"},
		{sep, "The festival began last week but lasts into November.", "November", "2015-11"},
		// Negative rows.
		{sep, "The city raised taxes and fees through Nov. 8.", "Nov. 8", "2014-11-08"},
		{sep, "The exhibit opened Tuesday and ran through Nov. 8.", "Nov. 8", "2014-11-08"},
		{sep, "The exhibit opened to good reviews and runs through Nov. 8.", "Nov. 8", "2014-11-08"},
		{sep, "The club played on Monday and Tuesdays through Nov. 8.", "Nov. 8", "2014-11-08"},
	})
}
