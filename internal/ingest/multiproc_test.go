package ingest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/ingest/ingesttest"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/pgtest"
	"github.com/crosscheck/crosscheck/internal/store/postgres"
	"github.com/crosscheck/crosscheck/internal/store/sqlite"
)

// Environment of a child ingest process (the test binary re-executed).
const (
	childDB      = "CROSSCHECK_INGEST_CHILD_DB"      // "sqlite:<path>" or "postgres:<dsn>"
	childInputs  = "CROSSCHECK_INGEST_CHILD_INPUTS"  // input files, os.PathListSeparator-separated
	childWorkers = "CROSSCHECK_INGEST_CHILD_WORKERS" // Options.Workers; unset: 0 (GOMAXPROCS)
	childHold    = "CROSSCHECK_INGEST_CHILD_HOLD"    // Options.LockHold; unset: 1ms
	childKill    = "CROSSCHECK_INGEST_CHILD_KILL"    // SIGKILL itself once it stored that many articles, before placing the last
)

// openArchive opens "sqlite:<path>" or "postgres:<dsn>".
func openArchive(ctx context.Context, db string) (store.Store, error) {
	kind, arg, _ := strings.Cut(db, ":")
	if kind == "postgres" {
		return postgres.Open(ctx, arg)
	}
	return sqlite.Open(ctx, arg)
}

// TestIngestChild is not a test: it is the body of a child ingest process
// started by runChild, and does nothing in a normal run.
func TestIngestChild(t *testing.T) {
	db := os.Getenv(childDB)
	if db == "" {
		t.Skip("child ingest process only (started by TestMultiProcess)")
	}
	ctx := context.Background()
	st, err := openArchive(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// A short hold interleaves the two processes' decisions finely.
	o := Options{LockHold: time.Millisecond}
	if v := os.Getenv(childHold); v != "" {
		if o.LockHold, err = time.ParseDuration(v); err != nil {
			t.Fatal(err)
		}
	}
	if v := os.Getenv(childWorkers); v != "" {
		if o.Workers, err = strconv.Atoi(v); err != nil {
			t.Fatal(err)
		}
	}
	if v := os.Getenv(childKill); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			t.Fatal(err)
		}
		stored := 0
		o.afterStore = func(string) {
			if stored++; stored == n {
				_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
				select {} // the signal ends the process
			}
		}
	}
	e, err := New(ctx, st, newPipeline(t), o)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := e.Ingest(ctx, filepath.SplitList(os.Getenv(childInputs)), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("done: %s; replay %+v\n", sum, e.Replayed())
	// Read by BenchmarkProcesses: the time spent placing articles (store
	// writes and clustering decisions, under the archive's lock) and
	// taking the lock (waiting for it, catching up).
	fmt.Printf("placed: %d articles, store %d µs, cluster %d µs, lock %d µs, held %d µs\n", sum.Added+sum.Duplicates,
		sum.StoreTime.Microseconds(), sum.ClusterTime.Microseconds(), sum.LockTime.Microseconds(), sum.HeldTime.Microseconds())
}

// child is a started child ingest process.
type child struct {
	cmd  *exec.Cmd
	out  strings.Builder
	done chan error
}

// startChild runs the test binary as an ingest process of inputs into db;
// env adds variables (childWorkers, childHold).
func startChild(t testing.TB, db string, inputs []string, env ...string) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestIngestChild$", "-test.v")
	cmd.Env = append(os.Environ(), childDB+"="+db, childInputs+"="+strings.Join(inputs, string(os.PathListSeparator)))
	cmd.Env = append(cmd.Env, env...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, done: make(chan error, 1)}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			c.out.WriteString(sc.Text() + "\n")
		}
		c.done <- cmd.Wait()
	}()
	return c
}

