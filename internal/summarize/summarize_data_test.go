package summarize

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/rouge"
	"github.com/crosscheck/crosscheck/internal/testutil"
	"github.com/crosscheck/crosscheck/internal/text"
)

type mnStory struct {
	Articles []struct {
		Text string `json:"text"`
	} `json:"articles"`
	Summary string `json:"summary"`
}

func loadMultiNews(t testing.TB, limit int) []mnStory {
	p, ok := testutil.Shared("data/mds/multinews-dev.jsonl")
	if !ok {
		t.Skip("../shared/data/mds/multinews-dev.jsonl is not here: no Multi-News check")
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []mnStory
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() && (limit == 0 || len(out) < limit) {
		var s mnStory
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// TestMultiNewsROUGE is a smoke check of the summarizer on real stories:
// it must beat the first-300-words baseline measured in the same run. The
// authoritative figures come from `crosscheck eval summarize`.
func TestMultiNewsROUGE(t *testing.T) {
	stories := loadMultiNews(t, 0)
	seg, err := text.NewSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	sc := rouge.New("rouge1", "rouge2")
	z := New(Options{Words: 300}, text.Stem)
	var sys1, sys2, lead1, lead2 float64
	for _, st := range stories {
		var members []news.Member
		var all []string
		for i, a := range st.Articles {
			paras := strings.Split(a.Text, " \n \n ")
			art := &news.Article{Paragraphs: paras}
			if err := seg.Analyze(art); err != nil {
				t.Fatal(err)
			}
			members = append(members, news.Member{Article: art, Source: string(rune('a' + i)), Group: i})
			all = append(all, a.Text)
		}
		var sb strings.Builder
		sum, err := z.Summarize(context.Background(), members, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range sum {
			sb.WriteString(c.Text)
			sb.WriteString("\n")
		}
		s := sc.Score(st.Summary, rouge.Truncate(sb.String(), 300))
		l := sc.Score(st.Summary, rouge.Truncate(strings.Join(all, " "), 300))
		sys1 += s["rouge1"].F
		sys2 += s["rouge2"].F
		lead1 += l["rouge1"].F
		lead2 += l["rouge2"].F
	}
	n := float64(len(stories))
	t.Logf("system R1 %.2f R2 %.2f; lead-300 R1 %.2f R2 %.2f (%d stories)", 100*sys1/n, 100*sys2/n, 100*lead1/n, 100*lead2/n, len(stories))
	if sys1 < lead1 {
		t.Errorf("summarizer ROUGE-1 %.2f below lead-300 %.2f", 100*sys1/n, 100*lead1/n)
	}
}
