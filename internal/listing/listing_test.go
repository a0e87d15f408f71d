package listing

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/read"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/sqlite"
)

func TestArticleCounts(t *testing.T) {
	for _, tc := range []struct {
		name string
		a    news.Article
		want string
	}{
		{"none", news.Article{}, "body:      0 paragraphs, 0 sentences; 0 lines removed\n"},
		{"one of each", news.Article{Paragraphs: []string{"A."}, Sentences: []news.Span{{}}, Removed: []news.Removed{{Reason: "nav", Text: "Home"}}},
			"body:      1 paragraph, 1 sentence; 1 line removed\n  - [nav] Home\n"},
		{"several", news.Article{Paragraphs: []string{"A.", "B."}, Sentences: []news.Span{{}, {}, {}}},
			"body:      2 paragraphs, 3 sentences; 0 lines removed\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Article(&b, &tc.a); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), tc.want) {
				t.Errorf("article text lacks %q:\n%s", tc.want, b.String())
			}
		})
	}
}

func TestArticleWriter(t *testing.T) {
	a := &news.Article{ID: "a1", Title: "Q&A <live>", Paragraphs: []string{"Text."}}
	for _, tc := range []struct{ format, want string }{
		{"json", `"title":"Q&A <live>"`},
		{"text", "title:     Q&A <live>\n"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			var b bytes.Buffer
			if err := ArticleWriter(&b, tc.format)(a); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), tc.want) {
				t.Errorf("%s lacks %q:\n%s", tc.format, tc.want, b.String())
			}
			if tc.format == "json" && strings.Count(b.String(), "\n") != 1 {
				t.Errorf("JSON article is not one line: %q", b.String())
			}
		})
	}
}

// archive is a SQLite archive of stories with 1, 2 and 0 articles, made
// in that order (the last is the most recently updated; none is dated, so
// they list most recently updated first); the first one's
// briefing is queued, the second one is briefed.
func archive(t *testing.T) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	put := func(id, title, text string) news.ArticleRef {
		raw := news.Raw{ID: id, Input: id + ".txt", Text: text}
		if _, _, err := st.PutArticle(ctx, raw, &news.Article{ID: id, Title: title, Outlet: "Example", Paragraphs: []string{text}}); err != nil {
			t.Fatal(err)
		}
		return news.ArticleRef{ID: id}
	}
	for _, s := range []news.Story{
		{Title: "Budget passes", Articles: []news.ArticleRef{put("b1", "Council passes budget", "The council passed the budget on Tuesday.")}},
		{Title: "Storm", Articles: []news.ArticleRef{put("s1", "Storm hits coast", "A storm hit the coast."), put("s2", "Coast storm", "The storm flooded the coast road.")}},
		{Title: "Empty"},
	} {
		id, _, err := st.CreateStory(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		if s.Title == "Storm" { // briefed: two wire copies of one outlet
			b := &news.Briefing{Title: "Storm", Sources: []news.Source{
				{ID: "s1", Outlet: "Example", SyndicatedWith: []string{"s2"}}, {ID: "s2", Outlet: "Example", SyndicatedWith: []string{"s1"}}}}
			if err := st.PutBriefing(ctx, id, b); err != nil {
				t.Fatal(err)
			}
		}
		if s.Title == "Budget passes" {
			if err := st.QueueBriefings(ctx, []string{id}, time.Now()); err != nil {
				t.Fatal(err)
			}
		}
		time.Sleep(2 * time.Millisecond) // distinct update times
	}
	return st
}

func TestWriteStories(t *testing.T) {
	st := archive(t)
	for _, tc := range []struct {
		name, format string
		limit        int
		want         []string
		not          []string
	}{
		{"text", "text", 10, []string{"  0 articles · not briefed yet  Empty\n", "  2 articles · 1 outlet · 1 independent source  Storm\n", "  1 article · not briefed yet  Budget passes\n    date not known; added ", "\n    [briefing being updated]\n    b1 ", "Storm hits coast"}, []string{"article(s)", "\n    [briefing being updated]\n    s1 "}},
		{"limit", "text", 2, []string{"Empty", "Storm"}, []string{"Budget"}},
		{"json", "json", 10, []string{`"title": "Empty"`, `"articles": []`, `"coverage": null`,
			`"coverage": {
      "articles": 2,
      "outlets": 1,
      "independent_sources": 1
    }`}, []string{`"articles": null`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteStories(t.Context(), &b, st, tc.limit, tc.format); err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("lacks %q:\n%s", w, b.String())
				}
			}
			for _, n := range tc.not {
				if strings.Contains(b.String(), n) {
					t.Errorf("has %q:\n%s", n, b.String())
				}
			}
		})
	}
}

