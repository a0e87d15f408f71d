// Command crosscheck reads news articles about the same events, cleans and
// analyses them, groups them into stories and writes for each story a
// briefing whose every claim is traced to the outlets that reported it.
//
// This file only parses the command line and dispatches to the subcommands;
// the work is done by the packages under internal/.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `crosscheck: one account of a story, every claim traced to who reported it.

Usage:
  crosscheck analyze [--format text|json] [--outlet NAME] [--url URL] [--published DATE] INPUT...
  crosscheck brief   [--format markdown|json|html] [--words N] [--published DATE] INPUT...
  crosscheck eval    STAGE --data PATH [--json]    (STAGE: extract, boilerplate, quotes, summarize, cluster, seeds)

  crosscheck ingest  [--db DSN] [--outlet NAME] [--url URL] [--published DATE] INPUT...
  crosscheck watch   [--db DSN] [--interval 5m] [--allow-private] FEED_URL...
  crosscheck stories [--db DSN] [--format text|json] [--limit N]
  crosscheck story   [--db DSN] [--format markdown|json|html] ID
  crosscheck search  [--db DSN] [--limit N] QUERY
  crosscheck serve   [--db DSN] [--addr 127.0.0.1:8080] [--token TOKEN] [--open-ingest] [--guard-reads] [--max-body BYTES]
  crosscheck version

INPUT is a text file, an HTML file (also .gz), a JSONL file (one article per
line: id, url, outlet, title, published, and text or html), a directory, or -
for standard input.
`

// errUsage marks a command-line mistake: the usage is printed and the exit
// status is 2.
var errUsage = errors.New("usage")

type command struct {
	run func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() map[string]command {
	return map[string]command{
		"analyze": {runAnalyze},
		"brief":   {runBrief},
		"eval":    {runEval},
		"ingest":  {runIngest},
		"watch":   {runWatch},
		"stories": {runStories},
		"story":   {runStory},
		"search":  {runSearch},
		"serve":   {runServe},
		"version": {func(context.Context, []string, io.Writer, io.Writer) error { fmt.Println("crosscheck dev"); return nil }},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, usage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands()[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "crosscheck: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	if err := cmd.run(ctx, args[1:], stdout, stderr); err != nil {
		if errors.Is(err, errUsage) || errors.Is(err, flag.ErrHelp) {
			if !errors.Is(err, flag.ErrHelp) {
				fmt.Fprintf(stderr, "crosscheck %s: %v\n", args[0], err)
			}
			return 2
		}
		fmt.Fprintf(stderr, "crosscheck %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

// newFlags returns a flag set that reports errors instead of exiting.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("crosscheck "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parse parses flags that may stand before or after the positional
// arguments ("analyze a.txt --format json").
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
