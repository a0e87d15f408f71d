package news

import (
	"testing"
	"time"
)

func TestStoryTimePhrase(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 10, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		name string
		t    StoryTime
		want string
	}{
		{"unknown", StoryTime{}, "date not known"},
		{"event only", StoryTime{Event: "2010-02-19"}, "happened 19 Feb 2010"},
		{"one day", StoryTime{First: day(2010, 2, 20), Latest: day(2010, 2, 20)}, "reported 20 Feb 2010"},
		{"days of a month", StoryTime{Event: "2010-02-19", First: day(2010, 2, 20), Latest: day(2010, 2, 21)}, "happened 19 Feb 2010 · reported 20–21 Feb 2010"},
		{"across months", StoryTime{First: day(2010, 2, 28), Latest: day(2010, 3, 3)}, "reported 28 Feb – 3 Mar 2010"},
		{"across years", StoryTime{First: day(2010, 12, 30), Latest: day(2011, 1, 2)}, "reported 30 Dec 2010 – 2 Jan 2011"},
		{"latest only", StoryTime{Latest: day(2014, 5, 2)}, "reported 2 May 2014"},
		{"bad event", StoryTime{Event: "2010"}, "date not known"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.t.Phrase(); got != tc.want {
				t.Errorf("Phrase() = %q, want %q", got, tc.want)
			}
		})
	}
}
