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
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
)

// timexJudged is the judged set of temporal expressions: one item a line,
// tab-separated split, dataset, article id, a regular expression of a few
// words locating the expression's sentence, the expression text and the
// expected value (a news.Time value or "unresolved"). How the items were
// chosen and judged: docs/timex-judging.md.
//
//go:embed timex_judged.tsv
var timexJudged string

// timexFresh is the fresh judged set, in the same form with split
// "fresh": articles no item of timexJudged comes from, judged blind after
// the rules were last changed and measured once, then tuned on
// (docs/timex-judging.md, "Fresh set", "Rules after the fresh set").
//
//go:embed timex_fresh.tsv
var timexFresh string

// timexFresh2 is the second fresh set, split "fresh2": the dev articles
// with no item in timexJudged or timexFresh, judged blind after the rules
// the fresh set's reading led to (docs/timex-judging.md, "Fresh set 2").
//
//go:embed timex_fresh2.tsv
var timexFresh2 string

// timexFresh3 is the third fresh set, split "fresh3": expressions of the
// extraction benchmark's news pages (dataset "extraction"), which no timex
// rule was tuned on, judged blind (docs/timex-judging.md, "Fresh set 3").
//
//go:embed timex_fresh3.tsv
var timexFresh3 string

// timexFresh3Pages lists the extraction pages fresh3 reads, one a line:
// id, the publication date judged from the page, where it was read.
//
//go:embed timex_fresh3_pages.tsv
var timexFresh3Pages string

// timexFresh4 is the fourth fresh set, split "fresh4": expressions of the
// Multi-News dev articles that state their own publication date (dataset
// "multinews"), which no timex rule was tuned on, judged blind, in halves
// "fresh4-tune" and "fresh4-check" fixed before any run
// (docs/timex-judging.md, "Fresh set 4").
//
//go:embed timex_fresh4.tsv
var timexFresh4 string

// timexFresh4Articles lists the Multi-News articles fresh4 reads, one a
// line: story id, the article's index in its story, the publication date
// read in its text, where it was read.
//
//go:embed timex_fresh4_articles.tsv
var timexFresh4Articles string

// timexFresh5 is the fifth fresh set, split "fresh5": every expression in
// scope of the articles of timexJudged's check half (datasets "basil" and
// "polnear") that no item of timexJudged, timexFresh or timexFresh2
// holds, the judged set having sampled its items; judged blind, in halves
// "fresh5-tune" and "fresh5-check" fixed before any run
// (docs/timex-judging.md, "Fresh set 5").
//
//go:embed timex_fresh5.tsv
var timexFresh5 string

// timexFresh6 is the sixth fresh set, split "fresh6": every expression in
// scope of the articles of timexJudged's tune half (datasets "basil" and
// "polnear") that no item of timexJudged, timexFresh, timexFresh2 or
// timexFresh5 holds, as timexFresh5 is for the check half; judged blind,
// in halves "fresh6-tune" and "fresh6-check" fixed before any run
// (docs/timex-judging.md, "Fresh set 6").
//
//go:embed timex_fresh6.tsv
var timexFresh6 string

// TimexOptions configures RunTimex.
type TimexOptions struct {
	// Data is the shared folder holding data/clustering/basil-dev.jsonl,
	// data/quotes/polnear-dev.jsonl, data/extraction/ground-truth.json and
	// data/mds/multinews-dev.jsonl.
	Data string
	// Split selects the items scored: one of TimexSplits, "all" (also
	// the zero value) for every split. A halved set's name ("fresh4")
	// scores both its halves and their total. Only a single split's
	// report lists its misses, so working on tune never shows a check or
	// fresh item, nor a set's run its untouched half's.
	Split string
	// Log, when set, receives one line per item not placed right.
	Log io.Writer
}

// TimexItem is one judged expression.
type TimexItem struct {
	Split, Dataset, Article string
	Sentence                *regexp.Regexp
	Expr, Want              string // Want "" means unresolved
}

// TimexUnresolved is how the judged set writes an expression that cannot
// be placed (news.Time.Value "").
const TimexUnresolved = "unresolved"

// timexValue is a news.Time value as the judged sets write one: a day, a
// month, a year, a decade, or a range of two of them.
var timexValue = regexp.MustCompile(`^(\d{4}(-\d{2}(-\d{2})?)?|\d{3})(/(\d{4}(-\d{2}(-\d{2})?)?|\d{3}))?$`)

