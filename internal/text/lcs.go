package text

// LCSLen returns the length of a longest common subsequence of a and b, in
// O(len(b)) memory. ROUGE-L scores and the quote comparisons' wording
// overlap are both built on it.
func LCSLen[T comparable](a, b []T) int {
	prev := make([]int32, len(b)+1)
	cur := make([]int32, len(b)+1)
	for i := 1; i <= len(a); i++ {
		ai := a[i-1]
		for j := 1; j <= len(b); j++ {
			if ai == b[j-1] {
				cur[j] = prev[j-1] + 1
			} else {
				cur[j] = max(prev[j], cur[j-1])
			}
		}
		prev, cur = cur, prev
	}
	return int(prev[len(b)])
}

// LCS returns the indices into a, in increasing order, of one longest
// common subsequence of a and b. Of several, it picks the one rouge-score's
// lcs_ind reads back from its table (ROUGE-Lsum depends on the choice):
// walking back from the ends, equal last elements are taken; otherwise b's
// last is dropped when that leaves a strictly longer subsequence than
// dropping a's, and a's is dropped when not. It costs len(a)·len(b) cells.
func LCS[T comparable](a, b []T) []int {
	rows, cols := len(a), len(b)
	w := cols + 1
	t := make([]int32, (rows+1)*w)
	for i := 1; i <= rows; i++ {
		for j := 1; j <= cols; j++ {
			if a[i-1] == b[j-1] {
				t[i*w+j] = t[(i-1)*w+j-1] + 1
			} else {
				t[i*w+j] = max(t[(i-1)*w+j], t[i*w+j-1])
			}
		}
	}
	var out []int
	i, j := rows, cols
	for i > 0 && j > 0 {
		switch {
		case a[i-1] == b[j-1]:
			out = append(out, i-1)
			i--
			j--
		case t[i*w+j-1] > t[(i-1)*w+j]:
			j--
		default:
			i--
		}
	}
	for x, y := 0, len(out)-1; x < y; x, y = x+1, y-1 {
		out[x], out[y] = out[y], out[x]
	}
	return out
}
