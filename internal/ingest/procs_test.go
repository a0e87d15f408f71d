package ingest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/store/pgtest"
)

// BenchmarkProcesses measures how ingest throughput grows with the number
// of ingest processes on one PostgreSQL archive: the same stream of public
// articles (writeStream) ingested by one process, then split between two
// processes (alternate lines, as two feeds' items interleave) that run at
// once. Analysis runs in each process outside any lock; only placement
// (storing, the clustering decision, under the archive's clustering lock)
// takes turns. Each process is the test binary re-executed
// (TestIngestChild) with the default LockHold, and with one analysis
// worker (workers=1, one core's worth of analysis per process, as on a
// host of its own) or GOMAXPROCS workers (workers=all).
//
// Reported: articles/s for the whole run (process start to the last
// process's end); place-µs/article, the time an article's placement holds
// the lock, which bounds what any number of processes can reach (1e6 /
// place-µs articles/s), of which cluster-µs/article is the in-memory
// decision and the rest store writes; lock-µs/article, the time spent
// taking the lock (waiting for the other process, then replaying its
// decisions). Run with -benchtime=1x; CROSSCHECK_BENCH_PROCS_N sets the
// articles (default 600). The machine's load changes what two processes
// get: quote the load average beside the figures (logged).
func BenchmarkProcesses(b *testing.B) {
	stories := loadBenchStories(b)
	n := 600
	if v := os.Getenv("CROSSCHECK_BENCH_PROCS_N"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatal(err)
		}
	}
	dir := b.TempDir()
	all := filepath.Join(dir, "all.jsonl")
	writeStream(b, stories, all, 0, n)
	halves := splitLines(b, all, dir)
	srv := pgtest.NewServer(b)
	runs := 0                   // each run its own database, also across -count
	one := map[string]float64{} // workers -> one process's articles/s, this invocation
	for _, workers := range []string{"1", "all"} {
		for _, procs := range []int{1, 2} {
			b.Run(fmt.Sprintf("workers=%s/procs=%d", workers, procs), func(b *testing.B) {
				env := []string{childHold + "=100ms"}
				if workers != "all" {
					env = append(env, childWorkers+"="+workers)
				}
				inputs := [][]string{{all}}
				if procs == 2 {
					inputs = [][]string{{halves[0]}, {halves[1]}}
				}
				for i := 0; i < b.N; i++ {
					runs++
					db := "postgres:" + srv.DB(b, fmt.Sprintf("procs_w%s_p%d_%d", workers, procs, runs))
					start := time.Now()
					var cs []*child
					for _, in := range inputs {
						cs = append(cs, startChild(b, db, in, env...))
					}
					for _, c := range cs {
						c.wait(b, false)
					}
					took := time.Since(start)
					var sum placed
					for _, c := range cs {
						p := placedLine(b, c.out.String())
						sum.n, sum.store, sum.cluster, sum.lock, sum.held = sum.n+p.n, sum.store+p.store, sum.cluster+p.cluster, sum.lock+p.lock, sum.held+p.held
					}
					st, err := openArchive(context.Background(), db)
					if err != nil {
						b.Fatal(err)
					}
					stats, err := st.Stats(context.Background())
					st.Close()
					if err != nil {
						b.Fatal(err)
					}
					rate := float64(stats.Articles) / took.Seconds()
					per := func(us int) float64 { return float64(us) / float64(max(sum.n, 1)) }
					b.ReportMetric(rate, "articles/s")
					b.ReportMetric(per(sum.held), "held-µs/article")
					b.ReportMetric(per(sum.store+sum.cluster), "place-µs/article")
					b.ReportMetric(per(sum.cluster), "cluster-µs/article")
					b.ReportMetric(per(sum.lock), "lock-µs/article")
					ratio := ""
					if procs == 1 {
						one[workers] = rate
					} else if r1 := one[workers]; r1 > 0 {
						b.ReportMetric(rate/r1, "x-one-process")
						ratio = fmt.Sprintf(" = %.2f× one process's %.1f", rate/r1, r1)
					}
					b.Logf("%d processes, workers %s: %d articles, %d stories in %v: %.1f articles/s%s (load average %s)",
						procs, workers, stats.Articles, stats.Stories, took.Round(time.Millisecond), rate, ratio, loadAverage())
				}
			})
		}
	}
}

// splitLines writes the lines of path alternately to two files in dir.
func splitLines(b testing.TB, path, dir string) [2]string {
	b.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var parts [2]strings.Builder
	for i, line := range strings.SplitAfter(string(data), "\n") {
		parts[i%2].WriteString(line)
	}
	var out [2]string
	for i := range parts {
		out[i] = filepath.Join(dir, fmt.Sprintf("half%d.jsonl", i))
		if err := os.WriteFile(out[i], []byte(parts[i].String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return out
}

// placed is what a child ingest reports of its placements, in µs.
type placed struct{ n, store, cluster, lock, held int }

// placedLine reads the "placed: N articles, store S µs, cluster C µs, lock
// L µs, held H µs" line TestIngestChild prints.
func placedLine(b testing.TB, out string) placed {
	b.Helper()
	var p placed
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		if _, err := fmt.Sscanf(sc.Text(), "placed: %d articles, store %d µs, cluster %d µs, lock %d µs, held %d µs",
			&p.n, &p.store, &p.cluster, &p.lock, &p.held); err == nil {
			return p
		}
	}
	b.Fatalf("no placed line in the child's output:\n%s", out)
	return p
}

// loadAverage is the first three fields of /proc/loadavg, or "unknown".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
