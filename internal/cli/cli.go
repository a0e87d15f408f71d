// Package cli runs a command line made of subcommands: it parses each
// subcommand's flags (before or after the positional arguments), maps
// mistakes to exit status 2 and failures to 1, and generates the usage text
// from the flags themselves, so that help and behaviour cannot drift apart.
//
// It knows nothing of crosscheck's stages; cmd/crosscheck declares the
// commands and wires the packages.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/progress"
)

// ErrUsage marks a command-line mistake; Run exits 2 on it.
var ErrUsage = errors.New("usage")

// Action does a command's work with its positional arguments.
type Action func(ctx context.Context, pos []string, stdout, stderr io.Writer) error

// Command is one subcommand.
type Command struct {
	// Name is the subcommand ("analyze"); Args names its positional
	// arguments for the synopsis ("INPUT...", "[ID]").
	Name, Args string
	// Summary says in one line what the command does; Usage prints it
	// under the synopsis.
	Summary string
	// Setup registers the command's flags and returns its action, which
	// reads the parsed flag values.
	Setup func(fs *flag.FlagSet) Action
}

// Program is a command line: a title, its commands and a closing note.
type Program struct {
	Name, Title string
	Commands    []Command
	// Notes follows the synopses (what the argument names mean).
	Notes string
}

// width is where synopses wrap.
const width = 96

// Usage is the help text: the title, then for each command a synopsis
// generated from its flags (a flag whose usage says "(required)" is shown
// without brackets) and its summary, then the notes.
func (p Program) Usage() string {
	var b strings.Builder
	b.WriteString(p.Title + "\n\nUsage:\n")
	for _, c := range p.Commands {
		fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
		c.Setup(fs)
		head := p.Name + " " + c.Name + " "
		line := strings.TrimSpace(head+c.Args) + " "
		fs.VisitAll(func(f *flag.Flag) {
			name, use := flag.UnquoteUsage(f)
			if name != "" {
				name = " " + strings.ToUpper(name)
			}
			opt := "--" + f.Name + name
			if !strings.Contains(use, "(required)") {
				opt = "[" + opt + "]"
			}
			if len(line)+len(opt) > width {
				b.WriteString("  " + strings.TrimRight(line, " ") + "\n")
				line = strings.Repeat(" ", len(head))
			}
			line += opt + " "
		})
		b.WriteString("  " + strings.TrimRight(line, " ") + "\n")
		if c.Summary != "" {
			b.WriteString("      " + c.Summary + "\n")
		}
	}
	if p.Notes != "" {
		b.WriteString("\n" + p.Notes)
	}
	return b.String()
}

// Run runs the command args[0] names and returns the exit status: 0 on
// success, 2 on a usage mistake (no command, an unknown one, a bad flag,
// an error wrapping ErrUsage), 1 on any other error. Help (-h, --help,
// help) prints the usage and exits 0.
func (p Program) Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, p.Usage())
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range p.Commands {
		if c.Name != args[0] {
			continue
		}
		fs := flag.NewFlagSet(p.Name+" "+c.Name, flag.ContinueOnError)
		fs.SetOutput(stderr)
		act := c.Setup(fs)
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
		fmt.Fprintf(stderr, "%s %s: %v\n", p.Name, c.Name, err)
		if errors.Is(err, ErrUsage) {
			return 2
		}
		return 1
	}
	fmt.Fprintf(stderr, "%s: unknown command %q\n\n%s", p.Name, args[0], p.Usage())
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

// Usagef is a command-line mistake: an error wrapping ErrUsage.
func Usagef(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrUsage}, args...)...)
}

// OneOf checks a flag's value against its choices.
func OneOf(flagName, v string, choices ...string) error {
	for _, c := range choices {
		if v == c {
			return nil
		}
	}
	last := len(choices) - 1
	if last == 0 {
		return Usagef("--%s must be %s", flagName, choices[0])
	}
	return Usagef("--%s must be %s or %s", flagName, strings.Join(choices[:last], ", "), choices[last])
}

// AtLeast checks that a number or duration flag is at least low.
func AtLeast[T int | int64 | time.Duration](flagName string, v, low T) error {
	if v < low {
		return Usagef("--%s must be at least %v", flagName, low)
	}
	return nil
}

// FirstErr is the first non-nil error.
func FirstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Need is a usage error naming what when pos is empty, else the first
// failed check.
func Need(pos []string, what string, checks ...error) error {
	if len(pos) == 0 {
		return Usagef("no %s given", what)
	}
	return FirstErr(checks...)
}

// Terminal is w when it is a terminal (for progress lines), else nil.
func Terminal(w io.Writer) io.Writer {
	if progress.IsTerminal(w) {
		return w
	}
	return nil
}

// Color reports whether output to w may be coloured: w is a terminal and
// $NO_COLOR is unset (https://no-color.org).
func Color(w io.Writer) bool { return os.Getenv("NO_COLOR") == "" && progress.IsTerminal(w) }

// Skips returns a reporter of skipped inputs on w that first clears a
// progress line when w is a terminal.
func Skips(w io.Writer) func(input, reason string) {
	tty := progress.IsTerminal(w)
	return func(_, reason string) {
		if tty {
			fmt.Fprint(w, "\r\x1b[K")
		}
		fmt.Fprintf(w, "skip: %s\n", reason)
	}
}
