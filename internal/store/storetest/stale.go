package storetest

import (
	"reflect"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

// testStaleMerge checks StaleStories across briefings and a merge: the
// limit holds, oldest change first; a briefing makes its story current;
// a merge makes the survivor stale and the merged story gone from the
// list; a briefing put by the merged story's id (an alias now) makes the
// survivor current again.
func testStaleMerge(t *testing.T, s store.Store) {
	c := ctx(t)
	stale := func(limit int, want ...string) {
		t.Helper()
		got, err := s.StaleStories(c, limit)
		if err != nil || len(got) != len(want) || (len(want) > 0 && !reflect.DeepEqual(got, want)) {
			t.Errorf("StaleStories(%d) = %v, %v; want %v", limit, got, err, want)
		}
	}
	putDoc(t, s, "sm1", "Dam levels fall", "The reservoir fell to a record low.")
	putDoc(t, s, "sm2", "Reservoir at record low", "Water levels in the reservoir fell again.")
	a, _, err := s.CreateStory(c, news.Story{Title: "dam", Articles: []news.ArticleRef{{ID: "sm1"}}})
	must(t, err)
	b, _, err := s.CreateStory(c, news.Story{Title: "reservoir", Articles: []news.ArticleRef{{ID: "sm2"}}})
	must(t, err)
	all, err := s.StaleStories(c, 10)
	if err != nil || len(all) != 2 {
		t.Fatalf("StaleStories of two new stories = %v, %v; want both", all, err)
	}
	stale(1, all[0])
	must(t, s.PutBriefing(c, a, &news.Briefing{StoryID: a, Title: "Dam levels fall"}))
	stale(10, b)
	must(t, s.PutBriefing(c, b, &news.Briefing{StoryID: b, Title: "Reservoir at record low"}))
	stale(10)
	must(t, s.MergeStories(c, a, b))
	stale(10, a)
	must(t, s.PutBriefing(c, b, &news.Briefing{StoryID: a, Title: "Reservoir at record low"}))
	stale(10)
}
