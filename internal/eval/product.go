package eval

import (
	"context"
	"errors"
	"fmt"
	"github.com/crosscheck/crosscheck/internal/progress"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/store/sqlite"
	"github.com/crosscheck/crosscheck/internal/text"
)

// storyPath returns the product path the story-level evals share: the
// pipeline and briefer that `crosscheck brief` runs (default options), and
// a progress bar over n stories on progress (nil when progress is nil).
func storyPath(stage string, progressOut io.Writer, n int) (*pipeline.Pipeline, *brief.Briefer, *progress.Bar, error) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return nil, nil, nil, err
	}
	var bar *progress.Bar
	if progressOut != nil {
		bar = progress.New(progressOut, stage, n)
	}
	return p, brief.New(brief.Options{Stem: text.Stem}), bar, nil
}

// BriefSummarizer is crosscheck's summariser as the summarize eval scores
// it, built the way `crosscheck brief --words N` runs: every article
// through pipeline.Analyze (a page that is not an article is left out, as
// the command leaves it out), then the briefing's cited summary, one
// sentence a line.
func BriefSummarizer(words int, o pipeline.Options) (func(context.Context, []string) (string, error), error) {
	p, err := pipeline.New(o)
	if err != nil {
		return nil, fmt.Errorf("eval: summarize: %w", err)
	}
	b := brief.New(brief.Options{Words: words, Stem: text.Stem})
	return func(ctx context.Context, texts []string) (string, error) {
		raws := make([]news.Raw, len(texts))
		for i, t := range texts {
			raws[i] = news.Raw{Text: t}
		}
		br, _, err := BriefStory(ctx, p, b, raws)
		if err != nil || br == nil {
			return "", err
		}
		var sb strings.Builder
		for _, c := range br.Summary {
			sb.WriteString(c.Text)
			sb.WriteByte('\n')
		}
		return sb.String(), nil
	}, nil
}

// BriefStory briefs one story's articles the way `crosscheck brief` does:
// every raw through p.Analyze (a page that is not an article is left out,
// as the command leaves it out), then b.Brief. It returns the briefing and
// the analysed articles it was made of; the briefing is nil when no
// article is left.
func BriefStory(ctx context.Context, p *pipeline.Pipeline, b *brief.Briefer, raws []news.Raw) (*news.Briefing, []*news.Article, error) {
	var arts []*news.Article
	for _, r := range raws {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		a, err := p.Analyze(r)
		if err != nil {
			continue // not an article: left out, as `crosscheck brief` does
		}
		arts = append(arts, a)
	}
	if len(arts) == 0 {
		return nil, nil, nil
	}
	br, err := b.Brief(ctx, arts)
	if err != nil {
		return nil, nil, err
	}
	return br, arts, nil
}

// EngineCluster is crosscheck's story clustering as the cluster eval scores
// it: the ingest engine (the one `crosscheck ingest`, `watch` and `serve`
// run) over a throwaway SQLite archive, each doc handed to IngestRaw in
// order as a user's JSONL line would be (id, title, outlet, date, text).
// A doc's label is the stored story its article belongs to once all are
// in (so later merges count); a doc the engine rejects (not an article)
// gets "". Briefings are not rebuilt during the run: they do not change
// the stories.
func EngineCluster(ctx context.Context, docs []ClusterDoc) ([]string, error) {
	dir, err := os.MkdirTemp("", "crosscheck-eval-cluster-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(ctx, filepath.Join(dir, "archive.db"))
	if err != nil {
		return nil, err
	}
	defer st.Close()
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return nil, err
	}
	eng, err := ingest.New(ctx, st, p, ingest.Options{BriefEvery: math.MaxInt, BriefInterval: time.Duration(math.MaxInt64), StaleLimit: -1})
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(docs))
	for i, d := range docs {
		res, err := eng.IngestRaw(ctx, news.Raw{ID: d.ID, Input: d.ID, Title: d.Title, Outlet: d.Outlet, Published: d.Date, Text: d.Text})
		switch {
		case errors.Is(err, ingest.ErrRejected):
			continue // not an article: a story of its own
		case err != nil:
			return nil, err
		}
		ids[i] = res.ArticleID
	}
	out := make([]string, len(docs))
	for i, id := range ids {
		if id == "" {
			continue
		}
		if out[i], err = st.ArticleStory(ctx, id); err != nil {
			return nil, err
		}
	}
	return out, nil
}