// TestStoriesTextArticles: a story's article lines keep their outlet
// column aligned whatever the ids' lengths, and an article without a
// title is "Untitled article" as on the web pages.
func TestStoriesTextArticles(t *testing.T) {
	st := archive(t)
	ctx := t.Context()
	var refs []news.ArticleRef
	for _, a := range []struct{ id, title string }{{"x1", "Ferry service resumes"}, {"export-of-a-long-feed-0001", ""}} {
		raw := news.Raw{ID: a.id, Input: a.id, Text: "The ferry sailed again on Monday (" + a.id + ")."}
		if _, _, err := st.PutArticle(ctx, raw, &news.Article{ID: a.id, Title: a.title, Paragraphs: []string{raw.Text}}); err != nil {
			t.Fatal(err)
		}
		refs = append(refs, news.ArticleRef{ID: a.id})
	}
	if _, _, err := st.CreateStory(ctx, news.Story{Articles: refs}); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteStories(ctx, &b, st, 10, "text"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, tc := range []struct{ name, want string }{
		{"untitled story", "  Untitled story\n"},
		{"untitled article", "outlet not given         Untitled article\n"},
		{"added in UTC", " UTC\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(out, tc.want) {
				t.Errorf("lacks %q:\n%s", tc.want, out)
			}
		})
	}
	col := -1
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "    x1 ") && !strings.HasPrefix(line, "    export-") {
			continue
		}
		i := strings.Index(line, "outlet not given")
		if col >= 0 && i != col {
			t.Errorf("outlet column at %d, then at %d:\n%s", col, i, out)
		}
		col = i
	}
	if col < 0 {
		t.Errorf("the story's article lines are missing:\n%s", out)
	}
}

func TestHitsText(t *testing.T) {
	for _, tc := range []struct {
		name string
		hit  store.SearchHit
		want string
	}{
		{"dated", store.SearchHit{ArticleID: "a1", StoryID: "s1", Outlet: "Example", Published: "2019-03-02", Title: "Ferry resumes", Snippet: "the [ferry] sailed"},
			"a1  story s1  Example  2 Mar 2019  Ferry resumes\n    the [ferry] sailed\n"},
		{"undated, untitled, snippet across lines", store.SearchHit{ArticleID: "a2", StoryID: "s1", Snippet: "…[Ferry] times.\n\nNew  timetable\n…"},
			"a2  story s1  outlet not given  date not known  Untitled article\n    …[Ferry] times. New timetable …\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := HitsText(&b, []store.SearchHit{tc.hit}); err != nil {
				t.Fatal(err)
			}
			if b.String() != tc.want {
				t.Errorf("got\n%q\nwant\n%q", b.String(), tc.want)
			}
		})
	}
}

func TestStoriesOrder(t *testing.T) {
	stories, err := Stories(t.Context(), archive(t), store.MaxLimit+1)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, s := range stories {
		titles = append(titles, s.Title)
	}
	if got := strings.Join(titles, ", "); got != "Empty, Storm, Budget passes" {
		t.Errorf("stories %s, want the most recently updated first", got)
	}
}

func TestWriteSearch(t *testing.T) {
	st := archive(t)
	for _, tc := range []struct {
		name, query, format string
		stdout, note        string
	}{
		{"text", "storm", "text", "story ", ""},
		{"json", "storm", "json", `"article_id": "s`, ""},
		{"no match text", "zzzunheard", "text", "", "no match\n"},
		{"no match json", "zzzunheard", "json", "[]\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, note bytes.Buffer
			if err := WriteSearch(t.Context(), &out, &note, st, tc.query, 10, tc.format); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), tc.stdout) || note.String() != tc.note || (tc.stdout == "" && out.Len() > 0) {
				t.Errorf("stdout %q, note %q; want stdout with %q, note %q", out.String(), note.String(), tc.stdout, tc.note)
			}
		})
	}
	var out, note bytes.Buffer
	if err := WriteSearch(t.Context(), &out, &note, st, "storm", 10, "text"); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "\n"); n != 4 {
		t.Errorf("two hits should take four lines, got %d:\n%s", n, out.String())
	}
}

// TestAnalyze runs the pipeline over the bundled examples and an empty
// file: the articles arrive in input order, the empty file is skipped.
func TestAnalyze(t *testing.T) {
	seeds, err := filepath.Glob(filepath.Join("..", "..", "examples", "seeds", "*.txt"))
	if err != nil || len(seeds) < 2 {
		t.Fatalf("bundled seeds: %v %v", seeds, err)
	}
	empty := filepath.Join(t.TempDir(), "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		inputs  []string
		arts    int
		skipped []string
		err     string
	}{
		{"seeds and an empty file", append([]string{empty}, seeds...), len(seeds), []string{empty}, ""},
		{"nothing to analyse", []string{empty}, 0, []string{empty}, "no article could be analysed (1 skipped)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var inputs, skipped []string
			err := Analyze(t.Context(), p, read.New(read.Options{}), tc.inputs, nil, func(input, _ string) { skipped = append(skipped, input) },
				func(a *news.Article) error { inputs = append(inputs, a.Input); return nil })
			if (err == nil) != (tc.err == "") || (err != nil && !strings.Contains(err.Error(), tc.err)) {
				t.Fatalf("err %v, want %q", err, tc.err)
			}
			if len(inputs) != tc.arts || strings.Join(skipped, ",") != strings.Join(tc.skipped, ",") {
				t.Errorf("articles %v, skipped %v; want %d articles, skipped %v", inputs, skipped, tc.arts, tc.skipped)
			}
			for i := 1; i < len(inputs); i++ {
				if inputs[i-1] > inputs[i] {
					t.Errorf("articles out of input order: %v", inputs)
				}
			}
		})
	}
}

func TestJSONKeepsMarkup(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, map[string]string{"t": "<b>&</b>"}); err != nil {
		t.Fatal(err)
	}
	var back map[string]string
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || !strings.Contains(b.String(), "<b>&</b>") {
		t.Errorf("JSON escaped markup or is invalid: %s (%v)", b.String(), err)
	}
}
