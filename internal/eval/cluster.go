package eval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
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
	// Order is the order docs are handed over: "date" (stable by date),
	// "redate" (every event moved into one three-week span, see
	// cluRedate, then by date) or "shuffle" (deterministic from Seed).
	// Empty runs every order the layout allows: date and redate for BASIL,
	// shuffle for Multi-News, which has no dates.
	Order string
	// Seed seeds the first shuffle; the others use Seed+1, Seed+2, ...
	Seed int64
	// Shuffles is the number of shuffled orders scored, whose mean and
	// worst are reported (default 5).
	Shuffles int
	// Splits is a JSON file whose "events" map each gold label to its
	// "split" (tune or check), as ../shared/gold/discrepancies-dev.json
	// does for BASIL. Empty: for BASIL that file when it lies beside the
	// data (../../gold from the data's folder); for Multi-News stories
	// alternate, the first in the file being tune.
	Splits string
	// Progress, when non-nil, receives a progress bar.
	Progress io.Writer
}

// cluSpan is the span the "redate" order moves every event into: with
// BASIL's 50 dev events in three weeks, separate events about the same
// people in the same weeks are the rule, not the exception.
const cluSpan = 21

// cluSpanStart is the first day of that span (any date would do).
var cluSpanStart = time.Date(2013, 1, 7, 0, 0, 0, 0, time.UTC)

// cluHalves are the parts of the data every figure is reported on.
var cluHalves = []string{"all", "tune", "check"}

// RunCluster hands the articles to the clustering system, once per order,
// and scores its story labels against the gold labels with B-cubed and
// pairwise precision/recall/F1 (fractions in [0, 1]), on all docs and on
// the docs of each half (tune, check) of the gold stories. A half's
// figures are computed over its docs with the predicted stories of the
// whole run, so a doc put with a doc of the other half still costs
// precision.
//
// Metrics, for the first order (date for BASIL; for Multi-News the mean
// over the shuffles): bcubed_p bcubed_r bcubed_f pairwise_p pairwise_r
// pairwise_f, each also _tune and _check; for further orders the same
// prefixed with the order ("redate_bcubed_f_check"); with several
// shuffles also _worst ("bcubed_f_check_worst"); articles_per_s docs
// gold_stories pred_stories; when the system leaves docs unlabelled,
// unlabelled and bcubed_*_kept figures over the labelled docs; and for
// reference the trivial baselines singletons_bcubed_f (every doc alone),
// onestory_bcubed_f (all docs together) and, when docs have dates,
// samedate_bcubed_f (one story per publication date: strong on BASIL in
// date order, whose events are weeks apart).
func RunCluster(ctx context.Context, opts ClusterOptions) (*Report, error) {
	docs, layout, err := cluLoad(opts.Data)
	if err != nil {
		return nil, err
	}
	var orders []string
	switch opts.Order {
	case "":
		orders = []string{"date", "redate"}
		if layout == "multinews" {
			orders = []string{"shuffle"}
		}
	case "date", "redate", "shuffle":
		orders = []string{opts.Order}
	default:
		return nil, fmt.Errorf("eval: cluster: unknown order %q (want date, redate or shuffle)", opts.Order)
	}
	split, splitNote, err := cluSplits(opts, docs, layout)
	if err != nil {
		return nil, err
	}
	if opts.Cluster == nil {
		opts.Cluster = EngineCluster
	}
	shuffles := max(opts.Shuffles, 1)
	if opts.Shuffles <= 0 {
		shuffles = 5
	}
	runs := 0
	for _, o := range orders {
		if o == "shuffle" {
			runs += shuffles
		} else {
			runs++
		}
	}
	rep := &Report{Stage: "cluster", Data: opts.Data}
	rep.Header = []string{"order", "half", "docs", "B3-P", "B3-R", "B3-F", "pair-P", "pair-R", "pair-F", "B3-F kept", "stories", "articles/s"}
	rep.Notes = append(rep.Notes, "layout "+layout+"; "+splitNote)
	var bar *progress.Bar
	if opts.Progress != nil {
		bar = progress.New(opts.Progress, "cluster", runs*len(docs))
	}
	defer bar.Done()
	var first []ClusterDoc // the first order's docs, for the baselines
	var firstPred []string
	for oi, order := range orders {
		n := 1
		if order == "shuffle" {
			n = shuffles
		}
		var scores []cluScores
		var rate float64
		for i := range n {
			seed := opts.Seed + int64(i)
			ordered, err := cluOrder(docs, order, seed)
			if err != nil {
				return nil, err
			}
			pred, el, err := cluRun(ctx, opts.Cluster, ordered)
			if err != nil {
				return nil, err
			}
			bar.Add(len(docs))
			if el > 0 {
				rate += float64(len(docs)) / el.Seconds() / float64(n)
			}
			scores = append(scores, cluScore(ordered, pred, split))
			if oi == 0 && i == 0 {
				first, firstPred = ordered, pred
			}
		}
		prefix := ""
		if oi > 0 {
			prefix = order + "_"
		}
		label := order
		if n > 1 {
			label = fmt.Sprintf("%s ×%d (seeds %d-%d)", order, n, opts.Seed, opts.Seed+int64(n)-1)
			rep.Notes = append(rep.Notes, label+": rows give the mean over the orders, and the worst B3-F")
		}
		cluReport(rep, prefix, label, scores, rate)
	}
	gold := make([]string, len(first))
	single := make([]string, len(first))
	one := make([]string, len(first))
	for i, d := range first {
		gold[i] = d.Gold
		single[i] = strconv.Itoa(i)
		one[i] = "all"
	}
	if u := cluUnlabelled(firstPred); u > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("the system left %d of %d docs unlabelled (not articles); they count as stories of their own, and are left out of the kept figures", u, len(first)))
	}
	_, _, sf := BCubed(gold, single)
	_, _, of := BCubed(gold, one)
	rep.Rows = append(rep.Rows,
		cluRow("every doc alone", gold, single),
		cluRow("one story", gold, one))
	rep.Add("singletons_bcubed_f", sumRound(sf))
	rep.Add("onestory_bcubed_f", sumRound(of))
	if date, ok := cluSameDate(first); ok {
		_, _, df := BCubed(gold, date)
		rep.Rows = append(rep.Rows, cluRow("same date ("+orders[0]+")", gold, date))
		rep.Add("samedate_bcubed_f", sumRound(df))
	}
	rep.Add("docs", float64(len(docs)))
	rep.Add("gold_stories", float64(cluCount(gold)))
	return rep, nil
}

