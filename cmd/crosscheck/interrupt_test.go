package main

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// cancelAt is a context cancelled (as by SIGINT) at the n-th look at it:
// the n-th call of Done or Err, counting from 1. It stands for a signal
// landing at a chosen point of a command, without timing.
type cancelAt struct {
	mu    sync.Mutex
	n     int // looks left before the cancel
	done  chan struct{}
	fired bool
}

func newCancelAt(n int) *cancelAt {
	c := &cancelAt{n: n, done: make(chan struct{})}
	if n <= 0 {
		c.fire()
	}
	return c
}

func (c *cancelAt) fire() {
	if !c.fired {
		c.fired = true
		close(c.done)
	}
}

// look counts one look and reports whether the context is cancelled.
func (c *cancelAt) look() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n--; c.n <= 0 {
		c.fire()
	}
	return c.fired
}

func (c *cancelAt) Deadline() (time.Time, bool) { return time.Time{}, false }
func (c *cancelAt) Value(any) any               { return nil }

func (c *cancelAt) Done() <-chan struct{} {
	c.look()
	return c.done
}

func (c *cancelAt) Err() error {
	if c.look() {
		return context.Canceled
	}
	return nil
}

// The phases of an ingest a signal can land in, by what the command says.
var interruptedSays = []struct {
	phase string
	re    *regexp.Regexp
}{
	{"opening the archive", regexp.MustCompile(`interrupted while opening the archive: nothing stored or changed`)},
	{"loading the clustering state", regexp.MustCompile(`interrupted while loading the clustering state: no input read, nothing stored`)},
	{"ingesting", regexp.MustCompile(`(?m)^interrupted: inputs not yet stored were left out`)},
	{"briefing", regexp.MustCompile(`(?m)^briefings: .*; interrupted`)},
}

// TestIngestInterruptedAnywhere runs the ingest command in process on an
// archive that holds one article, with the context cancelled at its 1st,
// 2nd, 3rd... look, until a run completes: every run cut short must say
// in which phase it was interrupted and what it kept (interruptedSays),
// and leave the archive consistent with the first article and its story
// intact. With "backfill" the archive's clustering state is deleted
// before each run (an archive from before the state was kept), so that
// the engine's start replays the archive and writes the state. A run
// that ends with a bare store error (the context's) fails the test: a
// signal once landed while the state loaded and the command said only
// "cluster state: sqlite: cluster meta: context canceled".
func TestIngestInterruptedAnywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the ingest command a few hundred times: skipped in -short mode")
	}
	for _, backfill := range []bool{false, true} {
		name := "state"
		if backfill {
			name = "backfill"
		}
		t.Run(name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "archive.db")
			if code, _, stderr := runCLI(t, "ingest", "--db", db, seeds[0]); code != 0 {
				t.Fatalf("first ingest: exit %d\n%s", code, stderr)
			}
			first := storyOf(t, db)
			hit := map[string]int{}
			// Every look of the opening and of most of the engine's
			// start, then every 8th (the ingest and the briefing
			// repeat the same steps for each article).
			for n, step := 1, 1; ; n += step {
				if n > 64 {
					step = 8
				}
				if backfill {
					dropClusterState(t, db)
				}
				var out, errb bytes.Buffer
				code := program().Run(newCancelAt(n), []string{"ingest", "--db", db, seeds[0], seeds[1]}, &out, &errb)
				checkStored(t, db, code != 0)
				if got := storyOf(t, db); got != first {
					t.Fatalf("cancelled at look %d: the first article's story is %q, was %q", n, got, first)
				}
				if code == 0 {
					t.Logf("completed at look %d; interrupted in %v", n, hit)
					break
				}
				phase := ""
				for _, s := range interruptedSays {
					if s.re.MatchString(errb.String()) {
						phase = s.phase
						break
					}
				}
				if phase == "" {
					t.Fatalf("cancelled at look %d: exit %d without saying what was interrupted and kept:\n%s", n, code, errb.String())
				}
				hit[phase]++
				if n > 100000 {
					t.Fatalf("no run completed in %d looks", n)
				}
			}
			if hit["loading the clustering state"] == 0 {
				t.Errorf("no run was interrupted while the clustering state loaded: %v", hit)
			}
		})
	}
}

// storyOf returns the stored story of the archive's first article.
func storyOf(t *testing.T, path string) string {
	t.Helper()
	db := openReadOnly(t, path)
	defer db.Close()
	var id string
	err := db.QueryRow(`SELECT s.story_id FROM story_articles s JOIN articles a ON a.id = s.article_id ORDER BY a.rowid LIMIT 1`).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// dropClusterState deletes the archive's clustering state, as in an
// archive from before it was kept.
func dropClusterState(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, table := range []string{"cluster_meta", "cluster_stories", "cluster_df", "cluster_postings"} {
		if _, err := db.Exec(`DELETE FROM ` + table); err != nil {
			t.Fatal(strings.Join([]string{table, err.Error()}, ": "))
		}
	}
}
