package news

import (
	"strings"
	"testing"
)

// TestJoinBody: after JoinBody, Body returns the joined paragraphs without
// a copy, and an article whose paragraphs changed since (a copy edited by
// its caller, a paragraph replaced in place) gets its own body, never the
// stale one.
func TestJoinBody(t *testing.T) {
	paras := func() []string { return []string{"First paragraph.", "Second one.", "", "Last."} }
	tests := []struct {
		name   string
		edit   func(a *Article) *Article
		shared bool // Body is the string JoinBody joined
	}{
		{"unchanged", func(a *Article) *Article { return a }, true},
		{"copy", func(a *Article) *Article { b := *a; return &b }, true},
		{"copy with other paragraphs", func(a *Article) *Article {
			b := *a
			b.Paragraphs = append([]string{"A new lead."}, a.Paragraphs[1:]...)
			return &b
		}, false},
		{"paragraph replaced", func(a *Article) *Article { a.Paragraphs[1] = "Second two."; return a }, false},
		{"paragraph replaced by an equal one", func(a *Article) *Article {
			a.Paragraphs[1] = strings.Clone(a.Paragraphs[1])
			return a
		}, true},
		{"paragraph dropped", func(a *Article) *Article { a.Paragraphs = a.Paragraphs[:3]; return a }, false},
		{"no paragraphs", func(a *Article) *Article { a.Paragraphs = nil; return a }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &Article{Paragraphs: paras()}
			a.JoinBody()
			joined := a.body
			if want := strings.Join(paras(), ParagraphSep); joined != want {
				t.Fatalf("JoinBody joined %q, want %q", joined, want)
			}
			b := tc.edit(a)
			got := b.Body()
			if want := strings.Join(b.Paragraphs, ParagraphSep); got != want {
				t.Errorf("Body() = %q, want %q", got, want)
			}
			if shared := b.joined(); shared != tc.shared {
				t.Errorf("Body shares the joined string: %v, want %v", shared, tc.shared)
			}
			if allocs := testing.AllocsPerRun(10, func() { b.Body() }); tc.shared && allocs != 0 {
				t.Errorf("Body allocated %v times, want none", allocs)
			}
		})
	}
}
