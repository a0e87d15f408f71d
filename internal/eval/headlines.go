package eval

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/news"
)

// HeadlinesOptions configures RunHeadlines.
type HeadlinesOptions struct {
	// Data is the shared data folder (holding clustering/basil-dev.jsonl
	// and mds/multinews-dev.jsonl).
	Data string
	// Judged is a judgement file (empty: the committed
	// testdata/headlines-judged.tsv, embedded): one
	// line per story and set, "set id hash verdict", the hash being
	// HeadlineHash of the title judged; "#" lines are comments.
	Judged string
	// Stories caps the stories per set (default 50).
	Stories int
	// Progress, when non-nil, receives a progress bar.
	Progress io.Writer
}

// Headline sets: BASIL events with their articles' titles as users give
// them, the same without titles (the lead-sentence path), and Multi-News
// stories (no titles).
const (
	setBASIL        = "basil"
	setBASILNoTitle = "basil-notitle"
	setMultiNews    = "multinews"
)

// HeadlineHash identifies a judged headline without storing its
// (third-party) words: 12 hex digits of its SHA-256.
func HeadlineHash(title string) string {
	sum := sha256.Sum256([]byte(title))
	return hex.EncodeToString(sum[:])[:12]
}

// HeadlineStory is one story whose headline is judged.
type HeadlineStory struct {
	Set, ID, Split string
	Raws           []news.Raw
}

// HeadlineStories reads the stories of the three sets from the shared
// data folder, at most n per set, in file order; split alternates by
// position within a set (even: tune, odd: check).
func HeadlineStories(data string, n int) ([]HeadlineStory, error) {
	if n <= 0 {
		n = 50
	}
	var out []HeadlineStory
	basil, layout, err := cluLoad(filepath.Join(data, "clustering", "basil-dev.jsonl"))
	if err != nil {
		return nil, err
	}
	if layout != "basil" {
		return nil, fmt.Errorf("eval: headlines: not BASIL JSONL")
	}
	var events []string
	byEvent := map[string][]ClusterDoc{}
	for _, d := range basil {
		if byEvent[d.Gold] == nil {
			events = append(events, d.Gold)
		}
		byEvent[d.Gold] = append(byEvent[d.Gold], d)
	}
	for _, set := range []string{setBASIL, setBASILNoTitle} {
		for i, ev := range events {
			if i >= n {
				break
			}
			hs := HeadlineStory{Set: set, ID: ev, Split: splitOf(i)}
			for _, d := range byEvent[ev] {
				r := news.Raw{ID: d.Outlet, Input: d.ID, Outlet: d.Outlet, Text: d.Text, Published: d.Date}
				if set == setBASIL {
					r.Title = d.Title
				}
				hs.Raws = append(hs.Raws, r)
			}
			out = append(out, hs)
		}
	}
	mn, layout, err := cluLoad(filepath.Join(data, "mds", "multinews-dev.jsonl"))
	if err != nil {
		return nil, err
	}
	if layout != "multinews" {
		return nil, fmt.Errorf("eval: headlines: not Multi-News JSONL")
	}
	var stories []string
	byStory := map[string][]ClusterDoc{}
	for _, d := range mn {
		if byStory[d.Gold] == nil {
			stories = append(stories, d.Gold)
		}
		byStory[d.Gold] = append(byStory[d.Gold], d)
	}
	for i, id := range stories {
		if i >= n {
			break
		}
		hs := HeadlineStory{Set: setMultiNews, ID: id, Split: splitOf(i)}
		for _, d := range byStory[id] {
			hs.Raws = append(hs.Raws, news.Raw{Input: d.ID, Text: d.Text})
		}
		out = append(out, hs)
	}
	return out, nil
}

func splitOf(i int) string {
	if i%2 == 0 {
		return "tune"
	}
	return "check"
}

// judgedHeadlines is the committed judgement file, used when
// HeadlinesOptions.Judged is empty.
//
//go:embed testdata/headlines-judged.tsv
var judgedHeadlines []byte

// readJudged reads the judgement file at path (the embedded one when path
// is empty): key "set id" -> hash and verdict.
func readJudged(path string) (map[string][2]string, error) {
	data := judgedHeadlines
	if path != "" {
		var err error
		if data, err = os.ReadFile(path); err != nil {
			return nil, fmt.Errorf("eval: headlines: %w", err)
		}
	} else {
		path = "testdata/headlines-judged.tsv"
	}
	out := map[string][2]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 4 || f[3] != "good" && f[3] != "bad" {
			return nil, fmt.Errorf("eval: headlines: %s: bad line %q (want: set id hash good|bad)", path, line)
		}
		out[f[0]+" "+f[1]] = [2]string{f[2], f[3]}
	}
	return out, sc.Err()
}

// RunHeadlines briefs every story of the three sets as users get it
// (pipeline.Analyze on each article, then brief) and scores the headline
// against the judgements: a judgement counts only for the exact headline
// judged (by hash); a changed headline is "unjudged" and listed. Rows
// carry ids, the path the headline came by (an article's title or a lead
// sentence) and the verdict, never the headline's words.
//
// Metrics, per set and split (tune, check): SET_SPLIT_good,
// SET_SPLIT_judged, SET_SPLIT_unjudged, SET_SPLIT_chrome (headlines a
// chrome rule rejects: always 0 unless a rule and the choice disagree).
func RunHeadlines(ctx context.Context, o HeadlinesOptions) (*Report, error) {
	stories, err := HeadlineStories(o.Data, o.Stories)
	if err != nil {
		return nil, err
	}
	judged, err := readJudged(o.Judged)
	if err != nil {
		return nil, err
	}
	p, b, bar, err := storyPath("headlines", o.Progress, len(stories))
	if err != nil {
		return nil, err
	}
	r := &Report{Stage: "headlines", Data: o.Data, Header: []string{"set", "split", "id", "path", "hash", "verdict"}}
	type tally struct{ good, judged, unjudged, chrome int }
	tallies := map[string]*tally{}
	for _, hs := range stories {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		br, arts, err := BriefStory(ctx, p, b, hs.Raws)
		if err != nil {
			return nil, err
		}
		title := ""
		if br != nil {
			title = br.Title
		}
		path := "lead"
		for _, a := range arts {
			if title != "" && strings.Contains(a.Title, strings.TrimSuffix(title, "…")) {
				path = "title"
			}
		}
		if title == "" {
			path = "none"
		}
		key := hs.Set + "_" + hs.Split
		t := tallies[key]
		if t == nil {
			t = &tally{}
			tallies[key] = t
		}
		if title != "" && brief.Chrome(title) != "" {
			t.chrome++
		}
		h := HeadlineHash(title)
		verdict := "unjudged"
		if j, ok := judged[hs.Set+" "+hs.ID]; ok && j[0] == h {
			verdict = j[1]
			t.judged++
			if verdict == "good" {
				t.good++
			}
		} else {
			t.unjudged++
		}
		r.Rows = append(r.Rows, []string{hs.Set, hs.Split, hs.ID, path, h, verdict})
		if bar != nil {
			bar.Add(1)
		}
	}
	if bar != nil {
		bar.Done()
	}
	for _, k := range slices.Sorted(maps.Keys(tallies)) {
		t := tallies[k]
		r.Add(k+"_good", float64(t.good))
		r.Add(k+"_judged", float64(t.judged))
		r.Add(k+"_unjudged", float64(t.unjudged))
		r.Add(k+"_chrome", float64(t.chrome))
	}
	return r, nil
}
