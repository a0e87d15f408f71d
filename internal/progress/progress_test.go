package progress

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

// fakeClock returns a clock that advances by step on every call.
func fakeClock(step time.Duration) func() time.Time {
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(step)
		return t
	}
}

func TestNonTerminal(t *testing.T) {
	tests := []struct {
		name  string
		total int
		adds  []int
		want  []string
	}{
		{"known total", 4, []int{1, 1, 2}, []string{"eval [", "] 4/4 100%"}},
		{"unknown total", 0, []int{3, 2}, []string{"eval 5 "}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			b := New(&buf, "eval", tc.total)
			b.now = fakeClock(time.Second)
			for _, n := range tc.adds {
				b.Add(n)
			}
			if buf.Len() != 0 {
				t.Fatalf("non-terminal writer got output before Done: %q", buf.String())
			}
			b.Done()
			b.Done()
			out := buf.String()
			if strings.Count(out, "\n") != 1 || strings.Contains(out, "\r") {
				t.Errorf("want exactly one plain line, got %q", out)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output %q lacks %q", out, w)
				}
			}
		})
	}
}

func TestTerminalRateLimit(t *testing.T) {
	var buf bytes.Buffer
	b := New(&buf, "x", 1000)
	b.tty = true // pretend; a bytes.Buffer is never a terminal
	b.now = fakeClock(10 * time.Millisecond)
	for range 1000 {
		b.Add(1)
	}
	b.Done()
	draws := strings.Count(buf.String(), "\r")
	// 1000 adds 10 ms apart over 10 s: about one draw per 100 ms, plus the
	// final state and Done.
	if draws < 50 || draws > 120 {
		t.Errorf("got %d redraws, want about 100", draws)
	}
	if !strings.HasSuffix(buf.String(), "\x1b[K\n") {
		t.Errorf("final line not terminated: %q", buf.String()[max(0, buf.Len()-40):])
	}
}

func TestNilAndFile(t *testing.T) {
	var b *Bar
	b.Add(1)
	b.Done()
	New(nil, "silent", 3).Done()
	f, err := os.CreateTemp(t.TempDir(), "p")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fb := New(f, "file", 2)
	if fb.tty {
		t.Errorf("a regular file was taken for a terminal")
	}
}
