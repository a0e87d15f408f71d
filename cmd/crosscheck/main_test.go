package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var seeds = []string{"../../examples/seeds/000_e0283830494e89d8.txt", "../../examples/seeds/004_eef1f693c3e9b6b8.txt"}

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = program().Run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestAnalyzeJSON(t *testing.T) {
	code, out, stderr := runCLI(t, append([]string{"analyze", "--format", "json"}, seeds...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d JSON lines, want 2", len(lines))
	}
	for i, l := range lines {
		var a map[string]any
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"id", "input", "outlet", "title", "byline", "published", "published_from", "language", "paragraphs", "removed", "entities", "quotes", "times", "quantities"} {
			if _, ok := a[k]; !ok {
				t.Errorf("line %d lacks %q", i, k)
			}
		}
		if !strings.HasSuffix(a["input"].(string), filepath.Base(seeds[i])) {
			t.Errorf("line %d is %v: output not in input order", i, a["input"])
		}
	}
}

func TestBriefFormats(t *testing.T) {
	for _, f := range []struct{ format, want string }{
		{"markdown", "## Summary"},
		{"html", "<!doctype html>"},
		{"json", `"discrepancies"`},
	} {
		t.Run(f.format, func(t *testing.T) {
			code, out, stderr := runCLI(t, append([]string{"brief", "--published", "2017-04-12", "--format", f.format}, seeds...)...)
			if code != 0 || !strings.Contains(out, f.want) {
				t.Fatalf("exit %d, output lacks %q: %s", code, f.want, stderr)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.txt", nil)
	binary := write("binary.bin", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, 0, 0})
	big := write("big.txt", bytes.Repeat([]byte("word "), 300))
	tests := []struct {
		name     string
		args     []string
		code     int
		inStderr string
	}{
		{"no input", []string{"analyze"}, 2, "no INPUT"},
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"bad format", []string{"analyze", "--format", "xml", seeds[0]}, 2, "--format"},
		{"missing file", []string{"analyze", filepath.Join(dir, "nope.txt")}, 1, "no such input"},
		{"empty file", []string{"analyze", empty}, 1, "empty input"},
		{"binary file", []string{"analyze", binary}, 1, "binary input"},
		{"too large", []string{"analyze", "--max-bytes", "100", big}, 1, "too large: the file is"},
		{"too large names the flag", []string{"analyze", "--max-bytes", "100", big}, 1, "raise it with --max-bytes"},
		{"bad among good goes on", []string{"analyze", empty, seeds[0]}, 0, "empty.txt"},
		{"eval without data", []string{"eval", "extract"}, 2, "--data"},
		{"eval wrong data", []string{"eval", "quotes", "--data", filepath.Join(dir, "none")}, 1, "no such file"},
		{"eval unknown stage", []string{"eval", "nope", "--data", dir}, 2, "unknown stage"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.inStderr) {
				t.Errorf("exit %d, stderr %q; want exit %d mentioning %q", code, stderr, tc.code, tc.inStderr)
			}
		})
	}
}

func TestEvalSeeds(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "gold", "seeds.gold.json")); err != nil {
		t.Skip("../shared is not here: no seeds scorecard")
	}
	code, out, stderr := runCLI(t, "eval", "seeds", "--data", shared, "--published", "2017-04-12")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	last := out[strings.LastIndex(strings.TrimSpace(out), "\n")+1:]
	if !strings.HasPrefix(last, "stage=seeds ") || !strings.Contains(last, "quotes_speaker_right=") {
		t.Errorf("closing line %q is not the key=value summary", last)
	}
}

var update = flag.Bool("update", false, "rewrite the README's usage block from the generated usage")

// TestReadmeUsage: the README's usage block is the text `crosscheck
// --help` prints, so that the two cannot disagree. go test -update
// rewrites the block.
func TestReadmeUsage(t *testing.T) {
	const path = "../../README.md"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	start := strings.Index(readme, "## Usage\n\n```\n")
	if start < 0 {
		t.Fatal("README has no ## Usage section opening with a code block")
	}
	start += len("## Usage\n\n```\n")
	end := start + strings.Index(readme[start:], "```\n")
	want := program().Usage()
	if *update {
		if err := os.WriteFile(path, []byte(readme[:start]+want+readme[end:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got := readme[start:end]; got != want {
		t.Errorf("README usage block differs from --help (go test ./cmd/crosscheck -run TestReadmeUsage -update rewrites it):\n%s\nwant:\n%s", got, want)
	}
	_, _, stderr := runCLI(t, "--help")
	if stderr != want {
		t.Errorf("--help prints\n%s\nnot the usage", stderr)
	}
}