// killAt sends SIGKILL to the child once the archive db holds at least n
// articles, and waits for it to die. It reports false when the child ended
// first.
func (c *child) killAt(t *testing.T, db string, n int) bool {
	t.Helper()
	ctx := context.Background()
	st, err := openArchive(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	deadline := time.Now().Add(3 * time.Minute)
	for time.Now().Before(deadline) {
		select {
		case err := <-c.done:
			c.done <- err
			c.wait(t, false)
			return false
		default:
		}
		stats, err := st.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if stats.Articles >= int64(n) {
			switch err := c.cmd.Process.Signal(syscall.SIGKILL); {
			case errors.Is(err, os.ErrProcessDone):
				// It finished between the check above and the signal.
				c.wait(t, false)
				return false
			case err != nil:
				t.Fatal(err)
			}
			c.wait(t, true)
			return true
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatalf("no %d articles stored in time\n%s", n, c.out.String())
	return false
}

// wait waits for the child to end and fails the test unless it succeeded
// (or, with killed, unless it was killed).
func (c *child) wait(t testing.TB, killed bool) {
	t.Helper()
	select {
	case err := <-c.done:
		if killed {
			return
		}
		if err != nil {
			t.Fatalf("child ingest: %v\n%s", err, c.out.String())
		}
		if _, bench := t.(*testing.B); !bench {
			// A benchmark's log keeps only its first lines: its own.
			t.Logf("child: %s", lastLine(c.out.String()))
		}
	case <-time.After(3 * time.Minute):
		c.cmd.Process.Kill()
		t.Fatalf("child ingest hung\n%s", c.out.String())
	}
}

func lastLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "done:") {
			return l
		}
	}
	return s
}

// TestMultiProcess ingests two interleaved halves of the synthetic corpus
// with two processes at once into one archive, several times, and checks
// that the stories partition the articles exactly as one process ingesting
// the whole corpus does; then the same with one process killed (SIGKILL)
// mid-run and its half ingested again afterwards. SQLite and PostgreSQL.
func TestMultiProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("starts ingest processes; skipped with -short")
	}
	ctx := context.Background()
	dir, arts, halves, want := twoHalves(t)

	const runs = 5
	// Each backend returns the archive of a run, by name.
	backends := []struct {
		name  string
		start func(t *testing.T) func(t *testing.T, run string) string
	}{
		{"sqlite", func(t *testing.T) func(t *testing.T, run string) string {
			return func(t *testing.T, run string) string { return "sqlite:" + filepath.Join(dir, run+".db") }
		}},
		{"postgres", func(t *testing.T) func(t *testing.T, run string) string {
			srv := pgtest.NewServer(t)
			return func(t *testing.T, run string) string { return "postgres:" + srv.DB(t, run) }
		}},
	}
	check := func(t *testing.T, db string) {
		t.Helper()
		st, err := openArchive(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		got := partition(t, st)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("two processes made stories\n%v\none process made\n%v", got, want)
		}
		stats, err := st.Stats(ctx)
		if err != nil || stats.Articles != int64(len(arts)) {
			t.Errorf("stats %+v, %v; want %d articles", stats, err, len(arts))
		}
	}
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			db := b.start(t)
			for run := range runs {
				t.Run(fmt.Sprintf("concurrent%d", run), func(t *testing.T) {
					db := db(t, fmt.Sprintf("%s_c%d", b.name, run))
					// Alternate which half starts first.
					c1 := startChild(t, db, halves[run%2])
					c2 := startChild(t, db, halves[1-run%2])
					c1.wait(t, false)
					c2.wait(t, false)
					check(t, db)
				})
			}
			for run := range runs {
				t.Run(fmt.Sprintf("kill%d", run), func(t *testing.T) {
					db := db(t, fmt.Sprintf("%s_k%d", b.name, run))
					victim := startChild(t, db, halves[0])
					other := startChild(t, db, halves[1])
					// Kill at a different point of each run: when the
					// archive holds that many articles.
					at := 4 + run*len(arts)/(runs+1)
					if !victim.killAt(t, db, at) {
						t.Logf("the victim finished before %d articles were stored", at)
					}
					other.wait(t, false)
					again := startChild(t, db, halves[0])
					again.wait(t, false)
					check(t, db)
				})
			}
		})
	}
}

