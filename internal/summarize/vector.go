package summarize

import (
	"math"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// vectorize fills each candidate's tf-idf vector, with idf over the story's
// candidate sentences.
func (z *Summarizer) vectorize(cands []cand) {
	terms := make([][]string, len(cands))
	for i, c := range cands {
		terms[i] = text.Terms(c.text, z.stem)
	}
	idf := text.NewIDF(terms)
	for i := range cands {
		cands[i].vec = idf.Vector(terms[i])
	}
}

// centroid is the story's term vector: each term's weight grows with the
// number of independent sources using it, so syndicated copies do not
// inflate a word.
func (z *Summarizer) centroid(docs []news.Member, cands []cand) text.Vector {
	bySrc := map[int]map[string]float64{}
	for _, c := range cands {
		g := docs[c.doc].Group
		if bySrc[g] == nil {
			bySrc[g] = map[string]float64{}
		}
		for t, x := range c.vec.W {
			bySrc[g][t] += x
		}
	}
	w := map[string]float64{}
	cnt := map[string]int{}
	for _, m := range bySrc {
		for t, x := range m {
			w[t] += math.Log1p(x)
			cnt[t]++
		}
	}
	for t := range w {
		w[t] *= float64(cnt[t])
	}
	return text.NewVector(w)
}
