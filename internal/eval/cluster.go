package eval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/progress"
)

// ErrClusterData reports a clustering data file that is neither BASIL nor
// Multi-News JSONL, or holds no article.
var ErrClusterData = errors.New("eval: bad clustering data")

// ClusterDoc is one article handed to the clustering system.
type ClusterDoc struct {
	ID     string
	Title  string
	Text   string // paragraphs separated by blank lines
	Date   string // YYYY-MM-DD when known
	Outlet string
	// Gold is the true story label. RunCluster never shows it to the
	// system: the docs it passes have Gold empty.
	Gold string
}

// ClusterOptions configures RunCluster.
type ClusterOptions struct {
	// Data is BASIL JSONL (one article a line with gold_event, date, title,
	// paragraphs) or Multi-News JSONL (one story a line; its articles are
	// flattened into one stream, the story id being the gold label). The
	// layout is detected from the first line.
	Data string
	// Cluster is the system under test: it returns one story label per doc,
	// in order. An empty label puts the doc in a story of its own. Nil
	// means crosscheck's own, EngineCluster.
	Cluster func(ctx context.Context, docs []ClusterDoc) ([]string, error)
	// Order is the order docs are handed over: "date" (stable by date, the
	// BASIL default) or "shuffle" (deterministic from Seed, the Multi-News
	// default, which has no dates).
	Order string
	// Seed seeds the shuffle.
	Seed int64
	// Progress, when non-nil, receives a progress bar.
	Progress io.Writer
}

// RunCluster hands the articles to the clustering system in one call and
// scores its story labels against the gold labels with B-cubed and pairwise
// precision/recall/F1 (fractions in [0, 1]).
//
// Metrics: bcubed_p bcubed_r bcubed_f pairwise_p pairwise_r pairwise_f
// articles_per_s docs gold_stories pred_stories, and for reference the
// trivial baselines singletons_bcubed_f (every doc alone),
// onestory_bcubed_f (all docs together) and, when docs have dates,
// samedate_bcubed_f (one story per publication date: strong on BASIL,
// whose events are weeks apart).
func RunCluster(ctx context.Context, opts ClusterOptions) (*Report, error) {
	docs, layout, err := cluLoad(opts.Data)
	if err != nil {
		return nil, err
	}
	order := opts.Order
	if order == "" {
		order = "date"
		if layout == "multinews" {
			order = "shuffle"
		}
	}
	rep := &Report{Stage: "cluster", Data: opts.Data}
	switch order {
	case "date":
		if layout == "multinews" {
			rep.Notes = append(rep.Notes, "Multi-News has no dates: date order is file order (stories contiguous)")
		}
		slices.SortStableFunc(docs, func(a, b ClusterDoc) int {
			switch {
			case a.Date == b.Date:
				return 0
			case a.Date == "":
				return 1
			case b.Date == "":
				return -1
			}
			return strings.Compare(a.Date, b.Date)
		})
	case "shuffle":
		r := rand.New(rand.NewPCG(uint64(opts.Seed), 0x9e3779b97f4a7c15))
		r.Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
	default:
		return nil, fmt.Errorf("eval: cluster: unknown order %q (want date or shuffle)", opts.Order)
	}
	gold := make([]string, len(docs))
	blind := make([]ClusterDoc, len(docs))
	for i, d := range docs {
		gold[i] = d.Gold
		d.Gold = ""
		blind[i] = d
	}
	rep.Notes = append(rep.Notes, fmt.Sprintf("layout %s, order %s, seed %d", layout, order, opts.Seed))
	rep.Header = []string{"system", "B3-P", "B3-R", "B3-F", "pair-P", "pair-R", "pair-F", "stories", "articles/s"}

	if opts.Cluster == nil {
		opts.Cluster = EngineCluster
	}
	var bar *progress.Bar
	if opts.Progress != nil {
		bar = progress.New(opts.Progress, "cluster", len(docs))
	}
	t0 := time.Now()
	pred, err := opts.Cluster(ctx, blind)
	el := time.Since(t0)
	if err == nil {
		bar.Add(len(docs))
	}
	bar.Done()
	if err != nil {
		return nil, fmt.Errorf("eval: cluster: system: %w", err)
	}
	if len(pred) != len(docs) {
		return nil, fmt.Errorf("eval: cluster: system returned %d labels for %d docs", len(pred), len(docs))
	}
	// Docs the system left unlabelled (it judged them not articles:
	// crawl notices, login walls) are scored as stories of their own
	// in the headline figures; the *_kept figures score only the docs
	// it labelled, against their gold stories, so that both what the
	// system does with articles and what rejecting pages costs show.
	var keptGold, keptPred []string
	for i, p := range pred {
		if p != "" {
			keptGold = append(keptGold, gold[i])
			keptPred = append(keptPred, p)
		}
	}
	pred = cluFillEmpty(pred)
	rate := 0.0
	if el > 0 {
		rate = float64(len(docs)) / el.Seconds()
	}
	bp, br, bf := BCubed(gold, pred)
	pp, pr, pf := Pairwise(gold, pred)
	rep.Add("bcubed_p", sumRound(bp))
	rep.Add("bcubed_r", sumRound(br))
	rep.Add("bcubed_f", sumRound(bf))
	rep.Add("pairwise_p", sumRound(pp))
	rep.Add("pairwise_r", sumRound(pr))
	rep.Add("pairwise_f", sumRound(pf))
	rep.Add("articles_per_s", sumRound(rate))
	rep.Add("pred_stories", float64(cluCount(pred)))
	rep.Rows = append(rep.Rows, cluRow("system", gold, pred, strconv.FormatFloat(rate, 'f', 1, 64)))
	if len(keptPred) < len(pred) {
		kp, kr, kf := BCubed(keptGold, keptPred)
		_, _, kpf := Pairwise(keptGold, keptPred)
		rep.Add("unlabelled", float64(len(pred)-len(keptPred)))
		rep.Add("bcubed_p_kept", sumRound(kp))
		rep.Add("bcubed_r_kept", sumRound(kr))
		rep.Add("bcubed_f_kept", sumRound(kf))
		rep.Add("pairwise_f_kept", sumRound(kpf))
		rep.Rows = append(rep.Rows, cluRow("system, labelled docs only", keptGold, keptPred, "-"))
		rep.Notes = append(rep.Notes, fmt.Sprintf("the system left %d of %d docs unlabelled (not articles); they count as singletons above, and are left out of the *_kept figures", len(pred)-len(keptPred), len(pred)))
	}
	single := make([]string, len(docs))
	one := make([]string, len(docs))
	for i := range docs {
		single[i] = strconv.Itoa(i)
		one[i] = "all"
	}
	_, _, sf := BCubed(gold, single)
	_, _, of := BCubed(gold, one)
	rep.Rows = append(rep.Rows,
		cluRow("every doc alone", gold, single, "-"),
		cluRow("one story", gold, one, "-"))
	rep.Add("singletons_bcubed_f", sumRound(sf))
	rep.Add("onestory_bcubed_f", sumRound(of))
	if date, ok := cluSameDate(docs); ok {
		_, _, df := BCubed(gold, date)
		rep.Rows = append(rep.Rows, cluRow("same date", gold, date, "-"))
		rep.Add("samedate_bcubed_f", sumRound(df))
	}
	rep.Add("docs", float64(len(docs)))
	rep.Add("gold_stories", float64(cluCount(gold)))
	return rep, nil
}