// timexSplitOrder is the judged splits, in report order.
var timexSplitOrder = []string{"tune", "check", "fresh", "fresh2", "fresh3-tune", "fresh3-check", "fresh4-tune", "fresh4-check", "fresh5-tune", "fresh5-check", "fresh6-tune", "fresh6-check"}

// TimexSplits are the values TimexOptions.Split accepts: the judged
// splits in report order, the names of the sets judged in halves (the
// splits "S-tune" and "S-check" give "S", scoring both), then "all" for
// every split.
var TimexSplits = timexAccepted()

// timexAccepted builds TimexSplits from timexSplitOrder.
func timexAccepted() []string {
	out := slices.Clone(timexSplitOrder)
	out = append(out, timexHalved()...)
	return append(out, timexAll)
}

// timexHalved returns the names of the sets judged in halves: "S" for
// each split "S-tune" whose "S-check" is judged too.
func timexHalved() []string {
	var out []string
	for _, sp := range timexSplitOrder {
		if set, ok := strings.CutSuffix(sp, "-tune"); ok && slices.Contains(timexSplitOrder, set+"-check") {
			out = append(out, set)
		}
	}
	return out
}

// timexAll is the TimexOptions.Split that scores every split.
const timexAll = "all"

// ErrTimexSplit reports a TimexOptions.Split that is not one of TimexSplits.
var ErrTimexSplit = errors.New("eval: timex: unknown split")

// ErrTimexGold reports a malformed judged set or an item it cannot locate.
var ErrTimexGold = errors.New("eval: timex: bad judged item")

// TimexItems parses the embedded judged sets: the tune and check items of
// timex_judged.tsv, then the fresh items of timex_fresh.tsv, the fresh2
// items of timex_fresh2.tsv, the fresh3 items of timex_fresh3.tsv, the
// fresh4 items of timex_fresh4.tsv, the fresh5 items of
// timex_fresh5.tsv and the fresh6 items of timex_fresh6.tsv.
func TimexItems() ([]TimexItem, error) {
	var out []TimexItem
	for _, f := range []struct {
		name, text string
		splits     []string
	}{
		{"timex_judged.tsv", timexJudged, []string{"tune", "check"}},
		{"timex_fresh.tsv", timexFresh, []string{"fresh"}},
		{"timex_fresh2.tsv", timexFresh2, []string{"fresh2"}},
		{"timex_fresh3.tsv", timexFresh3, []string{"fresh3-tune", "fresh3-check"}},
		{"timex_fresh4.tsv", timexFresh4, []string{"fresh4-tune", "fresh4-check"}},
		{"timex_fresh5.tsv", timexFresh5, []string{"fresh5-tune", "fresh5-check"}},
		{"timex_fresh6.tsv", timexFresh6, []string{"fresh6-tune", "fresh6-check"}},
	} {
		items, err := timexParse(f.name, f.text, f.splits...)
		if err != nil {
			return nil, err
		}
		out = append(out, items...)
	}
	return out, nil
}

// timexParse parses one judged file whose items may only carry the given
// splits.
func timexParse(name, text string, splits ...string) ([]TimexItem, error) {
	var out []TimexItem
	err := timexRows(name, text, 6, func(line int, f []string) error {
		rx, err := regexp.Compile(f[3])
		if err != nil {
			return fmt.Errorf("%w: %s line %d: %v", ErrTimexGold, name, line, err)
		}
		if !slices.Contains(splits, f[0]) {
			return fmt.Errorf("%w: %s line %d: split %q", ErrTimexGold, name, line, f[0])
		}
		want := f[5]
		if want == TimexUnresolved {
			want = ""
		}
		out = append(out, TimexItem{Split: f[0], Dataset: f[1], Article: f[2], Sentence: rx, Expr: f[4], Want: want})
		return nil
	})
	return out, err
}

// timexRows calls row with the 1-based line number and the tab-separated
// fields of each line of a judged file that is neither blank nor a "#"
// comment, failing with ErrTimexGold on a line without n fields.
func timexRows(name, text string, n int, row func(line int, f []string) error) error {
	for i, line := range strings.Split(text, "\n") {
		if line = strings.TrimRight(line, "\r"); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != n {
			return fmt.Errorf("%w: %s line %d: %d fields, want %d", ErrTimexGold, name, i+1, len(f), n)
		}
		if err := row(i+1, f); err != nil {
			return err
		}
	}
	return nil
}

