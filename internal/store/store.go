// Package store defines where crosscheck keeps what it has read and worked
// out: raw inputs, analysed articles, stories with their members, one
// briefing per story, and a log of rejected inputs.
//
// It consumes news.Raw, news.Article, news.Story and news.Briefing and
// produces them back, plus full-text search hits.
// The package holds only the interfaces, the shared value types and the
// sentinel errors; it imports nothing internal but news. Implementations
// live below it; archive.Open picks one from the name the user gives:
//
//	sqlite.Open(ctx, store.DefaultPath())   // the default, one file
//	postgres.Open(ctx, dsn)                 // a shared archive
//
// Both pass the conformance suite in store/storetest.
//
// # Identity
//
// An article's content key is its Hash: the hex SHA-256 of the raw input
// bytes (see Hash). Putting the same input twice is idempotent: the second
// PutArticle reports added=false and the id stored the first time. The
// raw bytes, not the clean text, are hashed so that the key is known before
// analysis and does not change when the cleaner improves; near-duplicates
// (the same wire copy on two sites) are the syndicate stage's business.
// An article's id is Article.ID when set (the caller's id), otherwise the
// first 16 hex digits of the hash.
//
// Story ids are stable: a story created from a seed article gets an id
// derived from that article's id (StoryIDFor), so two processes that race
// to create the story for the same article end with one story. A story
// merged into another keeps resolving to the survivor.
//
// # Times
//
// Stored times are truncated to microseconds (PostgreSQL's precision) and
// returned in UTC. The times a store stamps itself (a story's Updated when
// the caller gives none, a briefing's, a rejection's) come from the clock
// in Options, never from the database server's.
package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/crosscheck/crosscheck/internal/news"
)

// Sentinel errors. Implementations wrap them with context; test with
// errors.Is.
var (
	// ErrNotFound: no article, raw input, story or briefing has that id.
	ErrNotFound = errors.New("store: not found")
	// ErrIDConflict: PutArticle was given an article id that is already
	// used by an article with a different content hash.
	ErrIDConflict = errors.New("store: article id already used by different content")
	// ErrInvalid: an argument is unusable (empty id, nil article, a story
	// merged into itself).
	ErrInvalid = errors.New("store: invalid argument")
	// ErrClosed: the store was used after Close.
	ErrClosed = errors.New("store: closed")
	// ErrSchemaNewer: the database was migrated by a newer crosscheck
	// than this one; it is left untouched.
	ErrSchemaNewer = errors.New("store: database schema is newer than this program")
	// ErrPlaced: ClusterState.Place was given an article that is in a
	// story already (another process placed it meanwhile).
	ErrPlaced = errors.New("store: article already placed in a story")
)

// Options configures an implementation's Open.
type Options struct {
	// Now is the clock that stamps what the store records: when an
	// article was stored, a story created or changed, a briefing written,
	// an input rejected, a migration applied. nil means time.Now. Waits
	// (a busy database, a lock) are measured with the real clock.
	Now func() time.Time
}

// Clock returns o.Now, or time.Now when it is nil.
func (o Options) Clock() func() time.Time {
	if o.Now == nil {
		return time.Now
	}
	return o.Now
}

// DefaultLimit is the page size used when ListOptions.Limit or a limit
// argument is zero or negative.
const DefaultLimit = 50

// MaxLimit caps every page size.
const MaxLimit = 1000

// ListOptions pages through a listing.
type ListOptions struct {
	// Limit is the page size; 0 means DefaultLimit, capped at MaxLimit.
	Limit int
	// Offset skips that many rows; 0 starts at the first.
	Offset int
}

// Page returns the effective limit and offset.
func (o ListOptions) Page() (limit, offset int) {
	return Limit(o.Limit), max(o.Offset, 0)
}

// Limit returns n clamped to [1, MaxLimit], DefaultLimit when n <= 0.
func Limit(n int) int {
	switch {
	case n <= 0:
		return DefaultLimit
	case n > MaxLimit:
		return MaxLimit
	}
	return n
}

