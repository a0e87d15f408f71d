package eval

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
)

// EntitiesOptions configures RunEntities.
type EntitiesOptions struct {
	// Data is the shared folder (../shared: gold/discrepancies-dev.json
	// gives the BASIL splits; data/clustering/basil-dev.jsonl,
	// data/mds/multinews-dev.jsonl and data/quotes/polnear-dev.jsonl the
	// stories).
	Data string
	// Judged is a judgement file (empty: the committed
	// testdata/entities-judged.tsv and entities-judged-polnear.tsv,
	// embedded).
	Judged string
	// Stories is the number of stories per set and split (default 10).
	Stories int
	// Top is how many people and organisations of each briefing are
	// judged, in the briefing's order (default 12).
	Top int
	// Split limits the scored stories to tune, check, fresh, fresh2 or
	// fresh3 (empty or all: every one).
	Split string
	// Set limits the scored stories to one set of EntitySets (empty or
	// all: every one).
	Set string
	// Progress, when non-nil, receives a progress bar.
	Progress io.Writer
}

// splitFresh labels the stories judged after the entity rules were last
// changed and never read while changing them: the untouched figure of the
// round that added them. splitFresh2 is the next untouched set, judged on
// the build before the round that followed (after fresh had been read).
const (
	splitFresh  = "fresh"
	splitFresh2 = "fresh2"
	// splitFresh3 holds BASIL events only (Multi-News dev has no story
	// left that was not read): judged before the second batch of rules of
	// the round that fresh2 measured.
	splitFresh3 = "fresh3"
)

// setPolNeAR is the PolNeAR dev set: each article a story of its own.
const setPolNeAR = "polnear"

// EntitySets are the sets EntitiesOptions.Set accepts, besides all.
var EntitySets = []string{setBASIL, setMultiNews, setPolNeAR}

// ErrEntitySet reports an EntitiesOptions.Set not in EntitySets.
var ErrEntitySet = errors.New("eval: entities: unknown set")

