package timex

import (
	"strings"
	"testing"
)

// weekCase is an invented article: its paragraphs, a text that the
// checked expression follows (the first occurrence of expr at or after
// it is checked), and the value wanted ("" unresolved).
type weekCase struct {
	published string
	paras     []string
	after     string
	expr      string
	want      string
}

// checkWeekCases analyses each case's article and checks its expression,
// as a subtest named by name.
func checkWeekCases(t *testing.T, tests map[string]weekCase) {
	t.Helper()
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			a := analyzed(t, tc.published, tc.paras)
			at := strings.Index(a.Body(), tc.after)
			if at < 0 {
				t.Fatalf("%q not in the article", tc.after)
			}
			for _, tm := range a.Times {
				if tm.Text == tc.expr && tm.Start >= at {
					if tm.Value != tc.want {
						t.Errorf("%q after %q = %q, want %q", tm.Text, tc.after, tm.Value, tc.want)
					}
					return
				}
			}
			t.Errorf("%q not found after %q: %+v", tc.expr, tc.after, a.Times)
		})
	}
}

// Publication days of the article cases, with the two days each
// weekday named in them can be.
const (
	fri15 = "2019-03-15" // Monday: 2019-03-11 or 2019-03-18
	thu14 = "2019-03-14" // Tuesday: 2019-03-12 or 2019-03-19
	fri07 = "2016-10-07" // Sunday: 2016-10-02 or 2016-10-09
)