// SearchHit is one article matching a full-text query.
type SearchHit struct {
	ArticleID string `json:"article_id"`
	// StoryID is the story the article belongs to; "" when unassigned.
	StoryID string `json:"story_id,omitempty"`
	Title   string `json:"title"`
	Outlet  string `json:"outlet"`
	// Published is the article's publication date or date-time as
	// analysed (ISO 8601); "" when unknown.
	Published string `json:"published,omitempty"`
	// Snippet is a short passage around the match; matched words are
	// wrapped in "[" and "]".
	Snippet string `json:"snippet"`
	// Rank orders hits, higher is better; only comparable within one
	// result list of one backend.
	Rank float64 `json:"rank"`
}

// BriefingInfo says which version of a story's briefing was returned.
type BriefingInfo struct {
	// Version counts PutBriefing calls for the story, from 1.
	Version int64     `json:"version"`
	Updated time.Time `json:"updated"`
}

// Rejection is one entry of the ingest log: an input that was not stored.
type Rejection struct {
	Input  string    `json:"input"`
	Reason string    `json:"reason"`
	At     time.Time `json:"at"`
}

// Stats counts what the store holds.
type Stats struct {
	Articles  int64 `json:"articles"`
	Stories   int64 `json:"stories"`
	Briefings int64 `json:"briefings"`
	Rejected  int64 `json:"rejected"`
	// BriefQueued counts stories in the briefing queue (BriefQueue);
	// BriefFailing those of them whose last attempt failed.
	BriefQueued  int64 `json:"brief_queued"`
	BriefFailing int64 `json:"brief_failing"`
}

// ArticleWriter stores analysed articles.
type ArticleWriter interface {
	// PutArticle stores raw and its analysis a in one transaction: raw
	// bytes and metadata, the article, and its full-text index entry. The
	// article's Hash is set to Hash(raw) and its ID defaults as the package
	// comment says; a is not modified. When an article with the same hash
	// exists nothing is written and PutArticle returns that article's id
	// with added=false. It returns ErrIDConflict when a.ID names an article
	// with another hash. An article reported added is committed.
	PutArticle(ctx context.Context, raw news.Raw, a *news.Article) (id string, added bool, err error)
	// UpdateArticle replaces the analysis of the stored article a.ID (after
	// the analysis was redone from RawInput); the raw input, hash and story
	// membership are kept. ErrNotFound when there is no such article.
	UpdateArticle(ctx context.Context, a *news.Article) error
}

// ArticleReader reads stored articles back.
type ArticleReader interface {
	// Article returns the stored analysis; ErrNotFound when absent.
	Article(ctx context.Context, id string) (*news.Article, error)
	// RawInput returns the raw input exactly as stored, Bytes byte for
	// byte; ErrNotFound when absent.
	RawInput(ctx context.Context, id string) (news.Raw, error)
	// ArticleStory returns the id of the story the article belongs to, ""
	// when unassigned; ErrNotFound when there is no such article.
	ArticleStory(ctx context.Context, articleID string) (string, error)
}

// ArticleLister lists stored articles in ingest order. Both backends
// implement it; it is not part of Store so that test doubles need not.
type ArticleLister interface {
	// Articles lists article refs oldest-stored first.
	Articles(ctx context.Context, o ListOptions) ([]news.ArticleRef, error)
}

// ArticleSeq is one stored article's position in the store's ingest order
// and the story it belongs to ("" when unassigned).
type ArticleSeq struct {
	// Seq increases with each stored article (PostgreSQL's seq column,
	// SQLite's rowid); values may be skipped.
	Seq     int64  `json:"seq"`
	ID      string `json:"id"`
	StoryID string `json:"story_id,omitempty"`
}

// ClusterLog lets a process catch up with the articles other processes
// stored. Both backends implement it; it is not part of Store.
type ClusterLog interface {
	// ArticlesAfter lists up to limit articles with Seq > seq in ingest
	// order (seq 0 starts at the first), each with its current story.
	// An article listed is committed; under ClusterLocker's lock, with
	// every writer storing articles while holding it, no article with a
	// lower Seq can appear later.
	ArticlesAfter(ctx context.Context, seq int64, limit int) ([]ArticleSeq, error)
}

