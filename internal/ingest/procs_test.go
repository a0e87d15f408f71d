package ingest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/store/pgtest"
)

// BenchmarkProcesses measures how ingest throughput grows with the number
// of ingest processes on one PostgreSQL archive: the same stream of public
// articles (writeStream) ingested by one process, and split between two
// processes (alternate lines, as two feeds' items interleave) that run at
// once. Each process stores its articles outside any lock; only the
// clustering decision and its placement take turns under the archive's
// clustering lock. Each process is the test binary re-executed
// (TestIngestChild), with one analysis worker (workers=1: each process
// stands for a host of its own with one core's worth of analysis; on a
// 2-core machine one process then uses about one core, so two can add
// up) or GOMAXPROCS workers (workers=all: one process already competes
// for both cores with the server).
//
// One and two processes run alternately, CROSSCHECK_BENCH_PROCS_RUNS
// pairs (default 3), so that both see the same load; reported are the
// medians: articles/s of one and of two processes (process start to the
// last process's end), x-one-process, the median of the pairs' ratios,
// and, per placed article, held-µs (how long the process held the lock:
// 1e6 / held-µs bounds what any number of processes reach), cluster-µs
// (the decision, with the reads it needs), place-µs (store writes and
// decision, in and out of the lock) and lock-µs (waiting for the lock),
// for one process and for two (suffix -2), and the CPU time (user and
// system) per article of the ingest processes (cpu-µs) and of the
// PostgreSQL server (server-cpu-µs), which share the machine's cores.
// Run with -benchtime=1x;
// CROSSCHECK_BENCH_PROCS_N sets the articles (default 600). The load
// average is logged with each pair: quote it beside the figures.
//
//	CROSSCHECK_BENCH_PROCS_RUNS=5 go test ./internal/ingest -run '^$' -bench Processes -benchtime=1x
func BenchmarkProcesses(b *testing.B) {
	stories := loadBenchStories(b)
	n, runs := 600, 3
	for env, v := range map[string]*int{"CROSSCHECK_BENCH_PROCS_N": &n, "CROSSCHECK_BENCH_PROCS_RUNS": &runs} {
		if s := os.Getenv(env); s != "" {
			var err error
			if *v, err = strconv.Atoi(s); err != nil {
				b.Fatal(err)
			}
		}
	}
	dir := b.TempDir()
	all := filepath.Join(dir, "all.jsonl")
	writeStream(b, stories, all, 0, n)
	halves := splitLines(b, all, dir)
	srv := pgtest.NewServer(b)
	dbs := 0 // each run its own database, also across -count
	for _, workers := range []string{"1", "all"} {
		b.Run("workers="+workers, func(b *testing.B) {
			env := []string{childHold + "=100ms"} // the default; the lock is held per placement anyway
			if workers != "all" {
				env = append(env, childWorkers+"="+workers)
			}
			// ingest runs the inputs, one process each, into a new
			// archive and returns articles/s and the per-article times.
			ingest := func(inputs ...string) (float64, placed) {
				dbs++
				db := "postgres:" + srv.DB(b, fmt.Sprintf("procs_w%s_%d", workers, dbs))
				server := serverCPU()
				start := time.Now()
				var cs []*child
				for _, in := range inputs {
					cs = append(cs, startChild(b, db, []string{in}, env...))
				}
				for _, c := range cs {
					c.wait(b, false)
				}
				took := time.Since(start)
				var sum placed
				for _, c := range cs {
					sum = sum.plus(placedLine(b, c.out.String()))
					sum.cpu += int((c.cmd.ProcessState.UserTime() + c.cmd.ProcessState.SystemTime()).Microseconds())
				}
				sum.server = int((serverCPU() - server).Microseconds())
				st, err := openArchive(context.Background(), db)
				if err != nil {
					b.Fatal(err)
				}
				stats, err := st.Stats(context.Background())
				st.Close()
				if err != nil {
					b.Fatal(err)
				}
				return float64(stats.Articles) / took.Seconds(), sum
			}
			for i := 0; i < b.N; i++ {
				var one, two, ratio []float64
				var p1, p2 []placed
				for r := range runs {
					r1, s1 := ingest(all)
					r2, s2 := ingest(halves[0], halves[1])
					one, two, ratio = append(one, r1), append(two, r2), append(ratio, r2/r1)
					p1, p2 = append(p1, s1), append(p2, s2)
					b.Logf("workers %s, pair %d: one process %.1f articles/s, two %.1f: %.2f× (load average %s)",
						workers, r+1, r1, r2, r2/r1, loadAverage())
				}
				b.ReportMetric(median(one), "articles/s")
				b.ReportMetric(median(two), "articles/s-2")
				b.ReportMetric(median(ratio), "x-one-process")
				for _, m := range []struct {
					unit string
					f    func(placed) int
				}{
					{"held-µs/article", func(p placed) int { return p.held }},
					{"cluster-µs/article", func(p placed) int { return p.cluster }},
					{"place-µs/article", func(p placed) int { return p.store + p.cluster }},
					{"lock-µs/article", func(p placed) int { return p.lock }},
					{"cpu-µs/article", func(p placed) int { return p.cpu }},
					{"server-cpu-µs/article", func(p placed) int { return p.server }},
				} {
					for suffix, ps := range map[string][]placed{"": p1, "-2": p2} {
						var v []float64
						for _, p := range ps {
							v = append(v, float64(m.f(p))/float64(max(p.n, 1)))
						}
						b.ReportMetric(median(v), strings.Replace(m.unit, "/", suffix+"/", 1))
					}
				}
				b.Logf("workers %s: two processes reach %.2f× one process (median of %d pairs: %v); one %.1f articles/s, two %.1f",
					workers, median(ratio), runs, rounded(ratio), median(one), median(two))
			}
		})
	}
}

