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
	"slices"
	"strconv"
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
	// Name is the subcommand ("analyze"). Args names its positional
	// arguments for the synopsis and says how many Run accepts: "" none,
	// "ID" exactly one, "[ID]" at most one, "INPUT..." one or more.
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

// Version is the setup of a command that prints v.
func Version(v string) func(*flag.FlagSet) Action {
	return func(*flag.FlagSet) Action {
		return func(_ context.Context, _ []string, stdout, _ io.Writer) error {
			_, err := fmt.Fprintln(stdout, v)
			return err
		}
	}
}

// Usage is the help text: the title, then for each command a synopsis
// generated from its flags (a flag whose usage says "(required)" is shown
// without brackets) and its summary, then the notes.
func (p Program) Usage() string {
	var b strings.Builder
	b.WriteString(p.Title + "\n\nUsage:\n")
	for _, c := range p.Commands {
		fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
		c.Setup(fs)
		b.WriteString(p.synopsis(c, fs))
	}
	if p.Notes != "" {
		b.WriteString("\n" + p.Notes)
	}
	return b.String()
}

// synopsis is a command's usage line, wrapped, and its summary.
func (p Program) synopsis(c Command, fs *flag.FlagSet) string {
	var b strings.Builder
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
	return b.String()
}

// defaults describes each flag of fs as the synopsis names it: two
// dashes and the value's name in capitals ("--max-bytes BYTES"), then its
// usage and its default when it has one.
func defaults(fs *flag.FlagSet) string {
	var b strings.Builder
	fs.VisitAll(func(f *flag.Flag) {
		name, use := flag.UnquoteUsage(f)
		b.WriteString("  --" + f.Name)
		if name != "" {
			b.WriteString(" " + strings.ToUpper(name))
		}
		b.WriteString("\n    \t" + strings.ReplaceAll(use, "\n", "\n    \t"))
		switch f.DefValue {
		case "", "0", "false", "[]":
		default:
			b.WriteString(" (default " + f.DefValue + ")")
		}
		b.WriteString("\n")
	})
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
		fs.SetOutput(io.Discard)
		act := c.Setup(fs)
		pos, err := parse(fs, args[1:])
		switch {
		case errors.Is(err, flag.ErrHelp):
			fmt.Fprint(stderr, "Usage:\n"+p.synopsis(c, fs)+"\nFlags:\n"+defaults(fs))
			return 0
		case err != nil:
			// The flag package names flags with one dash; the usage text
			// and the README use two.
			msg := strings.Replace(err.Error(), "flag -", "--", 1)
			err = Usagef("%s", strings.Replace(msg, "not defined: -", "not defined: --", 1))
		default:
			if err = c.count(pos); err == nil {
				err = act(ctx, pos, stdout, stderr)
			}
		}
		if err == nil {
			return 0
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

// count checks the number of positional arguments against Args.
func (c Command) count(pos []string) error {
	name, a := strings.Trim(c.Args, "[]."), c.Args
	switch {
	case a == "":
		if len(pos) > 0 {
			return Usagef("%s takes no arguments, got %q", c.Name, pos[0])
		}
	case strings.HasSuffix(a, "..."):
		if len(pos) == 0 {
			return Usagef("no %s given", name)
		}
	case strings.HasPrefix(a, "["):
		if len(pos) > 1 {
			return Usagef("give at most one %s", name)
		}
	case len(pos) != 1:
		return Usagef("give one %s", name)
	}
	return nil
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

// choice is a string flag limited to a list of values.
type choice struct {
	v       *string
	choices []string
}

func (c choice) String() string {
	if c.v == nil {
		return ""
	}
	return *c.v
}

func (c choice) Set(s string) error {
	if !slices.Contains(c.choices, s) {
		return fmt.Errorf("must be %s", orList(c.choices))
	}
	*c.v = s
	return nil
}

// Choice defines a string flag whose value must be one of choices; the
// first is the default. The usage text gets the choices appended, and a
// value outside them is a usage mistake when the flags are parsed.
func Choice(fs *flag.FlagSet, name, usage string, choices ...string) *string {
	v := choices[0]
	fs.Var(choice{&v, choices}, name, usage+": "+orList(choices))
	return &v
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	last := len(words) - 1
	return strings.Join(words[:last], ", ") + " or " + words[last]
}

// atLeast is a number or duration flag with a lower bound.
type atLeast[T int | int64 | time.Duration] struct {
	p   *T
	low T
}

func (m atLeast[T]) String() string {
	if m.p == nil {
		return ""
	}
	return fmt.Sprint(*m.p)
}

func (m atLeast[T]) Set(s string) error {
	var v T
	var err error
	switch p := any(&v).(type) {
	case *time.Duration:
		*p, err = time.ParseDuration(s)
	case *int:
		*p, err = strconv.Atoi(s)
	case *int64:
		*p, err = strconv.ParseInt(s, 10, 64)
	}
	if err != nil {
		return errors.New("not a number or duration")
	} else if v < m.low {
		return fmt.Errorf("must be at least %v", m.low)
	}
	*m.p = v
	return nil
}

// AtLeastVar defines a number or duration flag stored in p, value by
// default, that must be at least low: a smaller value is a usage mistake
// when the flags are parsed.
func AtLeastVar[T int | int64 | time.Duration](fs *flag.FlagSet, p *T, name string, value, low T, usage string) {
	*p = value
	fs.Var(atLeast[T]{p, low}, name, usage)
}

// AtLeast is AtLeastVar with a new variable.
func AtLeast[T int | int64 | time.Duration](fs *flag.FlagSet, name string, value, low T, usage string) *T {
	p := new(T)
	AtLeastVar(fs, p, name, value, low, usage)
	return p
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
