package timex

import "testing"

// TestOtherClauseDate: a prepositional count takes its sentence's date
// only when the date is its clause's: not a date inside a relative clause
// the count is outside of, nor one across a complement clause's opener.
// A relative "that" after a noun, and a "that" determining a unit or
// part of day, open no such clause. Invented sentences; "" is unresolved.
func TestOtherClauseDate(t *testing.T) {
	const friday = "2011-03-18"
	checkValues(t, []valueCase{
		// Negative rows: another clause's date.
		{friday, "The pier, which a barge struck on Tuesday, stayed shut for two days after the collision.", "two days after", ""},
		{friday, "An audit released on Thursday found that the firm had shredded files three days before the inspection.", "three days before", ""},
		{friday, "Officials confirmed on Tuesday whether the plant closed two days after the spill.", "two days after", ""},
		// The clause's own date is still taken: past a "that" inside the
		// count's own object, a relative "that" after a noun, a "that"
		// determining a part of day.
		{friday, "Two days after promising voters that taxes would fall, the governor raised them on Thursday.", "Two days after", "2011-03-17"},
		{friday, "Two days after the hearing, the bill that the council drafted was signed on Monday.", "Two days after", "2011-03-14"},
		{friday, "A week after the crash, the airline that owns the jet grounded its fleet on Thursday.", "A week after", "2011-03-17"},
		{friday, "Two days after the flood, crews worked through that night and reopened the road on Thursday.", "Two days after", "2011-03-17"},
		{friday, "On Wednesday the council, which had met on Monday, voted two days after the hearing.", "two days after", "2011-03-16"},
		{friday, "On Wednesday, two days after the hearing, the council voted.", "two days after", "2011-03-16"},
		// Review probes (pub 2014-06-20): a present "-s" verb before
		// "that" is no noun head; a "when" opens a clause as "that"
		// does; count and date in one relative clause; a restrictive
		// relative ("who" with no comma) is not the main clause's date.
		{"2014-06-20", "A week after the flood, the mayor admits that the levee failed on Sunday.", "A week after", ""},
		{"2014-06-20", "A week after the flood, the report warns that the levee failed on Sunday.", "A week after", ""},
		{"2014-06-20", "A week after the flood, the mayor admitted that the levee failed on Sunday.", "A week after", ""},
		{"2014-06-20", "Two days after the hearing, officials asked when the bill was signed on Monday.", "Two days after", ""},
		{"2014-06-20", "The council, which met on Monday two days after the hearing, voted.", "two days after", "2014-06-16"},
		{"2014-06-20", "A week after the crash, the pilot who flew the jet resigned on Thursday.", "A week after", "2014-06-19"},
		{"2014-06-20", "The vote was held two days after the hearing, which took place on Monday.", "two days after", ""},
	})
}

