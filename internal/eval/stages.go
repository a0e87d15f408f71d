package eval

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// ErrUnknownStage: RunStage was given a name Stages does not list.
var ErrUnknownStage = errors.New("eval: unknown stage")

// ErrStageSet reports a --set value a stage does not know.
var ErrStageSet = errors.New("eval: unknown set")

// StageOptions are what the command line gives every stage; each stage
// reads the fields it needs.
type StageOptions struct {
	// Data is the path of the evaluation data: the evaluation root (the
	// folder holding data/, gold/ and seeds/, ../shared) or its data/
	// folder, the same for every stage, which finds its own files under
	// it (Stage.Under); or, as before, the stage's own file or folder.
	// Required.
	Data string
	// Published is the reference date given to the seeds (seeds; empty:
	// inferred from the text).
	Published string
	// Order is the order articles arrive in: date or shuffle (cluster;
	// empty: by data set).
	Order string
	// Split is the part of the judged set scored: tune, check or all
	// (timex, discrepancies, quotes, citations; empty: all). One split
	// lists its misses.
	Split string
	// Set is the data set scored (entities: basil, multinews or polnear;
	// empty: all; cluster, from the evaluation root: basil or multinews;
	// empty: basil).
	Set string
	// MaxWords caps the summary length and Limit the number of stories
	// scored (summarize; 0: all).
	MaxWords, Limit int
	// Progress, when set, receives a progress line (a terminal).
	Progress io.Writer
}

// Stage is one evaluation run by name.
type Stage struct {
	Name string
	Run  func(ctx context.Context, o StageOptions) (*Report, error)
	// Under is the file or folder the stage reads under the evaluation
	// root (slash-separated), when StageOptions.Data names the root; nil
	// means the root itself.
	Under func(o StageOptions) string
}

// under is a Stage.Under that does not depend on the options.
func under(path string) func(StageOptions) string { return func(StageOptions) string { return path } }

// Stages returns every stage, in the order help lists them. Each scores
// the product's own path; add a stage with one entry.
func Stages() []Stage {
	return []Stage{
		{"extract", func(ctx context.Context, o StageOptions) (*Report, error) {
			return RunExtract(ctx, ExtractOptions{Data: o.Data, Progress: o.Progress})
		}, under("data/extraction")},
		{"boilerplate", func(ctx context.Context, o StageOptions) (*Report, error) {
			return RunBoilerplate(ctx, BoilerplateOptions{Data: o.Data})
		}, nil},
		{"quotes", func(ctx context.Context, o StageOptions) (*Report, error) {
			return RunQuotes(ctx, QuotesOptions{Data: o.Data, Split: o.Split})
		}, under("data/quotes/polnear-dev.jsonl")},
		{"summarize", func(ctx context.Context, o StageOptions) (*Report, error) {
			return RunSummarize(ctx, SummarizeOptions{Data: o.Data, MaxWords: o.MaxWords, Limit: o.Limit, Progress: o.Progress})
		}, under("data/mds/multinews-dev.jsonl")},
		{"cluster", func(ctx context.Context, o StageOptions) (*Report, error) {
			if o.Set != "" && o.Set != "basil" && o.Set != "multinews" {
				return nil, fmt.Errorf("%w %q for cluster (want basil or multinews)", ErrStageSet, o.Set)
			}
			return RunCluster(ctx, ClusterOptions{Data: o.Data, Order: o.Order, Seed: 1, Progress: o.Progress})
		}, func(o StageOptions) string {
			if o.Set == "multinews" {
				return "data/mds/multinews-dev.jsonl"
			}
			return "data/clustering/basil-dev.jsonl"
		}},
		{"timex", func(ctx context.Context, o StageOptions) (*Report, error) {
			return RunTimex(ctx, TimexOptions{Data: o.Data, Split: o.Split})
		}, nil},
		{"seeds", func(ctx context.Context, o StageOptions) (*Report, error) {
			return RunSeeds(ctx, SeedsOptions{Data: o.Data, Published: o.Published})
		}, nil},
		{"citations", func(ctx context.Context, o StageOptions) (*Report, error) {
			if root, ok := Root(o.Data); ok {
				return RunCitations(ctx, CitationsOptions{Shared: root, Split: o.Split})
			}
			return RunCitations(ctx, CitationsOptions{Data: o.Data, Split: o.Split})
		}, nil},
		{"discrepancies", func(ctx context.Context, o StageOptions) (*Report, error) {
			return RunDiscrepancies(ctx, DiscrepanciesOptions{Gold: o.Data, Split: o.Split, Progress: o.Progress})
		}, under("gold/discrepancies-dev.json")},
		{"headlines", func(ctx context.Context, o StageOptions) (*Report, error) {
			return RunHeadlines(ctx, HeadlinesOptions{Data: o.Data, Progress: o.Progress})
		}, under("data")},
		{"entities", func(ctx context.Context, o StageOptions) (*Report, error) {
			return RunEntities(ctx, EntitiesOptions{Data: o.Data, Split: o.Split, Set: o.Set, Progress: o.Progress})
		}, nil},
		{"junk", func(ctx context.Context, o StageOptions) (*Report, error) {
			return RunJunk(ctx, JunkOptions{Data: o.Data})
		}, under("data/mds")},
	}
}

// StageNames lists the names of Stages, in order.
func StageNames() []string {
	var out []string
	for _, s := range Stages() {
		out = append(out, s.Name)
	}
	return out
}

// RunStage runs the stage called name on o.Data (the evaluation root, or
// the stage's own data: see StageOptions.Data). A name Stages does not
// list is ErrUnknownStage; a Data path that is missing fails before the
// stage starts.
func RunStage(ctx context.Context, name string, o StageOptions) (*Report, error) {
	for _, s := range Stages() {
		if s.Name != name {
			continue
		}
		o.Data = stageData(s, o)
		if _, err := os.Stat(o.Data); err != nil {
			return nil, fmt.Errorf("eval %s: data: %w", name, err)
		}
		return s.Run(ctx, o)
	}
	return nil, fmt.Errorf("%w %q (one of %s)", ErrUnknownStage, name, strings.Join(StageNames(), ", "))
}
