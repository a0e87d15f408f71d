package brief

import (
	"embed"
	"html/template"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
)

//go:embed templates
var templateFS embed.FS

// Templates returns the parsed briefing templates ("briefing" renders the
// article element, "page" a whole self-contained document) and the page
// CSS, for the server to reuse.
func Templates() (*template.Template, template.CSS, error) {
	t, err := template.New("").Funcs(template.FuncMap{"join": strings.Join}).ParseFS(templateFS, "templates/*.html")
	if err != nil {
		return nil, "", err
	}
	css, err := templateFS.ReadFile("templates/briefing.css")
	if err != nil {
		return nil, "", err
	}
	return t, template.CSS(css), nil
}

// View is what the templates render: the briefing, the citation number of
// each source id, and the CSS.
type View struct {
	B   *news.Briefing
	Num map[string]int
	CSS template.CSS
}

// NewView numbers the briefing's sources from 1 in order.
func NewView(b *news.Briefing, css template.CSS) View {
	num := map[string]int{}
	for i, s := range b.Sources {
		num[s.ID] = i + 1
	}
	return View{B: b, Num: num, CSS: css}
}

// HTML writes the briefing as one self-contained HTML page: no external
// script, font or stylesheet. Every article string is escaped by
// html/template.
func HTML(w io.Writer, b *news.Briefing) error {
	t, css, err := Templates()
	if err != nil {
		return err
	}
	return t.ExecuteTemplate(w, "page", NewView(b, css))
}
