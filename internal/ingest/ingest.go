// Package ingest is crosscheck's story engine: it takes raw inputs through
// the analysis pipeline into the store, groups them into stories with the
// online clusterer and keeps each changed story's briefing up to date.
//
// It consumes read.Reader inputs (or single news.Raw documents), a
// pipeline.Pipeline and a store.Store, and produces stored articles,
// stories and briefings.
//
// # Flow of one document
//
// analyse (pipeline, in parallel) → store.PutArticle (raw kept, idempotent
// by content hash) → clustering decision → CreateStory / AssignStory /
// MergeStories → the story is marked changed. After a
// batch, and every Options.BriefEvery stored articles or
// Options.BriefInterval during a long one, the changed stories are put in
// the store's briefing queue (store.BriefQueue), plus a bounded number of
// stories the store still lists as stale (left so by an interrupted run).
// The archive is never re-briefed as a whole.
//
// # Briefings, off the write path
//
// Ingest and IngestRaw return once the articles are stored and placed;
// they never brief. Briefings are built from the queue by Work (a
// background worker: serve, watch) and Drain (a command briefing the
// stories it changed before it exits), in this process or any other on
// the archive: an entry is claimed with a lease, so one worker builds it,
// and a worker that dies leaves it to the next once the lease runs out.
// Each briefing runs within Options.BriefTimeout; one that fails or times
// out is recorded in the queue with its reason (crosscheck stories, the
// story page and /metrics show it) and retried after a backoff that
// doubles per failure. Readers (Briefing) get the last good briefing,
// marked as being updated, and never wait for a rebuild. So one story
// whose briefing is slow (a multi-megabyte text) holds up neither the
// writers nor the readers nor the other stories' briefings beyond its
// deadline. brief.Brief takes no context: a timed-out computation runs on
// in its goroutine until it ends, its result discarded, and its story is
// not retried in this process meanwhile.
//
// # Reliability
//
// Every store call is its own committed transaction, and the steps are
// ordered so that a process killed at any moment loses nothing it counted
// and a re-run of the same inputs duplicates nothing:
//
//   - an article is counted added only after PutArticle committed it;
//   - a re-read input is a duplicate (same raw bytes, same hash) and is
//     not stored again; if the killed run stored it but died before
//     assigning it to a story, the re-run clusters it then;
//   - a story is created together with its seed article (CreateStory is
//     one transaction, with an id derived from the article id), so a story
//     never exists without a member;
//   - a merge interrupted between the assignment and MergeStories is
//     redone when the clusterer state is rebuilt in ingest order (see
//     below); otherwise the two stories stay apart;
//   - a briefing left stale is rebuilt by the next run.
//
// # Cluster state in the store
//
// The clusterer (internal/cluster) decides in memory, but its state —
// document frequencies, each story's term counts, lead counts, cached
// vectors and times, the candidate index, merges — lives in the store
// (store.ClusterState; both backends keep it). Each decision is written
// by one Place call: the article's story (created or assigned), the
// merges it caused and the state it changed, in one transaction, so a
// process killed at any moment leaves state and assignments consistent.
// A new engine reads only the state's global record (n, the last story
// and posting numbers, the latest date): about 0.2 ms, whatever the size
// of the archive (BenchmarkStart). Before each decision it reads from the
// store what the decision needs and memory lacks (cluster.Needs: the
// article's terms' frequencies, its strongest terms' newest postings, the
// heads of the stories they name, the candidate stories in full, their
// terms' frequencies); the values read are those a process that never
// stopped would hold, so a restarted engine places articles exactly as
// one that kept running (TestRestartSamePlacement; the eval figures are
// unchanged). When more than 5,000 stories are in memory the engine keeps
// those of the active time window (cluster.Compact: within Options.Window
// of the latest article, undated ones too) and drops the rest, which are
// read again if ever needed: memory is bounded by the window, not by the
// archive. Stories outside it stay in the store, readable and searchable.
//
// An archive clustered before the state was kept (or a store without
// ClusterState) has none: its first engine replays the stored stories'
// articles through the clusterer in the store's ingest order, mapping
// each in-memory story to the stored story of its first member (stored
// assignments are never changed; a merge the replay makes again is
// applied: it repairs a merge a kill interrupted), then writes the whole
// state once (PutClusterState), all under the store's clustering lock so
// that one of several processes starting together does it. That replay
// costs about 0.5 ms per stored article, once. Without the store's ingest log the replay order is
// publication date, then input name (numbers compared by value), then id,
// and merges are not applied. A replayed article the clusterer places in
// another stored story than its own is counted (ReplayStats.Disagreed) and
// keeps its stored story.
//
// Scoring stored stories from a term index kept in the store (an earlier
// schema had one; migration 2 on SQLite, 3 on PostgreSQL drops it) was
// rejected: stored term weights cannot reproduce the clusterer's tf-idf
// centroid cosine. The persisted state is the clusterer's own, bit for
// bit, so decisions do not differ.
//
// # Several processes on one archive
//
// Clustering decisions are serialised by a mutex within a process and,
// when the store offers store.ClusterLocker and store.ClusterLog (both
// backends do), across processes: PostgreSQL with a session advisory lock
// on one pooled connection, SQLite with flock(2) on <db>.cluster-lock.
// Either is released by the kernel or the server when its holder dies, so
// a SIGKILLed process never blocks the others.
//
// With the clusterer's state in the store (both backends), an article is
// placed in two steps:
//
//  1. store: PutArticle, without the lock, in parallel with the other
//     processes' decisions (the raw input byte for byte, the analysis,
//     the full-text index: most of a placement's store time);
//  2. place, holding the lock: catch up (see below), read what the
//     decision needs, decide, and write the decision with the state it
//     changed (Place, one transaction). The lock with the catch-up's
//     reads, and the placement, are one round trip each
//     (store.ClusterChangeLog.LockClusteringSince; Place a pipelined
//     batch), and the lock is given up after each turn, so that
//     another process decides while this one stores its next articles.
//
// In a batch (Ingest) the two steps run side by side (run.go): the
// inputs are stored in input order as their analyses come, and queued;
// a placer places the queue in input order, taking the lock once for
// the run of stored articles waiting (up to 16), each its own decision
// and Place. A turn so places several articles when the process waited
// for the lock or for a placement meanwhile, and the lock's round trip
// and catch-up are paid once for them; the decisions are those of one
// at a time. IngestRaw places its one article at once.
//
// That is PostgreSQL, whose store keeps the change log. On SQLite, one
// writer at a time anyway, the article is stored under the lock and the
// lock kept for the next decisions of the batch, as without a persisted
// state (below; Options.LockHold), and a single process is as fast as
// before.
//
// Catching up: the engine reads the state's global record; when another
// process placed articles since this engine last wrote or read it, the
// engine drops from memory what they changed (cluster.Forget), from the
// store's log of what each placement changed (store.ClusterChangeLog,
// PostgreSQL; the recent 4,096 placements), or, without the log or when
// it does not hold them all, everything; the next decisions read it again
// as the other process left it. So every process decides on the state all
// processes built, in one global order, and the stories and the persisted
// state are those one process placing the articles in that order would
// make, bit for bit (TestTakingTurns). TestMultiProcess checks that two
// processes ingesting two halves of a corpus at once, with one of them
// SIGKILLed mid-run and its half ingested again, end with exactly the
// single-process partition (SQLite and PostgreSQL).
//
// A killed or stopped process loses nothing: an article it stored but
// did not place is claimed by a running process and placed from its
// stored analysis (adopt, claims.go). On PostgreSQL each article is
// claimed, from PutArticle until its placement, by the store handle that
// stored it, named by a session advisory lock the server frees when the
// process dies (store.ArticleClaims); a running Ingest looks for claims
// whose holder is gone at its start, every 10 s and at its end, and a
// watch every 10 s, takes them with FOR UPDATE SKIP LOCKED (so two
// processes never take the same) and places them oldest stored first
// (Summary.Adopted; TestOrphanTakenOver). Whoever ingests the input
// again also places it (PutArticle reports a duplicate, the article has
// no story). Two processes ingesting the same input at once may both
// find it unplaced;
// Place refuses the second (store.ErrPlaced, nothing written) and that
// engine reports the first one's story and drops what its memory counted.
//
// Without a persisted state (a store offering only the lock and the
// log), the article is stored under the lock too, so that the store's
// ingest order is the order of the decisions, and each engine remembers
// its position in it (PostgreSQL's seq column, SQLite's rowid). Holding
// the lock it
//
//  1. catches up: replays into its clusterer, in ingest order, every
//     article other processes stored and clustered since its position,
//     each mapped to its stored story exactly as the start-up replay
//     does (ReplayStats.CaughtUp);
//  2. stores the new article, decides, and writes the assignment
//     (CreateStory / AssignStory / MergeStories);
//  3. keeps the lock for the next decisions of the batch, up to
//     Options.LockHold (100 ms) or until no decision came for 10 ms, or
//     a briefing flush or the end of the Ingest call; IngestRaw releases
//     it after its one document.
//
// An article a killed process stored but did not assign is picked up by
// whoever re-ingests it; the others replay it once it has a story. A
// process that waits for the lock waits up to LockHold plus the other's
// decision time; one that gives the lock up after LockHold pauses 2 ms
// before asking again, so that a waiting process gets its turn. Start-up
// replay does not take the lock (its listings may miss what is clustered
// meanwhile; the first catch-up replays that), so a long replay does not
// stall the other processes.
//
// What several processes add up to, and where the limit is, is measured
// by BenchmarkProcesses and written down in docs/ARCHITECTURE.md
// ("Growing a deployment"). Summary.HeldTime is how long a call held the
// lock: over it per placed article is what all processes together reach.
//
// Limits: without a persisted state, a writer that stores articles
// without the lock (an older crosscheck, or a tool calling PutArticle
// directly) breaks the ordering on PostgreSQL, whose sequence numbers
// are taken at insert, not commit; its articles are still caught up,
// possibly late or out of order. A catch-up maps a stored story its
// clusterer placement disagrees with as the start-up replay does
// (counted in Disagreed) and does not move stored articles. Articles are
// stored exactly once either way (the store is idempotent by hash).
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/cluster"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/progress"
	"github.com/crosscheck/crosscheck/internal/read"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/text"
)

