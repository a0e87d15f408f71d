package timex

import (
	"testing"
)

func TestZZProbe(t *testing.T) {
	rows := []struct{ pub, s string }{
		{"2000-01-07", "Elian was found Thanksgiving Day clinging to an inner tube at sea after his mother drowned."},
		{"1991-02-25", "Nevertheless, American officials over the weekend became more open in declaring their aims."},
		{"1989-10-30", "Many professional traders had chosen to square positions ahead of the weekend."},
		{"1989-10-30", "Nestle's share of 7% before Friday's purchases is far below the shares of market leaders."},
		{"2000-01-15", "The judge had ruled that the boy must be returned to his father, and set Friday as the deadline for his return."},
	}
	for _, r := range rows {
		a := analyzed(t, r.pub, []string{r.s})
		t.Logf("%s | %s", r.pub, r.s)
		for _, tm := range a.Times {
			t.Logf("    %q -> %q", tm.Text, tm.Value)
		}
	}
}
