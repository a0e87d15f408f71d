package align

import (
	"cmp"
	"slices"
	"sort"
)

// spanIndex finds the items of an article (quotes, times, quantities,
// person mentions) that overlap or start within a stretch of its body
// without scanning them all: reading a fact looks up the items of its
// sentence, and a scan per fact made reading a story quadratic in its
// length (an input of 20 MB holds tens of thousands of each).
//
// Items are sorted by start offset, ties kept in their original order, so
// a lookup meets them in the order a scan of the original slice would
// when starts differ, and in that order among equal starts.
type spanIndex struct {
	item   []int // original index of each entry
	start  []int
	end    []int
	maxEnd []int // largest end of entries [0, i]
}

// newSpanIndex indexes n items whose body offsets span(i) returns.
func newSpanIndex(n int, span func(i int) (start, end int)) spanIndex {
	x := spanIndex{item: make([]int, n), start: make([]int, n), end: make([]int, n), maxEnd: make([]int, n)}
	for i := range n {
		x.item[i] = i
	}
	slices.SortStableFunc(x.item, func(a, b int) int {
		sa, _ := span(a)
		sb, _ := span(b)
		return cmp.Compare(sa, sb)
	})
	m := -1
	for p, i := range x.item {
		x.start[p], x.end[p] = span(i)
		m = max(m, x.end[p])
		x.maxEnd[p] = m
	}
	return x
}

// overlapping calls fn with the original index of each item overlapping
// [lo, hi), by start offset, until fn returns false.
func (x spanIndex) overlapping(lo, hi int, fn func(i int) bool) {
	// maxEnd is non-decreasing: entries before p all end at or before lo.
	p := sort.Search(len(x.maxEnd), func(p int) bool { return x.maxEnd[p] > lo })
	for ; p < len(x.start) && x.start[p] < hi; p++ {
		if x.end[p] > lo && !fn(x.item[p]) {
			return
		}
	}
}

// startingIn calls fn with the original index and the end offset of each
// item starting in [lo, hi), by start offset, until fn returns false.
func (x spanIndex) startingIn(lo, hi int, fn func(i, end int) bool) {
	for p := sort.SearchInts(x.start, lo); p < len(x.start) && x.start[p] < hi; p++ {
		if !fn(x.item[p], x.end[p]) {
			return
		}
	}
}
