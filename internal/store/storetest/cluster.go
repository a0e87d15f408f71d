package storetest

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

func testArticlesAfter(t *testing.T, s store.Store) {
	l, ok := s.(store.ClusterLog)
	if !ok {
		t.Skip("store does not implement store.ClusterLog")
	}
	ids := []string{"q-k", "q-b", "q-x", "q-d"}
	for _, id := range ids {
		putDoc(t, s, id, "Seq "+id, "Body "+id+".")
	}
	s1, _, err := s.CreateStory(ctx(t), news.Story{Title: "one", Articles: []news.ArticleRef{{ID: "q-k"}, {ID: "q-x"}}})
	must(t, err)
	s2, _, err := s.CreateStory(ctx(t), news.Story{Title: "two", Articles: []news.ArticleRef{{ID: "q-d"}}})
	must(t, err)

	all, err := l.ArticlesAfter(ctx(t), 0, 0)
	must(t, err)
	if len(all) != len(ids) {
		t.Fatalf("ArticlesAfter(0) = %+v, want %d articles", all, len(ids))
	}
	stories := map[string]string{"q-k": s1, "q-b": "", "q-x": s1, "q-d": s2}
	for i, a := range all {
		if a.ID != ids[i] || a.StoryID != stories[a.ID] {
			t.Errorf("ArticlesAfter(0)[%d] = %+v, want id %s story %q", i, a, ids[i], stories[ids[i]])
		}
		if i > 0 && a.Seq <= all[i-1].Seq {
			t.Errorf("seq %d after %d: not increasing", a.Seq, all[i-1].Seq)
		}
	}
	for _, tc := range []struct {
		name  string
		after int64
		limit int
		want  []string
	}{
		{"from the second", all[0].Seq, 0, ids[1:]},
		{"limited", all[0].Seq, 2, ids[1:3]},
		{"between seqs", all[1].Seq + (all[2].Seq-all[1].Seq)/2, 0, ids[2:]},
		{"after the last", all[3].Seq, 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := l.ArticlesAfter(ctx(t), tc.after, tc.limit)
			must(t, err)
			var gotIDs []string
			for _, a := range got {
				gotIDs = append(gotIDs, a.ID)
			}
			if !equalStrings(gotIDs, tc.want) {
				t.Errorf("ArticlesAfter(%d, %d) = %v, want %v", tc.after, tc.limit, gotIDs, tc.want)
			}
		})
	}
	// A later article gets a higher seq; a merge shows the survivor.
	putDoc(t, s, "q-a", "Seq q-a", "Body q-a.")
	must(t, s.MergeStories(ctx(t), s2, s1))
	got, err := l.ArticlesAfter(ctx(t), all[3].Seq, 0)
	must(t, err)
	if len(got) != 1 || got[0].ID != "q-a" || got[0].StoryID != "" {
		t.Errorf("after a new put: %+v, want only q-a, unassigned", got)
	}
	got, err = l.ArticlesAfter(ctx(t), 0, 1)
	must(t, err)
	if len(got) != 1 || got[0].StoryID != s2 {
		t.Errorf("after merging %s into %s: %+v", s1, s2, got)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// lockers returns s and a second store over its storage (reopen) as
// ClusterLockers; it skips the test when s is none.
func lockers(t *testing.T, s store.Store, reopen func() store.Store) (lk, other store.ClusterLocker) {
	t.Helper()
	lk, ok := s.(store.ClusterLocker)
	if !ok {
		t.Skip("store does not implement store.ClusterLocker")
	}
	other, ok = reopen().(store.ClusterLocker)
	if !ok {
		t.Fatal("the reopened store is no ClusterLocker")
	}
	return lk, other
}

// testClusterLock checks that the clustering lock excludes lockers of one
// store and of a second store over the same storage, that a cancelled
// wait gives up without keeping the lock, and that unlock is idempotent.
func testClusterLock(t *testing.T, s store.Store, reopen func() store.Store) {
	lk, other := lockers(t, s, reopen)
	unlock, err := lk.LockClustering(ctx(t))
	must(t, err)
	// Given up on every exit path, a failure's included (unlock is
	// idempotent), so that a failing test fails rather than waits.
	t.Cleanup(func() { unlock() })

	t.Run("held lock blocks, cancel gives up", func(t *testing.T) {
		for _, l := range []store.ClusterLocker{lk, other} {
			c, cancel := context.WithTimeout(ctx(t), 150*time.Millisecond)
			u, err := l.LockClustering(c)
			cancel()
			if err == nil {
				u()
				t.Fatal("LockClustering succeeded while the lock was held")
			}
			if !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, context.Canceled) {
				t.Errorf("err = %v, want a context error", err)
			}
		}
	})
	got := make(chan error, 1)
	go func() {
		u, err := other.LockClustering(ctx(t))
		if err == nil {
			err = u()
		}
		got <- err
	}()
	select {
	case err := <-got:
		t.Fatalf("second store locked while the lock was held (err %v)", err)
	case <-time.After(100 * time.Millisecond):
	}
	must(t, unlock())
	must(t, unlock()) // a second unlock is a no-op
	select {
	case err := <-got:
		must(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("second store did not get the lock after unlock")
	}

	t.Run("mutual exclusion", func(t *testing.T) {
		var inside, overlaps, done atomic.Int64
		var wg sync.WaitGroup
		for i := range 6 {
			l := lk
			if i%2 == 1 {
				l = other
			}
			wg.Go(func() {
				for range 5 {
					u, err := l.LockClustering(ctx(t))
					if err != nil {
						t.Error(err)
						return
					}
					if inside.Add(1) != 1 {
						overlaps.Add(1)
					}
					time.Sleep(time.Millisecond)
					inside.Add(-1)
					done.Add(1)
					if err := u(); err != nil {
						t.Error(err)
					}
				}
			})
		}
		wg.Wait()
		if overlaps.Load() != 0 || done.Load() != 30 {
			t.Errorf("%d overlapping holders in %d holds", overlaps.Load(), done.Load())
		}
	})
}

// testClusterLockClose checks that closing a store gives up the
// clustering lock it holds: a caller that fails (a test's t.Fatal, an
// error return) before its unlock must not leave Close waiting, nor
// another store waiting for the lock, for ever.
func testClusterLockClose(t *testing.T, s store.Store, reopen func() store.Store) {
	lk, other := lockers(t, s, reopen)
	unlock, err := lk.LockClustering(ctx(t))
	must(t, err)
	closed := make(chan error, 1)
	go func() { closed <- s.Close() }()
	select {
	case err := <-closed:
		must(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not return while the store held the clustering lock")
	}
	c, cancel := context.WithTimeout(ctx(t), 10*time.Second)
	defer cancel()
	u, err := other.LockClustering(c)
	if err != nil {
		t.Fatalf("another store cannot take the lock the closed store held: %v", err)
	}
	must(t, u())
	if err := unlock(); err != nil {
		t.Errorf("unlock after Close: %v, want nil (the lock is given up already)", err)
	}
	if _, err := lk.LockClustering(ctx(t)); !errors.Is(err, store.ErrClosed) {
		t.Errorf("LockClustering after Close: %v, want ErrClosed", err)
	}
}
