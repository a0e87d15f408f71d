package eval

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/crosscheck/crosscheck/internal/extract"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
)

// ExtractOptions configure RunExtract.
type ExtractOptions struct {
	// Data is the folder holding html/<id>.html.gz and ground-truth.json
	// (the Scrapinghub article-extraction benchmark layout). Required.
	Data string
	// Progress, when not nil, receives one line per page.
	Progress io.Writer
	// Extract configures the extractor, both inside the pipeline and
	// alone; the zero value is the default the pipeline uses.
	Extract extract.Options
	// Worst is how many of the lowest-F1 pages the report lists; 0 means
	// 10, a negative value lists none.
	Worst int
}

// extractTruth is one entry of ground-truth.json.
type extractTruth struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

// extractPage is one scored page: the product's output and the
// extractor's alone.
type extractPage struct {
	id         string
	score, ext ShingleScore
	note       string
}

// RunExtract scores the article body crosscheck reads from every page of
// the benchmark in o.Data against the human-marked one with the
// benchmark's 4-token shingle measure (see ShingleMatch). The main figures
// are the product's: each page goes through pipeline.Analyze, as
// `crosscheck analyze page.html` reads it (extraction, then the cleaner);
// a page the pipeline rejects as not an article scores as empty. Beside
// them, from the same run, the extractor (go-trafilatura) alone.
//
// Metrics: pages, precision, recall, f1, pages_per_s (whole per-article
// analysis, one goroutine), rejected (pages the pipeline refused, scored
// as empty); extractor_precision, extractor_recall, extractor_f1,
// extractor_pages_per_s, failed (pages where the extractor returned an
// error).
func RunExtract(ctx context.Context, o ExtractOptions) (*Report, error) {
	if o.Data == "" {
		return nil, errors.New("eval: extract: no data folder given")
	}
	truth, err := extractReadTruth(filepath.Join(o.Data, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	p, err := pipeline.New(pipeline.Options{Extract: o.Extract})
	if err != nil {
		return nil, fmt.Errorf("eval: extract: %w", err)
	}
	// The extractor alone is the baseline the product is compared with.
	ex, err := extract.New(o.Extract)
	if err != nil {
		return nil, fmt.Errorf("eval: extract: %w", err)
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)

	var (
		pages              []extractPage
		elapsed, exElapsed time.Duration
		failed, rejected   int
	)
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		page, err := extractReadGzip(filepath.Join(o.Data, "html", id+".html.gz"))
		if err != nil {
			return nil, err
		}
		t0 := time.Now()
		res, xerr := ex.Extract(page, truth[id].URL)
		exElapsed += time.Since(t0)
		var exPred string
		if xerr == nil {
			exPred = strings.Join(res.Paragraphs, "\n")
		} else {
			failed++
		}
		t0 = time.Now()
		a, aerr := p.Analyze(news.Raw{Input: id, URL: truth[id].URL, HTML: page})
		elapsed += time.Since(t0)
		pg := extractPage{id: id, ext: ShingleMatch(truth[id].ArticleBody, exPred)}
		var pred string
		if aerr == nil {
			pred = strings.Join(a.Paragraphs, "\n")
		} else {
			rejected++
			pg.note = aerr.Error()
		}
		pg.score = ShingleMatch(truth[id].ArticleBody, pred)
		pages = append(pages, pg)
		if o.Progress != nil {
			s := pg.score
			fmt.Fprintf(o.Progress, "%s\tP=%s\tR=%s\tF1=%s\textractor F1=%s\n", extractShortID(id), Pct(s.Precision()), Pct(s.Recall()), Pct(s.F1()), Pct(pg.ext.F1()))
		}
	}
	scores := make([]ShingleScore, len(pages))
	exScores := make([]ShingleScore, len(pages))
	for i, p := range pages {
		scores[i], exScores[i] = p.score, p.ext
	}
	prec, rec := ShingleMeans(scores)
	exPrec, exRec := ShingleMeans(exScores)

	rep := &Report{
		Stage:  "extract",
		Data:   o.Data,
		Header: []string{"page", "precision", "recall", "f1", "extractor_f1", "note"},
	}
	worst := o.Worst
	if worst == 0 {
		worst = 10
	}
	sort.SliceStable(pages, func(i, j int) bool { return pages[i].score.F1() < pages[j].score.F1() })
	for i := 0; i < worst && i < len(pages); i++ {
		p := pages[i]
		rep.Rows = append(rep.Rows, []string{extractShortID(p.id), Pct(p.score.Precision()), Pct(p.score.Recall()), Pct(p.score.F1()), Pct(p.ext.F1()), p.note})
	}
	if len(rep.Rows) > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("the %d pages with the lowest F1 of %d", len(rep.Rows), len(pages)))
	}
	rep.Notes = append(rep.Notes, fmt.Sprintf("crosscheck (pipeline.Analyze: extraction, then cleaning) F1 %.4f; go-trafilatura alone F1 %.4f (P %.4f, R %.4f)", F1(prec, rec), F1(exPrec, exRec), exPrec, exRec))
	rep.Add("pages", float64(len(pages)))
	rep.Add("precision", prec)
	rep.Add("recall", rec)
	rep.Add("f1", F1(prec, rec))
	rep.Add("pages_per_s", perSecond(len(pages), elapsed))
	rep.Add("rejected", float64(rejected))
	rep.Add("extractor_precision", exPrec)
	rep.Add("extractor_recall", exRec)
	rep.Add("extractor_f1", F1(exPrec, exRec))
	rep.Add("extractor_pages_per_s", perSecond(len(pages), exElapsed))
	rep.Add("failed", float64(failed))
	return rep, nil
}