// ErrRejected is returned (wrapped with the reason) by IngestRaw for a
// document that was not stored: not an article, or an id already used by
// other content.
var ErrRejected = errors.New("ingest: rejected")

// ErrNoPipeline is returned by Ingest and IngestRaw on an Engine built
// without a pipeline.
var ErrNoPipeline = errors.New("ingest: no pipeline")

// Options configures an Engine. The zero value means the defaults.
type Options struct {
	// Cluster tunes the online clusterer; a nil Stem means text.Stem.
	Cluster cluster.Options
	// Brief tunes the briefings; a nil Stem means text.Stem.
	Brief brief.Options
	// Workers is the number of analysis goroutines (0: GOMAXPROCS).
	Workers int
	// BriefEvery rebuilds the changed stories' briefings after that many
	// stored articles during a long batch (default 500).
	BriefEvery int
	// BriefInterval rebuilds them at least this often during a long batch
	// (default 1 minute).
	BriefInterval time.Duration
	// StaleLimit caps how many stories left stale by earlier runs are
	// re-briefed after each batch (default 100; negative: none).
	StaleLimit int
	// LockHold is how long a batch keeps the store's clustering lock
	// (see the package comment) before letting another process have it
	// (default 100ms). Shorter interleaves concurrent processes more
	// finely and costs more lock round trips.
	LockHold time.Duration
	// OnSkip, when set, is called for every rejected input with its name
	// and reason, in input order.
	OnSkip func(input, reason string)
	// BriefTimeout bounds one briefing (default DefaultBriefTimeout).
	BriefTimeout time.Duration
	// BriefBackoff is the wait before retrying a failed briefing, doubled
	// per failure (default DefaultBriefBackoff).
	BriefBackoff time.Duration
	// BriefPoll is how often an idle Work looks at the queue (default
	// DefaultBriefPoll).
	BriefPoll time.Duration
	// OnBriefError, when set, is called by Work and Drain for a briefing
	// that failed or timed out (storyID and reason) and by Work for a
	// store error (storyID "").
	OnBriefError func(storyID, reason string)
	// Now is the clock behind every decision that depends on time: when
	// changed stories are flushed, how long the clustering lock is held.
	// nil means time.Now. Durations reported in Summary and ReplayStats
	// are measurements and always use the real clock.
	Now func() time.Time

	// afterStore, when set (by tests only), is called with the id of
	// each article stored before the lock, before it is placed.
	afterStore func(id string)
}

