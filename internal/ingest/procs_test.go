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
					db := "postgres:" + srv.DB(b, fmt.Sprintf("procs_w%s_p%d_%d", workers, procs, i))
					start := time.Now()
					var cs []*child
					for _, in := range inputs {
						cs = append(cs, startChild(b, db, in, env...))
					}
					for _, c := range cs {
						c.wait(b, false)
					}
					took := time.Since(start)
					var placed, storeUS, clusterUS, lockUS int
					for _, c := range cs {
						k, su, cu, lk := placedLine(b, c.out.String())
						placed, storeUS, clusterUS, lockUS = placed+k, storeUS+su, clusterUS+cu, lockUS+lk
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
					b.ReportMetric(float64(stats.Articles)/took.Seconds(), "articles/s")
					b.ReportMetric(float64(storeUS+clusterUS)/float64(max(placed, 1)), "place-µs/article")
					b.ReportMetric(float64(clusterUS)/float64(max(placed, 1)), "cluster-µs/article")
					b.ReportMetric(float64(lockUS)/float64(max(placed, 1)), "lock-µs/article")
					b.Logf("%d processes, workers %s: %d articles, %d stories in %v (load average %s)",
						procs, workers, stats.Articles, stats.Stories, took.Round(time.Millisecond), loadAverage())
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

// placedLine reads the "placed: N articles, store S µs, cluster C µs, lock
// L µs" line TestIngestChild prints.
func placedLine(b testing.TB, out string) (n, store, cluster, lock int) {
	b.Helper()
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		if _, err := fmt.Sscanf(sc.Text(), "placed: %d articles, store %d µs, cluster %d µs, lock %d µs", &n, &store, &cluster, &lock); err == nil {
			return n, store, cluster, lock
		}
	}
	b.Fatalf("no placed line in the child's output:\n%s", out)
	return 0, 0, 0, 0
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
