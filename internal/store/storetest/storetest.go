// Package storetest is the conformance suite every store.Store
// implementation passes. An implementation's test calls Run with a function
// that opens its store; the suite runs named subtests against it.
//
//	func TestConformance(t *testing.T) {
//		dir := t.TempDir()
//		storetest.Run(t, func(t testing.TB, name string, o store.Options) store.Store {
//			s, err := sqlite.OpenWith(context.Background(), filepath.Join(dir, name+".db"), o)
//			...
//		})
//	}
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

// Opener returns a store over the storage called name (a short lowercase
// identifier), created empty the first time the name is used. Called again
// with the same name, after the suite closed the first store, it must open
// the same data again (this checks that reopening, and so re-running the
// migrations, keeps everything); it may also be called while the first
// store is open, as a second process would open the same archive. The
// store must be opened with o (its clock). The Opener should close the
// store in t.Cleanup; Close is idempotent.
type Opener func(t testing.TB, name string, o store.Options) store.Store

// Run runs the conformance suite.
func Run(t *testing.T, open Opener) {
	var n atomic.Int64
	fresh := func(t *testing.T) (store.Store, string) {
		name := fmt.Sprintf("c%03d", n.Add(1))
		return open(t, name, store.Options{}), name
	}
	for _, tc := range []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"PutGetRoundTrip", testRoundTrip},
		{"IdempotentPut", testIdempotent},
		{"IDConflict", testIDConflict},
		{"DefaultID", testDefaultID},
		{"NotFound", testNotFound},
		{"RawKeptByteExact", testRaw},
		{"UpdateArticle", testUpdateArticle},
		{"StoriesOrder", testStoriesOrder},
		{"StoryTime", testStoryTime},
		{"AssignAndMerge", testAssignMerge},
		{"CreateStoryRace", testCreateStoryRace},
		{"StoryFollows", testStoryFollows},
		{"BriefingRoundTrip", testBriefing},
		{"StaleAcrossMerge", testStaleMerge},
		{"Search", testSearch},
		{"RejectedLog", testRejected},
		{"ConcurrentPut", testConcurrentPut},
		{"ConcurrentStoryWrites", testConcurrentStories},
		{"Stats", testStats},
		{"ArticlesInIngestOrder", testArticles},
		{"ArticlesAfter", testArticlesAfter},
		{"BriefQueue", testBriefQueue},
		{"BriefQueueMerge", testBriefQueueMerge},
		{"ClusterState", testClusterState},
		{"ClusterPlace", testClusterPlace},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := fresh(t)
			tc.fn(t, s)
		})
	}
	t.Run("ReopenKeepsData", func(t *testing.T) {
		s, name := fresh(t)
		testReopen(t, s, func() store.Store { return open(t, name, store.Options{}) })
	})
	t.Run("ClusterLock", func(t *testing.T) {
		s, name := fresh(t)
		testClusterLock(t, s, func() store.Store { return open(t, name, store.Options{}) })
	})
	t.Run("ClusterLockClose", func(t *testing.T) {
		s, name := fresh(t)
		testClusterLockClose(t, s, func() store.Store { return open(t, name, store.Options{}) })
	})
	t.Run("BriefQueueClaimOnce", func(t *testing.T) {
		s, name := fresh(t)
		testBriefClaimOnce(t, s, open(t, name, store.Options{}))
	})
	t.Run("ArticleClaims", func(t *testing.T) {
		s, name := fresh(t)
		testClaims(t, s, func() store.Store { return open(t, name, store.Options{}) })
	})
	t.Run("Clock", func(t *testing.T) {
		testClock(t, open(t, fmt.Sprintf("c%03d", n.Add(1)), store.Options{Now: func() time.Time { return clockAt }}))
	})
	t.Run("UseAfterClose", func(t *testing.T) {
		s, _ := fresh(t)
		testClosed(t, s)
	})
}

// doc builds a small synthetic article and the raw input it came from.
// Nothing here is third-party text.
func doc(id, title string, paras ...string) (news.Raw, *news.Article) {
	text := title + "\n\n" + strings.Join(paras, "\n\n")
	raw := news.Raw{ID: id, Input: "mem/" + id + ".txt", Outlet: "Example Wire", Text: text, Bytes: []byte(text)}
	a := &news.Article{
		ID:            id,
		Input:         raw.Input,
		URL:           "https://example.org/" + id,
		Outlet:        "Example Wire",
		OutletFrom:    "caller",
		Title:         title,
		Byline:        []string{"A. Writer"},
		Published:     "2026-03-04",
		PublishedFrom: "caller",
		Language:      "en",
		Paragraphs:    paras,
		Removed:       []news.Removed{{Text: "Share this", Reason: "share-line", Line: 2}},
		Sentences:     []news.Span{{Start: 0, End: len(paras[0])}},
		Entities:      []news.Entity{{Name: "Mira Solberg", Type: news.Person, Mentions: []news.Mention{{Text: "Solberg", Start: 0, End: 7}}}},
		Quotes:        []news.Quote{{Text: "we are ready", Speaker: "Mira Solberg", Cue: "said", Start: 1, End: 13}},
		Times:         []news.Time{{Text: "Tuesday", Value: "2026-03-03", Relative: true, Start: 2, End: 9}},
		Quantities:    []news.Quantity{{Text: "nearly 40 tonnes", Value: 40, Unit: "tonne", Qualifier: news.Approximate, Start: 3, End: 19}},
	}
	return raw, a
}