// cluSameDate is the same-publication-date baseline (one story per date);
// ok is false when no doc has a date.
func cluSameDate(docs []ClusterDoc) ([]string, bool) {
	out := make([]string, len(docs))
	any := false
	for i, d := range docs {
		out[i] = d.Date
		any = any || d.Date != ""
	}
	return cluFillEmpty(out), any
}

func cluRow(name string, gold, pred []string, rate string) []string {
	bp, br, bf := BCubed(gold, pred)
	pp, pr, pf := Pairwise(gold, pred)
	return []string{name, Pct(bp), Pct(br), Pct(bf), Pct(pp), Pct(pr), Pct(pf), strconv.Itoa(cluCount(pred)), rate}
}

// cluFillEmpty gives every empty label a label of its own.
func cluFillEmpty(pred []string) []string {
	out := make([]string, len(pred))
	for i, p := range pred {
		if p == "" {
			p = "\x00single" + strconv.Itoa(i)
		}
		out[i] = p
	}
	return out
}

func cluCount(labels []string) int {
	seen := make(map[string]struct{}, len(labels))
	for _, l := range labels {
		seen[l] = struct{}{}
	}
	return len(seen)
}

// cluContingency counts items per (gold, pred) cell, per gold label and per
// predicted label, over the first min(len(gold), len(pred)) items.
func cluContingency(gold, pred []string) (cells map[[2]string]int, g, p map[string]int, n int) {
	n = min(len(gold), len(pred))
	cells = make(map[[2]string]int)
	g = make(map[string]int)
	p = make(map[string]int)
	for i := range n {
		cells[[2]string{gold[i], pred[i]}]++
		g[gold[i]]++
		p[pred[i]]++
	}
	return cells, g, p, n
}

// BCubed returns the B-cubed precision, recall and F1 of a clustering
// (Bagga & Baldwin 1998): for each item, precision is the share of its
// predicted cluster that shares its gold label and recall the share of its
// gold cluster that shares its predicted label, averaged over items; F1 is
// their harmonic mean. Items are matched by index (gold and pred should have
// equal length; extra entries are ignored). No items gives zeros.
func BCubed(gold, pred []string) (p, r, f float64) {
	cells, g, pr, n := cluContingency(gold, pred)
	if n == 0 {
		return 0, 0, 0
	}
	for k, c := range cells {
		cf := float64(c)
		p += cf * cf / float64(pr[k[1]])
		r += cf * cf / float64(g[k[0]])
	}
	p /= float64(n)
	r /= float64(n)
	return p, r, F1(p, r)
}