func (o Options) withDefaults() Options {
	if o.Cluster.Stem == nil {
		o.Cluster.Stem = text.Stem
	}
	if o.Brief.Stem == nil {
		o.Brief.Stem = text.Stem
	}
	if o.BriefEvery <= 0 {
		o.BriefEvery = 500
	}
	if o.BriefInterval <= 0 {
		o.BriefInterval = time.Minute
	}
	if o.LockHold <= 0 {
		o.LockHold = holdBudget
	}
	if o.StaleLimit == 0 {
		o.StaleLimit = 100
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.BriefTimeout <= 0 {
		o.BriefTimeout = DefaultBriefTimeout
	}
	if o.BriefBackoff <= 0 {
		o.BriefBackoff = DefaultBriefBackoff
	}
	if o.BriefPoll <= 0 {
		o.BriefPoll = DefaultBriefPoll
	}
	if o.OnBriefError == nil {
		o.OnBriefError = func(string, string) {}
	}
	return o
}

// Summary counts what one Ingest call did.
type Summary struct {
	// Added counts articles stored by this call (each committed).
	Added int `json:"added"`
	// Duplicates counts inputs already in the store (same raw bytes).
	Duplicates int `json:"duplicates"`
	// Rejected counts inputs not stored; Reasons breaks them down.
	Rejected int            `json:"rejected"`
	Reasons  map[string]int `json:"reasons"`
	// Stories counts the distinct stories this call added articles to
	// (created or grown); Created and Merged count story creations and
	// merges.
	Stories int `json:"stories"`
	Created int `json:"created"`
	Merged  int `json:"merged"`
	// Queued counts stories put in the briefing queue (Flush); Ingest
	// does not brief them (Work and Drain do).
	Queued int `json:"queued"`
	// Time spent in clustering decisions (in memory) and in store calls
	// for articles and stories. Analysis runs in parallel and is not
	// counted.
	ClusterTime time.Duration `json:"cluster_time"`
	StoreTime   time.Duration `json:"store_time"`
	// LockTime is the time spent taking the store's clustering lock:
	// waiting while another process held it, then catching up with what
	// it decided (see the package comment). Zero for a store without the
	// lock; StoreTime and ClusterTime do not include it.
	LockTime time.Duration `json:"lock_time"`
	// Adopted counts articles other processes stored and did not place
	// (killed or stopped meanwhile) that this call placed (see the
	// package comment).
	Adopted int `json:"adopted,omitempty"`
	// HeldTime is how long the engine held that lock during the call:
	// the time other processes could not decide. Over HeldTime per
	// placed article is what all processes on the archive together can
	// reach.
	HeldTime time.Duration `json:"held_time"`
}

// String renders the closing line of an ingest:
// "added 3, duplicates 1, rejected 2 (empty input 1, not an article 1), stories 2".
func (s Summary) String() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "added %d, duplicates %d, rejected %d", s.Added, s.Duplicates, s.Rejected)
	if len(s.Reasons) > 0 {
		keys := slices.Sorted(maps.Keys(s.Reasons))
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = fmt.Sprintf("%s %d", k, s.Reasons[k])
		}
		sb.WriteString(" (" + strings.Join(parts, ", ") + ")")
	}
	fmt.Fprintf(&sb, ", stories %d", s.Stories)
	if s.Adopted > 0 {
		fmt.Fprintf(&sb, ", %d left unplaced by a stopped process placed", s.Adopted)
	}
	return sb.String()
}