func ctx(t testing.TB) context.Context { return t.Context() }

func put(t testing.TB, s store.Store, raw news.Raw, a *news.Article) string {
	t.Helper()
	id, added, err := s.PutArticle(ctx(t), raw, a)
	if err != nil {
		t.Fatalf("PutArticle(%q): %v", a.ID, err)
	}
	if !added {
		t.Fatalf("PutArticle(%q): added = false on first put", a.ID)
	}
	return id
}

func putDoc(t testing.TB, s store.Store, id, title string, paras ...string) string {
	t.Helper()
	raw, a := doc(id, title, paras...)
	return put(t, s, raw, a)
}

func testRoundTrip(t *testing.T, s store.Store) {
	raw, a := doc("rt1", "Harbour cranes idle after storm", "Port workers said the cranes stood idle.", "Repairs begin Tuesday.")
	id := put(t, s, raw, a)
	if id != "rt1" {
		t.Errorf("id = %q, want the caller's id %q", id, "rt1")
	}
	got, err := s.Article(ctx(t), id)
	if err != nil {
		t.Fatal(err)
	}
	want := *a
	want.Hash = store.Hash(raw)
	// A decoded article has its body joined once (news.Article.JoinBody).
	want.Paragraphs = append([]string(nil), a.Paragraphs...)
	want.JoinBody()
	if !reflect.DeepEqual(got, &want) {
		t.Errorf("Article round trip:\n got %+v\nwant %+v", got, &want)
	}
	if a.Hash != "" {
		t.Errorf("PutArticle modified its argument: Hash = %q", a.Hash)
	}
}

func testIdempotent(t *testing.T, s store.Store) {
	raw, a := doc("dup1", "Ferry timetable changes", "The ferry will sail twice a day.")
	id := put(t, s, raw, a)
	for _, tc := range []struct {
		name string
		id   string
	}{
		{"same id", "dup1"},
		{"other caller id", "dup2"},
		{"no id", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := *a
			b.ID = tc.id
			got, added, err := s.PutArticle(ctx(t), raw, &b)
			if err != nil {
				t.Fatal(err)
			}
			if added || got != id {
				t.Errorf("re-put = (%q, added=%v), want (%q, false)", got, added, id)
			}
		})
	}
	if st, err := s.Stats(ctx(t)); err != nil || st.Articles != 1 {
		t.Errorf("Stats = %+v, %v; want 1 article", st, err)
	}
}

func testIDConflict(t *testing.T, s store.Store) {
	putDoc(t, s, "same", "First text", "One body.")
	raw, a := doc("same", "Second text", "Another body.")
	_, _, err := s.PutArticle(ctx(t), raw, a)
	if !errors.Is(err, store.ErrIDConflict) {
		t.Errorf("PutArticle with a used id and new content: err = %v, want ErrIDConflict", err)
	}
	if err != nil && strings.Count(err.Error(), `"same"`) != 1 {
		t.Errorf("PutArticle with a used id: error %q names the id %d times, want once", err, strings.Count(err.Error(), `"same"`))
	}
}

func testDefaultID(t *testing.T, s store.Store) {
	raw, a := doc("", "Untitled wire copy", "A body without a caller id.")
	id := put(t, s, raw, a)
	h := store.Hash(raw)
	if id != h[:16] {
		t.Errorf("id = %q, want hash prefix %q", id, h[:16])
	}
	got, err := s.Article(ctx(t), id)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != id || got.Hash != h {
		t.Errorf("stored ID/Hash = %q/%q, want %q/%q", got.ID, got.Hash, id, h)
	}
}

