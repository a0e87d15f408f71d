package ingest

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

// ErrNoBriefing is returned by Briefing for a story without a briefing
// whose briefing is being built elsewhere or failed before.
var ErrNoBriefing = errors.New("ingest: no briefing yet")

// ErrBriefTimeout is recorded (in the reason) for a briefing that did not
// finish within Options.BriefTimeout.
var ErrBriefTimeout = errors.New("ingest: briefing timed out")

// Defaults of the briefing options.
const (
	// DefaultBriefTimeout bounds one briefing: far above the seconds a
	// story of hundreds of articles takes, far below the hours a
	// pathological one (a multi-megabyte text) could.
	DefaultBriefTimeout = 2 * time.Minute
	// DefaultBriefBackoff is the wait before the first retry of a failed
	// briefing; it doubles with each failure up to maxBriefBackoff.
	DefaultBriefBackoff = time.Minute
	maxBriefBackoff     = 6 * time.Hour
	// DefaultBriefPoll is how often an idle worker looks at the queue for
	// entries other processes queued or whose retry time came.
	DefaultBriefPoll = 5 * time.Second
	// leaseMargin is added to the timeout to make a claim's lease: the
	// store writes around a briefing fit in it.
	leaseMargin = time.Minute
)

// BriefStore is what building and reading briefings needs of a store.
type BriefStore interface {
	Story(ctx context.Context, id string) (news.Story, error)
	StoryArticles(ctx context.Context, storyID string) ([]*news.Article, error)
	PutBriefing(ctx context.Context, storyID string, b *news.Briefing) error
	Briefing(ctx context.Context, storyID string) (*news.Briefing, store.BriefingInfo, error)
	BriefStates(ctx context.Context, storyIDs []string) (map[string]store.BriefState, error)
}

// BriefStory writes the briefing of one stored story from its articles
// and stores it. A merged-away id briefs the story it was merged into.
// The briefing itself cannot be interrupted (package brief takes no
// context); ctx bounds the store calls, so a briefing finished after ctx
// ended is not stored.
func BriefStory(ctx context.Context, st BriefStore, b *brief.Briefer, storyID string) (*news.Briefing, error) {
	s, err := st.Story(ctx, storyID)
	if err != nil {
		return nil, fmt.Errorf("ingest: brief story %q: %w", storyID, err)
	}
	arts, err := st.StoryArticles(ctx, s.ID)
	if err != nil {
		return nil, fmt.Errorf("ingest: brief story %q: %w", storyID, err)
	}
	br, err := b.Brief(ctx, arts)
	if err != nil {
		return nil, fmt.Errorf("ingest: brief story %q: %w", storyID, err)
	}
	br.StoryID = s.ID
	if err := st.PutBriefing(ctx, s.ID, br); err != nil {
		return nil, fmt.Errorf("ingest: brief story %q: %w", storyID, err)
	}
	return br, nil
}

// briefWithin runs BriefStory and waits for it at most timeout or until
// ctx ends. On time out the computation goes on in its goroutine until it
// finishes (it cannot be stopped) and its result is not stored; done is
// closed when it has finished either way.
func briefWithin(ctx context.Context, st BriefStore, b *brief.Briefer, storyID string, timeout time.Duration) (br *news.Briefing, done <-chan struct{}, err error) {
	// Only the deadline or ctx ending can end bctx while the goroutine
	// runs: cancel is called once it is done with.
	bctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	fin := make(chan struct{})
	var (
		res  *news.Briefing
		rerr error
	)
	go func() {
		defer close(fin)
		res, rerr = BriefStory(bctx, st, b, storyID)
	}()
	timedOut := func() error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return fmt.Errorf("%w after %s", ErrBriefTimeout, timeout)
	}
	select {
	case <-fin:
		if rerr != nil && errors.Is(rerr, context.DeadlineExceeded) {
			return nil, fin, timedOut() // a store call ran out of time
		}
		return res, fin, rerr
	case <-bctx.Done():
		select {
		case <-fin: // finished at the same moment
			if rerr == nil {
				return res, fin, nil
			}
		default:
		}
		return nil, fin, timedOut()
	}
}

