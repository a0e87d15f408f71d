package brief

import (
	"fmt"
	"io"

	"github.com/crosscheck/crosscheck/internal/news"
)

// Formats returns the names Write accepts, the default first.
func Formats() []string { return []string{"markdown", "json", "html"} }

// Write renders b in format, one of Formats: Markdown (coloured when color
// is set: a terminal, NO_COLOR unset), JSON or a standalone HTML page.
func Write(w io.Writer, format string, b *news.Briefing, color bool) error {
	switch format {
	case "markdown":
		return Markdown(w, b, color)
	case "json":
		return JSON(w, b)
	case "html":
		return HTML(w, b)
	}
	return fmt.Errorf("brief: unknown format %q (want markdown, json or html)", format)
}
