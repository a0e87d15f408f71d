package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/internal/fetch"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/progress"
	"github.com/crosscheck/crosscheck/internal/read"
	"github.com/crosscheck/crosscheck/internal/text"
)

// inputFlags are the flags shared by every command that reads articles.
type inputFlags struct {
	outlet, url, published string
	maxBytes               int64
	allowPrivate           bool
}

func (f *inputFlags) register(fs interface {
	StringVar(*string, string, string, string)
	Int64Var(*int64, string, int64, string)
	BoolVar(*bool, string, bool, string)
}) {
	fs.StringVar(&f.outlet, "outlet", "", "outlet `NAME` for inputs that do not say")
	fs.StringVar(&f.url, "url", "", "source `URL` for inputs that do not say")
	fs.StringVar(&f.published, "published", "", "publication `DATE` (2006-01-02) for inputs that do not say")
	fs.Int64Var(&f.maxBytes, "max-bytes", 20<<20, "largest input accepted, in bytes")
	fs.BoolVar(&f.allowPrivate, "allow-private", false, "let URL inputs reach loopback and private addresses (off: a feed URL cannot reach internal services)")
}

// fetcher is the guarded HTTP client URL inputs are read with.
func (f *inputFlags) fetcher() *fetch.Fetcher {
	return fetch.New(fetch.Options{AllowPrivate: f.allowPrivate, MaxBytes: f.maxBytes})
}

func (f *inputFlags) reader() *read.Reader {
	fe := f.fetcher()
	return read.New(read.Options{MaxBytes: f.maxBytes, Outlet: f.outlet, URL: f.url, Published: f.published,
		Fetch: func(ctx context.Context, u string) ([]byte, string, error) {
			r, err := fe.Get(ctx, u)
			if err != nil {
				return nil, "", err
			}
			return r.Body, r.ContentType, nil
		}})
}

// analyzeAll runs the pipeline over inputs, reports skips on stderr and
// returns the articles in input order.
// On a terminal a progress line counts the documents; it is cleared before
// each skip message and at the end.
func analyzeAll(ctx context.Context, p *pipeline.Pipeline, f *inputFlags, inputs []string, stderr io.Writer, each func(*news.Article) error) (ok, skipped int, err error) {
	tty := isTerminal(stderr)
	var bar *progress.Bar
	if tty {
		bar = progress.New(stderr, "analyse", 0)
	}
	err = p.Run(ctx, f.reader(), inputs, 0, func(r pipeline.Result) error {
		bar.Add(1)
		if r.Err != nil {
			skipped++
			if tty {
				fmt.Fprint(stderr, "\r\x1b[K")
			}
			fmt.Fprintf(stderr, "skip: %v\n", r.Err)
			return nil
		}
		ok++
		return each(r.Article)
	})
	bar.Done()
	return ok, skipped, err
}

func runAnalyze(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("analyze", stderr)
	format := fs.String("format", "text", "output `format`: text or json")
	var in inputFlags
	in.register(fs)
	inputs, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return fmt.Errorf("%w: no INPUT given", errUsage)
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("%w: --format must be text or json", errUsage)
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	ok, skipped, err := analyzeAll(ctx, p, &in, inputs, stderr, func(a *news.Article) error {
		if *format == "json" {
			return enc.Encode(a)
		}
		return writeArticleText(stdout, a)
	})
	if err != nil {
		return err
	}
	if ok == 0 {
		return fmt.Errorf("no article could be analysed (%d skipped)", skipped)
	}
	return nil
}

// writeArticleText prints an analysed article for people.
func writeArticleText(w io.Writer, a *news.Article) error {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("== %s\n", a.Input)
	p("title:     %s\n", orNone(a.Title))
	p("outlet:    %s%s\n", orNone(a.Outlet), from(a.OutletFrom))
	p("byline:    %s\n", orNone(strings.Join(a.Byline, "; ")))
	p("published: %s%s\n", orNone(a.Published), from(a.PublishedFrom))
	if a.Dateline != "" {
		p("dateline:  %s\n", a.Dateline)
	}
	p("language:  %s\n", orNone(a.Language))
	p("body:      %d paragraphs, %d sentences; %d lines removed\n", len(a.Paragraphs), len(a.Sentences), len(a.Removed))
	for _, r := range a.Removed {
		p("  - [%s] %s\n", r.Reason, text.Clip(r.Text, 90))
	}
	p("entities:\n")
	for _, e := range a.Entities {
		p("  %-7s %s (%d)\n", e.Type, e.Name, len(e.Mentions))
	}
	p("quotes:\n")
	for _, q := range a.Quotes {
		kind := "full"
		if q.Partial {
			kind = "partial"
		}
		p("  %-18s %-7s “%s”\n", text.Clip(orNone(q.Speaker), 18), kind, text.Clip(q.Text, 100))
	}
	p("times:\n")
	for _, t := range a.Times {
		p("  %-24s %s\n", orNone(t.Value), t.Text)
	}
	p("quantities:\n")
	for _, q := range a.Quantities {
		p("  %-40s value=%g unit=%s qualifier=%s\n", q.Text, q.Value, q.Unit, orNone(q.Qualifier))
	}
	_, err := fmt.Fprintln(w)
	return err
}

func orNone(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func from(s string) string {
	if s == "" {
		return ""
	}
	return " (from " + s + ")"
}
