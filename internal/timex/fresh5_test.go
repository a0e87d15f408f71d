package timex

import "testing"

// TestResolveFormsFresh5: forms read since fresh set 5's tune half
// (docs/timex-judging.md, "Rules after fresh set 5's tune half"), on
// invented sentences. "" is unresolved, absent not found.
func TestResolveFormsFresh5(t *testing.T) {
	const tuesday = "2010-06-15"
	tests := []valueCase{
		// A month-day before a colon that opens a quotation or a list is
		// the day; a clock's colon right before digits is not a day.
		{tuesday, "The board reviewed what the coach wrote on May 3:", "May 3", "2010-05-03"},
		{tuesday, "Critics recall the remark the mayor made on April 20: \"We are done.\"", "April 20", "2010-04-20"},
		// "MONTH DAY of last|this|next year": the day of that year.
		{tuesday, "We opened the shop on August 9th of last year and never looked back.", "August 9th of last year", "2009-08-09"},
		{tuesday, "The bridge will open on March 2 of next year.", "March 2 of next year", "2011-03-02"},
		{tuesday, "The club was founded on February 29 of last year.", "February 29 of last year", ""},
		// "set for" a date is an arrangement, as "slated for" is: a
		// yearless date after it is the coming one, though a past verb
		// comes earlier in the sentence.
		{tuesday, "The league chose an interim coach while fans wait for a playoff set for April 3.", "April 3", "2011-04-03"},
		{tuesday, "The hearing is set for May 20.", "May 20", "2011-05-20"},
		{tuesday, "The hearing was held on May 20.", "May 20", "2010-05-20"},
		// A prepositional anchored count dates its clause, not its own
		// object: a date inside the object (up to a comma, colon, bracket
		// or dash) leaves an undated clause unresolved.
		{tuesday, "The ruling came three days after the panel rejected the appeal on Monday.", "three days after", ""},
		{tuesday, "The ruling came three days after the panel rejected the appeal, on Monday.", "three days after", "2010-06-14"},
		{tuesday, "The permit was signed two weeks before -- on October 4.", "two weeks before", "2009-10-04"},
		{tuesday, "Two days after the panel met, the ruling came on Monday.", "Two days after", "2010-06-14"},
		// An appositive after a name (a comma, a determiner, no verb, a
		// comma) is an aside: a fronted expression reaches the main
		// clause's verb past it.
		{"2010-06-14", "At a forum this weekend in Boston, Ann Lee, the chief of the harbour board of the city, firmly told the students who came that fees would rise.", "this weekend", "2010-06-12/2010-06-13"},
		{"2010-06-14", "At a forum this weekend in Boston, Ann Lee, the chief of the harbour board of the city, will tell the students that fees must rise.", "this weekend", "2010-06-19/2010-06-20"},
		// "even today": a state lasting up to now (nowadays), unless its
		// own clause is past or future.
		{tuesday, "Even today, the old quarrel is far from settled.", "today", ""},
		{tuesday, "The guide noted that the old paths, even today, cross the marsh.", "today", ""},
		{tuesday, "Even today, the mayor said, the bridge was closed.", "today", "2010-06-15"},
		{tuesday, "Even today, the council will meet twice.", "today", "2010-06-15"},
		// A present clause a count of years dates is the reference's
		// year; a count of days or months, the day.
		{tuesday, "The old bridge is still unrepaired 40 years after the flood.", "40 years after", "2010"},
		{tuesday, "Less than a decade after the town was flooded, most residents believe it is safe.", "a decade after", "2010"},
		{tuesday, "The shop is shut two weeks before the fair.", "two weeks before", "2010-06-15"},
		// "N and a half units ago": the unit holding N units and a half
		// back; half a day is no day.
		{tuesday, "The herd left the valley three-and-a-half months ago.", "three-and-a-half months ago", "2010-02"},
		{tuesday, "The mill closed two and a half years ago.", "two and a half years ago", "2007"},
		{tuesday, "The mill closed two and a half days ago.", "days ago", absent},
		{tuesday, "The mill closed two and a half days ago.", "two and a half days ago", absent},
		// The object of "until", "ahead of", "in advance of" comes after
		// a clause dated on the reference day; not after "that", nor when
		// a verb of the object governs, nor with the clause undated.
		{tuesday, "The guild published an appeal Tuesday, in advance of the bishop's sermon there on Thursday.", "Thursday", "2010-06-17"},
		{tuesday, "The guild published an appeal Tuesday in advance of the bishop's sermon there on Thursday.", "Thursday", "2010-06-17"},
		{tuesday, "The mayor on Tuesday named a deputy to run the port until a runoff in March.", "March", "2011-03"},
		{tuesday, "The mayor on Tuesday closed the road ahead of the parade on Friday.", "Friday", "2010-06-18"},
		{tuesday, "The mayor closed the road ahead of the parade on Friday.", "Friday", "2010-06-11"},
		{tuesday, "The mayor said Tuesday that until the floods in March the road was open.", "March", "2010-03"},
		{tuesday, "The mayor on Tuesday recalled the road works until the council had met in March.", "March", "2010-03"},
		{tuesday, "On Tuesday the mayor recalled how he had waited until Friday to act.", "Friday", "2010-06-11"},
		{tuesday, "The mayor on Tuesday said he had waited until Friday to act.", "Friday", "2010-06-11"},
		{tuesday, "The mayor on Tuesday postponed the vote until Thursday.", "Thursday", "2010-06-17"},
		// A verb ahead that opens a coordinated predicate ("... and
		// said") does not govern an expression of the first conjunct,
		// whose own verb may stand beyond the usual window.
		{tuesday, "The ferry firm might sell its two oldest boats to a rival line from the northern islands before October and hinted that more sales could follow.", "October", "2010-10"},
		{tuesday, "The ferry firm sold its two oldest boats to a rival line from the northern islands before October and hinted that more sales could follow.", "October", "2009-10"},
		// "N units away" after a present "be": as "N units from now".
		{tuesday, "The runoff is two months away.", "two months away", "2010-08"},
		{tuesday, "The festival is now just three weeks away.", "three weeks away", "2010-07-05/2010-07-11"},
		{tuesday, "The festival was three weeks away.", "three weeks away", absent},
		{tuesday, "She moved a year away from home.", "a year away", absent},
		// "DAY, the day after|before X" restates the day just given.
		{tuesday, "The clerks began the count on Wednesday, the day after the polls closed.", "day after", "2010-06-09"},
		{tuesday, "On May 3, the day before the ballot, the mayor resigned.", "day before", "2010-05-03"},
	}
	checkValues(t, tests)
}
