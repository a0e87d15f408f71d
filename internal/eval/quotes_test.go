package eval

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/news"

	"github.com/crosscheck/crosscheck/internal/testutil"
)

// quoteFixture builds a PolNeAR-style line for text, with one attribution
// per (source, content, type) triple located by substring search and
// given in code points, as the data set gives them.
func quoteFixture(t *testing.T, id, text string, atts [][3]string) string {
	t.Helper()
	cp := func(s string) [2]int {
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("fixture: %q not in text", s)
		}
		a := utf8.RuneCountInString(text[:i])
		return [2]int{a, a + utf8.RuneCountInString(s)}
	}
	var list []map[string]any
	for i, at := range atts {
		list = append(list, map[string]any{
			"id":         "E" + string(rune('1'+i)),
			"source":     map[string]any{"spans": [][2]int{cp(at[0])}, "text": at[0]},
			"content":    map[string]any{"spans": [][2]int{cp(at[1])}, "text": at[1]},
			"quote_type": at[2],
		})
	}
	b, err := json.Marshal(map[string]any{"doc_id": id, "text": text, "annotations": map[string]any{"a1": list}})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestQuoteArticleOffsets(t *testing.T) {
	text := "Title line.\n\nThe city council met on Monday to debate next year's budget, and the meeting ran late into the evening.\n\n“Tax cuts work,” said Ana Ruiz, who chairs the finance committee of the council. \nShe called the final plan “très bien” and said it would pass next week.\n\n“Ça va,” Ruiz added when reporters asked her about the vote on Tuesday."
	line := quoteFixture(t, "d1", text, [][3]string{
		{"Ana Ruiz", "“Tax cuts work,”", "direct"},
		{"She", "the final plan “très bien”", "mixed"},
		{"Ruiz", "“Ça va,”", "direct"},
	})
	var d quoteDoc
	if err := json.Unmarshal([]byte(line), &d); err != nil {
		t.Fatal(err)
	}
	p := testPipeline(t)
	a, gold, err := quoteArticle(p, &d)
	if err != nil {
		t.Fatal(err)
	}
	body := a.Body()
	wantText := []string{"“Tax cuts work,”", "the final plan “très bien”", "“Ça va,”"}
	if len(gold) != len(wantText) {
		t.Fatalf("got %d gold attributions, want %d", len(gold), len(wantText))
	}
	for i, g := range gold {
		if got := body[g.spans[0].Start:g.spans[0].End]; got != wantText[i] {
			t.Errorf("gold %d: body text %q, want %q", i, got, wantText[i])
		}
	}
	// The runner scores the product's article: what pipeline.Analyze makes
	// of the document as a user would give it.
	want, _ := p.Analyze(news.Raw{ID: "d1", Input: "d1", Text: text})
	if !reflect.DeepEqual(a, want) {
		t.Errorf("quotes eval article differs from pipeline.Analyze's:\n got %+v\nwant %+v", a, want)
	}
}

// TestQuoteArticleRemovedLines: gold in a line the cleaner removes is kept
// as a missed attribution, not dropped from the denominators.
func TestQuoteArticleRemovedLines(t *testing.T) {
	body := "The council approved the budget on Monday after a long debate, and members said the vote would hold.\n\n“Tax cuts work,” said Ana Ruiz, the city treasurer, who has backed the plan since spring.\n\nThe mayor is expected to sign it next week, officials said on Tuesday evening after the meeting."
	text := body + "\n\n“Share this story,” on Facebook\n\nCopyright 2016 Example News. All rights reserved."
	line := quoteFixture(t, "d2", text, [][3]string{
		{"Ana Ruiz", "“Tax cuts work,”", "direct"},
		{"Example", "Copyright 2016 Example News", "direct"},
	})
	var d quoteDoc
	if err := json.Unmarshal([]byte(line), &d); err != nil {
		t.Fatal(err)
	}
	a, gold, err := quoteArticle(testPipeline(t), &d)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Body(), "Copyright") {
		t.Skip("the cleaner keeps the copyright line: nothing to test")
	}
	if len(gold) != 2 || len(gold[1].spans) != 0 || gold[1].cut != 1 {
		t.Fatalf("gold = %+v, want the copyright attribution kept with one cut span", gold)
	}
	var c quoteCounts
	quoteScore(&c, a, gold, "d2", nil)
	if c.goldDirect != 2 || c.goldCut != 1 || c.directFound != 1 {
		t.Errorf("counts %+v: want 2 gold direct, 1 found, 1 missed in removed text", c)
	}
}

