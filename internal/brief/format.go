package brief

import (
	"context"
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

// WriteBrief briefs arts as one story and renders the briefing to w in
// format (see Write). A cancelled ctx stops the briefing and is returned.
func (b *Briefer) WriteBrief(ctx context.Context, w io.Writer, format string, arts []*news.Article, color bool) error {
	br, err := b.Brief(ctx, arts)
	if err != nil {
		return err
	}
	return Write(w, format, br, color)
}
