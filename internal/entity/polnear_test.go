package entity

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/testutil"
)

// TestPolNeARNamedSources measures how many PolNeAR attribution sources that
// carry a name ("Clinton", "The New York Post", "Rep. Jo Smith") overlap a
// person or organisation mention.
func TestPolNeARNamedSources(t *testing.T) {
	p, ok := testutil.Shared("data/quotes/polnear-dev.jsonl")
	if !ok {
		t.Skip("PolNeAR dev set not available")
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer f.Close()
	r := testRecognizer()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	named, hit, typed := 0, 0, 0
	for sc.Scan() {
		var rec struct {
			Text        string `json:"text"`
			Annotations map[string][]struct {
				Source struct {
					Spans [][2]int `json:"spans"`
					Text  string   `json:"text"`
				} `json:"source"`
			} `json:"annotations"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("parse: %v", err)
		}
		// Paragraphs are the text's lines; remember where each starts in
		// the text and in the body. Spans are in runes of the text.
		runeOff := make([]int, 0, len(rec.Text)+1) // byte offset of each rune
		for i := range rec.Text {
			runeOff = append(runeOff, i)
		}
		runeOff = append(runeOff, len(rec.Text))
		a := &news.Article{}
		type para struct{ text, body int }
		var ps []para
		body := 0
		off := 0
		for _, line := range strings.SplitAfter(rec.Text, "\n") {
			l := strings.TrimRight(line, "\n")
			if strings.TrimSpace(l) != "" {
				if len(a.Paragraphs) > 0 {
					body += len(news.ParagraphSep)
				}
				ps = append(ps, para{off, body})
				a.Paragraphs = append(a.Paragraphs, l)
				body += len(l)
			}
			off += len(line)
		}
		if err := testSegmenter(t).Analyze(a); err != nil {
			t.Fatal(err)
		}
		if err := r.Analyze(a); err != nil {
			t.Fatal(err)
		}
		toBody := func(x int) int {
			for i := len(ps) - 1; i >= 0; i-- {
				if x >= ps[i].text {
					return ps[i].body + x - ps[i].text
				}
			}
			return x
		}
		for _, anns := range rec.Annotations {
			for _, an := range anns {
				if len(an.Source.Spans) == 0 || !hasName(r, an.Source.Text) {
					continue
				}
				sp := an.Source.Spans[0]
				if sp[0] < 0 || sp[1] >= len(runeOff) || sp[0] >= sp[1] {
					continue
				}
				s, e := toBody(runeOff[sp[0]]), toBody(runeOff[sp[1]])
				named++
				found, okType := false, false
				for _, en := range a.Entities {
					for _, m := range en.Mentions {
						if m.Start < e && s < m.End {
							found = true
							okType = okType || en.Type != news.Place
						}
					}
				}
				if found {
					hit++
				} else if os.Getenv("ENTITY_MISSES") != "" {
					t.Logf("miss: %q in %q", an.Source.Text, a.Body()[max(0, s-40):min(len(a.Body()), e+20)])
				}
				if okType {
					typed++
				}
			}
		}
	}
	if named == 0 {
		t.Skip("no named sources")
	}
	t.Logf("PolNeAR named sources: %d, overlapped by an entity %d (%.1f%%), by a person/org %d (%.1f%%)",
		named, hit, 100*float64(hit)/float64(named), typed, 100*float64(typed)/float64(named))
	if typed*10 < named*8 {
		t.Errorf("named-source recall %d/%d below 80%%", typed, named)
	}
}

// hasName reports a capitalised word other than a function word, title or
// demonym in s.
func hasName(rec *Recognizer, s string) bool {
	r := rec.lex()
	for _, w := range strings.Fields(s) {
		c, _ := utf8.DecodeRuneInString(w)
		k := strings.ToLower(strings.Trim(w, ".,’'\"“”"))
		if unicode.IsUpper(c) && !r.function[k] && !r.roles[k] && !r.demonyms[k] && !r.roleMods[k] {
			return true
		}
	}
	return false
}