// ClusterLocker serialises clustering decisions across processes sharing
// one archive. Both backends implement it; it is not part of Store.
type ClusterLocker interface {
	// LockClustering blocks until the caller holds the archive's
	// clustering lock or ctx ends. unlock releases it (later calls are
	// no-ops). The lock is released as well when the holding process
	// dies, however it dies. It is not re-entrant: a second
	// LockClustering before unlock waits, even in the same process.
	LockClustering(ctx context.Context) (unlock func() error, err error)
}

// ClusterStory is one story of the clusterer's persisted state
// (ClusterState): the clusterer's id for it, the stored story it stands
// for, and its state in three parts encoded by the clusterer (the store
// does not read them): a small head, which is all most reads need, the
// state, and a cache the clusterer rebuilds more often than the state
// changes. Written with a nil State, only Cache is replaced.
type ClusterStory struct {
	ID      string `json:"id"`
	StoryID string `json:"story_id"`
	Head    []byte `json:"head,omitempty"`
	State   []byte `json:"state,omitempty"`
	Cache   []byte `json:"cache,omitempty"`
}

// ClusterPosting is one entry of the clusterer's candidate index: story
// Story (the clusterer's id) is posted under Term; Seq orders a term's
// postings, oldest first.
type ClusterPosting struct {
	Term  string `json:"term"`
	Seq   int64  `json:"seq"`
	Story string `json:"story"`
}

// ClusterDelta is a change to the clusterer's persisted state: the new
// global state (Meta, encoded by the clusterer; nil keeps it), stories
// written whole (replacing those with the same ID), document frequencies
// (absolute values, replacing the stored ones) and new postings.
type ClusterDelta struct {
	Meta     []byte
	Stories  []ClusterStory
	DF       map[string]int
	Postings []ClusterPosting
	// Seq, when above zero, numbers the placement that made the delta
	// (the clusterer's count of articles after it): a store that keeps
	// a ClusterChangeLog records what the delta changed under it.
	Seq int64
}

// ClusterChanges is what a run of placements changed in the clusterer's
// state, by key: the stories written (in full or their cache), the terms
// whose document frequency changed, the terms posted under. Count is how
// many placements the log holds in the run asked for.
type ClusterChanges struct {
	Stories []string
	DF      []string
	Posted  []string
	Count   int64
	// DFNow, when set, holds the document frequency of each term of DF
	// as the store holds it now (read with the changes, under the lock),
	// so that the holder need not read them again.
	DFNow map[string]int
}

// ClusterChangeLog keeps, beside the clusterer's state, a bounded log of
// what each placement changed (ClusterDelta.Seq), so that a process whose
// memory holds part of the state can drop only what other processes
// changed since it last read or wrote it, instead of all of it.
// PostgreSQL implements it; it is not part of ClusterState.
type ClusterChangeLog interface {
	// LockClusteringSince takes the clustering lock as ClusterLocker
	// does and, holding it, reads in the same round trip the global
	// record (as ClusterMeta) and the changes of the logged placements
	// numbered above seq: a placement's turn begins with both. The log
	// keeps the recent placements only: ClusterChanges.Count below the
	// placements made since seq means some are no longer (or never
	// were) logged.
	LockClusteringSince(ctx context.Context, seq int64) (unlock func() error, meta []byte, ch ClusterChanges, err error)
}

// ArticleClaims lets a running process take over the placement of
// articles another process stored and did not place (killed, or stopped,
// between PutArticle and its placement). Every article PutArticle adds is
// claimed by the store handle that added it, for as long as that handle
// lives (its process runs and has not closed it); placing the article
// ends the claim. PostgreSQL implements it; it is not part of Store.
type ArticleClaims interface {
	// ClaimOrphans claims up to limit articles that are in no story and
	// whose claim's holder is gone, oldest stored first: they are this
	// handle's from then on, and a concurrent caller on another handle
	// gets others (or none). The caller places them (ClusterState.Place);
	// one that dies first leaves them to the next caller.
	ClaimOrphans(ctx context.Context, limit int) ([]string, error)
}

