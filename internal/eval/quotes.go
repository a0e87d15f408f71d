package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/entity"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/testutil"
	"github.com/crosscheck/crosscheck/internal/text"
)

// QuotesOptions configures RunQuotes.
type QuotesOptions struct {
	// Data is the PolNeAR JSONL file. Default: data/quotes/polnear-dev.jsonl
	// in the shared data folder.
	Data string
	// Log, when set, receives one line per missed gold quote, false
	// positive and wrong speaker, for error analysis. Default: nil.
	Log io.Writer
	// Pipeline configures the analysis; the zero value is what the
	// commands run.
	Pipeline pipeline.Options
	// Split selects the articles scored: "tune" (even positions of the
	// articles sorted by doc_id), "check" (odd positions) or "all" (also
	// the empty string), which reports both halves and their sum.
	Split string
}

// QuoteSplits are the values QuotesOptions.Split accepts.
var QuoteSplits = []string{"tune", "check", "all"}

// ErrQuoteSplit reports a QuotesOptions.Split not in QuoteSplits.
var ErrQuoteSplit = errors.New("eval: quotes: unknown split")

// quoteDoc is one PolNeAR article.
type quoteDoc struct {
	DocID       string                        `json:"doc_id"`
	Publisher   string                        `json:"publisher"`
	Date        string                        `json:"publication_date"`
	Title       string                        `json:"title"`
	Text        string                        `json:"text"`
	Annotations map[string][]quoteAttribution `json:"annotations"`
}

// quoteAttribution is one annotated attribution. Spans are [start, end)
// offsets in code points (Python string indexes) into the text.
type quoteAttribution struct {
	ID     string `json:"id"`
	Source *struct {
		Spans [][2]int `json:"spans"`
		Text  string   `json:"text"`
	} `json:"source"`
	Content *struct {
		Spans [][2]int `json:"spans"`
		Text  string   `json:"text"`
	} `json:"content"`
	QuoteType string `json:"quote_type"`
}

// quoteGold is one attribution mapped to body byte offsets.
type quoteGold struct {
	spans  []news.Span
	source string
	typ    string
	// cut counts content spans that fall wholly in text the cleaner
	// removed: the product cannot find them, and they count as missed.
	cut int
}

// quoteCounts accumulates the scores over the data set.
type quoteCounts struct {
	docs                          int
	goldDirect, goldDirectSpans   int
	goldMixed                     int
	predFull, predPartial         int
	fullTP, fullOnMixed           int
	directFound, directSpansExact int
	fullExact                     int
	partialTP, mixedFound         int
	speakerN, speakerOK           int
	rejected, goldCut             int
}

// RunQuotes scores crosscheck's quotes and speakers on PolNeAR. Each
// article goes through pipeline.Analyze as `crosscheck analyze` reads a
// JSONL line with its id, outlet, title, date and text: the cleaner drops
// lines, then sentences, entities and quotes. Gold: the union of all
// annotators' attributions, a later annotator's attribution dropped when
// its content overlaps one already kept (two of the dev articles have
// several annotators), mapped onto the cleaned body; an attribution in
// lines the cleaner removed counts as missed, and an article the pipeline
// rejects as a whole has all its attributions missed.
//
// Direct quotes: a predicted full quote is a true positive when it overlaps
// the content of a gold direct attribution; recall counts gold direct
// attributions overlapped by some predicted full quote. Exact: the
// predicted text equals a gold content span with quotation marks, spaces
// and edge punctuation trimmed from both. Mixed quotes: predicted partial
// quotes against gold mixed attributions, by overlap. Speaker accuracy:
// over matched attributions whose gold source is a name (its last word
// capitalised and not a pronoun), the share whose predicted speaker has the
// same last word, case-insensitive; pronoun sources are left out because
// resolving them is the finder's job and the gold does not resolve them.
func RunQuotes(ctx context.Context, opts QuotesOptions) (*Report, error) {
	path := opts.Data
	if path == "" {
		p, ok := testutil.Shared("data/quotes/polnear-dev.jsonl")
		if !ok {
			return nil, errors.New("eval: quotes: no data path given and no shared data found")
		}
		path = p
	}
	p, err := pipeline.New(opts.Pipeline)
	if err != nil {
		return nil, fmt.Errorf("eval: quotes: %w", err)
	}
	docs, err := readQuoteDocs(path)
	if err != nil {
		return nil, err
	}
	splits, err := quoteSplits(opts.Split)
	if err != nil {
		return nil, err
	}
	counts := map[string]*quoteCounts{}
	for _, sp := range splits {
		counts[sp] = &quoteCounts{}
	}
	for _, d := range quoteSplitDocs(docs) {
		c := counts[d.split]
		if c == nil {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a, gold, err := quoteArticle(p, d.doc)
		if errors.Is(err, pipeline.ErrNotArticle) {
			c.rejected++
		} else if err != nil {
			return nil, fmt.Errorf("eval: quotes: %s: %w", path, err)
		}
		quoteScore(c, a, gold, d.doc.DocID, opts.Log)
	}
	return quoteReport(path, splits, counts), nil
}

// readQuoteDocs reads the PolNeAR JSONL file at path, one article a line,
// in file order. The quotes and entities evals share it.
func readQuoteDocs(path string) ([]*quoteDoc, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: quotes: %w", err)
	}
	defer fh.Close()
	var docs []*quoteDoc
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var d quoteDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("eval: quotes: %s:%d: %w", path, line, err)
		}
		docs = append(docs, &d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: quotes: read %s: %w", path, err)
	}
	return docs, nil
}