// Result is what became of one document.
type Result struct {
	// ArticleID is the stored article's id ("" when rejected).
	ArticleID string `json:"article_id,omitempty"`
	// StoryID is the story the article belongs to.
	StoryID string `json:"story_id,omitempty"`
	// Added is false for a duplicate of a stored input.
	Added bool `json:"added"`
	// Assigned is true when this call assigned the article to its story:
	// a new article, or one an interrupted run stored but never assigned.
	Assigned bool `json:"assigned,omitempty"`
	// Created is true when the article started a new story.
	Created bool `json:"created,omitempty"`
	// Merged counts stories folded into StoryID because of this article.
	Merged int `json:"merged,omitempty"`
	// Follows, when Created, is the stored story the new one is a later
	// development of (news.Story.Follows).
	Follows string `json:"follows,omitempty"`
	// Reason is why the document was rejected; "" when stored.
	Reason string `json:"reason,omitempty"`

	kind                             string // Reason's summary key
	clusterTime, storeTime, lockTime time.Duration
}

// ReplayStats describes how New rebuilt the clusterer from the store: all
// zero when the store kept its state (store.ClusterState), counted once
// for the backfill of an archive clustered before it was kept.
type ReplayStats struct {
	Articles int `json:"articles"`
	Stories  int `json:"stories"`
	// Ordered is true when the store gave its ingest order.
	Ordered bool `json:"ordered"`
	// Disagreed counts replayed articles the clusterer placed in another
	// stored story than the one they belong to (the stored one was kept).
	Disagreed int `json:"disagreed"`
	// Repaired counts merges the replay applied to the store (only when
	// Ordered); Unmerged counts merges it did not apply (otherwise).
	Repaired int           `json:"repaired"`
	Unmerged int           `json:"unmerged"`
	Took     time.Duration `json:"took"`
	// CaughtUp counts articles other processes clustered that this
	// engine replayed since (see the package comment); Disagreed and
	// Repaired count theirs too.
	CaughtUp int `json:"caught_up,omitempty"`
}

