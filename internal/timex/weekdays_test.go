package timex

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
)

// articleCase is an invented article (its paragraphs), the sentence
// holding the expression checked (a substring of it), the expression
// and its wanted value ("" unresolved).
type articleCase struct {
	name, published string
	paras           []string
	in, expr, want  string
}

// checkArticles runs each articleCase as a subtest: the first occurrence
// of the expression from in on must have the value want.
func checkArticles(t *testing.T, tests []articleCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &news.Article{Published: tc.published, Paragraphs: tc.paras}
			if err := New().Analyze(a); err != nil {
				t.Fatal(err)
			}
			body := a.Body()
			at := strings.Index(body, tc.in)
			if at < 0 {
				t.Fatalf("%q not in the article", tc.in)
			}
			for _, tm := range a.Times {
				if tm.Text == tc.expr && tm.Start >= at {
					if tm.Value != tc.want {
						t.Errorf("%q = %q, want %q", tm.Text, tm.Value, tc.want)
					}
					return
				}
			}
			t.Errorf("%q not found in %q: %+v", tc.expr, tc.in, a.Times)
		})
	}
}

// TestWeekdaysByArticle: a bare weekday whose clause reads its week only
// weakly takes the week the article's firm mentions of the same day or
// of the same event settle (placeWeekdaysByArticle), on invented
// articles.
func TestWeekdaysByArticle(t *testing.T) {
	const thursday, friday, sunday = "2010-06-17", "2010-06-18", "2010-06-20"
	tests := []articleCase{
		// A possessive placed by the nearest-day rule (a present verb):
		// a firm past mention of the day settles it.
		{"possessive present after a past mention", friday, []string{
			"The senator attacked the bill at Monday's hearing.",
			"The effect of Monday's hearing is still small.",
		}, "The effect", "Monday", "2010-06-14"},
		{"possessive present alone", friday, []string{
			"The effect of Monday's hearing is still small.",
		}, "The effect", "Monday", "2010-06-21"},
		// A present verb after a bare weekday that is no predicate of it.
		{"present verb after the weekday", thursday, []string{
			"The party celebrated its win Monday night.",
			"For all the cheering at the hall Monday night, the party still has a hard race ahead.",
		}, "For all", "Monday night", "2010-06-14"},
		{"present verb after the weekday alone", thursday, []string{
			"For all the cheering at the hall Monday night, the party still has a hard race ahead.",
		}, "For all", "Monday night", "2010-06-21"},
		// A present perfect takes no definite past time: a firm future
		// mention of the day settles it.
		{"present perfect after a future mention", friday, []string{
			"The final will be played on Monday at the city stadium.",
			"The coach has praised the referee of Monday's final.",
		}, "The coach", "Monday", "2010-06-21"},
		{"present perfect alone", friday, []string{
			"The coach has praised the referee of Monday's final.",
		}, "The coach", "Monday", "2010-06-14"},
		// A possessive inside the subject of a verb after it: the
		// article's date of the same event settles it.
		{"possessive in a subject, event dated by tomorrow", sunday, []string{
			"Her post asking a rival to Monday night's debate was only a joke.",
			"The debate tomorrow night will be the first of three.",
		}, "Her post", "Monday night", "2010-06-21"},
		{"possessive in a subject, another event dated", sunday, []string{
			"Her post asking a rival to Monday night's debate was only a joke.",
			"The concert tomorrow night will be the first of three.",
		}, "Her post", "Monday night", "2010-06-14"},
		// A firm clause is not moved, and mentions of both weeks settle
		// nothing.
		{"firm past clause kept", friday, []string{
			"The panel will meet again on Monday.",
			"The panel met on Monday.",
		}, "The panel met", "Monday", "2010-06-14"},
		{"mentions of both weeks", friday, []string{
			"The panel met on Monday.",
			"The panel meets again Monday.",
			"The mood after Monday's session is calm.",
		}, "The mood", "Monday", "2010-06-21"},
		{"a possessive under a present, after a past mention", sunday, []string{
			"Voters went to the polls on Tuesday.",
			"The results of Tuesday's vote are still being counted.",
		}, "The results", "Tuesday", "2010-06-15"},
		{"a present perfect after a future mention", sunday, []string{
			"The board will vote on Monday.",
			"Members have argued about Monday's vote for weeks.",
		}, "Members", "Monday", "2010-06-21"},
		{"a schedule after a past mention", friday, []string{
			"Police said the man was arrested Monday.",
			"His hearing is Monday.",
		}, "His hearing", "Monday", "2010-06-21"},
		{"another weekday does not vote", friday, []string{
			"The senator attacked the bill at Tuesday's hearing.",
			"The effect of Monday's hearing is still small.",
		}, "The effect", "Monday", "2010-06-21"},
	}
	checkArticles(t, tests)
}

// TestInvitedTo: a weekday in what a present invitation invites to is
// the coming one (invitedTo), on invented sentences.
func TestInvitedTo(t *testing.T) {
	const thursday = "2010-06-17"
	tests := []valueCase{
		{thursday, "The mayor has invited the owners of the shops on the main square and two critics of the plan to a meeting at city hall on Friday morning.", "Friday morning", "2010-06-18"},
		{thursday, "The museum has already invited local families to a free concert on Saturday.", "Saturday", "2010-06-19"},
		{thursday, "The club is inviting its oldest members, their families and the two former mayors of the town to a dinner at the old hall on Saturday.", "Saturday", "2010-06-19"},
		// A past invitation tells nothing of now; nor does an
		// invitation whose object holds another clause.
		{thursday, "The mayor invited the owners of the shops to a meeting at city hall on Friday morning.", "Friday morning", "2010-06-11"},
		{thursday, "The mayor has invited the owners, who met the council on Friday, to a dinner.", "Friday", "2010-06-11"},
		{thursday, "The mayor has invited the owners to city hall; they arrived on Friday.", "Friday", "2010-06-11"},
		// "invite" meaning "provoke" invites to no event.
		{thursday, "The remark has invited comparisons to the collapse of the old pier on Friday.", "Friday", "2010-06-11"},
	}
	checkValues(t, tests)
}
