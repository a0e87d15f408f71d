package storetest

import (
	"bytes"
	"errors"
	"maps"
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

func clusterState(t *testing.T, s store.Store) store.ClusterState {
	t.Helper()
	cs, ok := s.(store.ClusterState)
	if !ok {
		t.Skip("store does not implement store.ClusterState")
	}
	return cs
}

// testClusterState writes state changes and reads them back: replaced
// stories and frequencies, postings newest-limited per term and oldest
// first, terms with any bytes.
func testClusterState(t *testing.T, s store.Store) {
	cs := clusterState(t, s)
	meta, err := cs.ClusterMeta(ctx(t))
	must(t, err)
	if meta != nil {
		t.Fatalf("meta of a new archive = %q, want nil", meta)
	}
	odd := "@na\x00me\xff" // NUL and invalid UTF-8 survive
	must(t, cs.PutClusterState(ctx(t), store.ClusterDelta{
		Meta:    []byte(`{"n":1}`),
		Stories: []store.ClusterStory{{ID: "c1", StoryID: "s-a", Head: []byte{1}, State: []byte{1, 2}, Cache: []byte{7}}, {ID: "c2", StoryID: "s-b", Head: []byte{2}, State: []byte{0}, Cache: []byte{8}}},
		DF:      map[string]int{"storm": 1, odd: 2},
		Postings: []store.ClusterPosting{
			{Term: "storm", Seq: 1, Story: "c1"}, {Term: "storm", Seq: 3, Story: "c2"}, {Term: odd, Seq: 2, Story: "c2"},
		},
	}))
	must(t, cs.PutClusterState(ctx(t), store.ClusterDelta{
		Stories:  []store.ClusterStory{{ID: "c1", StoryID: "s-c", Head: []byte{3}, State: []byte{3}, Cache: []byte{9}}, {ID: "c2", Cache: []byte{10}}},
		DF:       map[string]int{"storm": 5},
		Postings: []store.ClusterPosting{{Term: "storm", Seq: 4, Story: "c1"}},
	}))
	meta, err = cs.ClusterMeta(ctx(t))
	must(t, err)
	if string(meta) != `{"n":1}` {
		t.Errorf("meta = %q: a delta without one must keep it", meta)
	}
	for _, full := range []bool{true, false} {
		sts, err := cs.ClusterStories(ctx(t), []string{"c2", "c1", "absent"}, full)
		must(t, err)
		slices.SortFunc(sts, func(a, b store.ClusterStory) int { return bytes.Compare([]byte(a.ID), []byte(b.ID)) })
		// c2's second write changed its cache alone.
		want := []store.ClusterStory{{ID: "c1", StoryID: "s-c", Head: []byte{3}, State: []byte{3}, Cache: []byte{9}}, {ID: "c2", StoryID: "s-b", Head: []byte{2}, State: []byte{0}, Cache: []byte{10}}}
		if !full {
			want[0].State, want[1].State, want[0].Cache, want[1].Cache = nil, nil, nil, nil
		}
		if !slices.EqualFunc(sts, want, func(a, b store.ClusterStory) bool {
			return a.ID == b.ID && a.StoryID == b.StoryID && bytes.Equal(a.Head, b.Head) && bytes.Equal(a.State, b.State) &&
				(a.State == nil) == (b.State == nil) && bytes.Equal(a.Cache, b.Cache)
		}) {
			t.Errorf("ClusterStories(full %v) = %+v, want %+v", full, sts, want)
		}
	}
	df, err := cs.ClusterDF(ctx(t), []string{"storm", odd, "never"})
	must(t, err)
	if wantDF := map[string]int{"storm": 5, odd: 2}; !maps.Equal(df, wantDF) {
		t.Errorf("ClusterDF = %v, want %v", df, wantDF)
	}
	for _, tc := range []struct {
		limit int
		want  []store.ClusterPosting
	}{
		{0, []store.ClusterPosting{{Term: "storm", Seq: 1, Story: "c1"}, {Term: "storm", Seq: 3, Story: "c2"}, {Term: "storm", Seq: 4, Story: "c1"}, {Term: odd, Seq: 2, Story: "c2"}}},
		{2, []store.ClusterPosting{{Term: "storm", Seq: 3, Story: "c2"}, {Term: "storm", Seq: 4, Story: "c1"}, {Term: odd, Seq: 2, Story: "c2"}}},
	} {
		got, err := cs.ClusterPostings(ctx(t), []string{"storm", odd, "never"}, tc.limit)
		must(t, err)
		if !slices.Equal(got, tc.want) {
			t.Errorf("ClusterPostings(limit %d) = %+v, want %+v", tc.limit, got, tc.want)
		}
	}
}

// testClusterPlace checks that Place writes a decision with its state:
// a creation, an assignment with a merge, an already-merged story
// skipped, and nothing at all when the decision fails.
func testClusterPlace(t *testing.T, s store.Store) {
	cs := clusterState(t, s)
	for _, id := range []string{"p-1", "p-2", "p-3", "p-4"} {
		putDoc(t, s, id, "Place "+id, "Body "+id+".")
	}
	delta := func(n string) store.ClusterDelta {
		return store.ClusterDelta{Meta: []byte(n), Stories: []store.ClusterStory{{ID: "c" + n, StoryID: "x", State: []byte(n)}}} // head and cache nil: stored empty
	}
	a, err := cs.Place(ctx(t), store.Placement{ArticleID: "p-1", Create: &news.Story{Title: "one", Follows: "s-old"}, State: delta("1")})
	must(t, err)
	if a.StoryID != store.StoryIDFor("p-1") || !a.Created {
		t.Fatalf("create: %+v", a)
	}
	b, err := cs.Place(ctx(t), store.Placement{ArticleID: "p-2", Create: &news.Story{Title: "two"}, State: delta("2")})
	must(t, err)
	c, err := cs.Place(ctx(t), store.Placement{ArticleID: "p-3", StoryID: a.StoryID, Merge: []string{b.StoryID}, State: delta("3")})
	must(t, err)
	if c.StoryID != a.StoryID || c.Created || !slices.Equal(c.Merged, []string{b.StoryID}) {
		t.Errorf("assign and merge: %+v", c)
	}
	d, err := cs.Place(ctx(t), store.Placement{ArticleID: "p-4", StoryID: b.StoryID, Merge: []string{a.StoryID}, State: delta("4")})
	must(t, err)
	if len(d.Merged) != 0 {
		t.Errorf("a merge already made was made again: %+v", d)
	}
	st, err := s.Story(ctx(t), a.StoryID)
	must(t, err)
	if len(st.Articles) != 4 || st.Follows != "s-old" {
		t.Errorf("story after placements: %d articles, follows %q", len(st.Articles), st.Follows)
	}
	_, err = cs.Place(ctx(t), store.Placement{ArticleID: "absent", StoryID: a.StoryID, State: delta("5")})
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("placing an absent article: %v, want ErrNotFound", err)
	}
	// An article placed already (by another process) is refused, with
	// or without a merge, and nothing is written.
	for _, p := range []store.Placement{
		{ArticleID: "p-2", Create: &news.Story{Title: "again"}, State: delta("5")},
		{ArticleID: "p-3", StoryID: a.StoryID, State: delta("5")},
		{ArticleID: "p-4", StoryID: a.StoryID, Merge: []string{b.StoryID}, State: delta("5")},
	} {
		if _, err := cs.Place(ctx(t), p); !errors.Is(err, store.ErrPlaced) {
			t.Errorf("placing %s again: %v, want ErrPlaced", p.ArticleID, err)
		}
	}
	meta, err := cs.ClusterMeta(ctx(t))
	must(t, err)
	sts, err := cs.ClusterStories(ctx(t), []string{"c4", "c5"}, false)
	must(t, err)
	if string(meta) != "4" || len(sts) != 1 {
		t.Errorf("state after a failed placement: meta %q, %d stories; want the last good one", meta, len(sts))
	}
}
