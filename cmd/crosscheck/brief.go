package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/text"
)

func runBrief(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("brief", stderr)
	format := fs.String("format", "markdown", "output `format`: markdown, json or html")
	words := fs.Int("words", 250, "summary length in `words`")
	var in inputFlags
	in.register(fs)
	inputs, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return fmt.Errorf("%w: no INPUT given", errUsage)
	}
	switch *format {
	case "markdown", "json", "html":
	default:
		return fmt.Errorf("%w: --format must be markdown, json or html", errUsage)
	}
	if *words <= 0 {
		return fmt.Errorf("%w: --words must be positive", errUsage)
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return err
	}
	var arts []*news.Article
	if _, _, err := analyzeAll(ctx, p, &in, inputs, stderr, func(a *news.Article) error {
		arts = append(arts, a)
		return nil
	}); err != nil {
		return err
	}
	if len(arts) == 0 {
		return fmt.Errorf("no article could be analysed")
	}
	b := brief.New(brief.Options{Words: *words, Stem: text.Stem}).Brief(arts)
	switch *format {
	case "json":
		return brief.JSON(stdout, b)
	case "html":
		return brief.HTML(stdout, b)
	}
	return brief.Markdown(stdout, b, colorOK(stdout))
}

// colorOK reports whether w is a terminal and NO_COLOR is unset.
func colorOK(w io.Writer) bool {
	return os.Getenv("NO_COLOR") == "" && isTerminal(w)
}
