package cluster

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/crosscheck/crosscheck/internal/text"
)

// ErrState is returned (wrapped) for a persisted state that cannot be
// decoded.
var ErrState = errors.New("cluster: bad persisted state")

// Persisted state
//
// A Clusterer made by Restore keeps its state in a store and holds in
// memory only what the articles placed since it was made needed: the
// document frequencies of their terms and of their candidate stories'
// terms, the postings of their strongest terms, the stories those
// postings name (by their head alone: times and merge, what the index
// scan reads) and the candidate stories in full. Before each Add the caller asks Needs what is missing,
// reads it from the store and hands it over with Load, until Needs is
// empty; after Add, TakeDelta returns what changed, to be written in the
// transaction that records the article's story. Everything a decision
// reads is then equal, to the last bit, to what a clusterer that never
// stopped would hold, so a restarted process places articles exactly as
// one that kept running. Reset drops what is in memory (memory stays
// bounded by the stories recent articles touched, not by the archive).

// Meta is the clusterer's global state: articles seen, the last story
// number given, the last posting number given, the latest article date
// seen (zero: none dated).
type Meta struct {
	N      int       `json:"n"`
	Next   int       `json:"next"`
	Posts  int64     `json:"posts"`
	Latest time.Time `json:"latest,omitzero"`
}

// StoryState is one story's state, as persisted. Vec, LeadVec and VecN
// are the cached vectors (see story.vec): they depend on the document
// frequencies when they were built, so they are kept, not recomputed.
type StoryState struct {
	ID string
	// Head is true for a story known by its head alone (ID, MergedTo,
	// First, Last: UnmarshalHead).
	Head bool
	// MergedTo names the story this one was merged into ("" while live);
	// a merged story keeps only its postings.
	MergedTo    string
	First, Last time.Time
	Size        int
	TF, Lead    map[string]float64
	Indexed     []string // sorted
	Vec         map[string]float64
	LeadVec     map[string]float64
	VecN        int
	// CacheOnly, in a Delta, says that only the cached vectors changed:
	// MarshalCache is all there is to write.
	CacheOnly bool
}

// Posting is one entry of the candidate index: story Story is posted
// under Term, Seq orders the entries of a term (oldest first).
type Posting struct {
	Term  string
	Seq   int64
	Story string
}

// Delta is what changed since the last TakeDelta: the new Meta, the
// changed stories in full, the document frequencies of the terms counted
// (absolute values) and the new postings.
type Delta struct {
	Meta     Meta
	Stories  []StoryState
	DF       map[string]int
	Postings []Posting
}

// Empty reports whether d holds no change.
func (d Delta) Empty() bool {
	return len(d.Stories) == 0 && len(d.DF) == 0 && len(d.Postings) == 0
}

// Need is what Needs found missing: document frequencies of DF, the
// newest postings (up to PostingScan) of Postings with the heads of the
// stories they name, the full state of Stories.
type Need struct {
	DF       []string
	Postings []string
	Stories  []string
}

// Empty reports whether nothing is missing.
func (n Need) Empty() bool { return len(n.DF) == 0 && len(n.Postings) == 0 && len(n.Stories) == 0 }

// PostingScan is how many of a term's newest postings a decision reads:
// loading that many per term is enough.
const PostingScan = postingScan

// Restore returns a Clusterer over persisted state m whose other state is
// read on demand (see Needs).
func Restore(o Options, m Meta) *Clusterer {
	c := New(o)
	c.n, c.next, c.posts, c.latest = m.N, m.Next, m.Posts, m.Latest
	c.lazy = true
	c.loaded = map[string]bool{}
	c.changed = map[*story]bool{}
	c.dfChanged = map[string]bool{}
	return c
}

// Meta returns the global state.
func (c *Clusterer) Meta() Meta { return Meta{N: c.n, Next: c.next, Posts: c.posts, Latest: c.latest} }

// Len is the number of stories held in memory in full (merged ones
// included): what a memory budget counts. Heads, a few dozen bytes each,
// are not counted; Compact keeps at most CompactHeads of them.
func (c *Clusterer) Len() int { return len(c.stories) - c.heads }

// HasStory reports whether story id is in memory (its head at least).
func (c *Clusterer) HasStory(id string) bool { return c.stories[id] != nil }

