package align

import (
	"slices"
	"sort"
	"strings"
)

// wordMap maps comparison keys (anchor keys, event classes) to a word as
// written, as a list sorted by key. A frame holds a few such words: a map
// each for its local words, names, head and events took more memory than
// the rest of a long story's alignment, and a short sorted list answers
// the same questions.
type wordMap []keyWord

// keyWord is one entry of a wordMap.
type keyWord struct{ key, word string }

// find returns the position of key k in m, or where it would go.
func (m wordMap) find(k string) (int, bool) {
	return slices.BinarySearchFunc(m, k, func(e keyWord, k string) int { return strings.Compare(e.key, k) })
}

// has reports whether m holds key k.
func (m wordMap) has(k string) bool {
	_, ok := m.find(k)
	return ok
}

// set maps k to w, replacing the word k had.
func (m *wordMap) set(k, w string) {
	i, ok := m.find(k)
	if ok {
		(*m)[i].word = w
		return
	}
	*m = slices.Insert(*m, i, keyWord{k, w})
}

// add maps k to w unless m holds k already (the first word stays).
func (m *wordMap) add(k, w string) {
	if i, ok := m.find(k); !ok {
		*m = slices.Insert(*m, i, keyWord{k, w})
	}
}

// sharedWords lists the words (as written in a) whose keys both hold.
func sharedWords(a, b wordMap) []string {
	var out []string
	for _, e := range a {
		if b.has(e.key) {
			out = append(out, e.word)
		}
	}
	sort.Strings(out)
	return out
}

// overlaps reports whether a and b share a key; an empty a (nothing
// follows the value) overlaps anything.
func overlaps(a, b wordMap) bool {
	if len(a) == 0 {
		return true
	}
	for _, e := range a {
		if b.has(e.key) {
			return true
		}
	}
	return false
}
