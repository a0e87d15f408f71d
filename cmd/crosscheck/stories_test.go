package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/ingest/ingesttest"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/sqlite"
)

// cli runs one command in-process and returns stdout, stderr and the exit
// status.
func cliRun(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	code, out, errb := runCLI(t, args...)
	return out, errb, code
}

func seedFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "seeds", "*.txt"))
	if err != nil || len(files) != 2 {
		t.Fatalf("bundled seeds: %v %v", files, err)
	}
	return files
}

func TestArchiveCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	seeds := seedFiles(t)
	ingestArgs := append([]string{"ingest", "--db", db, "--published", "2017-04-12"}, seeds...)

	_, stderr, code := cliRun(t, ingestArgs...)
	if code != 0 || !strings.Contains(stderr, "added 2, duplicates 0, rejected 0, stories 1") {
		t.Fatalf("first ingest: status %d, stderr %q", code, stderr)
	}
	if !strings.Contains(stderr, "briefings: 1 built") || strings.Contains(stderr, "left to the queue") {
		t.Errorf("first ingest: stderr %q, want the changed story briefed before exit", stderr)
	}
	_, stderr, code = cliRun(t, ingestArgs...)
	if code != 0 || !strings.Contains(stderr, "added 0, duplicates 2, rejected 0") {
		t.Fatalf("second ingest: status %d, stderr %q", code, stderr)
	}

	stdout, stderr, code := cliRun(t, "stories", "--db", db, "--format", "json")
	if code != 0 {
		t.Fatalf("stories: status %d, stderr %q", code, stderr)
	}
	var stories []struct {
		ID       string            `json:"id"`
		Title    string            `json:"title"`
		Updated  time.Time         `json:"updated"`
		Articles []news.ArticleRef `json:"articles"`
	}
	if err := json.Unmarshal([]byte(stdout), &stories); err != nil {
		t.Fatalf("stories json: %v\n%s", err, stdout)
	}
	if len(stories) != 1 || len(stories[0].Articles) != 2 || stories[0].Updated.IsZero() {
		t.Fatalf("want one story of both articles, got %s", stdout)
	}
	ids := []string{stories[0].Articles[0].ID, stories[0].Articles[1].ID}
	for _, a := range stories[0].Articles {
		if a.Input == "" || a.Title == "" {
			t.Errorf("article ref without input or title: %+v", a)
		}
	}

	t.Run("story", func(t *testing.T) {
		stdout, stderr, code := cliRun(t, "story", "--db", db, "--format", "json", stories[0].ID)
		if code != 0 {
			t.Fatalf("story: status %d, stderr %q", code, stderr)
		}
		var b news.Briefing
		if err := json.Unmarshal([]byte(stdout), &b); err != nil {
			t.Fatalf("briefing json: %v", err)
		}
		if b.StoryID != stories[0].ID || len(b.Sources) != 2 {
			t.Errorf("briefing of %s with %d sources", b.StoryID, len(b.Sources))
		}
		kinds := map[string]bool{}
		for _, d := range b.Discrepancies {
			kinds[d.Kind] = true
		}
		for _, k := range []string{news.KindQuantity, news.KindDate} {
			if !kinds[k] {
				t.Errorf("no %s discrepancy; kinds %v", k, kinds)
			}
		}
		for _, f := range []string{"markdown", "html"} {
			out, _, code := cliRun(t, "story", "--db", db, "--format", f, stories[0].ID)
			if code != 0 || !strings.Contains(out, "Tillerson") {
				t.Errorf("story --format %s: status %d, %d bytes", f, code, len(out))
			}
		}
		if _, stderr, code := cliRun(t, "story", "--db", db, "nosuchstory"); code != 1 || !strings.Contains(stderr, `crosscheck story: the archive has no story "nosuchstory"`) {
			t.Errorf("unknown story: status %d, %q; want 1 and the plain words", code, stderr)
		}
	})

	t.Run("search", func(t *testing.T) {
		stdout, stderr, code := cliRun(t, "search", "--db", db, "Tillerson")
		if code != 0 {
			t.Fatalf("search: status %d, stderr %q", code, stderr)
		}
		for _, id := range ids {
			if !strings.Contains(stdout, id) {
				t.Errorf("search Tillerson misses %s:\n%s", id, stdout)
			}
		}
		stdout, _, _ = cliRun(t, "search", "--db", db, "--format", "json", "zzzunheardofword")
		if strings.TrimSpace(stdout) != "[]" {
			t.Errorf("search for an absent word: %q", stdout)
		}
	})

	t.Run("usage", func(t *testing.T) {
		for _, args := range [][]string{
			{"ingest", "--db", db},
			{"stories", "--db", db, "--format", "xml"},
			{"story", "--db", db, "one", "two"},
			{"search", "--db", db},
			{"search", "--db", db, "--limit", "0", "x"},
		} {
			if _, _, code := cliRun(t, args...); code != 2 {
				t.Errorf("%v: status %d, want 2", args, code)
			}
		}
	})
}

