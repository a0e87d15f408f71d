// Package listing writes what the command line lists for people and for
// programs: analysed articles (running the pipeline over the inputs), the
// archive's stories (fetched page by page) and search hits, as aligned
// text or as JSON.
package listing

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/progress"
	"github.com/crosscheck/crosscheck/internal/read"
	"github.com/crosscheck/crosscheck/internal/say"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/text"
)

// JSON writes v as indented JSON, leaving <, > and & as they are.
func JSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// Analyze runs p over inputs read by r and hands each analysed article to
// each, in input order. Skipped inputs (unreadable, not an article) go to
// skip; progress, when set (a terminal), shows a count of the documents
// and is cleared before each skip by skip itself. It fails when no input
// gave an article.
func Analyze(ctx context.Context, p *pipeline.Pipeline, r *read.Reader, inputs []string, progressW io.Writer, skip func(input, reason string), each func(*news.Article) error) error {
	bar, ok, skipped := progress.New(progressW, "analyse", 0), 0, 0
	err := p.Run(ctx, r, inputs, 0, func(res pipeline.Result) error {
		if bar.Add(1); res.Err == nil {
			ok++
			return each(res.Article)
		}
		skipped++
		skip(res.Raw.Input, res.Err.Error())
		return nil
	})
	bar.Done()
	if err == nil && ok == 0 {
		err = fmt.Errorf("no article could be analysed (%d skipped)", skipped)
	}
	return err
}

// ArticleWriter returns a writer of analysed articles in format: "text"
// (Article) or "json" (one object a line, as `jq` and JSONL readers take).
func ArticleWriter(w io.Writer, format string) func(*news.Article) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return func(a *news.Article) error { return enc.Encode(a) }
	}
	return func(a *news.Article) error { return Article(w, a) }
}

// Article prints an analysed article for people: metadata with where it
// came from, removed lines with their reasons, then entities, quotes,
// times and quantities, one a line.
func Article(w io.Writer, a *news.Article) error {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("== %s\n", a.Input)
	p("title:     %s\n", orNone(a.Title))
	p("outlet:    %s%s\n", news.OutletName(a.Outlet, ""), from(a.OutletFrom))
	p("byline:    %s\n", orNone(strings.Join(a.Byline, "; ")))
	p("published: %s%s\n", orNone(a.Published), from(a.PublishedFrom))
	if a.Dateline != "" {
		p("dateline:  %s\n", a.Dateline)
	}
	p("language:  %s\n", orNone(a.Language))
	p("body:      %s, %s; %s removed\n", say.Count(len(a.Paragraphs), "paragraph", "paragraphs"),
		say.Count(len(a.Sentences), "sentence", "sentences"), say.Count(len(a.Removed), "line", "lines"))
	for _, r := range a.Removed {
		p("  - [%s] %s\n", r.Reason, text.Clip(r.Text, 90))
	}
	p("entities:\n")
	for _, e := range a.Entities {
		p("  %-7s %s (%d)\n", e.Type, e.Name, len(e.Mentions))
	}
	p("quotes:\n")
	for _, q := range a.Quotes {
		kind := "full"
		if q.Partial {
			kind = "partial"
		}
		p("  %-18s %-7s “%s”\n", text.Clip(orNone(q.Speaker), 18), kind, text.Clip(q.Text, 100))
	}
	p("times:\n")
	for _, t := range a.Times {
		p("  %-24s %s\n", orNone(t.Value), t.Text)
	}
	p("quantities:\n")
	for _, q := range a.Quantities {
		p("  %-40s value=%g unit=%s qualifier=%s\n", q.Text, q.Value, q.Unit, orNone(q.Qualifier))
	}
	_, err := fmt.Fprintln(w)
	return err
}

// Stories returns up to limit stories, newest news first (the store's
// order: latest publication, undated stories last),
// asking the store for pages of at most store.MaxLimit. Every story's
// Articles is non-nil.
func Stories(ctx context.Context, st store.StoryReader, limit int) ([]news.Story, error) {
	out := []news.Story{}
	for off := 0; len(out) < limit; {
		page, err := st.Stories(ctx, store.ListOptions{Limit: min(limit-len(out), store.MaxLimit), Offset: off})
		if err != nil {
			return nil, err
		}
		for _, s := range page {
			if s.Articles == nil {
				s.Articles = []news.ArticleRef{}
			}
			out = append(out, s)
		}
		if len(page) < store.MaxLimit {
			break
		}
		off += len(page)
	}
	return out, nil
}

// BriefStates is the part of store.BriefQueue StoriesText reads.
type BriefStates interface {
	BriefStates(ctx context.Context, storyIDs []string) (map[string]store.BriefState, error)
}