// timexCounts are the four outcomes of one split.
type timexCounts struct {
	right, wrong, leftUnresolved, wronglyResolved, total int
	// rightSameExtent counts the right ones crosscheck delimited as the
	// judge did (the figure before extent was scored apart).
	rightSameExtent int
}

// add adds o's outcomes to c's.
func (c *timexCounts) add(o *timexCounts) {
	c.right += o.right
	c.rightSameExtent += o.rightSameExtent
	c.wrong += o.wrong
	c.leftUnresolved += o.leftUnresolved
	c.wronglyResolved += o.wronglyResolved
	c.total += o.total
}

// score adds one item's outcome to c: got is crosscheck's value for the
// judged expression ("" for none), want the judged one ("" for
// unresolved), same whether crosscheck delimited it as judged. It returns
// "" for an item placed right, else the outcome's name.
func (c *timexCounts) score(got, want string, same bool) string {
	c.total++
	switch {
	case timexRight(got, want):
		c.right++
		if same {
			c.rightSameExtent++
		}
		return ""
	case want == "":
		c.wronglyResolved++
		return "wrongly resolved"
	case got == "":
		c.leftUnresolved++
		return "left unresolved"
	}
	c.wrong++
	return "placed wrong"
}

// timexHeader is the header of a report of timexCounts rows, the first
// column naming each row's items.
func timexHeader(first string) []string {
	return []string{first, "items", "placed right", "of them same extent", "placed wrong", "left unresolved", "wrongly resolved"}
}

// report adds c to r as a row named name (under timexHeader) and its
// metrics, keyed name_....
func (c *timexCounts) report(r *Report, name string) {
	r.Rows = append(r.Rows, []string{name, fmt.Sprint(c.total), fmt.Sprintf("%d (%s%%)", c.right, Pct(ratio(c.right, c.total))),
		fmt.Sprint(c.rightSameExtent), fmt.Sprint(c.wrong), fmt.Sprint(c.leftUnresolved), fmt.Sprint(c.wronglyResolved)})
	r.Add(name+"_items", float64(c.total))
	r.Add(name+"_right", ratio(c.right, c.total))
	r.Add(name+"_right_same_extent", ratio(c.rightSameExtent, c.total))
	r.Add(name+"_wrong", float64(c.wrong))
	r.Add(name+"_left_unresolved", float64(c.leftUnresolved))
	r.Add(name+"_wrongly_resolved", float64(c.wronglyResolved))
}

