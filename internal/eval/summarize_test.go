package eval

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/testutil"
	"github.com/crosscheck/crosscheck/internal/text"
)

// sumFixture writes a tiny Multi-News-shaped file of invented stories.
func sumFixture(t *testing.T) string {
	t.Helper()
	type art struct {
		Text string `json:"text"`
	}
	type story struct {
		ID       string `json:"id"`
		Articles []art  `json:"articles"`
		Summary  string `json:"summary"`
	}
	stories := []story{
		{"s1", []art{
			{"The river town of Elmford opened a new library on Monday. \n \n The building holds forty thousand books. \n \n Mayor Ada Quist cut the ribbon. Children read aloud."},
			{"Elmford's library welcomed hundreds of visitors. \n \n Volunteers sorted donated books for weeks. The mayor praised them."},
		}, "– Elmford opened a new library on Monday with forty thousand books. Mayor Ada Quist cut the ribbon and praised the volunteers."},
		{"s2", []art{
			{"A storm closed the mountain pass for two days. \n \n Plows cleared the road by Friday. Drivers waited in the valley."},
			{"Snow blocked the pass and stranded trucks. \n \n Crews reopened it late on Friday."},
			{"Officials warned of more snow next week."},
		}, "– A storm closed the mountain pass for two days before crews reopened the road on Friday. Officials warned of more snow."},
	}
	p := filepath.Join(t.TempDir(), "mds.jsonl")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	for _, s := range stories {
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func TestSummarizeBaselineBuilders(t *testing.T) {
	seg, err := text.NewSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	arts := []string{
		"One a. \n \n Two a. Three a. Four a.",
		"One b. Two b.",
		"One c.",
	}
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"lead words", sumLeadWords(arts, 5), "One a. \n \n Two a. Three"},
		{"lead-2 sentences", sumLeadSentences(seg, arts, 2), "One a.\nTwo a.\nOne b.\nTwo b.\nOne c."},
		{"round robin all", sumRoundRobin(seg, arts, 100), "One a.\nOne b.\nOne c.\nTwo a.\nTwo b.\nThree a.\nFour a."},
		{"round robin capped", sumRoundRobin(seg, arts, 5), "One a.\nOne b.\nOne c."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %q, want %q", tc.got, tc.want)
			}
		})
	}
}

