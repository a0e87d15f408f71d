package timex

import "testing"

// TestForwardComplement: a yearless month-day or bare month in a
// forward-looking complement of a past verb takes the nearest occurrence
// (docs/timex-rules-tml.md), on invented sentences; the past verb's own
// time, a complement whose date is of an earlier event, and a sentence
// that states an earlier year keep the past.
func TestForwardComplement(t *testing.T) {
	const nov = "2015-11-20" // a Friday
	checkValues(t, []valueCase{
		// A verb that moves or grants a time limit: the new limit.
		{nov, "The regulator extended its review of the merger until Dec. 14.", "Dec. 14", "2015-12-14"},
		{nov, "The city council postponed the budget vote to Jan. 12.", "Jan. 12", "2016-01-12"},
		{nov, "The bank has extended the credit line through February.", "February", "2016-02"},
		{nov, "The court gave the builder until mid-January to file a reply.", "January", "2016-01"},
		{nov, "The agency extended the comment period until 5 p.m. Dec. 7.", "5 p.m. Dec. 7", "2015-12-07T17:00"},
		{nov, "The hearing was delayed until Jan. 6 at the request of the defence.", "Jan. 6", "2016-01-06"},
		// "effective" after the verb: the day the act takes effect.
		{nov, "The board named Ann Lee its finance chief, effective Jan. 4.", "Jan. 4", "2016-01-04"},
		// A verb that directs or commits to a later act: its
		// to-complement's date.
		{nov, "The ministers decided to hold a new round of talks in early December.", "December", "2015-12"},
		{nov, "The committee subpoenaed the two executives to testify on Dec. 3.", "Dec. 3", "2015-12-03"},
		{nov, "The mayor has invited the three rival mayors to a ceremony at the city museum on Dec. 9.", "Dec. 9", "2015-12-09"},
		{nov, "The union voted to begin the walkout on Jan. 5.", "Jan. 5", "2016-01-05"},

		// Negative rows. No verb that moves a limit: the state lasted
		// until a past month.
		{nov, "The strike lasted until March.", "March", "2015-03"},
		{nov, "The factory stayed open through February.", "February", "2015-02"},
		// The verb's own time, not a new limit.
		{nov, "The regulator extended its review in January.", "January", "2015-01"},
		{nov, "The opening was delayed by floods in February.", "February", "2015-02"},
		{nov, "The talks moved to Geneva on Jan. 8.", "Jan. 8", "2015-01-08"},
		// A limit just gone, or more than half a year ahead, is the
		// past one: the nearest occurrence.
		{nov, "The board extended the deadline until Oct. 30, but no bids came.", "Oct. 30", "2015-10-30"},
		{nov, "The panel extended the programme through June.", "June", "2015-06"},
		// A sentence that states an earlier year narrates from it.
		{nov, "The offer was extended last year until Dec. 14.", "Dec. 14", "2014-12-14"},
	})
	// So does the text after a month of an earlier year.
	checkParagraphs(t, nov, []string{"The mill closed in March 2012. Its owners extended the workers' pay until Aug. 3."}, "Aug. 3", "2012-08-03")
	checkValues(t, []valueCase{
		// Verbs whose complement happens at their own time, and a
		// noun after "to" with a verb that takes only an infinitive.
		{nov, "The company managed to close the deal on Jan. 8.", "Jan. 8", "2015-01-08"},
		{nov, "The firm agreed to a settlement in February.", "February", "2015-02"},
		{nov, "She told reporters on Jan. 8 that the plan had failed.", "Jan. 8", "2015-01-08"},
		// A place after "invited to": the date may be the visit's.
		{nov, "She was invited to the White House in February.", "February", "2015-02"},
		// A complement that restates the decision: the date may be
		// the vote's own.
		{nov, "The council voted to approve the budget in January.", "January", "2015-01"},
		// A later verb governs the date.
		{nov, "The council voted to build a new school, and the work ended in March.", "March", "2015-03"},
		{nov, "The senator, who decided to retire, spoke in January.", "January", "2015-01"},
		// The complement refers back to an earlier event.
		{nov, "The city decided to act after the floods in January.", "January", "2015-01"},
		{nov, "The minister agreed to apologize for her remarks on Jan. 8.", "Jan. 8", "2015-01-08"},
		// "effective" in an aside before the verb: the act has taken
		// effect.
		{nov, "The rule, effective Jan. 1, lowered fees for drivers.", "Jan. 1", "2015-01-01"},
		// A future clause was already forward.
		{nov, "The panel will extend the deadline until Jan. 12.", "Jan. 12", "2016-01-12"},
	})
}
