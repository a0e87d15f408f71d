package brief_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/text"
)

// plainText writes about size bytes of plain-text sentences, as one long
// input file would hold them: paragraphs of three to five sentences mixing
// recurring people, places, dates, numbers and quotes with free text over a
// Zipf-distributed made-up vocabulary. Generated (no third-party text) and
// deterministic for a given seed.
func plainText(size int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 3))
	first := []string{"Mara", "Tobias", "Ilse", "Dorian", "Helen", "Rufus", "Anika", "Jonas", "Petra", "Samuel", "Lena", "Oskar"}
	last := []string{"Quinlan", "Fenwick", "Varga", "Apari", "Okafor", "Brandt", "Lindqvist", "Moreau", "Castell", "Ibsen"}
	places := []string{"Eastport", "Varnholm", "Lower Amsel", "Port Rydal", "Kessel", "Norby", "Astwick", "Dunmere"}
	orgs := []string{"the Harbour Authority", "Norland Rail", "the city council", "the Varnholm Fire Service", "the Ministry of Works"}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "last week", "on March 3", "in April 2019"}
	verbs := []string{"said", "told reporters", "said in a statement", "added", "wrote"}
	nouns := []string{"bridge", "ferry", "budget", "inquiry", "storm", "flood", "contract", "strike", "tunnel", "harbour",
		"report", "vote", "protest", "repairs", "schools", "hospital", "warehouse", "crane", "railway", "pier"}
	vocab := madeUpWords(20000)
	zipf := rand.NewZipf(rand.New(rand.NewPCG(seed, 5)), 1.1, 1, uint64(len(vocab)-1))
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	person := func() string { return pick(first) + " " + pick(last) }
	words := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = vocab[zipf.Uint64()]
		}
		return strings.Join(w, " ")
	}
	sentence := func() string {
		switch r.IntN(8) {
		case 0:
			return fmt.Sprintf("%s met officials from %s in %s %s to discuss the %s %s.", person(), pick(orgs), pick(places), pick(days), words(2), pick(nouns))
		case 1:
			return fmt.Sprintf("“The %s %s must be %s before %s,” %s %s.", pick(nouns), words(3), words(1), words(3), person(), pick(verbs))
		case 2:
			return fmt.Sprintf("%s said %d people left %s after the %s %s.", person(), 10*(1+r.IntN(300)), pick(places), pick(nouns), pick(days))
		case 3:
			return fmt.Sprintf("The %s cost %s $%d million, %s %s.", pick(nouns), pick(orgs), 1+r.IntN(900), person(), pick(verbs))
		default:
			return "The " + words(10+r.IntN(16)) + " " + pick(nouns) + "."
		}
	}
	var b strings.Builder
	b.Grow(size + 1024)
	for b.Len() < size {
		for k := range 3 + r.IntN(3) {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(sentence())
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

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
				Text: plainText(int(mb*(1<<20)), 1)}
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
		Text: plainText(20<<20, 2)})
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