// Needs reports what placing d requires that is not in memory. Call it,
// load what it names, Load it, and call it again until it is empty (at
// most four rounds: the article's terms, its strongest terms' postings,
// the candidate stories, their terms). Stories named by loaded postings
// must be given to Load with the postings (their heads suffice), merged
// ones with the story they were merged into. A Clusterer made by New
// needs nothing.
func (c *Clusterer) Needs(d Doc) Need {
	if !c.lazy {
		return Need{}
	}
	tf, ltf := c.docTerms(d)
	var need Need
	for t := range tf {
		if _, ok := c.df[t]; !ok {
			need.DF = append(need.DF, t)
		}
	}
	for t := range ltf {
		if _, ok := c.df[t]; !ok && tf[t] == 0 {
			need.DF = append(need.DF, t)
		}
	}
	if len(need.DF) > 0 {
		slices.Sort(need.DF)
		return need
	}
	// As Add sees it: this article counted.
	c.n++
	for t := range tf {
		c.df[t]++
	}
	defer func() {
		c.n--
		for t := range tf {
			c.df[t]--
		}
	}()
	// Only the scanned terms' postings are read; the article's other
	// strongest terms are posted under without their lists in memory
	// (Load replaces such a partial list, a suffix of the stored one).
	vec := c.vector(tf)
	for _, t := range strongest(vec, scanTerms) {
		if !c.loaded[t] {
			need.Postings = append(need.Postings, t)
		}
	}
	if len(need.Postings) > 0 {
		slices.Sort(need.Postings)
		return need
	}
	cands := c.candidates(vec, d.Time)
	for _, s := range cands {
		if s.head {
			need.Stories = append(need.Stories, s.id)
		}
	}
	if len(need.Stories) > 0 {
		slices.Sort(need.Stories)
		return need
	}
	missing := map[string]bool{}
	for _, s := range cands {
		if s.dfOK {
			continue
		}
		ok := true
		for _, m := range []map[string]float64{s.tf, s.lead} {
			for t := range m {
				if _, in := c.df[t]; !in {
					missing[t], ok = true, false
				}
			}
		}
		// Compact keeps the frequencies of every kept story's terms.
		s.dfOK = ok
	}
	for t := range missing {
		need.DF = append(need.DF, t)
	}
	slices.Sort(need.DF)
	return need
}

// memo keeps the terms of the last document Needs or Add read: a
// document is read by up to four Needs rounds and one Add.
type memo struct {
	doc     Doc
	tf, ltf map[string]float64
}

// docTerms returns c.terms(d) and c.lead(d), from the memo when d is
// the document last read (same fields; the maps are not modified by
// their users).
func (c *Clusterer) docTerms(d Doc) (tf, ltf map[string]float64) {
	m := &c.memo
	if m.tf != nil && m.doc.ID == d.ID && m.doc.Title == d.Title && m.doc.Body == d.Body && m.doc.Time.Equal(d.Time) && slices.Equal(m.doc.Names, d.Names) {
		return m.tf, m.ltf
	}
	tf, ltf = c.terms(d), c.lead(d)
	if c.lazy {
		*m = memo{doc: d, tf: tf, ltf: ltf}
	}
	return tf, ltf
}

// Load puts persisted state in memory: document frequencies (a term
// absent from df but asked for has frequency 0: pass it with 0), the
// postings of the terms in terms (all of a term's loaded postings, any
// order) and the stories they name. Stories and postings already in
// memory are kept (memory is never older than the store).
func (c *Clusterer) Load(df map[string]int, terms []string, postings []Posting, stories []StoryState) error {
	for t, n := range df {
		if _, ok := c.df[t]; !ok {
			c.df[t] = n
		}
	}
	added := map[string]*story{}
	for _, st := range stories {
		s := c.stories[st.ID]
		switch {
		case s == nil:
			s = &story{id: st.ID}
			c.stories[st.ID] = s
			if st.Head {
				c.heads++
			}
		case st.Head || !s.head:
			continue // what memory holds is as new and as full
		default:
			c.heads-- // a head completed
		}
		// A head is completed in place: postings point at it.
		*s = story{id: st.ID, head: st.Head, first: st.First, last: st.Last, size: st.Size, tf: st.TF, lead: st.Lead, vecN: st.VecN}
		if !st.Head {
			s.indexed = map[string]bool{}
			for _, t := range st.Indexed {
				s.indexed[t] = true
			}
			if st.VecN > 0 {
				s.vec, s.leadVec = text.NewVector(st.Vec), text.NewVector(st.LeadVec)
			}
		}
		added[st.ID] = s
	}
	for _, st := range stories {
		if st.MergedTo == "" || added[st.ID] == nil {
			continue
		}
		to := c.stories[st.MergedTo]
		if to == nil {
			return fmt.Errorf("%w: story %s merged into %s, not loaded", ErrState, st.ID, st.MergedTo)
		}
		s := added[st.ID]
		s.mergedTo, s.tf, s.lead, s.indexed = to, nil, nil, nil
	}
	ps := slices.Clone(postings)
	slices.SortFunc(ps, func(a, b Posting) int {
		if a.Seq != b.Seq {
			if a.Seq < b.Seq {
				return -1
			}
			return 1
		}
		return 0
	})
	fresh := map[string]bool{}
	for _, t := range terms {
		if !c.loaded[t] {
			c.loaded[t], fresh[t] = true, true
			c.index[t] = nil // what was posted here since is in ps too
		}
	}
	for _, p := range ps {
		if !fresh[p.Term] {
			continue
		}
		s := c.stories[p.Story]
		if s == nil {
			return fmt.Errorf("%w: posting %q names story %s, not loaded", ErrState, p.Term, p.Story)
		}
		c.index[p.Term] = append(c.index[p.Term], s)
	}
	return nil
}