// TestWeekdaysByArticle: a bare weekday read only weakly by its own
// clause takes the day the article's other mentions settle, unless its
// clause names the other day, and is left unresolved where a present
// perfect, or a present over a possessive, fits either day
// (placeWeekdaysByArticle, weekdayVote).
func TestWeekdaysByArticle(t *testing.T) {
	tests := map[string]weekCase{
		// Settled by a firm mention of the same day.
		"a present possessive, the day gone": {fri15, []string{
			"Lawmakers grilled the nominee at Monday's hearing.",
			"Support for him after Monday's hearing is thin.",
		}, "Support", "Monday", "2019-03-11"},
		"a present possessive alone takes the nearest day": {fri15, []string{
			"Support for him after Monday's hearing is thin.",
		}, "Support", "Monday", "2019-03-18"},
		"a present verb after a fronted weekday": {thu14, []string{
			"The club won its semifinal Tuesday night.",
			"Despite the noise in the arena Tuesday night, the coach says nerves are fine.",
		}, "Despite", "Tuesday night", "2019-03-12"},
		"a present verb after a fronted weekday, alone": {thu14, []string{
			"Despite the noise in the arena Tuesday night, the coach says nerves are fine.",
		}, "Despite", "Tuesday night", "2019-03-19"},
		"a possessive in a subject, its event dated": {"2010-06-20", []string{
			"A photo showing the host at Monday night's fundraiser was fake.",
			"The fundraiser tomorrow night opens the campaign.",
		}, "A photo", "Monday night", "2010-06-21"},
		"a possessive in a subject, another event dated": {"2010-06-20", []string{
			"A photo showing the host at Monday night's fundraiser was fake.",
			"The rally tomorrow night opens the campaign.",
		}, "A photo", "Monday night", "2010-06-14"},
		"a present possessive after a past mention of the day alone": {fri15, []string{
			"Residents of the district voted on Monday.",
			"Ballots from Monday's runoff are still arriving.",
		}, "Ballots", "Monday", ""},
		"a present possessive after a past mention of its event": {fri15, []string{
			"Residents of the district voted in a runoff on Monday.",
			"Ballots from Monday's runoff are still arriving.",
		}, "Ballots", "Monday", "2019-03-11"},
		"a schedule is firm": {fri15, []string{
			"Agents detained the driver Monday, the police said.",
			"His arraignment is Monday.",
		}, "His arraignment", "Monday", "2019-03-18"},
		"another weekday casts no vote": {fri15, []string{
			"Lawmakers grilled the nominee at Tuesday's hearing.",
			"Support for him after Monday's hearing is thin.",
		}, "Support", "Monday", "2019-03-18"},
		"a firm past clause keeps its day": {fri15, []string{
			"The council will sit again on Monday.",
			"The council sat on Monday.",
		}, "The council sat", "Monday", "2019-03-11"},
		"both weeks named: unsettled": {fri15, []string{
			"The council sat on Monday.",
			"The council meets again Monday.",
			"The mood around Monday's hearing is calm.",
		}, "The mood", "Monday", "2019-03-18"},
		// The review's probes: two events a week apart on one weekday.
		"W01 a forward clause keeps the day to come": {fri15, []string{
			"The Senate passed the budget bill on Monday.",
			"Monday's hearing on the nominee is expected to draw hundreds of protesters.",
		}, "Monday's hearing", "Monday", "2019-03-18"},
		"W02 a present perfect over a possessive fits either day": {fri15, []string{
			"The committee met on Monday.",
			"The minority leader has called for a delay of Monday's vote.",
		}, "The minority", "Monday", ""},
		"W04 a past clause keeps the day gone": {fri15, []string{
			"The full Senate will vote on the bill on Monday.",
			"Monday's committee vote was 7-6 along party lines.",
		}, "Monday's committee", "Monday", "2019-03-11"},
		"W06 last Monday is no vote": {fri15, []string{
			"Lawmakers argued over last Monday's vote.",
			"The hearing on Monday will decide the matter.",
		}, "The hearing", "Monday", "2019-03-18"},
		"W07 a present possessive after a past mention of another event": {fri15, []string{
			"The union rejected the offer on Monday.",
			"Monday's deadline for a new deal is looming, and talks have stalled.",
		}, "Monday's deadline", "Monday", "2019-03-18"},
		"W08 a past possessive after a future mention": {fri15, []string{
			"The board will meet on Monday to pick a new chief.",
			"Monday's meeting of the board was cut short by a fire alarm.",
		}, "Monday's meeting", "Monday", "2019-03-11"},
		"D01 a past possessive after a future mention": {fri07, []string{
			"The two candidates will meet on Sunday in St. Louis for their second debate.",
			"Sunday's debate in Cleveland drew fewer viewers than expected, network data show.",
		}, "Sunday's debate", "Sunday", "2016-10-02"},
		"D02 a present perfect after a future mention": {fri07, []string{
			"The candidates meet again on Sunday.",
			"The moderator of Sunday's debate has promised tough questions.",
		}, "The moderator", "Sunday", ""},
		"P01 a present perfect is no vote": {fri15, []string{
			"Officials have confirmed three deaths on Monday.",
			"Rescue teams will resume the search on Monday.",
		}, "Officials", "Monday", "2019-03-11"},
		"P02 a caption takes the article's day": {fri15, []string{
			"The judge will rule on the case on Monday.",
			"Protesters outside the courthouse on Monday.",
		}, "Protesters", "Monday", "2019-03-18"},
		"P03 a present perfect with a weekday object": {fri15, []string{
			"The strike will begin on Monday unless a deal is reached.",
			"Workers have voted on Monday to reject the last offer.",
		}, "Workers", "Monday", "2019-03-11"},
		// The second review's probes: a present clause over a
		// possessive names an event of its own, in either week.
		"P13 a present possessive after another event's day": {"2021-06-09", []string{
			"The club held its annual gala on Friday.",
			"Tickets for Friday's charity auction, the club says, are nearly sold out.",
		}, "Tickets", "Friday", ""},
		"P59 a present possessive after a resignation": {"2021-06-09", []string{
			"The club's chairman stepped down on Friday.",
			"Tickets for Friday's charity auction, the club says, are nearly sold out.",
		}, "Tickets", "Friday", ""},
		"P60 a present possessive after an unveiling": {"2021-06-09", []string{
			"The mayor unveiled the new statue on Friday.",
			"Friday's parade through the old town, officials say, starts at noon.",
		}, "Friday's parade", "Friday", ""},
		"P07 a present perfect after a scheduled mention": {fri15, []string{
			"The verdict is due on Monday.",
			"Monday's verdict in the first trial has shaped the defence's strategy.",
		}, "Monday's verdict", "Monday", ""},
	}
	checkWeekCases(t, tests)
}