// Placement is one clustering decision, written in one transaction with
// the state change it made (ClusterState.Place). The article must be in
// no story yet: the decision was taken for an article the clusterer had
// not seen.
type Placement struct {
	ArticleID string
	// Create, when set, is created as CreateStory creates it (its
	// Articles are ignored: the article is its member); otherwise the
	// article is assigned to StoryID as AssignStory does.
	Create  *news.Story
	StoryID string
	// Merge lists stored stories folded into the article's story as
	// MergeStories folds them; one that is that story already (merged by
	// another run) is skipped.
	Merge []string
	State ClusterDelta
	// Release, when the store handle holds the clustering lock
	// (ClusterLocker), gives it up once the placement has committed, in
	// the same round trip (PostgreSQL); the unlock function the lock
	// returned then does nothing. A placement that fails keeps the lock.
	// Ignored by a store that cannot, and when the handle does not hold
	// the lock: the caller's unlock gives it up.
	Release bool
}

// Placed is what Place did.
type Placed struct {
	// StoryID is the story the article now belongs to: the created id,
	// the id CreateStory would return when it existed already, or the
	// story assigned to (as given).
	StoryID string `json:"story_id"`
	Created bool   `json:"created"`
	// Merged lists the stories of Placement.Merge that were merged.
	Merged []string `json:"merged,omitempty"`
}

// ClusterState is the online clusterer's state kept in the archive, so
// that no process rebuilds it from the articles: a global record, one
// record per clusterer story, document frequencies and the candidate
// index. Every change is written by Place in the transaction that records
// the article's story, so the state always matches the assignments; a
// process reads back only what its next decisions need. Both backends
// implement it; it is not part of Store.
type ClusterState interface {
	// ClusterMeta returns the global record; nil when the state was
	// never written (a new archive, or one clustered before it existed).
	ClusterMeta(ctx context.Context) ([]byte, error)
	// ClusterStories returns the stories with these ids (unknown ids
	// are absent), in no particular order; State and Cache only when
	// full.
	ClusterStories(ctx context.Context, ids []string, full bool) ([]ClusterStory, error)
	// ClusterPostings returns, for each term, its limit newest postings
	// (all when limit <= 0), oldest first within a term.
	ClusterPostings(ctx context.Context, terms []string, limit int) ([]ClusterPosting, error)
	// ClusterDF returns the stored document frequencies of terms; terms
	// never counted are absent.
	ClusterDF(ctx context.Context, terms []string) (map[string]int, error)
	// Place writes a decision and its state change in one transaction.
	// It writes nothing and returns an error wrapping ErrPlaced when the
	// article is in a story already (placed meanwhile by another process:
	// articles are stored before the clustering lock is taken), and one
	// wrapping ErrNotFound when there is no such article.
	Place(ctx context.Context, p Placement) (Placed, error)
	// PutClusterState writes a state change alone (a one-time backfill
	// of an archive clustered before the state was kept).
	PutClusterState(ctx context.Context, d ClusterDelta) error
}

// StoryWriter creates and maintains stories.
type StoryWriter interface {
	// CreateStory creates a story with s.Title and s.Time and assigns s.Articles to
	// it (by ID; other ArticleRef fields are ignored). The id is s.ID when
	// set, otherwise StoryIDFor(s.Articles[0].ID), otherwise random. When
	// a story with that id exists (or existed and was merged away) nothing
	// is written and created=false; this makes creation from a seed
	// article race-safe across processes. Updated defaults to now.
	// s.Follows, the story this one develops, is stored as given.
	CreateStory(ctx context.Context, s news.Story) (id string, created bool, err error)
	// UpdateStory sets the title of story s.ID and its Updated time (now
	// when zero). Articles is ignored: use AssignStory.
	UpdateStory(ctx context.Context, s news.Story) error
	// AssignStory makes the article a member of the story, moving it out
	// of any other story, and marks the story updated. ErrNotFound when
	// either is missing.
	AssignStory(ctx context.Context, articleID, storyID string) error
	// MergeStories moves every article of story from into story
	// into, deletes from and its briefing, and makes the id from resolve
	// to into from then on.
	MergeStories(ctx context.Context, into, from string) error
}

