package brief_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/testutil"
	"github.com/crosscheck/crosscheck/internal/text"
)

// BenchmarkBriefLarge briefs one plain-text input of 0.5 to 20 MB through
// the product path (pipeline.Analyze, then Brief), as `crosscheck brief
// FILE` does, and reports time and memory per MB of input (s/MB,
// allocated MB/MB) and the peak of live heap (peak-heap-MB, sampled every
// 10 ms): every stage's work is bounded by the size of its input, so the
// figures per MB must stay flat as the input grows.
func BenchmarkBriefLarge(b *testing.B) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		b.Fatal(err)
	}
	br := brief.New(brief.Options{Stem: text.Stem})
	for _, mb := range []float64{0.5, 1, 2, 8, 20} {
		b.Run(fmt.Sprintf("%gMB", mb), func(b *testing.B) {
			if testing.Short() && mb > 2 {
				b.Skip("large input skipped in -short mode")
			}
			raw := news.Raw{ID: "big", Input: "big.txt", Title: "Flood damages the Eastport pier", Published: "2021-03-10",
				Text: testutil.PlainText(int(mb*(1<<20)), 1)}
			b.ReportAllocs()
			peak, stop := samplePeakHeap()
			cpu0 := cpuTime()
			b.ResetTimer()
			for b.Loop() {
				a, err := p.Analyze(raw)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := br.Brief(context.Background(), []*news.Article{a}); err != nil {
					b.Fatal(err)
				}
			}
			cpu := cpuTime() - cpu0
			stop()
			b.ReportMetric(cpu.Seconds()/float64(b.N)/mb, "cpu-s/MB")
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/mb, "s/MB")
			b.ReportMetric(float64(*peak)/(1<<20), "peak-heap-MB")
		})
	}
}

// cpuTime is the user and system CPU time of the process so far: on a
// shared machine it moves less with other work than the wall clock does.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// samplePeakHeap samples the bytes of live and not yet swept heap objects
// every 10 ms until stop is called, and keeps the largest in *peak.
func samplePeakHeap() (peak *uint64, stop func()) {
	peak = new(uint64)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			*peak = max(*peak, s[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	runtime.GC()
	return peak, func() { close(done); wg.Wait() }
}

// TestBriefCancel cancels the briefing of a 20 MB input at moments spread
// over its run: Brief must return context.Canceled well within two seconds
// of the cancel, wherever it was (syndication, summary, quotes,
// comparison, discrepancies, timeline).
func TestBriefCancel(t *testing.T) {
	if testing.Short() {
		t.Skip("briefs a 20 MB input: skipped in -short mode")
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := p.Analyze(news.Raw{ID: "big", Input: "big.txt", Title: "Flood damages the Eastport pier", Published: "2021-03-10",
		Text: testutil.PlainText(20<<20, 2)})
	if err != nil {
		t.Fatal(err)
	}
	// Two copies from different outlets, so the cross-source stages
	// (support, agreements, single-source claims) run too.
	b := *a
	b.ID, b.Outlet = "big-2", "Other Outlet"
	b.Paragraphs = append([]string{"A first paragraph of this outlet's own, long enough to make the copy differ from the other one."}, a.Paragraphs[:len(a.Paragraphs)/2]...)
	seg, err := text.NewSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	if err := seg.Analyze(&b); err != nil {
		t.Fatal(err)
	}
	arts := []*news.Article{a, &b}
	br := brief.New(brief.Options{Stem: text.Stem})
	for _, after := range []time.Duration{0, 300 * time.Millisecond, time.Second, 3 * time.Second, 6 * time.Second, 10 * time.Second} {
		t.Run(after.String(), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var cancelled time.Time
			timer := time.AfterFunc(after, func() {
				cancelled = time.Now()
				cancel()
			})
			_, err := br.Brief(ctx, arts)
			returned := time.Now()
			if timer.Stop() {
				t.Logf("briefing finished before the cancel at %v", after)
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("Brief cancelled after %v: err = %v, want context.Canceled", after, err)
			}
			if d := returned.Sub(cancelled); d > 2*time.Second {
				t.Errorf("Brief returned %v after the cancel at %v, want under 2s", d, after)
			} else {
				t.Logf("cancel at %v: returned after %v", after, d)
			}
		})
	}
}

// TestWriteLargeInput writes the benchmark's 1 MB and 20 MB inputs as
// text files into $CROSSCHECK_WRITE_LARGE, so that the whole command can
// be timed on them (`crosscheck brief big20.txt`); it skips without it.
func TestWriteLargeInput(t *testing.T) {
	dir := os.Getenv("CROSSCHECK_WRITE_LARGE")
	if dir == "" {
		t.Skip("set CROSSCHECK_WRITE_LARGE=DIR to write big1.txt and big20.txt there")
	}
	for _, mb := range []int{1, 20} {
		name := filepath.Join(dir, fmt.Sprintf("big%d.txt", mb))
		if err := os.WriteFile(name, []byte(testutil.PlainText(mb<<20, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
