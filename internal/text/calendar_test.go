package text

import (
	"strings"
	"testing"
	"time"
)

func TestMonth(t *testing.T) {
	tests := []struct {
		w    string
		want time.Month
		ok   bool
	}{
		{"january", time.January, true},
		{"may", time.May, true},
		{"sept", time.September, true},
		{"sep", time.September, true},
		{"dec", time.December, true},
		{"April", 0, false}, // lower-case only
		{"apr.", 0, false},  // without the period
		{"monday", 0, false},
		{"", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.w, func(t *testing.T) {
			got, ok := Month(tc.w)
			if got != tc.want || ok != tc.ok {
				t.Errorf("Month(%q) = %v, %v; want %v, %v", tc.w, got, ok, tc.want, tc.ok)
			}
			if IsMonth(tc.w) != tc.ok {
				t.Errorf("IsMonth(%q) = %v, want %v", tc.w, !tc.ok, tc.ok)
			}
		})
	}
}

func TestWeekday(t *testing.T) {
	tests := []struct {
		w    string
		want time.Weekday
		ok   bool
	}{
		{"sunday", time.Sunday, true},
		{"wednesday", time.Wednesday, true},
		{"tues", time.Tuesday, true},
		{"thurs", time.Thursday, true},
		{"sat", time.Saturday, true},
		{"march", 0, false},
		{"Friday", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.w, func(t *testing.T) {
			got, ok := Weekday(tc.w)
			if got != tc.want || ok != tc.ok {
				t.Errorf("Weekday(%q) = %v, %v; want %v, %v", tc.w, got, ok, tc.want, tc.ok)
			}
		})
	}
}

// TestCalendarAgreesWithTime checks the tables against the standard
// library's names: every full name and its three-letter abbreviation.
func TestCalendarAgreesWithTime(t *testing.T) {
	for m := time.January; m <= time.December; m++ {
		full := strings.ToLower(m.String())
		if got, ok := Month(full); !ok || got != m {
			t.Errorf("Month(%q) = %v, %v", full, got, ok)
		}
		if got, ok := Month(full[:3]); !ok || got != m {
			t.Errorf("Month(%q) = %v, %v", full[:3], got, ok)
		}
		if want := m != time.May; IsDateAbbrev(full[:3]) != want {
			t.Errorf("IsDateAbbrev(%q) = %v", full[:3], !want)
		}
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		full := strings.ToLower(d.String())
		if got, ok := Weekday(full); !ok || got != d {
			t.Errorf("Weekday(%q) = %v, %v", full, got, ok)
		}
		if got, ok := Weekday(full[:3]); !ok || got != d || !IsDateAbbrev(full[:3]) {
			t.Errorf("Weekday(%q) = %v, %v", full[:3], got, ok)
		}
		if IsDateAbbrev(full) {
			t.Errorf("IsDateAbbrev(%q) = true", full)
		}
	}
	names := CalendarNames()
	if len(names) != len(months)+len(weekdays) {
		t.Errorf("CalendarNames: %d names, want %d", len(names), len(months)+len(weekdays))
	}
	for _, w := range names {
		if !IsMonth(w) {
			if _, ok := Weekday(w); !ok {
				t.Errorf("CalendarNames holds %q, neither month nor weekday", w)
			}
		}
	}
}