// StoryReader lists and reads stories.
type StoryReader interface {
	// Stories lists stories newest news first: by Time.Latest, latest
	// first, stories with no dated article after all dated ones; ties
	// (and undated stories) most recently updated first, then by id.
	// Each has its article refs in assignment order.
	Stories(ctx context.Context, o ListOptions) ([]news.Story, error)
	// Story returns one story with its article refs; a merged-away id
	// returns the story it was merged into. ErrNotFound when absent.
	Story(ctx context.Context, id string) (news.Story, error)
	// StoryArticles returns the full articles of a story in assignment
	// order.
	StoryArticles(ctx context.Context, storyID string) ([]*news.Article, error)
	// StaleStories lists ids of stories changed since their briefing was
	// written (or never briefed), least recently updated first.
	StaleStories(ctx context.Context, limit int) ([]string, error)
}

// Briefings stores one briefing per story.
type Briefings interface {
	// PutBriefing stores b as the story's briefing, replacing the previous
	// one and incrementing its version, and gives the story the briefing's
	// headline (when not empty) and time (b.Title, b.Time), without
	// marking it updated. ErrNotFound when the story is missing.
	PutBriefing(ctx context.Context, storyID string, b *news.Briefing) error
	// Briefing returns the story's latest briefing; a merged-away id
	// resolves to the survivor. ErrNotFound when there is none.
	Briefing(ctx context.Context, storyID string) (*news.Briefing, BriefingInfo, error)
}

// BriefJob is a claimed entry of the briefing queue.
type BriefJob struct {
	StoryID string `json:"story_id"`
	// Gen changes each time the story is queued again; DoneBriefing
	// removes the entry only when it is still the generation claimed.
	Gen int64 `json:"gen"`
	// Attempts counts the attempts that failed before this claim.
	Attempts int `json:"attempts"`
}

// BriefState is a story's entry in the briefing queue: its briefing is
// being (or will be) rebuilt.
type BriefState struct {
	StoryID string    `json:"story_id"`
	Queued  time.Time `json:"queued"`
	// Due is when the entry can next be claimed (after a failure: the
	// retry time).
	Due time.Time `json:"due"`
	// Attempts counts failed attempts; LastError and Failed say why and
	// when the last one failed (empty and zero when none did).
	Attempts  int       `json:"attempts,omitempty"`
	LastError string    `json:"last_error,omitempty"`
	Failed    time.Time `json:"failed,omitzero"`
	// LeaseUntil is when the last claim's lease ends (zero when the
	// entry was never claimed or was given back); a worker holds the
	// entry while it is in the future.
	LeaseUntil time.Time `json:"lease_until,omitzero"`
}

// String is the marker readers show beside a queued story:
// "briefing being updated", or, after a failure, "briefing failed 2x
// (reason); retry 2026-03-01 12:05 UTC".
func (q BriefState) String() string {
	if q.Attempts == 0 {
		return "briefing being updated"
	}
	return fmt.Sprintf("briefing failed %dx (%s); retry %s", q.Attempts, q.LastError, q.Due.UTC().Format("2006-01-02 15:04 MST"))
}

// BriefClaim asks ClaimBriefings for work.
type BriefClaim struct {
	// Now is the claimer's clock: entries due at or before it and not
	// leased beyond it are claimable.
	Now time.Time
	// Lease is how long the claim holds; after it another worker may
	// claim the entry again (the holder died or hangs).
	Lease time.Duration
	// Limit caps the entries claimed (0: DefaultLimit, capped at MaxLimit).
	Limit int
	// Stories restricts the claim to these story ids; nil claims any.
	Stories []string
}