func testNotFound(t *testing.T, s store.Store) {
	putDoc(t, s, "nf1", "Present article", "It exists.")
	c := ctx(t)
	for _, tc := range []struct {
		name string
		call func() error
	}{
		{"Article", func() error { _, err := s.Article(c, "missing"); return err }},
		{"RawInput", func() error { _, err := s.RawInput(c, "missing"); return err }},
		{"ArticleStory", func() error { _, err := s.ArticleStory(c, "missing"); return err }},
		{"Story", func() error { _, err := s.Story(c, "missing"); return err }},
		{"StoryArticles", func() error { _, err := s.StoryArticles(c, "missing"); return err }},
		{"Briefing", func() error { _, _, err := s.Briefing(c, "missing"); return err }},
		{"PutBriefing", func() error { return s.PutBriefing(c, "missing", &news.Briefing{}) }},
		{"UpdateStory", func() error { return s.UpdateStory(c, news.Story{ID: "missing", Title: "x"}) }},
		{"UpdateArticle", func() error { return s.UpdateArticle(c, &news.Article{ID: "missing"}) }},
		{"AssignStory missing story", func() error { return s.AssignStory(c, "nf1", "missing") }},
		{"AssignStory missing article", func() error {
			sid, _, err := s.CreateStory(c, news.Story{Title: "t"})
			if err != nil {
				return err
			}
			return s.AssignStory(c, "missing", sid)
		}},
		{"UpdateStory", func() error { return s.UpdateStory(c, news.Story{ID: "missing", Title: "t"}) }},
		{"MergeStories", func() error { return s.MergeStories(c, "missing", "missing2") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.call(); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("err = %v, want ErrNotFound", err)
			}
		})
	}
	t.Run("Story briefing absent", func(t *testing.T) {
		sid, _, err := s.CreateStory(c, news.Story{Title: "unbriefed"})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.Briefing(c, sid); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Briefing of an unbriefed story: err = %v, want ErrNotFound", err)
		}
	})
}

func testRaw(t *testing.T, s store.Store) {
	html := "<html><body><p>Caf\xe9 \x00 opens</p></body></html>\r\n"
	for _, tc := range []struct {
		name string
		raw  news.Raw
	}{
		{"latin1 html with NUL", news.Raw{Input: "a.html", URL: "https://example.org/a", HTML: "<html><body><p>Café \x00 opens</p></body></html>\r\n", Bytes: []byte(html)}},
		{"text equal to bytes", news.Raw{Input: "b.txt", Title: "Bee", Published: "2026-01-02", Text: "line one\r\nline two\n", Bytes: []byte("line one\r\nline two\n")}},
		{"html equal to bytes", news.Raw{Input: "c.html", HTML: "<p>see</p>", Bytes: []byte("<p>see</p>")}},
		{"nil bytes", news.Raw{ID: "x", Input: "jsonl#3", Outlet: "O", Text: "synthetic only"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, a := doc("", "Raw "+tc.name, "Body of "+tc.name+".")
			id, _, err := s.PutArticle(ctx(t), tc.raw, a)
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.RawInput(ctx(t), id)
			if err != nil {
				t.Fatal(err)
			}
			if string(got.Bytes) != string(tc.raw.Bytes) || (got.Bytes == nil) != (tc.raw.Bytes == nil) {
				t.Errorf("Bytes = %q, want %q", got.Bytes, tc.raw.Bytes)
			}
			got.Bytes, tc.raw.Bytes = nil, nil
			if !reflect.DeepEqual(got, tc.raw) {
				t.Errorf("RawInput metadata:\n got %+v\nwant %+v", got, tc.raw)
			}
		})
	}
}

func testUpdateArticle(t *testing.T, s store.Store) {
	raw, a := doc("up1", "Lighthouse keeper retires", "The lighthouse keeper retired after forty years.")
	put(t, s, raw, a)
	b := *a
	b.Title = "Beacon volunteer honoured"
	b.Paragraphs = []string{"The beacon volunteer was honoured by the town."}
	if err := s.UpdateArticle(ctx(t), &b); err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx(t), "up1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != b.Title || got.Hash != store.Hash(raw) {
		t.Errorf("after update: title %q hash %q, want %q and the original hash", got.Title, got.Hash, b.Title)
	}
	if hits, err := s.Search(ctx(t), "beacon", 10); err != nil || len(hits) != 1 {
		t.Errorf("Search(beacon) after update = %v, %v; want 1 hit", hits, err)
	}
	if hits, err := s.Search(ctx(t), "lighthouse", 10); err != nil || len(hits) != 0 {
		t.Errorf("Search(lighthouse) after update = %v, %v; want none", hits, err)
	}
	if r, err := s.RawInput(ctx(t), "up1"); err != nil || string(r.Bytes) != string(raw.Bytes) {
		t.Errorf("raw input changed by UpdateArticle: %v", err)
	}
}

func ids(sts []news.Story) []string {
	out := make([]string, len(sts))
	for i, s := range sts {
		out[i] = s.ID
	}
	return out
}

