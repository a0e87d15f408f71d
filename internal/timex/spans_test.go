package timex

import "testing"

// TestSpanOrigin: where a span from a time on counts from (spans.go), on
// invented sentences. "" is unresolved.
func TestSpanOrigin(t *testing.T) {
	const friday, saturday = "2013-05-10", "2013-05-11"
	tests := []valueCase{
		// spanOfYears: a span of years counts from a year its sentence
		// states before it, else from the reference's year, whatever
		// the clause's tense.
		{friday, "The firm reported a loss in 2009 that could have spared it taxes for the next six years.", "next six years", "2009/2015"},
		{friday, "The senate last week passed a bill that cut $300 billion in spending over the next decade.", "next decade", "2013/2023"},
		{friday, "The union says the fund is secure for the next 40 years.", "next 40 years", "2013/2053"},
		// ... but a "will" future counts from now, a past clause after
		// an earlier year stated may stand in that year, and with no
		// verb (and no sum) the span is often advice.
		{friday, "Elected in 2009, the mayor will step down over the next two years.", "next two years", "2013/2015"},
		{friday, "The council approved the plan in 2010. It cut spending over the next five years.", "next five years", ""},
		{friday, "Put a part of each pay check aside over the next four years.", "next four years", ""},
		{friday, "Shipyards and other yards on both coasts over the next decade.", "next decade", ""},
		{friday, "He worked abroad over the next two years.", "next two years", ""},
		// spanFromDay: a span of days, weeks or months in a past clause
		// counts from the day its sentence gives (a present one is
		// left as before). "several" is the far end, seven.
		{saturday, "“Crews expect to finish within the next several days,” the county said in a statement Friday.", "next several days", "2013-05-10/2013-05-17"},
		{saturday, "The exhibition is open to the public for the next two weeks.", "next two weeks", ""},
		{saturday, "The county said crews finished the work over the next several days.", "next several days", ""},
		{saturday, "Crews will work through the night for the next several days.", "next several days", "2013-05-11/2013-05-18"},
		// spanTense: the clause's verb further back than the window.
		{saturday, "The league announced on Friday that the team would play exhibition games against local clubs in Boston, Denver, Austin, Miami, Phoenix, Portland, Tampa and Reno in the coming months.", "coming months", "2013-05/2013-08"},
		{saturday, "Exhibition games in Boston, Denver, Austin, Miami, Phoenix and Portland and other cities in the coming months.", "coming months", ""},
	}
	checkValues(t, tests)
}

// TestSpanOrN: "the coming year or two" runs from the coming unit to the
// Nth (spanOrN); a count of a noun of its own is not read.
func TestSpanOrN(t *testing.T) {
	const wednesday = "2011-11-02"
	tests := []valueCase{
		{wednesday, "The measures would not add jobs in the coming year or two.", "coming year or two", "2012/2013"},
		{wednesday, "Prices should fall over the next month or two, traders said.", "next month or two", "2011-12/2012-01"},
		{wednesday, "Talks will resume in the next week or two weeks.", "next week or two weeks", "2011-11-07/2011-11-20"},
		{wednesday, "In the coming year or two rivals may join the market.", "coming year", "2012"},
		{wednesday, "In the coming year or two rivals may join the market.", "coming year or two", absent},
	}
	checkValues(t, tests)
}

// TestVagueAhead: "in a few weeks", "in several months" in a "will"
// future run from the unit two ahead to the unit seven ahead, each whole
// (vagueAheadValue); a temporal clause's present takes the future of the
// clause after its comma; "would", a present or a past is no time ahead.
func TestVagueAhead(t *testing.T) {
	const saturday = "2010-08-14"
	tests := []valueCase{
		{saturday, "The bridge will reopen in a few weeks.", "a few weeks", "2010-08-23/2010-10-03"},
		{saturday, "I suspect that once the row dies down in a few weeks, voters will forget it.", "a few weeks", "2010-08-23/2010-10-03"},
		{saturday, "The council will vote on the plan in several months.", "several months", "2010-10/2011-03"},
		{saturday, "She said in May that she would speak about it in a few weeks.", "a few weeks", ""},
		{saturday, "The crew built the shed in a few weeks.", "a few weeks", ""},
		{saturday, "Prices usually settle in a few weeks.", "a few weeks", ""},
		{saturday, "Once the row dies down in a few weeks, voters forget it.", "a few weeks", ""},
	}
	checkValues(t, tests)
}