// buildCLI builds the crosscheck binary into dir.
func buildCLI(t *testing.T, dir string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	bin := filepath.Join(dir, "crosscheck")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	args := []string{"build", "-o", bin}
	cmd := exec.Command("go", append(args, ".")...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// partitionOf opens a SQLite archive and returns its stories as sorted
// lists of article ids, checking that no article is in two stories.
func partitionOf(t *testing.T, db string) ([][]string, store.Stats) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	page, err := st.Stories(ctx, store.ListOptions{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var out [][]string
	for _, s := range page {
		var ids []string
		for _, a := range s.Articles {
			if seen[a.ID] {
				t.Errorf("article %s in two stories", a.ID)
			}
			seen[a.ID] = true
			ids = append(ids, a.ID)
		}
		sort.Strings(ids)
		out = append(out, ids)
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	if len(seen) != int(stats.Articles) {
		t.Errorf("%d articles stored, %d in stories", stats.Articles, len(seen))
	}
	return out, stats
}

// TestIngestKilled SIGKILLs `crosscheck ingest` at random moments, runs it
// to completion and checks that the archive holds every article exactly
// once, grouped as a clean run groups them.
func TestIngestKilled(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL")
	}
	dir := t.TempDir()
	bin := buildCLI(t, dir)
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	arts, err := ingesttest.WriteDir(in, 8, 5, 11)
	if err != nil {
		t.Fatal(err)
	}
	ingestCmd := func(db string) *exec.Cmd {
		cmd := exec.Command(bin, "ingest", "--db", db, in)
		cmd.Env = append(os.Environ(), "NO_COLOR=1")
		return cmd
	}

	clean := filepath.Join(dir, "clean.db")
	start := time.Now()
	if out, err := ingestCmd(clean).CombinedOutput(); err != nil {
		t.Fatalf("clean run: %v\n%s", err, out)
	}
	took := time.Since(start)
	t.Logf("clean run took %v", took)
	want, stats := partitionOf(t, clean)
	if int(stats.Articles) != len(arts) {
		t.Fatalf("clean run stored %d articles, want %d", stats.Articles, len(arts))
	}

	db := filepath.Join(dir, "killed.db")
	ctx := context.Background()
	poll, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer poll.Close()
	count := func() int64 {
		st, err := poll.Stats(ctx)
		if err != nil {
			return -1 // checked by the final assertions
		}
		return st.Articles
	}
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	// Odd runs are killed at a random moment within a clean run's length
	// (from 20 ms): start-up, replay, mid-batch or the closing briefings.
	// Even runs, the first among them, are killed a random 0-15 ms after
	// the archive grew by a random 1-5 articles, so that kills land
	// mid-batch even when start-up dominates a run this small. (With the
	// random moment first, the first run often finished before it, and
	// every later run had nothing left to store: no kill landed at all.)
	hi := max(took, 40*time.Millisecond)
	killed := 0
	for i := 0; i < 8; i++ {
		cmd := ingestCmd(db)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		before := count()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done, exited := make(chan error, 1), make(chan struct{})
		go func() {
			err := cmd.Wait()
			close(exited)
			done <- err
		}()
		running := func() bool {
			select {
			case <-exited:
				return false
			default:
				return true
			}
		}
		var trigger <-chan time.Time
		if i%2 == 1 {
			trigger = time.After(20*time.Millisecond + time.Duration(r.Int64N(int64(hi-20*time.Millisecond))))
		} else {
			target := before + 1 + r.Int64N(5)
			extra := time.Duration(r.Int64N(int64(15 * time.Millisecond)))
			ch := make(chan time.Time, 1)
			go func() {
				deadline := time.Now().Add(20 * time.Second)
				for count() < target && time.Now().Before(deadline) && running() {
					time.Sleep(2 * time.Millisecond)
				}
				time.Sleep(extra)
				ch <- time.Now()
			}()
			trigger = ch
		}
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("run %d ended early: %v\n%s", i, err, out.String())
			}
			t.Logf("run %d finished before the kill", i)
		case <-trigger:
			cmd.Process.Signal(syscall.SIGKILL)
			<-done
			st, err := poll.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("run %d killed: %d -> %d articles, %d stories, %d briefings", i, before, st.Articles, st.Stories, st.Briefings)
			if st.Articles < int64(len(arts)) {
				killed++
			}
		}
		if strings.Contains(out.String(), "crosscheck ingest:") {
			t.Fatalf("run %d failed:\n%s", i, out.String())
		}
	}
	if killed == 0 {
		t.Error("no run was killed before it had stored every article: the test checked no recovery")
	}
	out, err := ingestCmd(db).CombinedOutput()
	if err != nil {
		t.Fatalf("final run: %v\n%s", err, out)
	}
	t.Logf("final run: %s", bytes.TrimSpace(out))
	got, stats := partitionOf(t, db)
	if int(stats.Articles) != len(arts) {
		t.Errorf("%d articles stored, want %d", stats.Articles, len(arts))
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("stories after kills\n%v\nclean run\n%v", got, want)
	}
	// A story whose briefing a killed run had claimed stays leased to it
	// until the lease runs out: every story is briefed or queued, none
	// forgotten. The final run names such a story "left to the queue"
	// when it queued the story itself (ingest.Drained.Left lists only
	// those); a final run that stored nothing new queued nothing, and
	// the entry a killed run left (even one whose briefing it had saved
	// before the kill) waits for its lease to run out unnamed.
	queuedNow := !strings.Contains(string(out), "added 0,")
	if stats.Briefings+stats.BriefQueued < stats.Stories || queuedNow && stats.BriefQueued > 0 && !strings.Contains(string(out), "left to the queue") {
		t.Errorf("%d briefings and %d queued for %d stories; final run: %s", stats.Briefings, stats.BriefQueued, stats.Stories, out)
	}
}

// TestReadmeMainJob runs the README's first command: ingest the bundled
// example into a fresh archive, then print the newest story's briefing.
func TestReadmeMainJob(t *testing.T) {
	db := filepath.Join(t.TempDir(), "readme.db")
	code, _, stderr := runCLI(t, "story", "--db", db)
	if code == 0 || !strings.Contains(stderr, "no stories yet") {
		t.Errorf("story on an empty archive: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runCLI(t, "ingest", "--db", db, "--published", "2017-04-12", "../../examples/seeds"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	code, out, stderr := runCLI(t, "story", "--db", db)
	if code != 0 {
		t.Fatalf("story: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"## Summary", "nearly two hours", "more than two hours", "Friday"} {
		if !strings.Contains(out, want) {
			t.Errorf("briefing lacks %q", want)
		}
	}
}
