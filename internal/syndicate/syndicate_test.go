package syndicate

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/text"
)

const wire = `The city council voted on Tuesday to approve a new budget that raises spending on parks and libraries by eight percent, after a debate that lasted late into the night. Supporters said the plan would repair aging playgrounds across the east side, while opponents warned that property taxes would have to rise within two years to pay for it. The mayor is expected to sign the measure before the end of the month, officials said.`

const other = `A storm dropped more than a foot of snow across the northern valleys overnight, closing schools and leaving thousands of homes without power. Road crews worked through the morning to clear the main highways, and the state police urged drivers to stay home unless their trip was essential. Forecasters expect a second, weaker system to arrive on Friday.`

func TestGroups(t *testing.T) {
	trimmed := wire[:strings.Index(wire, " The mayor")]
	retitled := "By Staff Writer\n\n" + wire + "\n\nCopyright the Daily Example."
	tests := []struct {
		name  string
		texts []string
		want  []int
	}{
		{"same article twice", []string{wire, wire}, []int{0, 0}},
		{"trimmed wire copy", []string{other, wire, trimmed}, []int{0, 1, 1}},
		{"copy with chrome", []string{retitled, other, wire}, []int{0, 1, 0}},
		{"different stories", []string{wire, other}, []int{0, 1}},
		{"too short to judge", []string{"Short text here.", "Short text here."}, []int{0, 1}},
		{"empty", nil, []int{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Groups(context.Background(), tc.texts, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("Groups = %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("Groups = %v, want %v", got, tc.want)
				}
			}
		})
	}
}

func BenchmarkGroups(b *testing.B) {
	texts := []string{wire, other, wire, other + wire, strings.Repeat(other, 3)}
	for b.Loop() {
		if _, err := Groups(context.Background(), texts, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestGroupsCancelled: a cancelled context ends the search with its error.
func TestGroupsCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Groups(ctx, []string{wire, other}, Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("Groups after cancel: err = %v, want context.Canceled", err)
	}
}

// TestShinglesChunked: a text longer than one chunk has the shingles of its
// words read whole, including those that straddle a chunk boundary.
func TestShinglesChunked(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 3*shingleChunk; i++ {
		fmt.Fprintf(&b, "%s %d %s\n\n", wire, i, other)
	}
	long := b.String()
	got, err := Shingles(context.Background(), long, 5)
	if err != nil {
		t.Fatal(err)
	}
	want := map[uint64]struct{}{}
	w := text.Words(long)
	for i := 0; i+5 <= len(w); i++ {
		h := fnv.New64a()
		for _, x := range w[i : i+5] {
			h.Write([]byte(x))
			h.Write([]byte{0})
		}
		want[h.Sum64()] = struct{}{}
	}
	if len(got) != len(want) {
		t.Fatalf("%d shingles, want %d", len(got), len(want))
	}
	for k := range want {
		if _, ok := got[k]; !ok {
			t.Fatalf("shingle %x missing", k)
		}
	}
}
