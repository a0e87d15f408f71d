package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/cluster"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

// defaultResident is how many clusterer stories (heads included) an
// engine over a persisted state holds before it drops those outside the
// active window (cluster.Compact); what the next articles need of them is
// read again from the store.
const defaultResident = 5000

// initState makes the engine's clusterer one over the store's persisted
// state (store.ClusterState): only the global record is read at start.
// An archive clustered before the state was kept is filled once, by the
// replay that rebuilt the clusterer before (rebuild), exported whole.
func (e *Engine) initState(ctx context.Context) error {
	meta, err := e.ps.ClusterMeta(ctx)
	if err != nil {
		return fmt.Errorf("ingest: cluster state: %w", err)
	}
	if meta == nil {
		page, err := e.ser.log.ArticlesAfter(ctx, 0, 1)
		if err != nil {
			return fmt.Errorf("ingest: cluster state: %w", err)
		}
		if len(page) > 0 {
			if meta, err = e.backfill(ctx); err != nil {
				return err
			}
		}
	}
	return e.restore(meta)
}

// backfill replays the archive (rebuild) and writes the clusterer's
// whole state; it returns the global record written. It holds the
// store's clustering lock throughout, so that of several processes
// starting at once on an older archive one fills the state and the
// others, finding it filled, read it (a second replay written after the
// first process placed articles would put the state back).
func (e *Engine) backfill(ctx context.Context) ([]byte, error) {
	unlock, err := e.ser.locker.LockClustering(ctx)
	if err != nil {
		return nil, fmt.Errorf("ingest: backfill cluster state: %w", err)
	}
	defer func() { _ = unlock() }() // nothing is held after a failed unlock
	if meta, err := e.ps.ClusterMeta(ctx); err != nil || meta != nil {
		return meta, err
	}
	if err := e.rebuild(ctx); err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	d, err := e.delta(e.cl.Export())
	if err != nil {
		return nil, err
	}
	if err := e.ps.PutClusterState(ctx, d); err != nil {
		return nil, fmt.Errorf("ingest: backfill cluster state: %w", err)
	}
	return d.Meta, nil
}

// restore drops the clusterer's memory and starts again from the global
// record meta (nil: an empty state).
func (e *Engine) restore(meta []byte) error {
	var m cluster.Meta
	if meta != nil {
		if err := json.Unmarshal(meta, &m); err != nil {
			return fmt.Errorf("ingest: cluster state: %w", err)
		}
	}
	e.cl = cluster.Restore(e.o.Cluster, m)
	e.meta = meta
	clear(e.byCluster)
	return nil
}

// syncState, under the store's lock, drops the clusterer's memory when
// another process placed articles since this engine last wrote or read
// the state (the global record changed): what the next decisions need is
// read again, as the other process left it. With the store's change log
// the lock's round trip does it instead, dropping only what the others
// changed (acquire, applyChanges). Called with e.mu held.
func (e *Engine) syncState(ctx context.Context) error {
	meta, err := e.ps.ClusterMeta(ctx)
	if err != nil {
		return err
	}
	if bytes.Equal(meta, e.meta) {
		return nil
	}
	return e.restore(meta)
}

// changeLog returns the store's change log and the placement number of
// the state this engine last wrote or read; ok is false without a log,
// or when that state is unknown (after a failed placement).
func (e *Engine) changeLog() (log store.ClusterChangeLog, seq int64, ok bool) {
	log, ok = e.ps.(store.ClusterChangeLog)
	var was cluster.Meta
	if !ok || json.Unmarshal(e.meta, &was) != nil {
		return nil, 0, false
	}
	return log, int64(was.N), true
}