// Status says how current the briefing Briefing returned is.
type Status struct {
	// Rebuilt is true when the story had no briefing and this call
	// built it.
	Rebuilt bool `json:"rebuilt,omitempty"`
	// Updating is true when the story changed after the briefing was
	// written or is in the briefing queue: a newer one is on its way.
	Updating bool `json:"updating,omitempty"`
	// Queue is the story's briefing-queue entry, if any: LastError says
	// why the last attempt failed.
	Queue *store.BriefState `json:"queue,omitempty"`
}

// String renders the status for a reader: "" when current, else the
// queue's marker (store.BriefState.String).
func (s Status) String() string {
	switch {
	case !s.Updating:
		return ""
	case s.Queue != nil:
		return s.Queue.String()
	}
	return "briefing being updated"
}

// ReadOptions tunes Briefing. The zero value means the defaults.
type ReadOptions struct {
	// Timeout bounds building a missing briefing (default
	// DefaultBriefTimeout).
	Timeout time.Duration
	// Now is the clock leases are judged by; nil means time.Now.
	Now func() time.Time
}

// Briefing returns the stored briefing of a story and how current it is.
// It never waits for a rebuild of a story that has one: the last good
// briefing is returned, marked Updating, while the queue rebuilds it.
// A story never briefed is briefed here, within o.Timeout (the error
// then wraps ErrBriefTimeout), unless a worker holds it or its briefing
// failed before: then the error wraps ErrNoBriefing and says which.
func Briefing(ctx context.Context, st BriefStore, b *brief.Briefer, storyID string, o ReadOptions) (*news.Briefing, Status, error) {
	s, err := st.Story(ctx, storyID)
	if err != nil {
		return nil, Status{}, fmt.Errorf("ingest: briefing of story %q: %w", storyID, err)
	}
	var status Status
	qs, err := st.BriefStates(ctx, []string{s.ID})
	if err != nil {
		return nil, Status{}, fmt.Errorf("ingest: briefing of story %q: %w", storyID, err)
	}
	if q, ok := qs[s.ID]; ok {
		status.Queue, status.Updating = &q, true
	}
	br, info, err := st.Briefing(ctx, s.ID)
	switch {
	case err == nil:
		status.Updating = status.Updating || s.Updated.After(info.Updated)
		return br, status, nil
	case !errors.Is(err, store.ErrNotFound):
		return nil, Status{}, fmt.Errorf("ingest: briefing of story %q: %w", storyID, err)
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultBriefTimeout
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if q := status.Queue; q != nil && (q.Attempts > 0 || q.LeaseUntil.After(o.Now())) {
		return nil, status, fmt.Errorf("%w for story %q: %s", ErrNoBriefing, s.ID, q)
	}
	br, _, err = briefWithin(ctx, st, b, s.ID, o.Timeout)
	if err != nil {
		return nil, status, fmt.Errorf("ingest: briefing of story %q: %w", s.ID, err)
	}
	return br, Status{Rebuilt: true}, nil
}

// Flush queues the briefings of the stories changed since the last flush,
// and up to Options.StaleLimit stories the store lists as stale (left so
// by an interrupted run) that are not queued yet, in the store's briefing
// queue. It returns how many it queued. It does not brief: Work and Drain
// do.
func (e *Engine) Flush(ctx context.Context) (int, error) {
	return e.maybeFlush(ctx, true)
}

// maybeFlush queues the changed stories when forced or when due.
func (e *Engine) maybeFlush(ctx context.Context, force bool) (int, error) {
	e.mu.Lock()
	due := force || e.pending >= e.o.BriefEvery || len(e.dirty) > 0 && e.o.Now().Sub(e.lastFlush) >= e.o.BriefInterval
	var ids []string
	if due {
		for id := range e.dirty {
			ids = append(ids, e.resolve(id))
		}
		e.dirty = map[string]bool{}
		e.pending = 0
		e.lastFlush = e.o.Now()
	}
	e.mu.Unlock()
	if !due {
		return 0, nil
	}
	if force && e.o.StaleLimit > 0 {
		stale, err := e.st.StaleStories(ctx, e.o.StaleLimit)
		if err == nil && len(stale) > 0 {
			var queued map[string]store.BriefState
			if queued, err = e.st.BriefStates(ctx, stale); err == nil {
				for _, id := range stale {
					if _, ok := queued[id]; !ok {
						ids = append(ids, id)
						continue
					}
					// Queued already (by a run that stopped, or
					// failed and waiting for its retry): Drain
					// takes it when it is due.
					e.mu.Lock()
					e.queued[id] = true
					e.mu.Unlock()
				}
			}
		}
		if err != nil {
			e.requeue(ids)
			return 0, fmt.Errorf("ingest: %w", err)
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	if len(ids) == 0 {
		return 0, nil
	}
	if err := e.st.QueueBriefings(ctx, ids, e.o.Now()); err != nil {
		e.requeue(ids)
		return 0, fmt.Errorf("ingest: %w", err)
	}
	e.mu.Lock()
	for _, id := range ids {
		e.queued[id] = true
	}
	e.mu.Unlock()
	select {
	case e.wake <- struct{}{}:
	default:
	}
	return len(ids), nil
}

// requeue marks stories changed again after a flush failed.
func (e *Engine) requeue(ids []string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, id := range ids {
		e.dirty[id] = true
	}
}

// Work briefs queued stories, from this process or any other sharing the
// archive, until ctx ends; then it returns promptly (a briefing under
// way is abandoned and its claim given back). Each briefing runs within
// Options.BriefTimeout; one that fails or times out is recorded in the
// queue with its reason and retried after a backoff. Store errors are
// reported to Options.OnBriefError and retried after Options.BriefPoll.
// Several workers may run at once, in one process or many.
func (e *Engine) Work(ctx context.Context) {
	for {
		claimed, _, err := e.briefNext(ctx, nil)
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			e.o.OnBriefError("", err.Error())
		} else if claimed {
			continue
		}
		t := time.NewTimer(e.o.BriefPoll)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-e.wake:
		case <-t.C:
		}
		t.Stop()
	}
}

// Drained is what Drain did.
type Drained struct {
	// Briefed counts briefings built.
	Briefed int `json:"briefed"`
	// Left are the queue entries of stories this engine queued that
	// Drain left: failed or timed out now or before (waiting for their
	// retry), or claimed by another worker.
	Left []store.BriefState `json:"left,omitempty"`
	// Took is the wall time Drain took.
	Took time.Duration `json:"took"`
	// Interrupted is set when ctx was cancelled (SIGINT, SIGTERM) before
	// Drain was done: Left lists what it left.
	Interrupted bool `json:"interrupted,omitempty"`
}

// String renders the closing line of a drain:
// "briefings: 3 built in 1.2s; 1 left to the queue: s0123… (ingest: briefing timed out after 2m0s)".
func (d Drained) String() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "briefings: %d built in %s", d.Briefed, d.Took.Round(time.Millisecond))
	if d.Interrupted {
		sb.WriteString("; interrupted")
	}
	if len(d.Left) == 0 {
		return sb.String()
	}
	fmt.Fprintf(&sb, "; %d left to the queue (crosscheck serve or the next ingest retries them):", len(d.Left))
	for _, q := range d.Left {
		why := q.LastError
		switch {
		case why != "":
		case d.Interrupted:
			why = "not built: interrupted"
		default:
			why = "being built by another process"
		}
		fmt.Fprintf(&sb, " %s (%s)", q.StoryID, why)
	}
	return sb.String()
}

