package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/sqlite"
)

// Environment of BenchmarkMillion.
const (
	millionDir = "CROSSCHECK_MILLION_DIR" // archive directory (kept between runs)
	millionN   = "CROSSCHECK_MILLION_N"   // stored articles to reach (default 1,000,000)
	millionDB  = "CROSSCHECK_MILLION_DB"  // "postgres:<dsn>" to fill PostgreSQL; default sqlite:<dir>/archive.db
)

// Layout of the recombined stream (millionStream).
const (
	// millionGenDays is how many days one generation (every public
	// story once) spans: more than the clusterer's 7-day window, so
	// that two copies of a story never meet in it, and no more, so that
	// the window holds as many distinct stories as the data has.
	millionGenDays = 8
	// millionVariants is how many recombined texts of each public
	// article are analysed; generation g uses variant g mod it.
	millionVariants = 4
	// millionNext is how many next articles of the stream are written
	// for the command-line measurements (one file each).
	millionNext = 12
	// millionBulk is how many articles the SQLite fill commits at once.
	millionBulk = 500
)

// millionItem is one public article in a generation: its story's day
// within the generation and its analysed variants.
type millionItem struct {
	story, art int
	day        int
	title      string
	outlet     string
	texts      [millionVariants]string
	analysed   [millionVariants]*news.Article
}

// millionStream is an endless stream of analysed articles made from the
// public data (BASIL and Multi-News, loadBenchStories): generation g is
// every public story once, re-dated to start millionGenDays*g days after
// 1990-01-01, its stories spread evenly over the generation's days, the
// articles of a day in an order shuffled per generation (stories'
// articles interleave, as feeds do), each article's text the variant g
// mod millionVariants: variant 0 as published, the others with every
// paragraph but the first dropped with probability 0.15 (as writeStream
// recombines). Each variant is analysed once by the product's pipeline
// (pipeline.Analyze); a copy in a later generation is that analysis
// with its id, input and date replaced (times the analysis resolved
// against the original date keep their values: the clusterer reads
// title, body, names and date only). Article k of the stream is always
// the same, so a fill can resume where a killed one stopped.
type millionStream struct {
	items []millionItem
	mu    sync.Mutex
	order map[int][]int // generation -> item order (cached)
}

var millionBase = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)

// newMillionStream analyses the public data's variants (2 workers).
func newMillionStream(b testing.TB, p *pipeline.Pipeline) *millionStream {
	b.Helper()
	stories := loadBenchStories(b)
	var items []millionItem
	for si, s := range stories {
		for ai, a := range s.articles {
			it := millionItem{story: si, art: ai, day: si * millionGenDays / len(stories), title: a.title, outlet: a.outlet}
			for v := range millionVariants {
				paras := a.paras
				if v > 0 {
					r := rand.New(rand.NewPCG(uint64(v), uint64(si*1000+ai)))
					paras = []string{a.paras[0]}
					for _, p := range a.paras[1:] {
						if r.Float64() >= 0.15 {
							paras = append(paras, p)
						}
					}
				}
				it.texts[v] = strings.Join(paras, "\n\n")
			}
			items = append(items, it)
		}
	}
	type job struct{ i, v int }
	jobs := make(chan job)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				it := &items[j.i]
				raw, _ := millionRaw(it, j.v, fmt.Sprintf("v%d-s%d-a%d", j.v, it.story, it.art), stories[it.story].date.Format("2006-01-02"))
				a, err := p.Analyze(raw)
				if err == nil {
					it.analysed[j.v] = a
				}
			}
		}()
	}
	for i := range items {
		for v := range millionVariants {
			jobs <- job{i, v}
		}
	}
	close(jobs)
	wg.Wait()
	// Keep the articles every variant of which analysed (the rest are
	// rejected inputs, not stored articles), so every generation is the
	// same size.
	kept := items[:0]
	for _, it := range items {
		ok := true
		for _, a := range it.analysed {
			ok = ok && a != nil
		}
		if ok {
			kept = append(kept, it)
		}
	}
	return &millionStream{items: kept, order: map[int][]int{}}
}

// millionRaw is the raw input a JSONL line of the stream reads as (see
// read's JSONL reader: Bytes is the line).
func millionRaw(it *millionItem, v int, id, date string) (news.Raw, []byte) {
	line, _ := json.Marshal(map[string]string{"id": id, "title": it.title, "outlet": it.outlet, "published": date, "text": it.texts[v]})
	return news.Raw{ID: id, Input: id, Outlet: it.outlet, Title: it.title, Published: date, Text: it.texts[v], Bytes: line}, line
}

