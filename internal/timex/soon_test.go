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
// with none before it. Known misses, for precision (the second and third
// reviews' probes showed the wider cues turning past dates ahead): an
// infinitive after a verb of plan or commitment ("Lawmakers agreed to
// vote on the measure April 14", as "he agreed to meet the informant on
// Nov. 6" is a past account), an infinitive after a noun ("with shares to
// begin trading Oct. 22"), a negation
// ("was not eligible to return until April 10", as "did not disclose it
// until Nov. 15" is past) and a verb of lasting ("the curfew remained in
// place until March 1", as "the road remained closed until Oct. 20, when
// crews finished" is past) leave the date in the past.
func TestForwardSoon(t *testing.T) {
	checkValues(t, []valueCase{
		// A fronted date: its governing verb after it is no sign the event is over.
		{"2026-01-06", "By setting a Jan. 14 return date, the agency allowed the family time to appeal.", "Jan. 14", "2026-01-14"},
		{"2026-01-06", "Instead, by setting a Jan. 14 return date, the agency allowed the family time to appeal.", "Jan. 14", "2026-01-14"},
		{"2026-01-06", "However, after the Jan. 14 deadline, the agency rejected all late applications.", "Jan. 14", "2025-01-14"},
		// Ahead: terms, limits, re-timings, plans and commitments.
		{"2026-10-15", "The board declared a quarterly dividend of 22 cents a share, payable Nov. 14 to holders of record Oct. 31.", "Nov. 14", "2026-11-14"},
		{"2026-10-15", "The board declared a quarterly dividend of 22 cents a share, payable Nov. 14 to holders of record Oct. 31.", "Oct. 31", "2026-10-31"},
		{"2026-09-20", "Election officials said the runoff would be held Nov. 3.", "Nov. 3", "2026-11-03"},
		{"2026-10-02", "The judge set a deadline of Nov. 15 for both sides to file briefs.", "Nov. 15", "2026-11-15"},
		{"2026-10-10", "The company announced the chief executive's retirement, effective Dec. 1.", "Dec. 1", "2026-12-01"},
		{"2026-06-01", "The city council scheduled a public hearing for July 8.", "July 8", "2026-07-08"},
		{"2026-05-12", "Organizers postponed the festival to June 20 because of the heat.", "June 20", "2026-06-20"},
		{"2026-08-03", "The agency gave residents until Sept. 30 to apply for aid.", "Sept. 30", "2026-09-30"},
		{"2026-04-20", "The union told members that the strike vote was set for May 2.", "May 2", "2026-05-02"},
		{"2026-07-15", "Prosecutors asked the court to schedule sentencing for Aug. 28.", "Aug. 28", "2026-08-28"},
		{"2026-10-28", "The Fed left rates unchanged and signaled that its next meeting, on Dec. 9, could bring a cut.", "Dec. 9", "2026-12-09"},
		{"2026-01-15", "The airline said it had canceled all flights through Feb. 2.", "Feb. 2", "2026-02-02"},
		{"2026-05-30", "He was ordered to appear in court on June 12.", "June 12", "2026-06-12"},
		{"2026-09-14", "Shareholders approved the merger, which was expected to close Oct. 1.", "Oct. 1", "2026-10-01"},
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

// TestForwardSoonReview: a second review's invented probes of the rule
// narrowed as it stands (the 66 of 88 it places as a reader does; of the
// others, 18 are placed wrong without the rule too, mostly a "would" or
// "due" of a past story, and 4 it turns ahead: a plan that fell through
// after "but" ("was to marry on Nov. 3, but"), a result after a comma
// ("voted to expel him on Oct. 12, ending"), "went undetected until",
// and "date" as an outing ("a Nov. 14 date to the county fair")).
func TestForwardSoonReview(t *testing.T) {
	checkValues(t, []valueCase{
		// Ahead.
		{"2026-10-12", "The utility said customers had until Nov. 20 to pay overdue bills without a penalty.", "Nov. 20", "2026-11-20"},
		{"2026-09-08", "The regulator delayed the rule's start to Oct. 15, citing complaints from lenders.", "Oct. 15", "2026-10-15"},
		{"2026-08-14", "Officials urged coastal residents to leave by Sept. 1.", "Sept. 1", "2026-09-01"},
		{"2026-03-10", "The school board told parents the building would shut its doors on April 24.", "April 24", "2026-04-24"},
		{"2026-05-04", "The magistrate adjourned the case to June 2.", "June 2", "2026-06-02"},
		{"2026-06-15", "The company reported that the tender offer was extended through July 10.", "July 10", "2026-07-10"},
		{"2026-02-03", "She said she planned to announce her decision on Feb. 20.", "Feb. 20", "2026-02-20"},
		{"2026-10-01", "The museum said the exhibit, which opened in June, would stay open till Nov. 8.", "Nov. 8", "2026-11-08"},
		{"2026-04-14", "The landlord gave the tenants a May 31 move-out date.", "May 31", "2026-05-31"},
		{"2026-09-22", "The coach said the quarterback was expected to return Oct. 18.", "Oct. 18", "2026-10-18"},
		{"2026-11-10", "The commission reminded candidates that their reports were due on Dec. 1.", "Dec. 1", "2026-12-01"},
		{"2026-08-01", "Voters were to decide the measure on Sept. 8, officials said.", "Sept. 8", "2026-09-08"},
		{"2026-10-05", "The governor ordered flags lowered until Oct. 10.", "Oct. 10", "2026-10-10"},
		{"2026-09-30", "Regulators decided the ban would apply from Nov. 1.", "Nov. 1", "2026-11-01"},
		{"2026-10-22", "The bank said the bonds, due Nov. 15, would be paid in full.", "Nov. 15", "2026-11-15"},
		{"2026-03-03", "The airline suspended service to the city through April 30.", "April 30", "2026-04-30"},
		{"2026-12-01", "The agency extended the comment period to Dec. 28.", "Dec. 28", "2026-12-28"},
		{"2026-10-20", "The hearing was to begin Nov. 2, but the judge fell ill.", "Nov. 2", "2026-11-02"},
		{"2026-09-09", "The rebels were given an Oct. 30 deadline to disarm.", "Oct. 30", "2026-10-30"},
		{"2026-04-01", "The council postponed the vote until May 5.", "May 5", "2026-05-05"},
		{"2026-10-08", "Lawyers for the city asked the judge to delay the ruling until Nov. 13.", "Nov. 13", "2026-11-13"},
		// Back, or a cue word in another sense.
		{"2026-10-10", "The festival lasted through Nov. 2 and drew 80,000 visitors.", "Nov. 2", "2025-11-02"},
		{"2026-09-15", "The road remained closed until Oct. 20, when crews finished the repairs.", "Oct. 20", "2025-10-20"},
		{"2026-10-01", "The shelter stayed open until Nov. 4, then closed for lack of money.", "Nov. 4", "2025-11-04"},
		{"2026-09-01", "The company paid the dividend, which was payable Sept. 30, in cash, its annual report showed.", "Sept. 30", "2025-09-30"},
		{"2026-10-05", "The firm missed a deadline of Nov. 1 to file its annual report, and its shares were delisted.", "Nov. 1", "2025-11-01"},
		{"2026-09-20", "Nurses voted to strike on Oct. 2 and stayed off the job for a week.", "Oct. 2", "2025-10-02"},
		{"2026-10-20", "The stock reached a record Nov. 3, two weeks before the crash.", "Nov. 3", "2025-11-03"},
		{"2026-10-10", "Crews worked through Nov. 5 to restore power after the storm.", "Nov. 5", "2025-11-05"},
		{"2026-10-08", "Protesters camped in the square through Nov. 12, when police cleared them.", "Nov. 12", "2025-11-12"},
		{"2026-09-25", "The court had adjourned the trial to Oct. 14, when the defendant finally testified.", "Oct. 14", "2025-10-14"},
		{"2026-10-02", "The vote was postponed to Nov. 9, and the measure passed narrowly.", "Nov. 9", "2025-11-09"},
		{"2026-10-15", "The concert was rescheduled for Nov. 20, when it drew a sellout crowd.", "Nov. 20", "2025-11-20"},
		{"2026-09-30", "The defendant had been ordered to appear on Oct. 20 and never did, prosecutors said at his sentencing.", "Oct. 20", "2025-10-20"},
		{"2026-10-12", "The governor's order kept bars shut until Nov. 15, and they reopened to long lines.", "Nov. 15", "2025-11-15"},
		{"2026-08-20", "The museum was closed through Sept. 10 for renovations, and attendance jumped after it reopened.", "Sept. 10", "2025-09-10"},
		{"2026-10-25", "A judge gave him until Nov. 15 to leave the country, and he flew home the day before.", "Nov. 15", "2025-11-15"},
		{"2026-09-18", "Her contract, expiring Oct. 31, was not renewed, and she joined a rival in December.", "Oct. 31", "2025-10-31"},
		{"2026-10-09", "The board decided to hold the meeting on Nov. 2, where the merger was approved.", "Nov. 2", "2025-11-02"},
		{"2026-09-12", "Workers agreed to return on Oct. 5 and ended the 40-day walkout.", "Oct. 5", "2025-10-05"},
		{"2026-10-15", "The rule became effective Nov. 1 and has cut emissions by a third since.", "Nov. 1", "2025-11-01"},
		{"2026-10-28", "Sales during the promotion, which ran through Dec. 24, beat forecasts.", "Dec. 24", "2025-12-24"},
		{"2026-10-10", "The tournament ran until Nov. 30 and ended with a Chinese victory.", "Nov. 30", "2025-11-30"},
		{"2026-10-06", "The school stayed shut till Nov. 10 after the shooting.", "Nov. 10", "2025-11-10"},
		{"2026-09-14", "The ceasefire held until Oct. 9, when shelling resumed.", "Oct. 9", "2025-10-09"},
		{"2026-10-11", "Deliveries were deferred to Nov. 20, and the first jet arrived that day.", "Nov. 20", "2025-11-20"},
		{"2026-10-13", "The protests continued through Nov. 15, the day the president resigned.", "Nov. 15", "2025-11-15"},
		{"2026-10-20", "The company did not disclose the breach until Nov. 15, weeks after hackers got in.", "Nov. 15", "2025-11-15"},
		{"2026-10-02", "It was not until Nov. 9 that police named a suspect.", "Nov. 9", "2025-11-09"},
		{"2026-10-04", "The money was used to buy weapons on Nov. 3, the indictment said.", "Nov. 3", "2025-11-03"},
		{"2026-10-16", "The driver was able to escape on Nov. 12 before the car sank.", "Nov. 12", "2025-11-12"},
		{"2026-10-07", "Hundreds of families were forced to flee on Nov. 5 when the dam broke.", "Nov. 5", "2025-11-05"},
		{"2026-09-27", "She was forced to resign on Oct. 21 after the audit.", "Oct. 21", "2025-10-21"},
		{"2026-10-18", "They decided to leave on Nov. 4 and reached the border two days later.", "Nov. 4", "2025-11-04"},
		{"2026-10-05", "The plant was shut to repair a leak on Nov. 3.", "Nov. 3", "2025-11-03"},
		{"2026-11-01", "Last season's deadline, Dec. 1, passed quietly.", "Dec. 1", "2025-12-01"},
		{"2026-10-08", "Soldiers crossed the border on Nov. 8 despite the deadline.", "Nov. 8", "2025-11-08"},
		{"2026-09-21", "The bridge was closed for repairs from Sept. 28 through Oct. 10 and carried record traffic afterward.", "Oct. 10", "2025-10-10"},
		{"2026-10-03", "\"We were supposed to close on the house Nov. 7 last year, and then the lender backed out,\" she said.", "Nov. 7", "2025-11-07"},
		{"2026-10-15", "The senator, who was elected to fill the seat on Nov. 6, resigned in March.", "Nov. 6", "2025-11-06"},
		{"2026-10-14", "Police said the man asked his neighbor to feed the dog on Nov. 18, the day before he vanished.", "Nov. 18", "2025-11-18"},
		{"2026-09-29", "The shop stayed open through Oct. 20, its owner's last day.", "Oct. 20", "2025-10-20"},
		{"2026-11-03", "Investors who held shares of record Dec. 2 received the payout in January.", "Dec. 2", "2025-12-02"},
		{"2026-10-01", "Their flight was moved to Nov. 10, and they landed in Rome that evening.", "Nov. 10", "2025-11-10"},
	})
}

// TestRetimedWeekday: a weekday that is the new day of an event moved in
// time is the coming one, under the past verb that moved it; an event
// over by the sentence's own account keeps the past reading. Published
// on Thursday 2010-06-17.
func TestRetimedWeekday(t *testing.T) {
	const thursday = "2010-06-17"
	checkValues(t, []valueCase{
		{thursday, "Officials postponed until Tuesday morning any action on the permit.", "Tuesday morning", "2010-06-22"},
		{thursday, "The judge adjourned the hearing to Monday.", "Monday", "2010-06-21"},
		{thursday, "The council postponed the vote until Tuesday, citing the storm.", "Tuesday", "2010-06-22"},
		// "delayed" or "extended" until a day may tell a span that
		// ended ("Heavy snow delayed mail delivery until Tuesday"), so
		// they keep the past reading; so does a sentence that names
		// another day before, or a past verb after a contrast.
		{thursday, "Heavy snow delayed mail delivery until Tuesday.", "Tuesday", "2010-06-15"},
		{thursday, "On Friday, the council postponed the vote until Monday.", "Monday", "2010-06-14"},
		{thursday, "Crews extended the search to Sunday but found no one.", "Sunday", "2010-06-13"},
		// Over, by its sentence: the past one.
		{thursday, "The council delayed the vote until Tuesday, when it passed easily.", "Tuesday", "2010-06-15"},
		{thursday, "The board did not postpone the vote until Tuesday.", "Tuesday", "2010-06-15"},
		// Not a re-timing: a span that lasted.
		{thursday, "The storm lasted until Tuesday.", "Tuesday", "2010-06-15"},
		{thursday, "Crews worked from Monday to Wednesday.", "Wednesday", "2010-06-16"},
	})
}

// TestForwardSoonMonths: a bare month at most two months after the
// publication's, in its year, held by a forward construction under a past
// verb stays ahead; without one, the past reading stands. A negation
// counts only in the date's own clause. Published 2026-10-20.
func TestForwardSoonMonths(t *testing.T) {
	const pub = "2026-10-20"
	checkValues(t, []valueCase{
		{pub, "The ministry gave the firm until mid-November to respond.", "November", "2026-11"},
		{pub, "The bank extended the loans through December.", "December", "2026-12"},
		{pub, "The bid did not offer enough, and the ministry gave the firm until Nov. 15 to reply.", "Nov. 15", "2026-11-15"},
		{pub, "Sales rose in November.", "November", "2025-11"},
		{pub, "The strike lasted through November.", "November", "2025-11"},
		{pub, "The board did not extend the offer until Nov. 15.", "Nov. 15", "2025-11-15"},
	})
}

// TestForwardSoonMonthsReview: a fifth review's invented probes of the
// bare-month form, the ones placed as a reader does (57 of 75; of the
// others, 18 are wrong on main too, mostly a narrative set back with no
// time stated: "During the pandemic, the city extended the moratorium
// through November").
func TestForwardSoonMonthsReview(t *testing.T) {
	checkValues(t, []valueCase{
		{"2026-10-14", "The board extended the tender offer through November.", "November", "2026-11"},
		{"2026-10-14", "The agency gave residents until December to apply for relief.", "December", "2026-12"},
		{"2026-10-14", "The ministry postponed the road tender to November.", "November", "2026-11"},
		{"2026-10-14", "The court suspended the eviction order until mid-December.", "December", "2026-12"},
		{"2026-10-14", "Officials said the runoff was scheduled for November.", "November", "2026-11"},
		{"2026-10-14", "Sales were expected to pick up in December.", "December", "2026-12"},
		{"2026-10-14", "The regulator ordered the bank to repay customers by December.", "December", "2026-12"},
		{"2026-10-14", "The union asked members to vote on the contract in November.", "November", "2026-11"},
		{"2026-10-14", "The deadline for bids was moved to early December.", "December", "2026-12"},
		{"2026-10-14", "The team was scheduled to play in November but the season was canceled.", "November", "2026-11"},
		{"2026-10-14", "The peace talks were adjourned until November.", "November", "2026-11"},
		{"2026-10-14", "The airline suspended flights to the island until December after the hurricane.", "December", "2026-12"},
		{"2026-10-14", "The coach told players to report for camp in December.", "December", "2026-12"},
		{"2026-10-14", "The theater extended the show's run through December after strong ticket sales.", "December", "2026-12"},
		{"2026-10-14", "The league suspended the striker through November for doping.", "November", "2026-11"},
		{"2026-10-14", "The lender froze repayments until November for flood victims.", "November", "2026-11"},
		{"2026-10-14", "The plant was to close in November, the company said.", "November", "2026-11"},
		{"2026-10-14", "The dock strike ran through November.", "November", "2025-11"},
		{"2026-10-14", "The plant was closed until December, when repairs were finished.", "December", "2025-12"},
		{"2026-10-14", "Inflation stayed high through December.", "December", "2025-12"},
		{"2026-10-14", "The museum extended the exhibition through December, and it drew record crowds.", "December", "2025-12"},
		{"2026-10-14", "Last year the council postponed the vote to December.", "December", "2025-12"},
		{"2026-10-14", "The ceasefire held until November, when fighting resumed.", "November", "2025-11"},
		{"2026-10-14", "Schools stayed shut until December during the outbreak.", "December", "2025-12"},
		{"2026-10-14", "The central bank kept rates on hold through December before cutting them in January.", "December", "2025-12"},
		{"2026-10-14", "The lockout lasted until mid-December.", "December", "2025-12"},
		{"2026-10-14", "The deadline was extended to December, and most firms met it.", "December", "2025-12"},
		{"2026-10-14", "Shares had climbed steadily through November.", "November", "2025-11"},
		{"2026-10-14", "The mine was shut through December while inspectors worked underground.", "December", "2025-12"},
		{"2026-10-14", "Crews searched the rubble until mid-November.", "November", "2025-11"},
		{"2026-10-14", "The company paid its workers through November.", "November", "2025-11"},
		{"2026-10-14", "The bid did not satisfy regulators, who gave the company until December to revise it.", "December", "2026-12"},
		{"2026-10-14", "Talks never got off the ground, so the ministry postponed the tender to November.", "November", "2026-11"},
		{"2026-10-14", "The union did not accept the offer, and management extended it through November.", "November", "2026-11"},
		{"2026-10-14", "The plan was not popular, but the board scheduled a vote for December.", "December", "2026-12"},
		{"2026-10-14", "The first contract wasn't signed, and the city gave the builder until mid-November to reply.", "November", "2026-11"},
		{"2026-10-14", "The firm did not pay, and the court gave it until Nov. 20 to settle.", "Nov. 20", "2026-11-20"},
		{"2026-10-14", "The court did not suspend the order until December.", "December", "2025-12"},
		{"2026-10-14", "Officials would not say whether the vote was set for November.", "November", "2026-11"},
		{"2026-10-14", "It was not until the strike began that the ministry postponed the tender to November.", "November", "2026-11"},
		{"2026-10-14", "It was not until the auditors arrived that the firm extended the deadline to Nov. 30.", "Nov. 30", "2026-11-30"},
		{"2026-10-14", "The regulator did not give the bank until December to comply; it acted in a week.", "December", "2025-12"},
		{"2026-09-10", "The government extended the fuel subsidy through November.", "November", "2026-11"},
		{"2026-09-10", "Fuel prices climbed through November.", "November", "2025-11"},
		{"2026-11-05", "The council delayed the budget vote to December.", "December", "2026-12"},
		{"2026-10-14", "The ministry said it had extended the deadline through November.", "November", "2026-11"},
		{"2026-10-14", "Earlier this year, the company extended the warranty through December.", "December", "2026-12"},
		{"2026-10-14", "The ban on exports, which was extended through November, hurt farmers badly.", "November", "2025-11"},
		{"2026-10-14", "It was not until November that the ministry extended the tender.", "November", "2025-11"},
		{"2026-10-14", "It wasn't until mid-November that the court suspended the order.", "November", "2025-11"},
		{"2026-10-14", "Investors were not told that the fund had frozen withdrawals until December.", "December", "2026-12"},
		{"2026-10-14", "The regulator did not wait, and the fund froze withdrawals until December, when it collapsed.", "December", "2025-12"},
		{"2026-10-14", "The league has not decided, but it postponed the final to November.", "November", "2026-11"},
		{"2026-10-14", "Nobody expected the rally, which lasted through November.", "November", "2025-11"},
		{"2026-10-14", "The export ban, which was extended through November, ruined many farmers.", "November", "2025-11"},
		{"2026-10-14", "The export ban, which was extended through November, hit farmers hard and was lifted.", "November", "2025-11"},
		{"2026-10-14", "The export ban was extended through November and cost farmers millions.", "November", "2025-11"},
	})
}
