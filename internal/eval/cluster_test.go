package eval

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/testutil"
)

func TestBCubedPairwise(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []string
		b3         [3]float64
		pair       [3]float64
	}{
		{
			// cells (a,x)=2 (a,y)=1 (b,y)=2: B3 P = (2*2/2 + 1/3 + 2*2/3)/5,
			// R = (2*2/3 + 1/3 + 2*2/2)/5; pairs: tp 2 of 4 predicted, 4 gold.
			name: "mixed", gold: []string{"a", "a", "a", "b", "b"}, pred: []string{"x", "x", "y", "y", "y"},
			b3: [3]float64{11.0 / 15, 11.0 / 15, 11.0 / 15}, pair: [3]float64{0.5, 0.5, 0.5},
		},
		{
			// R = (1/2 + 1/2 + 1)/3; no predicted pair: pairwise P 1, R 0.
			name: "singletons", gold: []string{"a", "a", "b"}, pred: []string{"1", "2", "3"},
			b3: [3]float64{1, 2.0 / 3, 0.8}, pair: [3]float64{1, 0, 0},
		},
		{
			// P = (2*2/3 + 1/3)/3 = 5/9; pairs: 1 of 3 predicted is right.
			name: "one cluster", gold: []string{"a", "a", "b"}, pred: []string{"z", "z", "z"},
			b3: [3]float64{5.0 / 9, 1, 5.0 / 7}, pair: [3]float64{1.0 / 3, 1, 0.5},
		},
		{
			name: "perfect renamed", gold: []string{"a", "a", "b", "c"}, pred: []string{"2", "2", "1", "0"},
			b3: [3]float64{1, 1, 1}, pair: [3]float64{1, 1, 1},
		},
		{
			name: "empty", gold: nil, pred: nil,
			b3: [3]float64{0, 0, 0}, pair: [3]float64{0, 0, 0},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, r, f := BCubed(tc.gold, tc.pred)
			if !cluClose([3]float64{p, r, f}, tc.b3) {
				t.Errorf("BCubed = %.4f %.4f %.4f, want %.4f %.4f %.4f", p, r, f, tc.b3[0], tc.b3[1], tc.b3[2])
			}
			p, r, f = Pairwise(tc.gold, tc.pred)
			if !cluClose([3]float64{p, r, f}, tc.pair) {
				t.Errorf("Pairwise = %.4f %.4f %.4f, want %.4f %.4f %.4f", p, r, f, tc.pair[0], tc.pair[1], tc.pair[2])
			}
		})
	}
}

func cluClose(a, b [3]float64) bool {
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-9 {
			return false
		}
	}
	return true
}

// cluFixtureBASIL writes invented BASIL-shaped articles: two events, three
// outlets each, out of date order.
func cluFixtureBASIL(t *testing.T) string {
	t.Helper()
	type art struct {
		ArticleID  string     `json:"article_id"`
		GoldEvent  string     `json:"gold_event"`
		Source     string     `json:"source"`
		Date       string     `json:"date"`
		Title      string     `json:"title"`
		Paragraphs [][]string `json:"paragraphs"`
	}
	arts := []art{
		{"b1", "bridge", "nyt", "2011-03-02", "Harbor bridge closes for repairs", [][]string{{"Harbor bridge closes for repairs"}, {"The harbor bridge closed on Tuesday.", "Repairs will last a month."}}},
		{"f1", "flood", "fox", "2011-01-10", "Valley flood forces evacuations", [][]string{{"Rain swelled the valley river.", "Hundreds left their homes."}}},
		{"b2", "bridge", "fox", "2011-03-02", "Bridge shut as cracks found", [][]string{{"Engineers found cracks in the harbor bridge."}}},
		{"f2", "flood", "hpo", "2011-01-11", "Flood waters recede in valley", [][]string{{"The valley river fell overnight."}}},
		{"b3", "bridge", "hpo", "2011-03-03", "Commuters detour around closed bridge", [][]string{{"Traffic backed up near the harbor."}}},
		{"f3", "flood", "nyt", "2011-01-10", "River floods valley towns", [][]string{{"Towns in the valley flooded."}}},
	}
	return cluWriteJSONL(t, "basil.jsonl", arts)
}

