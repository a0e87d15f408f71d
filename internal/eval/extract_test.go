package eval

import (
	"bytes"
	"compress/gzip"
	"context"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/testutil"
)

func extractClose(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestShingleTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"punctuation only", " -- !? ", nil},
		{"ascii words", "Hello, world! It's 2019.", []string{"Hello", "world", "It", "s", "2019"}},
		{"underscore joins", "snake_case x", []string{"snake_case", "x"}},
		{"unicode letters", "Größe über Москва 서울", []string{"Größe", "über", "Москва", "서울"}},
		{"no-break space splits", "a\u00a0b", []string{"a", "b"}},
		{"combining mark splits as in Python", "e\u0301t", []string{"e", "t"}},
		{"other numbers are words", "½ x²", []string{"½", "x²"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := shingleTokens(tc.in)
			if len(got) != len(tc.want) {
				t.Fatalf("shingleTokens(%q) = %q, want %q", tc.in, got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("shingleTokens(%q) = %q, want %q", tc.in, got, tc.want)
				}
			}
		})
	}
}

func TestShingleMatch(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred string
		tp, fp, fn float64
	}{
		{"identical", "the cat sat on the mat today", "the cat sat on the mat today", 1, 0, 0},
		{"identical modulo punctuation and spacing", "the cat, sat on\nthe mat", "the cat sat  on the mat!", 1, 0, 0},
		{"disjoint", "one two three four five", "six seven eight nine ten", 0, 0.5, 0.5},
		// gold a b c d e f: abcd bcde cdef; pred a b c d e x: abcd bcde cdex.
		// tp 2, fp 1, fn 1 -> 2/4, 1/4, 1/4.
		{"one changed word at the end", "a b c d e f", "a b c d e x", 0.5, 0.25, 0.25},
		// gold a b c d e (abcd bcde); pred a b c d (abcd): tp 1 fn 1.
		{"prediction one token short", "a b c d e", "a b c d", 0.5, 0, 0.5},
		// Multiset: gold has "a b c d" twice, pred once -> tp 1 fn 1
		// plus the shingles that cross the repetition.
		// gold a b c d a b c d: abcd bcda cdab dabc abcd -> abcd x2 + 3.
		// pred a b c d: abcd. tp 1, fn 4.
		{"repeated shingle counts twice", "a b c d a b c d", "a b c d", 0.2, 0, 0.8},
		{"case-sensitive", "The cat sat down", "the cat sat down", 0, 0.5, 0.5},
		{"short texts give one shingle", "hi there", "hi there", 1, 0, 0},
		{"short texts differ", "hi there", "hi you", 0, 0.5, 0.5},
		{"short prediction against long gold", "a b c d", "a b", 0, 0.5, 0.5},
		{"empty prediction", "a b c d e", "", 0, 0, 1},
		{"empty gold", "", "a b c d", 0, 1, 0},
		{"both empty", "", "", 0, 0, 0},
		{"soft hyphen inside word", "cooperation is good", "co\u00adoperation is good", 1, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ShingleMatch(tc.gold, tc.pred)
			if !extractClose(got.TP, tc.tp) || !extractClose(got.FP, tc.fp) || !extractClose(got.FN, tc.fn) {
				t.Errorf("ShingleMatch(%q, %q) = %+v, want tp=%v fp=%v fn=%v", tc.gold, tc.pred, got, tc.tp, tc.fp, tc.fn)
			}
		})
	}
}

func TestShingleMeans(t *testing.T) {
	scores := []ShingleScore{
		{TP: 1},                       // P 1, R 1
		{TP: 0.5, FP: 0.25, FN: 0.25}, // P 2/3, R 2/3
		{FN: 1},                       // no prediction: R 0, not in P
		{FP: 1},                       // no gold: P 0, not in R
		{},                            // neither: in no mean
	}
	p, r := ShingleMeans(scores)
	wantP := (1 + 2.0/3 + 0) / 3
	wantR := (1 + 2.0/3 + 0) / 3
	if !extractClose(p, wantP) || !extractClose(r, wantR) {
		t.Errorf("ShingleMeans = %v, %v; want %v, %v", p, r, wantP, wantR)
	}
	if p, r := ShingleMeans(nil); p != 0 || r != 0 {
		t.Errorf("ShingleMeans(nil) = %v, %v; want 0, 0", p, r)
	}
}