// median returns the median of v (the mean of the middle two for an even
// count); 0 for none.
func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(v))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// rounded renders ratios with two decimals.
func rounded(v []float64) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = strconv.FormatFloat(x, 'f', 2, 64)
	}
	return strings.Join(parts, " ")
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

// placed is what a child ingest reports of its placements, in µs, with
// the CPU time its processes used (cpu) and the server's (server).
type placed struct{ n, store, cluster, lock, held, cpu, server int }

// plus adds two processes' reports.
func (p placed) plus(q placed) placed {
	return placed{p.n + q.n, p.store + q.store, p.cluster + q.cluster, p.lock + q.lock, p.held + q.held, p.cpu + q.cpu, p.server + q.server}
}

// serverCPU is the CPU time (user and system) the PostgreSQL server this
// process started has used so far: the postmaster, its exited children
// (the backends of closed connections) and its live ones, from /proc;
// zero where /proc cannot be read.
func serverCPU() time.Duration {
	stats := map[int][]string{} // pid -> the fields after the command
	dirs, _ := os.ReadDir("/proc")
	for _, d := range dirs {
		pid, err := strconv.Atoi(d.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join("/proc", d.Name(), "stat"))
		if err != nil {
			continue
		}
		if i := strings.LastIndexByte(string(b), ')'); i > 0 {
			stats[pid] = strings.Fields(string(b[i+1:]))
		}
	}
	// Fields after the command: state ppid ... utime (12) stime cutime cstime.
	ticks := func(f []string, from, to int) int64 {
		var sum int64
		for i := from; i <= to && i < len(f); i++ {
			v, _ := strconv.ParseInt(f[i], 10, 64)
			sum += v
		}
		return sum
	}
	ppid := func(f []string) int {
		if len(f) < 2 {
			return 0
		}
		v, _ := strconv.Atoi(f[1])
		return v
	}
	var total int64
	for pid, f := range stats {
		if ppid(f) != os.Getpid() {
			continue
		}
		b, _ := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "comm"))
		if strings.TrimSpace(string(b)) != "postgres" {
			continue
		}
		total += ticks(f, 11, 14)
		for _, g := range stats {
			if ppid(g) == pid {
				total += ticks(g, 11, 12)
			}
		}
	}
	return time.Duration(total) * time.Second / 100 // USER_HZ
}

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
