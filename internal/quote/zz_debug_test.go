package quote

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

func TestZZDebug(t *testing.T) {
	id := os.Getenv("QDOC")
	if id == "" {
		t.Skip("QDOC not set")
	}
	fh, _ := os.Open("/work/shared/data/quotes/polnear-dev.jsonl")
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	seg, _ := text.NewSegmenter()
	for sc.Scan() {
		var d struct {
			DocID string `json:"doc_id"`
			Text  string `json:"text"`
		}
		json.Unmarshal(sc.Bytes(), &d)
		if !strings.HasPrefix(d.DocID, id) {
			continue
		}
		a := &news.Article{}
		for _, l := range strings.Split(d.Text, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				a.Paragraphs = append(a.Paragraphs, l)
			}
		}
		seg.Segment(a)
		New().Find(a)
		grep := os.Getenv("QGREP")
		for _, q := range a.Quotes {
			if grep != "" && !strings.Contains(q.Text, grep) {
				continue
			}
			t.Logf("partial=%v speaker=%q cue=%q %q", q.Partial, q.Speaker, q.Cue, q.Text)
			if grep != "" {
				s := a.SentenceAt(q.Start)
				b := a.Body()
				if s >= 0 {
					t.Logf("  sentence: %q", b[a.Sentences[s].Start:a.Sentences[s].End])
				}
				st := q.Start - 300
				if st < 0 {
					st = 0
				}
				en := q.End + 200
				if en > len(b) {
					en = len(b)
				}
				t.Logf("  context: %q", b[st:en])
			}
		}
	}
}
