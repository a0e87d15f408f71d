package timex

import "testing"

// TestNextDaySequel: "the next day" after a dated narrative event is the
// day after it, as "the following day"; a span ("over the next day"), a
// vague count ("the next day or two") or a day of a series ("the next day
// of hearings") is not read. Invented sentences; "" is unresolved,
// absent not found.
func TestNextDaySequel(t *testing.T) {
	const monday = "2011-03-14"
	checkTexts(t, []textCase{
		{monday, []string{"The mayor first spoke about the plan on Thursday.", "The next day, she said the vote would wait."}, "next day", "2011-03-11"},
		{monday, []string{"The team landed in Oslo on March 2 and flew home the next day."}, "next day", "2011-03-03"},
		// No dated event within reach: the sequel counts from nothing.
		{monday, []string{"The mayor first spoke about the plan.", "The next day, she said the vote would wait."}, "next day", ""},
		// Negative rows: not the sequel.
		{monday, []string{"The mayor spoke on Thursday.", "She will spend the next day or two on the budget."}, "next day", absent},
		{monday, []string{"The hearing opened on Thursday.", "Witnesses are due on the next day of hearings."}, "next day", absent},
		{monday, []string{"The mayor spoke on Thursday.", "Over the next day, crews cleared the road."}, "next day", absent},
	})
}

// TestOtherClauseDate: a prepositional count takes its sentence's date
// only when the date is its clause's: not a date inside a relative clause
// the count is outside of, nor one across a content clause's opener.
func TestOtherClauseDate(t *testing.T) {
	const friday = "2011-03-18"
	checkValues(t, []valueCase{
		// Negative rows: another clause's date.
		{friday, "Asked about the flood, which struck a month ago Thursday, the mayor faulted the agency for waiting more than a week after the flood to act.", "a week after", ""},
		{friday, "The post on Thursday made clear that, a few days before the vote, the council was still split.", "a few days before", ""},
		// The clause's own date is still taken, also past a "that" inside
		// the count's own object.
		{friday, "A day after telling reporters that he would stay quiet, the coach spoke at length on Thursday.", "A day after", "2011-03-17"},
		{friday, "On Wednesday the council, which had met on Monday, voted two days after the hearing.", "two days after", "2011-03-16"},
		{friday, "On Wednesday, two days after the hearing, the council voted.", "two days after", "2011-03-16"},
	})
}

// TestDatedEvents: a prepositional count whose sentence leaves its clause
// undated takes the day another sentence gives the same event: the
// count's subject ("The ruling came ... after"), named again as the noun
// or its verb, is dated on that day; its object ("after a storm hit") is
// counted from it. Ambiguous or undated events leave it unresolved.
func TestDatedEvents(t *testing.T) {
	const wednesday = "2012-05-16"
	checkTexts(t, []textCase{
		// The subject's event, named again by its verb or its noun.
		{wednesday, []string{"The league announced Tuesday that the final will move to Oslo.", "Fans were surprised.", "The announcement came just nine days after the owners met in secret."}, "nine days after", "2012-05-15"},
		{wednesday, []string{"The verdict was read on Monday in a packed hall.", "The verdict came two years after the fire destroyed the depot."}, "two years after", "2012-05-14"},
		// The object's event, counted from.
		{wednesday, []string{"Four days after a leaked memo circulated among staff, the minister quit.", "The memo, sent to the whole office last Friday, described deep cuts."}, "Four days after", "2012-05-15"},
		{wednesday, []string{"Hours after the storm made landfall, the roads were shut.", "The storm, which forecasters had tracked for a week, arrived early Sunday in the bay."}, "Hours after", "2012-05-13"},
		{wednesday, []string{"Hours after the storm made landfall, the roads were shut.", "The storm, which forecasters first spotted on Sunday, is still over the bay."}, "Hours after", ""},
		{wednesday, []string{"Hours after the storm made landfall, the roads were shut.", "The storm hit the coast early Sunday."}, "Hours after", "2012-05-13"},
		// Negative rows: the event is dated on two days, not dated, only
		// a vague count, or named in a quotation.
		{wednesday, []string{"The league announced Tuesday that the final will move.", "It announced on Monday a new sponsor.", "The announcement came just nine days after the owners met."}, "nine days after", ""},
		{wednesday, []string{"The league made an announcement about the final.", "The announcement came just nine days after the owners met."}, "nine days after", ""},
		{wednesday, []string{"Days after a leaked memo circulated, the minister quit.", "The memo, sent last Friday, described deep cuts."}, "Days after", ""},
		{wednesday, []string{"Four days after a leaked memo circulated, the minister quit.", "\"The memo arrived on Friday,\" an aide said."}, "Four days after", ""},
		// A day after the reference in a past clause is not taken.
		{wednesday, []string{"Three days after the storm hit, the bridge reopened.", "The storm is expected to hit the coast on Tuesday."}, "Three days after", ""},
	})
}

