// Command crosscheck reads news articles about the same events, cleans and
// analyses them, groups them into stories and writes for each story a
// briefing whose every claim is traced to the outlets that reported it.
//
// This package only parses the command line and wires the packages under
// internal/ together; the usage text is generated from the flags.
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

	"github.com/mattn/go-isatty"
)

// command is one subcommand: setup registers its flags and returns what
// it does with the positional arguments.
type command struct {
	name, args string
	setup      func(fs *flag.FlagSet) action
}

type action func(ctx context.Context, pos []string, stdout, stderr io.Writer) error

func commands() []command {
	return []command{
		{"analyze", "INPUT...", analyzeCmd}, {"brief", "INPUT...", briefCmd}, {"eval", "STAGE", evalCmd},
		{"ingest", "INPUT...", ingestCmd}, {"watch", "FEED_URL...", watchCmd}, {"stories", "", storiesCmd},
		{"story", "[ID]", storyCmd}, {"search", "QUERY", searchCmd}, {"serve", "", serveCmd},
		{"version", "", func(*flag.FlagSet) action {
			return func(_ context.Context, _ []string, stdout, _ io.Writer) error {
				_, err := fmt.Fprintln(stdout, "crosscheck dev")
				return err
			}
		}},
	}
}

// errUsage marks a command-line mistake: exit status 2.
var errUsage = errors.New("usage")

// usage is the help text, one synopsis per command generated from its flags.
func usage() string {
	var b strings.Builder
	b.WriteString("crosscheck: one account of a story, every claim traced to who reported it.\n\nUsage:\n")
	for _, c := range commands() {
		fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
		c.setup(fs)
		line := strings.TrimSpace("crosscheck "+c.name+" "+c.args) + " "
		fs.VisitAll(func(f *flag.Flag) {
			name, use := flag.UnquoteUsage(f)
			if name != "" {
				name = " " + strings.ToUpper(name)
			}
			opt := "--" + f.Name + name
			if !strings.Contains(use, "(required)") {
				opt = "[" + opt + "]"
			}
			if len(line)+len(opt) > 96 {
				b.WriteString("  " + strings.TrimRight(line, " ") + "\n")
				line = strings.Repeat(" ", 12+len(c.name))
			}
			line += opt + " "
		})
		b.WriteString("  " + strings.TrimRight(line, " ") + "\n")
	}
	b.WriteString("\nSTAGE is one of: " + strings.Join(evalStages(), ", ") + ".\n" +
		"INPUT is a text file, an HTML file (also .gz), a JSONL file (one article per\nline: id, url, outlet, title, published, and text or html), a directory, a URL,\nor - for standard input. `crosscheck COMMAND -h` describes each flag.\n")
	return b.String()
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, usage())
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		fs := flag.NewFlagSet("crosscheck "+c.name, flag.ContinueOnError)
		fs.SetOutput(stderr)
		act := c.setup(fs)
		pos, err := parse(fs, args[1:])
		if err == nil {
			err = act(ctx, pos, stdout, stderr)
		}
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 2
		}
		fmt.Fprintf(stderr, "crosscheck %s: %v\n", c.name, err)
		if errors.Is(err, errUsage) {
			return 2
		}
		return 1
	}
	fmt.Fprintf(stderr, "crosscheck: unknown command %q\n\n%s", args[0], usage())
	return 2
}

// parse parses flags that may stand before or after the positional
// arguments ("analyze a.txt --format json").
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if args = fs.Args(); len(args) == 0 {
			return pos, nil
		}
		pos, args = append(pos, args[0]), args[1:]
	}
}

// usageErr is a command-line mistake.
func usageErr(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errUsage}, args...)...)
}

// oneOf checks a flag's value against its choices.
func oneOf(flagName, v string, choices ...string) error {
	for _, c := range choices {
		if v == c {
			return nil
		}
	}
	last := len(choices) - 1
	return usageErr("--%s must be %s or %s", flagName, strings.Join(choices[:last], ", "), choices[last])
}

// positive checks that an int flag is above 0.
func positive(flagName string, v int) error {
	if v <= 0 {
		return usageErr("--%s must be positive", flagName)
	}
	return nil
}

// firstErr is the first non-nil error.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isatty.IsTerminal(f.Fd())
}

// colorOK reports whether w is a terminal and NO_COLOR is unset.
func colorOK(w io.Writer) bool { return os.Getenv("NO_COLOR") == "" && isTerminal(w) }