// RunTimex scores the resolution of temporal expressions on the judged set:
// each judged article goes through pipeline.Analyze with its publication
// date given, as `crosscheck ingest` reads a JSONL line with a date, and
// the expression is looked up in the article's Times (the one with the
// judged text nearest the located words in the located sentence). An item
// is placed right when the value equals the judged one (for an item judged
// unresolved: when the value is empty), placed wrong when both are dates
// and differ, left unresolved when a judged date got no value (or the
// expression was not found), wrongly resolved when an item judged
// unresolved got a value. Figures per split: the rules were chosen on tune,
// and those after the fresh set on tune and fresh, which was judged blind
// and measured once before them; fresh2 was judged blind after those rules,
// measured, and the rules after it chosen on it too; fresh3 was judged blind
// on the extraction benchmark's news pages, whose ground-truth article body
// is analysed with the publication date judged from the page; fresh4 was
// judged blind on the Multi-News dev articles that state their own date,
// analysed with that date; fresh5 was judged blind on the expressions of
// the check half's articles that the judged set had not sampled, fresh6 on
// those of the tune half's articles that no set had judged
// (docs/timex-judging.md).
func RunTimex(ctx context.Context, o TimexOptions) (*Report, error) {
	splits, err := timexSplits(o.Split)
	if err != nil {
		return nil, err
	}
	set := ""
	if slices.Contains(timexHalved(), o.Split) {
		set = o.Split
	}
	items, err := TimexItems()
	if err != nil {
		return nil, err
	}
	need := map[string]bool{}
	for _, it := range items {
		if slices.Contains(splits, it.Split) {
			need[it.Dataset] = true
		}
	}
	raws, err := timexArticles(o.Data, need)
	if err != nil {
		return nil, err
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return nil, fmt.Errorf("eval: timex: %w", err)
	}
	arts := map[string]*news.Article{}
	counts := map[string]*timexCounts{}
	for _, sp := range splits {
		counts[sp] = &timexCounts{}
	}
	var misses []string
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		c := counts[it.Split]
		if c == nil {
			continue
		}
		key := it.Dataset + "/" + it.Article
		a := arts[key]
		if a == nil {
			raw, ok := raws[key]
			if !ok {
				return nil, fmt.Errorf("%w: %s not in the data", ErrTimexGold, key)
			}
			a, err = p.Analyze(raw)
			if err != nil {
				return nil, fmt.Errorf("eval: timex: %s: %w", key, err)
			}
			arts[key] = a
		}
		got, same, err := timexLocate(a, it)
		if err != nil {
			return nil, err
		}
		outcome := c.score(got, it.Want, same)
		if outcome == "" {
			continue
		}
		miss := fmt.Sprintf("%s\t%s\t%s\t%s\t%q\tgot %q\twant %q", it.Split, outcome, key, a.Published, it.Expr, orUnresolved(got), orUnresolved(it.Want))
		misses = append(misses, miss)
		if o.Log != nil {
			fmt.Fprintln(o.Log, miss)
		}
	}
	r := &Report{Stage: "timex", Data: o.Data, Header: timexHeader("split")}
	rows := splits
	if set != "" {
		sum := &timexCounts{}
		for _, sp := range splits {
			sum.add(counts[sp])
		}
		counts[set] = sum
		rows = append(slices.Clone(splits), set)
	}
	for _, sp := range rows {
		counts[sp].report(r, sp)
	}
	r.Notes = append(r.Notes, "judged sets: internal/eval/timex_judged.tsv (tune, check), timex_fresh.tsv (fresh, judged blind, measured once, then tuned on), timex_fresh2.tsv (fresh2, judged blind after those rules, measured, then tuned on), timex_fresh3.tsv (fresh3, judged blind on the extraction pages), timex_fresh4.tsv (fresh4, judged blind on the dated Multi-News articles), timex_fresh5.tsv (fresh5, judged blind: the check articles' expressions the judged set had not sampled) and timex_fresh6.tsv (fresh6, judged blind: the tune articles' expressions no set had judged); guidelines docs/timex-judging.md; an item is the time with the judged text, else the one overlapping it most, right when its value is the judged one or a time of day on the judged day (of them same extent: delimited as judged); rules chosen on tune, after the fresh set on tune and fresh, after fresh2 on fresh2 too")
	if len(splits) == 1 {
		for _, m := range misses {
			r.Notes = append(r.Notes, "miss: "+m)
		}
	}
	return r, nil
}

// timexSplits returns the splits RunTimex scores for a TimexOptions.Split.
func timexSplits(split string) ([]string, error) {
	switch {
	case split == "" || split == timexAll:
		return slices.Clone(timexSplitOrder), nil
	case slices.Contains(timexSplitOrder, split):
		return []string{split}, nil
	case slices.Contains(timexHalved(), split):
		return []string{split + "-tune", split + "-check"}, nil
	}
	return nil, fmt.Errorf("%w %q (want %s)", ErrTimexSplit, split, strings.Join(TimexSplits, ", "))
}

func orUnresolved(v string) string {
	if v == "" {
		return TimexUnresolved
	}
	return v
}

// timexLocate returns the value crosscheck gave the judged expression and
// whether crosscheck delimited it as the judge did (or found no time
// there). The sentence is the one
// the item's words match (exactly one must); the judged occurrence is the
// judged text in that sentence nearest those words. The time crosscheck
// found there is the one with exactly the occurrence's extent, else the
// one overlapping the occurrence most (when the judged text is not in the
// sentence as words, the time with that text nearest the words): a judge writes the day of "2:20
// p.m. Thursday" and the weekend of "over the weekend" (guidelines), and
// extent is scored apart from value, as TempEval's relaxed match does. A
// missing expression gives "".
func timexLocate(a *news.Article, it TimexItem) (value string, sameExtent bool, err error) {
	sent, at, err := timexSentence(a, it)
	if err != nil {
		return "", false, err
	}
	s := a.Sentences[sent]
	lo, hi, ok := timexOccurrence(a.Body(), s, it.Expr, at)
	if !ok {
		// The judged text is not in the sentence as whole words: the
		// time with that text nearest the words, if any.
		best, bestDist := -1, -1
		for i, t := range a.Times {
			if t.Start < s.Start || t.End > s.End || !strings.EqualFold(t.Text, it.Expr) {
				continue
			}
			if d := abs(t.Start - at); bestDist < 0 || d < bestDist {
				best, bestDist = i, d
			}
		}
		if best < 0 {
			return "", true, nil
		}
		return a.Times[best].Value, true, nil
	}
	value, sameExtent = timexAt(a, lo, hi)
	return value, sameExtent, nil
}

