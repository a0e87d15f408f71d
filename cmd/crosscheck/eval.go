package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/cluster"
	"github.com/crosscheck/crosscheck/internal/eval"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/summarize"
	"github.com/crosscheck/crosscheck/internal/text"
	"github.com/crosscheck/crosscheck/internal/timex"
	"github.com/mattn/go-isatty"
)

const evalStages = "extract, boilerplate, quotes, summarize, cluster, seeds"

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return fmt.Errorf("%w: eval needs a STAGE (%s)", errUsage, evalStages)
	}
	stage := args[0]
	fs := newFlags("eval "+stage, stderr)
	data := fs.String("data", "", "`PATH` of the evaluation data")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	maxWords := fs.Int("max-words", 300, "summarize: cap on summary length in `words`")
	limit := fs.Int("limit", 0, "summarize: score only the first `N` stories (0: all)")
	published := fs.String("published", "", "seeds: reference `DATE` given to the seeds (empty: inferred from the text)")
	order := fs.String("order", "", "cluster: `order` the articles arrive in: date or shuffle (default by data set)")
	if _, err := parse(fs, args[1:]); err != nil {
		return err
	}
	if *data == "" {
		return fmt.Errorf("%w: --data PATH is required", errUsage)
	}
	if _, err := os.Stat(*data); err != nil {
		return fmt.Errorf("--data: %w", err)
	}
	var progress io.Writer
	if isTerminal(stderr) {
		progress = stderr
	}
	var (
		r   *eval.Report
		err error
	)
	switch stage {
	case "extract":
		r, err = eval.RunExtract(ctx, eval.ExtractOptions{Data: *data, Progress: progress})
	case "boilerplate":
		r, err = eval.RunBoilerplate(ctx, eval.BoilerplateOptions{Data: *data})
	case "quotes":
		r, err = eval.RunQuotes(ctx, eval.QuotesOptions{Data: *data})
	case "seeds":
		r, err = eval.RunSeeds(ctx, eval.SeedsOptions{Data: *data, Published: *published})
	case "summarize":
		var sum func(context.Context, []string) (string, error)
		sum, err = summarizeSystem(*maxWords)
		if err == nil {
			r, err = eval.RunSummarize(ctx, eval.SummarizeOptions{Data: *data, MaxWords: *maxWords, Limit: *limit, Summarize: sum, Progress: progress})
		}
	case "cluster":
		var p *pipeline.Pipeline
		p, err = pipeline.New(pipeline.Options{})
		if err == nil {
			r, err = eval.RunCluster(ctx, eval.ClusterOptions{Data: *data, Order: *order, Seed: 1, Progress: progress, Cluster: clusterSystem(p)})
		}
	default:
		return fmt.Errorf("%w: unknown eval stage %q (%s)", errUsage, stage, evalStages)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(stdout, r)
	}
	return r.Print(stdout)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isatty.IsTerminal(f.Fd())
}

// summarizeSystem is crosscheck's summarizer as the summarize eval runs it:
// every article through the full per-article pipeline (cleaning drops
// boilerplate lines and non-article pages), then the cited summary.
func summarizeSystem(words int) (func(context.Context, []string) (string, error), error) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return nil, err
	}
	z := summarize.New(summarize.Options{Words: words}, text.Stem)
	return func(ctx context.Context, texts []string) (string, error) {
		var arts []*news.Article
		for _, t := range texts {
			a, err := p.Analyze(news.Raw{Text: t})
			if err != nil {
				continue // not an article: left out, as a reader would
			}
			arts = append(arts, a)
		}
		var sb strings.Builder
		for _, c := range z.Summarize(brief.Members(arts, brief.Options{}.Syndicate)) {
			sb.WriteString(c.Text)
			sb.WriteByte('\n')
		}
		return sb.String(), ctx.Err()
	}, nil
}

// clusterSystem is crosscheck's online clusterer as the cluster eval runs
// it: each article cleaned and analysed, then assigned in arrival order.
func clusterSystem(p *pipeline.Pipeline) func(context.Context, []eval.ClusterDoc) ([]string, error) {
	return func(ctx context.Context, docs []eval.ClusterDoc) ([]string, error) {
		c := cluster.New(cluster.Options{Stem: text.Stem})
		out := make([]string, len(docs))
		for i, d := range docs {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			a, err := p.Analyze(news.Raw{ID: d.ID, Title: d.Title, Text: d.Text, Published: d.Date})
			if err != nil {
				continue // not an article: a story of its own
			}
			tm, _ := timex.ParseDate(d.Date)
			out[i] = c.Add(cluster.Doc{ID: d.ID, Title: a.Title, Body: a.Body(), Names: cluster.Names(a), Time: tm}).Story
		}
		for i := range out {
			if out[i] != "" {
				out[i] = c.Story(out[i])
			}
		}
		return out, nil
	}
}