// TestSpokenQuotes: the day words of a quotation are read from the day
// its attribution says it was spoken ("said ... on Tuesday"), or, for a
// pronoun speaker whose attribution names no day, the day of the previous
// sentence's report of speech; otherwise from the publication date.
func TestSpokenQuotes(t *testing.T) {
	checkTexts(t, []textCase{
		{"2011-03-17", []string{"\"We had planned to vote on it last evening,\" said the chair at a briefing on Tuesday, \"but the clerk was ill.\""}, "last evening", "2011-03-14"},
		{"2011-03-16", []string{"The mayor appeared on a radio show on Monday and began by saying she was sorry.", "She then defended the plan, saying, “The crowd last night was small.”"}, "last night", "2011-03-13"},
		{"2011-03-14", []string{"The coach suggested Sunday that the team was tired.", "\"We rest. Tomorrow we travel to Leeds,\" he said on a podcast."}, "Tomorrow", "2011-03-14"},
		{"2011-03-16", []string{"She told reporters on Monday: “The vote is tonight.”"}, "tonight", "2011-03-14"},
		// Negative rows: the quotation keeps the publication's day.
		{"2011-03-14", []string{"The coach spoke on Sunday.", "\"Tomorrow we travel,\" the coach said."}, "Tomorrow", "2011-03-15"},
		{"2011-03-14", []string{"The team lost on Sunday.", "\"Tomorrow we travel,\" he said."}, "Tomorrow", "2011-03-15"},
		{"2011-03-14", []string{"\"Tomorrow we travel,\" he said Sunday after the loss on Saturday."}, "Tomorrow", "2011-03-15"},
		{"2011-03-14", []string{"\"Tomorrow we travel,\" he said Monday."}, "Tomorrow", "2011-03-15"},
		{"2011-03-14", []string{"\"We win tomorrow,\" he said, a day before the final on Tuesday."}, "tomorrow", "2011-03-15"},
		{"2011-03-14", []string{"He arrived on Sunday.", "\"Tomorrow we travel,\" the note read."}, "Tomorrow", "2011-03-15"},
		// "last evening" is the evening before the publication, as "last
		// night"; after a determiner it is an ordinal.
		{"2011-03-16", []string{"The council met last evening."}, "last evening", "2011-03-15"},
		{"2011-03-16", []string{"Crowds filled the square on the last evening of the fair."}, "last evening", absent},
	})
}

// TestVagueCoarseCount: a vague "a few months earlier|later" counts from
// the last date the text gave when that was a month (or a year, for
// years) of its unit, as an exact count does: 2 to 7 units from it.
func TestVagueCoarseCount(t *testing.T) {
	const published = "2016-10-02"
	checkTexts(t, []textCase{
		{published, []string{"It was early April, and the depot was full.", "A few months earlier, the old owner would have sold it."}, "A few months earlier", "2015-09/2016-02"},
		{published, []string{"In 2009 the firm moved to Leeds.", "A few years later, it closed."}, "A few years later", "2011/2016"},
		// Negative rows: a count of another unit, a past count that
		// would start after the publication, a bare plural.
		{published, []string{"It was early April, and the depot was full.", "A few years earlier, the old owner would have sold it."}, "A few years earlier", ""},
		{published, []string{"In September the depot was full.", "Several months later, the owner sold it."}, "Several months later", ""},
		{published, []string{"It was early April, and the depot was full.", "Months earlier, the old owner would have sold it."}, "Months earlier", ""},
	})
}

// textCase is a resolution case on an article of several paragraphs.
type textCase struct {
	published  string
	paras      []string
	expr, want string
}

// checkTexts runs checkParagraphs on each row, as a subtest named by its
// last paragraph.
func checkTexts(t *testing.T, tests []textCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.paras[len(tc.paras)-1], func(t *testing.T) {
			checkParagraphs(t, tc.published, tc.paras, tc.expr, tc.want)
		})
	}
}
