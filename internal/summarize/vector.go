package summarize

import (
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// index indexes the candidates' tf-idf vectors, with idf over the story's
// candidate sentences (text.NewIndex, which builds no map per candidate).
// It stops with ctx's error once ctx is cancelled.
func (z *Summarizer) index(ctx context.Context, cands []cand) (*text.Index, error) {
	terms, in := make([][]string, len(cands)), text.Interner{}
	stem := text.MemoStem(z.stem) // the candidates share most of their words
	for i, c := range cands {
		if i%1024 == 1023 && ctx.Err() != nil {
			return nil, fmt.Errorf("summarize: %w", ctx.Err())
		}
		terms[i] = in.Terms(c.text, stem)
	}
	idx, err := text.NewIndex(ctx, text.NewIDF(terms), terms)
	if err != nil {
		return nil, fmt.Errorf("summarize: %w", err)
	}
	return idx, nil
}

// centroid is the story's term vector: each term's weight grows with the
// number of independent sources using it, so syndicated copies do not
// inflate a word. groups lists the story's independent groups in a fixed
// order, so that the sums do not depend on map iteration.
func (z *Summarizer) centroid(ctx context.Context, docs []news.Member, cands []cand, idx *text.Index, groups []int) (map[string]float64, float64, error) {
	bySrc := map[int]map[string]float64{}
	for i, c := range cands {
		if i%1024 == 1023 && ctx.Err() != nil {
			return nil, 0, fmt.Errorf("summarize: %w", ctx.Err())
		}
		g := docs[c.doc].Group
		if bySrc[g] == nil {
			bySrc[g] = map[string]float64{}
		}
		idx.Weights(i, func(t string, x float64) { bySrc[g][t] += x })
	}
	w := map[string]float64{}
	cnt := map[string]int{}
	for _, g := range groups {
		for t, x := range bySrc[g] {
			w[t] += math.Log1p(x)
			cnt[t]++
		}
	}
	keys := make([]string, 0, len(w))
	for t := range w {
		w[t] *= float64(cnt[t])
		keys = append(keys, t)
	}
	slices.Sort(keys)
	norm := 0.0
	for _, t := range keys {
		norm += w[t] * w[t]
	}
	return w, math.Sqrt(norm), nil
}