// applyChanges brings memory from the state numbered seq to meta, given
// what the placements since changed: it drops only that (cluster.Forget)
// and loads the changed document frequencies the store sent with the
// changes (ClusterChanges.DFNow), or, when the log does not hold them
// all, drops everything. Called with e.mu held.
func (e *Engine) applyChanges(meta []byte, ch store.ClusterChanges, seq int64) error {
	e.contended = !bytes.Equal(meta, e.meta)
	if !e.contended {
		return nil
	}
	var m cluster.Meta
	if meta == nil || json.Unmarshal(meta, &m) != nil || int64(m.N) <= seq || ch.Count != int64(m.N)-seq {
		return e.restore(meta)
	}
	// The stored story a changed clusterer story stands for is read
	// again with it.
	for _, id := range append(e.cl.Forget(m, ch.Stories, ch.DF, ch.Posted), ch.Stories...) {
		delete(e.byCluster, id)
	}
	e.meta = meta
	// The changed frequencies as they are now, read with the changes:
	// what a decision would read again.
	return e.cl.Load(ch.DFNow, nil, nil, nil)
}

// delta converts the clusterer's changes for the store.
func (e *Engine) delta(d cluster.Delta) (store.ClusterDelta, error) {
	meta, err := json.Marshal(d.Meta)
	if err != nil {
		return store.ClusterDelta{}, fmt.Errorf("ingest: cluster state: %w", err)
	}
	out := store.ClusterDelta{Meta: meta, DF: d.DF}
	for _, s := range d.Stories {
		cs := store.ClusterStory{ID: s.ID, Cache: s.MarshalCache()}
		if !s.CacheOnly {
			cs.StoryID, cs.Head, cs.State = e.byCluster[s.ID], s.MarshalHead(), s.MarshalState()
		}
		out.Stories = append(out.Stories, cs)
	}
	for _, p := range d.Postings {
		out.Postings = append(out.Postings, store.ClusterPosting{Term: p.Term, Seq: p.Seq, Story: p.Story})
	}
	return out, nil
}

// preload reads from the store what placing doc needs (cluster.Needs).
// Called with e.mu held.
func (e *Engine) preload(ctx context.Context, doc cluster.Doc) error {
	for range 8 {
		need := e.cl.Needs(doc)
		if need.Empty() {
			return nil
		}
		df := make(map[string]int, len(need.DF))
		if len(need.DF) > 0 {
			got, err := e.ps.ClusterDF(ctx, need.DF)
			if err != nil {
				return err
			}
			for _, t := range need.DF {
				df[t] = got[t]
			}
		}
		var ps []cluster.Posting
		sts, err := e.loadStories(ctx, need.Stories, true)
		if err != nil {
			return err
		}
		if len(need.Postings) > 0 {
			rows, err := e.ps.ClusterPostings(ctx, need.Postings, cluster.PostingScan)
			if err != nil {
				return err
			}
			var want []string
			for _, p := range rows {
				ps = append(ps, cluster.Posting{Term: p.Term, Seq: p.Seq, Story: p.Story})
				want = append(want, p.Story)
			}
			heads, err := e.loadStories(ctx, want, false)
			if err != nil {
				return err
			}
			sts = append(sts, heads...)
		}
		if err := e.cl.Load(df, need.Postings, ps, sts); err != nil {
			return err
		}
	}
	return fmt.Errorf("ingest: cluster state: loading does not settle: %w", cluster.ErrState)
}

// prefetch reads, before the store's clustering lock is taken, what
// placing the run's articles needs (preload), so that the turn of the
// lock reads only what other processes changed meanwhile. What it reads
// may be newer than the state memory stands for (e.meta): that is safe,
// because the turn begins by dropping every key changed since that state
// (applyChanges, from the store's change log, or everything when the log
// does not cover it), and a key no placement changed since holds the same
// value in every state read; so the decisions under the lock are those of
// an engine that read everything under it. A failed prefetch drops
// memory (a Load may have stopped halfway) and leaves the reads to the
// turn.
//
// It reads only when another process placed articles between this
// engine's last two turns (e.contended): alone on the archive nobody
// waits for the lock, and reading ahead would cost CPU for nothing (the
// last round of cluster.Needs runs again under the lock, and a run's
// documents have their terms extracted twice: about 0.8 ms of CPU an
// article more in a process alone, measured). Without a change log
// (SQLite: the lock is kept across decisions) or while the lock is held
// it does nothing either. Called with e.mu held.
func (e *Engine) prefetch(ctx context.Context, run []storedArticle) error {
	if e.ps == nil || e.ser.unlock != nil || !e.contended {
		return nil
	}
	if _, _, ok := e.changeLogOf(); !ok {
		return nil
	}
	// Last first: the clusterer keeps the terms of the document it read
	// last, and the turn decides the first article first.
	for i := len(run) - 1; i >= 0; i-- {
		s := run[i]
		if err := e.preload(ctx, docOf(s.res.ArticleID, s.a, 0)); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			_ = e.restore(nil)
			e.meta = []byte("unknown")
			return nil
		}
	}
	return nil
}

