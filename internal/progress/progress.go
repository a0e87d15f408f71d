// Package progress draws a one-line progress bar for long evaluation runs.
// On a terminal it redraws in place (at most every 100 ms); on anything else
// (a file, a pipe, CI logs) it prints only one final line from Done, so logs
// stay clean.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/mattn/go-isatty"
)

// redrawEvery is the minimum time between two redraws on a terminal.
const redrawEvery = 100 * time.Millisecond

// barWidth is the number of cells in the drawn bar.
const barWidth = 30

// Bar is a progress bar for a known number of steps. It is safe for
// concurrent use. A nil *Bar is valid and does nothing, so callers can pass
// one around unconditionally.
type Bar struct {
	mu       sync.Mutex
	w        io.Writer
	label    string
	total    int
	done     int
	tty      bool
	start    time.Time
	lastDraw time.Time
	finished bool
	now      func() time.Time
}

// New returns a bar writing to w. It draws only when w is an *os.File
// attached to a terminal; otherwise Done prints one summary line. A nil w
// gives a silent bar. total <= 0 means unknown: the bar shows a count only.
func New(w io.Writer, label string, total int) *Bar {
	b := &Bar{w: w, label: label, total: total, now: time.Now, tty: IsTerminal(w)}
	b.start = b.now()
	return b
}

// IsTerminal reports whether w is an *os.File attached to a terminal: where
// a progress line may be redrawn in place.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || f == nil {
		return false
	}
	fd := f.Fd()
	return isatty.IsTerminal(fd) || isatty.IsCygwinTerminal(fd)
}

// Add records n more finished steps and redraws when due.
func (b *Bar) Add(n int) {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.done += n
	if !b.tty || b.w == nil || b.finished {
		return
	}
	t := b.now()
	if t.Sub(b.lastDraw) < redrawEvery && b.done != b.total {
		return
	}
	b.lastDraw = t
	fmt.Fprint(b.w, "\r"+b.line(t)+"\x1b[K")
}

// Done draws the final state and ends the line. Later calls do nothing.
func (b *Bar) Done() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.finished || b.w == nil {
		b.finished = true
		return
	}
	b.finished = true
	if b.tty {
		fmt.Fprint(b.w, "\r"+b.line(b.now())+"\x1b[K\n")
		return
	}
	fmt.Fprintln(b.w, b.line(b.now()))
}

// line renders "label [#####.....] 12/40 30% 5.1/s 2.3s".
func (b *Bar) line(t time.Time) string {
	el := t.Sub(b.start)
	rate := 0.0
	if el > 0 {
		rate = float64(b.done) / el.Seconds()
	}
	var sb strings.Builder
	sb.WriteString(b.label)
	if b.total > 0 {
		frac := float64(b.done) / float64(b.total)
		frac = min(max(frac, 0), 1)
		fill := int(frac * barWidth)
		sb.WriteString(" [")
		sb.WriteString(strings.Repeat("#", fill))
		sb.WriteString(strings.Repeat(".", barWidth-fill))
		fmt.Fprintf(&sb, "] %d/%d %3.0f%%", b.done, b.total, 100*frac)
	} else {
		fmt.Fprintf(&sb, " %d", b.done)
	}
	fmt.Fprintf(&sb, " %.1f/s %s", rate, el.Round(100*time.Millisecond))
	return sb.String()
}
