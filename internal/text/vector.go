package text

import (
	"math"
	"slices"
	"strings"
)

// Vector is a sparse term-weight vector with its norm cached, for comparing
// sentences and documents by content.
type Vector struct {
	W    map[string]float64
	norm float64
	keys []string // W's keys in order; nil for a scratch vector
}

// NewVector returns the vector with weights w (taken, not copied). Its keys
// are sorted once, so that Cos sums in a fixed order and gives the same
// result, to the last bit, on every run.
func NewVector(w map[string]float64) Vector {
	v := NewScratchVector(w)
	v.keys = make([]string, 0, len(w))
	for k := range w {
		v.keys = append(v.keys, k)
	}
	slices.Sort(v.keys)
	v.norm = 0
	for _, k := range v.keys {
		v.norm += w[k] * w[k]
	}
	v.norm = math.Sqrt(v.norm)
	return v
}

// NewScratchVector is NewVector without the sorted keys, for a vector
// built to be compared once: Cos with a NewVector vector is still
// deterministic; Cos of two scratch vectors sums in map order.
func NewScratchVector(w map[string]float64) Vector {
	n := 0.0
	for _, x := range w {
		n += x * x
	}
	return Vector{W: w, norm: math.Sqrt(n)}
}

// Norm returns the vector's Euclidean length.
func (v Vector) Norm() float64 { return v.norm }

// Cos returns the cosine similarity of v and u (0 when either is empty).
func (v Vector) Cos(u Vector) float64 {
	if v.norm == 0 || u.norm == 0 {
		return 0
	}
	if v.keys == nil || u.keys != nil && len(u.keys) < len(v.keys) {
		v, u = u, v
	}
	dot := 0.0
	if v.keys != nil {
		for _, k := range v.keys {
			dot += v.W[k] * u.W[k]
		}
	} else {
		for k, x := range v.W {
			dot += x * u.W[k]
		}
	}
	return dot / (v.norm * u.norm)
}

// Terms returns the content words of s, lower-cased, possessives and edge
// punctuation removed, stop words dropped, each passed through stem (which
// may be nil).
func Terms(s string, stem func(string) string) []string {
	var out []string
	s = FoldQuotes(s) // as Words reads s, without its slice of every word
	eachToken(s, func(start, end int) {
		w := strings.ToLower(s[start:end])
		w = strings.TrimSuffix(w, "'s")
		w = strings.Trim(w, "'.,-")
		if len(w) < 2 || IsStop(w) {
			return
		}
		if stem != nil {
			w = stem(w)
		}
		out = append(out, w)
	})
	return out
}

// Interner shares one string per distinct term among many term lists. The
// terms Terms returns are slices of a lower-cased, quote-folded copy of
// their text: a long input's term lists, kept whole for its IDF, would
// keep such a copy of nearly every sentence; interned, they keep one short
// string per distinct term.
type Interner map[string]string

// Terms returns Terms(s, stem) with every term interned.
func (in Interner) Terms(s string, stem func(string) string) []string {
	ts := Terms(s, stem)
	for i, t := range ts {
		u, ok := in[t]
		if !ok {
			u = strings.Clone(t)
			in[u] = u
		}
		ts[i] = u
	}
	return ts
}

// IDF holds inverse document frequencies over a collection of texts (in a
// story: its sentences).
type IDF struct {
	df map[string]int
	n  int
}

// NewIDF counts document frequencies over docs, each a list of terms.
func NewIDF(docs [][]string) *IDF {
	idf := &IDF{df: map[string]int{}, n: len(docs)}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, t := range d {
			if !seen[t] {
				seen[t] = true
				idf.df[t]++
			}
		}
	}
	return idf
}

// Weight returns the smoothed idf of t: log(1 + N/df).
func (f *IDF) Weight(t string) float64 {
	df := f.df[t]
	if df == 0 {
		df = 1
	}
	return math.Log(1 + float64(f.n)/float64(df))
}

// MinShared is the fewest content terms two sentences must share for one
// to count as reporting the other's content (cosine alone overrates short
// sentences; see Shared).
const MinShared = 3

// Shared counts the terms v and u have in common. Cosine alone overrates
// short sentences: two six-word sentences sharing one rare word can score
// 0.4; callers that decide "same content" also demand a few shared terms.
func (v Vector) Shared(u Vector) int {
	if len(v.W) > len(u.W) {
		v, u = u, v
	}
	n := 0
	for k := range v.W {
		if _, ok := u.W[k]; ok {
			n++
		}
	}
	return n
}