// timexAt returns the value crosscheck gave the judged expression at the
// body span [lo, hi): the value of the time with exactly that extent,
// else of the one overlapping it most ("" when none overlaps), and
// whether crosscheck delimited it as judged (a time with that extent, or
// no time there at all).
func timexAt(a *news.Article, lo, hi int) (value string, sameExtent bool) {
	most := 0
	for _, t := range a.Times {
		if t.Start == lo && t.End == hi {
			return t.Value, true
		}
		if o := min(t.End, hi) - max(t.Start, lo); o > most {
			value, most = t.Value, o
		}
	}
	// No time there at all is the judge's extent too: nothing to delimit.
	return value, most == 0
}

// timexOccurrence returns the body span of the occurrence of expr (case
// folded, whole words) in sentence s nearest the offset at.
func timexOccurrence(body string, s news.Span, expr string, at int) (lo, hi int, ok bool) {
	if expr == "" {
		return 0, 0, false
	}
	// \b only at an edge that is a word character, so that "Sept." or
	// "’90s" is still found.
	edge := func(r rune) string {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return `\b`
		}
		return ""
	}
	first, _ := utf8.DecodeRuneInString(expr)
	last, _ := utf8.DecodeLastRuneInString(expr)
	rx, err := regexp.Compile(`(?i)` + edge(first) + regexp.QuoteMeta(expr) + edge(last))
	if err != nil {
		return 0, 0, false
	}
	bestDist := -1
	for _, m := range rx.FindAllStringIndex(body[s.Start:s.End], -1) {
		if d := abs(s.Start + m[0] - at); bestDist < 0 || d < bestDist {
			lo, hi, bestDist = s.Start+m[0], s.Start+m[1], d
		}
	}
	return lo, hi, bestDist >= 0
}

// timexRight reports whether crosscheck's value got places the judged
// value want: the same value, or a time of day on the judged day (the
// judge leaves out a time of day beside a date, guidelines).
func timexRight(got, want string) bool {
	return got == want || want != "" && !strings.Contains(want, "/") && strings.HasPrefix(got, want+"T") && !strings.Contains(got, "/")
}

