package server

import (
	"slices"
	"strings"
	"unicode"
)

// maxDiffCells bounds the word-diff table (words × words); longer quotes
// are shown without highlighting rather than costing quadratic time.
const maxDiffCells = 40000

// wordKey normalises a word for comparison: lower case, letters and digits
// only, so that curly and straight quotes or trailing commas do not count
// as differences ("“There" and "\"there" are the same word).
func wordKey(w string) string {
	var b strings.Builder
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// wordDiff compares a variant's wording with the reference word by word
// (longest common subsequence over normalised words) and returns the
// variant's text in runs: shared words, words only the variant has
// ("ins"), and reference words the variant lacks ("del"), in reading
// order. Words that normalise to nothing (a dash) count as shared.
func wordDiff(ref, variant string) []diffPart {
	a, b := strings.Fields(ref), strings.Fields(variant)
	if len(a)*len(b) > maxDiffCells || len(a) == 0 {
		return []diffPart{{Text: variant}}
	}
	ka, kb := make([]string, len(a)), make([]string, len(b))
	for i, w := range a {
		ka[i] = wordKey(w)
	}
	for i, w := range b {
		kb[i] = wordKey(w)
	}
	// lcs[i][j] is the LCS length of ka[i:] and kb[j:].
	n, m := len(a), len(b)
	lcs := make([]int, (n+1)*(m+1))
	at := func(i, j int) int { return lcs[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case ka[i] == kb[j]:
				lcs[i*(m+1)+j] = at(i+1, j+1) + 1
			default:
				lcs[i*(m+1)+j] = max(at(i+1, j), at(i, j+1))
			}
		}
	}
	var out []diffPart
	add := func(op, w string) {
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += " " + w
			return
		}
		out = append(out, diffPart{Text: w, Op: op})
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && ka[i] == kb[j]:
			add("", b[j])
			i, j = i+1, j+1
		case j < m && kb[j] == "":
			add("", b[j])
			j++
		case i < n && ka[i] == "":
			i++
		case i < n && (j == m || at(i+1, j) >= at(i, j+1)):
			add("del", a[i])
			i++
		default:
			add("ins", b[j])
			j++
		}
	}
	return out
}

// sameWords reports whether a and b have the same normalised words.
func sameWords(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	ka, kb := make([]string, 0, len(fa)), make([]string, 0, len(fb))
	for _, w := range fa {
		if k := wordKey(w); k != "" {
			ka = append(ka, k)
		}
	}
	for _, w := range fb {
		if k := wordKey(w); k != "" {
			kb = append(kb, k)
		}
	}
	return slices.Equal(ka, kb)
}
