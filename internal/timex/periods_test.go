package timex

import "testing"

// TestPeriodEnd: the end of the current period in a clause that looks
// ahead is the publication's year, month or week; in a past clause, or
// without a preposition of time, it is left unresolved (periods.go). A
// known miss, for precision: a verb further back than the tense search
// reaches ("expects to close the sale by year-end") gives no tense, and
// the period is left unresolved.
func TestPeriodEnd(t *testing.T) {
	checkValues(t, []valueCase{
		{"2026-09-14", "The council will vote on the budget by the end of the year.", "end of the year", "2026"},
		{"2026-09-14", "The company will close the sale by year-end.", "year-end", "2026"},
		{"2026-09-14", "The company plans to close the sale by year end.", "year end", "2026"},
		{"2026-09-14", "The program will expire at the end of this month unless lawmakers act.", "end of this month", "2026-09"},
		{"2026-09-14", "Officials say the goal is to reopen the bridge before the end of the month.", "end of the month", "2026-09"},
		{"2026-09-14", "A ruling is unlikely before the end of the year.", "end of the year", "2026"},
		{"2026-09-14", "The mayor will decide by the end of the week.", "end of the week", "2026-09-14/2026-09-20"},
		{"2026-09-14", "She will step down at the end-of-year meeting.", "end-of-year", "2026"},
		// A past clause: the period just gone or an earlier one.
		{"2026-09-14", "Sales had doubled by the end of the year.", "end of the year", ""},
		{"2026-09-14", "The index has risen 4% since year-end.", "year-end", absent},
		// No preposition of time: an attribute or a noun.
		{"2026-09-14", "Employees received year-end bonuses.", "year-end", absent},
		{"2026-09-14", "The end of the year is a busy time for shops.", "end of the year", absent},
		// Another period follows.
		{"2026-09-14", "The fund will close by the end of the year 2028.", "end of the year", absent},
		{"2026-09-14", "He said it would be done by the end of the year's first half.", "end of the year", absent},
	})
}

// TestThatYear: "that year" is the year the text has just stated, else
// unresolved (periods.go).
func TestThatYear(t *testing.T) {
	checkValues(t, []valueCase{
		{"2026-03-02", "The mill closed in 1998, and the town lost a third of its jobs that year.", "that year", "1998"},
		{"2026-03-02", "She first ran for the Senate in 2014. She lost narrowly later that year.", "that year", "2014"},
		{"2026-03-02", "He remembered that year as the hardest of his life.", "that year", ""},
		{"2026-03-02", "The river flooded in 2011. Crews rebuilt the levee. The state paid for it. Farmers replanted. Prices rose that year.", "that year", ""},
		{"2026-03-02", "Investigators opened that year-long inquiry in 2019.", "that year", absent},
		{"2026-03-02", "They said that year after year the budget shrank.", "that year", absent},
	})
}

// TestYearOnYear: a year-on-year comparison with no date to count from is
// with the year before the publication's; in January and February it is
// left unresolved; a narrative "a year earlier" still needs a date
// (periods.go).
func TestYearOnYear(t *testing.T) {
	checkValues(t, []valueCase{
		{"2026-07-20", "Quarterly profit rose to $41 million from $35 million a year earlier.", "a year earlier", "2025"},
		{"2026-07-20", "Exports made up 30% of sales, compared with 24% a year earlier.", "a year earlier", "2025"},
		{"2026-07-20", "Costs were higher compared with a year earlier.", "a year earlier", "2025"},
		{"2026-07-20", "Attendance was up 8 percent from a year earlier.", "a year earlier", "2025"},
		{"2026-07-20", "The year-ago quarter included a one-time charge.", "year-ago", "2025"},
		{"2026-07-20", "The firm reported a loss, compared with year-earlier net income of $2 million.", "year-earlier", "2025"},
		// January and February: the comparison may be with the year
		// before the last.
		{"2026-02-10", "Fourth-quarter profit rose to $41 million from $35 million a year earlier.", "a year earlier", ""},
		{"2026-01-20", "The year-ago quarter included a one-time charge.", "year-ago", ""},
		// A narrative count: from a date the text gives, else unresolved.
		{"2026-07-20", "A year earlier, he had moved to Ohio.", "A year earlier", ""},
		{"2026-07-20", "He moved from Ohio a year earlier.", "a year earlier", ""},
		{"2026-07-20", "In 2019, she won the seat. A year earlier, she had lost the primary.", "A year earlier", "2018"},
	})
}

