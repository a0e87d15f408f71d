package timex

import (
	"testing"
	"time"
)

// TestShiftMonthEnds: a count of months or years from the last days of a
// month lands in the month or year counted, not one past it.
func TestShiftMonthEnds(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		ref  time.Time
		expr string
		want string
	}{
		{"month ahead from Jan 31", day(2017, 1, 31), "the pool will reopen in one month", "2017-02"},
		{"month ago from Mar 31", day(2017, 3, 31), "one month ago", "2017-02"},
		{"month ago from Mar 29 in a common year", day(2017, 3, 29), "one month ago", "2017-02"},
		{"months ahead from Dec 31", day(2016, 12, 31), "the kiosks will close within the next two months", "2016-12/2017-02"},
		{"months ago from May 31", day(2017, 5, 31), "three months ago", "2017-02"},
		{"month ago from the 15th", day(2017, 3, 15), "one month ago", "2017-02"},
		{"year ago from Feb 29", day(2016, 2, 29), "one year ago", "2015"},
		{"years ahead from Feb 29", day(2016, 2, 29), "the bridge will open in two years", "2018"},
		{"year ago from Dec 31", day(2016, 12, 31), "a year ago", "2015"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _, _ := resolveExpr(tc.expr, tc.ref)
			if got != tc.want {
				t.Errorf("resolveExpr(%q) from %s = %q; want %q", tc.expr, tc.ref.Format("2006-01-02"), got, tc.want)
			}
		})
	}
}
