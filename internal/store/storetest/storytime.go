package storetest

import (
	"reflect"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

// testStoryTime checks news.StoryTime: kept by CreateStory, replaced with
// the headline by PutBriefing without making the briefing stale, and the
// listing order newest news first with undated stories last.
func testStoryTime(t *testing.T, s store.Store) {
	c := ctx(t)
	ingest := time.Date(2026, 12, 6, 2, 3, 0, 0, time.UTC)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 9, 30, 0, 0, time.UTC) }
	for _, tc := range []struct {
		id      string
		updated time.Time
		time    news.StoryTime
	}{
		// Ingested last, but news of 2010: listed after the 2014 story.
		{"old", ingest.Add(3 * time.Hour), news.StoryTime{Event: "2010-02-19", First: day(2010, 2, 20), Latest: day(2010, 2, 21)}},
		{"new", ingest, news.StoryTime{Event: "2014-05-01", First: day(2014, 5, 1), Latest: day(2014, 5, 2)}},
		// Undated: after every dated story, whatever its ingest time.
		{"undated", ingest.Add(5 * time.Hour), news.StoryTime{}},
		{"undated2", ingest.Add(4 * time.Hour), news.StoryTime{}},
	} {
		putDoc(t, s, "a-"+tc.id, "Article "+tc.id, "Body of "+tc.id+".")
		if _, _, err := s.CreateStory(c, news.Story{ID: tc.id, Title: "Seed " + tc.id, Updated: tc.updated, Time: tc.time,
			Articles: []news.ArticleRef{{ID: "a-" + tc.id}}}); err != nil {
			t.Fatal(err)
		}
		st, err := s.Story(c, tc.id)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(st.Time, tc.time) {
			t.Errorf("Story(%s).Time = %+v, want %+v", tc.id, st.Time, tc.time)
		}
	}
	list, err := s.Stories(c, store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(list), []string{"new", "old", "undated", "undated2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("order = %v, want %v (newest news first, undated last by ingest time)", got, want)
	}

	// A briefing gives the undated story its headline and time, without
	// marking the story changed.
	before, err := s.Story(c, "undated2")
	if err != nil {
		t.Fatal(err)
	}
	bt := news.StoryTime{Event: "2016-07-01", First: day(2016, 7, 2), Latest: day(2016, 7, 3)}
	if err := s.PutBriefing(c, "undated2", &news.Briefing{Title: "A headline from the briefing", Time: bt}); err != nil {
		t.Fatal(err)
	}
	after, err := s.Story(c, "undated2")
	if err != nil {
		t.Fatal(err)
	}
	if after.Title != "A headline from the briefing" || !reflect.DeepEqual(after.Time, bt) || !after.Updated.Equal(before.Updated) {
		t.Errorf("after PutBriefing: %q %+v updated %v; want the briefing's headline and time, updated %v",
			after.Title, after.Time, after.Updated, before.Updated)
	}
	stale, err := s.StaleStories(c, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range stale {
		if id == "undated2" {
			t.Errorf("StaleStories lists undated2 right after its briefing: %v", stale)
		}
	}
	// An empty headline keeps the story's title.
	if err := s.PutBriefing(c, "old", &news.Briefing{}); err != nil {
		t.Fatal(err)
	}
	if st, err := s.Story(c, "old"); err != nil || st.Title != "Seed old" || !st.Time.IsZero() {
		t.Errorf("Story(old) after an untitled, undated briefing = %q %+v, %v; want title kept and time cleared", st.Title, st.Time, err)
	}
	list, err = s.Stories(c, store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(list), []string{"undated2", "new", "undated", "old"}; !reflect.DeepEqual(got, want) {
		t.Errorf("order after briefings = %v, want %v", got, want)
	}
}