// TestCurrentAndMidday: "the current year|month|week" is "this year|month|
// week"; "midday" after a preposition of time is noon.
func TestCurrentAndMidday(t *testing.T) {
	checkValues(t, []valueCase{
		{"2026-09-14", "The agency expects a deficit in the current year.", "current year", "2026"},
		{"2026-09-14", "Sales in the current month are running ahead of forecasts.", "current month", "2026-09"},
		{"2026-09-14", "Current year estimates were cut.", "Current year", absent},
		{"2026-09-14", "The talks resumed at midday on Tuesday.", "midday on Tuesday", "2026-09-08T12:00"},
		{"2026-09-14", "Crowds gathered in the square at midday.", "midday", "2026-09-14T12:00"},
		{"2026-09-14", "The midday heat kept crowds away.", "midday", absent},
	})
}

// TestPeriodReviewProbes: invented sentences a read-only reviewer wrote to
// probe the first form of periods.go's rules (which gave 26 of 100 a
// value a reader would not give: a habitual present, a ruling dated in
// another year, "that year" after a decade or two years, a comparison in
// a sentence naming another period, a narrative "for $15 million a year
// earlier"), with the value a reader gives. The rules were narrowed
// until none of them is placed wrong. Known misses, for precision (35 of
// the 100, each left unresolved where a reader places it): a plan verb
// further back than the tense search reaches or in a past or perfect
// clause ("Analysts expect the Fed to cut rates by the end of the year",
// "has promised to cut waiting lists by the end of the year"); a present
// without a deadline's preposition ("The lease expires at the end of the
// month"); headlines without a finite verb ("Factory closure by year-end,
// union says"); a sentence that names another time beside the period
// ("The court ruled in March 2024 that the plant must close by the end of
// the year", which a reader places in 2024; "Unemployment stood at 4.1%
// in June, compared with 3.9% a year earlier", 2025-06); "that year"
// after a year the rules do not count as stated ("fiscal 2023", "The
// 2014 crash", "until 2010", a year after the phrase: "That year, 1968,
// ..."); a comparison in January to March or with "fourth-quarter",
// "full year" or "last year" in its sentence; "a year before" ("down from
// 500 a year before"). One wrong value is older than these rules: "The
// bridge will open in 2027, a year earlier than planned" counts a year
// back from 2027 (coarseCount), where a reader places nothing.
func TestPeriodReviewProbes(t *testing.T) {
	checkValues(t, []valueCase{
		{"2026-09-14", "The ministry will publish the report by the end of the year.", "end of the year", "2026"},
		{"2026-12-30", "The airline will resume flights to the capital by the end of the month.", "end of the month", "2026-12"},
		{"2026-06-10", "The company said it would complete the merger by year-end.", "year-end", "2026"},
		{"2026-09-14", "By the end of the year, more than 40,000 people had died.", "end of the year", ""},
		{"2026-09-14", "Stores usually run out of stock by the end of the month.", "end of the month", ""},
		{"2026-09-14", "Most employees are paid at the end of the month.", "end of the month", ""},
		{"2026-09-14", "Workers are usually paid at the end of the month.", "end of the month", ""},
		{"2026-09-14", "Banks typically close their books at year-end.", "year-end", ""},
		{"2026-09-14", "The end of the year is when most retailers make their profit.", "end of the year", absent},
		{"2026-09-14", "The agency must spend the money by the end of the fiscal year.", "end of the fiscal year", absent},
		{"2026-09-14", "If the talks fail, the union could strike before the end of the month.", "end of the month", "2026-09"},
		{"2026-09-14", "The minister did not say whether the law would pass before the end of the year.", "end of the year", "2026"},
		{"2026-09-14", "Will the stadium be finished by the end of the year?", "end of the year", "2026"},
		{"2026-09-14", "The plant was not ready until the end of the year.", "end of the year", ""},
		{"2026-09-14", "Earnings are typically weaker at year-end.", "year-end", ""},
		{"2026-09-14", "The prime minister is due to resign by the end of the week.", "end of the week", "2026-09-14/2026-09-20"},
		{"2026-09-19", "Negotiators hope to reach a deal by the end of the week.", "end of the week", ""},
		{"2026-09-14", "Until the end of the month, museum entry is free.", "end of the month", "2026-09"},
		{"2026-09-14", "Toward the end of the year, the market tends to rally.", "end of the year", ""},
		{"2026-09-14", "\"We will have the vaccine by the end of the year,\" the minister said.", "end of the year", "2026"},
		{"2026-12-28", "Shoppers returned gifts after Christmas, and by the end of the week the stores were empty.", "end of the week", ""},
		{"2026-09-14", "By the end of the month, tickets had sold out.", "end of the month", ""},
		{"2026-09-14", "At the end of the year the company is moving its headquarters to Austin.", "end of the year", "2026"},
		{"2026-09-14", "He has until the end of the month to file an appeal.", "end of the month", "2026-09"},
		{"2026-09-14", "The bill will not pass before the end of the year.", "end of the year", "2026"},
		{"2026-12-29", "The mayor will sign the order by the end of the week.", "end of the week", "2026-12-28/2027-01-03"},
		{"2026-09-14", "Had the bill passed by the end of the year, taxes would have fallen.", "end of the year", ""},
		{"2026-09-14", "The company said it expects to complete the sale by year-end.", "year-end", "2026"},
		{"2026-03-02", "In 2009 the team won the league, and that year it also reached the cup final.", "that year", "2009"},
		{"2026-03-02", "The factory opened in 1972. By the end of that year it employed 3,000 people.", "that year", "1972"},
		{"2026-03-02", "She was elected in 2012 and re-elected in 2016; that year turnout fell.", "that year", "2016"},
		{"2026-03-02", "The company was founded in 1990 by two engineers. It has since grown into a giant. That year, few would have predicted it.", "That year", "1990"},
		{"2026-03-02", "Was that year the turning point? Historians disagree.", "that year", ""},
		{"2026-03-02", "The minister said in 2019 that year two of the plan would be harder.", "that year", absent},
		{"2026-03-02", "Born in 1954, he entered politics in 1980. That year he was also diagnosed with cancer.", "That year", "1980"},
		{"2026-03-02", "The law passed on March 3, 2017. Later that year, the court struck it down.", "that year", "2017"},
		{"2026-03-02", "He was 15 in 1999. He remembers that year's floods vividly.", "that year", "1999"},
		{"2026-03-02", "The deal was signed in 2018 and took effect in 2020, when that year's tariffs expired.", "that year", "2020"},
		{"2026-03-02", "The company lost money in 2019 and 2020. That year was the worst in its history.", "That year", ""},
		{"2026-03-02", "Between 2010 and 2015 the population fell; that year alone 5,000 people left.", "that year", ""},
		{"2026-03-02", "The levee broke in 2010. Engineers blamed the design. Lawsuits followed. The state settled. Residents moved away. Crime rose that year.", "that year", ""},
		{"2026-03-02", "He was born in 1975 and moved to Paris in the 1990s. That year he began to paint.", "That year", ""},
		{"2026-03-02", "The band formed in the 1980s and split in 1994. That year its singer died.", "That year", "1994"},
		{"2026-03-02", "The mine closed in 1984, and the union says that year still shapes the town.", "that year", "1984"},
		{"2026-03-02", "The bank expects growth of 2% in 2027. That year the new rules take effect.", "That year", "2027"},
		{"2026-07-20", "Second-quarter net income was $12 million, compared with $9 million a year earlier.", "a year earlier", "2025"},
		{"2026-02-15", "Second-quarter net income was $12 million, compared with $9 million a year earlier.", "a year earlier", ""},
		{"2026-07-20", "In 2019, the company earned $5 million, compared with $3 million a year earlier.", "a year earlier", "2018"},
		{"2026-07-20", "\"Demand is far weaker than a year earlier,\" the chief executive said.", "a year earlier", "2025"},
		{"2026-07-20", "She left the party a year earlier over a dispute about taxes.", "a year earlier", ""},
		{"2026-07-20", "He had been sold to Milan for $15 million a year earlier.", "a year earlier", ""},
		{"2026-07-20", "She won the Tour at 23, having finished 2nd a year earlier.", "a year earlier", ""},
		{"2026-07-20", "Drought cut the harvest to 2 million tonnes in 2012, from 3 million a year earlier.", "a year earlier", "2011"},
		{"2026-01-15", "The year-ago period included a $30 million gain.", "year-ago", ""},
		{"2026-03-03", "Year-ago sales were boosted by a one-time order.", "Year-ago", ""},
		{"2026-07-20", "Profit fell to 80 cents a share from 95 cents a year earlier, the company said, citing the 2024 tariffs.", "a year earlier", "2025"},
		{"2026-07-20", "Inflation was 3.1% in 2025, up from 2.4% a year earlier.", "a year earlier", "2024"},
		{"2026-07-20", "Compared with a year earlier, more people are working from home.", "a year earlier", "2025"},
		{"2026-07-20", "The central bank cut its rate to 4% a year earlier, when the economy slowed.", "a year earlier", ""},
		{"2026-07-20", "The case dates from a year earlier, when police raided the office.", "a year earlier", ""},
		{"2026-07-20", "The bank's year-earlier results were restated.", "year-earlier", "2025"},
		{"2026-07-20", "A year-ago visit by the pope drew 80,000 people.", "year-ago", "2025"},
		{"2026-07-20", "The striker scored 30 goals a year earlier.", "a year earlier", ""},
		{"2026-07-20", "The 2026 season drew 2.1 million fans, against 1.9 million a year earlier.", "a year earlier", "2025"},
		{"2026-07-20", "The lender earned $3 billion in 2025. Its shares, which traded at $40 a year earlier, have since doubled.", "a year earlier", "2024"},
	})
}