// timexSentence returns the index of the one sentence of the analysed
// article that the item's words match, and the body offset of the match;
// an error when they match none or several.
func timexSentence(a *news.Article, it TimexItem) (sent, at int, err error) {
	body := a.Body()
	sent = -1
	for i := range a.Sentences {
		s := a.Sentences[i]
		if loc := it.Sentence.FindStringIndex(body[s.Start:s.End]); loc != nil {
			if sent >= 0 {
				return 0, 0, fmt.Errorf("%w: %s %s: %q matches several sentences", ErrTimexGold, it.Dataset, it.Article, it.Sentence)
			}
			sent, at = i, s.Start+loc[0]
		}
	}
	if sent < 0 {
		return 0, 0, fmt.Errorf("%w: %s %s: %q matches no sentence", ErrTimexGold, it.Dataset, it.Article, it.Sentence)
	}
	return sent, at, nil
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// timexArticles reads the judged set's source articles as the raw
// documents a user would hand crosscheck, keyed "dataset/id": those of the
// datasets need names (nil: every dataset), so that a run reads only the
// files its items come from.
func timexArticles(data string, need map[string]bool) (map[string]news.Raw, error) {
	out := map[string]news.Raw{}
	for _, ds := range []struct {
		name string
		read func(data string, out map[string]news.Raw) error
	}{
		{"basil", timexBasil},
		{"polnear", timexPolnear},
		{"extraction", timexExtraction},
		{"multinews", timexMultiNews},
	} {
		if need != nil && !need[ds.name] {
			continue
		}
		if err := ds.read(data, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// timexBasil adds the BASIL dev articles.
func timexBasil(data string, out map[string]news.Raw) error {
	basil := filepath.Join(data, "data", "clustering", "basil-dev.jsonl")
	docs, _, err := cluLoad(basil)
	if err != nil {
		return fmt.Errorf("eval: timex: %w", err)
	}
	for _, d := range docs {
		out["basil/"+d.ID] = news.Raw{ID: d.ID, Input: d.ID, Title: d.Title, Outlet: d.Outlet, Published: d.Date, Text: d.Text}
	}
	return nil
}

// timexPolnear adds the PolNeAR dev articles.
func timexPolnear(data string, out map[string]news.Raw) error {
	path := filepath.Join(data, "data", "quotes", "polnear-dev.jsonl")
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("eval: timex: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var d quoteDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return fmt.Errorf("eval: timex: %s:%d: %w", path, line, err)
		}
		out["polnear/"+d.DocID] = quoteRaw(&d)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("eval: timex: %s: %w", path, err)
	}
	return nil
}

// timexExtraction adds the extraction benchmark pages fresh3 reads, dated
// by timex_fresh3_pages.tsv.
func timexExtraction(data string, out map[string]news.Raw) error {
	pages, err := timexDated("timex_fresh3_pages.tsv", timexFresh3Pages, 1)
	if err != nil {
		return err
	}
	truth, err := extractReadTruth(filepath.Join(data, "data", "extraction", "ground-truth.json"))
	if err != nil {
		return fmt.Errorf("eval: timex: %w", err)
	}
	for id, date := range pages {
		t, ok := truth[id]
		if !ok {
			return fmt.Errorf("%w: extraction page %s not in ground-truth.json", ErrTimexGold, id)
		}
		out["extraction/"+id] = news.Raw{ID: id, Input: id, URL: t.URL, Published: date, Text: t.ArticleBody}
	}
	return nil
}

// timexMultiNews adds the Multi-News dev articles fresh4 reads, dated by
// timex_fresh4_articles.tsv.
func timexMultiNews(data string, out map[string]news.Raw) error {
	dated, err := timexDated("timex_fresh4_articles.tsv", timexFresh4Articles, 2)
	if err != nil {
		return err
	}
	docs, layout, err := cluLoad(filepath.Join(data, "data", "mds", "multinews-dev.jsonl"))
	if err != nil {
		return fmt.Errorf("eval: timex: %w", err)
	}
	if layout != "multinews" {
		return fmt.Errorf("%w: multinews-dev.jsonl is not Multi-News JSONL", ErrTimexGold)
	}
	for _, d := range docs {
		// cluMultiNews names an article "story/index"; the judged set
		// writes "story_index".
		id := strings.Replace(d.ID, "/", "_", 1)
		if date, ok := dated[id]; ok {
			out["multinews/"+id] = news.Raw{ID: id, Input: id, Published: date, Text: d.Text}
			delete(dated, id)
		}
	}
	if len(dated) > 0 {
		return fmt.Errorf("%w: Multi-News articles %v not in multinews-dev.jsonl", ErrTimexGold, slices.Sorted(maps.Keys(dated)))
	}
	return nil
}

// timexDated parses a file of dated articles (timex_fresh3_pages.tsv,
// timex_fresh4_articles.tsv): per line, keys key fields naming the article
// (joined with "_", as the judged set's article field writes them), the
// publication date judged from its text and where it was read. A key
// after the first is an article's index in its story, a number.
func timexDated(name, text string, keys int) (map[string]string, error) {
	out := map[string]string{}
	for n, line := range strings.Split(text, "\n") {
		if line = strings.TrimRight(line, "\r"); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != keys+2 || f[0] == "" || !timexDate.MatchString(f[keys]) {
			return nil, fmt.Errorf("%w: %s line %d: want %d key fields, YYYY-MM-DD, where read", ErrTimexGold, name, n+1, keys)
		}
		for _, k := range f[1:keys] {
			if i, err := strconv.Atoi(k); err != nil || i < 0 || strconv.Itoa(i) != k {
				return nil, fmt.Errorf("%w: %s line %d: index %q", ErrTimexGold, name, n+1, k)
			}
		}
		id := strings.Join(f[:keys], "_")
		if _, dup := out[id]; dup {
			return nil, fmt.Errorf("%w: %s line %d: %s listed twice", ErrTimexGold, name, n+1, id)
		}
		out[id] = f[keys]
	}
	return out, nil
}

// timexDate is a publication date as the pages file writes it.
var timexDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
