package text

import "time"

// The month and weekday names of English news text, lower-case: full names
// and the abbreviations written with a period ("Apr.", "Sept.", "Wed.").
// This is the one table of them; the date tagger, the quantity tagger, the
// cleaner's date reader, the byline tidier, the entity finder and Scan's
// sentence breaker all look words up here.
var (
	monthNames = [12]string{
		"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december",
	}
	monthAbbrevs = map[string]time.Month{
		"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
		"jun": time.June, "jul": time.July, "aug": time.August, "sep": time.September,
		"sept": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
	}
	weekdayNames   = [7]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	weekdayAbbrevs = map[string]time.Weekday{
		"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "tues": time.Tuesday,
		"wed": time.Wednesday, "thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday,
		"fri": time.Friday, "sat": time.Saturday,
	}
)

// months and weekdays index the tables above by every name and abbreviation.
var (
	months = func() map[string]time.Month {
		m := make(map[string]time.Month, len(monthNames)+len(monthAbbrevs))
		for i, n := range monthNames {
			m[n] = time.Month(i + 1)
		}
		for a, mo := range monthAbbrevs {
			m[a] = mo
		}
		return m
	}()
	weekdays = func() map[string]time.Weekday {
		m := make(map[string]time.Weekday, len(weekdayNames)+len(weekdayAbbrevs))
		for i, n := range weekdayNames {
			m[n] = time.Weekday(i)
		}
		for a, d := range weekdayAbbrevs {
			m[a] = d
		}
		return m
	}()
)

// Month returns the month that w, a lower-case month name or abbreviation
// without its period ("april", "apr", "sept"), names.
func Month(w string) (time.Month, bool) {
	m, ok := months[w]
	return m, ok
}

// IsMonth reports whether w is a lower-case month name or abbreviation.
func IsMonth(w string) bool {
	_, ok := months[w]
	return ok
}

// Weekday returns the day that w, a lower-case weekday name or abbreviation
// without its period ("wednesday", "wed", "thurs"), names.
func Weekday(w string) (time.Weekday, bool) {
	d, ok := weekdays[w]
	return d, ok
}

// IsDateAbbrev reports whether w is a lower-case abbreviated month or
// weekday name ("apr", "wed"): a word a period may follow without ending
// the sentence. "may" is a full name, not an abbreviation.
func IsDateAbbrev(w string) bool {
	if _, ok := monthAbbrevs[w]; ok {
		return true
	}
	_, ok := weekdayAbbrevs[w]
	return ok
}

// CalendarNames returns every lower-case month and weekday name and
// abbreviation, in no particular order, for building word sets.
func CalendarNames() []string {
	out := make([]string, 0, len(months)+len(weekdays))
	for w := range months {
		out = append(out, w)
	}
	for w := range weekdays {
		out = append(out, w)
	}
	return out
}
