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
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/crosscheck/crosscheck/internal/cli"
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
			{Name: "stories", Summary: "list the archive's stories, most recently updated first", Setup: storiesCmd},
			{Name: "story", Args: "[ID]", Summary: "print the briefing of story ID; with no ID, of the most recently updated story", Setup: storyCmd},
			{Name: "search", Args: "QUERY", Summary: "search the archive's articles", Setup: searchCmd},
			{Name: "serve", Summary: "serve the archive's pages and JSON API until interrupted", Setup: serveCmd},
			{Name: "version", Summary: "print the version", Setup: func(*flag.FlagSet) cli.Action {
				return func(_ context.Context, _ []string, stdout, _ io.Writer) error {
					_, err := fmt.Fprintln(stdout, "crosscheck dev")
					return err
				}
			}},
		},
		Notes: "STAGE is one of: " + strings.Join(evalStages(), ", ") + ".\n" +
			"INPUT is a text file, an HTML file (also .gz), a JSONL file (one article per\n" +
			"line: id, url, outlet, title, published, and text or html), an RSS/Atom feed,\n" +
			"a WARC file, a directory, a URL, or - for standard input.\n" +
			"`crosscheck COMMAND -h` describes each flag.\n",
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(program().Run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}
