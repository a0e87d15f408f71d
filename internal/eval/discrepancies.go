package eval

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// ErrDiscrepancyGold reports a discrepancy gold file that cannot be used.
var ErrDiscrepancyGold = errors.New("eval: bad discrepancy gold")

// ErrDiscrepancyOptions reports options RunDiscrepancies cannot run with.
var ErrDiscrepancyOptions = errors.New("eval: bad discrepancy options")

// DiscrepanciesOptions configures RunDiscrepancies.
type DiscrepanciesOptions struct {
	// Gold is the annotation file (the schema of
	// gold/discrepancies-dev.json: events keyed by BASIL gold_event, each
	// with a split, true pairs, must_not_flag pairs and disputed pairs).
	Gold string
	// Articles is the BASIL JSONL the events come from; empty means
	// ../data/clustering/basil-dev.jsonl beside the gold file's folder.
	Articles string
	// Split limits the run to the events of one split ("tune" or
	// "check"); empty or "all" runs every event. Rules are developed on
	// tune alone and check is read only to report.
	Split string
	// Progress, when non-nil, receives a progress bar.
	Progress io.Writer
}

// goldPair is one annotated pair of sentences: a and b are Python-style
// regular expressions matched case-insensitively against one sentence of
// the article of a_outlet and b_outlet.
type goldPair struct {
	About   string `json:"about"`
	Kind    string `json:"kind"`
	A       string `json:"a"`
	AOutlet string `json:"a_outlet"`
	B       string `json:"b"`
	BOutlet string `json:"b_outlet"`
	Why     string `json:"why"`
	ra, rb  *regexp.Regexp
}

type goldEvent struct {
	Label       string     `json:"label"`
	Split       string     `json:"split"`
	True        []goldPair `json:"true"`
	MustNotFlag []goldPair `json:"must_not_flag"`
	Disputed    []goldPair `json:"disputed"`
}

// matches reports whether discrepancy d matches the pair: one claim from
// a_outlet matches a and another, from b_outlet, matches b (either order).
// Sources of the briefing are the BASIL outlets.
func (p *goldPair) matches(d news.Discrepancy) bool {
	for i, x := range d.Claims {
		for j, y := range d.Claims {
			if i == j || x.Source == y.Source {
				continue
			}
			if x.Source == p.AOutlet && y.Source == p.BOutlet && p.ra.MatchString(x.Text) && p.rb.MatchString(y.Text) {
				return true
			}
		}
	}
	return false
}

