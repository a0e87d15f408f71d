package brief

import (
	"embed"
	"html/template"
	"io"
	"sync"

	"github.com/crosscheck/crosscheck/internal/news"
)

//go:embed templates
var templateFS embed.FS

// templates returns the parsed briefing templates (read-only once parsed;
// html/template is safe for concurrent execution). They are parsed on the
// first HTML rendering, not at start-up: a process that writes Markdown or
// JSON never needs them.
var templates = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("").Funcs(template.FuncMap{
		"cites":      func(c Cite) []Cite { return []Cite{c} },
		"storyTitle": StoryTitle,
	}).ParseFS(templateFS, "templates/*.html"))
})

//go:embed templates/briefing.css
var stylesheet string

// Stylesheet returns the CSS of the briefing body and of the typography
// around it: the standalone page inlines it, the web server serves it as
// a file.
func Stylesheet() string { return stylesheet }

// Body writes the briefing body of v — its sections, from the summary to
// the sources — as an HTML fragment for a page to wrap. Every string is
// escaped by html/template.
func Body(w io.Writer, v *View) error {
	return templates().ExecuteTemplate(w, "briefing", v)
}

// Coverage writes the coverage header of v — the counts and each
// outlet by name with its headline, publication time and marker, the
// first to report marked — as an HTML fragment for a page's header.
func Coverage(w io.Writer, v *View) error {
	return templates().ExecuteTemplate(w, "briefing-coverage", v)
}

// HTML writes the briefing as one self-contained HTML page: no external
// script, font or stylesheet. Every article string is escaped by
// html/template.
func HTML(w io.Writer, b *news.Briefing) error {
	return templates().ExecuteTemplate(w, "briefing-page", struct {
		V   *View
		CSS template.CSS
	}{NewView(b), template.CSS(stylesheet)})
}
