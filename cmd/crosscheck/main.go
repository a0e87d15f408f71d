// Command crosscheck reads news articles about the same events, cleans and
// analyses them, groups them into stories and writes for each story a
// briefing whose every claim is traced to the outlets that reported it.
//
// This package only declares the commands and their flags and wires the
// packages under internal/ together; package cli runs them and generates
// the usage text from the flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/cli"
	"github.com/crosscheck/crosscheck/internal/eval"
	"github.com/crosscheck/crosscheck/internal/fetch"
	"github.com/crosscheck/crosscheck/internal/listing"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/read"
	"github.com/crosscheck/crosscheck/internal/say"
	"github.com/crosscheck/crosscheck/internal/text"
)

func program() cli.Program {
	return cli.Program{
		Name:  "crosscheck",
		Title: "crosscheck: one account of a story, every claim traced to who reported it.",
		Commands: []cli.Command{
			{Name: "analyze", Args: "INPUT...", Summary: "analyse each article and print what was found in it", Setup: analyzeCmd},
			{Name: "brief", Args: "INPUT...", Summary: "print one briefing of the articles, without an archive", Setup: briefCmd},
			{Name: "eval", Args: "STAGE", Summary: "score a stage on evaluation data", Setup: evalCmd},
			{Name: "ingest", Args: "INPUT...", Summary: "store the articles in the archive, grouped into stories", Setup: ingestCmd},
			{Name: "watch", Args: "FEED_URL...", Summary: "poll feeds and ingest every new item until interrupted", Setup: watchCmd},
			{Name: "stories", Summary: "list the archive's stories, newest news first", Setup: storiesCmd},
			{Name: "story", Args: "[ID]", Summary: "print the briefing of story ID; with no ID, of the newest story", Setup: storyCmd},
			{Name: "search", Args: "QUERY...", Summary: "search the archive's articles", Setup: searchCmd},
			{Name: "serve", Summary: "serve the archive's pages and JSON API until interrupted", Setup: serveCmd},
			{Name: "version", Summary: "print the version", Setup: cli.Version("crosscheck dev")},
		},
		Notes: "STAGE is one of: " + strings.Join(eval.StageNames(), ", ") + ".\n" +
			"INPUT is a text file, an HTML file (also .gz), a JSONL file (one article per\n" +
			"line: id, url, outlet, title, published, and text or html), an RSS/Atom feed,\n" +
			"a WARC file, a directory, a URL, or - for standard input.\n" +
			"`crosscheck COMMAND -h` describes each flag.\n",
	}
}

func main() {
	// A command on a small input finishes before the first 32 MiB: no
	// collection at all (see cli.DelayGC).
	cli.DelayGC(32 << 20)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(program().Run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

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

// reader reads files, streams and, through the guarded fetcher it also
// returns, URLs.
func (f *inputFlags) reader() (*read.Reader, *fetch.Fetcher) {
	f.fetch.MaxBytes = f.read.MaxBytes
	fe, o := fetch.New(f.fetch), f.read
	o.Fetch = fe.Body
	return read.New(o), fe
}

// analyze runs the pipeline over inputs, handing each article to each.
func (f *inputFlags) analyze(ctx context.Context, inputs []string, stderr io.Writer, each func(*news.Article) error) error {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return err
	}
	rd, _ := f.reader()
	return listing.Analyze(ctx, p, rd, inputs, cli.Terminal(stderr), cli.Skips(stderr), each)
}

func analyzeCmd(fs *flag.FlagSet) cli.Action {
	format := cli.Choice(fs, "format", "output `format`", "text", "json")
	in := addInputFlags(fs)
	return func(ctx context.Context, inputs []string, stdout, stderr io.Writer) error {
		return in.analyze(ctx, inputs, stderr, listing.ArticleWriter(stdout, *format))
	}
}

func briefCmd(fs *flag.FlagSet) cli.Action {
	format := cli.Choice(fs, "format", "output `format`", brief.Formats()...)
	words := cli.AtLeast(fs, "words", 250, 1, "summary length in `words`")
	in := addInputFlags(fs)
	return func(ctx context.Context, inputs []string, stdout, stderr io.Writer) error {
		var arts []*news.Article
		if err := in.analyze(ctx, inputs, stderr, func(a *news.Article) error { arts = append(arts, a); return nil }); err != nil {
			if ctx.Err() != nil {
				return fmt.Errorf("interrupted while analysing the inputs (%s analysed): no briefing written: %w", say.Count(len(arts), "article", "articles"), err)
			}
			return err
		}
		err := brief.New(brief.Options{Words: *words, Stem: text.Stem}).WriteBrief(ctx, stdout, *format, arts, cli.Color(stdout))
		if err != nil && ctx.Err() != nil {
			return fmt.Errorf("interrupted while briefing %s: no briefing written: %w", say.Count(len(arts), "article", "articles"), err)
		}
		return err
	}
}

// evalCmd scores one stage (eval.Stages) on evaluation data.
func evalCmd(fs *flag.FlagSet) cli.Action {
	var o eval.StageOptions
	fs.StringVar(&o.Data, "data", "", "`PATH` of the evaluation data, the same for every stage: the folder holding data/, gold/ and seeds/ (../shared), or its data/ folder; a stage's own file or folder is read as given (required)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	fs.IntVar(&o.MaxWords, "max-words", 300, "summarize: cap on summary length in `words`")
	fs.IntVar(&o.Limit, "limit", 0, "summarize: score only the first `N` stories (0: all)")
	fs.StringVar(&o.Published, "published", "", "seeds: reference `DATE` given to the seeds (empty: inferred from the text)")
	fs.StringVar(&o.Split, "split", "all", "timex, discrepancies, quotes, citations, entities: score one `split` of the judged set: tune, check or all (entities: also fresh, fresh2 and fresh3, its once-untouched sets; timex: "+strings.Join(eval.TimexSplits, ", ")+", the fresh ones judged blind; a set judged in halves, fresh3, fresh4, fresh5 or fresh6, scores both)")
	fs.StringVar(&o.Set, "set", "", "entities: score one `set` only: basil, multinews or polnear (empty: all); cluster: basil or multinews (empty: basil)")
	fs.StringVar(&o.Order, "order", "", "cluster: `order` the articles arrive in: date or shuffle (default by data set)")
	return func(ctx context.Context, pos []string, stdout, stderr io.Writer) error {
		if o.Data == "" {
			return cli.Usagef("--data PATH is required")
		}
		o.Progress = cli.Terminal(stderr)
		rep, err := eval.RunStage(ctx, pos[0], o)
		switch {
		case errors.Is(err, eval.ErrUnknownStage):
			return cli.Usagef("%v", err)
		case err != nil:
			return err
		case *asJSON:
			return listing.JSON(stdout, rep)
		}
		return rep.Print(stdout)
	}
}
