package timex

import (
	"testing"
)

func TestZZProbe(t *testing.T) {
	rows := []struct{ pub, s string }{
		{"2026-09-14", "On Friday, when Ms. Ortiz set aside her vacation plans, the department announced the trip."},
		{"2026-09-14", "He cut the ribbon on Tuesday."},
		{"2026-09-14", "The Senate set a vote for Friday."},
		{"2026-09-14", "The Senate set a vote for Sept. 30."},
		{"2026-09-14", "The Senate set Friday as the deadline."},
		{"2026-09-14", "She will set out her plan on Friday."},
		{"2026-09-14", "The Jets beat the Dolphins on Sunday."},
		{"2026-09-14", "Johnson hit a home run on Saturday."},
		{"2026-09-14", "The storm hit the coast on Nov. 3."},
		{"2026-09-14", "Oil prices hit a record high in August."},
		{"2026-09-14", "It cost the city $4 million in June."},
		{"2026-09-14", "If he quit on Friday, he would lose his pension."},
		{"2026-09-14", "He let the deadline pass on Friday."},
		{"2026-09-14", "Obama read the statement on Friday."},
	}
	for _, r := range rows {
		a := analyzed(t, r.pub, []string{r.s})
		s := ""
		for _, tm := range a.Times {
			s += tm.Text + "=" + tm.Value + "; "
		}
		t.Logf("%s | %s || %s", r.pub, r.s, s)
	}
}