// Drain briefs the stories this engine queued (Flush) that are due and
// not claimed by another worker, one after another, each within
// Options.BriefTimeout, and reports those it leaves. A command calls it
// before exiting so that the stories it changed can be read at once.
func (e *Engine) Drain(ctx context.Context) (Drained, error) {
	start := time.Now()
	var d Drained
	e.mu.Lock()
	ids := slices.Sorted(maps.Keys(e.queued))
	e.mu.Unlock()
	for len(ids) > 0 {
		claimed, briefed, err := e.briefNext(ctx, ids)
		if err != nil {
			if ctx.Err() != nil {
				e.leftInterrupted(ctx, ids, &d)
			}
			d.Took = time.Since(start)
			return d, err
		}
		if !claimed {
			break
		}
		if briefed {
			d.Briefed++
		}
	}
	left, err := e.st.BriefStates(ctx, ids)
	if err != nil {
		if ctx.Err() != nil {
			// Interrupted after the last briefing, while reading
			// what is left.
			e.leftInterrupted(ctx, ids, &d)
		}
		d.Took = time.Since(start)
		return d, fmt.Errorf("ingest: %w", err)
	}
	e.mu.Lock()
	for _, id := range ids {
		if q, ok := left[id]; ok {
			d.Left = append(d.Left, q)
		} else {
			delete(e.queued, id)
		}
	}
	e.mu.Unlock()
	d.Took = time.Since(start)
	return d, nil
}

