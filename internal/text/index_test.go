package text

import (
	"context"
	"fmt"
	"math"
	"testing"
)

// TestIndex: Scan visits exactly the sentences sharing a term, with the
// cosine Vector.Cos gives and the count Shared gives.
func TestIndex(t *testing.T) {
	sents := []string{
		"The council approved the budget for parks and libraries.",
		"Parks and libraries get more money under the budget.",
		"A storm closed schools in the northern valley.",
		"The northern valley storm left homes without power.",
		"Nothing in common here whatsoever.",
		"",
	}
	// Many sentences that share little, so that Scan also takes its
	// sorting path (few sentences reached).
	for i := range 40 {
		sents = append(sents, fmt.Sprintf("alpha%d beta%d gamma%d delta%d", i, i, i/2, i/3))
	}
	terms := make([][]string, len(sents))
	for i, s := range sents {
		terms[i] = Terms(s, nil)
	}
	x, vecs := index(t, terms)
	sc := x.Neighbors()
	for i := range vecs {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			got := map[int]bool{}
			last := -1
			sc.Each(i, func(j int, cos float64, shared int) {
				if j <= last || j == i {
					t.Errorf("Scan visited %d after %d (i=%d)", j, last, i)
				}
				last = j
				got[j] = true
				if want := vecs[i].Cos(vecs[j]); math.Abs(cos-want) > 1e-12 {
					t.Errorf("cos(%d,%d) = %v, want %v", i, j, cos, want)
				}
				if c, s := x.Cos(i, j); c != cos || s != shared {
					t.Errorf("Cos(%d,%d) = %v,%d; Scan gave %v,%d", i, j, c, s, cos, shared)
				}
				if want := vecs[i].Shared(vecs[j]); shared != want {
					t.Errorf("shared(%d,%d) = %d, want %d", i, j, shared, want)
				}
			})
			for j := range vecs {
				if j != i && vecs[i].Shared(vecs[j]) > 0 && !got[j] {
					t.Errorf("Scan(%d) missed %d", i, j)
				}
			}
		})
	}
}

// TestIndexCommon: a term used by more than MaxPostings sentences keeps
// no postings, yet Each still counts it, through the sentences' own
// terms, in the cosine and the shared count of neighbours reached by a
// rarer term; sentences sharing only the common term are not visited.
func TestIndexCommon(t *testing.T) {
	n := MaxPostings + 50
	terms := make([][]string, n)
	for i := range terms {
		terms[i] = []string{"harbour", fmt.Sprintf("pair%d", i/2), fmt.Sprintf("own%d", i)}
	}
	x, vecs := index(t, terms)
	sc := x.Neighbors()
	for _, i := range []int{0, 1, n / 2, n - 1} {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			var got []int
			sc.Each(i, func(j int, cos float64, shared int) {
				got = append(got, j)
				if want := vecs[i].Cos(vecs[j]); math.Abs(cos-want) > 1e-12 {
					t.Errorf("cos(%d,%d) = %v, want %v", i, j, cos, want)
				}
				if shared != 2 {
					t.Errorf("shared(%d,%d) = %d, want 2 (the pair's term and the common one)", i, j, shared)
				}
			})
			if want := i ^ 1; len(got) != 1 || got[0] != want {
				t.Errorf("Each(%d) visited %v, want only %d", i, got, want)
			}
		})
	}
}

// index indexes terms and returns, beside the index, each sentence's
// tf-idf Vector built the plain way, to check the index against.
func index(t *testing.T, terms [][]string) (*Index, []Vector) {
	t.Helper()
	idf := NewIDF(terms)
	vecs := make([]Vector, len(terms))
	for i := range terms {
		w := map[string]float64{}
		for _, t := range terms[i] {
			w[t] += idf.Weight(t)
		}
		vecs[i] = NewVector(w)
	}
	x, err := NewIndex(context.Background(), idf, terms)
	if err != nil {
		t.Fatal(err)
	}
	return x, vecs
}