// cluOrder returns the docs in the order they are handed over.
func cluOrder(in []ClusterDoc, order string, seed int64) ([]ClusterDoc, error) {
	docs := slices.Clone(in)
	switch order {
	case "date":
		cluByDate(docs)
	case "redate":
		cluRedate(docs)
		cluByDate(docs)
	case "shuffle":
		r := rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))
		r.Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
	default:
		return nil, fmt.Errorf("eval: cluster: unknown order %q", order)
	}
	return docs, nil
}

// cluByDate sorts docs by date, stably; undated docs go last.
func cluByDate(docs []ClusterDoc) {
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
}

// cluRedate moves every gold event into the cluSpan days from
// cluSpanStart: the event starts on a day chosen by a hash (FNV-1a) of its
// label, and its articles keep their days relative to its first article.
// Undated docs stay undated.
func cluRedate(docs []ClusterDoc) {
	firstDay := map[string]time.Time{}
	lastDay := map[string]time.Time{}
	day := func(s string) (time.Time, bool) {
		if len(s) < 10 {
			return time.Time{}, false
		}
		t, err := time.Parse("2006-01-02", s[:10])
		return t, err == nil
	}
	for _, d := range docs {
		t, ok := day(d.Date)
		if !ok {
			continue
		}
		if f, seen := firstDay[d.Gold]; !seen || t.Before(f) {
			firstDay[d.Gold] = t
		}
		if t.After(lastDay[d.Gold]) {
			lastDay[d.Gold] = t
		}
	}
	for i, d := range docs {
		t, ok := day(d.Date)
		if !ok {
			continue
		}
		first := firstDay[d.Gold]
		length := int(lastDay[d.Gold].Sub(first).Hours() / 24)
		h := fnv.New32a()
		h.Write([]byte(d.Gold))
		start := cluSpanStart.AddDate(0, 0, int(h.Sum32()%uint32(max(cluSpan-length, 1))))
		docs[i].Date = start.Add(t.Sub(first)).Format("2006-01-02")
	}
}

// cluRun hands docs, without their gold labels, to the system.
func cluRun(ctx context.Context, system func(context.Context, []ClusterDoc) ([]string, error), docs []ClusterDoc) ([]string, time.Duration, error) {
	blind := make([]ClusterDoc, len(docs))
	for i, d := range docs {
		d.Gold = ""
		blind[i] = d
	}
	t0 := time.Now()
	pred, err := system(ctx, blind)
	el := time.Since(t0)
	if err != nil {
		return nil, 0, fmt.Errorf("eval: cluster: system: %w", err)
	}
	if len(pred) != len(docs) {
		return nil, 0, fmt.Errorf("eval: cluster: system returned %d labels for %d docs", len(pred), len(docs))
	}
	return pred, el, nil
}

