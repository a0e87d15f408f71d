package eval

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/testutil"
)

const citationsJudged = "testdata/citations-judged.json"

// TestCitationsJudgedFile checks the judged file against the shared data:
// every regex names exactly one sentence (or verbatim copies of one) of its
// story, as the product splits the articles, and never a whole long sentence.
func TestCitationsJudgedFile(t *testing.T) {
	if _, ok := testutil.Shared("data/clustering/basil-dev.jsonl"); !ok {
		t.Skip("shared BASIL and Multi-News data not present")
	}
	f, data, err := LoadCitations(context.Background(), CitationsOptions{Data: citationsJudged})
	if err != nil {
		t.Fatal(err)
	}
	sets := map[string]map[string]int{}
	n := 0
	for _, d := range data {
		t.Run(d.Story.Set+"/"+d.Story.ID, func(t *testing.T) {
			for _, b := range CiteCheck(d) {
				t.Error(b)
			}
			for _, j := range d.Story.Sentences {
				if w := strings.Count(j.Re, `\W+`) + 1; w > 7 {
					t.Errorf("%q: %d words, more than a few", j.Re, w)
				}
			}
		})
		if sets[d.Story.Set] == nil {
			sets[d.Story.Set] = map[string]int{}
		}
		sets[d.Story.Set][d.Story.Split]++
		for _, j := range d.Story.Sentences {
			n += len(j.States)
		}
	}
	for _, set := range []string{"basil", "multinews"} {
		for _, split := range []string{"tune", "check"} {
			if sets[set][split] < 7 {
				t.Errorf("%s %s: %d stories, want at least 7", set, split, sets[set][split])
			}
		}
	}
	if n != f.Judgements {
		t.Errorf("file says %d judgements, holds %d", f.Judgements, n)
	}
}

// TestRunCitations runs the eval on the judged file and checks that every
// cell it reports is consistent: judged citations split into true and
// wrong ones, each wrong one listed.
func TestRunCitations(t *testing.T) {
	if testing.Short() {
		t.Skip("briefs 32 stories")
	}
	if _, ok := testutil.Shared("data/clustering/basil-dev.jsonl"); !ok {
		t.Skip("shared BASIL and Multi-News data not present")
	}
	r, err := RunCitations(context.Background(), CitationsOptions{Data: citationsJudged})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"summary_precision_tune", "summary_precision_check", "agreement_precision_tune", "agreement_precision_check"} {
		if v, ok := r.Get(k); !ok || v <= 0 || v > 1 {
			t.Errorf("%s = %v, %v", k, v, ok)
		}
	}
	wrong := 0
	for _, n := range r.Notes {
		if strings.HasPrefix(n, "wrong: ") {
			wrong++
		}
	}
	sum := 0
	for _, row := range r.Rows {
		if row[1] == "all" && row[2] == "all" {
			sum += atoi(t, row[6]) - atoi(t, row[7])
		}
	}
	if sum != wrong {
		t.Errorf("%d wrong citations counted, %d listed", sum, wrong)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestCiteScore scores a hand-made story: a true, a wrong and an unjudged
// citation, a sentence no entry names, and a source that states a sentence
// but is not cited.
func TestCiteScore(t *testing.T) {
	story := &CitationsStory{Set: "basil", ID: "e", Split: "tune", Sources: []string{"a", "b", "c"},
		Sentences: []CitationsJudged{
			{Re: `senate\W+passed`, In: "a", States: map[string]bool{"a": true, "b": false, "c": true}},
			{Re: `mayor\W+resigned`, In: "b", States: map[string]bool{"a": true, "b": true}},
		}}
	d := CitationsStoryData{Story: story}
	res := []*regexp.Regexp{regexp.MustCompile(`(?i)senate\W+passed`), regexp.MustCompile(`(?i)mayor\W+resigned`)}
	tests := []struct {
		name                                 string
		items                                []news.Cited
		cited, judged, right, missed, stated int
		wrong, unjudged, none                int
	}{
		{"true and wrong", []news.Cited{{Text: "The Senate passed it.", Sources: []string{"a", "b"}}}, 2, 2, 1, 1, 2, 1, 0, 0},
		{"unjudged source", []news.Cited{{Text: "The mayor resigned.", Sources: []string{"b", "c"}}}, 2, 1, 1, 1, 2, 0, 1, 0},
		{"unjudged sentence", []news.Cited{{Text: "It rained.", Sources: []string{"a"}}}, 1, 0, 0, 0, 0, 0, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := citeScore(d, tt.items, res)
			got := []int{c.cited, c.judged, c.right, c.missed, c.statedJudged, len(c.wrong), len(c.unjudged), len(c.none)}
			want := []int{tt.cited, tt.judged, tt.right, tt.missed, tt.stated, tt.wrong, tt.unjudged, tt.none}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("counts %v, want %v", got, want)
					break
				}
			}
		})
	}
}
