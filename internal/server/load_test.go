package server

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var loadFlag = flag.Bool("load", false, "run the loopback load test (also CROSSCHECK_LOAD=1)")

// Bounds of the load test.
const (
	loadWorkers  = 16
	loadRequests = 60000
	loadDuration = 15 * time.Second
)

// TestLoad measures story-page and API reads over loopback while an ingest
// runs, and reports requests/s with p50/p99 latency. It is skipped unless
// -load or CROSSCHECK_LOAD=1:
//
//	go test ./internal/server -run TestLoad -load -v
func TestLoad(t *testing.T) {
	if !*loadFlag && os.Getenv("CROSSCHECK_LOAD") != "1" {
		t.Skip("load test: run with -load or CROSSCHECK_LOAD=1")
	}
	f := seedFixture(t)
	s := newServer(t, f.st, Options{})
	base := serveLoopback(t, s)

	// A background ingest: new variants of the example articles, each
	// stored, clustered into its own story and briefed, invalidating
	// that story and the listings as the server's own ingest does.
	raws := seedRaws(t)
	ctx, stop := context.WithCancel(context.Background())
	var ingested atomic.Int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ctx.Err() == nil; i++ {
			raw := raws[i%len(raws)]
			raw.Text += "\nLoad test line " + strconv.Itoa(i) + "."
			raw.Bytes = nil
			if _, sid, _, err := f.eng.ingest(ctx, raw); err == nil {
				s.Invalidate(sid)
				ingested.Add(1)
			}
		}
	}()

	type target struct{ kind, path string }
	story := target{"story page", "/stories/" + f.storyID}
	apiStory := target{"api story", "/api/stories/" + f.storyID}
	paths := []target{story, story, story, story, apiStory, apiStory,
		{"api list", "/api/stories?limit=20"}, {"front page", "/"},
		{"api article", "/api/articles/" + f.articles[0]}, {"article page", "/articles/" + f.articles[1]}}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: loadWorkers, MaxConnsPerHost: loadWorkers}}
	var next atomic.Int64
	var failed atomic.Int64
	lat := make([][]time.Duration, loadWorkers)
	byPath := make([]map[string][]time.Duration, loadWorkers)
	deadline := time.Now().Add(loadDuration)
	start := time.Now()
	var rw sync.WaitGroup
	for w := range loadWorkers {
		rw.Add(1)
		byPath[w] = map[string][]time.Duration{}
		go func() {
			defer rw.Done()
			for {
				n := next.Add(1)
				if n > loadRequests || time.Now().After(deadline) {
					return
				}
				p := paths[int(n)%len(paths)]
				t0 := time.Now()
				resp, err := client.Get(base + p.path)
				if err != nil {
					failed.Add(1)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				d := time.Since(t0)
				if resp.StatusCode != 200 {
					failed.Add(1)
				}
				lat[w] = append(lat[w], d)
				byPath[w][p.kind] = append(byPath[w][p.kind], d)
			}
		}()
	}
	rw.Wait()
	elapsed := time.Since(start)
	stop()
	wg.Wait()
	var all []time.Duration
	kinds := map[string][]time.Duration{}
	for w := range loadWorkers {
		all = append(all, lat[w]...)
		for k, v := range byPath[w] {
			kinds[k] = append(kinds[k], v...)
		}
	}
	if len(all) == 0 {
		t.Fatal("no request completed")
	}
	report := fmt.Sprintf("load: %d requests in %v over %d connections = %.0f req/s; p50 %v, p99 %v; %d failed; %d articles ingested meanwhile (%.1f/s)",
		len(all), elapsed.Round(time.Millisecond), loadWorkers, float64(len(all))/elapsed.Seconds(),
		pct(all, 50), pct(all, 99), failed.Load(), ingested.Load(), float64(ingested.Load())/elapsed.Seconds())
	t.Log(report)
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range kinds {
			if !yield(k) {
				return
			}
		}
	}) {
		t.Logf("  %-13s %6d requests, p50 %v, p99 %v", k, len(kinds[k]), pct(kinds[k], 50), pct(kinds[k], 99))
	}
	if failed.Load() > 0 {
		t.Errorf("%d requests failed", failed.Load())
	}
}

// pct returns the p-th percentile of ds (sorted in place).
func pct(ds []time.Duration, p int) time.Duration {
	slices.Sort(ds)
	i := (len(ds)*p + 99) / 100
	return ds[min(max(i-1, 0), len(ds)-1)].Round(10 * time.Microsecond)
}

// BenchmarkStoryPage serves the seed story page from the cache, in
// parallel, through the whole handler (headers, metrics, mux).
func BenchmarkStoryPage(b *testing.B) {
	f := seedFixture(b)
	h := newServer(b, f.st, Options{}).Handler()
	path := "/stories/" + f.storyID
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
			if rec.Code != 200 {
				b.Fatal(rec.Code)
			}
		}
	})
}

// BenchmarkStoryPageRender reads the story and briefing from the store and
// renders the page on every request (the cost of a cache miss).
func BenchmarkStoryPageRender(b *testing.B) {
	f := seedFixture(b)
	s := newServer(b, f.st, Options{})
	h := s.Handler()
	path := "/stories/" + f.storyID
	b.ReportAllocs()
	for b.Loop() {
		s.Invalidate(f.storyID)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}

// BenchmarkAPIStory serves GET /api/stories/{id} from the cache.
func BenchmarkAPIStory(b *testing.B) {
	f := seedFixture(b)
	h := newServer(b, f.st, Options{}).Handler()
	path := "/api/stories/" + f.storyID
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}