func TestRunSummarizeFixture(t *testing.T) {
	data := sumFixture(t)
	calls := 0
	rep, err := RunSummarize(context.Background(), SummarizeOptions{
		Data:     data,
		MaxWords: 20,
		OTS:      "-",
		Summarize: func(_ context.Context, arts []string) (string, error) {
			calls++
			if len(arts) < 2 {
				t.Errorf("system got %d articles", len(arts))
			}
			if calls == 2 {
				return "", errors.New("model unavailable")
			}
			// Echo the first article: the system equals Lead on story 1.
			return arts[0], nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls != 2 {
		t.Errorf("system called %d times, want 2", calls)
	}
	for _, key := range []string{"system_r1", "lead300_r1", "lead3_r2", "roundrobin_rl", "best_baseline_r1", "system_ms_per_story"} {
		if _, ok := rep.Get(key); !ok {
			t.Errorf("metric %s missing in %s", key, rep.Line())
		}
	}
	if v, _ := rep.Get("system_errors"); v != 1 {
		t.Errorf("system_errors = %v, want 1", v)
	}
	if _, ok := rep.Get("ots_r1"); ok {
		t.Errorf("ots scored although disabled")
	}
	for _, key := range []string{"lead300_r1", "lead3_r1", "roundrobin_r1"} {
		v, _ := rep.Get(key)
		if v <= 10 || v > 100 {
			t.Errorf("%s = %v, want a real overlap in (10, 100]", key, v)
		}
	}
	if w, _ := rep.Get("lead300_words"); w != 20 {
		t.Errorf("lead300_words = %v, want the 20-word cap", w)
	}
	if n, _ := rep.Get("stories"); n != 2 {
		t.Errorf("stories = %v, want 2", n)
	}
	var b strings.Builder
	if err := rep.Print(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "system failed on 1 of 2 stories") {
		t.Errorf("report lacks the failure note:\n%s", b.String())
	}
}

func TestRunSummarizeBadData(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		path string
	}{
		{"missing file", filepath.Join(dir, "nope.jsonl")},
		{"empty", write("empty.jsonl", "\n")},
		{"not json", write("bad.jsonl", "{oops\n")},
		{"other layout", write("basil.jsonl", `{"gold_event":"e1","title":"t","paragraphs":[["a"]]}`+"\n")},
		{"empty summary", write("nosum.jsonl", `{"id":"x","articles":[{"text":"a b"}],"summary":" "}`+"\n")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := RunSummarize(context.Background(), SummarizeOptions{Data: tc.path, OTS: "-"})
			if err == nil {
				t.Fatalf("no error; report %s", rep.Line())
			}
		})
	}
}

func TestRunSummarizeMissingOTS(t *testing.T) {
	rep, err := RunSummarize(context.Background(), SummarizeOptions{Data: sumFixture(t), OTS: filepath.Join(t.TempDir(), "no-ots")})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := rep.Get("ots_r1"); ok {
		t.Error("ots scored although missing")
	}
	if !strings.Contains(strings.Join(rep.Notes, "\n"), "ots baseline skipped") {
		t.Errorf("no skip note: %v", rep.Notes)
	}
}

func TestRunSummarizeCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := RunSummarize(ctx, SummarizeOptions{Data: sumFixture(t), OTS: "-"}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// TestSummarizeBaselines scores the baselines on the shared Multi-News dev
// set. With -v it prints the report; set SUMMARIZE_ALL=1 for all 150
// stories (default: the first 10).
func TestSummarizeBaselines(t *testing.T) {
	data, ok := testutil.Shared("data/mds/multinews-dev.jsonl")
	if !ok {
		t.Skip("shared Multi-News data not present")
	}
	limit := 10
	if os.Getenv("SUMMARIZE_ALL") != "" {
		limit = 0
	}
	rep, err := RunSummarize(context.Background(), SummarizeOptions{Data: data, Limit: limit})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := rep.Print(&b); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	// Lead baselines on news are far from zero and below perfect.
	for _, key := range []string{"lead300_r1", "lead3_r1", "roundrobin_r1"} {
		v, _ := rep.Get(key)
		if v < 25 || v > 60 {
			t.Errorf("%s = %.2f, outside the plausible 25-60 range", key, v)
		}
	}
	// Some stories have fewer than 300 words in all; none may exceed the cap.
	if w, _ := rep.Get("lead300_words"); w > 300 || w < 200 {
		t.Errorf("lead300_words = %v, want at most the 300-word cap and near it", w)
	}
}

func FuzzSumRead(f *testing.F) {
	f.Add(`{"id":"a","articles":[{"text":"x \n \n y"}],"summary":"s"}` + "\n")
	f.Add(`{"articles":[],"summary":"s"}`)
	f.Add(`{"gold_event":"e"}`)
	f.Add("\n\n{")
	f.Fuzz(func(t *testing.T, in string) {
		st, err := sumRead(strings.NewReader(in), "fuzz", 0)
		if err == nil && len(st) == 0 {
			t.Fatal("no error and no story")
		}
		for _, s := range st {
			if strings.TrimSpace(s.Summary) == "" || s.ID == "" {
				t.Fatalf("accepted story %+v", s)
			}
		}
	})
}

func TestRunSummarizeOTS(t *testing.T) {
	if bin, _ := sumFindOTS(""); bin == "" {
		t.Skip("ots not installed (apt-get install -y ots)")
	}
	rep, err := RunSummarize(context.Background(), SummarizeOptions{
		Data:     sumFixture(t),
		MaxWords: 25,
		Summarize: func(_ context.Context, arts []string) (string, error) {
			return strings.Join(arts, "\n"), nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := rep.Get("ots_r1"); !ok || v <= 0 {
		t.Errorf("ots_r1 = %v (present %v), want a positive score", v, ok)
	}
	if w, _ := rep.Get("ots_words"); w <= 0 || w > 25 {
		t.Errorf("ots_words = %v, want within the 25-word cap", w)
	}
	if _, ok := rep.Get("system_ots_time_ratio"); !ok {
		t.Errorf("no system_ots_time_ratio in %s", rep.Line())
	}
}
