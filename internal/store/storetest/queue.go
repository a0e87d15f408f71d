package storetest

import (
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

// stories creates one story per id, each seeded by an article of that id.
func stories(t *testing.T, s store.Store, ids ...string) []string {
	t.Helper()
	var out []string
	for _, id := range ids {
		putDoc(t, s, id, "Story "+id, "Text of "+id+".")
		sid, _, err := s.CreateStory(ctx(t), news.Story{Title: id, Articles: []news.ArticleRef{{ID: id}}})
		must(t, err)
		out = append(out, sid)
	}
	return out
}

func jobIDs(js []store.BriefJob) []string {
	out := []string{}
	for _, j := range js {
		out = append(out, j.StoryID)
	}
	return out
}

// testBriefQueue walks entries through queue, claim, lease expiry, done
// (with and without a newer generation), failure with retry, and release.
func testBriefQueue(t *testing.T, s store.Store) {
	c := ctx(t)
	ids := stories(t, s, "q1", "q2")
	a, b := ids[0], ids[1]
	sorted := slices.Sorted(slices.Values(ids))
	t0 := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	must(t, s.QueueBriefings(c, []string{b, a, "no-such-story"}, t0))
	must(t, s.QueueBriefings(c, nil, t0))
	states, err := s.BriefStates(c, []string{a, b, "no-such-story"})
	must(t, err)
	if len(states) != 2 || !states[a].Queued.Equal(t0) || !states[a].Due.Equal(t0) || !states[a].LeaseUntil.IsZero() || states[a].Attempts != 0 {
		t.Fatalf("BriefStates after queueing = %+v", states)
	}
	claim := func(now time.Time, limit int, only ...string) []store.BriefJob {
		t.Helper()
		js, err := s.ClaimBriefings(c, store.BriefClaim{Now: now, Lease: time.Minute, Limit: limit, Stories: only})
		must(t, err)
		return js
	}
	if js := claim(t0.Add(-time.Second), 10); len(js) != 0 {
		t.Errorf("claim before due = %v, want none", jobIDs(js))
	}
	js := claim(t0, 10)
	if got := jobIDs(js); !reflect.DeepEqual(got, sorted) {
		t.Fatalf("claim = %v, want %v (due, then id)", got, sorted)
	}
	if again := claim(t0.Add(30*time.Second), 10); len(again) != 0 {
		t.Errorf("claim while leased = %v, want none", jobIDs(again))
	}
	if st, _ := s.BriefStates(c, []string{a}); !st[a].LeaseUntil.Equal(t0.Add(time.Minute)) {
		t.Errorf("claimed entry's lease = %+v, want until %v", st[a], t0.Add(time.Minute))
	}
	// The lease expires: a worker that died is replaced.
	js = claim(t0.Add(2*time.Minute), 10)
	if got := jobIDs(js); !reflect.DeepEqual(got, sorted) {
		t.Fatalf("claim after lease expiry = %v, want %v", got, sorted)
	}
	job := map[string]store.BriefJob{js[0].StoryID: js[0], js[1].StoryID: js[1]}

	// a is queued again while being briefed: done keeps the entry.
	must(t, s.QueueBriefings(c, []string{a}, t0.Add(3*time.Minute)))
	must(t, s.DoneBriefing(c, job[a]))
	st, err := s.BriefStates(c, []string{a})
	must(t, err)
	if e, ok := st[a]; !ok || !e.LeaseUntil.IsZero() || !e.Queued.Equal(t0) {
		t.Errorf("entry queued again during its briefing: %+v, %v; want kept, released", e, ok)
	}
	js = claim(t0.Add(3*time.Minute), 10, a)
	if len(js) != 1 || js[0].StoryID != a || js[0].Gen == job[a].Gen {
		t.Fatalf("claim of the new generation = %+v", js)
	}
	must(t, s.DoneBriefing(c, js[0]))
	if st, _ := s.BriefStates(c, []string{a}); len(st) != 0 {
		t.Errorf("entry after done = %+v, want removed", st)
	}

	// b fails and waits for its retry time.
	t1, retry := t0.Add(4*time.Minute), t0.Add(time.Hour)
	must(t, s.FailBriefing(c, job[b], "briefing timed out after 1m0s", t1, retry))
	st, err = s.BriefStates(c, []string{b})
	must(t, err)
	if e := st[b]; e.Attempts != 1 || e.LastError != "briefing timed out after 1m0s" || !e.Failed.Equal(t1) || !e.Due.Equal(retry) || !e.LeaseUntil.IsZero() {
		t.Errorf("failed entry = %+v", e)
	}
	if stats, err := s.Stats(c); err != nil || stats.BriefQueued != 1 || stats.BriefFailing != 1 {
		t.Errorf("Stats with one failing entry = %+v, %v", stats, err)
	}
	if js := claim(t1, 10); len(js) != 0 {
		t.Errorf("claim before the retry time = %v, want none", jobIDs(js))
	}
	js = claim(retry, 10)
	if len(js) != 1 || js[0].StoryID != b || js[0].Attempts != 1 {
		t.Fatalf("claim at the retry time = %+v", js)
	}
	// A stopped worker gives its claim back without counting an attempt.
	must(t, s.ReleaseBriefing(c, js[0]))
	js = claim(retry, 10)
	if len(js) != 1 || js[0].Attempts != 1 {
		t.Fatalf("claim after release = %+v", js)
	}
	must(t, s.DoneBriefing(c, js[0]))
	if stats, err := s.Stats(c); err != nil || stats.BriefQueued != 0 || stats.BriefFailing != 0 {
		t.Errorf("Stats with an empty queue = %+v, %v", stats, err)
	}
	if js, err := s.ClaimBriefings(c, store.BriefClaim{Now: retry, Lease: time.Minute, Stories: []string{}}); err != nil || len(js) != 0 {
		t.Errorf("claim restricted to no story = %v, %v", js, err)
	}
}

// testBriefQueueMerge checks that a merged-away story's entry goes with
// it and that queueing its id queues the survivor.
func testBriefQueueMerge(t *testing.T, s store.Store) {
	c := ctx(t)
	ids := stories(t, s, "qm1", "qm2")
	into, from := ids[0], ids[1]
	t0 := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	must(t, s.QueueBriefings(c, []string{from}, t0))
	must(t, s.MergeStories(c, into, from))
	if st, err := s.BriefStates(c, []string{into, from}); err != nil || len(st) != 0 {
		t.Errorf("states after merge = %+v, %v; want none", st, err)
	}
	must(t, s.QueueBriefings(c, []string{from}, t0))
	if st, err := s.BriefStates(c, []string{into, from}); err != nil || len(st) != 1 || st[into].StoryID != into {
		t.Errorf("queueing a merged-away id = %+v, %v; want the survivor %s queued", st, err, into)
	}
}

// testBriefClaimOnce has workers on two handles of one archive claim at
// once: every entry is claimed by exactly one of them.
func testBriefClaimOnce(t *testing.T, s1, s2 store.Store) {
	c := ctx(t)
	var names []string
	for i := range 24 {
		names = append(names, fmt.Sprintf("qc%02d", i))
	}
	ids := stories(t, s1, names...)
	t0 := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	must(t, s1.QueueBriefings(c, ids, t0))
	var (
		mu   sync.Mutex
		seen = map[string]int{}
		wg   sync.WaitGroup
	)
	for w := range 4 {
		s := []store.Store{s1, s2}[w%2]
		wg.Go(func() {
			for {
				js, err := s.ClaimBriefings(c, store.BriefClaim{Now: t0, Lease: time.Hour, Limit: 2})
				if err != nil {
					t.Errorf("worker %d: %v", w, err)
					return
				}
				if len(js) == 0 {
					return
				}
				mu.Lock()
				for _, j := range js {
					seen[j.StoryID]++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(seen) != len(ids) {
		t.Errorf("%d of %d entries claimed", len(seen), len(ids))
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("story %s claimed %d times", id, n)
		}
	}
}