// leftInterrupted marks d interrupted (ctx was cancelled) and lists in
// it which of ids stay queued, reading the queue briefly past the cancel.
func (e *Engine) leftInterrupted(ctx context.Context, ids []string, d *Drained) {
	d.Interrupted = true
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
	defer cancel()
	if left, err := e.st.BriefStates(sctx, ids); err == nil {
		for _, id := range ids {
			if q, ok := left[id]; ok {
				d.Left = append(d.Left, q)
			}
		}
	}
}

// briefNext claims one due queue entry (among only, when not nil) and
// briefs its story. claimed is false when there was none.
func (e *Engine) briefNext(ctx context.Context, only []string) (claimed, briefed bool, err error) {
	js, err := e.st.ClaimBriefings(ctx, store.BriefClaim{
		Now: e.o.Now(), Lease: e.o.BriefTimeout + leaseMargin, Limit: 1, Stories: only,
	})
	if err != nil {
		return false, false, fmt.Errorf("ingest: %w", err)
	}
	if len(js) == 0 {
		return false, false, nil
	}
	briefed, err = e.brief(ctx, js[0])
	return true, briefed, err
}

// brief builds the briefing of a claimed entry within Options.BriefTimeout
// and records the outcome in the queue.
func (e *Engine) brief(ctx context.Context, j store.BriefJob) (bool, error) {
	e.mu.Lock()
	running := e.running[j.StoryID]
	e.mu.Unlock()
	var err error
	if running {
		// An attempt that ran out of time still computes (briefs cannot
		// be stopped): do not start a second one beside it.
		err = fmt.Errorf("%w after %s; that attempt is still computing", ErrBriefTimeout, e.o.BriefTimeout)
	} else {
		var done <-chan struct{}
		_, done, err = briefWithin(ctx, e.st, e.br, j.StoryID, e.o.BriefTimeout)
		if errors.Is(err, ErrBriefTimeout) {
			e.mu.Lock()
			e.running[j.StoryID] = true
			e.mu.Unlock()
			go func() {
				<-done
				e.mu.Lock()
				delete(e.running, j.StoryID)
				e.mu.Unlock()
			}()
		}
	}
	switch {
	case ctx.Err() != nil:
		// Stopped: give the claim back so that the next worker need not
		// wait for the lease to run out.
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		_ = e.st.ReleaseBriefing(sctx, j)
		return false, ctx.Err()
	case err == nil, errors.Is(err, store.ErrNotFound): // built, or the story is gone
		if derr := e.st.DoneBriefing(ctx, j); derr != nil {
			return false, fmt.Errorf("ingest: %w", derr)
		}
		return err == nil, nil
	}
	now := e.o.Now()
	reason := err.Error()
	e.o.OnBriefError(j.StoryID, reason)
	if ferr := e.st.FailBriefing(ctx, j, reason, now, now.Add(backoff(e.o.BriefBackoff, j.Attempts))); ferr != nil {
		return false, fmt.Errorf("ingest: %w", ferr)
	}
	return false, nil
}

// backoff is the wait before retry number attempts+1: base doubled per
// earlier failure, at most maxBriefBackoff.
func backoff(base time.Duration, attempts int) time.Duration {
	d := base
	for range attempts {
		if d >= maxBriefBackoff/2 {
			return maxBriefBackoff
		}
		d *= 2
	}
	return min(d, maxBriefBackoff)
}
