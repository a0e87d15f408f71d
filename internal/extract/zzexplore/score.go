package zzexplore

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
)

func F1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

type extractTruth struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

// extractReadTruth reads ground-truth.json; an empty file is an error.
func extractReadTruth(path string) (map[string]extractTruth, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: extract: %w", err)
	}
	var truth map[string]extractTruth
	if err := json.Unmarshal(b, &truth); err != nil {
		return nil, fmt.Errorf("eval: extract: %s: %w", path, err)
	}
	if len(truth) == 0 {
		return nil, fmt.Errorf("eval: extract: %s: no pages", path)
	}
	return truth, nil
}

// extractReadGzip reads a gzip-compressed page.
func extractReadGzip(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("eval: extract: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return "", fmt.Errorf("eval: extract: %s: %w", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return "", fmt.Errorf("eval: extract: %s: %w", path, err)
	}
	return string(b), nil
}

// extractShortID shortens a benchmark page id (a 64-digit hash) for tables.
func extractShortID(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

// ShingleScore is the benchmark's per-page result, normalised so that
// TP+FP+FN = 1 (all three 0 when neither text has a token).
type ShingleScore struct {
	TP, FP, FN float64
}

// Precision is TP/(TP+FP), 0 when undefined.
func (s ShingleScore) Precision() float64 {
	if s.TP+s.FP == 0 {
		return 0
	}
	return s.TP / (s.TP + s.FP)
}

// Recall is TP/(TP+FN), 0 when undefined.
func (s ShingleScore) Recall() float64 {
	if s.TP+s.FN == 0 {
		return 0
	}
	return s.TP / (s.TP + s.FN)
}

// F1 is the page's own F1.
func (s ShingleScore) F1() float64 { return F1(s.Precision(), s.Recall()) }

// shingleN is the shingle length of the benchmark.
const shingleN = 4

// ShingleMatch scores a predicted article body against the gold one as the
// Scrapinghub article-extraction benchmark does: both texts become multisets
// of 4-token shingles (tokens are `\w+` runs, case-sensitive; a text with
// fewer than 4 tokens gives one shorter shingle, an empty one none); tp is
// the sum over shingles of the smaller count, fp and fn the excesses of the
// prediction and of the gold; the three are divided by their sum. Soft
// hyphens (U+00AD) are removed from the prediction first.
func ShingleMatch(gold, pred string) ShingleScore {
	pred = strings.ReplaceAll(pred, "\u00ad", "")
	g := shingleCounts(gold)
	p := shingleCounts(pred)
	var tp, fp, fn int
	for k, gc := range g {
		pc := p[k]
		tp += min(gc, pc)
		fn += max(0, gc-pc)
	}
	for k, pc := range p {
		fp += max(0, pc-g[k])
	}
	sum := tp + fp + fn
	if sum == 0 {
		return ShingleScore{}
	}
	f := float64(sum)
	return ShingleScore{TP: float64(tp) / f, FP: float64(fp) / f, FN: float64(fn) / f}
}

// ShingleMeans returns the benchmark's mean precision, over pages with
// TP+FP > 0, and mean recall, over pages with TP+FN > 0.
func ShingleMeans(scores []ShingleScore) (precision, recall float64) {
	var np, nr int
	for _, s := range scores {
		if s.TP+s.FP > 0 {
			precision += s.Precision()
			np++
		}
		if s.TP+s.FN > 0 {
			recall += s.Recall()
			nr++
		}
	}
	if np > 0 {
		precision /= float64(np)
	}
	if nr > 0 {
		recall /= float64(nr)
	}
	return precision, recall
}

// shingleTokens splits s into the benchmark's tokens: maximal runs of word
// characters (see shingleIsWord).
func shingleTokens(s string) []string {
	var toks []string
	start := -1
	for i, r := range s {
		if shingleIsWord(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			toks = append(toks, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	return toks
}

// shingleIsWord reports whether r is matched by Python's Unicode `\w`, which
// the benchmark's scorer (evaluate.py, `re.compile(r'\w+')`) uses: letters
// and numbers of every script (str.isalnum: categories L, Nd, Nl, No) and the
// underscore. Unlike Unicode's UTS #18 definition it excludes combining
// marks, so "नमस्ते" is split at its vowel signs, as in the benchmark.
func shingleIsWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// shingleCounts returns the multiset of n-token shingles of s, each shingle
// its tokens joined by a space.
func shingleCounts(s string) map[string]int {
	toks := shingleTokens(s)
	m := make(map[string]int, len(toks))
	if len(toks) == 0 {
		return m
	}
	if len(toks) < shingleN {
		m[strings.Join(toks, " ")]++
		return m
	}
	for i := 0; i+shingleN <= len(toks); i++ {
		m[strings.Join(toks[i:i+shingleN], " ")]++
	}
	return m
}