// Engine ingests documents into a store. It is safe for concurrent use;
// clustering decisions are taken one at a time.
type Engine struct {
	st store.Store
	p  *pipeline.Pipeline
	o  Options
	br *brief.Briefer

	mu        sync.Mutex // guards everything below
	cl        *cluster.Clusterer
	byCluster map[string]string // clusterer story id -> store story id
	alias     map[string]string // store story merged away -> survivor, as this engine merged
	dirty     map[string]bool   // store stories whose briefing is out of date
	queued    map[string]bool   // stories this engine queued and Drain has not seen done
	running   map[string]bool   // stories whose timed-out briefing still computes
	wake      chan struct{}     // a flush queued stories: an idle Work looks at once
	pending   int               // articles stored since the last flush
	lastFlush time.Time
	replay    ReplayStats
	ser       serial // the store's clustering lock and ingest position

	// ps, when the store keeps the clusterer's state, is that state
	// (see state.go); meta is its global record as this engine last
	// wrote or read it; resident caps the stories kept in memory.
	ps       store.ClusterState
	meta     []byte
	resident int
	// lastOfTurn is set while placeRun places the last article of its
	// turn: the placement gives the store's lock up as it commits
	// (store.Placement.Release), saving the unlock's round trip.
	lastOfTurn bool
	// contended is set when the last turn of the lock found placements
	// other processes made since this engine's turn before: the next
	// turn's reads are then made before the lock is taken (prefetch).
	contended bool

	lastAdopt time.Time // when this engine last looked for orphans (claims.go)
}

// New returns an Engine over st, rebuilding the clusterer from the stories
// already stored (see the package comment). p may be nil for an engine
// that only rebuilds briefings.
func New(ctx context.Context, st store.Store, p *pipeline.Pipeline, o Options) (*Engine, error) {
	if st == nil {
		return nil, fmt.Errorf("ingest: nil store: %w", store.ErrInvalid)
	}
	o = o.withDefaults()
	e := &Engine{
		st:        st,
		p:         p,
		o:         o,
		br:        brief.New(o.Brief),
		cl:        cluster.New(o.Cluster),
		byCluster: map[string]string{},
		alias:     map[string]string{},
		dirty:     map[string]bool{},
		queued:    map[string]bool{},
		running:   map[string]bool{},
		wake:      make(chan struct{}, 1),
		lastFlush: o.Now(),
	}
	e.initSerial()
	if ps, ok := st.(store.ClusterState); ok && e.ser.locker != nil {
		e.ps, e.resident = ps, defaultResident
		if err := e.initState(ctx); err != nil {
			return nil, err
		}
		return e, nil
	}
	if err := e.rebuild(ctx); err != nil {
		return nil, err
	}
	return e, nil
}

// Replayed reports how the clusterer was rebuilt. The command does not
// call it (deadcode lists it); the tests and BenchmarkIngest check replay
// and catch-up with it, and it is the engine's only view of them.
func (e *Engine) Replayed() ReplayStats {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.replay
}