func TestRunExtractBadData(t *testing.T) {
	empty := t.TempDir()
	emptyTruth := t.TempDir()
	if err := os.WriteFile(filepath.Join(emptyTruth, "ground-truth.json"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	missingPage := t.TempDir()
	if err := os.WriteFile(filepath.Join(missingPage, "ground-truth.json"), []byte(`{"x": {"articleBody": "a b c d", "url": ""}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data string
	}{
		{"no path", ""},
		{"missing folder", filepath.Join(empty, "nope")},
		{"no ground truth", empty},
		{"empty ground truth", emptyTruth},
		{"page missing", missingPage},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := RunExtract(context.Background(), ExtractOptions{Data: tc.data})
			if err == nil {
				t.Errorf("RunExtract(%q) = %v, nil; want an error", tc.data, rep.Line())
			}
		})
	}
}

// TestRunExtractSynthetic runs the whole runner on a two-page folder built
// here: one page whose body matches its truth exactly, one without content.
func TestRunExtractSynthetic(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "html"), 0o755); err != nil {
		t.Fatal(err)
	}
	body := []string{
		"The night bus to the airport will run every twenty minutes from next month, the transport office said on Friday.",
		"Tickets bought on board will cost the same as those bought at the stop, and monthly passes remain valid on the route.",
	}
	pages := map[string]string{
		"good":  "<html><head><title>Night bus</title></head><body><article><p>" + body[0] + "</p><p>" + body[1] + "</p></article></body></html>",
		"empty": "<html><body><nav><a href='/'>Home</a></nav></body></html>",
	}
	for id, page := range pages {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(page))
		zw.Close()
		if err := os.WriteFile(filepath.Join(dir, "html", id+".html.gz"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	truth := `{"good": {"articleBody": ` + strconv.Quote(strings.Join(body, "\n\n")) + `, "url": "https://example.com/bus"},
		"empty": {"articleBody": "Some gold text the extractor cannot find.", "url": ""}}`
	if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), []byte(truth), 0o644); err != nil {
		t.Fatal(err)
	}
	var progress bytes.Buffer
	rep, err := RunExtract(context.Background(), ExtractOptions{Data: dir, Progress: &progress})
	if err != nil {
		t.Fatal(err)
	}
	// good: P 1, R 1; empty: no prediction, so only R 0 counts.
	want := map[string]float64{"pages": 2, "precision": 1, "recall": 0.5, "f1": F1(1, 0.5), "failed": 1}
	for k, v := range want {
		if got, ok := rep.Get(k); !ok || !extractClose(got, v) {
			t.Errorf("%s = %v, want %v (%s)", k, got, v, rep.Line())
		}
	}
	if pps, _ := rep.Get("pages_per_s"); pps <= 0 {
		t.Errorf("pages_per_s = %v, want > 0", pps)
	}
	if n := strings.Count(progress.String(), "\n"); n != 2 {
		t.Errorf("progress has %d lines, want 2:\n%s", n, progress.String())
	}
	if len(rep.Rows) != 2 || rep.Rows[0][0] != "empty" {
		t.Errorf("rows = %q, want the empty page first", rep.Rows)
	}
}

func TestRunExtractRealData(t *testing.T) {
	dir, ok := testutil.Shared("data/extraction")
	if !ok {
		t.Skip("shared extraction data not found")
	}
	if testing.Short() {
		t.Skip("real-data extraction run skipped in -short mode")
	}
	rep, err := RunExtract(context.Background(), ExtractOptions{Data: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(rep.Line())
	if n, _ := rep.Get("pages"); n < 50 {
		t.Errorf("pages = %v, want the whole set (91)", n)
	}
	if f1, _ := rep.Get("f1"); f1 < 0.96 {
		t.Errorf("f1 = %.4f, want >= 0.96", f1)
	}
}
