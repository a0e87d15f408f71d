package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/fetch"
	"github.com/crosscheck/crosscheck/internal/listing"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/progress"
	"github.com/crosscheck/crosscheck/internal/read"
	"github.com/crosscheck/crosscheck/internal/text"
)

// inputFlags are the flags of every command that reads articles.
type inputFlags struct {
	outlet, url, published string
	maxBytes               int64
	allowPrivate           bool
}

func addInputFlags(fs *flag.FlagSet) *inputFlags {
	f := &inputFlags{}
	fs.StringVar(&f.outlet, "outlet", "", "outlet `NAME` for inputs that do not say")
	fs.StringVar(&f.url, "url", "", "source `URL` for inputs that do not say")
	fs.StringVar(&f.published, "published", "", "publication `DATE` (2006-01-02) for inputs that do not say")
	fs.Int64Var(&f.maxBytes, "max-bytes", 20<<20, "largest input accepted, in `bytes`")
	fs.BoolVar(&f.allowPrivate, "allow-private", false, "let URL inputs reach loopback and private addresses (off: a feed URL cannot reach internal services)")
	return f
}

// fetcher is the guarded HTTP client URL inputs are read with.
func (f *inputFlags) fetcher() *fetch.Fetcher {
	return fetch.New(fetch.Options{AllowPrivate: f.allowPrivate, MaxBytes: f.maxBytes})
}

func (f *inputFlags) reader() *read.Reader {
	fe := f.fetcher()
	return read.New(read.Options{MaxBytes: f.maxBytes, MaxBytesSetting: "--max-bytes", Outlet: f.outlet, URL: f.url, Published: f.published,
		Fetch: func(ctx context.Context, u string) ([]byte, string, error) {
			r, err := fe.Get(ctx, u)
			if err != nil {
				return nil, "", err
			}
			return r.Body, r.ContentType, nil
		}})
}

// needInputs is a usage error when no input is given, else the first of
// the flag checks that failed.
func needInputs(inputs []string, checks ...error) error {
	if len(inputs) == 0 {
		return usageErr("no INPUT given")
	}
	return firstErr(checks...)
}

// analyzeAll runs the pipeline over inputs and hands each article to each
// in input order, reporting skips on stderr; on a terminal a progress line
// counts the documents and is cleared before each skip and at the end.
func analyzeAll(ctx context.Context, f *inputFlags, inputs []string, stderr io.Writer, each func(*news.Article) error) (ok int, err error) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return 0, err
	}
	tty, skipped := isTerminal(stderr), 0
	var bar *progress.Bar
	if tty {
		bar = progress.New(stderr, "analyse", 0)
	}
	err = p.Run(ctx, f.reader(), inputs, 0, func(r pipeline.Result) error {
		bar.Add(1)
		if r.Err == nil {
			ok++
			return each(r.Article)
		}
		if skipped++; tty {
			fmt.Fprint(stderr, "\r\x1b[K")
		}
		fmt.Fprintf(stderr, "skip: %v\n", r.Err)
		return nil
	})
	bar.Done()
	if err == nil && ok == 0 {
		err = fmt.Errorf("no article could be analysed (%d skipped)", skipped)
	}
	return ok, err
}

func analyzeCmd(fs *flag.FlagSet) action {
	format := fs.String("format", "text", "output `format`: text or json")
	in := addInputFlags(fs)
	return func(ctx context.Context, inputs []string, stdout, stderr io.Writer) error {
		if err := needInputs(inputs, oneOf("format", *format, "text", "json")); err != nil {
			return err
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		_, err := analyzeAll(ctx, in, inputs, stderr, func(a *news.Article) error {
			if *format == "json" {
				return enc.Encode(a)
			}
			return listing.Article(stdout, a)
		})
		return err
	}
}

func briefCmd(fs *flag.FlagSet) action {
	format := fs.String("format", "markdown", "output `format`: markdown, json or html")
	words := fs.Int("words", 250, "summary length in `words`")
	in := addInputFlags(fs)
	return func(ctx context.Context, inputs []string, stdout, stderr io.Writer) error {
		if err := needInputs(inputs, oneOf("format", *format, "markdown", "json", "html"), positive("words", *words)); err != nil {
			return err
		}
		var arts []*news.Article
		if _, err := analyzeAll(ctx, in, inputs, stderr, func(a *news.Article) error { arts = append(arts, a); return nil }); err != nil {
			return err
		}
		b, err := brief.New(brief.Options{Words: *words, Stem: text.Stem}).Brief(ctx, arts)
		if err != nil {
			return err
		}
		return writeBriefing(stdout, *format, b)
	}
}

// writeBriefing renders b in format; Markdown is coloured on a terminal.
func writeBriefing(w io.Writer, format string, b *news.Briefing) error {
	switch format {
	case "json":
		return brief.JSON(w, b)
	case "html":
		return brief.HTML(w, b)
	}
	return brief.Markdown(w, b, colorOK(w))
}