// TestShortDecades: a decade named with an apostrophe for its century
// after "the" is the 1900s' one, not in a measure's context, and not when
// its number has come round again; the names ("the nineties") and bare
// digits ("the mid-30s") are not read (decades.go).
func TestShortDecades(t *testing.T) {
	checkValues(t, []valueCase{
		{"2026-09-14", "In the early '80s, she worked at a law firm.", "'80s", "198"},
		{"2026-09-14", "Fashion from the ’90s is back in stores this fall.", "’90s", "199"},
		{"2035-09-14", "The band's sound recalls the '30s.", "'30s", ""},
		{"2026-09-14", "Growth slowed in the nineties.", "nineties", absent},
		{"2026-09-14", "Youth unemployment is in the mid-30s.", "30s", absent},
		{"2026-09-14", "Highs were in the '90s all week, forecasters said.", "'90s", absent},
		{"2026-09-14", "He played a small role on That '70s Show.", "'70s", absent},
	})
}

// TestTodayLimit: "today" after "from", or after "until" that follows
// its verb, is the day; a fronted "until today" before a present may mean
// "to this day" and is read as before.
func TestTodayLimit(t *testing.T) {
	checkValues(t, []valueCase{
		{"2026-09-14", "From today, passengers must wear masks on all trains.", "today", "2026-09-14"},
		{"2026-09-14", "The museum is closed until today.", "today", "2026-09-14"},
		{"2026-09-14", "Residents have until today to file objections.", "today", "2026-09-14"},
		{"2026-09-14", "Until today, the village celebrates the feast with a procession.", "today", ""},
		{"2026-09-14", "Such floods are rare today.", "today", ""},
	})
}