// quoteSplitDoc is an article with the half it belongs to.
type quoteSplitDoc struct {
	doc   *quoteDoc
	split string
}

// quoteSplitDocs sorts the articles by doc_id and alternates them: even
// positions are the tune half, odd ones the check half. PolNeAR's ids
// start with the publisher, so each publisher's articles are shared out
// evenly between the halves.
func quoteSplitDocs(docs []*quoteDoc) []quoteSplitDoc {
	sorted := append([]*quoteDoc(nil), docs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].DocID < sorted[j].DocID })
	out := make([]quoteSplitDoc, len(sorted))
	for i, d := range sorted {
		out[i] = quoteSplitDoc{doc: d, split: splitOf(i)}
	}
	return out
}

// quoteSplits returns the halves RunQuotes scores for a QuotesOptions.Split.
func quoteSplits(split string) ([]string, error) {
	switch split {
	case "", "all":
		return []string{"tune", "check"}, nil
	case "tune", "check":
		return []string{split}, nil
	}
	return nil, fmt.Errorf("%w %q (want %s)", ErrQuoteSplit, split, strings.Join(QuoteSplits, ", "))
}

// add sums o into c.
func (c *quoteCounts) add(o *quoteCounts) {
	c.docs += o.docs
	c.goldDirect += o.goldDirect
	c.goldDirectSpans += o.goldDirectSpans
	c.goldMixed += o.goldMixed
	c.predFull += o.predFull
	c.predPartial += o.predPartial
	c.fullTP += o.fullTP
	c.fullOnMixed += o.fullOnMixed
	c.directFound += o.directFound
	c.directSpansExact += o.directSpansExact
	c.fullExact += o.fullExact
	c.partialTP += o.partialTP
	c.mixedFound += o.mixedFound
	c.speakerN += o.speakerN
	c.speakerOK += o.speakerOK
	c.rejected += o.rejected
	c.goldCut += o.goldCut
}

// quoteRaw is the document as a user would hand it to crosscheck.
func quoteRaw(d *quoteDoc) news.Raw {
	return news.Raw{ID: d.DocID, Input: d.DocID, Outlet: d.Publisher, Title: d.Title, Published: d.Date, Text: d.Text}
}