// TestSpokenQuotes: the day words of a quotation are read from the day
// the attribution's verb takes as its adjunct ("said Monday", "told aides
// on Monday"); a date elsewhere in the attribution, in another sentence
// or after the reference leaves the publication's reading.
func TestSpokenQuotes(t *testing.T) {
	const wednesday, thursday = "2014-06-18", "2014-06-19"
	checkTexts(t, []textCase{
		{"2011-03-16", []string{"\"The count ends tonight,\" the clerk said Monday."}, "tonight", "2011-03-14"},
		{"2011-03-16", []string{"She told reporters on Monday: “The vote is tonight.”"}, "tonight", "2011-03-14"},
		{"2011-03-16", []string{"\"The office will shut today,\" he told the committee on Monday."}, "today", "2011-03-14"},
		{wednesday, []string{"\"We will vote tomorrow,\" the senator said Tuesday."}, "tomorrow", "2014-06-18"},
		{wednesday, []string{"\"We are leaving today,\" she told the paper on Monday."}, "today", "2014-06-16"},
		{wednesday, []string{"The minister said Tuesday that the talks would resume tomorrow."}, "tomorrow", "2014-06-19"},
		{wednesday, []string{"\"We lost today,\" the coach said on Saturday.", "\"Tomorrow we train.\""}, "today", "2014-06-14"},
		{wednesday, []string{"\"Tomorrow we march,\" they said on Sunday."}, "Tomorrow", "2014-06-16"},
		// Negative rows: the attribution's date is not the verb's adjunct.
		{wednesday, []string{"\"It all ends tomorrow,\" he said of the strike that began on Monday."}, "tomorrow", "2014-06-19"},
		{wednesday, []string{"In an interview about Friday's crash, she said: \"We will know more tomorrow.\""}, "tomorrow", "2014-06-19"},
		{wednesday, []string{"\"We will win tomorrow,\" he said before Tuesday's final."}, "tomorrow", "2014-06-19"},
		{wednesday, []string{"\"We will win tomorrow,\" the captain said ahead of Tuesday's final."}, "tomorrow", "2014-06-19"},
		{wednesday, []string{"\"We vote tomorrow,\" the senator said after Monday's session."}, "tomorrow", "2014-06-19"},
		{wednesday, []string{"\"It ends tomorrow,\" she said Monday's talks had failed."}, "tomorrow", "2014-06-19"},
		{wednesday, []string{"\"Tomorrow we rebuild,\" the mayor said at the site of Sunday's fire."}, "Tomorrow", "2014-06-19"},
		{wednesday, []string{"\"It opens tomorrow,\" he said about the bridge that closed on Monday."}, "tomorrow", "2014-06-19"},
		{wednesday, []string{"Asked about Tuesday's vote, the minister said: \"We will know tonight.\""}, "tonight", "2014-06-18"},
		{wednesday, []string{"\"We meet again tomorrow,\" the envoy said in a statement on the talks held Monday."}, "tomorrow", "2014-06-19"},
		{wednesday, []string{"\"Today is a sad day,\" she told mourners at Saturday's funeral."}, "Today", "2014-06-18"},
		{wednesday, []string{"\"The talks end today,\" she said, recalling the summit on Monday."}, "today", "2014-06-18"},
		{wednesday, []string{"\"The vote is tomorrow,\" he said in an interview published on Sunday."}, "tomorrow", "2014-06-19"},
		{wednesday, []string{"\"We will know more tomorrow,\" said Ms. Lee, speaking on Monday."}, "tomorrow", "2014-06-19"},
		{wednesday, []string{"Speaking after Saturday's defeat, the coach said: \"Tomorrow we rest.\""}, "Tomorrow", "2014-06-19"},
		{wednesday, []string{"\"The results will be out tomorrow,\" the official told reporters, who had waited since Monday."}, "tomorrow", "2014-06-19"},
		{"2011-03-14", []string{"\"We win tomorrow,\" he said, a day before the final on Tuesday."}, "tomorrow", "2011-03-15"},
		// Two days in the attribution: which is the speech's is unsaid.
		{"2011-03-14", []string{"\"Tomorrow we travel,\" he said Sunday after the loss on Saturday."}, "Tomorrow", "2011-03-15"},
		// A speech dated after the reference is not read.
		{"2011-03-14", []string{"\"We win tomorrow,\" he said on March 20, 2011."}, "tomorrow", "2011-03-15"},
		// Negative rows: a pronoun speaker's quotation keeps the
		// publication's day whatever the sentence before dates.
		{wednesday, []string{"The coach said the team lost on Saturday because of injuries.", "\"We fly home tomorrow,\" he said."}, "tomorrow", "2014-06-19"},
		{wednesday, []string{"Jones, the defence lawyer, will appeal.", "Prosecutors said on Monday that they would seek a retrial.", "\"We will file tomorrow,\" he said."}, "tomorrow", "2014-06-19"},
		{wednesday, []string{"The union said the strike began on Friday.", "\"It ends tonight,\" she said."}, "tonight", "2014-06-18"},
		{wednesday, []string{"The minister spoke on Monday.", "\"We act tomorrow,\" she said."}, "tomorrow", "2014-06-19"},
		{wednesday, []string{"Lee said on Monday that talks had failed.", "\"We strike tomorrow,\" they said."}, "tomorrow", "2014-06-19"},
		{wednesday, []string{"He was arrested on Sunday.", "\"I will go home today,\" he said."}, "today", "2014-06-18"},
		{wednesday, []string{"The strike began on Monday.", "\"We return tomorrow,\" a union leader said."}, "tomorrow", "2014-06-19"},
		{wednesday, []string{"Asked on Monday about the vote, he said the party was ready.", "\"We win tomorrow,\" he added."}, "tomorrow", "2014-06-19"},
		{wednesday, []string{"The senator was interviewed on Monday.", "\"We vote tonight,\" she said."}, "tonight", "2014-06-18"},
		{"2011-03-14", []string{"He arrived on Sunday.", "\"Tomorrow we travel,\" the note read."}, "Tomorrow", "2011-03-15"},
		// Review probes (pub 2014-06-19, a Thursday): the last verb of
		// saying before the quotation sits in a relative or
		// subordinate clause, or another verb introduces the
		// quotation: the publication's reading stays.
		{thursday, []string{"Smith, who told reporters on Monday that he was innocent, posted a video: \"Tonight I sleep well.\""}, "Tonight", thursday},
		{thursday, []string{"Jones, who was told on Monday that her contract would end, wrote in a blog post: \"Today I cleared my desk.\""}, "Today", thursday},
		{thursday, []string{"Smith said, after he told reporters on Monday that he was confident: \"We win tonight.\""}, "tonight", thursday},
		{thursday, []string{"Smith said, after he told reporters on Monday: \"We win tonight.\""}, "tonight", thursday},
		{thursday, []string{"Jones told friends on Monday and wrote in a blog post: \"Today I cleared my desk.\""}, "Today", thursday},
		// ... and where the attribution's verb is the main clause's.
		{thursday, []string{"After the vote, she told reporters on Monday: \"We win tonight.\""}, "tonight", "2014-06-16"},
		{thursday, []string{"The mayor, who is 60, told reporters on Monday: \"We win tonight.\""}, "tonight", "2014-06-16"},
		{thursday, []string{"\"We leave tonight,\" he told Reuters on Monday."}, "tonight", "2014-06-16"},
		// The attribution after the quotation ends at its first comma;
		// its verb is among its first four tokens; one before the
		// quotation ends in a comma or colon.
		{wednesday, []string{"\"We win tomorrow,\" he said Monday, a day before the final on Tuesday."}, "tomorrow", "2014-06-17"},
		{wednesday, []string{"\"Tonight we dance,\" reads a banner the students said Monday they would hang."}, "Tonight", wednesday},
		{wednesday, []string{"He said on Monday the slogan \"Today we fight\" was his."}, "Today", wednesday},
		// A range or two days after the verb dates no one speech; a
		// generic "today" stays unresolved.
		{wednesday, []string{"\"We vote tomorrow,\" she said June 9-10."}, "tomorrow", "2014-06-19"},
		{wednesday, []string{"\"We vote tomorrow,\" she said Monday of the June 9-10 talks."}, "tomorrow", "2014-06-19"},
		{wednesday, []string{"\"Today, such floods are rare,\" the mayor said Monday."}, "Today", ""},
		// "last night" after "one" is the night before, as elsewhere
		// (the review's probes); after a determiner it is an ordinal.
		// "last evening" is not read (which evening a quotation's "last
		// evening" is depends on when it was spoken).
		{wednesday, []string{"Two of the climbers were rescued on Sunday and one last night."}, "last night", "2014-06-17"},
		{wednesday, []string{"The shop sold out all but one last night."}, "last night", "2014-06-17"},
		{wednesday, []string{"Fans spent the last night of the season at the old ground."}, "last night", absent},
		{wednesday, []string{"Fans gathered for one last evening at the old ground."}, "last evening", absent},
		{"2011-03-16", []string{"The council met last evening."}, "last evening", absent},
	})
}

