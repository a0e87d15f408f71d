package eval

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/testutil"
)

// ErrBoilerplateNoData is returned when the data path holds neither the
// seeds' gold nor the extraction benchmark.
var ErrBoilerplateNoData = errors.New("eval: no boilerplate data (want seeds/ with gold/seeds.gold.json, or extraction/)")

// BoilerplateOptions configures RunBoilerplate.
type BoilerplateOptions struct {
	// Data is the shared folder (holding seeds/, gold/ and data/extraction/)
	// or a folder that directly holds extraction/ (html/*.html.gz and
	// ground-truth.json) and/or seeds/ with gold/.
	Data string
	// Pipeline configures the analysis; the zero value is what the
	// commands run.
	Pipeline pipeline.Options
}

// RunBoilerplate measures line-level precision/recall/F1 of "removed as
// boilerplate" by the product: each text goes through pipeline.Analyze as
// `crosscheck analyze file.txt` reads it, and its Removed lines are scored
// (a) on the seeds against gold boilerplate_lines (title lines
// are neither boilerplate nor body there and are not scored) and (b) on the
// extraction pages: every visible block of the page is a line, boilerplate
// unless its normalised text occurs in the ground-truth articleBody (lines
// under 4 tokens must equal a whole body paragraph).
// Metrics: seeds_precision, seeds_recall, seeds_f1, body_paragraphs_lost,
// seeds_title_ok, pages_precision, pages_recall, pages_f1, pages_body_lost
// (share of all body lines removed), pages_body_lost_macro (mean per page),
// pages.
func RunBoilerplate(ctx context.Context, o BoilerplateOptions) (*Report, error) {
	seedsDir, goldPath, extDir := boilerplatePaths(o.Data)
	if seedsDir == "" && extDir == "" {
		return nil, fmt.Errorf("%w: %s", ErrBoilerplateNoData, o.Data)
	}
	c, err := pipeline.New(o.Pipeline)
	if err != nil {
		return nil, fmt.Errorf("eval: boilerplate: %w", err)
	}
	r := &Report{Stage: "boilerplate", Data: o.Data, Header: []string{"set", "item", "lines", "tp", "fp", "fn", "note"}}
	if seedsDir != "" {
		if err := boilerplateSeeds(ctx, c, seedsDir, goldPath, r); err != nil {
			return nil, err
		}
	}
	if extDir != "" {
		if err := boilerplatePages(ctx, c, extDir, r); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// boilerplatePaths finds the seeds folder, the gold file and the extraction
// folder under dir; missing parts are "".
func boilerplatePaths(dir string) (seeds, gold, ext string) {
	isFile := func(p string) bool { fi, err := os.Stat(p); return err == nil && !fi.IsDir() }
	if dir == "" {
		return "", "", ""
	}
	if isDir(filepath.Join(dir, "seeds")) && isFile(filepath.Join(dir, "gold", "seeds.gold.json")) {
		seeds, gold = filepath.Join(dir, "seeds"), filepath.Join(dir, "gold", "seeds.gold.json")
	}
	for _, e := range []string{filepath.Join(dir, "data", "extraction"), filepath.Join(dir, "extraction"), dir} {
		if isFile(filepath.Join(e, "ground-truth.json")) && isDir(filepath.Join(e, "html")) {
			ext = e
			break
		}
	}
	return seeds, gold, ext
}

// analyzeText runs one plain text through the product's pipeline. An
// input the pipeline rejects as not an article is still returned, with
// NotArticle set and every line in Removed.
func analyzeText(p *pipeline.Pipeline, input, text string) (*news.Article, error) {
	a, err := p.Analyze(news.Raw{Input: input, Text: text, Bytes: []byte(text)})
	if err != nil && !errors.Is(err, pipeline.ErrNotArticle) {
		return nil, err
	}
	return a, nil
}

type boilerplateCounts struct{ tp, fp, fn, tn int }

func (b *boilerplateCounts) add(pred, gold bool) {
	switch {
	case pred && gold:
		b.tp++
	case pred && !gold:
		b.fp++
	case !pred && gold:
		b.fn++
	default:
		b.tn++
	}
}

func (b boilerplateCounts) prf() (p, r, f float64) {
	if b.tp+b.fp > 0 {
		p = float64(b.tp) / float64(b.tp+b.fp)
	}
	if b.tp+b.fn > 0 {
		r = float64(b.tp) / float64(b.tp+b.fn)
	}
	return p, r, F1(p, r)
}

func boilerplateSeeds(ctx context.Context, c *pipeline.Pipeline, dir, goldPath string, r *Report) error {
	g, err := testutil.ReadSeedsGold(goldPath)
	if err != nil {
		return fmt.Errorf("eval: boilerplate: %w", err)
	}
	var total boilerplateCounts
	lost, titles := 0, 0
	for _, d := range g.Documents {
		if err := ctx.Err(); err != nil {
			return err
		}
		raw, err := os.ReadFile(filepath.Join(dir, d.File))
		if err != nil {
			return fmt.Errorf("eval: boilerplate seed: %w", err)
		}
		res, err := analyzeText(c, d.File, string(raw))
		if err != nil {
			return fmt.Errorf("eval: boilerplate seed: %w", err)
		}
		removed := map[int]string{}
		for _, x := range res.Removed {
			removed[x.Line] = x.Reason
		}
		gold := map[int]bool{}
		for _, n := range d.BoilerplateLines {
			gold[n] = true
		}
		var cnt boilerplateCounts
		docLost := 0
		for i, ln := range strings.Split(string(raw), "\n") {
			n := i + 1
			t := strings.TrimSpace(ln)
			if t == "" || t == d.Title {
				continue
			}
			reason, pred := removed[n]
			cnt.add(pred, gold[n])
			if pred && !gold[n] {
				docLost++
				r.Notes = append(r.Notes, fmt.Sprintf("seed %s line %d wrongly removed (%s)", d.File, n, reason))
			}
			if !pred && gold[n] {
				r.Notes = append(r.Notes, fmt.Sprintf("seed %s line %d boilerplate kept", d.File, n))
			}
		}
		lost += docLost
		note := "title ok"
		if res.Title == d.Title {
			titles++
		} else {
			note = fmt.Sprintf("title %q", res.Title)
		}
		r.Rows = append(r.Rows, []string{"seeds", d.File, strconv.Itoa(cnt.tp + cnt.fp + cnt.fn + cnt.tn), strconv.Itoa(cnt.tp), strconv.Itoa(cnt.fp), strconv.Itoa(cnt.fn), note})
		total.tp, total.fp, total.fn, total.tn = total.tp+cnt.tp, total.fp+cnt.fp, total.fn+cnt.fn, total.tn+cnt.tn
	}
	p, rc, f := total.prf()
	r.Add("seeds_precision", p)
	r.Add("seeds_recall", rc)
	r.Add("seeds_f1", f)
	r.Add("body_paragraphs_lost", float64(lost))
	if len(g.Documents) > 0 {
		r.Add("seeds_title_ok", float64(titles)/float64(len(g.Documents)))
	}
	return nil
}

func boilerplatePages(ctx context.Context, c *pipeline.Pipeline, dir string, r *Report) error {
	gt, err := extractReadTruth(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return err
	}
	ids := make([]string, 0, len(gt))
	for id := range gt {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var total boilerplateCounts
	pages, bodyLines, bodyLost := 0, 0, 0
	lostShares := 0.0 // sum over pages of the share of body lines removed
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		page, err := readGzip(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			r.Notes = append(r.Notes, fmt.Sprintf("page %s skipped: %v", id, err))
			continue
		}
		lines := BoilerplateVisibleLines(page)
		if len(lines) == 0 {
			continue
		}
		body := " " + boilerplateNorm(gt[id].ArticleBody) + " "
		paras := map[string]bool{}
		for _, p := range strings.Split(gt[id].ArticleBody, "\n") {
			paras[boilerplateNorm(p)] = true
		}
		res, err := analyzeText(c, id, strings.Join(lines, "\n"))
		if err != nil {
			return fmt.Errorf("eval: boilerplate page: %w", err)
		}
		removed := make(map[int]bool, len(res.Removed))
		for _, x := range res.Removed {
			removed[x.Line] = true
		}
		var cnt boilerplateCounts
		pageBody, pageLost := 0, 0
		for i, ln := range lines {
			k := boilerplateNorm(ln)
			if k == "" {
				continue
			}
			isBody := boilerplateIsBody(k, body, paras)
			cnt.add(removed[i+1], !isBody)
			if isBody {
				pageBody++
				if removed[i+1] {
					pageLost++
				}
			}
		}
		bodyLines += pageBody
		bodyLost += pageLost
		if pageBody > 0 {
			lostShares += float64(pageLost) / float64(pageBody)
		}
		pages++
		total.tp, total.fp, total.fn, total.tn = total.tp+cnt.tp, total.fp+cnt.fp, total.fn+cnt.fn, total.tn+cnt.tn
		p, rc, f := cnt.prf()
		r.Rows = append(r.Rows, []string{"pages", id[:12], strconv.Itoa(len(lines)), strconv.Itoa(cnt.tp), strconv.Itoa(cnt.fp), strconv.Itoa(cnt.fn),
			fmt.Sprintf("P=%s R=%s F=%s %s", Pct(p), Pct(rc), Pct(f), res.NotArticle)})
	}
	p, rc, f := total.prf()
	r.Add("pages_precision", p)
	r.Add("pages_recall", rc)
	r.Add("pages_f1", f)
	if bodyLines > 0 {
		r.Add("pages_body_lost", float64(bodyLost)/float64(bodyLines))
	}
	if pages > 0 {
		r.Add("pages_body_lost_macro", lostShares/float64(pages))
	}
	r.Add("pages", float64(pages))
	r.Notes = append(r.Notes, "pages: line-level micro-averaged; a line is body when its normalised text occurs in the ground-truth articleBody")
	return nil
}

// boilerplateIsBody labels a normalised page line: body when it occurs in
// the normalised article body; a line of fewer than 4 tokens ("World",
// "Fox News") must equal a whole body paragraph, since a menu word occurs
// in almost any article by chance.
func boilerplateIsBody(k, body string, paras map[string]bool) bool {
	if strings.Count(k, " ") < 3 {
		return paras[k]
	}
	return strings.Contains(body, " "+k+" ")
}

func readGzip(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return "", fmt.Errorf("gzip %s: %w", p, err)
	}
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, zr); err != nil {
		return "", fmt.Errorf("gzip %s: %w", p, err)
	}
	return buf.String(), nil
}