// twoHalves writes the synthetic corpus into a new directory and returns
// the directory, the corpus, its two interleaved halves (input files)
// and the partition one process ingesting the whole corpus makes.
func twoHalves(t *testing.T) (dir string, arts []ingesttest.Article, halves [2][]string, want [][]string) {
	t.Helper()
	dir = t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	arts = writeCorpus(t, in, 8, 6)
	for i, a := range arts {
		// Each event's articles alternate between the halves (the
		// corpus interleaves the events, 8 at a time).
		h := (i/8 + a.Event) % 2
		halves[h] = append(halves[h], filepath.Join(in, a.Name))
	}
	ctx := context.Background()
	ref := openDB(t, filepath.Join(dir, "ref.db"))
	e, err := New(ctx, ref, newPipeline(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Ingest(ctx, []string{in}, nil, nil); err != nil {
		t.Fatal(err)
	}
	want = partition(t, ref)
	if len(want) < 2 {
		t.Fatalf("reference partition %v: the corpus should make several stories", want)
	}
	return dir, arts, halves, want
}

// TestOrphanTakenOver kills a PostgreSQL ingest process right after it
// stored an article and before it placed it (SIGKILL at a fixed point),
// then runs a second process on the other half of the corpus: it places
// the orphan without its input being ingested again, and the stories are
// the single process's restricted to the articles stored. A third
// process ingesting the killed half again completes the partition.
func TestOrphanTakenOver(t *testing.T) {
	if testing.Short() {
		t.Skip("starts ingest processes; skipped with -short")
	}
	ctx := context.Background()
	_, _, halves, want := twoHalves(t)
	srv := pgtest.NewServer(t)
	for _, at := range []int{1, 5} {
		t.Run(fmt.Sprintf("killed_at%d", at), func(t *testing.T) {
			db := "postgres:" + srv.DB(t, fmt.Sprintf("orphan%d", at))
			victim := startChild(t, db, halves[0], fmt.Sprintf("%s=%d", childKill, at))
			victim.wait(t, true)
			if strings.Contains(victim.out.String(), "done:") {
				t.Fatalf("the victim was not killed:\n%s", victim.out.String())
			}
			st, err := openArchive(ctx, db)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			// The last article stored is unplaced, and those stored
			// before it that were still waiting for their turn.
			orphans := len(unplaced(t, st))
			if orphans < 1 || orphans > at {
				t.Fatalf("after the kill %d articles unplaced, want 1 to %d", orphans, at)
			}
			other := startChild(t, db, halves[1])
			other.wait(t, false)
			if !strings.Contains(other.out.String(), fmt.Sprintf(", %d left unplaced by a stopped process placed", orphans)) {
				t.Errorf("the second process does not report the orphan:\n%s", lastLine(other.out.String()))
			}
			if u := unplaced(t, st); len(u) != 0 {
				t.Fatalf("unplaced after the second process: %v", u)
			}
			got := partition(t, st)
			if w := restrict(want, got); !slices.EqualFunc(got, w, slices.Equal) {
				t.Errorf("after the takeover the stories are\n%v\none process made, of those articles,\n%v", got, w)
			}
			again := startChild(t, db, halves[0])
			again.wait(t, false)
			if got := partition(t, st); !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("after ingesting the killed half again\n%v\none process made\n%v", got, want)
			}
		})
	}
}

// unplaced lists the stored articles in no story.
func unplaced(t *testing.T, st store.Store) []string {
	t.Helper()
	ctx := context.Background()
	refs, err := st.(store.ArticleLister).Articles(ctx, store.ListOptions{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range refs {
		sid, err := st.ArticleStory(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if sid == "" {
			out = append(out, r.ID)
		}
	}
	return out
}

// restrict is partition p with only the articles partition got holds,
// in partition's order.
func restrict(p, got [][]string) [][]string {
	in := map[string]bool{}
	for _, g := range got {
		for _, id := range g {
			in[id] = true
		}
	}
	var out [][]string
	for _, g := range p {
		var kept []string
		for _, id := range g {
			if in[id] {
				kept = append(kept, id)
			}
		}
		if len(kept) > 0 {
			out = append(out, kept)
		}
	}
	slices.SortFunc(out, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return out
}