// perGen is the number of articles in one generation.
func (s *millionStream) perGen() int { return len(s.items) }

// genOrder is generation g's order of items: by day, shuffled within it.
func (s *millionStream) genOrder(g int) []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if o, ok := s.order[g]; ok {
		return o
	}
	if len(s.order) > 4 {
		clear(s.order)
	}
	r := rand.New(rand.NewPCG(uint64(g), 7))
	var o []int
	for i := 0; i < len(s.items); {
		j := i
		for j < len(s.items) && s.items[j].day == s.items[i].day {
			j++
		}
		day := make([]int, 0, j-i)
		for k := i; k < j; k++ {
			day = append(day, k)
		}
		r.Shuffle(len(day), func(a, b int) { day[a], day[b] = day[b], day[a] })
		o = append(o, day...)
		i = j
	}
	s.order[g] = o
	return o
}

// article returns article k of the stream: its raw input, its analysis
// and its JSONL line.
func (s *millionStream) article(k int) (news.Raw, *news.Article, []byte) {
	g, j := k/s.perGen(), k%s.perGen()
	it := &s.items[s.genOrder(g)[j]]
	v := g % millionVariants
	date := millionBase.AddDate(0, 0, g*millionGenDays+it.day).Format("2006-01-02")
	id := fmt.Sprintf("m%d-s%d-a%d", g, it.story, it.art)
	raw, line := millionRaw(it, v, id, date)
	a := *it.analysed[v]
	a.ID, a.Input, a.Published, a.PublishedFrom, a.Hash = id, id, date, "caller", ""
	return raw, &a, line
}

// BenchmarkMillion fills an archive kept in $CROSSCHECK_MILLION_DIR up to
// $CROSSCHECK_MILLION_N stored articles (default 1,000,000) from
// millionStream, through the engine's own placement (put: PutArticle,
// the clustering decision, Place, each its own transaction, exactly as
// crosscheck ingest writes them; the analysis is the only step done once
// per public variant instead of once per copy), resuming where an earlier
// run stopped. It then measures, with a new engine as a new process
// would have, the next 600 articles' per-article cost (cluster-µs: the
// decision with the state reads it needs; store-µs: PutArticle and Place)
// and writes the stream's next articles as next-NN.jsonl, one file each,
// for the command-line measurements (scripts/million.sh): cold-* for the
// first 300 articles after the start (what memory lacks is read from the
// store), the others for the 300 after them (a running engine's cost).
// The archive grows by what is measured: a second run measures at n+600.
// $CROSSCHECK_MILLION_DB=postgres:<dsn> fills PostgreSQL instead. Skipped
// without the directory. Run with -benchtime 1x -timeout 0.
func BenchmarkMillion(b *testing.B) {
	dir := os.Getenv(millionDir)
	if dir == "" {
		b.Skip(millionDir + " not set (an archive directory; see scripts/million.sh)")
	}
	n := 1_000_000
	if v := os.Getenv(millionN); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatal(err)
		}
	}
	db := os.Getenv(millionDB)
	if db == "" {
		db = "sqlite:" + filepath.Join(dir, "archive.db")
	}
	ctx := context.Background()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	t0 := time.Now()
	src := newMillionStream(b, newPipeline(b))
	fmt.Fprintf(os.Stderr, "million: %d public articles analysed in %d variants (%v); %d per generation of %d days\n",
		len(src.items), millionVariants, time.Since(t0).Round(time.Millisecond), src.perGen(), millionGenDays)
	st, err := openArchive(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for range b.N {
		stats, err := st.Stats(ctx)
		if err != nil {
			b.Fatal(err)
		}
		from := int(stats.Articles)
		if from < n {
			rate := millionFill(b, ctx, st, src, from, n)
			b.ReportMetric(rate, "fill-articles/s")
		}
		stats, err = st.Stats(ctx)
		if err != nil {
			b.Fatal(err)
		}
		k := int(stats.Articles)
		const probe = 300
		e, err := New(ctx, st, nil, Options{})
		if err != nil {
			b.Fatal(err)
		}
		// The first probe articles after the start (cold: what memory
		// lacks is read from the store), then as many more (warm: a
		// long-running engine's cost).
		var cl, sto [2]time.Duration
		for i := range 2 * probe {
			raw, a, _ := src.article(k + i)
			res, err := e.put(ctx, raw, a)
			if err != nil || !res.Added || !res.Assigned {
				b.Fatalf("article %d: %+v, %v", k+i, res, err)
			}
			cl[i/probe] += res.clusterTime
			sto[i/probe] += res.storeTime
		}
		if err := e.unlockClustering(); err != nil {
			b.Fatal(err)
		}
		// The probe's stories too are briefed, as the fill's are.
		if err := millionBriefed(ctx, st); err != nil {
			b.Fatal(err)
		}
		k += 2 * probe
		for i := range millionNext {
			_, _, line := src.article(k + i)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("next-%02d.jsonl", i)), append(line, '\n'), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		stats, err = st.Stats(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(cl[0].Microseconds())/probe, "cold-cluster-µs/article")
		b.ReportMetric(float64(sto[0].Microseconds())/probe, "cold-store-µs/article")
		b.ReportMetric(float64(cl[1].Microseconds())/probe, "cluster-µs/article")
		b.ReportMetric(float64(sto[1].Microseconds())/probe, "store-µs/article")
		b.ReportMetric(float64(stats.Articles), "stored")
		b.ReportMetric(float64(stats.Stories), "stories")
		if size := dbBytes(db); size > 0 {
			b.ReportMetric(float64(size)/float64(stats.Articles), "dbB/article")
		}
	}
}

