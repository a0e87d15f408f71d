package ingest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
)

// synthArchive makes analysed articles for a start-up benchmark without
// the pipeline: stories of five articles over a vocabulary of made-up
// words (each story its own 30, shared with a common pool of 5,000 drawn
// with a skew), 150 articles a day. The rate is fixed, so the clusterer's
// window (7 days) holds about 1,000 articles whatever the archive's size:
// a larger archive only reaches further back.
type synthArchive struct {
	r *rand.Rand
}

// word is a made-up word for n: letters only, never a stop word.
func word(n int) string {
	var b strings.Builder
	b.WriteString("zq")
	for {
		b.WriteByte(byte('a' + n%26))
		n /= 26
		if n == 0 {
			return b.String()
		}
	}
}

const synthPerDay = 150

// article i: story i/5, dated by i's day.
func (s synthArchive) article(i int) (news.Raw, *news.Article) {
	story := i / 5
	own := func() string { return word(10000 + story*30 + s.r.IntN(30)) }
	common := func() string { return word(int(s.r.ExpFloat64()*500) % 5000) }
	var title, body []string
	for range 6 {
		title = append(title, own())
	}
	for range 120 {
		if s.r.Float64() < 0.6 {
			body = append(body, own())
		} else {
			body = append(body, common())
		}
	}
	day := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/synthPerDay)
	id := fmt.Sprintf("synth-%d", i)
	text := strings.Join(title, " ") + "\n\n" + strings.Join(body, " ")
	a := &news.Article{ID: id, Input: id, Title: strings.Join(title, " "), Published: day.Format("2006-01-02"),
		Paragraphs: []string{strings.Join(body, " ")}}
	return news.Raw{ID: id, Input: id, Text: text, Bytes: []byte(text)}, a
}

// BenchmarkStart measures what a new process pays on an archive of
// 1,000, 10,000 (and, with CROSSCHECK_BENCH_100K=1, 100,000) stored
// articles with the same number of stories in the clusterer's window:
// New (engine start) and the first article placed after it (which reads
// from the store what its decision needs). Each op is one start and one
// placement; start-µs and first-µs split it; heapMB is the process's
// live heap after the first placement (the engine, the store's caches,
// the test), fillHeapMB the live heap with the engine that placed all n
// articles (bounded by its resident stories, not by n). Filling the
// archive is not timed (the 100,000 take minutes).
func BenchmarkStart(b *testing.B) {
	sizes := []int{1000, 10000}
	if os.Getenv("CROSSCHECK_BENCH_100K") != "" {
		sizes = append(sizes, 100000)
	}
	ctx := context.Background()
	dir := b.TempDir()
	for _, n := range sizes {
		// The testing package calls a sub-benchmark's function more than
		// once (b.N = 1 first): the archive is filled on the first call
		// only, in a directory and store that outlive the calls.
		st := openDB(b, filepath.Join(dir, fmt.Sprintf("archive%d.db", n)))
		src := synthArchive{r: rand.New(rand.NewPCG(1, 2))}
		filled, next := false, n
		var fm runtime.MemStats
		b.Run(fmt.Sprintf("stored=%d", n), func(b *testing.B) {
			if !filled {
				fill, err := New(ctx, st, nil, Options{})
				if err != nil {
					b.Fatal(err)
				}
				for i := range n {
					raw, a := src.article(i)
					if _, err := fill.put(ctx, raw, a); err != nil {
						b.Fatal(err)
					}
				}
				if err := fill.unlockClustering(); err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				runtime.ReadMemStats(&fm)
				runtime.KeepAlive(fill)
				filled = true
			}
			var startT, firstT time.Duration
			var heap uint64
			b.ResetTimer()
			for range b.N {
				raw, a := src.article(next) // a new article each time
				next++
				var m runtime.MemStats
				t0 := time.Now()
				e, err := New(ctx, st, nil, Options{})
				if err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				res, err := e.put(ctx, raw, a)
				if err != nil || !res.Assigned {
					b.Fatalf("first placement: %+v, %v", res, err)
				}
				if err := e.unlockClustering(); err != nil {
					b.Fatal(err)
				}
				startT += t1.Sub(t0)
				firstT += time.Since(t1)
				b.StopTimer()
				runtime.GC()
				runtime.ReadMemStats(&m)
				heap += m.HeapAlloc
				runtime.KeepAlive(e)
				b.StartTimer()
			}
			b.ReportMetric(float64(startT.Microseconds())/float64(b.N), "start-µs")
			b.ReportMetric(float64(firstT.Microseconds())/float64(b.N), "first-µs")
			b.ReportMetric(float64(heap)/float64(b.N)/(1<<20), "heapMB")
			b.ReportMetric(float64(fm.HeapAlloc)/(1<<20), "fillHeapMB")
		})
	}
}
