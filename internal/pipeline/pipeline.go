// Package pipeline composes the per-article stages — extract or clean,
// then the analysis chain of sentences, entities, quotes, times and
// quantities (Chain, each a Stage) — into one Analyze call, and settles
// each metadata field from the most trustworthy place that has it: the
// caller first, then the HTML page, then the text itself.
//
// A Pipeline is built once per process (the extractor's and the sentence
// model's start-up cost is paid in New) and is safe for concurrent use.
package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
	"github.com/crosscheck/crosscheck/internal/clean"
	"github.com/crosscheck/crosscheck/internal/extract"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// ErrNotArticle is returned, wrapped with the reason, for an input that is
// not a news article (a login wall, a crawl notice); the returned Article
// still carries what was read, with NotArticle set.
var ErrNotArticle = errors.New("pipeline: not an article")

// Options configures a Pipeline. The zero value is valid.
type Options struct {
	Extract extract.Options
	Clean   clean.Options
	// Chain replaces the default analysis chain (NewChain) when non-nil:
	// for measuring the pipeline without a stage (Without).
	Chain Chain
}

// Pipeline analyses one article at a time.
type Pipeline struct {
	ex    *extract.Extractor
	cl    *clean.Cleaner
	chain Chain
}

// New builds every stage once.
func New(o Options) (*Pipeline, error) {
	ex, err := extract.New(o.Extract)
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	chain := o.Chain
	if chain == nil {
		if chain, err = NewChain(); err != nil {
			return nil, err
		}
	}
	return &Pipeline{ex: ex, cl: clean.New(o.Clean), chain: chain}, nil
}

// Analyze reads one raw document into an analysed Article. For a document
// that is not an article it returns the partial Article and an error
// wrapping ErrNotArticle.
func (p *Pipeline) Analyze(raw news.Raw) (*news.Article, error) {
	a := &news.Article{
		ID:       raw.ID,
		Input:    raw.Input,
		URL:      raw.URL,
		Hash:     Hash(raw),
		Byline:   []string{},
		Removed:  []news.Removed{},
		Entities: []news.Entity{},
		Quotes:   []news.Quote{},
		Times:    []news.Time{},

		Quantities: []news.Quantity{},
	}
	if a.ID == "" {
		a.ID = a.Hash[:16]
	}
	meta := candidates{}
	meta.add("caller", raw.Title, raw.Outlet, raw.Published, nil)

	var cr *clean.Result
	if raw.IsHTML() {
		res, err := p.ex.Extract(raw.HTML, raw.URL)
		if err != nil {
			return a, fmt.Errorf("%s: %w", raw.Input, err)
		}
		cr = p.cl.CleanParagraphs(res.Paragraphs)
		a.Removed = append(a.Removed, res.Removed...)
		meta.add("html", res.Title, res.SiteName, res.Published, res.Byline)
		a.Language = res.Language
	} else {
		cr = p.cl.Clean(raw.Text)
	}
	a.Paragraphs = cr.Paragraphs
	a.Removed = append(a.Removed, cr.Removed...)
	a.Dateline = cr.Dateline
	meta.add("text", cr.Title, cr.Outlet, cr.Published, cr.Byline)
	if raw.URL != "" {
		meta.add("url", "", outletFromURL(raw.URL), "", nil)
	}
	a.Title, _ = meta.pick(func(c candidate) string { return c.title })
	a.Outlet, a.OutletFrom = meta.pick(func(c candidate) string { return c.outlet })
	a.Published, a.PublishedFrom = meta.pick(func(c candidate) string { return c.published })
	if a.Published != "" {
		a.PublishedConfidence = 1
	}
	for _, c := range meta {
		if len(c.byline) > 0 {
			a.Byline = c.byline
			break
		}
	}
	if cr.NotArticle != "" {
		a.NotArticle = cr.NotArticle
		a.Paragraphs = nil
		return a, fmt.Errorf("%s: %w: %s", raw.Input, ErrNotArticle, cr.NotArticle)
	}
	if a.Language == "" {
		a.Language = language(a.Paragraphs)
	}
	if err := p.chain.Analyze(a); err != nil {
		return a, fmt.Errorf("%s: %w", raw.Input, err)
	}
	return a, nil
}

// Hash returns the hex SHA-256 of the raw input: its bytes as read when
// known, otherwise its text or HTML.
func Hash(raw news.Raw) string {
	h := sha256.New()
	switch {
	case raw.Bytes != nil:
		h.Write(raw.Bytes)
	case raw.HTML != "":
		h.Write([]byte(raw.HTML))
	default:
		h.Write([]byte(raw.Text))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// candidate is what one place (caller, html, text, url) says about the
// article's metadata.
type candidate struct {
	from                     string
	title, outlet, published string
	byline                   []string
}

type candidates []candidate

func (cs *candidates) add(from, title, outlet, published string, byline []string) {
	*cs = append(*cs, candidate{from, strings.TrimSpace(title), strings.TrimSpace(outlet), strings.TrimSpace(published), byline})
}

// pick returns the first non-empty value in order of trust, with where it
// came from.
func (cs candidates) pick(field func(candidate) string) (string, string) {
	for _, c := range cs {
		if v := field(c); v != "" {
			return v, c.from
		}
	}
	return "", ""
}

// outletFromURL names an outlet by its host without "www." ("npr.org").
func outletFromURL(u string) string {
	pu, err := url.Parse(u)
	if err != nil || pu.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(pu.Hostname()), "www.")
}

// language guesses the ISO 639-1 language of the body from its opening.
// English, by far the commonest case, is recognised cheaply by its share of
// function words (a quarter of running English text); anything else goes
// to whatlanggo's trigram model, fed a few hundred bytes, which is plenty
// for a confident guess and keeps it off the profile.
func language(paras []string) string {
	var b strings.Builder
	for _, p := range paras {
		if b.Len() > 600 {
			break
		}
		b.WriteString(p)
		b.WriteByte('\n')
	}
	s := b.String()
	if strings.TrimSpace(s) == "" {
		return ""
	}
	if w := text.Words(s); len(w) >= 20 {
		stop := 0
		for _, x := range w {
			if text.IsStop(x) {
				stop++
			}
		}
		if float64(stop) >= 0.25*float64(len(w)) {
			return "en"
		}
	}
	if len(s) > 400 {
		n := 400
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		s = s[:n]
	}
	info := whatlanggo.Detect(s)
	if info.Lang < 0 || info.Confidence < 0.5 {
		return ""
	}
	return info.Lang.Iso6391()
}