// EntityStories reads the stories the entities eval judges: the first n
// BASIL dev events of each split (the `split` of gold/discrepancies-dev.json)
// with their titles, and the first 2n Multi-News dev stories, alternating
// tune and check; then the fresh set (split "fresh"): the next n/2 BASIL
// events of each split and the next 2n Multi-News stories, in file order;
// then the fresh2 set: the next n/2 BASIL events of each split (16-20 for
// n = 10) and Multi-News stories 10n+1 to 14n (101-140), leaving stories
// 4n+1 to 10n (41-100) unjudged for reading while choosing rules; then
// fresh3: the next n/2 BASIL events of each split (21-25). Last, every
// PolNeAR dev article as a story of one article (set polnear), in the
// quotes eval's halves: sorted by doc_id, even positions tune, odd check.
func EntityStories(data string, n int) ([]HeadlineStory, error) {
	if n <= 0 {
		n = 10
	}
	raw, err := os.ReadFile(filepath.Join(data, "gold", "discrepancies-dev.json"))
	if err != nil {
		return nil, fmt.Errorf("eval: entities: %w", err)
	}
	var gold struct {
		Events map[string]struct {
			Split string `json:"split"`
		} `json:"events"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		return nil, fmt.Errorf("eval: entities: discrepancies-dev.json: %w", err)
	}
	all, err := HeadlineStories(filepath.Join(data, "data"), 1<<30)
	if err != nil {
		return nil, err
	}
	var out []HeadlineStory
	count := map[string]int{}
	for _, hs := range all {
		// Bounds on the count within the set and its tune/check
		// alternation: fresh after n, a gap (unjudged reading), fresh2.
		var freshEnd, fresh2Start, fresh2End, fresh3End int
		switch hs.Set {
		case setBASIL:
			ev, ok := gold.Events[hs.ID]
			if !ok || ev.Split != "tune" && ev.Split != "check" {
				continue
			}
			hs.Split = ev.Split
			freshEnd = n + n/2
			fresh2Start, fresh2End = freshEnd, 2*n
			fresh3End = fresh2End + n/2
		case setMultiNews:
			freshEnd = 2 * n
			fresh2Start, fresh2End = 5*n, 7*n
		default:
			continue
		}
		k := hs.Set + " " + hs.Split
		count[k]++
		switch c := count[k]; {
		case c <= n:
		case c <= freshEnd:
			hs.Split = splitFresh
		case c > fresh2Start && c <= fresh2End:
			hs.Split = splitFresh2
		case c > fresh2End && c <= fresh3End:
			hs.Split = splitFresh3
		default:
			continue
		}
		out = append(out, hs)
	}
	docs, err := readQuoteDocs(filepath.Join(data, "data", "quotes", "polnear-dev.jsonl"))
	if err != nil {
		return nil, err
	}
	for _, d := range quoteSplitDocs(docs) {
		out = append(out, HeadlineStory{Set: setPolNeAR, ID: d.doc.DocID, Split: d.split, Raws: []news.Raw{quoteRaw(d.doc)}})
	}
	return out, nil
}

// entity verdicts: right is a real person or organisation listed with its
// type; wrong is anything else (no entity, a fragment, the wrong type, a
// second entry for a person already listed).
const (
	verdictRight = "right"
	verdictWrong = "wrong"
)

// judgedEntities and judgedEntitiesPolNeAR are the committed judgement
// files (BASIL and Multi-News; PolNeAR), used when EntitiesOptions.Judged
// is empty.
var (
	//go:embed testdata/entities-judged.tsv
	judgedEntities []byte
	//go:embed testdata/entities-judged-polnear.tsv
	judgedEntitiesPolNeAR []byte
)

// readEntityJudged reads a judgement file (both embedded ones when path is
// empty): tab-separated "set id name type verdict" lines, "#" lines
// comments; key "set\tid\tname\ttype" -> verdict.
func readEntityJudged(path string) (map[string]string, error) {
	out := map[string]string{}
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("eval: entities: %w", err)
		}
		return out, parseEntityJudged(out, path, data)
	}
	if err := parseEntityJudged(out, "testdata/entities-judged.tsv", judgedEntities); err != nil {
		return nil, err
	}
	return out, parseEntityJudged(out, "testdata/entities-judged-polnear.tsv", judgedEntitiesPolNeAR)
}

// parseEntityJudged adds the judgements of one file, named path in
// errors, to out.
func parseEntityJudged(out map[string]string, path string, data []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 || f[4] != verdictRight && f[4] != verdictWrong {
			return fmt.Errorf("eval: entities: %s: bad line %q (want: set id name type right|wrong, tab-separated)", path, line)
		}
		out[strings.Join(f[:4], "\t")] = f[4]
	}
	return sc.Err()
}

// entityTally counts the judged rows of one set and split.
type entityTally struct{ right, judged, unjudged, stories, listed int }

// precision is right / judged, 0 when nothing is judged.
func (t entityTally) precision() float64 {
	if t.judged == 0 {
		return 0
	}
	return float64(t.right) / float64(t.judged)
}

// RunEntities briefs every story of the sample as users get it
// (pipeline.Analyze on each article, then brief) and scores the first Top
// people and organisations of the briefing's entity list against the
// judgements. A judgement counts only for the exact name and type judged;
// anything else is "unjudged" and listed so that it can be judged.
//
// Metrics, per set (basil, multinews, polnear) and split (tune, check,
// fresh, fresh2, fresh3; polnear has tune and check only):
// SET_SPLIT_precision (right / judged), SET_SPLIT_judged,
// SET_SPLIT_unjudged, SET_SPLIT_listed_per_story (people and organisations
// the briefing lists, all of them, per story: how much the listing says);
// and fresh_precision, fresh2_precision, fresh3_precision over both sets'
// stories of each once-untouched split.
func RunEntities(ctx context.Context, o EntitiesOptions) (*Report, error) {
	if o.Top <= 0 {
		o.Top = 12
	}
	if o.Set != "" && o.Set != "all" && !slices.Contains(EntitySets, o.Set) {
		return nil, fmt.Errorf("%w %q (want %s or all)", ErrEntitySet, o.Set, strings.Join(EntitySets, ", "))
	}
	all, err := EntityStories(o.Data, o.Stories)
	if err != nil {
		return nil, err
	}
	var stories []HeadlineStory
	for _, hs := range all {
		if (o.Split == "" || o.Split == "all" || o.Split == hs.Split) &&
			(o.Set == "" || o.Set == "all" || o.Set == hs.Set) {
			stories = append(stories, hs)
		}
	}
	judged, err := readEntityJudged(o.Judged)
	if err != nil {
		return nil, err
	}
	p, b, bar, err := storyPath("entities", o.Progress, len(stories))
	if err != nil {
		return nil, err
	}
	r := &Report{Stage: "entities", Data: o.Data, Header: []string{"set", "split", "id", "name", "type", "verdict"}}
	tallies := map[string]*entityTally{}
	for _, hs := range stories {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		br, _, err := BriefStory(ctx, p, b, hs.Raws)
		if err != nil {
			return nil, err
		}
		key := hs.Set + "_" + hs.Split
		t := tallies[key]
		if t == nil {
			t = &entityTally{}
			tallies[key] = t
		}
		var listed []news.EntityRef
		if br != nil {
			for _, e := range br.Entities {
				if e.Type == news.Person || e.Type == news.Organization {
					listed = append(listed, e)
				}
			}
		}
		t.stories++
		t.listed += len(listed)
		if len(listed) > o.Top {
			listed = listed[:o.Top]
		}
		for _, e := range listed {
			v, ok := judged[strings.Join([]string{hs.Set, hs.ID, e.Name, e.Type}, "\t")]
			switch {
			case !ok:
				v = "unjudged"
				t.unjudged++
			case v == verdictRight:
				t.right++
				t.judged++
			default:
				t.judged++
			}
			r.Rows = append(r.Rows, []string{hs.Set, hs.Split, hs.ID, e.Name, e.Type, v})
		}
		if bar != nil {
			bar.Add(1)
		}
	}
	if bar != nil {
		bar.Done()
	}
	fresh := map[string]entityTally{}
	for _, k := range slices.Sorted(maps.Keys(tallies)) {
		t := tallies[k]
		r.Add(k+"_precision", t.precision())
		r.Add(k+"_judged", float64(t.judged))
		r.Add(k+"_unjudged", float64(t.unjudged))
		r.Add(k+"_listed_per_story", float64(t.listed)/float64(t.stories))
		for _, s := range []string{splitFresh, splitFresh2, splitFresh3} {
			if strings.HasSuffix(k, "_"+s) {
				f := fresh[s]
				f.right += t.right
				f.judged += t.judged
				fresh[s] = f
			}
		}
	}
	for _, s := range []string{splitFresh, splitFresh2, splitFresh3} {
		if f := fresh[s]; f.judged > 0 {
			r.Add(s+"_precision", f.precision())
			r.Add(s+"_judged", float64(f.judged))
		}
	}
	r.Notes = append(r.Notes, fmt.Sprintf("first %d people and organisations of each briefing; precision = right / judged", o.Top))
	return r, nil
}