// Compact drops from memory everything but the live stories held in full
// whose newest article lies within Options.Window of the latest article
// (undated ones too: they are in every window), the document
// frequencies of their terms, and the heads (id, first and last dates)
// of up to CompactHeads other live stories, newest first (stories
// outside the window become heads): what a store would have to read
// again for the next articles of the active window is kept, the rest is
// read on demand. The heads are what the candidate scan reads of the
// stories a term's newest postings name; in an archive where a term's
// postings reach back over months, most of those lie outside the window,
// and without the heads every article read them again (hundreds of
// store reads an article). Memory stays bounded by the window and
// CompactHeads, not by the archive. Call it only when TakeDelta has
// just been called (the store holds every change). It is a no-op on a
// Clusterer made by New.
func (c *Clusterer) Compact() {
	if !c.lazy {
		return
	}
	since := c.latest.Add(-c.o.Window)
	df := map[string]int{}
	stories := map[string]*story{}
	var heads []*story
	for id, s := range c.stories {
		switch {
		case s.mergedTo != nil:
			continue // its head names a story object that may be dropped
		case s.head || !s.last.IsZero() && s.last.Before(since):
			heads = append(heads, s)
			continue
		}
		stories[id] = s
		for _, m := range []map[string]float64{s.tf, s.lead} {
			for t := range m {
				if n, ok := c.df[t]; ok {
					df[t] = n
				}
			}
		}
	}
	slices.SortFunc(heads, func(a, b *story) int {
		if c := b.last.Compare(a.last); c != 0 {
			return c
		}
		return cmpString(a.id, b.id)
	})
	heads = heads[:min(len(heads), CompactHeads)]
	for _, s := range heads {
		if !s.head {
			*s = story{id: s.id, head: true, first: s.first, last: s.last}
		}
		stories[s.id] = s
	}
	c.heads = len(heads)
	c.stories, c.df = stories, df
	c.index, c.loaded = map[string][]*story{}, map[string]bool{}
	c.memo = memo{}
}

// CompactHeads caps the heads of stories outside the window that Compact
// keeps (a few megabytes).
const CompactHeads = 50000

// TakeDelta returns what changed since the last call (see Delta) and
// forgets it. Only a Clusterer made by Restore records changes.
func (c *Clusterer) TakeDelta() Delta {
	d := Delta{Meta: c.Meta(), DF: map[string]int{}}
	for t := range c.dfChanged {
		d.DF[t] = c.df[t]
	}
	for s, full := range c.changed {
		st := s.state()
		st.CacheOnly = !full
		d.Stories = append(d.Stories, st)
	}
	slices.SortFunc(d.Stories, func(a, b StoryState) int { return cmpString(a.ID, b.ID) })
	d.Postings = c.newPosts
	c.newPosts = nil
	clear(c.dfChanged)
	clear(c.changed)
	return d
}

// Export returns the whole state of a Clusterer (made by New) as one
// Delta, postings numbered in each term's order (Meta.Posts at least the
// longest term's count, so later postings sort after them). It is how an
// archive clustered before the state was persisted gets it.
func (c *Clusterer) Export() Delta {
	d := Delta{DF: maps(c.df)}
	for _, s := range c.stories {
		d.Stories = append(d.Stories, s.state())
	}
	slices.SortFunc(d.Stories, func(a, b StoryState) int { return cmpString(a.ID, b.ID) })
	var top int64
	for t, ss := range c.index {
		for i, s := range ss {
			d.Postings = append(d.Postings, Posting{Term: t, Seq: int64(i + 1), Story: s.id})
		}
		top = max(top, int64(len(ss)))
	}
	slices.SortFunc(d.Postings, func(a, b Posting) int {
		if c := cmpString(a.Term, b.Term); c != 0 {
			return c
		}
		return int(a.Seq - b.Seq)
	})
	c.posts = max(c.posts, top)
	d.Meta = c.Meta()
	return d
}