// cluSplits maps each gold label to its half (tune or check) and says
// where the split came from.
func cluSplits(opts ClusterOptions, docs []ClusterDoc, layout string) (map[string]string, string, error) {
	path := opts.Splits
	if path == "" && layout == "basil" {
		p := filepath.Join(filepath.Dir(opts.Data), "..", "..", "gold", "discrepancies-dev.json")
		if _, err := os.Stat(p); err == nil {
			path = p
		}
	}
	out := map[string]string{}
	if path == "" {
		// Alternate stories in file order (docs are still in file order).
		k := 0
		for _, d := range docs {
			if _, ok := out[d.Gold]; !ok {
				out[d.Gold] = [2]string{"tune", "check"}[k%2]
				k++
			}
		}
		return out, "halves: stories alternate in file order, the first being tune", nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, "", fmt.Errorf("eval: cluster: splits: %w", err)
	}
	var f struct {
		Events map[string]struct {
			Split string `json:"split"`
		} `json:"events"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, "", fmt.Errorf("%w: splits %s: %v", ErrClusterData, path, err)
	}
	missing := 0
	for _, d := range docs {
		s := f.Events[d.Gold].Split
		if s != "tune" && s != "check" {
			missing++
			continue
		}
		out[d.Gold] = s
	}
	note := "halves: the split field of " + path
	if missing > 0 {
		note += fmt.Sprintf(" (%d docs of stories it does not split are in all only)", missing)
	}
	return out, note, nil
}

// cluScores are the figures of one run: per half, B-cubed and pairwise
// P/R/F over all docs and B-cubed F over the labelled ones.
type cluScores map[string]cluScore1

type cluScore1 struct {
	docs                   int
	bp, br, bf, pp, pr, pf float64
	kept                   int
	kf                     float64
	stories                int
}

// cluScore scores pred against the docs' gold labels on all docs and on
// each half. Within a half, each doc's predicted story counts every doc of
// the run (a merge with the other half costs precision) but only the
// half's docs are averaged over.
func cluScore(docs []ClusterDoc, pred []string, split map[string]string) cluScores {
	gold := make([]string, len(docs))
	for i, d := range docs {
		gold[i] = d.Gold
	}
	filled := cluFillEmpty(pred)
	out := cluScores{}
	for _, half := range cluHalves {
		in := make([]bool, len(docs))
		var keep []bool
		for i, d := range docs {
			in[i] = half == "all" || split[d.Gold] == half
			keep = append(keep, in[i] && pred[i] != "")
		}
		var s cluScore1
		s.bp, s.br, s.bf, s.docs = bcubedOver(gold, filled, in)
		s.pp, s.pr, s.pf = pairwiseOver(gold, filled, in)
		// Kept: the labelled docs alone, as if the rejected were never sent.
		var kg, kp []string
		for i := range docs {
			if pred[i] != "" {
				kg, kp = append(kg, gold[i]), append(kp, pred[i])
			}
		}
		var keepIn []bool
		for i := range docs {
			if pred[i] != "" {
				keepIn = append(keepIn, keep[i])
			}
		}
		_, _, s.kf, s.kept = bcubedOver(kg, kp, keepIn)
		seen := map[string]bool{}
		for i := range docs {
			if in[i] {
				seen[filled[i]] = true
			}
		}
		s.stories = len(seen)
		out[half] = s
	}
	return out
}

// cluReport adds the rows and metrics of one order's runs.
func cluReport(rep *Report, prefix, label string, runs []cluScores, rate float64) {
	for _, half := range cluHalves {
		var m cluScore1
		worst, worstKept := 2.0, 2.0
		for _, r := range runs {
			s := r[half]
			m.docs, m.kept = s.docs, s.kept
			n := float64(len(runs))
			m.bp += s.bp / n
			m.br += s.br / n
			m.bf += s.bf / n
			m.pp += s.pp / n
			m.pr += s.pr / n
			m.pf += s.pf / n
			m.kf += s.kf / n
			m.stories += s.stories
			worst = min(worst, s.bf)
			worstKept = min(worstKept, s.kf)
		}
		m.stories /= len(runs)
		suffix := ""
		if half != "all" {
			suffix = "_" + half
		}
		r := "-"
		if half == "all" {
			r = strconv.FormatFloat(rate, 'f', 1, 64)
		}
		rep.Rows = append(rep.Rows, []string{label, half, strconv.Itoa(m.docs), Pct(m.bp), Pct(m.br), Pct(m.bf), Pct(m.pp), Pct(m.pr), Pct(m.pf), Pct(m.kf), strconv.Itoa(m.stories), r})
		if len(runs) > 1 {
			rep.Rows = append(rep.Rows, []string{label + " worst", half, "", "", "", Pct(worst), "", "", "", Pct(worstKept), "", ""})
		}
		rep.Add(prefix+"bcubed_p"+suffix, sumRound(m.bp))
		rep.Add(prefix+"bcubed_r"+suffix, sumRound(m.br))
		rep.Add(prefix+"bcubed_f"+suffix, sumRound(m.bf))
		rep.Add(prefix+"pairwise_p"+suffix, sumRound(m.pp))
		rep.Add(prefix+"pairwise_r"+suffix, sumRound(m.pr))
		rep.Add(prefix+"pairwise_f"+suffix, sumRound(m.pf))
		if len(runs) > 1 {
			rep.Add(prefix+"bcubed_f"+suffix+"_worst", sumRound(worst))
		}
		if m.kept < m.docs {
			rep.Add(prefix+"bcubed_f_kept"+suffix, sumRound(m.kf))
			if len(runs) > 1 {
				rep.Add(prefix+"bcubed_f_kept"+suffix+"_worst", sumRound(worstKept))
			}
		}
		if half == "all" {
			if m.kept < m.docs {
				rep.Add(prefix+"unlabelled", float64(m.docs-m.kept))
			}
			rep.Add(prefix+"pred_stories", float64(m.stories))
			rep.Add(prefix+"articles_per_s", sumRound(rate))
		}
	}
}

// cluUnlabelled counts the docs the system left unlabelled.
func cluUnlabelled(pred []string) int {
	n := 0
	for _, p := range pred {
		if p == "" {
			n++
		}
	}
	return n
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

func cluRow(name string, gold, pred []string) []string {
	bp, br, bf := BCubed(gold, pred)
	pp, pr, pf := Pairwise(gold, pred)
	return []string{name, "all", strconv.Itoa(len(gold)), Pct(bp), Pct(br), Pct(bf), Pct(pp), Pct(pr), Pct(pf), "-", strconv.Itoa(cluCount(pred)), "-"}
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
	return pairScores(tp, goldPairs, predPairs)
}

// pairScores turns pair counts into precision, recall and F1: tp pairs
// together in both clusterings, goldPairs together in gold, predPairs
// together in pred. With no pair on a side its score is 1 (nothing there
// could be wrong or missed).
func pairScores(tp, goldPairs, predPairs float64) (p, r, f float64) {
	p, r = 1, 1
	if predPairs > 0 {
		p = tp / predPairs
	}
	if goldPairs > 0 {
		r = tp / goldPairs
	}
	return p, r, F1(p, r)
}

// bcubedOver is BCubed averaged over the items in (all items may belong
// to the predicted and gold clusters; only those in are averaged); n is
// how many are in. in must have the length of gold and pred.
func bcubedOver(gold, pred []string, in []bool) (p, r, f float64, n int) {
	cells, g, pr, _ := cluContingency(gold, pred)
	for i := range in {
		if !in[i] {
			continue
		}
		n++
		c := float64(cells[[2]string{gold[i], pred[i]}])
		p += c / float64(pr[pred[i]])
		r += c / float64(g[gold[i]])
	}
	if n == 0 {
		return 0, 0, 0, 0
	}
	p /= float64(n)
	r /= float64(n)
	return p, r, F1(p, r), n
}

// pairwiseOver is Pairwise over the pairs with at least one item in, so
// that putting an item with one outside still costs precision.
func pairwiseOver(gold, pred []string, in []bool) (p, r, f float64) {
	type count struct{ in, out float64 }
	cells := map[[2]string]*count{}
	g := map[string]*count{}
	pr := map[string]*count{}
	add := func(c *count, inside bool) {
		if inside {
			c.in++
		} else {
			c.out++
		}
	}
	get := func(m map[string]*count, k string) *count {
		if m[k] == nil {
			m[k] = &count{}
		}
		return m[k]
	}
	for i := range in {
		k := [2]string{gold[i], pred[i]}
		if cells[k] == nil {
			cells[k] = &count{}
		}
		add(cells[k], in[i])
		add(get(g, gold[i]), in[i])
		add(get(pr, pred[i]), in[i])
	}
	touching := func(c *count) float64 { return c.in*(c.in-1)/2 + c.in*c.out }
	var tp, goldPairs, predPairs float64
	for _, c := range cells {
		tp += touching(c)
	}
	for _, c := range g {
		goldPairs += touching(c)
	}
	for _, c := range pr {
		predPairs += touching(c)
	}
	return pairScores(tp, goldPairs, predPairs)
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