// readDiscrepancyGold reads the gold file and compiles its patterns.
func readDiscrepancyGold(path string) (map[string]*goldEvent, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: discrepancies: %w", err)
	}
	var g struct {
		Events map[string]*goldEvent `json:"events"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrDiscrepancyGold, path, err)
	}
	if len(g.Events) == 0 {
		return nil, fmt.Errorf("%w: %s holds no event", ErrDiscrepancyGold, path)
	}
	for id, e := range g.Events {
		if e.Split != "tune" && e.Split != "check" {
			return nil, fmt.Errorf("%w: event %s: split %q (want tune or check)", ErrDiscrepancyGold, id, e.Split)
		}
		for _, list := range [][]goldPair{e.True, e.MustNotFlag, e.Disputed} {
			for i := range list {
				p := &list[i]
				if p.ra, err = regexp.Compile("(?i)" + p.A); err != nil {
					return nil, fmt.Errorf("%w: event %s: %v", ErrDiscrepancyGold, id, err)
				}
				if p.rb, err = regexp.Compile("(?i)" + p.B); err != nil {
					return nil, fmt.Errorf("%w: event %s: %v", ErrDiscrepancyGold, id, err)
				}
			}
		}
	}
	return g.Events, nil
}

// discrepancyTally is the score of one split.
type discrepancyTally struct {
	events, truePairs, found, traps, reported, right, disputed int
}

// RunDiscrepancies briefs every annotated BASIL event as users get it
// (pipeline.Analyze on each article, then brief) and scores the briefing's
// discrepancies against the hand annotations, per split (tune, check):
// true pairs found, must_not_flag pairs flagged (traps), and the share of
// reported discrepancies that match a true pair. Reports that match a
// disputed pair count neither way. Every reported discrepancy that matches
// no true pair is listed with both sentences, so a reader can judge it.
//
// Metrics, per split S (tune, check) and for all events: S_true S_found
// S_recall S_traps S_reported S_right S_precision.
func RunDiscrepancies(ctx context.Context, o DiscrepanciesOptions) (*Report, error) {
	events, err := readDiscrepancyGold(o.Gold)
	if err != nil {
		return nil, err
	}
	splits := []string{"tune", "check"}
	switch o.Split {
	case "", "all":
	case "tune", "check":
		splits = []string{o.Split}
		for id, e := range events {
			if e.Split != o.Split {
				delete(events, id)
			}
		}
	default:
		return nil, fmt.Errorf("%w: split %q (want tune, check or all)", ErrDiscrepancyOptions, o.Split)
	}
	arts := o.Articles
	if arts == "" {
		arts = filepath.Join(filepath.Dir(o.Gold), "..", "data", "clustering", "basil-dev.jsonl")
	}
	docs, layout, err := cluLoad(arts)
	if err != nil {
		return nil, err
	}
	if layout != "basil" {
		return nil, fmt.Errorf("eval: discrepancies: %s is not BASIL JSONL", arts)
	}
	byEvent := map[string][]ClusterDoc{}
	for _, d := range docs {
		if events[d.Gold] != nil {
			byEvent[d.Gold] = append(byEvent[d.Gold], d)
		}
	}
	ids := make([]string, 0, len(events))
	for id := range events {
		if len(byEvent[id]) == 0 {
			return nil, fmt.Errorf("%w: event %s has no article in %s", ErrDiscrepancyGold, id, arts)
		}
		ids = append(ids, id)
	}
	sort.Strings(ids)

	p, b, bar, err := storyPath("discrepancies", o.Progress, len(ids))
	if err != nil {
		return nil, err
	}
	r := &Report{Stage: "discrepancies", Data: o.Gold,
		Header: []string{"split", "event", "verdict", "kind", "sources", "claims"}}
	tally := map[string]*discrepancyTally{"tune": {}, "check": {}}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		e := events[id]
		var raws []news.Raw
		for _, d := range byEvent[id] {
			raws = append(raws, news.Raw{ID: d.Outlet, Input: d.ID, Outlet: d.Outlet, Title: d.Title, Text: d.Text, Published: d.Date})
		}
		br, _, err := BriefStory(ctx, p, b, raws)
		if err != nil {
			return nil, err
		}
		if br == nil {
			br = &news.Briefing{}
		}
		t := tally[e.Split]
		t.events++
		t.truePairs += len(e.True)
		found := make([]bool, len(e.True))
		trapped := make([]bool, len(e.MustNotFlag))
		for _, d := range br.Discrepancies {
			t.reported++
			hitTrue := false
			for i := range e.True {
				if e.True[i].matches(d) {
					found[i], hitTrue = true, true
				}
			}
			if hitTrue {
				t.right++
				r.Rows = append(r.Rows, discrepancyRow(e.Split, e.Label, "true", d))
				continue
			}
			verdict := "unlisted"
			for i := range e.MustNotFlag {
				if e.MustNotFlag[i].matches(d) {
					trapped[i] = true
					verdict = "TRAP " + e.MustNotFlag[i].Kind
				}
			}
			for i := range e.Disputed {
				if verdict == "unlisted" && e.Disputed[i].matches(d) {
					verdict = "disputed"
				}
			}
			if verdict == "disputed" {
				t.disputed++
			}
			r.Rows = append(r.Rows, discrepancyRow(e.Split, e.Label, verdict, d))
		}
		for i, ok := range found {
			if ok {
				t.found++
			} else {
				r.Rows = append(r.Rows, []string{e.Split, text.Clip(e.Label, 40), "MISSED", e.True[i].Kind,
					e.True[i].AOutlet + "/" + e.True[i].BOutlet, e.True[i].About})
			}
		}
		for _, ok := range trapped {
			if ok {
				t.traps++
			}
		}
		bar.Add(1)
	}
	bar.Done()
	all := &discrepancyTally{}
	for _, s := range splits {
		t := tally[s]
		all.events += t.events
		all.truePairs += t.truePairs
		all.found += t.found
		all.traps += t.traps
		all.reported += t.reported
		all.right += t.right
		all.disputed += t.disputed
	}
	tally["all"] = all
	if len(splits) > 1 {
		splits = append(splits, "all")
	}
	for _, s := range splits {
		t := tally[s]
		judged := t.reported - t.disputed
		r.Add(s+"_true", float64(t.truePairs))
		r.Add(s+"_found", float64(t.found))
		r.Add(s+"_recall", ratio(t.found, t.truePairs))
		r.Add(s+"_traps", float64(t.traps))
		r.Add(s+"_reported", float64(t.reported))
		r.Add(s+"_right", float64(t.right))
		r.Add(s+"_precision", ratio(t.right, judged))
		r.Notes = append(r.Notes, fmt.Sprintf("%s: %d events; found %d of %d true pairs (%s%%); %d must_not_flag pairs flagged; %d reported, %d true, %d disputed, %d unlisted (judge them above)",
			s, t.events, t.found, t.truePairs, Pct(ratio(t.found, t.truePairs)), t.traps, t.reported, t.right, t.disputed, judged-t.right))
	}
	return r, nil
}

// discrepancyRow lists one reported discrepancy: every claim with its
// source, value and sentence.
func discrepancyRow(split, label, verdict string, d news.Discrepancy) []string {
	var srcs, claims []string
	for _, c := range d.Claims {
		srcs = append(srcs, c.Source)
		v := c.Value
		if v == "" {
			v = "-"
		}
		claims = append(claims, fmt.Sprintf("[%s %s] %s", c.Source, v, strings.Join(strings.Fields(c.Text), " ")))
	}
	return []string{split, text.Clip(label, 40), verdict, d.Kind, strings.Join(srcs, "/"), strings.Join(claims, " || ")}
}