// quoteArticle analyses the document with the product's pipeline and maps
// the gold attributions to byte offsets in the cleaned body. An article
// the pipeline rejects comes back with no paragraphs and the error.
func quoteArticle(p *pipeline.Pipeline, d *quoteDoc) (*news.Article, []quoteGold, error) {
	a, err := p.Analyze(quoteRaw(d))
	if a == nil {
		return nil, nil, err
	}
	// Kept paragraphs are trimmed lines of the text, in order:
	// origStart[i] is the byte offset in d.Text of paragraph i.
	origStart := make([]int, len(a.Paragraphs))
	off := 0
	for i, para := range a.Paragraphs {
		j := strings.Index(d.Text[off:], para)
		if j < 0 {
			return nil, nil, fmt.Errorf("%s: cleaned paragraph %d is not in the text", d.DocID, i)
		}
		origStart[i] = off + j
		off += j + len(para)
	}
	bodyStart := make([]int, len(a.Paragraphs))
	pos := 0
	for i, p := range a.Paragraphs {
		bodyStart[i] = pos
		pos += len(p) + len(news.ParagraphSep)
	}
	// Code point index → byte offset in d.Text.
	r2b := make([]int, 0, len(d.Text)+1)
	for i := range d.Text {
		r2b = append(r2b, i)
	}
	r2b = append(r2b, len(d.Text))
	// toBody maps a byte offset of d.Text to the body; ok is false for an
	// offset outside every kept paragraph (in a removed line).
	toBody := func(b int, isEnd bool) (int, bool) {
		i := sort.Search(len(origStart), func(i int) bool { return origStart[i] > b }) - 1
		if isEnd && i >= 0 && b == origStart[i] {
			i-- // an end offset at a paragraph start belongs to the one before
		}
		if i < 0 {
			return 0, false
		}
		o := b - origStart[i]
		if o > len(a.Paragraphs[i]) {
			return bodyStart[i] + len(a.Paragraphs[i]), false
		}
		return bodyStart[i] + o, true
	}
	rb := func(r int) int { return r2b[min(max(r, 0), len(r2b)-1)] }
	var gold []quoteGold
	annotators := make([]string, 0, len(d.Annotations))
	for k := range d.Annotations {
		annotators = append(annotators, k)
	}
	sort.Strings(annotators)
	for _, ann := range annotators {
		for _, at := range d.Annotations[ann] {
			if at.Content == nil || len(at.Content.Spans) == 0 {
				continue
			}
			g := quoteGold{typ: quoteType(at.Content.Text, at.QuoteType)}
			if at.Source != nil {
				g.source = at.Source.Text
			}
			for _, sp := range at.Content.Spans {
				bs, be := rb(sp[0]), rb(sp[1])
				if bs >= be {
					continue
				}
				s, sok := toBody(bs, false)
				e, eok := toBody(be, true)
				if !sok && !eok && s >= e {
					g.cut++ // wholly in removed text
					continue
				}
				if s < e {
					g.spans = append(g.spans, news.Span{Start: s, End: e})
				}
			}
			if len(g.spans) == 0 && g.cut == 0 || quoteGoldDup(gold, g) {
				continue
			}
			gold = append(gold, g)
		}
	}
	return a, gold, err
}

// quoteType re-derives an attribution's quote_type with PolNeAR's own
// rule (direct: the content starts and ends with a double quotation mark;
// mixed: marks inside; indirect: none), also recognising two apostrophes as
// a double mark: the New York Times texts quote that way and the data's own
// derivation missed it (it labels those quotes indirect). On every other
// attribution the result equals the given type.
func quoteType(content, given string) string {
	if !strings.Contains(content, "''") {
		return given
	}
	s := strings.TrimSpace(strings.ReplaceAll(content, "''", "\""))
	isMark := func(r rune) bool { return strings.ContainsRune("\"“”«»„", r) }
	if !strings.ContainsFunc(s, isMark) {
		return given
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if isMark(first) && isMark(last) {
		return "direct"
	}
	return "mixed"
}

// quoteGoldDup reports whether g's content overlaps an attribution already
// kept.
func quoteGoldDup(kept []quoteGold, g quoteGold) bool {
	for _, k := range kept {
		for _, a := range k.spans {
			for _, b := range g.spans {
				if a.Start < b.End && b.Start < a.End {
					return true
				}
			}
		}
	}
	return false
}

func quoteOverlaps(g quoteGold, q news.Quote) bool {
	for _, s := range g.spans {
		if s.Start < q.End && q.Start < s.End {
			return true
		}
	}
	return false
}

// quoteNorm trims quotation marks, spaces and edge punctuation and folds
// typographic marks, for exact comparison.
func quoteNorm(s string) string {
	s = text.FoldQuotes(s)
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != ')' && r != '%'
	})
}

