package cluster

import (
	"fmt"
	"testing"
	"time"
)

func day(d int) time.Time { return time.Date(2020, 3, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, d) }

func TestClusterStream(t *testing.T) {
	docs := []Doc{
		{ID: "budget-1", Title: "Council approves Springfield budget", Body: "The Springfield city council approved a budget raising parks and libraries spending by eight percent after a long debate.", Time: day(0)},
		{ID: "storm-1", Title: "Storm closes valley schools", Body: "A snow storm closed schools across the northern valley and left thousands of homes without power overnight.", Time: day(0)},
		{ID: "budget-2", Title: "Springfield budget passes council vote", Body: "Springfield council members voted for the budget, which raises spending on parks and libraries by eight percent.", Time: day(1)},
		{ID: "storm-2", Title: "Valley storm: schools shut, power out", Body: "Schools in the northern valley stayed closed as the snow storm cut power to thousands of homes.", Time: day(1)},
		// The same topic a year later is a new story: outside the window.
		{ID: "budget-next-year", Title: "Council approves Springfield budget", Body: "The Springfield city council approved a budget raising parks and libraries spending by eight percent after a long debate.", Time: day(365)},
		// Undated articles ignore the window.
		{ID: "storm-undated", Title: "Storm in the valley closes schools", Body: "The northern valley snow storm closed schools and left homes without power.", Time: time.Time{}},
	}
	c := New(Options{})
	got := map[string]string{}
	for _, d := range docs {
		got[d.ID] = c.Add(d).Story
	}
	for id := range got {
		got[id] = c.Story(got[id])
	}
	same := func(a, b string) bool { return got[a] == got[b] }
	tests := []struct {
		a, b string
		want bool
	}{
		{"budget-1", "budget-2", true},
		{"storm-1", "storm-2", true},
		{"storm-1", "storm-undated", true},
		{"budget-1", "storm-1", false},
		{"budget-1", "budget-next-year", false},
	}
	for _, tc := range tests {
		if same(tc.a, tc.b) != tc.want {
			t.Errorf("same story(%s, %s) = %v, want %v (%v)", tc.a, tc.b, !tc.want, tc.want, got)
		}
	}
}

// BenchmarkAdd measures the cost of one assignment as the archive grows:
// candidates come from the index, so it should stay flat.
func BenchmarkAdd(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			c := New(Options{})
			for i := range n {
				c.Add(synthetic(i))
			}
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				c.Add(synthetic(n + i))
			}
		})
	}
}

// synthetic makes article i of story i/4: four articles per story, each
// story with its own vocabulary, one story a day.
func synthetic(i int) Doc {
	s := i / 4
	w := func(k int) string { return fmt.Sprintf("w%dx%d", s, k) }
	body := ""
	for k := range 40 {
		body += w(k%12) + " common" + fmt.Sprint(k%7) + " "
	}
	return Doc{ID: fmt.Sprint(i), Title: w(1) + " " + w(2) + " " + w(3), Body: body, Time: day(s / 10)}
}

// TestClusterEvents: separate events about the same people in the same
// weeks stay apart, the later one following the earlier; a report of the
// same event days later still joins; undated articles are not held to the
// event test.
func TestClusterEvents(t *testing.T) {
	names := []string{"Jane Marlow", "Harbor Committee"}
	report := func(id string, d int, title, body string) Doc {
		return Doc{ID: id, Title: title, Body: body, Names: names, Time: day(d)}
	}
	tests := []struct {
		name        string
		docs        []Doc
		same        bool
		wantFollows bool
	}{
		{
			name: "a later demand is a new event",
			docs: []Doc{
				report("release-1", 0, "Jane Marlow demands Harbor Committee release audit report", "Jane Marlow demanded that the Harbor Committee release its audit report on dredging contracts, saying the public deserved to see the audit."),
				report("release-2", 0, "Marlow presses Harbor Committee to publish dredging audit", "Jane Marlow pressed the Harbor Committee to publish the audit report on dredging contracts."),
				report("resign-1", 6, "Jane Marlow calls on Harbor Committee chair to resign", "Jane Marlow called on the chair of the Harbor Committee to step down, citing a vote he cast last spring, and said the committee needed new leadership."),
			},
			same: false, wantFollows: true,
		},
		{
			name: "the same event three days on",
			docs: []Doc{
				report("release-1", 0, "Jane Marlow demands Harbor Committee release audit report", "Jane Marlow demanded that the Harbor Committee release its audit report on dredging contracts, saying the public deserved to see the audit."),
				report("release-2", 1, "Marlow presses Harbor Committee to publish dredging audit", "Jane Marlow pressed the Harbor Committee to publish the audit report on dredging contracts."),
				report("release-3", 3, "Harbor Committee under pressure to release audit report", "Pressure grew on the Harbor Committee to release the dredging contracts audit report that Jane Marlow demanded on Sunday."),
			},
			same: true,
		},
		{
			name: "undated: no event test",
			docs: []Doc{
				{ID: "release-1", Title: "Jane Marlow demands Harbor Committee release audit report", Body: "Jane Marlow demanded that the Harbor Committee release its audit report on dredging contracts.", Names: names},
				{ID: "release-2", Title: "Marlow on the Harbor Committee", Body: "Jane Marlow and the Harbor Committee: the dredging contracts and the audit report.", Names: names},
			},
			same: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := New(Options{})
			var first, last Assignment
			for i, d := range tc.docs {
				a := c.Add(d)
				if i == 0 {
					first = a
				}
				last = a
			}
			same := c.Story(first.Story) == c.Story(last.Story)
			if same != tc.same {
				t.Errorf("first and last in one story = %v, want %v", same, tc.same)
			}
			if got := last.Follows != ""; got != tc.wantFollows {
				t.Errorf("last follows %q, want a link %v", last.Follows, tc.wantFollows)
			}
			if tc.wantFollows && c.Story(last.Follows) != c.Story(first.Story) {
				t.Errorf("last follows %q, want the first story %q", last.Follows, first.Story)
			}
		})
	}
}

// TestJoinBar: the lower bar applies only when the best story stands out
// from the runner-up, and never when it is switched off.
func TestJoinBar(t *testing.T) {
	tests := []struct {
		name   string
		o      Options
		scores []float64
		want   float64
	}{
		{"no candidate", Options{}, nil, 0.2},
		{"one candidate: nothing to stand out from", Options{}, []float64{0.18}, 0.2},
		{"best below the lower bar", Options{}, []float64{0.15, 0.01}, 0.2},
		{"best stands out", Options{}, []float64{0.05, 0.18, 0.1}, 0.16},
		{"runner-up close", Options{}, []float64{0.18, 0.12}, 0.2},
		{"ratio exactly met", Options{DistinctRatio: 2}, []float64{0.09, 0.18}, 0.16},
		{"switched off", Options{Distinct: -1}, []float64{0.18, 0.01}, 0.2},
		{"not below Join", Options{Join: 0.1}, []float64{0.18, 0.01}, 0.1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := New(tc.o)
			if got := c.joinBar(tc.scores); got != tc.want {
				t.Errorf("joinBar(%v) = %v, want %v", tc.scores, got, tc.want)
			}
		})
	}
}