// TestLimitReviewProbes: invented sentences a read-only reviewer wrote to
// probe decades without their century, "today" after a preposition of
// limit and a fronted term (soon.go frontedTerm), with the value a reader
// gives; the rows crosscheck places right. The first forms turned 21 of
// 92 probes wrong (a temperature, score or price read as a decade: "It
// was in the thirties this morning"; "by today" meaning "by now"; a
// deadline in the subject, "The Jan. 14 deadline passed", kept ahead);
// after narrowing, the misses left are as before these rules or left
// unresolved: a term after the verb with a second past verb ("gave the
// company until Jan. 14 to respond, and the company complied"), a
// fronted term with "through", "due" or "payable" (forwardHold reads the
// words before the date back to its verb only), a span to the present
// ("from the Middle Ages until today": the day), "by today's standards"
// (the day), and decades by name ("the sixties": not read).
func TestLimitReviewProbes(t *testing.T) {
	checkValues(t, []valueCase{
		{"2026-01-20", "Lows will dip into the thirties tonight.", "thirties", absent},
		{"2026-08-10", "Highs will reach the upper nineties this weekend.", "nineties", absent},
		{"2026-08-10", "The heat index climbed into the nineties.", "nineties", absent},
		{"2026-05-20", "Students in the program routinely score in the nineties on state tests.", "nineties", absent},
		{"2026-09-14", "He is a man in his nineties.", "nineties", absent},
		{"2026-09-14", "Voters in their sixties favored the incumbent.", "sixties", absent},
		{"2026-09-14", "He played a small role on That '70s Show before moving into film.", "'70s", absent},
		{"2026-09-14", "Fashion from the '90s is back in stores this fall.", "'90s", "199"},
		{"2026-09-14", "Fashion from the ’90s is back in stores this fall.", "’90s", "199"},
		{"2026-09-14", "Rents in the city doubled in the late '80s.", "'80s", "198"},
		{"2026-09-14", "In the mid-'60s, the city built its first freeway.", "'60s", "196"},
		{"2026-09-14", "Until today, no one knew who had written the letter.", "today", "2026-09-14"},
		{"2026-09-14", "Until today, the village celebrates the feast with a procession.", "today", ""},
		{"2026-09-14", "Few people remember the flood, which by today is largely forgotten.", "today", ""},
		{"2026-09-14", "From today, passengers must wear masks on all trains.", "today", "2026-09-14"},
		{"2026-09-14", "From today onward, the store is open on Sundays.", "today", "2026-09-14"},
		{"2026-09-14", "From today, the bridge is closed to trucks.", "today", "2026-09-14"},
		{"2026-09-14", "Applications must be submitted by today.", "today", "2026-09-14"},
		{"2026-09-14", "Residents have until today to file objections.", "today", "2026-09-14"},
		{"2026-09-14", "The exhibit runs from today until Oct. 30.", "today", "2026-09-14"},
		{"2026-09-14", "Twenty years from today, the coastline will look very different.", "today", "2026-09-14"},
		{"2026-01-06", "By setting a Jan. 14 return date, the agency allowed the family time to appeal.", "Jan. 14", "2026-01-14"},
		{"2026-01-06", "After the Jan. 14 deadline, the agency rejected all late applications.", "Jan. 14", "2025-01-14"},
		{"2026-01-20", "Ahead of a Feb. 2 deadline, the union rejected the offer.", "Feb. 2", "2026-02-02"},
		{"2026-01-20", "Before the Feb. 2 deadline, lawmakers passed a stopgap bill.", "Feb. 2", "2026-02-02"},
		{"2026-01-06", "Until Jan. 14, the museum had free admission on Sundays.", "Jan. 14", "2025-01-14"},
		{"2026-01-20", "With a Feb. 2 deadline looming, the council voted to extend the contract.", "Feb. 2", "2026-02-02"},
		{"2026-01-06", "The Jan. 14 deadline passed without a deal.", "Jan. 14", "2025-01-14"},
		{"2026-01-06", "The Jan. 14 deadline came and went without a deal.", "Jan. 14", "2025-01-14"},
		{"2026-01-06", "The Jan. 14 deadline expired with no bids.", "Jan. 14", "2025-01-14"},
		{"2026-01-06", "The Jan. 14 deadline that the board missed is now the subject of a lawsuit.", "Jan. 14", "2025-01-14"},
		{"2026-03-02", "On March 14, the agency allowed the family to return.", "March 14", "2025-03-14"},
		{"2026-01-06", "By the Jan. 14 deadline, more than 3,000 people applied.", "Jan. 14", "2025-01-14"},
		{"2026-01-20", "Under a Feb. 2 deadline, the county ordered residents to leave.", "Feb. 2", "2026-02-02"},
		{"2026-01-06", "Facing a Jan. 14 deadline, the company filed for bankruptcy protection.", "Jan. 14", "2026-01-14"},
		{"2026-01-06", "Facing a Jan. 14 deadline, the company filed for bankruptcy and laid off 200 workers.", "Jan. 14", "2026-01-14"},
		{"2026-01-06", "The agency set a Jan. 14 deadline and enforced it strictly.", "Jan. 14", "2025-01-14"},
		{"2026-01-06", "Officials set a Jan. 14 deadline for the repairs and met it.", "Jan. 14", "2025-01-14"},
		{"2026-01-20", "The Feb. 2 deadline was missed by every bidder.", "Feb. 2", "2025-02-02"},
		{"2026-01-06", "Payable Jan. 14, the bonus reached every employee.", "Jan. 14", "2025-01-14"},
	})
}

// BenchmarkPeriodsRunOn times a run-on text (no sentence break) made of
// this file's forms: the cost must grow with the text's length, not its
// square (thatYearReach, periodReach, sentenceWindow).
func BenchmarkPeriodsRunOn(b *testing.B) {
	benchRunOn(b, "sales rose in 1998 and fell that year, up 5% from a year earlier, the year-ago quarter, and the board will sell it by the end of the year as in the early '80s and ")
}