func cluWriteJSONL[T any](t *testing.T, name string, rows []T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	var b strings.Builder
	for _, r := range rows {
		j, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(j)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// cluByWord is a toy system: docs mentioning "bridge" form one story, the
// rest another.
func cluByWord(_ context.Context, docs []ClusterDoc) ([]string, error) {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = "other"
		if strings.Contains(strings.ToLower(d.Title+" "+d.Text), "bridge") {
			out[i] = "bridge"
		}
	}
	return out, nil
}

func TestRunClusterBASILFixture(t *testing.T) {
	data := cluFixtureBASIL(t)
	var seen []ClusterDoc
	rep, err := RunCluster(context.Background(), ClusterOptions{
		Data: data, Order: "date",
		Cluster: func(ctx context.Context, docs []ClusterDoc) ([]string, error) {
			seen = docs
			return cluByWord(ctx, docs)
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	var dates []string
	for _, d := range seen {
		if d.Gold != "" {
			t.Errorf("doc %s shows its gold label to the system", d.ID)
		}
		dates = append(dates, d.Date)
	}
	if !slices.IsSorted(dates) {
		t.Errorf("docs not in date order: %v", dates)
	}
	if seen[0].Outlet == "" || seen[0].Title == "" || seen[0].Text == "" {
		t.Errorf("doc fields missing: %+v", seen[0])
	}
	for _, d := range seen {
		if d.ID == "b1" && strings.HasPrefix(d.Text, d.Title) {
			t.Errorf("title paragraph repeated in text: %q", d.Text)
		}
	}
	for key, want := range map[string]float64{
		"bcubed_f": 1, "pairwise_f": 1, "docs": 6, "gold_stories": 2, "pred_stories": 2,
		"singletons_bcubed_f": 0.5, // P 1, R 1/3
		// dates 01-10 {f1,f3}, 01-11 {f2}, 03-02 {b1,b2}, 03-03 {b3}:
		// P 1, R (2*(2/3) + 1/3 + 2*(2/3) + 1/3)/6 = 5/9, F 5/7.
		"samedate_bcubed_f": 5.0 / 7,
	} {
		if got, ok := rep.Get(key); !ok || math.Abs(got-want) > 1e-4 {
			t.Errorf("%s = %v (present %v), want %v", key, got, ok, want)
		}
	}
	if v, _ := rep.Get("articles_per_s"); v <= 0 {
		t.Errorf("articles_per_s = %v", v)
	}
}

func TestRunClusterMultiNewsFixture(t *testing.T) {
	type art struct {
		Text string `json:"text"`
	}
	type story struct {
		ID       string `json:"id"`
		Articles []art  `json:"articles"`
		Summary  string `json:"summary"`
	}
	var stories []story
	for i, topic := range []string{"bridge", "flood", "orchard", "comet"} {
		stories = append(stories, story{ID: "st" + string(rune('a'+i)), Articles: []art{
			{"A " + topic + " report. \n \n Second paragraph."}, {"More on the " + topic + "."}, {"The " + topic + " again."},
		}, Summary: "x"})
	}
	data := cluWriteJSONL(t, "mds.jsonl", stories)
	order := func(seed int64) []string {
		var ids []string
		rep, err := RunCluster(context.Background(), ClusterOptions{Data: data, Seed: seed, Shuffles: 1, Cluster: func(ctx context.Context, docs []ClusterDoc) ([]string, error) {
			for _, d := range docs {
				ids = append(ids, d.ID)
				if strings.Contains(d.Text, " \n \n ") {
					t.Errorf("paragraph separator not normalised: %q", d.Text)
				}
			}
			return cluByWord(ctx, docs)
		}})
		if err != nil {
			t.Fatal(err)
		}
		// "bridge" is right; the other three stories are merged.
		if p, _ := rep.Get("bcubed_p"); math.Abs(p-(3*1+9*(1.0/3))/12) > 1e-4 {
			t.Errorf("bcubed_p = %v", p)
		}
		if r, _ := rep.Get("bcubed_r"); r != 1 {
			t.Errorf("bcubed_r = %v, want 1", r)
		}
		return ids
	}
	a, b, c := order(1), order(1), order(2)
	if !slices.Equal(a, b) {
		t.Errorf("same seed, different order: %v vs %v", a, b)
	}
	if slices.Equal(a, c) {
		t.Errorf("seeds 1 and 2 gave the same order %v", a)
	}
	if len(a) != 12 {
		t.Errorf("got %d docs, want 12", len(a))
	}
}

func TestRunClusterErrors(t *testing.T) {
	basil := cluFixtureBASIL(t)
	dir := t.TempDir()
	other := filepath.Join(dir, "other.jsonl")
	if err := os.WriteFile(other, []byte(`{"doc_id":"1","text":"x"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		opts ClusterOptions
		is   error
	}{
		{"missing file", ClusterOptions{Data: filepath.Join(dir, "none.jsonl")}, os.ErrNotExist},
		{"unknown layout", ClusterOptions{Data: other}, ErrClusterData},
		{"bad order", ClusterOptions{Data: basil, Order: "random"}, nil},
		{"label count", ClusterOptions{Data: basil, Cluster: func(context.Context, []ClusterDoc) ([]string, error) {
			return []string{"a"}, nil
		}}, nil},
		{"system error", ClusterOptions{Data: basil, Cluster: func(context.Context, []ClusterDoc) ([]string, error) {
			return nil, errors.New("index down")
		}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := RunCluster(context.Background(), tc.opts)
			if err == nil {
				t.Fatal("no error")
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("err = %v, want %v", err, tc.is)
			}
		})
	}
}

// TestClusterBASIL runs a same-date toy system on the shared BASIL and
// Multi-News dev sets (Multi-News has no dates, so it degenerates to
// singletons), to check loading and scoring on real layouts. With -v it
// prints the reports.
func TestClusterBASIL(t *testing.T) {
	sameDate := func(_ context.Context, docs []ClusterDoc) ([]string, error) {
		out := make([]string, len(docs))
		for i, d := range docs {
			out[i] = d.Date
		}
		return out, nil
	}
	for _, rel := range []string{"data/clustering/basil-dev.jsonl", "data/mds/multinews-dev.jsonl"} {
		t.Run(filepath.Base(rel), func(t *testing.T) {
			data, ok := testutil.Shared(rel)
			if !ok {
				t.Skip("shared data not present: " + rel)
			}
			rep, err := RunCluster(context.Background(), ClusterOptions{Data: data, Cluster: sameDate, Seed: 1, Shuffles: 1})
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			if err := rep.Print(&b); err != nil {
				t.Fatal(err)
			}
			t.Log("\n" + b.String())
			if n, _ := rep.Get("docs"); n < 100 {
				t.Errorf("docs = %v, want the whole set", n)
			}
			if g, _ := rep.Get("gold_stories"); g < 40 {
				t.Errorf("gold_stories = %v", g)
			}
			if f, _ := rep.Get("bcubed_f"); f <= 0 || f > 1 {
				t.Errorf("bcubed_f = %v", f)
			}
		})
	}
}

func FuzzCluRead(f *testing.F) {
	f.Add(`{"article_id":"1","gold_event":"e","date":"2011-01-01","title":"T","paragraphs":[["T"],["a","b"]]}` + "\n")
	f.Add(`{"id":"s","articles":[{"text":"x \n \n y"}],"summary":""}`)
	f.Add(`{"gold_event":"","paragraphs":[]}`)
	f.Add(`{"paragraphs":[[1]]}`)
	f.Fuzz(func(t *testing.T, in string) {
		docs, layout, err := cluRead(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		if len(docs) == 0 || (layout != "basil" && layout != "multinews") {
			t.Fatalf("no error but %d docs, layout %q", len(docs), layout)
		}
		for _, d := range docs {
			if d.Gold == "" {
				t.Fatalf("doc without gold label: %+v", d)
			}
		}
	})
}

func BenchmarkBCubed(b *testing.B) {
	gold := make([]string, 5000)
	pred := make([]string, 5000)
	for i := range gold {
		gold[i] = string(rune('a' + i%40))
		pred[i] = string(rune('a' + i%37))
	}
	for b.Loop() {
		BCubed(gold, pred)
		Pairwise(gold, pred)
	}
}

// TestRunClusterUnlabelled: docs the system rejects (empty label) count as
// singletons in the headline figures and are left out of the *_kept ones.
func TestRunClusterUnlabelled(t *testing.T) {
	data := cluFixtureBASIL(t)
	rep, err := RunCluster(context.Background(), ClusterOptions{
		Data: data,
		Cluster: func(ctx context.Context, docs []ClusterDoc) ([]string, error) {
			labels, err := cluByWord(ctx, docs)
			labels[0] = "" // rejected as not an article
			return labels, err
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]float64{"unlabelled": 1, "bcubed_f_kept": 1, "bcubed_p": 1} {
		if got, ok := rep.Get(key); !ok || math.Abs(got-want) > 1e-4 {
			t.Errorf("%s = %v (present %v), want %v", key, got, ok, want)
		}
	}
	if r, _ := rep.Get("bcubed_r"); r >= 1 {
		t.Errorf("bcubed_r = %v: the rejected doc should cost recall", r)
	}
}

// TestBCubedOver: over every item the subset scores equal the whole ones;
// over a half, a doc put with a doc of the other half costs precision.
func TestBCubedOver(t *testing.T) {
	gold := []string{"a", "a", "b", "b", "c"}
	pred := []string{"x", "x", "y", "y", "y"} // c (other half) joined b's story
	all := []bool{true, true, true, true, true}
	tests := []struct {
		name           string
		in             []bool
		b3, pair       [3]float64
		n              int
		wantSameAsFull bool
	}{
		{name: "all", in: all, n: 5, wantSameAsFull: true},
		// b docs: P 2/3 each, R 1: P 2/3, R 1, F 0.8. Pairs touching
		// {b,b}: (b,b) and two (b,c): 1 of 3 predicted is right.
		{name: "half with a cross merge", in: []bool{false, false, true, true, false}, n: 2,
			b3: [3]float64{2.0 / 3, 1, 0.8}, pair: [3]float64{1.0 / 3, 1, 0.5}},
		{name: "clean half", in: []bool{true, true, false, false, false}, n: 2,
			b3: [3]float64{1, 1, 1}, pair: [3]float64{1, 1, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, r, f, n := bcubedOver(gold, pred, tc.in)
			pp, pr, pf := pairwiseOver(gold, pred, tc.in)
			if tc.wantSameAsFull {
				bp, br, bf := BCubed(gold, pred)
				tc.b3 = [3]float64{bp, br, bf}
				qp, qr, qf := Pairwise(gold, pred)
				tc.pair = [3]float64{qp, qr, qf}
			}
			if n != tc.n || !cluClose([3]float64{p, r, f}, tc.b3) {
				t.Errorf("bcubedOver = %.4f %.4f %.4f over %d, want %v over %d", p, r, f, n, tc.b3, tc.n)
			}
			if !cluClose([3]float64{pp, pr, pf}, tc.pair) {
				t.Errorf("pairwiseOver = %.4f %.4f %.4f, want %v", pp, pr, pf, tc.pair)
			}
		})
	}
}

// TestCluRedate: every event lands in the three-week span on a day fixed
// by its label, its articles keeping their distance in days.
func TestCluRedate(t *testing.T) {
	docs := []ClusterDoc{
		{ID: "1", Gold: "ev-one", Date: "2011-03-02"},
		{ID: "2", Gold: "ev-one", Date: "2011-03-05"},
		{ID: "3", Gold: "ev-two", Date: "2014-07-30"},
		{ID: "4", Gold: "ev-two", Date: ""},
	}
	a := slices.Clone(docs)
	cluRedate(a)
	b := slices.Clone(docs)
	cluRedate(b)
	if !slices.Equal(a, b) {
		t.Errorf("not deterministic: %v vs %v", a, b)
	}
	end := cluSpanStart.AddDate(0, 0, cluSpan)
	for _, d := range a {
		if d.Date == "" {
			if d.ID != "4" {
				t.Errorf("doc %s lost its date", d.ID)
			}
			continue
		}
		day, err := time.Parse("2006-01-02", d.Date)
		if err != nil || day.Before(cluSpanStart) || !day.Before(end) {
			t.Errorf("doc %s re-dated to %q, outside the span", d.ID, d.Date)
		}
	}
	d1, _ := time.Parse("2006-01-02", a[0].Date)
	d2, _ := time.Parse("2006-01-02", a[1].Date)
	if d2.Sub(d1) != 72*time.Hour {
		t.Errorf("event one's days %s and %s are not 3 days apart", a[0].Date, a[1].Date)
	}
}

// TestRunClusterHalves: every figure is given per half, from the split
// file when one is named, and the redate order runs by default on BASIL.
func TestRunClusterHalves(t *testing.T) {
	data := cluFixtureBASIL(t)
	splits := filepath.Join(t.TempDir(), "splits.json")
	if err := os.WriteFile(splits, []byte(`{"events":{"bridge":{"split":"tune"},"flood":{"split":"check"}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	var orders int
	rep, err := RunCluster(context.Background(), ClusterOptions{
		Data: data, Splits: splits,
		Cluster: func(ctx context.Context, docs []ClusterDoc) ([]string, error) {
			orders++
			out := make([]string, len(docs))
			for i, d := range docs {
				out[i] = "one" // the bridge and the flood together
				if d.ID == "f3" {
					out[i] = "alone"
				}
			}
			return out, nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if orders != 2 {
		t.Errorf("system ran %d times, want 2 (date, redate)", orders)
	}
	// Story "one" holds b1 b2 b3 f1 f2: a bridge doc's P is 3/5, R 1; a
	// flood doc in it P 2/5, R 2/3, and f3 P 1, R 1/3.
	for key, want := range map[string]float64{
		"bcubed_p_tune":         3.0 / 5,
		"bcubed_r_tune":         1,
		"bcubed_p_check":        (2*2.0/5 + 1) / 3,
		"bcubed_r_check":        (2*2.0/3 + 1.0/3) / 3,
		"redate_bcubed_p_tune":  3.0 / 5,
		"redate_bcubed_r_check": (2*2.0/3 + 1.0/3) / 3,
	} {
		if got, ok := rep.Get(key); !ok || math.Abs(got-want) > 1e-4 {
			t.Errorf("%s = %v (present %v), want %v", key, got, ok, want)
		}
	}
}

// TestClusterEngineModes runs crosscheck's own clustering (the ingest
// engine) over BASIL dev in date order and re-dated into three weeks, and
// over Multi-News in shuffled orders, and checks the figures on the check
// half (never tuned on) stay at the levels the README reports.
func TestClusterEngineModes(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the ingest engine over the dev sets")
	}
	tests := []struct {
		rel   string
		opts  ClusterOptions
		floor map[string]float64
	}{
		{"data/clustering/basil-dev.jsonl", ClusterOptions{}, map[string]float64{"bcubed_f_check": 0.97, "redate_bcubed_f_check": 0.93}},
		{"data/mds/multinews-dev.jsonl", ClusterOptions{Shuffles: 2, Seed: 1}, map[string]float64{"bcubed_f_kept_check_worst": 0.89}},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.rel), func(t *testing.T) {
			data, ok := testutil.Shared(tc.rel)
			if !ok {
				t.Skip("shared data not present: " + tc.rel)
			}
			tc.opts.Data = data
			rep, err := RunCluster(context.Background(), tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			if err := rep.Print(&b); err != nil {
				t.Fatal(err)
			}
			t.Log("\n" + b.String())
			for key, floor := range tc.floor {
				if got, ok := rep.Get(key); !ok || got < floor {
					t.Errorf("%s = %v (present %v), want at least %v", key, got, ok, floor)
				}
			}
		})
	}
}
