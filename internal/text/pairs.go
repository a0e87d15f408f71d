package text

import (
	"slices"
	"sort"
)

// PairIndex finds the candidate pairs of a pairwise rule (a rumour and a
// fact in compare's certainty conflicts, two facts of one frame in align)
// without trying every pair: the rule demands that the two items share a
// key (an actor, an event class), so items are posted under their keys and
// a lookup visits only the items sharing one. Trying all
// pairs is quadratic in a story's clauses (an input of tens of thousands
// of them took minutes).
//
// The bound: a lookup visits at most MaxPostings items per key. When more
// items than that share a key (a name in every paragraph of a very long
// input), the lookup takes the MaxPostings nearest items from the place it
// names (see With), so each item is still compared with its neighbours in
// the text, and the work stays linear in the number of items. On inputs of news-story size no key reaches the bound and every
// pair sharing a key is visited, as before.
type PairIndex struct {
	post map[string][]int // key -> items holding it, ascending
}

// NewPairIndex posts item i under every key of keys[i].
func NewPairIndex(keys []map[string]bool) *PairIndex {
	x := &PairIndex{post: map[string][]int{}}
	for i, ks := range keys {
		for k := range ks {
			x.post[k] = append(x.post[k], i)
		}
	}
	return x
}

// With returns, in ascending order and appended to buf[:0], the items at
// or after lo that share a key of keys. For a key held by more than
// MaxPostings items it takes only the MaxPostings items from
// near on (near >= lo), the lookup's neighbourhood.
func (x *PairIndex) With(keys map[string]bool, lo, near int, buf []int) []int {
	out := buf[:0]
	for k := range keys {
		ps := x.post[k]
		from := lo
		if len(ps) > MaxPostings {
			from = max(lo, near)
		}
		p := sort.SearchInts(ps, from)
		end := len(ps)
		if len(ps) > MaxPostings {
			end = min(end, p+MaxPostings)
		}
		out = append(out, ps[p:end]...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
