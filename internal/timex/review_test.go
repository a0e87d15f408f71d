package timex

import "testing"

// TestResolveReviewFixes covers the review of the rules after fresh set
// 4 (docs/timex-judging.md, "Review fixes"), on invented sentences. ""
// is unresolved.
func TestResolveReviewFixes(t *testing.T) {
	const tuesday = "2010-06-15"
	tests := []valueCase{
		// A preposition "to" is no infinitive: its object is a plural
		// noun, a name, a pronoun or a determiner's noun; an adjective,
		// "in order to" or a participle before "to" modifies no noun. A
		// past weekday stays in the past week.
		{tuesday, "Speaking to reporters Monday, the mayor said little.", "Monday", "2010-06-14"},
		{tuesday, "In a statement to reporters Monday, the chairman said the plant would stay open.", "Monday", "2010-06-14"},
		{tuesday, "The mayor, in remarks to reporters Monday, said little.", "Monday", "2010-06-14"},
		{tuesday, "After a trip to Boston Monday, the mayor said little.", "Monday", "2010-06-14"},
		{tuesday, "Unable to attend Monday, she sent a letter.", "Monday", "2010-06-14"},
		{tuesday, "In order to vote Monday, residents queued.", "Monday", "2010-06-14"},
		{tuesday, "In a letter to the board Monday, the mayor asked for time.", "Monday", "2010-06-14"},
		{tuesday, "In a message to them Monday, the mayor asked for time.", "Monday", "2010-06-14"},
		// An infinitive after a noun still names a planned event.
		{tuesday, "The senator, in an interview with the network to air Tuesday morning, gave a warning.", "Tuesday morning", "2010-06-15"},
		{tuesday, "The senator, in an interview with the network to air Friday, gave a warning.", "Friday", "2010-06-18"},
		{tuesday, "In an interview with the network, to be shown on Friday, the senator gave a warning.", "Friday", "2010-06-18"},
		{tuesday, "Tickets for a game to be shown Friday sold out.", "Friday", "2010-06-18"},
		{tuesday, "The club, with a match to play Friday, rested its stars.", "Friday", "2010-06-18"},
		// "today" with a present of "be" is nowadays (the judged sets
		// favour the wide rule), but not when "be" takes a predicate of a
		// passing state, one that holds for a day (open, closed, a
		// market's "higher", the weather, a person's place): that is the
		// day. A comparison with "than" or "as" keeps the nowadays reading.
		{tuesday, "Schools are closed today.", "today", "2010-06-15"},
		{tuesday, "Stocks are higher today.", "today", "2010-06-15"},
		{tuesday, "The museum is open today.", "today", "2010-06-15"},
		{tuesday, "He said the weather is hot today.", "today", "2010-06-15"},
		{tuesday, "Today, the mayor is in Boston.", "Today", "2010-06-15"},
		{tuesday, "The mayor is still at City Hall today.", "today", "2010-06-15"},
		{tuesday, "Prices are higher today than ever.", "today", ""},
		{tuesday, "Tolls are as high today as they were in 1990.", "today", ""},
		{tuesday, "Such floods are rare today.", "today", ""},
		{tuesday, "Most shops are owned by chains today.", "today", ""},
		{tuesday, "Grain is grown in Kansas today.", "today", ""},
	}
	checkValues(t, tests)
}