func maps(m map[string]int) map[string]int {
	out := make(map[string]int, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// state is s as persisted.
func (s *story) state() StoryState {
	st := StoryState{ID: s.id, First: s.first, Last: s.last, Size: s.size, TF: s.tf, Lead: s.lead}
	if s.mergedTo != nil {
		st.MergedTo = s.mergedTo.id
		return st
	}
	for t := range s.indexed {
		st.Indexed = append(st.Indexed, t)
	}
	slices.Sort(st.Indexed)
	if s.vecN > 0 {
		st.VecN, st.Vec, st.LeadVec = s.vecN, s.vec.W, s.leadVec.W
	}
	return st
}

// touch records that story s changed (a Clusterer made by Restore only).
func (c *Clusterer) touch(s *story) {
	if c.changed != nil {
		c.changed[s] = true
	}
}

// touchCache records that the cached vectors of s were rebuilt.
func (c *Clusterer) touchCache(s *story) {
	if c.changed != nil && !c.changed[s] {
		c.changed[s] = false
	}
}

// post records a new posting of s under t.
func (c *Clusterer) post(t string, s *story) {
	c.posts++
	if c.lazy {
		c.newPosts = append(c.newPosts, Posting{Term: t, Seq: c.posts, Story: s.id})
	}
}

// Encoding: a story's state is stored as one compact binary value
// (Marshal, Unmarshal), its head as another (MarshalHead, UnmarshalHead):
// version byte, then varints, strings as length and bytes, floats as
// their 8 IEEE-754 bytes (exact).
const stateVersion = 1

// MarshalHead encodes st's head: ID aside, MergedTo, First and Last.
func (st StoryState) MarshalHead() []byte {
	b := []byte{stateVersion}
	b = appendString(b, st.MergedTo)
	b = binary.AppendVarint(b, timeInt(st.First))
	return binary.AppendVarint(b, timeInt(st.Last))
}

// UnmarshalHead decodes a story's head (StoryState.Head set).
func UnmarshalHead(id string, b []byte) (StoryState, error) {
	st := StoryState{ID: id, Head: true}
	r := reader{b: b}
	if v := r.byte(); v != stateVersion {
		return st, fmt.Errorf("%w: story %s: version %d", ErrState, id, v)
	}
	st.MergedTo = r.string()
	st.First, st.Last = intTime(r.varint()), intTime(r.varint())
	if r.err != nil {
		return st, fmt.Errorf("%w: story %s: %v", ErrState, id, r.err)
	}
	return st, nil
}

// MarshalState encodes st but its cached vectors (MarshalCache).
func (st StoryState) MarshalState() []byte {
	b := []byte{stateVersion}
	b = appendString(b, st.MergedTo)
	b = binary.AppendVarint(b, timeInt(st.First))
	b = binary.AppendVarint(b, timeInt(st.Last))
	b = binary.AppendUvarint(b, uint64(st.Size))
	b = appendWeights(b, st.TF)
	b = appendWeights(b, st.Lead)
	b = binary.AppendUvarint(b, uint64(len(st.Indexed)))
	for _, t := range st.Indexed {
		b = appendString(b, t)
	}
	return b
}

// Cached vectors are encoded aligned to the story's terms when their keys
// are the terms' (always, while VecN > 0: a change of terms drops the
// cache), else with their keys.
const (
	cacheAligned = 1
	cacheKeyed   = 2
)

// MarshalCache encodes st's cached vectors (VecN, Vec, LeadVec): weights
// in the order of the sorted TF and Lead terms, 8 bytes each, so a
// rebuilt cache is written without its terms.
func (st StoryState) MarshalCache() []byte {
	b := []byte{stateVersion}
	b = binary.AppendUvarint(b, uint64(st.VecN))
	if st.VecN == 0 {
		return b
	}
	if !sameKeys(st.Vec, st.TF) || !sameKeys(st.LeadVec, st.Lead) {
		b = append(b, cacheKeyed)
		return appendWeights(appendWeights(b, st.Vec), st.LeadVec)
	}
	b = append(b, cacheAligned)
	for _, m := range [][2]map[string]float64{{st.TF, st.Vec}, {st.Lead, st.LeadVec}} {
		for _, k := range sortedKeys(m[0]) {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(m[1][k]))
		}
	}
	return b
}

func sameKeys(a, b map[string]float64) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			return false
		}
	}
	return true
}