// loadStories reads the stories in want (in full, or their heads when
// not in memory), and the heads of the stories those were merged into.
func (e *Engine) loadStories(ctx context.Context, want []string, full bool) ([]cluster.StoryState, error) {
	var out []cluster.StoryState
	got := map[string]bool{}
	for len(want) > 0 {
		var ids []string
		for _, id := range want {
			if !got[id] && (full || !e.cl.HasStory(id)) {
				got[id] = true
				ids = append(ids, id)
			}
		}
		if len(ids) == 0 {
			break
		}
		rows, err := e.ps.ClusterStories(ctx, ids, full)
		if err != nil {
			return nil, err
		}
		if len(rows) != len(ids) {
			return nil, fmt.Errorf("ingest: %d of %d clusterer stories missing: %w", len(ids)-len(rows), len(ids), cluster.ErrState)
		}
		var next []string
		for _, r := range rows {
			var st cluster.StoryState
			if full {
				st, err = cluster.Unmarshal(r.ID, r.State, r.Cache)
			} else {
				st, err = cluster.UnmarshalHead(r.ID, r.Head)
			}
			if err != nil {
				return nil, err
			}
			if _, ok := e.byCluster[r.ID]; !ok && r.StoryID != "" {
				e.byCluster[r.ID] = r.StoryID
			}
			out = append(out, st)
			if st.MergedTo != "" {
				next = append(next, st.MergedTo)
			}
		}
		want, full = next, false
	}
	return out, nil
}

// place writes the clusterer's decision asg for stored article id and
// the state change it made in one transaction (store.ClusterState.Place).
// Called with e.mu held.
func (e *Engine) place(ctx context.Context, id string, a *news.Article, asg cluster.Assignment, res *Result) error {
	p := store.Placement{ArticleID: id, Release: e.lastOfTurn}
	sid, ok := e.byCluster[asg.Story]
	follows := ""
	if asg.Created || !ok {
		// A later development links to the stored story it follows.
		if f, ok := e.byCluster[asg.Follows]; ok && asg.Follows != "" {
			follows = e.resolve(f)
		}
		p.Create = &news.Story{Title: a.Title, Time: brief.ArticleTime(a), Follows: follows}
		sid = store.StoryIDOf(news.Story{Articles: []news.ArticleRef{{ID: id}}})
	} else {
		sid = e.resolve(sid)
		p.StoryID = sid
	}
	e.byCluster[asg.Story] = sid
	for _, m := range asg.Merged {
		from, ok := e.byCluster[m]
		e.byCluster[m] = sid
		if !ok {
			continue
		}
		if from = e.resolve(from); from != sid {
			p.Merge = append(p.Merge, from)
		}
	}
	d, err := e.delta(e.cl.TakeDelta())
	if err != nil {
		return err
	}
	d.Seq = int64(e.cl.Meta().N)
	p.State = d
	placed, err := e.ps.Place(ctx, p)
	if err != nil {
		// Memory is ahead of the store: start again from the store.
		_ = e.restore(nil)
		e.meta = []byte("unknown")
		return err
	}
	e.meta = d.Meta
	res.StoryID, res.Assigned, res.Created = placed.StoryID, true, placed.Created
	if placed.Created {
		res.Follows = follows
	}
	e.dirty[placed.StoryID] = true
	for _, from := range placed.Merged {
		e.alias[from] = placed.StoryID
		delete(e.dirty, from)
		res.Merged++
	}
	if e.cl.Len() > e.resident {
		// Keep the stories of the active window (what the next
		// articles are compared with), drop the rest; when the window
		// alone fills the budget, grow it rather than thrash.
		e.cl.Compact()
		e.resident = max(e.resident, 2*e.cl.Len())
	}
	return nil
}
