package entity

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"MOSCOW — Secretary of State Alan Brookfield met President Ivan Sokolov of Russia.",
		"Brookfield’s aides said NATO and the U.S.-Russia talks failed.\n\nThe North Atlantic Treaty Organization met.",
		"Putin, Tillerson Meet At Kremlin, Discuss Tensions Between Russia And U.S.",
		"then-Secretary of State of the of X. Y. al- el-Z Wednesday.IVAN SEKRETARE/AP",
		"Mr. Ms. Dr. Sen. V. S. A",
		"",
	} {
		f.Add(s)
	}
	r := New()
	f.Fuzz(func(t *testing.T, s string) {
		a := &news.Article{Paragraphs: strings.Split(s, news.ParagraphSep)}
		body := a.Body()
		// sentences: one per paragraph, as Find does without a segmenter
		if err := r.Analyze(a); err != nil {
			t.Fatal(err)
		}
		for _, e := range a.Entities {
			if e.Name == "" || len(e.Mentions) == 0 {
				t.Fatalf("empty entity %+v", e)
			}
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(body) || m.Start >= m.End || body[m.Start:m.End] != m.Text {
					t.Fatalf("bad mention %+v in %q", m, body)
				}
			}
		}
		_ = Resolve([]*news.Article{a, a})
	})
}
