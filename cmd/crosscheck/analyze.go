package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/cli"
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
	fetch fetch.Options
	read  read.Options
}

func addInputFlags(fs *flag.FlagSet) *inputFlags {
	f := &inputFlags{fetch: fetch.Options{MaxBytesSetting: "--max-bytes"}, read: read.Options{MaxBytesSetting: "--max-bytes"}}
	fs.StringVar(&f.read.Outlet, "outlet", "", "outlet `NAME` for inputs that do not say")
	fs.StringVar(&f.read.URL, "url", "", "source `URL` for inputs that do not say")
	fs.StringVar(&f.read.Published, "published", "", "publication `DATE` (2006-01-02) for inputs that do not say")
	fs.Int64Var(&f.read.MaxBytes, "max-bytes", read.DefaultMaxBytes, "largest input accepted, in `bytes`")
	fs.BoolVar(&f.fetch.AllowPrivate, "allow-private", false, "let URL inputs reach loopback and private addresses (off: a feed URL cannot reach internal services)")
	return f
}

// reader reads files, streams and (through a guarded fetcher) URLs.
func (f *inputFlags) reader() (*read.Reader, *fetch.Fetcher) {
	f.fetch.MaxBytes = f.read.MaxBytes
	fe := fetch.New(f.fetch)
	o := f.read
	o.Fetch = fe.Body
	return read.New(o), fe
}

// analyzeAll runs the pipeline over inputs and hands each article to each
// in input order, reporting skips and (on a terminal) progress on stderr.
func analyzeAll(ctx context.Context, f *inputFlags, inputs []string, stderr io.Writer, each func(*news.Article) error) error {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return err
	}
	bar, skip, ok, skipped := progress.New(cli.Terminal(stderr), "analyse", 0), cli.Skips(stderr), 0, 0
	rd, _ := f.reader()
	err = p.Run(ctx, rd, inputs, 0, func(r pipeline.Result) error {
		if bar.Add(1); r.Err == nil {
			ok++
			return each(r.Article)
		}
		skipped++
		skip("", r.Err.Error())
		return nil
	})
	bar.Done()
	if err == nil && ok == 0 {
		err = fmt.Errorf("no article could be analysed (%d skipped)", skipped)
	}
	return err
}

func analyzeCmd(fs *flag.FlagSet) cli.Action {
	format := fs.String("format", "text", "output `format`: text or json")
	in := addInputFlags(fs)
	return func(ctx context.Context, inputs []string, stdout, stderr io.Writer) error {
		if err := cli.Need(inputs, "INPUT", cli.OneOf("format", *format, "text", "json")); err != nil {
			return err
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return analyzeAll(ctx, in, inputs, stderr, func(a *news.Article) error {
			if *format == "json" {
				return enc.Encode(a)
			}
			return listing.Article(stdout, a)
		})
	}
}

func briefCmd(fs *flag.FlagSet) cli.Action {
	format := fs.String("format", "markdown", "output `format`: markdown, json or html")
	words := fs.Int("words", 250, "summary length in `words`")
	in := addInputFlags(fs)
	return func(ctx context.Context, inputs []string, stdout, stderr io.Writer) error {
		if err := cli.Need(inputs, "INPUT", cli.OneOf("format", *format, brief.Formats()...), cli.AtLeast("words", *words, 1)); err != nil {
			return err
		}
		var arts []*news.Article
		if err := analyzeAll(ctx, in, inputs, stderr, func(a *news.Article) error { arts = append(arts, a); return nil }); err != nil {
			return err
		}
		return brief.Write(stdout, *format, brief.New(brief.Options{Words: *words, Stem: text.Stem}).Brief(arts), cli.Color(stdout))
	}
}
