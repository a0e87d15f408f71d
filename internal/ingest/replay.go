package ingest

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/crosscheck/crosscheck/internal/cluster"
	"github.com/crosscheck/crosscheck/internal/store"
)

// replayed is one stored article waiting to be replayed.
type replayed struct {
	doc   cluster.Doc
	story string
	input string
	rank  int // position in the store's ingest order; -1 when unknown
}

// rebuild replays the stored stories into the clusterer.
func (e *Engine) rebuild(ctx context.Context) error {
	start := time.Now()
	// The clusterer reads only the first BodyWords words of a body; when
	// the option is set, keep no more in memory. Its default is the
	// cluster package's business, so with the default the whole body is
	// kept (replayed docs are released one by one).
	words := e.o.Cluster.BodyWords
	// With the store's ingest log, the positions are listed first: what
	// other processes store and cluster after that listing is caught up
	// under the lock before the first decision (see catchUp).
	var logged []store.ArticleSeq
	if e.ser.log != nil {
		for seq := int64(0); ; {
			page, err := e.ser.log.ArticlesAfter(ctx, seq, store.MaxLimit)
			if err != nil {
				return fmt.Errorf("ingest: rebuild clusters: %w", err)
			}
			logged = append(logged, page...)
			if len(page) < store.MaxLimit {
				break
			}
			seq = page[len(page)-1].Seq
		}
	}
	var items []replayed
	seen := map[string]bool{}
	stories := 0
	for off := 0; ; off += store.MaxLimit {
		page, err := e.st.Stories(ctx, store.ListOptions{Limit: store.MaxLimit, Offset: off})
		if err != nil {
			return fmt.Errorf("ingest: rebuild clusters: %w", err)
		}
		for _, s := range page {
			arts, err := e.st.StoryArticles(ctx, s.ID)
			if err != nil {
				return fmt.Errorf("ingest: rebuild clusters: %w", err)
			}
			stories++
			for _, a := range arts {
				// A story listing paged while another process
				// writes may show an article twice.
				if seen[a.ID] {
					continue
				}
				seen[a.ID] = true
				items = append(items, replayed{doc: docOf(a.ID, a, words), story: s.ID, input: a.Input, rank: -1})
			}
		}
		if len(page) < store.MaxLimit {
			break
		}
	}
	ordered := false
	switch l, ok := e.st.(store.ArticleLister); {
	case e.ser.log != nil:
		rank := make(map[string]int, len(logged))
		for i, a := range logged {
			rank[a.ID] = i
		}
		// Articles clustered after the listing wait for the catch-up.
		items = slices.DeleteFunc(items, func(it replayed) bool {
			_, ok := rank[it.doc.ID]
			return !ok
		})
		for i := range items {
			items[i].rank = rank[items[i].doc.ID]
		}
		for i, a := range logged {
			switch {
			case seen[a.ID]:
			case a.StoryID == "":
				e.ser.orphans[a.ID] = true
			default:
				// In a story the paged listing missed.
				art, err := e.st.Article(ctx, a.ID)
				if err != nil {
					return fmt.Errorf("ingest: rebuild clusters: %w", err)
				}
				items = append(items, replayed{doc: docOf(a.ID, art, words), story: a.StoryID, input: art.Input, rank: i})
			}
		}
		if len(logged) > 0 {
			e.ser.seq = logged[len(logged)-1].Seq
		}
		ordered = true
	case ok && len(items) > 0:
		// Both stores list articles in ingest order (store.ArticleLister);
		// then the clusterer is rebuilt in exactly the order it first saw
		// them.
		rank := make(map[string]int, len(items))
		for off := 0; ; off += store.MaxLimit {
			refs, err := l.Articles(ctx, store.ListOptions{Limit: store.MaxLimit, Offset: off})
			if err != nil {
				return fmt.Errorf("ingest: rebuild clusters: %w", err)
			}
			for i, r := range refs {
				rank[r.ID] = off + i
			}
			if len(refs) < store.MaxLimit {
				break
			}
		}
		for i := range items {
			if r, ok := rank[items[i].doc.ID]; ok {
				items[i].rank = r
			}
		}
		ordered = true
	}
	slices.SortStableFunc(items, replayOrder)

	e.mu.Lock()
	defer e.mu.Unlock()
	st := ReplayStats{Articles: len(items), Stories: stories, Ordered: ordered}
	for i := range items {
		it := &items[i]
		doc := it.doc
		it.doc = cluster.Doc{} // let the body go
		if err := e.replayOne(ctx, doc, it.story, ordered, &st); err != nil {
			return fmt.Errorf("ingest: rebuild clusters: %w", err)
		}
	}
	st.Took = time.Since(start)
	e.replay = st
	return nil
}

// replayOrder sorts replayed articles: by the store's ingest order when
// known, else by publication date (undated first), then input name with
// numbers compared by value ("a.jsonl:9" before "a.jsonl:10"), then id.
func replayOrder(a, b replayed) int {
	if a.rank >= 0 && b.rank >= 0 {
		return cmp.Compare(a.rank, b.rank)
	}
	if c := a.doc.Time.Compare(b.doc.Time); c != 0 {
		return c
	}
	if c := natural(a.input, b.input); c != 0 {
		return c
	}
	return cmp.Compare(a.doc.ID, b.doc.ID)
}

// natural compares strings with runs of ASCII digits compared as numbers:
// "f2.txt" < "f10.txt".
func natural(a, b string) int {
	for a != "" && b != "" {
		da, db := digits(a), digits(b)
		if da > 0 && db > 0 {
			na, nb := trimZeros(a[:da]), trimZeros(b[:db])
			if c := cmp.Compare(len(na), len(nb)); c != 0 {
				return c
			}
			if c := cmp.Compare(na, nb); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

// digits is the length of the run of ASCII digits s starts with.
func digits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

func trimZeros(s string) string {
	for len(s) > 1 && s[0] == '0' {
		s = s[1:]
	}
	return s
}
