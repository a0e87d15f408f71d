package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

// clockAt is the fixed clock testClock opens its store with: years from
// the real clock and from every time the suite writes, and with whole
// microseconds, so that a time stamped with it reads back equal.
var clockAt = time.Date(2031, 5, 6, 7, 8, 9, 123456000, time.UTC)

// testClock checks that a store opened with a clock (store.Options.Now)
// stamps every time it records itself with that clock, not the real one
// nor the database server's: a story's Updated when none is given, or
// when it is assigned an article or merged into, a briefing's, a
// rejection's. s was opened with a clock that always says clockAt.
func testClock(t *testing.T, s store.Store) {
	c := ctx(t)
	old := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC) // before clockAt
	n := 0
	// story creates a story of one new article, updated at the given
	// time (zero: the store's clock), and returns its id.
	story := func(t *testing.T, updated time.Time) string {
		t.Helper()
		n++
		id := fmt.Sprintf("clk-%d", n)
		putDoc(t, s, "a-"+id, "Clock article "+id, "Body of "+id+".")
		if _, _, err := s.CreateStory(c, news.Story{ID: id, Title: "Clock " + id, Updated: updated,
			Articles: []news.ArticleRef{{ID: "a-" + id}}}); err != nil {
			t.Fatal(err)
		}
		return id
	}
	updated := func(id string) (time.Time, error) {
		st, err := s.Story(c, id)
		return st.Updated, err
	}
	for _, tc := range []struct {
		name string
		// stamp does one write and reads back the time it recorded.
		stamp func(t *testing.T) (time.Time, error)
	}{
		{"CreateStory without Updated", func(t *testing.T) (time.Time, error) {
			return updated(story(t, time.Time{}))
		}},
		{"UpdateStory without Updated", func(t *testing.T) (time.Time, error) {
			id := story(t, old)
			if err := s.UpdateStory(c, news.Story{ID: id, Title: "Retitled"}); err != nil {
				return time.Time{}, err
			}
			return updated(id)
		}},
		{"AssignStory", func(t *testing.T) (time.Time, error) {
			id := story(t, old)
			putDoc(t, s, "a-"+id+"-more", "Clock article more", "Another body.")
			if err := s.AssignStory(c, "a-"+id+"-more", id); err != nil {
				return time.Time{}, err
			}
			return updated(id)
		}},
		{"MergeStories", func(t *testing.T) (time.Time, error) {
			into, from := story(t, old), story(t, old)
			if err := s.MergeStories(c, into, from); err != nil {
				return time.Time{}, err
			}
			return updated(into)
		}},
		{"PutBriefing", func(t *testing.T) (time.Time, error) {
			id := story(t, old)
			if err := s.PutBriefing(c, id, &news.Briefing{Title: "Clock briefing"}); err != nil {
				return time.Time{}, err
			}
			_, info, err := s.Briefing(c, id)
			return info.Updated, err
		}},
		{"RecordRejected", func(t *testing.T) (time.Time, error) {
			if err := s.RecordRejected(c, "in/clock.html", "clock test"); err != nil {
				return time.Time{}, err
			}
			got, err := s.Rejected(c, store.ListOptions{Limit: 1})
			if err != nil || len(got) != 1 {
				return time.Time{}, fmt.Errorf("rejected = %+v, %v; want one", got, err)
			}
			return got[0].At, nil
		}},
		{"Place creating", func(t *testing.T) (time.Time, error) {
			cs := clusterState(t, s)
			putDoc(t, s, "clk-place-1", "Clock place", "Placed body.")
			p, err := cs.Place(c, store.Placement{ArticleID: "clk-place-1", Create: &news.Story{Title: "Placed"}})
			if err != nil {
				return time.Time{}, err
			}
			return updated(p.StoryID)
		}},
		{"Place assigning", func(t *testing.T) (time.Time, error) {
			cs := clusterState(t, s)
			id := story(t, old)
			putDoc(t, s, "clk-place-2", "Clock place two", "Placed body two.")
			if _, err := cs.Place(c, store.Placement{ArticleID: "clk-place-2", StoryID: id}); err != nil {
				return time.Time{}, err
			}
			return updated(id)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.stamp(t)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(clockAt) {
				t.Errorf("stamped %v, want the store's clock %v", got, clockAt)
			}
		})
	}
}