// quoteSourceHead cuts a gold source to its name, dropping an apposition or
// a qualifier: "Len Burman, head of the Tax Policy Center" → "Len Burman";
// "Rep. G.K. Butterfield (D-N.C.)" → "Rep. G.K. Butterfield";
// "Representative Charles B. Rangel of New York" → "… Rangel".
func quoteSourceHead(src string) string {
	src = strings.TrimSpace(src)
	cut := len(src)
	for _, sep := range []string{",", " (", " of ", " who ", " from ", " at ", " on ", " in "} {
		if i := strings.Index(src, sep); i > 0 && i < cut {
			cut = i
		}
	}
	return src[:cut]
}

// quoteIsName reports whether a gold source is a name: its last word is
// capitalised and it is not a pronoun.
func quoteIsName(src string) bool {
	f := strings.Fields(src)
	if len(f) == 0 {
		return false
	}
	last := entity.LastName(src)
	r, _ := utf8.DecodeRuneInString(f[len(f)-1])
	switch last {
	case "he", "she", "they", "it", "i", "we", "you", "his", "her", "their":
		return false
	}
	return unicode.IsUpper(r)
}

func quoteScore(c *quoteCounts, a *news.Article, gold []quoteGold, id string, log io.Writer) {
	body := a.Body()
	c.docs++
	logf := func(format string, args ...any) {
		if log != nil {
			fmt.Fprintf(log, "%s: "+format+"\n", append([]any{id}, args...)...)
		}
	}
	clip := func(s string) string {
		if len(s) > 110 {
			s = s[:100] + "…"
		}
		return strconv.Quote(s)
	}
	matched := make([]int, len(gold)) // index+1 of the first matching prediction
	for _, g := range gold {
		switch g.typ {
		case "direct":
			c.goldDirect++
			c.goldDirectSpans += len(g.spans) + g.cut
		case "mixed":
			c.goldMixed++
		}
	}
	exactSpan := map[[2]int]bool{}
	for qi, q := range a.Quotes {
		want := "direct"
		if q.Partial {
			want = "mixed"
			c.predPartial++
		} else {
			c.predFull++
		}
		hit, onOther, exact := false, false, false
		for gi, g := range gold {
			if !quoteOverlaps(g, q) {
				continue
			}
			if g.typ != want {
				onOther = onOther || g.typ != "indirect"
				continue
			}
			hit = true
			if matched[gi] == 0 {
				matched[gi] = qi + 1
			}
			if want == "direct" {
				for _, s := range g.spans {
					if quoteNorm(body[s.Start:s.End]) == quoteNorm(q.Text) {
						exact = true
						exactSpan[[2]int{s.Start, s.End}] = true
					}
				}
			}
		}
		switch {
		case hit && want == "direct":
			c.fullTP++
			if exact {
				c.fullExact++
			}
		case hit:
			c.partialTP++
		case want == "direct":
			if onOther {
				c.fullOnMixed++
			}
			logf("false positive full (on mixed: %v) %s speaker=%q", onOther, clip(q.Text), q.Speaker)
		}
	}
	c.directSpansExact += len(exactSpan)
	for gi, g := range gold {
		if g.typ != "direct" && g.typ != "mixed" {
			continue
		}
		if matched[gi] == 0 {
			if len(g.spans) == 0 {
				c.goldCut++
				logf("missed %s (in removed text) source=%q", g.typ, g.source)
			} else {
				logf("missed %s %s source=%q", g.typ, clip(body[g.spans[0].Start:g.spans[0].End]), g.source)
			}
			continue
		}
		if g.typ == "direct" {
			c.directFound++
		} else {
			c.mixedFound++
		}
		src := quoteSourceHead(g.source)
		if !quoteIsName(src) {
			continue
		}
		c.speakerN++
		q := a.Quotes[matched[gi]-1]
		if entity.SameLastName(q.Speaker, src) {
			c.speakerOK++
		} else {
			logf("speaker %s: got %q, want %q", clip(q.Text), q.Speaker, g.source)
		}
	}
}

func quoteRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// quoteReport renders the scores of each half scored and, when both
// were, of all articles. Metrics without a suffix are over every article
// scored; those ending _tune and _check are per half.
func quoteReport(path string, splits []string, counts map[string]*quoteCounts) *Report {
	r := &Report{Stage: "quotes", Data: path, Header: []string{"split", "measure", "gold", "predicted", "matched", "precision", "recall", "F1"}}
	all := &quoteCounts{}
	for _, sp := range splits {
		all.add(counts[sp])
	}
	names := splits
	if len(splits) > 1 {
		names = append(append([]string(nil), splits...), "all")
		counts["all"] = all
	}
	for _, sp := range names {
		quoteRows(r, sp, counts[sp])
	}
	c := all
	dp, dr := quoteRatio(c.fullTP, c.predFull), quoteRatio(c.directFound, c.goldDirect)
	ep, er := quoteRatio(c.fullExact, c.predFull), quoteRatio(c.directSpansExact, c.goldDirectSpans)
	mp, mr := quoteRatio(c.partialTP, c.predPartial), quoteRatio(c.mixedFound, c.goldMixed)
	sa := quoteRatio(c.speakerOK, c.speakerN)
	r.Add("direct_precision", dp)
	r.Add("direct_recall", dr)
	r.Add("direct_f1", F1(dp, dr))
	r.Add("direct_exact_f1", F1(ep, er))
	r.Add("mixed_precision", mp)
	r.Add("mixed_recall", mr)
	r.Add("mixed_f1", F1(mp, mr))
	r.Add("speaker_accuracy", sa)
	r.Add("speaker_n", float64(c.speakerN))
	r.Add("rejected", float64(c.rejected))
	r.Add("gold_in_removed", float64(c.goldCut))
	r.Notes = append(r.Notes,
		fmt.Sprintf("halves: articles sorted by doc_id and alternated, even positions tune, odd check (each publisher 6 and 6 in the dev set); scored: %s", strings.Join(splits, ", ")),
		fmt.Sprintf("%d articles through pipeline.Analyze (%d rejected as not articles); gold = union of annotators, deduplicated by content overlap; quote_type re-derived for ''…'' marks", c.docs, c.rejected),
		fmt.Sprintf("%d direct or mixed gold attributions lie wholly in lines the cleaner removed: counted as missed", c.goldCut),
		fmt.Sprintf("%d predicted full quotes fall on gold mixed attributions (X said that \"…\"): counted as false positives; direct precision without them %s", c.fullOnMixed, Pct(quoteRatio(c.fullTP, c.predFull-c.fullOnMixed))),
	)
	return r
}

// quoteRows adds the rows and the per-half metrics of one split.
func quoteRows(r *Report, split string, c *quoteCounts) {
	dp, dr := quoteRatio(c.fullTP, c.predFull), quoteRatio(c.directFound, c.goldDirect)
	ep, er := quoteRatio(c.fullExact, c.predFull), quoteRatio(c.directSpansExact, c.goldDirectSpans)
	mp, mr := quoteRatio(c.partialTP, c.predPartial), quoteRatio(c.mixedFound, c.goldMixed)
	sa := quoteRatio(c.speakerOK, c.speakerN)
	row := func(name string, gold, pred, tp int, p, rc float64) {
		r.Rows = append(r.Rows, []string{split, name, strconv.Itoa(gold), strconv.Itoa(pred), strconv.Itoa(tp), Pct(p), Pct(rc), Pct(F1(p, rc))})
	}
	row("direct (overlap)", c.goldDirect, c.predFull, c.fullTP, dp, dr)
	row("direct (exact span)", c.goldDirectSpans, c.predFull, c.fullExact, ep, er)
	row("mixed vs partial (overlap)", c.goldMixed, c.predPartial, c.partialTP, mp, mr)
	r.Rows = append(r.Rows, []string{split, "speaker (named gold source)", strconv.Itoa(c.speakerN), "", strconv.Itoa(c.speakerOK), "", "", Pct(sa)})
	if split == "all" {
		return
	}
	r.Add("direct_precision_"+split, dp)
	r.Add("direct_recall_"+split, dr)
	r.Add("mixed_precision_"+split, mp)
	r.Add("mixed_recall_"+split, mr)
	r.Add("speaker_accuracy_"+split, sa)
	r.Add("speaker_n_"+split, float64(c.speakerN))
}
