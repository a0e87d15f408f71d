package timex

import "testing"

// TestForwardSoon: a yearless month-day just ahead of the reference,
// under a past verb (soon.go). Invented sentences a read-only reviewer
// wrote to probe the rule's first, broader form (which kept every such
// date ahead and broke most of the second group), with the value a
// reader gives:
// a date a forward-looking construction holds stays ahead; a date that
// is the time of the past verb's own event, or of a period that ended,
// goes back a year. Left out, as outside the rule: a birth date the text
// does not place in any year ("was born on Oct. 30", a reader leaves it
// unresolved, crosscheck puts it in the year before), "beat" read as a
// present ("The Jets beat the Dolphins on Dec. 18"), a Feb. 29 in a year
// with none before it, and a known miss, an infinitive after a noun
// ("with shares to begin trading Oct. 22": left in the past).
func TestForwardSoon(t *testing.T) {
	checkValues(t, []valueCase{
		// Ahead: terms, limits, re-timings, plans and commitments.
		{"2026-10-15", "The board declared a quarterly dividend of 22 cents a share, payable Nov. 14 to holders of record Oct. 31.", "Nov. 14", "2026-11-14"},
		{"2026-10-15", "The board declared a quarterly dividend of 22 cents a share, payable Nov. 14 to holders of record Oct. 31.", "Oct. 31", "2026-10-31"},
		{"2026-09-20", "Election officials said the runoff would be held Nov. 3.", "Nov. 3", "2026-11-03"},
		{"2026-10-02", "The judge set a deadline of Nov. 15 for both sides to file briefs.", "Nov. 15", "2026-11-15"},
		{"2026-10-10", "The company announced the chief executive's retirement, effective Dec. 1.", "Dec. 1", "2026-12-01"},
		{"2026-03-05", "Lawmakers agreed to vote on the measure April 14.", "April 14", "2026-04-14"},
		{"2026-06-01", "The city council scheduled a public hearing for July 8.", "July 8", "2026-07-08"},
		{"2026-05-12", "Organizers postponed the festival to June 20 because of the heat.", "June 20", "2026-06-20"},
		{"2026-08-03", "The agency gave residents until Sept. 30 to apply for aid.", "Sept. 30", "2026-09-30"},
		{"2026-04-20", "The union told members that the strike vote was set for May 2.", "May 2", "2026-05-02"},
		{"2026-07-15", "Prosecutors asked the court to schedule sentencing for Aug. 28.", "Aug. 28", "2026-08-28"},
		{"2026-10-28", "The Fed left rates unchanged and signaled that its next meeting, on Dec. 9, could bring a cut.", "Dec. 9", "2026-12-09"},
		{"2026-01-15", "The airline said it had canceled all flights through Feb. 2.", "Feb. 2", "2026-02-02"},
		{"2026-05-30", "He was ordered to appear in court on June 12.", "June 12", "2026-06-12"},
		{"2026-09-14", "Shareholders approved the merger, which was expected to close Oct. 1.", "Oct. 1", "2026-10-01"},
		{"2026-03-20", "The team placed him on the injured list, and he was not eligible to return until April 10.", "April 10", "2026-04-10"},
		{"2026-10-15", "The minister said parliament would reconvene Nov. 10.", "Nov. 10", "2026-11-10"},
		{"2026-08-20", "\"We told them the money was due Sept. 15,\" the landlord said.", "Sept. 15", "2026-09-15"},
		{"2026-09-30", "The trial, which had been scheduled for Oct. 19, was postponed indefinitely.", "Oct. 19", "2026-10-19"},
		{"2026-11-05", "The Senate passed the bill late Wednesday, setting up a Dec. 20 deadline for the agencies.", "Dec. 20", "2026-12-20"},
		{"2026-07-01", "He was sentenced to 18 months and was ordered to report to prison by Aug. 15.", "Aug. 15", "2026-08-15"},
		{"2026-12-01", "The agency announced a deadline of Dec. 31 for applications.", "Dec. 31", "2026-12-31"},
		{"2026-12-01", "The agency said the new fee would be charged starting Jan. 1.", "Jan. 1", "2027-01-01"},
		{"2026-09-01", "The council set the referendum for Nov. 2.", "Nov. 2", "2026-11-02"},
		{"2026-09-01", "The council set the referendum for Nov. 3.", "Nov. 3", "2026-11-03"},
		{"2028-01-15", "The court set a hearing for Feb. 29.", "Feb. 29", "2028-02-29"},
		{"2026-10-20", "Bids were due by 5 p.m. EST Nov. 9, the agency said.", "5 p.m. EST Nov. 9", "2026-11-09T17:00"},
		{"2026-10-01", "Organizers said the conference would run Nov. 3-5 in Denver.", "Nov. 3-5", "2026-11-03/2026-11-05"},
		{"2026-10-20", "The council voted to hold the hearing Tuesday, Nov. 3.", "Tuesday, Nov. 3", "2026-11-03"},
		{"2026-10-14", "Officials announced the bridge would reopen Oct. 15.", "Oct. 15", "2026-10-15"},
		{"2026-06-10", "The governor signed the budget, which was to take effect July 1.", "July 1", "2026-07-01"},
		{"2026-09-10", "Voters learned Thursday that the recall election was moved to Oct. 6.", "Oct. 6", "2026-10-06"},
		{"2026-04-02", "The company extended the offer, which was to expire April 30, to May 15.", "May 15", "2026-05-15"},
		{"2026-04-02", "The company extended the offer, which was to expire April 30, to May 15.", "April 30", "2026-04-30"},
		{"2026-10-20", "The school district closed schools through Friday, Nov. 6.", "Friday, Nov. 6", "2026-11-06"},
		{"2026-02-15", "The mayor said the curfew remained in place until March 1.", "March 1", "2026-03-01"},
		// Back: the time of the past verb's own event, a period that
		// ended, a year the text gives.
		{"2026-10-20", "The storm that hit the coast on Nov. 3 destroyed more than 400 homes.", "Nov. 3", "2025-11-03"},
		{"2026-10-06", "Revenue for the fiscal year ended Nov. 30 rose 6 percent.", "Nov. 30", "2025-11-30"},
		{"2026-10-12", "Last season, the Bears won their final game on Dec. 4.", "Dec. 4", "2025-12-04"},
		{"2026-10-25", "Ahead of the first anniversary, survivors recalled the shooting, which happened Oct. 27.", "Oct. 27", "2025-10-27"},
		{"2026-10-01", "Police said the suspect fled the country on Nov. 12 and had not been seen since.", "Nov. 12", "2025-11-12"},
		{"2026-09-10", "The plant has been idle since it closed on Oct. 15.", "Oct. 15", "2025-10-15"},
		{"2026-10-08", "Neighbors said the house had stood empty since the owner died on Nov. 20.", "Nov. 20", "2025-11-20"},
		{"2026-11-02", "The company, which filed for bankruptcy protection on Dec. 14, said it would sell its remaining stores.", "Dec. 14", "2025-12-14"},
		{"2026-10-15", "Voters rejected a similar measure on Nov. 5.", "Nov. 5", "2025-11-05"},
		{"2026-10-30", "He took office Dec. 1 and has since fired three ministers.", "Dec. 1", "2025-12-01"},
		{"2026-09-15", "\"We lost everything on Oct. 9,\" said Maria Lopez, whose home burned in the fire.", "Oct. 9", "2025-10-09"},
		{"2026-10-10", "The chain closed 40 stores last year. The largest closing came on Nov. 18, when it shut its flagship in Chicago.", "Nov. 18", "2025-11-18"},
		{"2026-10-10", "The 2025 season ended badly for the club. It lost its final match on Nov. 29.", "Nov. 29", "2025-11-29"},
		{"2026-10-10", "In 2025, the club lost its final match on Nov. 29.", "Nov. 29", "2025-11-29"},
		{"2026-11-10", "The company restated its results for the year that ended Dec. 31.", "Dec. 31", "2025-12-31"},
		{"2026-10-05", "Smith, who tore a knee ligament on Nov. 24, returned to practice Wednesday.", "Nov. 24", "2025-11-24"},
		{"2026-10-18", "The Yankees last won a playoff game on Oct. 28, when they beat Houston.", "Oct. 28", "2025-10-28"},
		{"2026-10-12", "Johnson, who died Nov. 2 at 84, was remembered Saturday at a service in Atlanta.", "Nov. 2", "2025-11-02"},
		{"2026-11-01", "Monday marks one year since the bridge collapsed on Nov. 2.", "Nov. 2", "2025-11-02"},
		{"2026-12-01", "The agency said the rule took effect Dec. 31.", "Dec. 31", "2025-12-31"},
		{"2026-12-01", "The agency said the rule took effect Jan. 1.", "Jan. 1", "2026-01-01"},
		{"2026-09-01", "The factory exploded on Nov. 2, killing six workers.", "Nov. 2", "2025-11-02"},
		{"2026-09-01", "The factory exploded on Nov. 3, killing six workers.", "Nov. 3", "2025-11-03"},
		{"2026-10-20", "The polls closed at 8 p.m. Nov. 3, and the count took weeks.", "8 p.m. Nov. 3", "2025-11-03T20:00"},
		{"2026-10-01", "The conference was held Nov. 3-5 in Denver.", "Nov. 3-5", "2025-11-03/2025-11-05"},
		{"2026-10-15", "The minister said parliament reconvened Nov. 10 after a six-week recess.", "Nov. 10", "2025-11-10"},
		{"2026-10-10", "By then the rebels had already seized the airport, which they captured Nov. 8.", "Nov. 8", "2025-11-08"},
		{"2026-10-10", "Last year the club lost its final match on Nov. 29.", "Nov. 29", "2025-11-29"},
		{"2026-10-20", "In the previous season, the team clinched the title on Nov. 21.", "Nov. 21", "2025-11-21"},
		{"2026-10-05", "Last fall, the river crested on Nov. 11.", "Nov. 11", "2025-11-11"},
		{"2026-03-02", "The tornado that struck the town on April 27 killed 23 people.", "April 27", "2025-04-27"},
		{"2026-06-10", "The band last played the stadium on July 4, drawing 60,000 fans.", "July 4", "2025-07-04"},
		{"2026-02-01", "The virus was first detected in the county on Feb. 28.", "Feb. 28", "2025-02-28"},
		{"2026-10-15", "Quarterly profit fell to $40 million from $52 million in the same period a year earlier, when the quarter ended Nov. 7.", "Nov. 7", "2025-11-07"},
		{"2026-10-15", "Sales rose 4 percent in the three months that ended Aug. 31 but fell in the quarter that ended Nov. 30.", "Nov. 30", "2025-11-30"},
		{"2026-09-28", "Crews were still clearing debris after flooding closed Highway 9 on Oct. 3.", "Oct. 3", "2025-10-03"},
		{"2026-10-14", "The bridge reopened Oct. 15 after a year of repairs, and traffic has been heavy since.", "Oct. 15", "2025-10-15"},
		{"2026-11-03", "Since the ceasefire was signed on Dec. 12, fighting has largely stopped.", "Dec. 12", "2025-12-12"},
		{"2026-09-25", "The Sox were eliminated on Nov. 5, a year after their title run.", "Nov. 5", "2025-11-05"},
		{"2026-10-20", "The bank raised rates on Thursday, Nov. 6, its first increase in years.", "Thursday, Nov. 6", "2025-11-06"},
	})
}