// Ingest reads inputs with r, analyses them in parallel and stores,
// clusters and briefs them in input order. A progress bar (count only) is
// drawn on progress when it is a terminal; nil draws nothing. Rejected
// inputs are logged in the store and counted; the returned error is for
// failures that stop the batch (the store, ctx). The Summary counts what
// was done up to that point.
func (e *Engine) Ingest(ctx context.Context, inputs []string, r *read.Reader, progressW io.Writer) (Summary, error) {
	sum := Summary{Reasons: map[string]int{}}
	if e.p == nil {
		return sum, ErrNoPipeline
	}
	if r == nil {
		r = read.New(read.Options{})
	}
	var bar *progress.Bar
	if progressW != nil {
		bar = progress.New(progressW, "ingest", 0)
		defer bar.Done()
	}
	touched := map[string]bool{}
	held := e.heldTotal()
	adopt := func(due bool) error {
		look := e.adopt
		if due {
			look = e.adoptDue
		}
		got, err := look(ctx)
		sum.Adopted += got.Placed
		for _, sid := range got.Stories {
			touched[sid] = true
		}
		return err
	}
	// Orphans first: they were stored before this call's inputs.
	err := adopt(false)
	if err == nil {
		one := e.ingestOne
		var placed func() error
		if _, ok := e.ps.(store.ClusterChangeLog); ok {
			one, placed = e.storeAhead(ctx, &sum, touched)
		}
		err = e.p.Run(ctx, r, inputs, e.o.Workers, func(res pipeline.Result) error {
			defer bar.Add(1)
			if err := adopt(true); err != nil {
				return err
			}
			return one(ctx, res, &sum, touched)
		})
		if placed != nil {
			if perr := placed(); err == nil {
				err = perr
			}
		}
	}
	if err == nil {
		err = adopt(false)
	}
	sum.Stories = len(touched)
	if uerr := e.unlockClustering(); err == nil {
		err = uerr
	}
	sum.HeldTime = e.heldTotal() - held
	if err != nil {
		if ctx.Err() != nil {
			// Interrupted: still queue the briefings of the stories
			// changed so far, reading the store briefly past the cancel.
			fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
			n, _ := e.Flush(fctx)
			cancel()
			sum.Queued += n
		}
		return sum, fmt.Errorf("ingest: %w", err)
	}
	n, err := e.Flush(ctx)
	sum.Queued += n
	if err != nil {
		return sum, err
	}
	return sum, nil
}

// ingestOne stores and places one analysed input (or logs its rejection)
// and counts it in sum; touched collects the stories it changed.
func (e *Engine) ingestOne(ctx context.Context, res pipeline.Result, sum *Summary, touched map[string]bool) error {
	var out Result
	var err error
	if res.Err != nil {
		out, err = e.reject(ctx, res.Raw.Input, res.Err)
	} else {
		out, err = e.put(ctx, res.Raw, res.Article)
	}
	if err != nil {
		return err
	}
	countInput(out, res.Raw.Input, sum, e.o.OnSkip)
	countPlaced(out, sum, touched)
	n, err := e.maybeFlush(ctx, false)
	sum.Queued += n
	return err
}

// countInput counts what became of one input in sum: rejected, added
// or a duplicate.
func countInput(out Result, input string, sum *Summary, onSkip func(input, reason string)) {
	switch {
	case out.Reason != "":
		sum.Rejected++
		sum.Reasons[out.kind]++
		if onSkip != nil {
			onSkip(input, out.Reason)
		}
	case out.Added:
		sum.Added++
	default:
		sum.Duplicates++
	}
}

// countPlaced counts one article's placement in sum; touched collects
// the story it changed.
func countPlaced(out Result, sum *Summary, touched map[string]bool) {
	if out.Assigned {
		touched[out.StoryID] = true
	}
	if out.Created {
		sum.Created++
	}
	sum.Merged += out.Merged
	sum.ClusterTime += out.clusterTime
	sum.StoreTime += out.storeTime
	sum.LockTime += out.lockTime
}

// IngestRaw analyses, stores and clusters one document. A rejected
// document is logged in the store and returned with Result.Reason set and
// an error wrapping ErrRejected. Briefings are rebuilt on the same schedule
// as in a batch; call Flush to bring them up to date at once.
func (e *Engine) IngestRaw(ctx context.Context, raw news.Raw) (Result, error) {
	if e.p == nil {
		return Result{}, ErrNoPipeline
	}
	a, err := e.p.Analyze(raw)
	var res Result
	if err != nil {
		res, err = e.reject(ctx, raw.Input, err)
	} else {
		res, err = e.put(ctx, raw, a)
	}
	if uerr := e.unlockClustering(); err == nil {
		err = uerr
	}
	if err != nil {
		return res, fmt.Errorf("ingest: %w", err)
	}
	if res.Reason != "" {
		return res, fmt.Errorf("%w: %s", ErrRejected, res.Reason)
	}
	if _, err := e.maybeFlush(ctx, false); err != nil {
		return res, err
	}
	return res, nil
}

// reject logs a document that will not be stored.
func (e *Engine) reject(ctx context.Context, input string, cause error) (Result, error) {
	reason := cause.Error()
	if err := e.st.RecordRejected(ctx, input, reason); err != nil {
		return Result{}, err
	}
	return Result{Reason: reason, kind: reasonKey(cause)}, nil
}