// Pairwise returns the pairwise precision, recall and F1 of a clustering:
// over all unordered item pairs, precision is the share of pairs put
// together that belong together and recall the share of pairs that belong
// together that were put together. With no predicted pair precision is 1;
// with no gold pair recall is 1 (nothing could be missed). Items are matched
// by index as in BCubed.
func Pairwise(gold, pred []string) (p, r, f float64) {
	cells, g, pr, n := cluContingency(gold, pred)
	if n == 0 {
		return 0, 0, 0
	}
	pairs := func(c int) float64 { return float64(c) * float64(c-1) / 2 }
	var tp, goldPairs, predPairs float64
	for _, c := range cells {
		tp += pairs(c)
	}
	for _, c := range g {
		goldPairs += pairs(c)
	}
	for _, c := range pr {
		predPairs += pairs(c)
	}
	p, r = 1, 1
	if predPairs > 0 {
		p = tp / predPairs
	}
	if goldPairs > 0 {
		r = tp / goldPairs
	}
	return p, r, F1(p, r)
}

// cluLoad reads the articles and names the layout ("basil" or "multinews").
func cluLoad(path string) ([]ClusterDoc, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", fmt.Errorf("eval: cluster: %w", err)
	}
	defer f.Close()
	return cluRead(f, path)
}

// cluRead reads BASIL or Multi-News JSONL; name labels errors.
func cluRead(r io.Reader, path string) ([]ClusterDoc, string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	var docs []ClusterDoc
	layout := ""
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(b, &fields); err != nil {
			return nil, "", fmt.Errorf("%w: %s line %d: %v", ErrClusterData, path, line, err)
		}
		if layout == "" {
			switch {
			case fields["gold_event"] != nil && fields["paragraphs"] != nil:
				layout = "basil"
			case fields["articles"] != nil:
				layout = "multinews"
			default:
				return nil, "", fmt.Errorf("%w: %s line %d: neither BASIL (gold_event, paragraphs) nor Multi-News (articles)", ErrClusterData, path, line)
			}
		}
		var add []ClusterDoc
		var err error
		if layout == "basil" {
			d, err := cluBASIL(b)
			if err != nil {
				return nil, "", fmt.Errorf("%w: %s line %d: %v", ErrClusterData, path, line, err)
			}
			add = []ClusterDoc{d}
		} else {
			add, err = cluMultiNews(b, line)
			if err != nil {
				return nil, "", fmt.Errorf("%w: %s line %d: %v", ErrClusterData, path, line, err)
			}
		}
		docs = append(docs, add...)
	}
	if err := sc.Err(); err != nil {
		return nil, "", fmt.Errorf("eval: cluster: read %s: %w", path, err)
	}
	if len(docs) == 0 {
		return nil, "", fmt.Errorf("%w: %s holds no article", ErrClusterData, path)
	}
	return docs, layout, nil
}

// cluBASIL reads one BASIL article. Its paragraphs are lists of sentences;
// a first paragraph that repeats the title is left out of Text.
func cluBASIL(b []byte) (ClusterDoc, error) {
	var raw struct {
		ArticleID  string     `json:"article_id"`
		GoldEvent  string     `json:"gold_event"`
		Source     string     `json:"source"`
		Date       string     `json:"date"`
		Title      string     `json:"title"`
		Paragraphs [][]string `json:"paragraphs"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return ClusterDoc{}, err
	}
	if raw.GoldEvent == "" {
		return ClusterDoc{}, errors.New("empty gold_event")
	}
	var paras []string
	for i, p := range raw.Paragraphs {
		s := strings.TrimSpace(strings.Join(p, " "))
		if s == "" || (i == 0 && s == strings.TrimSpace(raw.Title)) {
			continue
		}
		paras = append(paras, s)
	}
	return ClusterDoc{
		ID: raw.ArticleID, Title: raw.Title, Text: strings.Join(paras, "\n\n"),
		Date: raw.Date, Outlet: raw.Source, Gold: raw.GoldEvent,
	}, nil
}

// cluMultiNews flattens one Multi-News story into docs labelled with the
// story id; paragraphs (" \n \n " in the data) are rejoined with blank lines.
func cluMultiNews(b []byte, line int) ([]ClusterDoc, error) {
	var raw struct {
		ID       string `json:"id"`
		Articles []struct {
			Text string `json:"text"`
		} `json:"articles"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, err
	}
	if raw.ID == "" {
		raw.ID = "line" + strconv.Itoa(line)
	}
	var out []ClusterDoc
	for i, a := range raw.Articles {
		out = append(out, ClusterDoc{
			ID:   raw.ID + "/" + strconv.Itoa(i),
			Text: strings.Join(sumParagraphs(a.Text), "\n\n"),
			Gold: raw.ID,
		})
	}
	return out, nil
}
