// Package syndicate finds syndicated and near-duplicate copies among the
// articles of a story, so that one wire story printed by ten papers counts as
// one independent source.
//
// Two articles are copies when the shorter one's word 5-shingles are mostly
// (Options.Containment, default 0.5) contained in the longer one's. Containment
// rather than Jaccard because papers trim wire copy: a 400-word cut of an
// 800-word AP story is still the AP story. Shingles are hashed to 64 bits and
// compared as sets; for the handful of articles of one story an exact set
// comparison is cheaper than MinHash sketches and has no sampling error.
package syndicate

import (
	"context"
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/crosscheck/crosscheck/internal/text"
)

// Options tunes the detector. The zero value means the defaults.
type Options struct {
	// Shingle is the number of words per shingle (default 5).
	Shingle int
	// Containment is the share of the smaller article's shingles that must
	// occur in the other for the two to be copies (default 0.5).
	Containment float64
	// MinShingles is the fewest shingles an article needs to be compared
	// at all (default 20): very short texts match by accident.
	MinShingles int
}

func (o Options) withDefaults() Options {
	if o.Shingle <= 0 {
		o.Shingle = 5
	}
	if o.Containment <= 0 {
		o.Containment = 0.5
	}
	if o.MinShingles <= 0 {
		o.MinShingles = 20
	}
	return o
}

// Shingles returns the set of hashed word n-grams of s. It reads s in
// chunks of about shingleChunk bytes cut at white space (a word never
// spans white space, so the words are those of the whole) and stops with
// ctx's error once ctx is cancelled: a long text takes seconds.
func Shingles(ctx context.Context, s string, n int) (map[uint64]struct{}, error) {
	set := map[uint64]struct{}{}
	h := fnv.New64a()
	var w []string // the last n-1 words of the previous chunk, then this one's
	for len(s) > 0 {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("syndicate: %w", err)
		}
		cut := len(s)
		if cut > shingleChunk {
			if k := strings.IndexAny(s[shingleChunk:], " \n\t"); k >= 0 {
				cut = shingleChunk + k
			}
		}
		w = append(w, text.Words(s[:cut])...)
		s = s[cut:]
		i := 0
		for ; i+n <= len(w); i++ {
			h.Reset()
			for _, x := range w[i : i+n] {
				h.Write([]byte(x))
				h.Write([]byte{0})
			}
			set[h.Sum64()] = struct{}{}
		}
		w = append(w[:0], w[i:]...)
	}
	return set, nil
}

// shingleChunk is the size of the pieces Shingles reads a text in.
const shingleChunk = 1 << 16

// Containment returns |a∩b| / min(|a|,|b|), 0 when either is empty. It
// stops with ctx's error once ctx is cancelled.
func Containment(ctx context.Context, a, b map[uint64]struct{}) (float64, error) {
	if len(a) == 0 || len(b) == 0 {
		return 0, nil
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	n, seen := 0, 0
	for k := range a {
		if seen++; seen%4096 == 0 && ctx.Err() != nil {
			return 0, fmt.Errorf("syndicate: %w", ctx.Err())
		}
		if _, ok := b[k]; ok {
			n++
		}
	}
	return float64(n) / float64(len(a)), nil
}

// Groups assigns each text a group number: texts in the same group are
// copies of one another (transitively). Group numbers are the index of the
// group's first member, so a text that copies nothing has its own index.
// It returns ctx.Err() (wrapped) when ctx is cancelled, checked per text.
func Groups(ctx context.Context, texts []string, o Options) ([]int, error) {
	o = o.withDefaults()
	sets := make([]map[uint64]struct{}, len(texts))
	for i, t := range texts {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("syndicate: %w", err)
		}
		set, err := Shingles(ctx, t, o.Shingle)
		if err != nil {
			return nil, err
		}
		sets[i] = set
	}
	parent := make([]int, len(texts))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range texts {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("syndicate: %w", err)
		}
		if len(sets[i]) < o.MinShingles {
			continue
		}
		for j := i + 1; j < len(texts); j++ {
			if len(sets[j]) < o.MinShingles || find(i) == find(j) {
				continue
			}
			c, err := Containment(ctx, sets[i], sets[j])
			if err != nil {
				return nil, err
			}
			if c >= o.Containment {
				ri, rj := find(i), find(j)
				if rj < ri {
					ri, rj = rj, ri
				}
				parent[rj] = ri
			}
		}
	}
	out := make([]int, len(texts))
	for i := range out {
		out[i] = find(i)
	}
	return out, nil
}