// StoryLister is what WriteStories reads: the stories, their briefings
// (for the coverage counts) and, for the text format's markers, their
// briefing-queue entries.
type StoryLister interface {
	store.StoryReader
	store.Briefings
	BriefStates
}

// StoriesText prints two lines per story (id, coverage and title; then
// its time as news.StoryTime.Phrase words it, and when the archive last
// changed it), the marker of its briefing-queue entry when it has one
// ("[briefing failed 1x (…); retry …]"), then one indented line per
// article. The coverage is the briefing's counts as brief.Counts words
// them, the same the web pages show; brief.NotBriefed before the first
// briefing.
func StoriesText(ctx context.Context, w io.Writer, st StoryLister, stories []news.Story) error {
	ids := make([]string, len(stories))
	for i, s := range stories {
		ids[i] = s.ID
	}
	queued, err := st.BriefStates(ctx, ids)
	if err != nil {
		return err
	}
	listed, err := WithCoverage(ctx, st, stories)
	if err != nil {
		return err
	}
	for _, s := range listed {
		counts := brief.NotBriefed(len(s.Articles))
		if s.Coverage != nil {
			counts = brief.Counts(*s.Coverage)
		}
		fmt.Fprintf(w, "%s  %s  %s\n", s.ID, counts, brief.StoryTitle(s.Title))
		fmt.Fprintf(w, "    %s; added %s\n", s.Time.Phrase(), brief.Stamp(s.Updated))
		if e, ok := queued[s.ID]; ok {
			fmt.Fprintf(w, "    [%s]\n", e)
		}
		width := 0 // the widest article id: the outlet column stays aligned
		for _, a := range s.Articles {
			width = max(width, utf8.RuneCountInString(a.ID))
		}
		for _, a := range s.Articles {
			fmt.Fprintf(w, "    %-*s  %-24s %s\n", width, a.ID, text.Clip(news.OutletName(a.Outlet, ""), 24), text.Clip(brief.ArticleTitle(a.Title), 80))
		}
	}
	return nil
}

// ListedStory is a story as listed for programs (`crosscheck stories
// --format json`, GET /api/stories) with its briefing's counts.
type ListedStory struct {
	news.Story
	// Coverage is the briefing's counts (news.Briefing.Coverage), the
	// ones every page shows; null while the story has not been briefed.
	Coverage *news.Coverage `json:"coverage"`
}

// WithCoverage lists stories with their briefings' counts, so that every
// listing counts a story alike.
func WithCoverage(ctx context.Context, st store.Briefings, stories []news.Story) ([]ListedStory, error) {
	out := make([]ListedStory, len(stories))
	for i, s := range stories {
		out[i].Story = s
		b, _, err := st.Briefing(ctx, s.ID)
		switch {
		case errors.Is(err, store.ErrNotFound):
			continue
		case err != nil:
			return nil, fmt.Errorf("listing: briefing of story %s: %w", s.ID, err)
		}
		c := b.Coverage()
		out[i].Coverage = &c
	}
	return out, nil
}

// WriteStories writes up to limit stories in the store's order (newest news first),
// in format: "text" (StoriesText) or "json".
func WriteStories(ctx context.Context, w io.Writer, st StoryLister, limit int, format string) error {
	stories, err := Stories(ctx, st, limit)
	switch {
	case err != nil:
		return err
	case format == "json":
		listed, err := WithCoverage(ctx, st, stories)
		if err != nil {
			return err
		}
		return JSON(w, listed)
	}
	return StoriesText(ctx, w, st, stories)
}

// WriteSearch writes up to limit articles matching query in format:
// "json" (an array, empty when nothing matches) or "text" (HitsText; with
// no hit, "no match" on note, so that w stays empty).
func WriteSearch(ctx context.Context, w, note io.Writer, st store.Searcher, query string, limit int, format string) error {
	hits, err := st.Search(ctx, query, limit)
	switch {
	case err != nil:
		return err
	case format == "json":
		return JSON(w, append([]store.SearchHit{}, hits...))
	case len(hits) == 0:
		_, err = fmt.Fprintln(note, "no match")
		return err
	}
	return HitsText(w, hits)
}

// HitsText prints search hits, two lines each: the article with its story,
// outlet, publication date (brief.When) and title, then the snippet on one
// line (the article's line breaks would break the listing's layout).
func HitsText(w io.Writer, hits []store.SearchHit) error {
	for _, h := range hits {
		if _, err := fmt.Fprintf(w, "%s  story %s  %s  %s  %s\n    %s\n", h.ArticleID, orNone(h.StoryID), news.OutletName(h.Outlet, ""),
			brief.When(h.Published), brief.ArticleTitle(h.Title), strings.Join(strings.Fields(h.Snippet), " ")); err != nil {
			return err
		}
	}
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func from(s string) string {
	if s == "" {
		return ""
	}
	return " (from " + s + ")"
}