// BriefQueue is the archive's queue of stories whose briefing must be
// rebuilt. Writers queue a story when they change it and return; workers
// in any process claim entries with a lease (PostgreSQL: FOR UPDATE SKIP
// LOCKED; SQLite: one write transaction), brief them and mark them done
// or failed. Entries survive restarts. Times are the caller's clock.
type BriefQueue interface {
	// QueueBriefings queues the stories (merged-away ids resolve to the
	// survivor; unknown ids are skipped). A story already queued keeps
	// its due time, attempts and lease, and its generation changes.
	QueueBriefings(ctx context.Context, storyIDs []string, at time.Time) error
	// ClaimBriefings leases up to c.Limit due entries, earliest due
	// first (ties by id), and returns them; none is not an error.
	ClaimBriefings(ctx context.Context, c BriefClaim) ([]BriefJob, error)
	// DoneBriefing ends a successful claim: the entry is removed, or,
	// when the story was queued again meanwhile (another generation),
	// released with its failures cleared.
	DoneBriefing(ctx context.Context, j BriefJob) error
	// FailBriefing ends a failed claim: attempts+1, the reason and time
	// recorded, the lease released and the entry due again at retry.
	FailBriefing(ctx context.Context, j BriefJob, reason string, at, retry time.Time) error
	// ReleaseBriefing gives a claim up without counting an attempt (the
	// worker was stopped): the entry is claimable at once.
	ReleaseBriefing(ctx context.Context, j BriefJob) error
	// BriefStates returns the queue entries of the given story ids (as
	// stored: no alias resolution); ids not queued are absent from the
	// map.
	BriefStates(ctx context.Context, storyIDs []string) (map[string]BriefState, error)
}

// Searcher runs full-text queries over article titles and clean text.
type Searcher interface {
	// Search returns up to limit articles matching every word of query
	// (plain words; operators are not interpreted), best first.
	Search(ctx context.Context, query string, limit int) ([]SearchHit, error)
}

// IngestLog records inputs that were not stored.
type IngestLog interface {
	// RecordRejected logs that input was rejected and why.
	RecordRejected(ctx context.Context, input, reason string) error
	// Rejected lists the log, newest first.
	Rejected(ctx context.Context, o ListOptions) ([]Rejection, error)
}

// Store is everything a crosscheck archive does. Consumers should accept
// the narrowest interface above that they need.
type Store interface {
	ArticleWriter
	ArticleReader
	StoryWriter
	StoryReader
	Briefings
	BriefQueue
	Searcher
	IngestLog
	// Stats counts stored rows.
	Stats(ctx context.Context) (Stats, error)
	// Close releases the store; calling it again is a no-op.
	Close() error
}

// Hash returns the content key of a raw input: the hex SHA-256 of
// raw.Bytes, or, when Bytes is nil, of raw.HTML or raw.Text (whichever is
// set). For an input read as UTF-8 both give the same key.
func Hash(raw news.Raw) string {
	var b []byte
	switch {
	case raw.Bytes != nil:
		b = raw.Bytes
	case raw.HTML != "":
		b = []byte(raw.HTML)
	default:
		b = []byte(raw.Text)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// ArticleID returns the id an article is stored under: a.ID when set,
// otherwise the first 16 hex digits of hash.
func ArticleID(a *news.Article, hash string) string {
	if a != nil && a.ID != "" {
		return a.ID
	}
	return hash[:16]
}

// StoryIDFor returns the deterministic id of a story seeded by an article:
// "s" and 15 hex digits of the SHA-256 of the article id.
func StoryIDFor(articleID string) string {
	sum := sha256.Sum256([]byte(articleID))
	return "s" + hex.EncodeToString(sum[:])[:15]
}

// NewStoryID returns a random story id shaped like StoryIDFor's.
func NewStoryID() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return "s" + hex.EncodeToString(b[:])[:15]
}

// StoryIDOf picks the id CreateStory uses for s.
func StoryIDOf(s news.Story) string {
	switch {
	case s.ID != "":
		return s.ID
	case len(s.Articles) > 0 && s.Articles[0].ID != "":
		return StoryIDFor(s.Articles[0].ID)
	}
	return NewStoryID()
}

// QueryWords splits a free-text search query into the words both backends
// match: runs of letters and digits. Operators and punctuation are dropped,
// so user input can never form a query-language expression.
func QueryWords(q string) []string {
	return strings.FieldsFunc(q, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Time truncates t to the stored precision and converts it to UTC.
func Time(t time.Time) time.Time { return t.Truncate(time.Microsecond).UTC() }

// DefaultPath is where the default SQLite archive lives:
// $XDG_DATA_HOME/crosscheck/crosscheck.db, else
// ~/.local/share/crosscheck/crosscheck.db. The directory is not created.
func DefaultPath() (string, error) {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "crosscheck", "crosscheck.db"), nil
}
