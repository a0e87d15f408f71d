package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/ingest/ingesttest"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/read"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/pgtest"
	"github.com/crosscheck/crosscheck/internal/store/postgres"
	"github.com/crosscheck/crosscheck/internal/store/sqlite"
	"github.com/crosscheck/crosscheck/internal/text"
)

func newPipeline(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func openDB(t testing.TB, path string) store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// partition returns the stored stories as sorted lists of article ids,
// sorted, and fails on an article in two stories.
func partition(t testing.TB, st store.Store) [][]string {
	t.Helper()
	ctx := context.Background()
	var out [][]string
	seen := map[string]string{}
	for off := 0; ; off += store.MaxLimit {
		page, err := st.Stories(ctx, store.ListOptions{Limit: store.MaxLimit, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range page {
			var ids []string
			for _, a := range s.Articles {
				if prev, ok := seen[a.ID]; ok {
					t.Errorf("article %s in stories %s and %s", a.ID, prev, s.ID)
				}
				seen[a.ID] = s.ID
				ids = append(ids, a.ID)
			}
			sort.Strings(ids)
			out = append(out, ids)
		}
		if len(page) < store.MaxLimit {
			break
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// writeCorpus writes the synthetic corpus and returns the event of each
// article id (ids are hash prefixes, learnt by reading the files back).
func writeCorpus(t testing.TB, dir string, events, per int) []ingesttest.Article {
	t.Helper()
	arts, err := ingesttest.WriteDir(dir, events, per, 7)
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

func TestIngestCorpus(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	arts := writeCorpus(t, in, 8, 5)
	st := openDB(t, filepath.Join(dir, "db.sqlite"))
	p := newPipeline(t)

	e, err := New(ctx, st, p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := e.Ingest(ctx, []string{in}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != len(arts) || sum.Duplicates != 0 || sum.Rejected != 0 {
		t.Fatalf("first ingest: %s", sum)
	}
	// Every story is about one event: articles of one event share names.
	event := map[string]int{}
	for _, a := range arts {
		raw := news.Raw{Bytes: []byte(a.Text)}
		event[store.Hash(raw)[:16]] = a.Event
	}
	parts := partition(t, st)
	t.Logf("%s; partition %v", sum, parts)
	for _, ids := range parts {
		for _, id := range ids[1:] {
			if event[id] != event[ids[0]] {
				t.Errorf("story %v mixes events %d and %d", ids, event[ids[0]], event[id])
			}
		}
	}
	if len(parts) < 8 || len(parts) > 12 {
		t.Errorf("%d stories for 8 events", len(parts))
	}
	if sum.Stories != len(parts) {
		t.Errorf("summary says %d stories, store has %d", sum.Stories, len(parts))
	}
	if stats, err := st.Stats(ctx); err != nil || stats.BriefQueued != int64(len(parts)) || sum.Queued != len(parts) {
		t.Errorf("after ingest: %d stories queued (%+v, %v), want %d", sum.Queued, stats, err, len(parts))
	}
	d, err := e.Drain(ctx)
	if err != nil || d.Briefed != len(parts) || len(d.Left) != 0 {
		t.Errorf("drain: %s, %v; want %d built, none left", d, err, len(parts))
	}
	stale, err := st.StaleStories(ctx, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(stale) != 0 {
		t.Errorf("stale briefings after ingest and drain: %v", stale)
	}

	t.Run("again", func(t *testing.T) {
		e2, err := New(ctx, st, p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		// The clusterer's state is in the store: nothing is replayed.
		if r := e2.Replayed(); r.Articles != 0 {
			t.Errorf("replay: %+v", r)
		}
		sum, err := e2.Ingest(ctx, []string{in}, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Added != 0 || sum.Duplicates != len(arts) || sum.Stories != 0 {
			t.Errorf("second ingest: %s", sum)
		}
		if got := partition(t, st); !slices.EqualFunc(got, parts, slices.Equal) {
			t.Errorf("stories changed: %v, was %v", got, parts)
		}
	})
}

// TestResume stores articles without clustering them, as a run killed
// after PutArticle leaves them, and checks that the next run clusters them
// into the same stories as a clean run.
func TestResume(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	writeCorpus(t, in, 4, 4)
	p := newPipeline(t)

	clean := openDB(t, filepath.Join(dir, "clean.sqlite"))
	e, err := New(ctx, clean, p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Ingest(ctx, []string{in}, nil, nil); err != nil {
		t.Fatal(err)
	}
	want := partition(t, clean)

	st := openDB(t, filepath.Join(dir, "db.sqlite"))
	files, _ := filepath.Glob(filepath.Join(in, "*.txt"))
	sort.Strings(files)
	// First half ingested and clustered, the next three only stored.
	e1, err := New(ctx, st, p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e1.Ingest(ctx, files[:8], nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := read.New(read.Options{}).Each(ctx, files[8:11], func(raw news.Raw, err error) error {
		if err != nil {
			return err
		}
		a, err := p.Analyze(raw)
		if err != nil {
			return err
		}
		_, _, err = st.PutArticle(ctx, raw, a)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	e2, err := New(ctx, st, p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := e2.Ingest(ctx, []string{in}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != len(files)-11 || sum.Duplicates != 11 {
		t.Errorf("resumed ingest: %s", sum)
	}
	if got := partition(t, st); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("resumed stories\n%v\nclean run\n%v", got, want)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles != int64(len(files)) {
		t.Errorf("%d articles stored, want %d", stats.Articles, len(files))
	}
}

func TestRejects(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	arts := writeCorpus(t, in, 2, 2)

	// A gzip stream cut in the middle.
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(strings.Repeat(arts[0].Text+" more words here. ", 20)))
	zw.Close()
	os.WriteFile(filepath.Join(in, "cut.txt.gz"), gz.Bytes()[:gz.Len()/2], 0o644)
	// A JSONL file whose second line is cut short, then a good line.
	line := func(id, text string) string {
		b, _ := json.Marshal(map[string]string{"id": id, "text": text, "outlet": "Test Wire"})
		return string(b)
	}
	good1, good2 := line("j1", arts[1].Text+"\nExtra line one."), line("j3", arts[2].Text+"\nExtra line three.")
	bad := line("j2", arts[3].Text)
	os.WriteFile(filepath.Join(in, "lines.jsonl"), []byte(good1+"\n"+bad[:len(bad)/2]+"\n"+good2+"\n"), 0o644)
	// The id j1 again, for other content.
	os.WriteFile(filepath.Join(in, "more.jsonl"), []byte(line("j1", arts[0].Text+"\nAnother ending.")+"\n"), 0o644)
	// Not an article.
	os.WriteFile(filepath.Join(in, "wall.txt"), []byte("Please log in to continue.\n"), 0o644)

	st := openDB(t, filepath.Join(dir, "db.sqlite"))
	var skipped []string
	e, err := New(ctx, st, newPipeline(t), Options{OnSkip: func(input, reason string) { skipped = append(skipped, input) }})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := e.Ingest(ctx, []string{in}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s", sum)
	if sum.Added != len(arts)+2 {
		t.Errorf("added %d, want %d (%s)", sum.Added, len(arts)+2, sum)
	}
	if sum.Rejected != 4 || len(skipped) != 4 {
		t.Errorf("rejected %d (%v), want 4: %s", sum.Rejected, skipped, sum)
	}
	for _, k := range []string{"not an article", "id conflict", "truncated input", "malformed input"} {
		if sum.Reasons[k] != 1 {
			t.Errorf("reasons %v, want one %q", sum.Reasons, k)
		}
	}
	log, err := st.Rejected(ctx, store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 4 {
		t.Errorf("rejected log %v", log)
	}
	for _, id := range []string{"j1", "j3"} {
		if _, err := st.Article(ctx, id); err != nil {
			t.Errorf("JSONL article %s: %v", id, err)
		}
	}
}

func TestIngestRaw(t *testing.T) {
	ctx := context.Background()
	arts := ingesttest.Corpus(2, 3, 3)
	st := openDB(t, filepath.Join(t.TempDir(), "db.sqlite"))
	e, err := New(ctx, st, newPipeline(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	stories := map[int]string{}
	for i, a := range arts {
		res, err := e.IngestRaw(ctx, news.Raw{Input: a.Name, Text: a.Text, Bytes: []byte(a.Text)})
		if err != nil {
			t.Fatalf("%s: %v", a.Name, err)
		}
		if !res.Added || res.StoryID == "" {
			t.Fatalf("%s: %+v", a.Name, res)
		}
		if prev, ok := stories[a.Event]; ok && prev != res.StoryID {
			t.Errorf("article %d of event %d in story %s, earlier ones in %s", i, a.Event, res.StoryID, prev)
		}
		stories[a.Event] = res.StoryID
	}
	res, err := e.IngestRaw(ctx, news.Raw{Input: "again", Text: arts[0].Text, Bytes: []byte(arts[0].Text)})
	if err != nil || res.Added || res.StoryID != stories[arts[0].Event] {
		t.Errorf("duplicate: %+v, %v", res, err)
	}
	_, err = e.IngestRaw(ctx, news.Raw{Input: "wall", Text: "Subscribe to read this article."})
	if !errors.Is(err, ErrRejected) {
		t.Errorf("not an article: err %v, want ErrRejected", err)
	}
	if n, err := e.Flush(ctx); err != nil || n != len(stories) {
		t.Errorf("flush queued %d briefings (%v), want %d", n, err, len(stories))
	}
	if d, err := e.Drain(ctx); err != nil || d.Briefed != len(stories) || len(d.Left) != 0 {
		t.Errorf("drain: %+v, %v; want %d built", d, err, len(stories))
	}
	b, status, err := Briefing(ctx, st, brief.New(brief.Options{Stem: text.Stem}), stories[0], ReadOptions{})
	if err != nil || status.Rebuilt || status.Updating || len(b.Sources) != 3 {
		t.Errorf("stored briefing: %+v, err %v", status, err)
	}
}

func TestNatural(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"a.jsonl:9", "a.jsonl:10", -1},
		{"f10.txt", "f2.txt", 1},
		{"f02.txt", "f2.txt", 0},
		{"abc", "abd", -1},
		{"ab", "abc", -1},
		{"", "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.a+"|"+tc.b, func(t *testing.T) {
			if got := natural(tc.a, tc.b); got != tc.want {
				t.Errorf("natural(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestSummaryString(t *testing.T) {
	tests := []struct {
		s    Summary
		want string
	}{
		{Summary{Added: 2, Stories: 1}, "added 2, duplicates 0, rejected 0, stories 1"},
		{Summary{Duplicates: 1, Rejected: 3, Reasons: map[string]int{"not an article": 1, "empty input": 2}},
			"added 0, duplicates 1, rejected 3 (empty input 2, not an article 1), stories 0"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			if got := tc.s.String(); got != tc.want {
				t.Errorf("got %q", got)
			}
		})
	}
}

// TestPostgres ingests the corpus into PostgreSQL (skipped when the
// server binaries are absent) and checks the stories match SQLite's, then
// that a second engine replays them without disagreement.
func TestPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a PostgreSQL server; skipped with -short")
	}
	ctx := context.Background()
	dsn := pgtest.Start(t)
	pg, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pg.Close() })
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	writeCorpus(t, in, 6, 4)
	lite := openDB(t, filepath.Join(dir, "db.sqlite"))
	p := newPipeline(t)
	for _, st := range []store.Store{lite, pg} {
		e, err := New(ctx, st, p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.Ingest(ctx, []string{in}, nil, nil); err != nil {
			t.Fatal(err)
		}
	}
	want, got := partition(t, lite), partition(t, pg)
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("postgres stories\n%v\nsqlite stories\n%v", got, want)
	}
	e, err := New(ctx, pg, p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r := e.Replayed(); r.Articles != 0 {
		t.Errorf("replay from postgres (its state is kept): %+v", r)
	}
	hits, err := pg.Search(ctx, "inquiry", 100)
	if err != nil || len(hits) == 0 {
		t.Errorf("search: %d hits, %v", len(hits), err)
	}
}

// orderedStore lists articles in ingest order (store.ArticleLister) by
// remembering the order of the articles it stored, for tests that must
// see the engine use that order whatever the backend does.
type orderedStore struct {
	store.Store
	mu  sync.Mutex
	ids []string
}

func (s *orderedStore) PutArticle(ctx context.Context, raw news.Raw, a *news.Article) (string, bool, error) {
	id, added, err := s.Store.PutArticle(ctx, raw, a)
	if added {
		s.mu.Lock()
		s.ids = append(s.ids, id)
		s.mu.Unlock()
	}
	return id, added, err
}

func (s *orderedStore) Articles(_ context.Context, o store.ListOptions) ([]news.ArticleRef, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	limit, off := o.Page()
	if off >= len(s.ids) {
		return nil, nil
	}
	var out []news.ArticleRef
	for _, id := range s.ids[off:min(off+limit, len(s.ids))] {
		out = append(out, news.ArticleRef{ID: id})
	}
	return out, nil
}

// TestReplayOrdered checks that a store giving its ingest order is
// replayed in it: the rebuilt clusterer takes the same decisions, so
// every replayed article lands in its stored story, and the next articles
// join the stories a single run would have put them in.
func TestReplayOrdered(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	writeCorpus(t, in, 6, 5)
	files, _ := filepath.Glob(filepath.Join(in, "*.txt"))
	sort.Strings(files)
	// Shuffle the first run's order so that the fallback order (date,
	// input name) would differ from ingest order.
	first := slices.Clone(files[:20])
	slices.Reverse(first)
	p := newPipeline(t)

	run := func(st store.Store, batches ...[]string) {
		for _, b := range batches {
			e, err := New(ctx, st, p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if r := e.Replayed(); r.Disagreed != 0 || r.Repaired != 0 {
				t.Errorf("replay: %+v", r)
			}
			for _, f := range b {
				if _, err := e.Ingest(ctx, []string{f}, nil, nil); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	single := &orderedStore{Store: openDB(t, filepath.Join(dir, "single.sqlite"))}
	run(single, append(first, files[20:]...))
	split := &orderedStore{Store: openDB(t, filepath.Join(dir, "split.sqlite"))}
	run(split, first, files[20:])
	if got, want := partition(t, split), partition(t, single); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("two runs\n%v\none run\n%v", got, want)
	}
	e, err := New(ctx, split, p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r := e.Replayed(); !r.Ordered || r.Articles != len(files) {
		t.Errorf("replay: %+v", r)
	}
}

func FuzzNatural(f *testing.F) {
	for _, s := range []string{"a.jsonl:9", "a.jsonl:10", "f02.txt", "", "007", "x1y22z"} {
		f.Add(s, "f2.txt")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, back := natural(a, b), natural(b, a); got != -back {
			t.Errorf("natural(%q, %q) = %d but natural(%q, %q) = %d", a, b, got, b, a, back)
		}
		if natural(a, a) != 0 {
			t.Errorf("natural(%q, %q) != 0", a, a)
		}
	})
}

// TestConcurrentIngestRaw posts articles from several goroutines, as the
// HTTP server does: decisions are serialised, so each event still ends in
// one story.
func TestConcurrentIngestRaw(t *testing.T) {
	ctx := context.Background()
	arts := ingesttest.Corpus(4, 6, 5)
	st := openDB(t, filepath.Join(t.TempDir(), "db.sqlite"))
	e, err := New(ctx, st, newPipeline(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	stories := make([]string, len(arts))
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(arts); i += 4 {
				res, err := e.IngestRaw(ctx, news.Raw{Input: arts[i].Name, Text: arts[i].Text})
				if err != nil {
					t.Error(err)
					return
				}
				stories[i] = res.StoryID
			}
		}()
	}
	wg.Wait()
	byEvent := map[int]map[string]bool{}
	for i, a := range arts {
		if byEvent[a.Event] == nil {
			byEvent[a.Event] = map[string]bool{}
		}
		s, err := st.Story(ctx, stories[i]) // resolves merges
		if err != nil {
			t.Fatal(err)
		}
		byEvent[a.Event][s.ID] = true
	}
	for ev, ss := range byEvent {
		if len(ss) != 1 {
			t.Errorf("event %d in stories %v", ev, ss)
		}
	}
}

// TestBriefEvery checks that a long batch queues briefings on the way,
// not only at its end.
func TestBriefEvery(t *testing.T) {
	ctx := context.Background()
	in := filepath.Join(t.TempDir(), "in")
	os.Mkdir(in, 0o755)
	arts := writeCorpus(t, in, 2, 8)
	tests := []struct {
		every   int
		briefed func(n int) bool
	}{
		{1000, func(n int) bool { return n == 2 }},
		{4, func(n int) bool { return n >= len(arts)/4 }},
	}
	for _, tc := range tests {
		t.Run(itoa(tc.every), func(t *testing.T) {
			st := openDB(t, filepath.Join(t.TempDir(), "db.sqlite"))
			e, err := New(ctx, st, newPipeline(t), Options{BriefEvery: tc.every})
			if err != nil {
				t.Fatal(err)
			}
			sum, err := e.Ingest(ctx, []string{in}, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Stories != 2 || !tc.briefed(sum.Queued) {
				t.Errorf("every %d: %d stories, %d briefings queued", tc.every, sum.Stories, sum.Queued)
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestReplayRealData ingests 600 articles of the public data (skipped when
// absent) and rebuilds the clusterer from the store: replayed in the same
// order with the same text, every article must land in its stored story.
func TestReplayRealData(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses 600 articles; skipped with -short")
	}
	stories := loadBenchStories(t)
	ctx := context.Background()
	dir := t.TempDir()
	stream := filepath.Join(dir, "stream.jsonl")
	writeStream(t, stories, stream, 0, 600)
	st := openDB(t, filepath.Join(dir, "db.sqlite"))
	p := newPipeline(t)
	e, err := New(ctx, st, p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := e.Ingest(ctx, []string{stream}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Without the persisted state (an archive clustered before it was
	// kept) the engine replays.
	e2, err := New(ctx, replayOnly{st, st.(store.ClusterLog), st.(store.ClusterLocker)}, p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := e2.Replayed()
	t.Logf("%s; replay %+v", sum, r)
	if r.Articles != sum.Added || r.Disagreed != 0 || r.Unmerged != 0 {
		t.Errorf("replay of %d stored articles: %+v", sum.Added, r)
	}
}

// replayOnly hides the store's persisted clusterer state.
type replayOnly struct {
	store.Store
	store.ClusterLog
	store.ClusterLocker
}

// TestRestartSamePlacement ingests a stream of the public data (skipped
// when absent) in one engine that never stops, and in other archives in
// two engines, the second started after the first closed its store and
// kept to a few resident stories (so that it compacts its memory and
// reads its state back from the store over and over): the stories must be
// the same. In "restart" the first engine kept the state in the store; in
// "backfill" it did not (an archive from before the state was kept), and
// the second fills it once from a replay.
func TestRestartSamePlacement(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses 1,200 articles; skipped with -short")
	}
	stories := loadBenchStories(t)
	ctx := context.Background()
	dir := t.TempDir()
	first, second := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	writeStream(t, stories, first, 0, 200)
	writeStream(t, stories, second, 200, 400)
	p := newPipeline(t)

	ref := openDB(t, filepath.Join(dir, "ref.sqlite"))
	e, err := New(ctx, ref, p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{first, second} {
		if _, err := e.Ingest(ctx, []string{in}, nil, nil); err != nil {
			t.Fatal(err)
		}
	}

	want := partition(t, ref)
	for _, tc := range []struct {
		name     string
		backfill bool
		pg       bool // PostgreSQL (its state read by the keys of migration 11)
	}{{"restart", false, false}, {"backfill", true, false}, {"postgres", false, true}} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name+".sqlite")
			openDB := openDB
			if tc.pg {
				dsn := pgtest.Start(t)
				openDB = func(t testing.TB, _ string) store.Store {
					t.Helper()
					st, err := postgres.Open(ctx, dsn)
					if err != nil {
						t.Fatal(err)
					}
					t.Cleanup(func() { st.Close() })
					return st
				}
			}
			st := openDB(t, path)
			var first1 store.Store = st
			if tc.backfill {
				first1 = replayOnly{st, st.(store.ClusterLog), st.(store.ClusterLocker)}
			}
			e1, err := New(ctx, first1, p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := e1.Ingest(ctx, []string{first}, nil, nil); err != nil {
				t.Fatal(err)
			}
			if err := st.Close(); err != nil {
				t.Fatal(err)
			}
			st = openDB(t, path)
			e2, err := New(ctx, st, p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			e2.resident = 5
			if r := e2.Replayed(); (r.Articles > 0) != tc.backfill || r.Disagreed != 0 {
				t.Errorf("replayed at start: %+v", r)
			}
			sum, err := e2.Ingest(ctx, []string{second}, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := partition(t, st); !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("restarted engine's stories differ (%s):\n%v\nnever stopped:\n%v", sum, got, want)
			}
			if meta, err := st.(store.ClusterState).ClusterMeta(ctx); err != nil || meta == nil {
				t.Errorf("no cluster state after the second engine: %q, %v", meta, err)
			}
			t.Logf("%d stories; second half: %s", len(want), sum)
		})
	}
}

// TestClockDecidesFlush checks that the injected clock, not the wall
// clock, decides when a stream of single documents is due a flush.
func TestClockDecidesFlush(t *testing.T) {
	ctx := context.Background()
	arts := ingesttest.Corpus(2, 1, 5)
	st := openDB(t, filepath.Join(t.TempDir(), "db.sqlite"))
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	e, err := New(ctx, st, newPipeline(t), Options{Now: func() time.Time { return now }, BriefInterval: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	for i, tc := range []struct {
		advance time.Duration
		queued  int // stories in the briefing queue afterwards
	}{
		{0, 0},               // first story: not due
		{2 * time.Minute, 2}, // the interval passed: both queued
	} {
		now = now.Add(tc.advance)
		a := arts[i]
		if _, err := e.IngestRaw(ctx, news.Raw{Input: a.Name, Text: a.Text, Bytes: []byte(a.Text)}); err != nil {
			t.Fatal(err)
		}
		stats, err := st.Stats(ctx)
		if err != nil || stats.BriefQueued != int64(tc.queued) {
			t.Errorf("after document %d: %d stories queued (%v), want %d", i, stats.BriefQueued, err, tc.queued)
		}
	}
}

// TestBriefingQueue follows briefings through the queue: a briefing that
// runs out of time is recorded with its reason and backed off, readers get
// the last good briefing marked as being updated, and a worker retries it
// when its time comes and stops when told.
func TestBriefingQueue(t *testing.T) {
	ctx := context.Background()
	arts := ingesttest.Corpus(8, 2, 7) // events 0 to 7, twice
	st := openDB(t, filepath.Join(t.TempDir(), "db.sqlite"))
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	raw := func(a ingesttest.Article) news.Raw {
		return news.Raw{Input: a.Name, Text: a.Text, Bytes: []byte(a.Text)}
	}
	ingest := func(e *Engine, as ...ingesttest.Article) []string {
		t.Helper()
		var ids []string
		for _, a := range as {
			res, err := e.IngestRaw(ctx, raw(a))
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, res.StoryID)
		}
		if _, err := e.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		return ids
	}

	// First the stories are briefed normally.
	e, err := New(ctx, st, newPipeline(t), Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	ids := ingest(e, arts[0], arts[1])
	if d, err := e.Drain(ctx); err != nil || d.Briefed != 2 {
		t.Fatalf("drain: %s, %v", d, err)
	}
	b := brief.New(brief.Options{Stem: text.Stem})
	first, status, err := Briefing(ctx, st, b, ids[0], ReadOptions{})
	if err != nil || status.Updating || len(first.Sources) != 1 {
		t.Fatalf("briefing after drain: %+v, %v", status, err)
	}

	// An engine whose briefings cannot finish in time.
	slow, err := New(ctx, st, newPipeline(t), Options{Now: clock, BriefTimeout: time.Nanosecond, BriefBackoff: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	var failed []string
	slow.o.OnBriefError = func(id, reason string) { failed = append(failed, id) }
	got2 := ingest(slow, arts[8], arts[5]) // event 0 grows; event 5 is new
	if got2[0] != ids[0] || got2[1] == ids[0] {
		t.Fatalf("stories %v after %v: want event 0's story grown and a new one", got2, ids)
	}
	fresh := got2[1]
	d, err := slow.Drain(ctx)
	if err != nil || d.Briefed != 0 || len(d.Left) != 2 || !strings.Contains(d.Left[0].LastError, ErrBriefTimeout.Error()) {
		t.Fatalf("drain with a 1ns deadline: %s, %v", d, err)
	}
	for _, q := range d.Left {
		if q.Attempts != 1 || !q.Due.Equal(now.Add(time.Minute)) || !q.Failed.Equal(now) {
			t.Errorf("recorded failure: %+v", q)
		}
	}
	if len(failed) != 2 || !strings.Contains(d.String(), "timed out") {
		t.Errorf("failures reported %v; drain says %q", failed, d)
	}
	if d, err := slow.Drain(ctx); err != nil || d.Briefed != 0 || len(d.Left) != 2 || d.Left[0].Attempts != 1 {
		t.Errorf("drain before the retry time: %s, %v; want it left alone", d, err)
	}
	if stats, err := st.Stats(ctx); err != nil || stats.BriefQueued != 2 || stats.BriefFailing != 2 {
		t.Errorf("stats: %+v, %v", stats, err)
	}
	if _, _, err := Briefing(ctx, st, b, fresh, ReadOptions{Now: clock}); !errors.Is(err, ErrNoBriefing) {
		t.Errorf("reader of a never-briefed story whose briefing failed: %v, want ErrNoBriefing", err)
	}
	got, status, err := Briefing(ctx, st, b, ids[0], ReadOptions{})
	if err != nil || !status.Updating || status.Queue == nil || status.Queue.Attempts != 1 || len(got.Sources) != 1 {
		t.Errorf("reader during the failure: %+v, %v; want the last good briefing, marked", status, err)
	}
	if !strings.Contains(status.String(), "briefing failed 1x (ingest: briefing timed out after 1ns)") {
		t.Errorf("status reads %q", status)
	}

	// After the backoff a worker with a sane deadline builds it.
	now = now.Add(2 * time.Minute)
	e2, err := New(ctx, st, nil, Options{Now: clock, BriefPoll: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	wctx, cancel := context.WithCancel(ctx)
	stopped := make(chan struct{})
	go func() { e2.Work(wctx); close(stopped) }()
	for range 1000 {
		if stats, err := st.Stats(ctx); err == nil && stats.BriefQueued == 0 && stats.BriefFailing == 0 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	select {
	case <-stopped:
	case <-time.After(10 * time.Second):
		t.Fatal("Work did not stop after its context was cancelled")
	}
	got, status, err = Briefing(ctx, st, b, ids[0], ReadOptions{})
	if err != nil || status.Updating || len(got.Sources) != 2 {
		t.Errorf("after the retry: %+v, %d sources, %v; want current with 2", status, len(got.Sources), err)
	}
}

// TestFollows: a later event about the same people starts a story of its
// own, stored with a link to the story it follows; a report of the first
// event the next day joins it.
func TestFollows(t *testing.T) {
	ctx := context.Background()
	st := openDB(t, filepath.Join(t.TempDir(), "db.sqlite"))
	e, err := New(ctx, st, newPipeline(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs := []news.Raw{
		{ID: "release-1", Published: "2020-03-01", Title: "Jane Marlow demands Harbor Committee release audit report",
			Text: "Jane Marlow demanded on Sunday that the Harbor Committee release its audit report on the dredging contracts.\n\nMarlow said the public deserved to see the audit, which the Harbor Committee has kept private since January.\n\nThe Harbor Committee did not answer questions about the audit report."},
		{ID: "release-2", Published: "2020-03-02", Title: "Marlow presses Harbor Committee to publish dredging audit",
			Text: "Jane Marlow pressed the Harbor Committee on Monday to publish the audit report on the dredging contracts.\n\nThe audit report has been kept private since January, Marlow said, and the public deserved to see it."},
		{ID: "resign-1", Published: "2020-03-08", Title: "Jane Marlow calls on Harbor Committee chair to resign",
			Text: "Jane Marlow called on the chair of the Harbor Committee to step down on Sunday, citing a vote he cast last spring.\n\nMarlow said the Harbor Committee needed new leadership before the summer session.\n\nThe chair said he would not resign."},
	}
	var res []Result
	for _, d := range docs {
		d.Input = d.ID
		r, err := e.IngestRaw(ctx, d)
		if err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		res = append(res, r)
	}
	if res[0].StoryID != res[1].StoryID {
		t.Errorf("the same event in two stories: %s, %s", res[0].StoryID, res[1].StoryID)
	}
	if !res[2].Created || res[2].Follows != res[0].StoryID {
		t.Errorf("later event: %+v, want a new story following %s", res[2], res[0].StoryID)
	}
	s, err := st.Story(ctx, res[2].StoryID)
	if err != nil || s.Follows != res[0].StoryID {
		t.Errorf("stored story follows %q (%v), want %q", s.Follows, err, res[0].StoryID)
	}
}
