package text

import (
	"slices"
	"strings"
	"testing"
)

func TestLCSLen(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       int
	}{
		{"empty", "", "a b", 0},
		{"same", "a b c", "a b c", 3},
		{"disjoint", "a b", "c d", 0},
		{"gapped", "the cat sat on the mat", "the cat lay on a mat", 4},
		{"crossed", "x y", "y x", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := strings.Fields(tc.a), strings.Fields(tc.b)
			if got := LCSLen(a, b); got != tc.want {
				t.Errorf("LCSLen = %d, want %d", got, tc.want)
			}
			if got := LCSLen(b, a); got != tc.want {
				t.Errorf("LCSLen reversed = %d, want %d", got, tc.want)
			}
			if got := len(LCS(a, b)); got != tc.want {
				t.Errorf("len(LCS) = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestLCS(t *testing.T) {
	// The first four are rouge-score's testLcsTable and testUnionLcs; the
	// last two pin its tie-break.
	tests := []struct {
		name string
		a, b []int32
		want []int
	}{
		{"partial", []int32{1, 2, 3, 4, 5}, []int32{2, 5, 3, 4}, []int{1, 2, 3}},
		{"none", []int32{1, 2, 3, 4, 5}, []int32{8, 9}, nil},
		{"prefix", []int32{1, 2, 3, 4, 5}, []int32{1, 2, 6, 7, 8}, []int{0, 1}},
		{"spread", []int32{1, 2, 3, 4, 5}, []int32{1, 3, 8, 9, 5}, []int{0, 2, 4}},
		{"crossed", []int32{1, 2}, []int32{2, 1}, []int{0}},
		{"repeated", []int32{7, 7}, []int32{7}, []int{1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := LCS(tc.a, tc.b); !slices.Equal(got, tc.want) {
				t.Errorf("LCS = %v, want %v", got, tc.want)
			}
		})
	}
}