// perSecond is n items over d, 0 when d is 0.
func perSecond(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

// extractReadTruth reads ground-truth.json; an empty file is an error.
func extractReadTruth(path string) (map[string]extractTruth, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: extract: %w", err)
	}
	var truth map[string]extractTruth
	if err := json.Unmarshal(b, &truth); err != nil {
		return nil, fmt.Errorf("eval: extract: %s: %w", path, err)
	}
	if len(truth) == 0 {
		return nil, fmt.Errorf("eval: extract: %s: no pages", path)
	}
	return truth, nil
}

// extractReadGzip reads a gzip-compressed page.
func extractReadGzip(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("eval: extract: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return "", fmt.Errorf("eval: extract: %s: %w", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return "", fmt.Errorf("eval: extract: %s: %w", path, err)
	}
	return string(b), nil
}

// extractShortID shortens a benchmark page id (a 64-digit hash) for tables.
func extractShortID(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

// ShingleScore is the benchmark's per-page result, normalised so that
// TP+FP+FN = 1 (all three 0 when neither text has a token).
type ShingleScore struct {
	TP, FP, FN float64
}

// Precision is TP/(TP+FP), 0 when undefined.
func (s ShingleScore) Precision() float64 {
	if s.TP+s.FP == 0 {
		return 0
	}
	return s.TP / (s.TP + s.FP)
}

// Recall is TP/(TP+FN), 0 when undefined.
func (s ShingleScore) Recall() float64 {
	if s.TP+s.FN == 0 {
		return 0
	}
	return s.TP / (s.TP + s.FN)
}

// F1 is the page's own F1.
func (s ShingleScore) F1() float64 { return F1(s.Precision(), s.Recall()) }

// shingleN is the shingle length of the benchmark.
const shingleN = 4

// ShingleMatch scores a predicted article body against the gold one as the
// Scrapinghub article-extraction benchmark does: both texts become multisets
// of 4-token shingles (tokens are `\w+` runs, case-sensitive; a text with
// fewer than 4 tokens gives one shorter shingle, an empty one none); tp is
// the sum over shingles of the smaller count, fp and fn the excesses of the
// prediction and of the gold; the three are divided by their sum. Soft
// hyphens (U+00AD) are removed from the prediction first.
func ShingleMatch(gold, pred string) ShingleScore {
	pred = strings.ReplaceAll(pred, "\u00ad", "")
	g := shingleCounts(gold)
	p := shingleCounts(pred)
	var tp, fp, fn int
	for k, gc := range g {
		pc := p[k]
		tp += min(gc, pc)
		fn += max(0, gc-pc)
	}
	for k, pc := range p {
		fp += max(0, pc-g[k])
	}
	sum := tp + fp + fn
	if sum == 0 {
		return ShingleScore{}
	}
	f := float64(sum)
	return ShingleScore{TP: float64(tp) / f, FP: float64(fp) / f, FN: float64(fn) / f}
}

// ShingleMeans returns the benchmark's mean precision, over pages with
// TP+FP > 0, and mean recall, over pages with TP+FN > 0.
func ShingleMeans(scores []ShingleScore) (precision, recall float64) {
	var np, nr int
	for _, s := range scores {
		if s.TP+s.FP > 0 {
			precision += s.Precision()
			np++
		}
		if s.TP+s.FN > 0 {
			recall += s.Recall()
			nr++
		}
	}
	if np > 0 {
		precision /= float64(np)
	}
	if nr > 0 {
		recall /= float64(nr)
	}
	return precision, recall
}

// shingleTokens splits s into the benchmark's tokens: maximal runs of word
// characters (see shingleIsWord).
func shingleTokens(s string) []string {
	var toks []string
	start := -1
	for i, r := range s {
		if shingleIsWord(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			toks = append(toks, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	return toks
}

// shingleIsWord reports whether r is matched by Python's Unicode `\w`, which
// the benchmark's scorer (evaluate.py, `re.compile(r'\w+')`) uses: letters
// and numbers of every script (str.isalnum: categories L, Nd, Nl, No) and the
// underscore. Unlike Unicode's UTS #18 definition it excludes combining
// marks, so "नमस्ते" is split at its vowel signs, as in the benchmark.
func shingleIsWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// shingleCounts returns the multiset of n-token shingles of s, each shingle
// its tokens joined by a space.
func shingleCounts(s string) map[string]int {
	toks := shingleTokens(s)
	m := make(map[string]int, len(toks))
	if len(toks) == 0 {
		return m
	}
	if len(toks) < shingleN {
		m[strings.Join(toks, " ")]++
		return m
	}
	for i := 0; i+shingleN <= len(toks); i++ {
		m[strings.Join(toks[i:i+shingleN], " ")]++
	}
	return m
}