// TestVagueCoarseCount: a vague "a few months later", "several years
// earlier" in a past clause counts from the last month (or year, for
// years) the text gave, as an exact count does: 2 to 7 units from it.
// Other units, bare plurals, present or future clauses, an anchor after
// the publication and an anchor in a clause that is not past stay
// unresolved.
func TestVagueCoarseCount(t *testing.T) {
	const published = "2019-11-14"
	checkTexts(t, []textCase{
		{published, []string{"The ferry began sailing in March, and a few months later it was losing money."}, "a few months later", "2019-05/2019-10"},
		{published, []string{"The bakery opened in 2009; several years later it added a café."}, "several years later", "2011/2016"},
		{published, []string{"A storm flattened the orchard in 2003.", "Some of its trees, replanted a few years later, still bear fruit."}, "a few years later", "2005/2010"},
		// Negative rows: another unit, a bare plural, a clause that is
		// not past.
		{published, []string{"The ferry began sailing in March, and a few years later it was losing money."}, "a few years later", ""},
		{published, []string{"The ferry began sailing in March, and months later it was losing money."}, "months later", ""},
		{published, []string{"In September the depot was full; several weeks later the owner sold it."}, "several weeks later", ""},
		{"2014-06-18", []string{"The law takes effect in January.", "A few months later, the city will review it."}, "A few months later", ""},
		{"2014-06-18", []string{"The club was founded in 1990.", "Several years later, it will move."}, "Several years later", ""},
		// Review probes: the anchor lies after the publication (a
		// forecast, a deadline), or sits in a present clause.
		{published, []string{"The company said in June that it expected to close by December.", "A few months earlier, it had cut jobs."}, "A few months earlier", ""},
		{published, []string{"The law expires in 2020.", "Several years earlier, lawmakers had debated it."}, "Several years earlier", ""},
		{published, []string{"Elections are held in 2018 under the new rules.", "Several years earlier, lawmakers had debated them."}, "Several years earlier", ""},
		{published, []string{"The stadium was supposed to open in 2021.", "Several years earlier, the club had sold its old ground."}, "Several years earlier", ""},
		{published, []string{"The loan was to be repaid in 2024.", "Several years earlier, the bank had cut its rates."}, "Several years earlier", ""},
	})
}

