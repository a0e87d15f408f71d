package record

import (
	"errors"
	"fmt"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

// CheckIDs returns store.ErrClosed when closed, otherwise an error wrapping
// store.ErrInvalid when any of ids is empty.
func CheckIDs(closed bool, ids ...string) error {
	if closed {
		return store.ErrClosed
	}
	for _, id := range ids {
		if id == "" {
			return fmt.Errorf("empty id: %w", store.ErrInvalid)
		}
	}
	return nil
}

// CheckArticle returns an error wrapping store.ErrInvalid when a is nil.
func CheckArticle(a *news.Article) error {
	if a == nil {
		return fmt.Errorf("nil article: %w", store.ErrInvalid)
	}
	return nil
}

// CheckUpdate validates the argument of UpdateArticle: a non-nil article
// with an id, to a store that is not closed.
func CheckUpdate(closed bool, a *news.Article) error {
	if err := CheckArticle(a); err != nil {
		return err
	}
	return CheckIDs(closed, a.ID)
}

// Article is everything PutArticle writes for one raw input and its
// analysis, encoded.
type Article struct {
	ID, Hash string
	Doc      []byte // the article document (EncodeArticle)
	Meta     []byte // the raw metadata document (EncodeRaw)
	From     int    // the raw body source (EncodeRaw)
}

// NewArticle validates a and encodes it with raw as PutArticle stores them:
// the hash is store.Hash(raw) and the id store.ArticleID(a, hash).
func NewArticle(raw news.Raw, a *news.Article) (Article, error) {
	if err := CheckArticle(a); err != nil {
		return Article{}, err
	}
	r := Article{Hash: store.Hash(raw)}
	r.ID = store.ArticleID(a, r.Hash)
	var err error
	if r.Doc, err = EncodeArticle(a, r.ID, r.Hash); err != nil {
		return Article{}, err
	}
	if r.Meta, r.From, err = EncodeRaw(raw); err != nil {
		return Article{}, err
	}
	return r, nil
}

// StoryTime is the updated time a story write records: s.Updated, or the
// store's clock now when zero, at the stored precision.
func StoryTime(s news.Story, now func() time.Time) time.Time {
	if s.Updated.IsZero() {
		return store.Time(now())
	}
	return store.Time(s.Updated)
}

// Resolve follows a merged-away story id to the surviving story. story
// looks an id up among live stories and alias among merged-away ids; both
// return an error wrapping store.ErrNotFound when the id is absent.
func Resolve(id string, story, alias func(id string) (string, error)) (string, error) {
	got, err := story(id)
	if !errors.Is(err, store.ErrNotFound) {
		return got, err
	}
	to, err := alias(id)
	if err != nil {
		return "", err
	}
	return story(to)
}

// MergePair resolves the two stories of a merge, in id order so that
// concurrent merges lock rows in one order, and rejects a story merged into
// itself with store.ErrInvalid.
func MergePair(into, from string, resolve func(id string) (string, error)) (in, fr string, err error) {
	first, second := into, from
	if second < first {
		first, second = second, first
	}
	ids := make(map[string]string, 2)
	for _, id := range []string{first, second} {
		r, err := resolve(id)
		if err != nil {
			return "", "", fmt.Errorf("story %q: %w", id, err)
		}
		ids[id] = r
	}
	in, fr = ids[into], ids[from]
	if in == fr {
		return "", "", fmt.Errorf("story merged into itself: %w", store.ErrInvalid)
	}
	return in, fr, nil
}

// ScanRef scans an article ref from the columns id, input, outlet, title.
// scan is a row's Scan method.
func ScanRef(scan func(dest ...any) error) (news.ArticleRef, error) {
	var r news.ArticleRef
	err := scan(&r.ID, &r.Input, &r.Outlet, &r.Title)
	return r, err
}

// Refs fills the article refs of a page of stories from rows of story id,
// article id, input, outlet, title.
type Refs struct {
	sts []news.Story
	idx map[string]int
}

// NewRefs empties the Articles of every story of sts and returns the
// filler and the story ids to query.
func NewRefs(sts []news.Story) (*Refs, []string) {
	r := &Refs{sts: sts, idx: make(map[string]int, len(sts))}
	ids := make([]string, len(sts))
	for i, st := range sts {
		r.idx[st.ID] = i
		ids[i] = st.ID
		sts[i].Articles = []news.ArticleRef{}
	}
	return r, ids
}

// Scan scans one row and appends its ref to its story.
func (r *Refs) Scan(scan func(dest ...any) error) error {
	var sid string
	var a news.ArticleRef
	if err := scan(&sid, &a.ID, &a.Input, &a.Outlet, &a.Title); err != nil {
		return err
	}
	if i, ok := r.idx[sid]; ok {
		r.sts[i].Articles = append(r.sts[i].Articles, a)
	}
	return nil
}

// StatsQuery counts the rows store.Stats reports, in plain SQL both
// backends run; scan its row with ScanStats.
const StatsQuery = `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories),
	(SELECT count(*) FROM briefings), (SELECT count(*) FROM rejected),
	(SELECT count(*) FROM brief_queue), (SELECT count(*) FROM brief_queue WHERE attempts > 0)`

// StaleQuery lists the ids of stories whose briefing is older than their
// last change (store.StoryReader.StaleStories), oldest change first, up to
// the limit its one parameter gives. Both backends keep stories.briefed,
// the updated time of the story the briefing was built from, and index
// the stories where briefed < updated (a partial index named
// stories_stale): the condition here is that index's, so the query reads
// only the stale stories, not the archive.
const StaleQuery = `SELECT id FROM stories WHERE briefed < updated ORDER BY updated, id LIMIT $1`

// ScanStats scans the row of StatsQuery.
func ScanStats(scan func(dest ...any) error) (store.Stats, error) {
	var st store.Stats
	err := scan(&st.Articles, &st.Stories, &st.Briefings, &st.Rejected, &st.BriefQueued, &st.BriefFailing)
	return st, err
}

// PlaceOps are one backend's steps of store.ClusterState.Place, each run
// in the placement's transaction: read the story an article is in ("" for
// none, an error wrapping store.ErrNotFound when there is no such
// article; a backend that can locks the article's row), create a story
// with its seed article (false when the id exists), assign an article to
// a story (resolving it), merge from into into (an error wrapping
// store.ErrInvalid when they are one story already) and write the state
// change.
type PlaceOps struct {
	Member func(articleID string) (string, error)
	Create func(id string, st news.Story) (bool, error)
	Assign func(articleID, storyID string) error
	Merge  func(into, from string) error
	State  func(d store.ClusterDelta) error
}

// Place is the one sequence of store.ClusterState.Place over a backend's
// steps: an article in a story already refused (store.ErrPlaced), the
// article's story created (or, when the seed-derived id exists already,
// the article assigned to it) or assigned, the merges (one already made
// skipped), the state written.
func Place(p store.Placement, ops PlaceOps) (store.Placed, error) {
	var out store.Placed
	switch sid, err := ops.Member(p.ArticleID); {
	case err != nil:
		return out, err
	case sid != "":
		return out, PlacedErr(p.ArticleID, sid)
	}
	if p.Create != nil {
		st := *p.Create
		st.Articles = []news.ArticleRef{{ID: p.ArticleID}}
		id := store.StoryIDOf(st)
		created, err := ops.Create(id, st)
		if err != nil {
			return out, err
		}
		out.StoryID, out.Created = id, created
		if !created {
			// A story this article seeded before, since merged: make
			// sure the article is a member.
			if err := ops.Assign(p.ArticleID, id); err != nil {
				return out, err
			}
		}
	} else {
		if err := ops.Assign(p.ArticleID, p.StoryID); err != nil {
			return out, err
		}
		out.StoryID = p.StoryID
	}
	for _, from := range p.Merge {
		err := ops.Merge(out.StoryID, from)
		switch {
		case errors.Is(err, store.ErrInvalid):
			// Already one story (merged by another run).
		case err != nil:
			return out, err
		default:
			out.Merged = append(out.Merged, from)
		}
	}
	return out, ops.State(p.State)
}

// PlacedErr is the error of a placement refused because the article is
// in story sid already.
func PlacedErr(articleID, sid string) error {
	return fmt.Errorf("article %q is in story %q: %w", articleID, sid, store.ErrPlaced)
}

// ClusterMetaQuery reads the clusterer's global state (store.ClusterState's
// ClusterMeta), in plain SQL both backends run.
const ClusterMetaQuery = `SELECT state FROM cluster_meta WHERE id = 1`

// CheckDelta returns an error wrapping store.ErrInvalid when a story of d
// has no id; backends call it before writing any of d.
func CheckDelta(d store.ClusterDelta) error {
	for _, c := range d.Stories {
		if c.ID == "" {
			return fmt.Errorf("cluster story without id: %w", store.ErrInvalid)
		}
	}
	return nil
}
