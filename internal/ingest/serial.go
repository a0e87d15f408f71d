package ingest

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/crosscheck/crosscheck/internal/cluster"
	"github.com/crosscheck/crosscheck/internal/store"
)

// holdBudget is how long a batch keeps by default the store's clustering lock before
// letting another process have it; idleRelease releases it sooner when no
// decision comes (the batch waits for its input); yieldPause is how long
// an engine that gave the lock up after holdBudget waits before asking for
// it again, so that a waiting process gets its turn.
const (
	holdBudget  = 100 * time.Millisecond
	idleRelease = 10 * time.Millisecond
	yieldPause  = 2 * time.Millisecond
)

// serial is the cross-process half of the engine: the store's clustering
// lock and this engine's position in the store's ingest order. Guarded by
// Engine.mu.
type serial struct {
	locker store.ClusterLocker // nil: decisions are serialised in-process only
	log    store.ClusterLog

	unlock  func() error  // set while this engine holds the lock
	held    time.Time     // when it was taken (Options.Now)
	since   time.Time     // when it was taken (the real clock)
	total   time.Duration // how long this engine has held it
	yielded bool          // the last release was for holdBudget
	idle    *time.Timer

	seq     int64           // last ingest position the clusterer has seen
	own     map[string]bool // articles this engine stored and clustered after seq
	orphans map[string]bool // articles at or before seq that were in no story
}

// initSerial enables cross-process serialisation when the store offers
// both the lock and the ingest log.
func (e *Engine) initSerial() {
	lk, ok1 := e.st.(store.ClusterLocker)
	lg, ok2 := e.st.(store.ClusterLog)
	if !ok1 || !ok2 {
		return
	}
	e.ser = serial{locker: lk, log: lg, own: map[string]bool{}, orphans: map[string]bool{}}
}

// acquire takes the store's clustering lock unless this engine holds it,
// then replays what other processes decided since. Called with e.mu held.
func (e *Engine) acquire(ctx context.Context) error {
	s := &e.ser
	if s.locker == nil || s.unlock != nil {
		return nil
	}
	if s.yielded {
		s.yielded = false
		time.Sleep(yieldPause)
	}
	catchUp := e.catchUp
	if e.ps != nil {
		catchUp = e.syncState // the store holds the others' decisions
	}
	var unlock func() error
	var err error
	if log, seq, ok := e.changeLogOf(); ok {
		// The lock and the others' changes in one round trip.
		var meta []byte
		var ch store.ClusterChanges
		unlock, meta, ch, err = log.LockClusteringSince(ctx, seq)
		catchUp = func(context.Context) error { return e.applyChanges(meta, ch, seq) }
	} else {
		unlock, err = s.locker.LockClustering(ctx)
	}
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	s.unlock, s.held, s.since = unlock, e.o.Now(), time.Now()
	if err := catchUp(ctx); err != nil {
		_ = e.release()
		return fmt.Errorf("ingest: catch up: %w", err)
	}
	return nil
}

// changeLogOf is changeLog for an engine over a persisted state.
func (e *Engine) changeLogOf() (store.ClusterChangeLog, int64, bool) {
	if e.ps == nil {
		return nil, 0, false
	}
	return e.changeLog()
}

// keep decides after a clustering decision whether to go on holding the
// lock: up to holdBudget, and while decisions keep coming. Called with
// e.mu held.
func (e *Engine) keep() error {
	s := &e.ser
	if s.unlock == nil {
		return nil
	}
	if e.o.Now().Sub(s.held) >= e.o.LockHold {
		s.yielded = true
		return e.release()
	}
	if s.idle == nil {
		s.idle = time.AfterFunc(idleRelease, e.releaseIdle)
	} else {
		s.idle.Reset(idleRelease)
	}
	return nil
}

// releaseIdle is the idle timer's callback.
func (e *Engine) releaseIdle() {
	e.mu.Lock()
	defer e.mu.Unlock()
	// An unlock error leaves nothing held: both stores drop the lock
	// with the file or connection they failed to unlock.
	_ = e.release()
}

