// Package eval scores crosscheck's stages on public data: extraction F1,
// boilerplate precision/recall, quote and speaker accuracy, ROUGE of
// summaries, story-clustering B-cubed, and a scorecard against the seeds'
// gold. Every runner returns a Report, which prints as a table followed by
// one machine-readable `key=value ...` line.
package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// Metric is one named figure of a report.
type Metric struct {
	Key   string
	Value float64
}

// Report is what an eval runner returns.
type Report struct {
	// Stage names the evaluated stage ("extract", "quotes", ...).
	Stage string
	// Data is the path the data came from.
	Data string
	// Header and Rows form the human-readable table.
	Header []string
	Rows   [][]string
	// Metrics are the headline figures, in print order.
	Metrics []Metric
	// Notes are extra lines printed under the table (caveats, skips).
	Notes []string
}

// Add appends a metric.
func (r *Report) Add(key string, v float64) { r.Metrics = append(r.Metrics, Metric{key, v}) }

// Get returns the value of metric key and whether it exists.
func (r *Report) Get(key string) (float64, bool) {
	for _, m := range r.Metrics {
		if m.Key == key {
			return m.Value, true
		}
	}
	return 0, false
}

// Line is the closing `key=value ...` line (without newline).
func (r *Report) Line() string {
	parts := []string{"stage=" + r.Stage}
	for _, m := range r.Metrics {
		parts = append(parts, m.Key+"="+strconv.FormatFloat(m.Value, 'f', -1, 64))
	}
	return strings.Join(parts, " ")
}

// Print writes the table, the notes and the closing key=value line.
func (r *Report) Print(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	if len(r.Header) > 0 {
		fmt.Fprintln(tw, strings.Join(r.Header, "\t"))
	}
	for _, row := range r.Rows {
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, n := range r.Notes {
		fmt.Fprintln(w, "# "+n)
	}
	_, err := fmt.Fprintln(w, r.Line())
	return err
}

// MarshalJSON writes the report as {"stage", "data", "metrics": {...},
// "header", "rows", "notes"}.
func (r *Report) MarshalJSON() ([]byte, error) {
	m := make(map[string]float64, len(r.Metrics))
	for _, x := range r.Metrics {
		m[x.Key] = x.Value
	}
	return json.Marshal(struct {
		Stage   string             `json:"stage"`
		Data    string             `json:"data"`
		Metrics map[string]float64 `json:"metrics"`
		Header  []string           `json:"header,omitempty"`
		Rows    [][]string         `json:"rows,omitempty"`
		Notes   []string           `json:"notes,omitempty"`
	}{r.Stage, r.Data, m, r.Header, r.Rows, r.Notes})
}

// F1 is the harmonic mean of p and r (0 when both are 0).
func F1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Pct formats a fraction as a percentage with two decimals.
func Pct(v float64) string { return strconv.FormatFloat(100*v, 'f', 2, 64) }