// boilerplateNorm lower-cases s and keeps its letter/digit runs separated
// by single spaces, so that line and body compare token by token.
func boilerplateNorm(s string) string {
	var b strings.Builder
	space := true
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
			space = false
			continue
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

// boilerplateBlock lists the elements that start a new visible line.
var boilerplateBlock = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true, "br": true, "caption": true,
	"dd": true, "details": true, "dialog": true, "div": true, "dl": true, "dt": true, "fieldset": true,
	"figcaption": true, "figure": true, "footer": true, "form": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "header": true, "hr": true, "li": true, "main": true, "nav": true,
	"ol": true, "p": true, "pre": true, "section": true, "summary": true, "table": true, "td": true, "th": true,
	"tr": true, "ul": true, "button": true, "option": true, "select": true, "label": true,
}

// boilerplateSkip lists elements whose text is never visible.
var boilerplateSkip = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "head": true, "svg": true, "iframe": true, "object": true,
}

// BoilerplateVisibleLines returns the visible text of an HTML page, one line per
// block-level element, skipping script, style, noscript, template and head.
func BoilerplateVisibleLines(page string) []string {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return nil
	}
	var lines []string
	var cur strings.Builder
	flush := func() {
		t := strings.Join(strings.Fields(cur.String()), " ")
		if t != "" {
			lines = append(lines, t)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if boilerplateSkip[n.Data] {
				return
			}
			if boilerplateBlock[n.Data] {
				flush()
				defer flush()
			}
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(doc)
	flush()
	return lines
}
