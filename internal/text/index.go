package text

import (
	"context"
	"fmt"
	"math"
	"slices"
)

// MaxPostings is the most sentences a term may be used by and still lead a
// lookup to neighbours. A term in more sentences than this is as common in
// the story as a function word (its idf is near the floor) and sharing it
// alone says nothing about shared content; following it would make every
// lookup visit a fixed share of all sentences, and looking up all of them
// quadratic. On the Multi-News development stories no term is used by more
// than 80 sentences of a story, so the bound leaves their results as they
// were; it binds only on inputs far larger than a news story.
const MaxPostings = 256

// Index finds, for one sentence of a story, every other sentence sharing
// content with it, without comparing all pairs: postings lead from each
// term to the sentences using it. Comparing every candidate with every
// other is quadratic in the story's sentences (a 200-article story has
// 20,000 of them); the postings visit only the pairs that share a term.
//
// Similarities are summed in a fixed term order, so they are the same on
// every run (Vector.Cos sums in map order, which can move the last
// bit and flip a tie).
//
// A lookup follows only the postings of terms used by at most
// MaxPostings sentences, so one lookup costs at most MaxPostings times the
// sentence's terms and looking up every sentence is linear in the index's
// size, however large the input.
type Index struct {
	sents [][]posting // by sentence: its terms (id, weight), id ascending
	// post holds, by term id, the term's sentences (id, weight), id
	// ascending; nil for a common term (see common).
	post [][]posting
	// common marks, by term id, the terms used by more than MaxPostings
	// sentences. No lookup follows their postings, so NewIndex drops
	// them as soon as a term turns common: on a long input they are most
	// of the postings (every sentence has a few such words), and keeping
	// them held as much memory as all the sentences' own terms.
	common []bool
	norm   []float64
	terms  []string // by term id
}

// posting is a term or sentence id with its weight.
type posting struct {
	id int32
	w  float64
}

// NewIndex indexes sentences given as their term lists (sentence i is
// terms[i]), each weighed by tf-idf (each use of a term adds its
// idf.Weight), without a Vector (a map) per sentence: on a long input
// those maps held more memory than the index itself. It sets each terms[i] to nil once
// indexed, so that the lists are freed as the index grows. It stops with
// ctx's error once ctx is cancelled: a long input has hundreds of
// thousands of sentences.
func NewIndex(ctx context.Context, idf *IDF, terms [][]string) (*Index, error) {
	ids := map[string]int32{}
	x := &Index{sents: make([][]posting, len(terms)), norm: make([]float64, len(terms))}
	w := map[string]float64{} // the sentence's weights
	var keys []string
	for i, ts := range terms {
		if i%1024 == 1023 && ctx.Err() != nil {
			return nil, fmt.Errorf("text: index: %w", ctx.Err())
		}
		clear(w)
		for _, t := range ts {
			w[t] += idf.Weight(t)
		}
		terms[i] = nil
		keys = keys[:0]
		for t := range w {
			keys = append(keys, t)
		}
		slices.Sort(keys)
		ps := make([]posting, 0, len(keys))
		for _, t := range keys {
			id, ok := ids[t]
			if !ok {
				id = int32(len(x.post))
				ids[t] = id
				x.post = append(x.post, nil)
				x.common = append(x.common, false)
				x.terms = append(x.terms, t)
			}
			ps = append(ps, posting{id, w[t]})
		}
		slices.SortFunc(ps, func(a, b posting) int { return int(a.id - b.id) })
		n := 0.0
		for _, p := range ps {
			n += p.w * p.w
			if x.common[p.id] {
				continue
			}
			if len(x.post[p.id]) == MaxPostings {
				x.post[p.id], x.common[p.id] = nil, true
				continue
			}
			x.post[p.id] = append(x.post[p.id], posting{int32(i), p.w})
		}
		x.sents[i], x.norm[i] = ps, math.Sqrt(n)
	}
	return x, nil
}

// Weights calls fn with each term of sentence i and its weight, in term
// order.
func (x *Index) Weights(i int, fn func(term string, w float64)) {
	for _, p := range x.sents[i] {
		fn(x.terms[p.id], p.w)
	}
}

// Cos returns the cosine similarity of sentences i and j, and how many
// terms they share.
func (x *Index) Cos(i, j int) (float64, int) {
	a, b := x.sents[i], x.sents[j]
	dot, shared := 0.0, 0
	for p, q := 0, 0; p < len(a) && q < len(b); {
		switch {
		case a[p].id < b[q].id:
			p++
		case a[p].id > b[q].id:
			q++
		default:
			dot += a[p].w * b[q].w
			shared++
			p++
			q++
		}
	}
	if dot == 0 {
		return 0, shared
	}
	return dot / (x.norm[i] * x.norm[j]), shared
}

// CosWith returns the cosine similarity of sentence i and the vector w of
// norm wnorm (which the caller computes in a fixed order).
func (x *Index) CosWith(i int, w map[string]float64, wnorm float64) float64 {
	dot := 0.0
	for _, p := range x.sents[i] {
		dot += p.w * w[x.terms[p.id]]
	}
	if dot == 0 {
		return 0
	}
	return dot / (x.norm[i] * wnorm)
}

// Neighbors holds the scratch space of Index lookups; one per goroutine.
type Neighbors struct {
	x       *Index
	dot     []float64
	shared  []int32
	touched []int32
	common  []posting
}

// Neighbors returns a Neighbors over x.
func (x *Index) Neighbors() *Neighbors {
	return &Neighbors{x: x, dot: make([]float64, len(x.sents)), shared: make([]int32, len(x.sents))}
}

// Each calls fn for every sentence j other than i that shares at least one
// term used by no more than MaxPostings sentences with i, in ascending j,
// with their cosine similarity and the number of terms they share (both
// over all terms, as Cos gives them). Sentences sharing no term have
// similarity 0; sentences sharing only terms more common than MaxPostings
// are not visited. The work is at most MaxPostings postings per term of i.
func (s *Neighbors) Each(i int, fn func(j int, cos float64, shared int)) {
	x := s.x
	s.common = s.common[:0] // terms of i not followed: added per neighbour
	for _, t := range x.sents[i] {
		if x.common[t.id] {
			s.common = append(s.common, t)
			continue
		}
		for _, p := range x.post[t.id] {
			if s.shared[p.id] == 0 {
				s.touched = append(s.touched, p.id)
			}
			s.dot[p.id] += t.w * p.w
			s.shared[p.id]++
		}
	}
	visit := func(j int32) {
		dot, shared := s.dot[j], int(s.shared[j])
		s.dot[j], s.shared[j] = 0, 0
		if int(j) == i {
			return
		}
		for _, t := range s.common {
			ps := x.sents[j]
			if k, ok := slices.BinarySearchFunc(ps, t.id, func(p posting, id int32) int { return int(p.id - id) }); ok {
				dot += t.w * ps[k].w
				shared++
			}
		}
		if dot > 0 {
			fn(int(j), dot/(x.norm[i]*x.norm[j]), shared)
		}
	}
	if len(s.touched) > len(s.dot)/8 {
		// Most sentences were reached: walking them all beats sorting.
		for j := range s.dot {
			if s.shared[j] > 0 {
				visit(int32(j))
			}
		}
	} else {
		slices.Sort(s.touched)
		for _, j := range s.touched {
			visit(j)
		}
	}
	s.touched = s.touched[:0]
}
