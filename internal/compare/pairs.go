package compare

import (
	"slices"
	"sort"

	"github.com/crosscheck/crosscheck/internal/text"
)

// pairIndex finds the candidate pairs of a pairwise rule (a rumour and a
// fact for certaintyConflicts) without trying every pair: the rule demands
// that the two items share a key (an actor), so items are posted under
// their keys and a lookup visits only the items sharing one. Trying all
// pairs is quadratic in a story's clauses (an input of tens of thousands
// of them took minutes).
//
// The bound: a lookup visits at most text.MaxPostings items per key. When
// more items than that share a key (a name in every paragraph of a very
// long input), the lookup takes the text.MaxPostings nearest items from
// the place it names (see with), so each item is still compared with its
// neighbours in the text, and the work stays linear in the number of
// items. On inputs of news-story size no key reaches the bound and every
// pair sharing a key is visited, as before.
type pairIndex struct {
	post map[string][]int // key -> items holding it, ascending
}

// newPairIndex posts item i under every key of keys[i].
func newPairIndex(keys []map[string]bool) *pairIndex {
	x := &pairIndex{post: map[string][]int{}}
	for i, ks := range keys {
		for k := range ks {
			x.post[k] = append(x.post[k], i)
		}
	}
	return x
}

// with returns, in ascending order and appended to buf[:0], the items at
// or after lo that share a key of keys. For a key held by more than
// text.MaxPostings items it takes only the text.MaxPostings items from
// near on (near >= lo), the lookup's neighbourhood.
func (x *pairIndex) with(keys map[string]bool, lo, near int, buf []int) []int {
	out := buf[:0]
	for k := range keys {
		ps := x.post[k]
		from := lo
		if len(ps) > text.MaxPostings {
			from = max(lo, near)
		}
		p := sort.SearchInts(ps, from)
		end := len(ps)
		if len(ps) > text.MaxPostings {
			end = min(end, p+text.MaxPostings)
		}
		out = append(out, ps[p:end]...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