// TestUndatedEvents: a count from an event ("two days after the
// senator introduced the bill") takes no date from another sentence
// naming a like noun, and "the next day" is not read as the day after
// the last date: both readings were tried and taken out
// (docs/timex-rules-anchors.md); the rows are the generic, habitual and
// mismatched uses they misread.
func TestUndatedEvents(t *testing.T) {
	const friday = "2014-06-20"
	checkTexts(t, []textCase{
		{friday, []string{"The senator met donors in Ohio on Monday.", "Two days after the senator introduced the bill, party leaders scheduled a vote."}, "Two days after", ""},
		{friday, []string{"The company reported weak earnings on Tuesday.", "Three days after the company announced the layoffs, its chief executive resigned."}, "Three days after", ""},
		{friday, []string{"The striker scored twice against Leeds on Saturday.", "Two days after the striker signed his new contract, the club sold him."}, "Two days after", ""},
		{friday, []string{"The police arrested a man on Tuesday.", "Three days after the police raided the house, a second man was held."}, "Three days after", ""},
		{friday, []string{"The election results were certified on Monday.", "Two weeks before the election, the party changed its leader."}, "Two weeks before", ""},
		{friday, []string{"The attack site reopened to visitors on Tuesday.", "Three days after the attack, police arrested a suspect."}, "Three days after", ""},
		{friday, []string{"The trial will resume on Monday after a break.", "A week before the trial, the defence had asked for a delay."}, "A week before", ""},
		{friday, []string{"The storm hit the coast early Sunday.", "Forty-eight hours after the storm made landfall, the roads were still shut."}, "Forty-eight hours after", ""},
		{friday, []string{"The storm hit the coast early Sunday.", "72 hours after the storm made landfall, the roads were still shut."}, "72 hours after", ""},
		{friday, []string{"The storm hit the coast early Sunday.", "Hours after the storm made landfall, the roads were shut."}, "Hours after", ""},
		{friday, []string{"The verdict, read last week, drew protests outside the courthouse on Monday.", "The verdict came two years after the fire destroyed the depot."}, "two years after", ""},
		{friday, []string{"State lawmakers met in a closed session on Monday.", "The statement came two days after the vote."}, "two days after", ""},
		{friday, []string{"The first vote, on Monday, failed by two votes.", "The vote came two days after the speaker had promised a majority."}, "two days after", ""},
		{friday, []string{"The government shut the border on Monday.", "The governor ordered a curfew on Tuesday.", "The agreement came days after talks collapsed."}, "days after", ""},
		{friday, []string{"Investors agreed on Monday to a new round of funding.", "The agreement came two weeks after the founder quit."}, "two weeks after", ""},
		{friday, []string{"The game against Leeds ended in a draw on Saturday.", "The decision came two days after the game."}, "two days after", ""},
		{friday, []string{"The protest began on Monday.", "Crowds grew.", "Shops shut.", "Roads closed.", "Schools emptied.", "Trains stopped.", "Talks failed.", "Three days after the protest started, the minister quit."}, "Three days after", ""},
		{friday, []string{"The mayor spoke on Monday.", "Two days after the flood, the river fell."}, "Two days after", ""},
		{friday, []string{"The board met on Tuesday.", "A week after the merger, staff were told of cuts."}, "A week after", ""},
		{friday, []string{"The vote was held on Tuesday.", "Two weeks after the vote was announced, turnout forecasts rose."}, "Two weeks after", ""},
		{friday, []string{"The company announced layoffs on Monday.", "Five days after the announcement, the union called a strike."}, "Five days after", ""},
		{friday, []string{"The hearing was held on Monday.", "The hearing came a month after the arrest."}, "a month after", ""},
		{friday, []string{"The minister resigned on Tuesday.", "Days after the scandal broke, polls slumped."}, "Days after", ""},
		{friday, []string{"Police said the shooting happened on Monday.", "The shooting came two days after a rally."}, "two days after", ""},
		{friday, []string{"Officials confirmed on Tuesday that the plant closed two days after the spill."}, "two days after", ""},
		{friday, []string{"The bill that passed the Senate on Monday came a week after the hearing."}, "a week after", "2014-06-16"},
		{friday, []string{"The couple married on Saturday.", "Two days after the wedding, they flew to Rome."}, "Two days after", ""},
		{friday, []string{"The banks merged on Monday.", "Weeks after the merger, the share price fell."}, "Weeks after", ""},
		// "the next day": generic, habitual and planned uses.
		{friday, []string{"On Monday, the agency approved the drug.", "Patients who take it often feel dizzy the next day."}, "next day", absent},
		{friday, []string{"The retailer cut prices on Monday.", "Shoppers who order by noon get delivery the next day."}, "next day", absent},
		{friday, []string{"The court heard the case on Tuesday.", "It usually rules the next day, a clerk said."}, "next day", absent},
		{friday, []string{"The storm hit on Monday.", "Forecasters say the next day is often the worst."}, "next day", absent},
		{friday, []string{"The clinic opened on Tuesday.", "Results usually arrive the next day."}, "next day", absent},
		{friday, []string{"The bank closed on Friday.", "Cheques deposited late clear the next day."}, "next day", absent},
		{friday, []string{"Voting closed on Tuesday.", "Ballots posted that day count if they arrive the next day."}, "next day", absent},
		{friday, []string{"Police arrested him on Sunday, March 2, 2014.", "He was released the next day."}, "next day", absent},
		{friday, []string{"The fire started on Monday night.", "Crews will return the next day or two to check."}, "next day", absent},
		{friday, []string{"The match is on Saturday.", "Tickets for the next day's replay go on sale today."}, "next day", absent},
		{friday, []string{"The league met on Monday.", "A player sent off misses the next day's match."}, "next day", absent},
		{friday, []string{"The courier opened a depot on Tuesday.", "It promises delivery the next day."}, "next day", absent},
		{friday, []string{"Doctors gave him the drug on Monday.", "Its effect wears off by the next day."}, "next day", absent},
	})
}

// textCase is a resolution case on an article of several paragraphs.
type textCase struct {
	published  string
	paras      []string
	expr, want string
}

// checkTexts runs checkParagraphs on each row, as a subtest named by its
// paragraphs.
func checkTexts(t *testing.T, tests []textCase) {
	t.Helper()
	for _, tc := range tests {
		name := ""
		for _, p := range tc.paras {
			name += p + " "
		}
		t.Run(name, func(t *testing.T) {
			checkParagraphs(t, tc.published, tc.paras, tc.expr, tc.want)
		})
	}
}
