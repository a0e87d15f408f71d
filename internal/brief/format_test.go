package brief

import (
	"bytes"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
)

func TestWrite(t *testing.T) {
	b := &news.Briefing{StoryID: "s1", Title: "Council passes budget"}
	want := map[string]string{"markdown": "# Council passes budget", "json": `"story_id": "s1"`, "html": "<!doctype html>"}
	for _, f := range Formats() {
		t.Run(f, func(t *testing.T) {
			var out bytes.Buffer
			if err := Write(&out, f, b, false); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), want[f]) {
				t.Errorf("%s output lacks %q", f, want[f])
			}
		})
	}
	if err := Write(&bytes.Buffer{}, "pdf", b, false); err == nil {
		t.Error("an unknown format was accepted")
	}
}

// TestWriteCounts: one source is "1 article · 1 outlet · 1 independent
// source" in every format people read.
func TestWriteCounts(t *testing.T) {
	for _, tc := range []struct {
		name    string
		sources []news.Source
		md      string
		html    string
	}{
		{"one", []news.Source{{ID: "a", Outlet: "A"}}, "_1 article · 1 outlet · 1 independent source", "1 article · 1 outlet · 1 independent source"},
		{"two", []news.Source{{ID: "a", Outlet: "A"}, {ID: "b", Outlet: "B"}}, "_2 articles · 2 outlets · 2 independent sources", "2 articles · 2 outlets · 2 independent sources"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := &news.Briefing{Title: "T", Sources: tc.sources}
			for f, want := range map[string]string{"markdown": tc.md, "html": tc.html} {
				var out bytes.Buffer
				if err := Write(&out, f, b, false); err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(out.String(), want) {
					t.Errorf("%s lacks %q", f, want)
				}
			}
		})
	}
}
