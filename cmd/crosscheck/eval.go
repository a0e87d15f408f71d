package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/crosscheck/crosscheck/internal/eval"
	"github.com/crosscheck/crosscheck/internal/listing"
)

// evalFlags are the flags of `crosscheck eval`; each stage reads its own.
type evalFlags struct {
	data, published, order string
	split                  string
	maxWords, limit        int
	progress               io.Writer // stderr on a terminal, else nil
}

// evalRunner runs one stage: every stage scores the product's own path.
type evalRunner struct {
	stage string
	run   func(ctx context.Context, f evalFlags) (*eval.Report, error)
}

func evalRunners() []evalRunner {
	return []evalRunner{
		{"extract", func(ctx context.Context, f evalFlags) (*eval.Report, error) {
			return eval.RunExtract(ctx, eval.ExtractOptions{Data: f.data, Progress: f.progress})
		}},
		{"boilerplate", func(ctx context.Context, f evalFlags) (*eval.Report, error) {
			return eval.RunBoilerplate(ctx, eval.BoilerplateOptions{Data: f.data})
		}},
		{"quotes", func(ctx context.Context, f evalFlags) (*eval.Report, error) {
			return eval.RunQuotes(ctx, eval.QuotesOptions{Data: f.data})
		}},
		{"summarize", func(ctx context.Context, f evalFlags) (*eval.Report, error) {
			return eval.RunSummarize(ctx, eval.SummarizeOptions{Data: f.data, MaxWords: f.maxWords, Limit: f.limit, Progress: f.progress})
		}},
		{"cluster", func(ctx context.Context, f evalFlags) (*eval.Report, error) {
			return eval.RunCluster(ctx, eval.ClusterOptions{Data: f.data, Order: f.order, Seed: 1, Progress: f.progress})
		}},
		{"timex", func(ctx context.Context, f evalFlags) (*eval.Report, error) {
			return eval.RunTimex(ctx, eval.TimexOptions{Data: f.data, Split: f.split})
		}},
		{"seeds", func(ctx context.Context, f evalFlags) (*eval.Report, error) {
			return eval.RunSeeds(ctx, eval.SeedsOptions{Data: f.data, Published: f.published})
		}},
		{"citations", func(ctx context.Context, f evalFlags) (*eval.Report, error) {
			return eval.RunCitations(ctx, eval.CitationsOptions{Data: f.data})
		}},
		{"discrepancies", func(ctx context.Context, f evalFlags) (*eval.Report, error) {
			return eval.RunDiscrepancies(ctx, eval.DiscrepanciesOptions{Gold: f.data, Split: f.split, Progress: f.progress})
		}},
		{"headlines", func(ctx context.Context, f evalFlags) (*eval.Report, error) {
			return eval.RunHeadlines(ctx, eval.HeadlinesOptions{Data: f.data, Judged: "internal/eval/testdata/headlines-judged.tsv", Progress: f.progress})
		}},
		{"junk", func(ctx context.Context, f evalFlags) (*eval.Report, error) {
			return eval.RunJunk(ctx, eval.JunkOptions{Data: f.data})
		}},
	}
}

func evalStages() []string {
	var out []string
	for _, r := range evalRunners() {
		out = append(out, r.stage)
	}
	return out
}

func evalCmd(fs *flag.FlagSet) action {
	var f evalFlags
	fs.StringVar(&f.data, "data", "", "`PATH` of the evaluation data (required)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	fs.IntVar(&f.maxWords, "max-words", 300, "summarize: cap on summary length in `words`")
	fs.IntVar(&f.limit, "limit", 0, "summarize: score only the first `N` stories (0: all)")
	fs.StringVar(&f.published, "published", "", "seeds: reference `DATE` given to the seeds (empty: inferred from the text)")
	fs.StringVar(&f.split, "split", "all", "timex, discrepancies, citations: score one `split` of the judged set: tune, check or all (one split lists its misses)")
	fs.StringVar(&f.order, "order", "", "cluster: `order` the articles arrive in: date or shuffle (default by data set)")
	return func(ctx context.Context, pos []string, stdout, stderr io.Writer) error {
		if len(pos) != 1 {
			return usageErr("eval needs one STAGE (%s)", strings.Join(evalStages(), ", "))
		}
		if f.data == "" {
			return usageErr("--data PATH is required")
		}
		for _, r := range evalRunners() {
			if r.stage != pos[0] {
				continue
			}
			if _, err := os.Stat(f.data); err != nil {
				return fmt.Errorf("--data: %w", err)
			}
			if isTerminal(stderr) {
				f.progress = stderr
			}
			rep, err := r.run(ctx, f)
			switch {
			case err != nil:
				return err
			case *asJSON:
				return listing.JSON(stdout, rep)
			}
			return rep.Print(stdout)
		}
		return usageErr("unknown eval stage %q (%s)", pos[0], strings.Join(evalStages(), ", "))
	}
}
