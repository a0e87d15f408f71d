package timex

import "testing"

// TestResolveFormsFresh4: forms read since fresh set 4
// (docs/timex-judging.md, "Rules after fresh set 4"), on invented
// sentences. "" is unresolved, absent not found.
func TestResolveFormsFresh4(t *testing.T) {
	const tuesday = "2010-06-15"
	tests := []valueCase{
		// A present progressive modified by a count after a past event is
		// the ongoing present: the count dates the publication day. After
		// an event not yet past, or with a past progressive, it is not.
		{tuesday, "Clinics are turning patients away less than a week after the new wing opened.", "a week after", "2010-06-15"},
		{tuesday, "Critics are arguing two weeks after he was appointed that he lacks experience.", "two weeks after", "2010-06-15"},
		{tuesday, "Less than a week after the new wing opened, clinics are turning patients away.", "a week after", "2010-06-15"},
		{tuesday, "The council is meeting a week after the vote.", "a week after", ""},
		{tuesday, "Clinics were turning patients away a week after the new wing opened.", "a week after", ""},
		// The Friday dates the opening, inside the count's object, not
		// the clause (rules after fresh set 5's tune half): the present.
		{tuesday, "Clinics are turning patients away a week after the new wing opened on Friday.", "a week after", "2010-06-15"},
		// The present simple of any verb with "today" is a state or
		// habit, "nowadays" (the speaker's own "be" keeps the day, as
		// before); so is an epistemic modal's "be" or perfect. A modal
		// before an event, a passive or a past keeps the day.
		{tuesday, "Today a board sets the fares on every ferry.", "Today", ""},
		{tuesday, "The lake draws anglers, a sport that still keeps the village lively today.", "today", ""},
		{tuesday, "Flying taxis may only be a sketch today.", "today", ""},
		{tuesday, "The plant may close today.", "today", "2010-06-15"},
		{tuesday, "The law may be repealed today.", "today", "2010-06-15"},
		{tuesday, "We may be late today.", "today", "2010-06-15"},
		{tuesday, "Have you gone to the polls today?", "today", "2010-06-15"},
		{tuesday, "She flew to Paris today.", "today", "2010-06-15"},
		// The cost, as for "is in Boston today": a scheduled present
		// simple of a third person is not told from a habit.
		{tuesday, "She leaves for Paris today.", "today", ""},
		// A present simple taking its object places a month-day ahead,
		// as "is" does; an irregular past behind.
		{tuesday, "The memo says the treasurer presents her plan on June 18.", "June 18", "2010-06-18"},
		{tuesday, "The family fled the town on June 12.", "June 12", "2010-06-12"},
		{tuesday, "The family fled the town on Friday.", "Friday", "2010-06-11"},
		// A subject relative's present places a month-day ahead.
		{tuesday, "The newsletter described a cycling route that passes through the valley on Sept. 18.", "Sept. 18", "2010-09-18"},
		// "does not plan to ... until September" looks ahead, as "doesn't" does.
		{tuesday, "The league does not intend to name its squad until late September.", "September", "2010-09"},
		{tuesday, "The league did not name its squad until late September.", "September", "2009-09"},
		// An exact count of years or months with no object counts from
		// the last date the text gave when that is a year or a month of
		// the count's unit, at most three sentences back; a day given
		// after it, a count of another unit, a vague count, an
		// attributive year or an older anchor do not.
		{tuesday, "In 2004, the mayor lost. Two years later, she won the seat.", "Two years later", "2006"},
		{tuesday, "Turnout fell in the 2008 elections. Two years prior, the mayor warned of it.", "Two years prior", "2006"},
		{tuesday, "In March, the city bought land, but it sold the plot two months later.", "two months later", "2010-05"},
		{tuesday, "In March, the city bought land. A year later, it sold the plot.", "A year later", ""},
		{tuesday, "In 2004, the mayor lost. Years later, she won the seat.", "Years later", ""},
		{tuesday, "In 2004, the mayor lost on May 3, 2004. Two years later, she won the seat.", "Two years later", "2006"},
		{tuesday, "The 2004 candidates met. Two years later, one of them won.", "Two years later", ""},
		{tuesday, "In 2004, the mayor lost. She ran again. She lost again. She moved. She waited. Two years later, she won the seat.", "Two years later", ""},
		{tuesday, "In 2009, the mayor lost. Two years later, she won the seat.", "Two years later", ""},
		// A month-day range whose last day the month lacks keeps the days
		// that exist; one whose first day is missing is no date (and not
		// the bare month either).
		{tuesday, "The fair ran September 30-31 last year, organisers said.", "September 30-31", "2009-09-30"},
		{tuesday, "The fair ran April 28-31, organisers said.", "April 28-31", "2010-04-28/2010-04-30"},
		{tuesday, "The fair ran 28-31 April, organisers said.", "28-31 April", "2010-04-28/2010-04-30"},
		{tuesday, "The fair ran February 30-31, organisers said.", "February", absent},
		{tuesday, "The fair ran February 30-31, organisers said.", "February 30-31", absent},
	}
	checkValues(t, tests)
}
