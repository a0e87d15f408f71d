package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"strings"
	"testing"
	"time"
)

// testProgram has one command of each argument shape; its actions echo
// their arguments and flags so that tests see what Run parsed.
func testProgram() Program {
	echo := func(fs *flag.FlagSet) Action {
		format := Choice(fs, "format", "output `FORMAT`", "text", "json")
		n := AtLeast(fs, "n", 3, 1, "a `COUNT`")
		every := AtLeast(fs, "every", time.Minute, time.Second, "a `DURATION`")
		return func(_ context.Context, pos []string, stdout, _ io.Writer) error {
			_, err := io.WriteString(stdout, strings.Join(pos, ",")+" "+*format+" "+strings.TrimSpace(strings.Repeat("n", *n))+" "+every.String())
			return err
		}
	}
	fail := func(err error) func(*flag.FlagSet) Action {
		return func(fs *flag.FlagSet) Action {
			fs.String("data", "", "`PATH` of the data (required)")
			return func(context.Context, []string, io.Writer, io.Writer) error { return err }
		}
	}
	return Program{
		Name: "prog", Title: "prog: a test.",
		Commands: []Command{
			{Name: "many", Args: "INPUT...", Summary: "takes one or more", Setup: echo},
			{Name: "opt", Args: "[ID]", Setup: echo},
			{Name: "one", Args: "STAGE", Setup: echo},
			{Name: "none", Setup: echo},
			{Name: "usage", Setup: fail(Usagef("--data is %s", "wrong"))},
			{Name: "broken", Setup: fail(errors.New("disk on fire"))},
			{Name: "version", Setup: Version("prog 1.0")},
		},
		Notes: "INPUT is a file.\n",
	}
}

func TestRun(t *testing.T) {
	for _, tc := range []struct {
		name           string
		args           []string
		code           int
		stdout, stderr string // substrings
	}{
		{"no command", nil, 2, "", "Usage:"},
		{"help", []string{"--help"}, 0, "", "prog many INPUT..."},
		{"unknown command", []string{"frob"}, 2, "", `unknown command "frob"`},
		{"flags after arguments", []string{"many", "a", "b", "--format", "json", "--n", "1"}, 0, "a,b json n 1m0s", ""},
		{"defaults", []string{"none"}, 0, " text nnn 1m0s", ""},
		{"duration", []string{"none", "--every", "2s"}, 0, "2s", ""},
		{"bad choice", []string{"many", "a", "--format", "xml"}, 2, "", `invalid value "xml" for --format: must be text or json`},
		{"below the bound", []string{"many", "a", "--n", "0"}, 2, "", "--n: must be at least 1"},
		{"duration below the bound", []string{"many", "a", "--every", "10ms"}, 2, "", "must be at least 1s"},
		{"not a number", []string{"many", "a", "--n", "x"}, 2, "", "not a number"},
		{"undefined flag", []string{"none", "--nope"}, 2, "", "not defined: --nope"},
		{"none given", []string{"many"}, 2, "", "no INPUT given"},
		{"optional absent", []string{"opt"}, 0, " text", ""},
		{"optional twice", []string{"opt", "a", "b"}, 2, "", "give at most one ID"},
		{"one missing", []string{"one"}, 2, "", "give one STAGE"},
		{"one twice", []string{"one", "a", "b"}, 2, "", "give one STAGE"},
		{"none given one", []string{"none", "x"}, 2, "", `none takes no arguments, got "x"`},
		{"usage error", []string{"usage"}, 2, "", "prog usage: usage: --data is wrong"},
		{"failure", []string{"broken"}, 1, "", "prog broken: disk on fire"},
		{"command help", []string{"many", "-h"}, 0, "", "Flags:"},
		{"version", []string{"version"}, 0, "prog 1.0\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := testProgram().Run(t.Context(), tc.args, &out, &errb)
			if code != tc.code || !strings.Contains(out.String(), tc.stdout) || !strings.Contains(errb.String(), tc.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d, stdout with %q, stderr with %q", code, out.String(), errb.String(), tc.code, tc.stdout, tc.stderr)
			}
		})
	}
}

// TestDefaults: a command's -h names each flag as the synopsis does (two
// dashes, the value's name in capitals) and shows a default only when
// there is one.
func TestDefaults(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(fs *flag.FlagSet)
		want  string
	}{
		{"lower-case value name", func(fs *flag.FlagSet) { fs.Int64("max-bytes", 100, "largest input, in `bytes`") },
			"  --max-bytes BYTES\n    \tlargest input, in bytes (default 100)\n"},
		{"switch", func(fs *flag.FlagSet) { fs.Bool("json", false, "print JSON") }, "  --json\n    \tprint JSON\n"},
		{"zero default left out", func(fs *flag.FlagSet) { AtLeast(fs, "workers", 0, 0, "analysis `goroutines` (0: one per core)") },
			"  --workers GOROUTINES\n    \tanalysis goroutines (0: one per core)\n"},
		{"empty default left out", func(fs *flag.FlagSet) { fs.String("db", "", "archive `DSN`") }, "  --db DSN\n    \tarchive DSN\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := flag.NewFlagSet("x", flag.ContinueOnError)
			tc.setup(fs)
			if got := defaults(fs); got != tc.want {
				t.Errorf("defaults:\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

func TestUsage(t *testing.T) {
	got := testProgram().Usage()
	want := `prog: a test.

Usage:
  prog many INPUT... [--every DURATION] [--format FORMAT] [--n COUNT]
      takes one or more
  prog opt [ID] [--every DURATION] [--format FORMAT] [--n COUNT]
  prog one STAGE [--every DURATION] [--format FORMAT] [--n COUNT]
  prog none [--every DURATION] [--format FORMAT] [--n COUNT]
  prog usage --data PATH
  prog broken --data PATH
  prog version

INPUT is a file.
`
	if got != want {
		t.Errorf("Usage:\n%s\nwant:\n%s", got, want)
	}
}

// TestUsageWraps: a synopsis longer than the width continues under the
// command's arguments.
func TestUsageWraps(t *testing.T) {
	p := Program{Name: "prog", Commands: []Command{{Name: "wide", Args: "X", Setup: func(fs *flag.FlagSet) Action {
		for _, name := range []string{"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india"} {
			fs.String(name, "", "a `VALUE`")
		}
		return nil
	}}}}
	lines := strings.Split(strings.TrimSpace(p.Usage()), "\n")
	last := lines[len(lines)-1]
	if len(lines) < 3 || !strings.HasPrefix(last, strings.Repeat(" ", len("  prog wide "))+"[--") {
		t.Fatalf("not wrapped under the arguments:\n%s", p.Usage())
	}
	for _, l := range lines {
		if len(l) > width+2 {
			t.Errorf("line of %d characters: %q", len(l), l)
		}
	}
}

func TestOrList(t *testing.T) {
	for _, tc := range []struct {
		words []string
		want  string
	}{
		{[]string{"text"}, "text"},
		{[]string{"text", "json"}, "text or json"},
		{[]string{"markdown", "json", "html"}, "markdown, json or html"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			if got := orList(tc.words); got != tc.want {
				t.Errorf("orList = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestNotTerminal: a buffer is no terminal, so no progress, no colour and
// no line clearing before a skip.
func TestNotTerminal(t *testing.T) {
	var b bytes.Buffer
	if Terminal(&b) != nil || Color(&b) {
		t.Error("a buffer taken for a terminal")
	}
	Skips(&b)("a.txt", "empty input")
	if got := b.String(); got != "skip: empty input\n" {
		t.Errorf("skip line %q", got)
	}
}
