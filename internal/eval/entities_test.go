package eval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/testutil"
)

func TestReadEntityJudged(t *testing.T) {
	tests := []struct {
		name, data string
		wantErr    bool
		want       int
	}{
		{"comments and a line", "# c\nbasil\tev1\tAnna Berg\tPERSON\tright\n", false, 1},
		{"bad verdict", "basil\tev1\tAnna Berg\tPERSON\tmaybe\n", true, 0},
		{"too few fields", "basil ev1 Anna PERSON right\n", true, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "j.tsv")
			if err := os.WriteFile(p, []byte(tc.data), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := readEntityJudged(p)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error %v", err, tc.wantErr)
			}
			if len(got) != tc.want {
				t.Errorf("%d judgements, want %d", len(got), tc.want)
			}
		})
	}
	if _, err := readEntityJudged(""); err != nil {
		t.Errorf("embedded judgements: %v", err)
	}
}

// TestEntitiesJudged runs the entities eval on the shared dev data: every
// listed person and organisation of the sample must carry a judgement
// (a change to the lists is judged before it lands).
func TestEntitiesJudged(t *testing.T) {
	if _, ok := testutil.Shared("gold/discrepancies-dev.json"); !ok {
		t.Skip("../shared is not here: no entity judgements to check")
	}
	if testing.Short() {
		t.Skip("briefs 40 stories")
	}
	r, err := RunEntities(context.Background(), EntitiesOptions{Data: testutil.SharedDir()})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range r.Metrics {
		if strings.HasSuffix(m.Key, "_unjudged") && m.Value > 0 {
			t.Errorf("%s = %v: judge the new rows (crosscheck eval entities --data ../shared)", m.Key, m.Value)
		}
	}
	for _, row := range r.Rows {
		if row[len(row)-1] == "unjudged" {
			t.Logf("unjudged: %s", strings.Join(row, " "))
		}
	}
}

// TestEntityStoriesSplits holds the sample's layout: how many stories of
// each set go to each split, none twice.
func TestEntityStoriesSplits(t *testing.T) {
	if _, ok := testutil.Shared("gold/discrepancies-dev.json"); !ok {
		t.Skip("../shared is not here: no stories to split")
	}
	stories, err := EntityStories(testutil.SharedDir(), 10)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	seen := map[string]bool{}
	for _, hs := range stories {
		got[hs.Set+" "+hs.Split]++
		k := hs.Set + " " + hs.ID
		if seen[k] {
			t.Errorf("%s listed twice", k)
		}
		seen[k] = true
	}
	want := map[string]int{
		"basil tune": 10, "basil check": 10, "basil fresh": 10,
		"basil fresh2":   10,
		"multinews tune": 10, "multinews check": 10, "multinews fresh": 20, "multinews fresh2": 40,
		"polnear tune": 42, "polnear check": 42,
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s: %d stories, want %d", k, got[k], n)
		}
	}
}
