// Package listing writes what the command line lists for people and for
// programs: an analysed article, the archive's stories (fetched page by
// page) and search hits, as aligned text or as JSON.
package listing

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
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

// Article prints an analysed article for people: metadata with where it
// came from, removed lines with their reasons, then entities, quotes,
// times and quantities, one a line.
func Article(w io.Writer, a *news.Article) error {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("== %s\n", a.Input)
	p("title:     %s\n", orNone(a.Title))
	p("outlet:    %s%s\n", orNone(a.Outlet), from(a.OutletFrom))
	p("byline:    %s\n", orNone(strings.Join(a.Byline, "; ")))
	p("published: %s%s\n", orNone(a.Published), from(a.PublishedFrom))
	if a.Dateline != "" {
		p("dateline:  %s\n", a.Dateline)
	}
	p("language:  %s\n", orNone(a.Language))
	p("body:      %d paragraphs, %d sentences; %d lines removed\n", len(a.Paragraphs), len(a.Sentences), len(a.Removed))
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

// StoriesText prints two lines per story (id, article count and title;
// then its time as news.StoryTime.Phrase words it, and when the archive
// last changed it), the marker of its briefing-queue entry when it has one
// ("[briefing failed 1x (…); retry …]"), then one indented line per
// article.
func StoriesText(ctx context.Context, w io.Writer, q BriefStates, stories []news.Story) error {
	ids := make([]string, len(stories))
	for i, s := range stories {
		ids[i] = s.ID
	}
	queued, err := q.BriefStates(ctx, ids)
	if err != nil {
		return err
	}
	for _, s := range stories {
		fmt.Fprintf(w, "%s  %d article(s)  %s\n", s.ID, len(s.Articles), orNone(s.Title))
		fmt.Fprintf(w, "    %s; added %s\n", s.Time.Phrase(), s.Updated.Format("2006-01-02 15:04"))
		if e, ok := queued[s.ID]; ok {
			fmt.Fprintf(w, "    [%s]\n", e)
		}
		for _, a := range s.Articles {
			fmt.Fprintf(w, "    %-18s %-24s %s\n", a.ID, text.Clip(orNone(a.Outlet), 24), text.Clip(orNone(a.Title), 80))
		}
	}
	return nil
}

// HitsText prints search hits, two lines each: the article with its story,
// outlet, publication date and title, then the snippet.
func HitsText(w io.Writer, hits []store.SearchHit) error {
	for _, h := range hits {
		if _, err := fmt.Fprintf(w, "%s  story %s  %s  %s  %s\n    %s\n", h.ArticleID, orNone(h.StoryID), orNone(h.Outlet), orDate(h.Published), orNone(h.Title), h.Snippet); err != nil {
			return err
		}
	}
	return nil
}

// orDate is a publication date as listed: "date not known" when none.
func orDate(s string) string {
	if s == "" {
		return "date not known"
	}
	return s
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
