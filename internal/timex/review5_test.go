package timex

import "testing"

// TestResolveReviewFresh5 covers the review of the rules after fresh set
// 5's tune half (docs/timex-judging.md, "Rules after fresh set 5's tune
// half"), on invented sentences. "" is unresolved, absent not found.
func TestResolveReviewFresh5(t *testing.T) {
	const tuesday = "2010-06-15"
	tests := []valueCase{
		// "until" / "ahead of" moves its object past the dated clause's
		// day only when both hang on one verb, and not past a relative
		// pronoun or a participle on the object noun: that clause is
		// the phrase's own.
		{tuesday, "The mayor on Tuesday praised the crews who worked until Friday.", "Friday", "2010-06-11"},
		{tuesday, "The mayor on Tuesday released emails sent until Friday.", "Friday", "2010-06-11"},
		{tuesday, "The mayor on Tuesday released data covering the period until March.", "March", "2010-03"},
		{tuesday, "The mayor on Tuesday sold the shirts worn until March.", "March", "2010-03"},
		{tuesday, "The mayor on Tuesday described the suspect hiding in the woods until Friday.", "Friday", "2010-06-11"},
		{tuesday, "The new rebuke comes in a memo released Tuesday and signed by some forty nurses at the clinic in Leeds, in advance of the minister's tour there on Thursday.", "Thursday", "2010-06-17"},
		{tuesday, "The mayor on Tuesday postponed the building work until Thursday.", "Thursday", "2010-06-17"},
		// "N units away" is a time only with an event as subject, and
		// not before a means or a start ("by road", "on foot", "from").
		{tuesday, "The nearest hospital is a day away by road.", "a day away", absent},
		{tuesday, "The camp is three days away on foot.", "three days away", absent},
		{tuesday, "The lake is two days away.", "two days away", absent},
		{tuesday, "The final is two days away.", "two days away", "2010-06-17"},
		{tuesday, "The town's budget vote is still three weeks away.", "three weeks away", "2010-07-05/2010-07-11"},
		{tuesday, "The summit is a day away from the coast.", "a day away", absent},
		// "set for" arranges only a date right after it (a hedge
		// between), and not in a passive past.
		{tuesday, "The table was set for dinner on Friday.", "Friday", "2010-06-11"},
		{tuesday, "The record set for the race in May still stands.", "May", "2010-05"},
		{tuesday, "A recount set for July 9 drew few volunteers.", "July 9", "2010-07-09"},
		{tuesday, "The ferry strike, set for late August, worried the island.", "August", "2010-08"},
		// "be" with "today" speaks of the day for a passing state or a
		// person's whereabouts ("in|at" a place); a thing's place, "on"
		// a programme and "free" to act are nowadays.
		{tuesday, "Most of the old realm is in Spain today.", "today", ""},
		{tuesday, "She is on Medicaid today.", "today", ""},
		{tuesday, "Farmers are free today to sell abroad.", "today", ""},
		{tuesday, "Schools are closed today.", "today", "2010-06-15"},
		{tuesday, "Stocks are higher today.", "today", "2010-06-15"},
		{tuesday, "The museum is open today.", "today", "2010-06-15"},
		{tuesday, "He said the weather is hot today.", "today", "2010-06-15"},
		{tuesday, "Today, the mayor is in Boston.", "Today", "2010-06-15"},
		{tuesday, "Ann Lee is at Leeds today.", "today", "2010-06-15"},
		{tuesday, "They are in Paris today.", "today", "2010-06-15"},
	}
	checkValues(t, tests)
}
