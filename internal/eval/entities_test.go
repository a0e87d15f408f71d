package eval

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/entity"
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

// TestRunEntitiesSet holds the set filter: an unknown set is refused
// before any story is read, and a known one scores only its own stories.
func TestRunEntitiesSet(t *testing.T) {
	if _, err := RunEntities(context.Background(), EntitiesOptions{Set: "nosuchset"}); !errors.Is(err, ErrEntitySet) {
		t.Errorf("unknown set: err = %v, want ErrEntitySet", err)
	}
	if _, ok := testutil.Shared("data/quotes/polnear-dev.jsonl"); !ok {
		t.Skip("../shared is not here: no PolNeAR stories to score")
	}
	r, err := RunEntities(context.Background(), EntitiesOptions{Data: testutil.SharedDir(), Set: setPolNeAR, Split: "check"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Rows) == 0 {
		t.Fatal("no rows for polnear check")
	}
	for _, row := range r.Rows {
		if row[0] != setPolNeAR || row[1] != "check" {
			t.Fatalf("row %v is not polnear check", row)
		}
	}
}

// FuzzParseEntityJudged: any input parses or fails with an error, and
// every judgement kept is a right or wrong verdict on a four-field key.
func FuzzParseEntityJudged(f *testing.F) {
	f.Add([]byte("# c\nbasil\tev1\tAnna Berg\tPERSON\tright\n"))
	f.Add([]byte("polnear\tdoc\tX\tORG\twrong\n\n"))
	f.Add([]byte("basil ev1 Anna PERSON right\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		out := map[string]string{}
		if err := parseEntityJudged(out, "fuzz", data); err != nil {
			return
		}
		for k, v := range out {
			if v != verdictRight && v != verdictWrong {
				t.Errorf("%q: verdict %q", k, v)
			}
			if n := strings.Count(k, "\t"); n != 3 {
				t.Errorf("%q: %d tabs in the key, want 3", k, n)
			}
		}
	})
}

// TestEntitiesUnevidenced counts what the listing gate's precision costs:
// the judged people and organisations (judged on earlier builds) that the
// gate leaves out for want of evidence (entity.Group.Unevidenced), right
// and wrong, per set, over every split. The counts are logged (go test
// ./internal/eval -run Unevidenced -v); the test fails if none is found,
// which would mean the count no longer meets the judged rows.
func TestEntitiesUnevidenced(t *testing.T) {
	if _, ok := testutil.Shared("gold/discrepancies-dev.json"); !ok {
		t.Skip("../shared is not here: no judged rows to count")
	}
	if testing.Short() {
		t.Skip("briefs every story of the sample")
	}
	stories, err := EntityStories(testutil.SharedDir(), 0)
	if err != nil {
		t.Fatal(err)
	}
	judged, err := readEntityJudged("")
	if err != nil {
		t.Fatal(err)
	}
	p, b, _, err := storyPath("entities", nil, len(stories))
	if err != nil {
		t.Fatal(err)
	}
	right, wrong := map[string]int{}, map[string]int{}
	for _, hs := range stories {
		_, arts, err := BriefStory(context.Background(), p, b, hs.Raws)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range entity.Resolve(arts) {
			if !g.Unevidenced() {
				continue
			}
			switch judged[strings.Join([]string{hs.Set, hs.ID, g.Name, g.Type}, "\t")] {
			case verdictRight:
				right[hs.Set]++
			case "":
			default:
				wrong[hs.Set]++
			}
		}
	}
	total := 0
	for _, s := range EntitySets {
		t.Logf("%s: %d right and %d wrong judged rows left out for want of evidence", s, right[s], wrong[s])
		total += right[s] + wrong[s]
	}
	if total == 0 {
		t.Error("no judged row is left out for want of evidence: the count misses the judged rows")
	}
}
