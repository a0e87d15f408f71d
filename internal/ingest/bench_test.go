package ingest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/testutil"
)

// benchStory is one story of the public data: its articles and its date.
type benchStory struct {
	date     time.Time
	articles []benchArticle
}

type benchArticle struct {
	title, outlet string
	paras         []string
}

// loadBenchStories reads the BASIL events (dated, three outlets each) and
// the Multi-News stories (undated; given one story every four days after
// BASIL's last year) from the shared data, skipping when absent.
func loadBenchStories(b testing.TB) []benchStory {
	b.Helper()
	basil, ok1 := testutil.Shared("data/clustering/basil-dev.jsonl")
	mds, ok2 := testutil.Shared("data/mds/multinews-dev.jsonl")
	if !ok1 || !ok2 {
		b.Skip("shared data (clustering/basil-dev.jsonl, mds/multinews-dev.jsonl) not found")
	}
	var out []benchStory
	byEvent := map[string]int{}
	eachLine(b, basil, func(line []byte) {
		var d struct {
			Event      string     `json:"gold_event"`
			Source     string     `json:"source"`
			Date       string     `json:"date"`
			Title      string     `json:"title"`
			Paragraphs [][]string `json:"paragraphs"`
		}
		if err := json.Unmarshal(line, &d); err != nil {
			b.Fatal(err)
		}
		var paras []string
		for _, p := range d.Paragraphs {
			paras = append(paras, strings.Join(p, " "))
		}
		i, ok := byEvent[d.Event]
		if !ok {
			t, _ := time.Parse("2006-01-02", d.Date)
			i = len(out)
			byEvent[d.Event] = i
			out = append(out, benchStory{date: t})
		}
		out[i].articles = append(out[i].articles, benchArticle{title: d.Title, outlet: d.Source, paras: paras})
	})
	day := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	eachLine(b, mds, func(line []byte) {
		var d struct {
			Articles []struct {
				Text string `json:"text"`
			} `json:"articles"`
		}
		if err := json.Unmarshal(line, &d); err != nil {
			b.Fatal(err)
		}
		s := benchStory{date: day}
		for i, a := range d.Articles {
			s.articles = append(s.articles, benchArticle{outlet: fmt.Sprintf("outlet%d", i), paras: strings.Split(a.Text, " \n \n ")})
		}
		out = append(out, s)
		day = day.AddDate(0, 0, 4)
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].date.Before(out[j].date) })
	return out
}

func eachLine(b testing.TB, path string, fn func([]byte)) {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		fn(sc.Bytes())
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
}

// benchSpan is how far apart two generations of the recombined stream
// are dated: more than the data's span, so that a story's copies never
// fall within the clusterer's window of each other.
const benchSpan = 7 * 365 * 24 * time.Hour

// writeStream writes n articles as JSONL lines: generation 0 is the data
// as it is; each later generation is re-dated by benchSpan and recombined
// (every paragraph but the first dropped with probability 0.15), so that
// the stream keeps realistic stories without repeating inputs.
func writeStream(b testing.TB, stories []benchStory, path string, skip, n int) {
	b.Helper()
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	k := 0
	for g := 0; k < skip+n; g++ {
		r := rand.New(rand.NewPCG(uint64(g), 42))
		for si, s := range stories {
			date := s.date.Add(time.Duration(g) * benchSpan).Format("2006-01-02")
			for ai, a := range s.articles {
				if k >= skip+n {
					break
				}
				paras := a.paras
				if g > 0 {
					paras = []string{a.paras[0]}
					for _, p := range a.paras[1:] {
						if r.Float64() >= 0.15 {
							paras = append(paras, p)
						}
					}
				}
				if k >= skip {
					err := enc.Encode(map[string]string{
						"id":        fmt.Sprintf("g%d-s%d-a%d", g, si, ai),
						"title":     a.title,
						"outlet":    a.outlet,
						"published": date,
						"text":      strings.Join(paras, "\n\n"),
					})
					if err != nil {
						b.Fatal(err)
					}
				}
				k++
			}
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkIngest ingests a stream recombined from the public data into a
// fresh SQLite archive up to each size, then measures at that size: the
// per-article cost of the next 300 articles (clustering decision, store
// writes), the clusterer's heap per stored article, the archive's bytes
// per article and what a new engine on the archive costs to start
// (start-ms: it reads the persisted clusterer state's global record;
// before the state was kept it replayed every stored article).
// Run with -benchtime=1x; CROSSCHECK_BENCH_100K=1 adds 100k articles.
func BenchmarkIngest(b *testing.B) {
	stories := loadBenchStories(b)
	sizes := []int{1000, 10000}
	if os.Getenv("CROSSCHECK_BENCH_100K") != "" {
		sizes = append(sizes, 100000)
	}
	const probe = 300
	ctx := context.Background()
	p := newPipeline(b)
	for _, n := range sizes {
		b.Run(fmt.Sprintf("stored=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			fill, next := filepath.Join(dir, "fill.jsonl"), filepath.Join(dir, "next.jsonl")
			writeStream(b, stories, fill, 0, n)
			writeStream(b, stories, next, n, probe)
			for i := 0; i < b.N; i++ {
				db := filepath.Join(dir, fmt.Sprintf("archive%d.db", i))
				st := openDB(b, db)
				var m0, m1 runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&m0)
				e, err := New(ctx, st, p, Options{})
				if err != nil {
					b.Fatal(err)
				}
				start := time.Now()
				sum, err := e.Ingest(ctx, []string{fill}, nil, nil)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := e.Drain(ctx); err != nil {
					b.Fatal(err)
				}
				took := time.Since(start) // what crosscheck ingest takes: stored, placed and briefed
				stored := sum.Added
				runtime.GC()
				runtime.ReadMemStats(&m1)
				at, err := e.Ingest(ctx, []string{next}, nil, nil)
				if err != nil {
					b.Fatal(err)
				}
				drained, err := e.Drain(ctx)
				if err != nil {
					b.Fatal(err)
				}
				runtime.KeepAlive(e)
				start = time.Now()
				e2, err := New(ctx, st, nil, Options{})
				if err != nil {
					b.Fatal(err)
				}
				started := time.Since(start)
				fi, err := os.Stat(db)
				if err != nil {
					b.Fatal(err)
				}
				per := func(d time.Duration, k int) float64 { return float64(d.Microseconds()) / float64(max(k, 1)) }
				b.ReportMetric(float64(stored)/took.Seconds(), "articles/s")
				b.ReportMetric(per(at.ClusterTime, at.Added+at.Duplicates), "cluster-µs/article")
				b.ReportMetric(per(at.StoreTime, at.Added+at.Duplicates), "store-µs/article")
				b.ReportMetric(per(drained.Took, drained.Briefed)/1000, "brief-ms/story")
				b.ReportMetric(float64(int64(m1.HeapAlloc)-int64(m0.HeapAlloc))/float64(stored), "heapB/article")
				b.ReportMetric(float64(fi.Size())/float64(stored+at.Added), "dbB/article")
				b.ReportMetric(float64(started.Microseconds())/1000, "start-ms")
				b.Logf("stored %d (%s; %d rejected) in %v; next %d: %s, %s; replay %+v",
					stored, sum, sum.Rejected, took.Round(time.Millisecond), probe, at, drained, e2.Replayed())
			}
		})
	}
}