// millionFill places stream articles from..n-1 with one engine, printing
// its progress to stderr every 10,000, and returns the articles placed a
// second.
func millionFill(b *testing.B, ctx context.Context, st store.Store, src *millionStream, from, n int) float64 {
	e, err := New(ctx, st, nil, Options{})
	if err != nil {
		b.Fatal(err)
	}
	// With SQLite, bulkEvery articles share a transaction (sqlite.Bulk):
	// the decisions and the state written are the same, a commit's page
	// writes are paid once a batch.
	commit := func() error { return nil }
	bulk, _ := st.(*sqlite.Store)
	begin := func() {
		if bulk == nil {
			return
		}
		if commit, err = bulk.Bulk(ctx); err != nil {
			b.Fatal(err)
		}
	}
	begin()
	start, last := time.Now(), time.Now()
	for k := from; k < n; k++ {
		if (k+1)%millionBulk == 0 {
			if err := millionBriefed(ctx, st); err != nil {
				b.Fatal(err)
			}
			if err := commit(); err != nil {
				b.Fatal(err)
			}
			begin()
		}
		raw, a, _ := src.article(k)
		res, err := e.put(ctx, raw, a)
		if err != nil {
			b.Fatal(err)
		}
		if !res.Added || !res.Assigned {
			b.Fatalf("article %d (%s) not placed: %+v", k, raw.ID, res)
		}
		if (k+1)%10000 == 0 {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			fmt.Fprintf(os.Stderr, "million: %d stored, %.0f/s (last 10,000: %.0f/s), heap %d MB, %v\n",
				k+1, float64(k+1-from)/time.Since(start).Seconds(), 10000/time.Since(last).Seconds(),
				m.HeapAlloc>>20, time.Now().UTC().Format(time.TimeOnly))
			last = time.Now()
		}
	}
	if err := millionBriefed(ctx, st); err != nil {
		b.Fatal(err)
	}
	if err := commit(); err != nil {
		b.Fatal(err)
	}
	if err := e.unlockClustering(); err != nil {
		b.Fatal(err)
	}
	return float64(n-from) / time.Since(start).Seconds()
}

// millionBriefed gives every stale story a stand-in briefing (its title
// and time, nothing else), so that the archive is one whose briefing
// worker kept up: briefing each of hundreds of thousands of stories
// (about 15 ms each) would take hours, and without it every later
// ingest would rebuild 100 stale briefings (Options.StaleLimit). What a
// real briefing adds to the database is not in dbB/article.
func millionBriefed(ctx context.Context, st store.Store) error {
	for {
		ids, err := st.StaleStories(ctx, store.MaxLimit)
		if err != nil || len(ids) == 0 {
			return err
		}
		for _, id := range ids {
			s, err := st.Story(ctx, id)
			if err != nil {
				return err
			}
			if err := st.PutBriefing(ctx, id, &news.Briefing{StoryID: id, Title: s.Title, Time: s.Time}); err != nil {
				return err
			}
		}
	}
}

// dbBytes is the size of a SQLite archive's files (database and WAL); 0
// for PostgreSQL (scripts/million.sh asks the server).
func dbBytes(db string) int64 {
	if !strings.HasPrefix(db, "sqlite:") {
		return 0
	}
	var n int64
	for _, f := range []string{"", "-wal"} {
		if fi, err := os.Stat(strings.TrimPrefix(db, "sqlite:") + f); err == nil {
			n += fi.Size()
		}
	}
	return n
}