// TestInvitedTo: a weekday dating what a present invitation invites to
// is the coming one (invitedTo); a possessive, a past invitation, an
// object holding another clause and "invite" as "provoke" are not.
func TestInvitedTo(t *testing.T) {
	tests := []valueCase{
		{thu14, "The museum invites visitors to a free concert on Friday.", "Friday", "2019-03-15"},
		{thu14, "The festival has invited artists from 20 countries to perform in the square on Saturday.", "Saturday", "2019-03-16"},
		{thu14, "Organisers are inviting former pupils, teachers and their families to a reunion at the gym on Saturday.", "Saturday", "2019-03-16"},
		{thu14, "The choir has invited every child in the parish, their grandparents and the new vicar to sing carols at the harvest supper on Friday afternoon.", "Friday afternoon", "2019-03-15"},
		{thu14, "The choir invited the children to sing carols at the harvest supper on Friday afternoon.", "Friday afternoon", "2019-03-08"},
		{thu14, "The library has invited the authors, who toured the town on Tuesday, to a reading.", "Tuesday", "2019-03-12"},
		{thu14, "The school has invited parents to a meeting; most came on Tuesday.", "Tuesday", "2019-03-12"},
		// The review's probes.
		{thu14, "The report invites readers to compare Tuesday's figures with last year's.", "Tuesday", "2019-03-12"},
		{thu14, "The mayor has invited residents to share their memories of Tuesday's flood.", "Tuesday", "2019-03-12"},
		{thu14, "The court has invited both sides to respond to Tuesday's ruling by the end of the month.", "Tuesday", "2019-03-12"},
		{thu14, "The editorial invites lawmakers to reflect on the lessons of Tuesday's vote.", "Tuesday", "2019-03-12"},
		{thu14, "The coach has invited the players to watch a video of Tuesday's defeat.", "Tuesday", "2019-03-12"},
		{thu14, "The remarks have invited fresh comparisons to Tuesday's crash.", "Tuesday", "2019-03-12"},
		{thu14, "The ban has invited a sharp rebuke from the students, who marched on Tuesday.", "Tuesday", "2019-03-12"},
		{thu14, "The city has invited bids to rebuild the bridge that collapsed on Tuesday.", "Tuesday", "2019-03-12"},
		// The second review's probes: a weekday after "of", "after",
		// "from" ... past the "to" dates what the invited act is about.
		{thu14, "The school invites parents to reflect on the lessons of the storm on Tuesday.", "Tuesday", "2019-03-12"},
		{thu14, "The mayor invites residents to join a clean-up after the flooding on Tuesday.", "Tuesday", "2019-03-12"},
		{thu14, "The paper invites readers to send photos of the snowfall on Tuesday.", "Tuesday", "2019-03-12"},
		{fri15, "The trust has invited volunteers to help clear debris from the storm on Saturday.", "Saturday", "2019-03-09"},
		{thu14, "The museum invites visitors to a lecture about the flood on Saturday.", "Saturday", "2019-03-09"},
		// "invite" as "provoke" before a bare weekday (provokes).
		{thu14, "The remarks have invited comparisons to the speech on Tuesday.", "Tuesday", "2019-03-12"},
		{thu14, "The ruling invites comparisons to the verdict on Tuesday.", "Tuesday", "2019-03-12"},
		// An "on" is no such word: the invitation's own event.
		{thu14, "The library invites residents to a talk on climate on Tuesday.", "Tuesday", "2019-03-19"},
		{fri15, "The team has invited fans to an open training session on Saturday.", "Saturday", "2019-03-16"},
	}
	checkValues(t, tests)
}