func TestQuoteType(t *testing.T) {
	cases := []struct{ content, given, want string }{
		{"“Yes,”", "direct", "direct"},
		{"that ''it works''", "indirect", "mixed"},
		{"''It works,''", "indirect", "direct"},
		{"it works", "indirect", "indirect"},
	}
	for _, c := range cases {
		t.Run(c.content, func(t *testing.T) {
			if got := quoteType(c.content, c.given); got != c.want {
				t.Errorf("quoteType(%q, %q) = %q, want %q", c.content, c.given, got, c.want)
			}
		})
	}
}

func TestQuoteSourceHead(t *testing.T) {
	cases := []struct{ src, want string }{
		{"Len Burman, head of the Tax Policy Center", "len burman"},
		{"Rep. Gwen Moore (D-Wis.)", "rep. gwen moore"},
		{"Representative Charles B. Rangel of New York", "representative charles b. rangel"},
		{"Trump’s", "trump’s"},
	}
	for _, c := range cases {
		t.Run(c.src, func(t *testing.T) {
			if got := strings.ToLower(quoteSourceHead(c.src)); got != c.want {
				t.Errorf("quoteSourceHead(%q) = %q, want %q", c.src, got, c.want)
			}
		})
	}
	if !quoteIsName("The New York Times") || quoteIsName("she") || quoteIsName("a source") {
		t.Error("quoteIsName: names and non-names mixed up")
	}
}

func TestRunQuotesSynthetic(t *testing.T) {
	text1 := "Budget vote.\n\n“Tax cuts work,” said Ana Ruiz, the treasurer.\n\nRuiz said the plan was “a careful compromise” for the city.\n\nThe council approved it on Monday, officials said."
	text2 := "The court ruled against the landlords on Friday, ending a dispute over rents that had lasted three years.\n\n“We will appeal,” Tom Berg told reporters outside the courthouse after the ruling.\n\n“Nobody asked us,” a resident said as tenants gathered on the steps of the building."
	lines := []string{
		quoteFixture(t, "d1", text1, [][3]string{
			{"Ana Ruiz", "“Tax cuts work,”", "direct"},
			{"Ruiz", "the plan was “a careful compromise”", "mixed"},
			{"officials", "The council approved it on Monday", "indirect"},
		}),
		quoteFixture(t, "d2", text2, [][3]string{
			{"Tom Berg", "“We will appeal,”", "direct"},
		}),
	}
	path := filepath.Join(t.TempDir(), "q.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := RunQuotes(context.Background(), QuotesOptions{Data: path})
	if err != nil {
		t.Fatal(err)
	}
	// Predicted full quotes: three, of which "Nobody asked us" has no gold.
	want := map[string]float64{
		"direct_precision": 2.0 / 3, "direct_recall": 1, "direct_exact_f1": F1(2.0/3, 1),
		"mixed_precision": 1, "mixed_recall": 1, "speaker_accuracy": 1, "speaker_n": 3,
	}
	for k, v := range want {
		got, ok := r.Get(k)
		if !ok || got < v-1e-9 || got > v+1e-9 {
			t.Errorf("%s = %v, want %v", k, got, v)
		}
	}
}

// TestRunQuotesPolNeAR runs the finder on the PolNeAR dev set and guards
// the figures measured when it was written (direct P 0.92, R 0.96,
// speaker 0.86) with some margin.
func TestRunQuotesPolNeAR(t *testing.T) {
	p, ok := testutil.Shared("data/quotes/polnear-dev.jsonl")
	if !ok {
		t.Skip("PolNeAR dev data not found (../shared absent)")
	}
	opts := QuotesOptions{Data: p}
	if os.Getenv("QUOTES_LOG") != "" {
		opts.Log = os.Stdout
	}
	r, err := RunQuotes(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	if err := r.Print(&sb); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + sb.String())
	for k, min := range map[string]float64{"direct_precision": 0.88, "direct_recall": 0.90, "speaker_accuracy": 0.80, "mixed_f1": 0.70} {
		if v, _ := r.Get(k); v < min {
			t.Errorf("%s = %.3f, want >= %.2f", k, v, min)
		}
	}
}

func TestQuoteSplitDocs(t *testing.T) {
	docs := []*quoteDoc{{DocID: "b_2"}, {DocID: "a_1"}, {DocID: "b_1"}, {DocID: "a_2"}}
	want := map[string]string{"a_1": "tune", "a_2": "check", "b_1": "tune", "b_2": "check"}
	for _, d := range quoteSplitDocs(docs) {
		if d.split != want[d.doc.DocID] {
			t.Errorf("%s: split %q, want %q", d.doc.DocID, d.split, want[d.doc.DocID])
		}
	}
	for _, tc := range []struct {
		in   string
		want []string
		err  bool
	}{
		{"", []string{"tune", "check"}, false},
		{"all", []string{"tune", "check"}, false},
		{"check", []string{"check"}, false},
		{"dev", nil, true},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := quoteSplits(tc.in)
			if (err != nil) != tc.err || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("quoteSplits(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.err)
			}
		})
	}
}