func sortedKeys(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Unmarshal decodes a story's state and cache (id is not encoded: it is
// the key).
func Unmarshal(id string, state, cache []byte) (StoryState, error) {
	st := StoryState{ID: id}
	r := reader{b: state}
	if v := r.byte(); v != stateVersion {
		return st, fmt.Errorf("%w: story %s: version %d", ErrState, id, v)
	}
	st.MergedTo = r.string()
	st.First, st.Last = intTime(r.varint()), intTime(r.varint())
	st.Size = int(r.uvarint())
	st.TF, st.Lead = r.weights(), r.weights()
	if n := r.uvarint(); n > 0 && r.err == nil {
		st.Indexed = make([]string, 0, min(n, uint64(len(state))))
		for i := uint64(0); i < n && r.err == nil; i++ {
			st.Indexed = append(st.Indexed, r.string())
		}
	}
	if r.err == nil && len(r.b) > 0 {
		r.err = errors.New("trailing bytes")
	}
	c := reader{b: cache}
	if v := c.byte(); v != stateVersion && r.err == nil {
		return st, fmt.Errorf("%w: story %s: cache version %d", ErrState, id, v)
	}
	st.VecN = int(c.uvarint())
	if st.VecN > 0 {
		switch c.byte() {
		case cacheKeyed:
			st.Vec, st.LeadVec = c.weights(), c.weights()
		case cacheAligned:
			st.Vec, st.LeadVec = c.aligned(st.TF), c.aligned(st.Lead)
		default:
			c.err = errors.New("unknown cache layout")
		}
	}
	if c.err == nil && len(c.b) > 0 {
		c.err = errors.New("trailing bytes")
	}
	for _, err := range []error{r.err, c.err} {
		if err != nil {
			return st, fmt.Errorf("%w: story %s: %v", ErrState, id, err)
		}
	}
	if st.MergedTo == "" {
		for _, m := range []*map[string]float64{&st.TF, &st.Lead} {
			if *m == nil {
				*m = map[string]float64{}
			}
		}
	}
	return st, nil
}

func timeInt(t time.Time) int64 {
	if t.IsZero() {
		return math.MinInt64
	}
	return t.UnixNano()
}

func intTime(v int64) time.Time {
	if v == math.MinInt64 {
		return time.Time{}
	}
	return time.Unix(0, v).UTC()
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// appendWeights writes m in sorted key order (so equal maps encode
// equally); nil and empty both encode as 0.
func appendWeights(b []byte, m map[string]float64) []byte {
	b = binary.AppendUvarint(b, uint64(len(m)))
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		b = appendString(b, k)
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(m[k]))
	}
	return b
}

// reader decodes Marshal's values; the first error sticks.
type reader struct {
	b   []byte
	err error
}

var errShort = errors.New("truncated")

func (r *reader) byte() byte {
	if r.err != nil || len(r.b) == 0 {
		r.err = errShort
		return 0
	}
	v := r.b[0]
	r.b = r.b[1:]
	return v
}

func (r *reader) uvarint() uint64 { return readVarint(r, binary.Uvarint) }

func (r *reader) varint() int64 { return readVarint(r, binary.Varint) }

// readVarint reads one value with decode (binary.Uvarint or
// binary.Varint), recording errShort when r holds no whole value.
func readVarint[T uint64 | int64](r *reader, decode func([]byte) (T, int)) T {
	if r.err != nil {
		return 0
	}
	v, n := decode(r.b)
	if n <= 0 {
		r.err = errShort
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) string() string {
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b)) {
		r.err = errShort
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// aligned reads one weight per key of terms, in sorted key order.
func (r *reader) aligned(terms map[string]float64) map[string]float64 {
	if r.err != nil {
		return nil
	}
	if len(r.b) < 8*len(terms) {
		r.err = errShort
		return nil
	}
	m := make(map[string]float64, len(terms))
	for _, k := range sortedKeys(terms) {
		m[k] = math.Float64frombits(binary.LittleEndian.Uint64(r.b))
		r.b = r.b[8:]
	}
	return m
}

// weights reads a map; nil when empty.
func (r *reader) weights() map[string]float64 {
	n := r.uvarint()
	if r.err != nil || n == 0 {
		return nil
	}
	if n > uint64(len(r.b)) {
		r.err = errShort
		return nil
	}
	m := make(map[string]float64, n)
	for i := uint64(0); i < n && r.err == nil; i++ {
		k := r.string()
		if len(r.b) < 8 {
			r.err = errShort
			return nil
		}
		m[k] = math.Float64frombits(binary.LittleEndian.Uint64(r.b))
		r.b = r.b[8:]
	}
	return m
}
