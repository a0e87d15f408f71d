package text

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestStemNLTK compares Stem with NLTK 3.8's PorterStemmer (default mode) on
// testdata/stems.tsv ("word<TAB>stem"), built from every 16th lower-case word
// of Debian's wamerican list plus testdata/extra_words.txt (cases that
// exercise each NLTK rule) with:
//
//	( grep -E '^[a-z]+$' /usr/share/dict/words | awk 'NR%16==1'; cat testdata/extra_words.txt ) |
//	  sort -u | /usr/bin/python3 -c 'import sys; from nltk.stem.porter import PorterStemmer as P; p=P(); [print(w+"\t"+p.stem(w)) for w in sys.stdin.read().split()]' > testdata/stems.tsv
//
// (apt-get install python3-nltk wamerican). Set ROUGE_STEMS to the path of a
// larger file of the same form to check more words.
func TestStemNLTK(t *testing.T) {
	files := []string{"testdata/stems.tsv"}
	if p := os.Getenv("ROUGE_STEMS"); p != "" {
		files = append(files, p)
	}
	for _, file := range files {
		t.Run(file, func(t *testing.T) {
			f, err := os.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			n, bad := 0, 0
			for sc.Scan() {
				word, want, ok := strings.Cut(sc.Text(), "\t")
				if !ok {
					t.Fatalf("malformed line %q", sc.Text())
				}
				n++
				if got := Stem(word); got != want {
					bad++
					if bad <= 20 {
						t.Errorf("Stem(%q) = %q, want %q", word, got, want)
					}
				}
			}
			if err := sc.Err(); err != nil {
				t.Fatal(err)
			}
			if n < 1000 {
				t.Fatalf("only %d reference stems", n)
			}
			if bad > 0 {
				t.Errorf("%d of %d stems differ from NLTK", bad, n)
			}
		})
	}
}

func BenchmarkStem(b *testing.B) {
	words := []string{"generalizations", "running", "happily", "conditional", "officials", "questioned"}
	for b.Loop() {
		for _, w := range words {
			Stem(w)
		}
	}
}