// reasonKey groups rejections for the summary: the read error's kind
// ("empty input", "truncated input"), "not an article", "id conflict",
// else "unanalysable".
func reasonKey(cause error) string {
	var re *read.Error
	switch {
	case errors.As(cause, &re) && re.Err != nil:
		return strings.TrimPrefix(re.Err.Error(), "read: ")
	case errors.Is(cause, pipeline.ErrNotArticle):
		return "not an article"
	case errors.Is(cause, store.ErrIDConflict):
		return "id conflict"
	}
	return "unanalysable"
}

// put stores one analysed article and clusters it when it is new to the
// story graph.
func (e *Engine) put(ctx context.Context, raw news.Raw, a *news.Article) (Result, error) {
	if _, ok := e.ps.(store.ClusterChangeLog); !ok {
		// No persisted state, or one writer at a time anyway (SQLite).
		return e.putOrdered(ctx, raw, a)
	}
	// The store keeps the clusterer's state and a log of its changes:
	// nothing is replayed by ingest order, so the article is stored
	// before the lock is taken, in parallel with the other processes'
	// decisions, and the lock covers only the decision and its one
	// placement transaction.
	start := time.Now()
	res, place, err := e.store(ctx, raw, a)
	if err != nil || !place {
		res.storeTime = time.Since(start)
		return res, err
	}
	if e.o.afterStore != nil {
		e.o.afterStore(res.ArticleID)
	}
	return e.placeStored(ctx, res, a, time.Since(start))
}

// placeStored places a stored article (res.ArticleID, analysed as a)
// holding the lock for the decision and its placement only; stored is
// the time its storing took.
func (e *Engine) placeStored(ctx context.Context, res Result, a *news.Article, stored time.Duration) (Result, error) {
	out, err := e.placeRun(ctx, []storedArticle{{res: res, a: a, took: stored}})
	if err != nil {
		return Result{}, err
	}
	return out[0], nil
}

// storedArticle is an article stored and waiting for its placement.
type storedArticle struct {
	res  Result // ArticleID and Added set
	a    *news.Article
	took time.Duration // its storing
}