func refIDs(refs []news.ArticleRef) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.ID
	}
	return out
}

func testStoriesOrder(t *testing.T, s store.Store) {
	c := ctx(t)
	base := time.Date(2026, 3, 1, 12, 0, 0, 123456000, time.UTC)
	for i, id := range []string{"sa", "sb", "sc"} {
		putDoc(t, s, "a-"+id, "Article for "+id, "Body for "+id+".")
		st := news.Story{ID: id, Title: "Story " + id, Updated: base.Add(time.Duration(i) * time.Hour),
			Articles: []news.ArticleRef{{ID: "a-" + id}}}
		if _, created, err := s.CreateStory(c, st); err != nil || !created {
			t.Fatalf("CreateStory(%s) = %v, %v", id, created, err)
		}
	}
	all, err := s.Stories(c, store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(all), []string{"sc", "sb", "sa"}; !reflect.DeepEqual(got, want) {
		t.Errorf("order = %v, want %v", got, want)
	}
	if len(all) == 3 {
		if !all[0].Updated.Equal(base.Add(2 * time.Hour)) {
			t.Errorf("Updated = %v, want %v", all[0].Updated, base.Add(2*time.Hour))
		}
		if got := all[0].Articles; len(got) != 1 || got[0] != (news.ArticleRef{ID: "a-sc", Input: "mem/a-sc.txt", Outlet: "Example Wire", Title: "Article for sc"}) {
			t.Errorf("refs = %+v", got)
		}
	}
	if err := s.UpdateStory(c, news.Story{ID: "sa", Title: "Renamed", Updated: base.Add(5 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		o    store.ListOptions
		want []string
	}{
		{"first page", store.ListOptions{Limit: 2}, []string{"sa", "sc"}},
		{"second page", store.ListOptions{Limit: 2, Offset: 2}, []string{"sb"}},
		{"past end", store.ListOptions{Limit: 2, Offset: 9}, []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Stories(c, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(append([]string{}, ids(got)...), tc.want) {
				t.Errorf("Stories(%+v) = %v, want %v", tc.o, ids(got), tc.want)
			}
		})
	}
	st, err := s.Story(c, "sa")
	if err != nil || st.Title != "Renamed" {
		t.Errorf("Story(sa) = %+v, %v; want title Renamed", st, err)
	}
}

// testStoryFollows: the link from a later development to the story it
// follows is stored, listed, and outlives a merge of the followed story.
func testStoryFollows(t *testing.T, s store.Store) {
	c := ctx(t)
	for _, id := range []string{"f1", "f2", "f3"} {
		putDoc(t, s, id, "Follows article "+id, "Text of "+id+".")
	}
	first, _, err := s.CreateStory(c, news.Story{Title: "release the report", Articles: []news.ArticleRef{{ID: "f1"}}})
	must(t, err)
	later, _, err := s.CreateStory(c, news.Story{Title: "chair should resign", Articles: []news.ArticleRef{{ID: "f2"}}, Follows: first})
	must(t, err)
	if st, err := s.Story(c, later); err != nil || st.Follows != first {
		t.Errorf("Story(later).Follows = %q, %v; want %q", st.Follows, err, first)
	}
	if st, err := s.Story(c, first); err != nil || st.Follows != "" {
		t.Errorf("Story(first).Follows = %q, %v; want none", st.Follows, err)
	}
	sts, err := s.Stories(c, store.ListOptions{})
	must(t, err)
	follows := map[string]string{}
	for _, st := range sts {
		follows[st.ID] = st.Follows
	}
	if follows[later] != first || follows[first] != "" {
		t.Errorf("Stories follows = %v, want %s -> %s", follows, later, first)
	}
	other, _, err := s.CreateStory(c, news.Story{Title: "report released", Articles: []news.ArticleRef{{ID: "f3"}}})
	must(t, err)
	must(t, s.MergeStories(c, other, first))
	st, err := s.Story(c, later)
	must(t, err)
	if got, err := s.Story(c, st.Follows); err != nil || got.ID != other {
		t.Errorf("followed story after merge = %q, %v; want the survivor %q", got.ID, err, other)
	}
}

func testAssignMerge(t *testing.T, s store.Store) {
	c := ctx(t)
	for _, id := range []string{"m1", "m2", "m3", "m4"} {
		putDoc(t, s, id, "Merge article "+id, "Text of "+id+".")
	}
	s1, _, err := s.CreateStory(c, news.Story{Title: "one", Articles: []news.ArticleRef{{ID: "m1"}}})
	if err != nil {
		t.Fatal(err)
	}
	if s1 != store.StoryIDFor("m1") {
		t.Errorf("seeded story id = %q, want StoryIDFor(m1) = %q", s1, store.StoryIDFor("m1"))
	}
	s2, _, err := s.CreateStory(c, news.Story{Title: "two", Articles: []news.ArticleRef{{ID: "m2"}, {ID: "m3"}}})
	if err != nil {
		t.Fatal(err)
	}
	must(t, s.AssignStory(c, "m4", s1))
	must(t, s.AssignStory(c, "m3", s1)) // move
	must(t, s.AssignStory(c, "m3", s1)) // no-op
	checkRefs(t, s, s1, []string{"m1", "m4", "m3"})
	checkRefs(t, s, s2, []string{"m2"})
	if sid, err := s.ArticleStory(c, "m3"); err != nil || sid != s1 {
		t.Errorf("ArticleStory(m3) = %q, %v; want %q", sid, err, s1)
	}
	must(t, s.PutBriefing(c, s2, &news.Briefing{Title: "two"}))

	must(t, s.MergeStories(c, s1, s2))
	checkRefs(t, s, s1, []string{"m1", "m4", "m3", "m2"})
	st, err := s.Story(c, s2)
	if err != nil || st.ID != s1 {
		t.Errorf("Story(merged-away id) = %q, %v; want the survivor %q", st.ID, err, s1)
	}
	if _, _, err := s.Briefing(c, s2); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("briefing of merged-away story: err = %v, want ErrNotFound", err)
	}
	if sts, err := s.Stories(c, store.ListOptions{}); err != nil || len(sts) != 1 {
		t.Errorf("Stories after merge = %v, %v; want 1", ids(sts), err)
	}
	// The old id keeps resolving for writes too, and cannot be re-created.
	must(t, s.AssignStory(c, "m2", s2))
	if id, created, err := s.CreateStory(c, news.Story{ID: s2}); err != nil || created || id != s2 {
		t.Errorf("CreateStory(merged-away id) = %q, %v, %v; want not created", id, created, err)
	}
	if err := s.MergeStories(c, s1, s2); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("merge into itself: err = %v, want ErrInvalid", err)
	}
	// A chain: s3 merged into s1 after s2 was; then s1 into s4.
	s4, _, err := s.CreateStory(c, news.Story{Title: "four"})
	if err != nil {
		t.Fatal(err)
	}
	must(t, s.MergeStories(c, s4, s1))
	for _, id := range []string{s1, s2} {
		if st, err := s.Story(c, id); err != nil || st.ID != s4 || len(st.Articles) != 4 {
			t.Errorf("Story(%q) after chain merge = %q with %d articles, %v; want %q with 4", id, st.ID, len(st.Articles), err, s4)
		}
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func checkRefs(t testing.TB, s store.Store, storyID string, want []string) {
	t.Helper()
	st, err := s.Story(ctx(t), storyID)
	if err != nil {
		t.Fatalf("Story(%q): %v", storyID, err)
	}
	if got := refIDs(st.Articles); !reflect.DeepEqual(got, want) {
		t.Errorf("Story(%q) articles = %v, want %v", storyID, got, want)
	}
	arts, err := s.StoryArticles(ctx(t), storyID)
	if err != nil {
		t.Fatalf("StoryArticles(%q): %v", storyID, err)
	}
	got := make([]string, len(arts))
	for i, a := range arts {
		got[i] = a.ID
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("StoryArticles(%q) = %v, want %v", storyID, got, want)
	}
}

func testCreateStoryRace(t *testing.T, s store.Store) {
	putDoc(t, s, "seed", "Seed article", "The seed of a story.")
	const n = 8
	var (
		wg      sync.WaitGroup
		created atomic.Int64
		mu      sync.Mutex
		got     = map[string]bool{}
	)
	for range n {
		wg.Go(func() {
			id, ok, err := s.CreateStory(ctx(t), news.Story{Title: "race", Articles: []news.ArticleRef{{ID: "seed"}}})
			if err != nil {
				t.Error(err)
				return
			}
			if ok {
				created.Add(1)
			}
			mu.Lock()
			got[id] = true
			mu.Unlock()
		})
	}
	wg.Wait()
	if created.Load() != 1 || len(got) != 1 {
		t.Errorf("%d concurrent creations from one seed: created %d, ids %v; want 1 and 1", n, created.Load(), got)
	}
}

func testBriefing(t *testing.T, s store.Store) {
	c := ctx(t)
	putDoc(t, s, "b1", "Bridge reopens", "The bridge reopened on Monday.")
	putDoc(t, s, "b2", "Bridge traffic", "Traffic returned to the bridge.")
	sid, _, err := s.CreateStory(c, news.Story{Title: "bridge", Articles: []news.ArticleRef{{ID: "b1"}}})
	if err != nil {
		t.Fatal(err)
	}
	if stale, err := s.StaleStories(c, 10); err != nil || !reflect.DeepEqual(stale, []string{sid}) {
		t.Errorf("StaleStories before briefing = %v, %v; want [%s]", stale, err, sid)
	}
	b := &news.Briefing{
		StoryID: sid, Title: "Bridge reopens", Date: "2026-03-02",
		Sources:       []news.Source{{ID: "b1", Outlet: "Example Wire", Title: "Bridge reopens", SyndicatedWith: []string{}}},
		Summary:       []news.Cited{{Text: "The bridge reopened.", Sources: []string{"b1"}, Evidence: map[string]string{"b1": "The bridge reopened on Monday."}}},
		Quotes:        []news.QuoteGroup{{Speaker: "Mira Solberg", Text: "we are ready", Sources: []string{"b1"}, Agreement: news.Single, Variants: []news.Variant{{Source: "b1", Text: "we are ready"}}}},
		Discrepancies: []news.Discrepancy{{Kind: news.KindDate, About: "reopening", Claims: []news.Claim{{Source: "b1", Text: "Monday", Value: "2026-03-02"}}}},
		Timeline:      []news.Event{{Date: "2026-03-02", Text: "Reopened", Sources: []string{"b1"}}},
		Entities:      []news.EntityRef{{Name: "Mira Solberg", Type: news.Person, Sources: []string{"b1"}}},
	}
	before := time.Now().Add(-time.Second)
	must(t, s.PutBriefing(c, sid, b))
	got, info, err := s.Briefing(c, sid)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, b) {
		t.Errorf("briefing round trip:\n got %+v\nwant %+v", got, b)
	}
	if info.Version != 1 || info.Updated.Before(before) {
		t.Errorf("info = %+v, want version 1 updated after %v", info, before)
	}
	if stale, err := s.StaleStories(c, 10); err != nil || len(stale) != 0 {
		t.Errorf("StaleStories after briefing = %v, %v; want none", stale, err)
	}
	must(t, s.AssignStory(c, "b2", sid))
	if stale, err := s.StaleStories(c, 10); err != nil || !reflect.DeepEqual(stale, []string{sid}) {
		t.Errorf("StaleStories after a new member = %v, %v; want [%s]", stale, err, sid)
	}
	b2 := *b
	b2.Title = "Bridge reopens to traffic"
	must(t, s.PutBriefing(c, sid, &b2))
	got, info, err = s.Briefing(c, sid)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != b2.Title || info.Version != 2 {
		t.Errorf("second briefing = %q v%d, want %q v2", got.Title, info.Version, b2.Title)
	}
}

func testSearch(t *testing.T, s store.Store) {
	c := ctx(t)
	putDoc(t, s, "s1", "Glacier retreat measured", "Scientists measured the glacier retreat with drones.")
	putDoc(t, s, "s2", "Orchard harvest", "Farmers reported an early orchard harvest. The glacier feeds the valley.")
	putDoc(t, s, "s3", "Tram line extended", "The city extended its tram line to the airport.")
	sid, _, err := s.CreateStory(c, news.Story{Title: "glacier", Articles: []news.ArticleRef{{ID: "s1"}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		query string
		limit int
		want  []string // sorted article ids expected (any order)
	}{
		{"body word", "drones", 10, []string{"s1"}},
		{"title and body", "glacier", 10, []string{"s1", "s2"}},
		{"limit", "glacier", 1, nil},
		{"every word must match", "glacier orchard", 10, []string{"s2"}},
		{"case insensitive", "TRAM", 10, []string{"s3"}},
		{"no match", "submarine", 10, []string{}},
		{"operators are plain words", `tram OR "NEAR" * ( - :`, 10, []string{}},
		{"empty", "  ", 10, []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := s.Search(c, tc.query, tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			if tc.want == nil {
				if len(hits) != tc.limit {
					t.Errorf("len(hits) = %d, want limit %d", len(hits), tc.limit)
				}
				return
			}
			got := map[string]bool{}
			for _, h := range hits {
				got[h.ArticleID] = true
			}
			if len(hits) != len(tc.want) || len(got) != len(tc.want) {
				t.Fatalf("Search(%q) = %+v, want ids %v", tc.query, hits, tc.want)
			}
			for _, id := range tc.want {
				if !got[id] {
					t.Errorf("Search(%q) misses %s: %+v", tc.query, id, hits)
				}
			}
		})
	}
	hits, err := s.Search(c, "drones", 10)
	if err != nil || len(hits) != 1 {
		t.Fatalf("Search(drones) = %v, %v", hits, err)
	}
	h := hits[0]
	if h.StoryID != sid || h.Title != "Glacier retreat measured" || h.Outlet != "Example Wire" || h.Published != "2026-03-04" || !strings.Contains(h.Snippet, "[drones]") {
		t.Errorf("hit = %+v, want story %q, title, outlet, publication date and a snippet marking [drones]", h, sid)
	}
	hits, err = s.Search(c, "glacier", 10)
	if err != nil || len(hits) != 2 || hits[0].ArticleID != "s1" || hits[0].Rank < hits[1].Rank {
		t.Errorf("Search(glacier) = %+v; want the title match s1 ranked first", hits)
	}
}

func testRejected(t *testing.T, s store.Store) {
	c := ctx(t)
	for i := range 3 {
		must(t, s.RecordRejected(c, fmt.Sprintf("in/%d.html", i), fmt.Sprintf("reason %d", i)))
	}
	got, err := s.Rejected(c, store.ListOptions{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Input != "in/2.html" || got[0].Reason != "reason 2" || got[1].Input != "in/1.html" || got[0].At.IsZero() {
		t.Errorf("Rejected(limit 2) = %+v, want in/2 then in/1", got)
	}
	got, err = s.Rejected(c, store.ListOptions{Offset: 2})
	if err != nil || len(got) != 1 || got[0].Input != "in/0.html" {
		t.Errorf("Rejected(offset 2) = %+v, %v; want in/0", got, err)
	}
}

func testConcurrentPut(t *testing.T, s store.Store) {
	const n = 8
	var (
		wg    sync.WaitGroup
		added atomic.Int64
	)
	ids := make([]string, n)
	for i := range n {
		wg.Go(func() {
			raw, a := doc("cc", "Concurrent copy", "The same document arrives from every goroutine.")
			id, ok, err := s.PutArticle(ctx(t), raw, a)
			if err != nil {
				t.Error(err)
				return
			}
			if ok {
				added.Add(1)
			}
			ids[i] = id
		})
	}
	wg.Wait()
	if added.Load() != 1 {
		t.Errorf("%d concurrent puts of one document: %d added, want 1", n, added.Load())
	}
	for _, id := range ids {
		if id != "cc" {
			t.Errorf("ids = %v, want all cc", ids)
			break
		}
	}
}

func testStats(t *testing.T, s store.Store) {
	c := ctx(t)
	putDoc(t, s, "st1", "Stat one", "One.")
	putDoc(t, s, "st2", "Stat two", "Two.")
	sid, _, err := s.CreateStory(c, news.Story{Articles: []news.ArticleRef{{ID: "st1"}}})
	must(t, err)
	must(t, s.PutBriefing(c, sid, &news.Briefing{Title: "x"}))
	must(t, s.RecordRejected(c, "bad", "empty"))
	got, err := s.Stats(c)
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.Stats{Articles: 2, Stories: 1, Briefings: 1, Rejected: 1}); got != want {
		t.Errorf("Stats = %+v, want %+v", got, want)
	}
}

func testReopen(t *testing.T, s store.Store, reopen func() store.Store) {
	raw, a := doc("ro1", "Reopened archive", "Data survives a restart.")
	put(t, s, raw, a)
	sid, _, err := s.CreateStory(ctx(t), news.Story{Title: "kept", Articles: []news.ArticleRef{{ID: "ro1"}}})
	must(t, err)
	must(t, s.Close())
	for i := range 2 {
		s2 := reopen()
		if got, err := s2.Article(ctx(t), "ro1"); err != nil || got.Title != a.Title {
			t.Errorf("reopen %d: Article = %v, %v", i, got, err)
		}
		if st, err := s2.Story(ctx(t), sid); err != nil || len(st.Articles) != 1 {
			t.Errorf("reopen %d: Story = %+v, %v", i, st, err)
		}
		if _, added, err := s2.PutArticle(ctx(t), raw, a); err != nil || added {
			t.Errorf("reopen %d: re-put = added %v, %v; want duplicate", i, added, err)
		}
		must(t, s2.Close())
	}
}

func testClosed(t *testing.T, s store.Store) {
	must(t, s.Close())
	must(t, s.Close())
	raw, a := doc("cl", "Closed", "Closed store.")
	if _, _, err := s.PutArticle(ctx(t), raw, a); !errors.Is(err, store.ErrClosed) {
		t.Errorf("PutArticle after Close: err = %v, want ErrClosed", err)
	}
	if _, err := s.Article(ctx(t), "cl"); !errors.Is(err, store.ErrClosed) {
		t.Errorf("Article after Close: err = %v, want ErrClosed", err)
	}
}

// testConcurrentStories runs assignments, term upserts, briefings and
// merges from several goroutines at once; afterwards every article is in
// exactly one live story and nothing failed but the merges the others made
// pointless.
func testConcurrentStories(t *testing.T, s store.Store) {
	c := ctx(t)
	const arts, workers, rounds = 24, 6, 20
	for i := range arts {
		putDoc(t, s, fmt.Sprintf("w%02d", i), fmt.Sprintf("Worker article %d", i), fmt.Sprintf("Body %d.", i))
	}
	var stories []string
	for i := range 6 {
		id, _, err := s.CreateStory(c, news.Story{Title: fmt.Sprint("story ", i), Articles: []news.ArticleRef{{ID: fmt.Sprintf("w%02d", i)}}})
		must(t, err)
		stories = append(stories, id)
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for r := range rounds {
				k := w*rounds + r
				sid := stories[k%len(stories)]
				art := fmt.Sprintf("w%02d", (k*7)%arts)
				var err error
				switch k % 4 {
				case 0, 1:
					err = s.AssignStory(c, art, sid)
				case 2:
					err = s.UpdateStory(c, news.Story{ID: sid, Title: "t" + fmt.Sprint(k%5)})
				case 3:
					if k%3 == 0 {
						err = s.MergeStories(c, stories[(k+1)%len(stories)], sid)
						if errors.Is(err, store.ErrInvalid) {
							err = nil // both ids already resolve to one story
						}
					} else {
						err = s.PutBriefing(c, sid, &news.Briefing{Title: "b"})
					}
				}
				if err != nil {
					t.Errorf("worker %d round %d: %v", w, r, err)
					return
				}
			}
		})
	}
	wg.Wait()
	live, err := s.Stories(c, store.ListOptions{Limit: store.MaxLimit})
	must(t, err)
	seen := map[string]string{}
	for _, st := range live {
		for _, r := range st.Articles {
			if prev, dup := seen[r.ID]; dup {
				t.Errorf("article %s in stories %s and %s", r.ID, prev, st.ID)
			}
			seen[r.ID] = st.ID
		}
	}
	for id, sid := range seen {
		got, err := s.ArticleStory(c, id)
		if err != nil || got != sid {
			t.Errorf("ArticleStory(%s) = %q, %v; listing says %q", id, got, err, sid)
		}
	}
	for _, id := range stories {
		if _, err := s.Story(c, id); err != nil {
			t.Errorf("story id %s no longer resolves: %v", id, err)
		}
	}
}

// Synthetic returns a made-up article numbered i of about words words (in
// paragraphs of 80) and its raw input, distinct for every i. Benchmarks of
// every backend use it.
func Synthetic(i, words int) (news.Raw, *news.Article) {
	vocab := []string{"harbour", "council", "minister", "said", "on", "Tuesday", "the", "report", "found", "that",
		"prices", "rose", "by", "nearly", "percent", "after", "storm", "closed", "port", "and"}
	var paras []string
	for p := 0; p*80 < words; p++ {
		var b strings.Builder
		fmt.Fprintf(&b, "Paragraph %d of article %d.", p, i)
		for w := range 80 {
			b.WriteByte(' ')
			b.WriteString(vocab[(i+p*7+w*3)%len(vocab)])
		}
		b.WriteByte('.')
		paras = append(paras, b.String())
	}
	text := strings.Join(paras, "\n\n")
	raw := news.Raw{Input: fmt.Sprintf("synthetic/%d.txt", i), Text: text, Bytes: []byte(text)}
	return raw, &news.Article{Input: raw.Input, Title: fmt.Sprintf("Synthetic article %d", i), Outlet: "Synthetic", Paragraphs: paras}
}

func testArticles(t *testing.T, s store.Store) {
	l, ok := s.(store.ArticleLister)
	if !ok {
		t.Skip("store does not implement store.ArticleLister")
	}
	// Ids in an order that is neither sorted nor reverse-sorted.
	want := []string{"o-m", "o-z", "o-a", "o-q"}
	for _, id := range want {
		putDoc(t, s, id, "Order "+id, "Body "+id+".")
	}
	got, err := l.Articles(ctx(t), store.ListOptions{})
	must(t, err)
	if !reflect.DeepEqual(refIDs(got), want) {
		t.Errorf("Articles = %v, want ingest order %v", refIDs(got), want)
	}
	if len(got) > 0 && got[0] != (news.ArticleRef{ID: "o-m", Input: "mem/o-m.txt", Outlet: "Example Wire", Title: "Order o-m"}) {
		t.Errorf("ref = %+v", got[0])
	}
	got, err = l.Articles(ctx(t), store.ListOptions{Limit: 2, Offset: 1})
	must(t, err)
	if !reflect.DeepEqual(refIDs(got), want[1:3]) {
		t.Errorf("Articles(limit 2, offset 1) = %v, want %v", refIDs(got), want[1:3])
	}
}