// release gives the lock up. Called with e.mu held.
func (e *Engine) release() error {
	s := &e.ser
	if s.idle != nil {
		s.idle.Stop()
	}
	if s.unlock == nil {
		return nil
	}
	unlock := s.unlock
	s.unlock = nil
	err := unlock()
	s.total += time.Since(s.since)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	return nil
}

// unlockClustering releases the lock if held, for callers without e.mu.
func (e *Engine) unlockClustering() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.release()
}

// heldTotal is how long this engine has held the store's clustering
// lock, over all calls.
func (e *Engine) heldTotal() time.Duration {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.ser.total
}

// decided records that this engine clustered article id: a new one (after
// the position, listed by the next catch-up) or a re-clustered orphan.
// Called with e.mu held.
func (e *Engine) decided(id string, added bool) {
	s := &e.ser
	if s.locker == nil || e.ps != nil {
		return // with a persisted state nothing is caught up by article
	}
	if added {
		s.own[id] = true
	}
	delete(s.orphans, id)
}

// catchUp replays into the clusterer, in ingest order, every article other
// processes stored and clustered after this engine's position, mapping it
// to its stored story as the start-up replay does, then the orphans (left
// in no story by a killed run) that have been assigned since. Called with
// e.mu and the store's lock held.
func (e *Engine) catchUp(ctx context.Context) error {
	s := &e.ser
	for {
		page, err := s.log.ArticlesAfter(ctx, s.seq, store.MaxLimit)
		if err != nil {
			return err
		}
		for _, a := range page {
			s.seq = a.Seq
			switch {
			case s.own[a.ID]:
				delete(s.own, a.ID)
			case a.StoryID == "":
				s.orphans[a.ID] = true
			default:
				if err := e.replayStored(ctx, a.ID, a.StoryID); err != nil {
					return err
				}
			}
		}
		if len(page) < store.MaxLimit {
			break
		}
	}
	if len(s.orphans) == 0 {
		return nil
	}
	for _, id := range slices.Sorted(maps.Keys(s.orphans)) {
		sid, err := e.st.ArticleStory(ctx, id)
		if err != nil {
			return err
		}
		if sid == "" {
			continue
		}
		delete(s.orphans, id)
		if err := e.replayStored(ctx, id, sid); err != nil {
			return err
		}
	}
	return nil
}

// replayStored reads a stored article another process clustered and
// replays it.
func (e *Engine) replayStored(ctx context.Context, id, storyID string) error {
	a, err := e.st.Article(ctx, id)
	if err != nil {
		return err
	}
	e.replay.CaughtUp++
	return e.replayOne(ctx, docOf(id, a, 0), storyID, true, &e.replay)
}

// replayOne adds a stored article to the clusterer, mapping the clusterer
// story it lands in to storyID when that story is new to the engine; a
// placement in another stored story is counted and the stored one kept.
// When ordered, merges the clusterer makes are applied to the store (a
// merge already made there is a no-op). Called with e.mu held.
func (e *Engine) replayOne(ctx context.Context, doc cluster.Doc, storyID string, ordered bool, st *ReplayStats) error {
	asg := e.cl.Add(doc)
	sid, ok := e.byCluster[asg.Story]
	switch {
	case asg.Created || !ok:
		e.byCluster[asg.Story] = storyID
		sid = storyID
	case e.resolve(sid) != e.resolve(storyID):
		st.Disagreed++
	}
	sid = e.resolve(sid)
	for _, m := range asg.Merged {
		if !ordered {
			// Out of ingest order a merge is as likely an artefact
			// of the order as a merge a kill interrupted: keep the
			// stored stories; new articles follow the clusterer.
			if from, ok := e.byCluster[m]; ok && e.resolve(from) != sid {
				st.Unmerged++
			}
			e.byCluster[m] = sid
			continue
		}
		merged, err := e.merge(ctx, sid, m)
		if err != nil {
			return err
		}
		if merged {
			st.Repaired++
		}
	}
	return nil
}