// placeRun places stored articles in one turn of the lock: the lock (and
// the catch-up) is taken once, then each article is decided and placed
// in order, each its own decision and Place, as one at a time would.
// The lock is not held while the next articles are stored: another
// process decides meanwhile, and drops from memory only what this one
// changed.
func (e *Engine) placeRun(ctx context.Context, run []storedArticle) ([]Result, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.prefetch(ctx, run); err != nil {
		return nil, err
	}
	t := time.Now()
	if err := e.acquire(ctx); err != nil {
		return nil, err
	}
	out := make([]Result, 0, len(run))
	var err error
	for i, s := range run {
		start := time.Now()
		res := s.res
		if i == 0 {
			res.lockTime = start.Sub(t)
		}
		e.pending++
		e.lastOfTurn = i == len(run)-1
		err = e.cluster(ctx, res.ArticleID, s.a, &res)
		e.lastOfTurn = false
		if errors.Is(err, store.ErrPlaced) {
			// Another process placed it since it was stored (the same
			// input ingested twice at once); place dropped what memory
			// counted.
			sid, serr := e.st.ArticleStory(ctx, res.ArticleID)
			res = Result{ArticleID: res.ArticleID, Added: res.Added, StoryID: sid, clusterTime: res.clusterTime}
			err = serr
			if err == nil && i < len(run)-1 {
				// place dropped memory down to an empty global
				// record: read the store's again (the lock is still
				// held), or the next decision would count from zero
				// documents and number its story from zero.
				err = e.syncState(ctx)
			}
		}
		if err != nil {
			break
		}
		res.storeTime = s.took + time.Since(start) - res.clusterTime
		out = append(out, res)
	}
	if rerr := e.release(); err == nil {
		err = rerr
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// store writes the article (the raw input byte for byte, the analysis)
// and reports whether it still needs placing: new, or stored by a run
// that stopped before placing it. It takes neither e.mu nor the store's
// lock.
func (e *Engine) store(ctx context.Context, raw news.Raw, a *news.Article) (Result, bool, error) {
	id, added, err := e.st.PutArticle(ctx, raw, a)
	if errors.Is(err, store.ErrIDConflict) {
		res, err := e.reject(ctx, raw.Input, fmt.Errorf("%s: %w", raw.Input, err))
		return res, false, err
	}
	if err != nil {
		return Result{}, false, err
	}
	res := Result{ArticleID: id, Added: added}
	if added {
		return res, true, nil
	}
	sid, err := e.st.ArticleStory(ctx, id)
	if err != nil {
		return Result{}, false, err
	}
	res.StoryID = sid
	return res, sid == "", nil
}

// putOrdered is put for a store without a change log: the article is
// stored under the lock too, so that the store's ingest order is the
// order of the decisions (without a persisted state the catch-up replays
// in that order), and the lock is kept for the next decisions (keep).
func (e *Engine) putOrdered(ctx context.Context, raw news.Raw, a *news.Article) (Result, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	start := time.Now()
	if err := e.acquire(ctx); err != nil {
		return Result{}, err
	}
	locked := time.Now()
	res, place, err := e.store(ctx, raw, a)
	if err == nil && place {
		e.pending++
		if err = e.cluster(ctx, res.ArticleID, a, &res); err == nil {
			e.decided(res.ArticleID, res.Added)
		}
	}
	res.lockTime = locked.Sub(start)
	res.storeTime = time.Since(locked) - res.clusterTime
	if err != nil {
		// What was written is in the store; the next holder replays
		// it from there.
		_ = e.release()
		return Result{}, err
	}
	return res, e.keep()
}

// cluster takes the clustering decision for a stored article and writes it
// to the store. Called with e.mu held.
func (e *Engine) cluster(ctx context.Context, id string, a *news.Article, res *Result) error {
	t := time.Now()
	doc := docOf(id, a, 0)
	if e.ps != nil {
		if err := e.preload(ctx, doc); err != nil {
			return err
		}
	}
	asg := e.cl.Add(doc)
	res.clusterTime = time.Since(t)
	if e.ps != nil {
		return e.place(ctx, id, a, asg, res)
	}
	sid, ok := e.byCluster[asg.Story]
	if asg.Created || !ok {
		// A later development links to the stored story it follows.
		follows := ""
		if f, ok := e.byCluster[asg.Follows]; ok && asg.Follows != "" {
			follows = e.resolve(f)
		}
		got, created, err := e.st.CreateStory(ctx, news.Story{Title: a.Title, Time: brief.ArticleTime(a), Articles: []news.ArticleRef{{ID: id}}, Follows: follows})
		if err != nil {
			return err
		}
		if !created {
			// The seed-derived id exists already (a story this article
			// seeded before, since merged): make sure it is a member.
			if err := e.st.AssignStory(ctx, id, got); err != nil {
				return err
			}
		}
		sid = got
		e.byCluster[asg.Story] = sid
		res.Created = created
		if created {
			res.Follows = follows
		}
	} else {
		sid = e.resolve(sid)
		if err := e.st.AssignStory(ctx, id, sid); err != nil {
			return err
		}
	}
	res.StoryID, res.Assigned = sid, true
	e.dirty[sid] = true
	for _, m := range asg.Merged {
		merged, err := e.merge(ctx, sid, m)
		if err != nil {
			return err
		}
		if merged {
			res.Merged++
		}
	}
	return nil
}

// merge folds the stored story behind clusterer story m into into.
// Called with e.mu held.
func (e *Engine) merge(ctx context.Context, into, m string) (bool, error) {
	from, ok := e.byCluster[m]
	e.byCluster[m] = into
	if !ok {
		return false, nil
	}
	from = e.resolve(from)
	if from == into {
		return false, nil
	}
	if err := e.st.MergeStories(ctx, into, from); err != nil {
		if errors.Is(err, store.ErrInvalid) {
			// Already one story in the store (merged by another run).
			return false, nil
		}
		return false, err
	}
	e.alias[from] = into
	delete(e.dirty, from)
	e.dirty[into] = true
	return true, nil
}

// resolve follows the merges this engine made.
func (e *Engine) resolve(sid string) string {
	for i := 0; i < 64; i++ {
		next, ok := e.alias[sid]
		if !ok {
			break
		}
		sid = next
	}
	return sid
}

// docOf is what the clusterer reads of an article; words > 0 keeps only
// that many body words (the clusterer reads no further).
func docOf(id string, a *news.Article, words int) cluster.Doc {
	body := a.Body()
	if words > 0 {
		if f := strings.Fields(body); len(f) > words {
			body = strings.Join(f[:words], " ")
		}
	}
	return cluster.Doc{ID: id, Title: a.Title, Body: body, Names: cluster.Names(a), Time: published(a.Published)}
}

// published parses the date part of an ISO 8601 publication date
// ("2017-04-12", "2017-04-12T20:00:00Z"); the zero time when there is none.
func published(s string) time.Time {
	if len(s) < 10 {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil {
		return time.Time{}
	}
	return t
}