// TestWeekdayRiskProbes: invented sentences of the kinds the article
// and invitation rules could misplace: two events on one weekday a week
// apart, previews and recaps, and "invite" in senses other than an
// invitation to an event. None may be placed on the wrong day.
func TestWeekdayRiskProbes(t *testing.T) {
	tests := map[string]weekCase{
		"a past vote, then a future possessive": {fri15, []string{
			"The council voted on Monday to raise fares.",
			"Monday's rally against the fare rise will start at noon.",
		}, "Monday's rally", "Monday", "2019-03-18"},
		"a future reopening, then a past possessive": {fri15, []string{
			"The school will reopen on Monday.",
			"Monday's storm flooded three classrooms.",
		}, "Monday's storm", "Monday", "2019-03-11"},
		"a future deliberation, then past arguments": {fri15, []string{
			"The jury will begin deliberating on Monday.",
			"Monday's closing arguments lasted six hours.",
		}, "Monday's closing", "Monday", "2019-03-11"},
		"a past walkout, then expected talks": {fri15, []string{
			"Strikers walked out on Monday.",
			"Monday's talks with the mediator are expected to last all day.",
		}, "Monday's talks", "Monday", "2019-03-18"},
		"a resignation, then a swearing-in": {fri15, []string{
			"The minister resigned on Monday.",
			"Her successor will be sworn in on Monday.",
		}, "Her successor", "Monday", "2019-03-18"},
		"a coming election, then a past debate": {thu14, []string{
			"Voters will choose a new mayor on Tuesday.",
			"Tuesday's debate between the two candidates turned bitter.",
		}, "Tuesday's debate", "Tuesday", "2019-03-12"},
		"a preview with a present of schedule": {fri15, []string{
			"The finance ministers meet on Monday in Brussels to discuss the budget.",
		}, "The finance", "Monday", "2019-03-18"},
		"a preview with a future possessive": {fri15, []string{
			"Monday's meeting in Brussels will decide the budget.",
		}, "Monday's", "Monday", "2019-03-18"},
		"a recap with a past possessive": {fri15, []string{
			"At Monday's meeting in Brussels, the ministers agreed to cut the budget.",
		}, "At Monday's", "Monday", "2019-03-11"},
		"an expected crowd for a coming final": {thu14, []string{
			"Fans are expected to pack the stadium for Saturday's final.",
		}, "Fans", "Saturday", "2019-03-16"},
		"a recap of a final": {thu14, []string{
			"Fans packed the stadium for Tuesday's final.",
		}, "Fans", "Tuesday", "2019-03-12"},
		"invites as tempts, a weekday after": {thu14, []string{
			"The plan invites abuse, critics said after Tuesday's hearing.",
		}, "The plan", "Tuesday", "2019-03-12"},
		"inviting applications after a fire": {thu14, []string{
			"The company is inviting applications for the jobs it lost in Friday's fire.",
		}, "The company", "Friday", "2019-03-08"},
		"invited challenges to rules published": {thu14, []string{
			"The loophole has invited legal challenges to the rules published on Tuesday.",
		}, "The loophole", "Tuesday", "2019-03-12"},
		"invited comment on a plan unveiled": {thu14, []string{
			"The mayor has invited residents to comment on the plan she unveiled on Tuesday.",
		}, "The mayor", "Tuesday", "2019-03-12"},
		"invited fans who stormed the pitch": {thu14, []string{
			"The team has invited the fans who stormed the pitch on Saturday to a meeting.",
		}, "The team", "Saturday", "2019-03-09"},
		"invites states to follow a lead taken": {thu14, []string{
			"The ruling invites other states to follow the lead Ohio took on Tuesday.",
		}, "The ruling", "Tuesday", "2019-03-12"},
		"invited to see a painting stolen": {thu14, []string{
			"The museum has invited the public to see the painting, stolen on Friday and found on Tuesday.",
		}, "The museum", "Friday", "2019-03-08"},
		"a real invitation to a parade": {thu14, []string{
			"The festival invites families to its closing parade on Saturday.",
		}, "The festival", "Saturday", "2019-03-16"},
	}
	checkWeekCases(t, tests)
}
