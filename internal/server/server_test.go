package server

import (
	"context"
	"encoding/json"
	"errors"
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
)

func TestAPIReads(t *testing.T) {
	f := seedFixture(t)
	h := newServer(t, f.st, Options{}).Handler()
	art := f.articles[1]
	for _, tc := range []struct {
		name, path string
		code       int
		check      func(t *testing.T, body []byte)
	}{
		{"list", "/api/stories", 200, func(t *testing.T, b []byte) {
			var l StoryList
			if err := json.Unmarshal(b, &l); err != nil {
				t.Fatal(err)
			}
			if len(l.Stories) != 1 || l.Stories[0].ID != f.storyID || len(l.Stories[0].Articles) != 2 {
				t.Errorf("stories = %+v, want the one seed story with 2 articles", l.Stories)
			}
			if l.Limit != 50 || l.Offset != 0 {
				t.Errorf("limit, offset = %d, %d; want 50, 0", l.Limit, l.Offset)
			}
		}},
		{"list offset past end", "/api/stories?offset=5&limit=3", 200, func(t *testing.T, b []byte) {
			var l StoryList
			json.Unmarshal(b, &l)
			if len(l.Stories) != 0 || l.Limit != 3 || l.Offset != 5 {
				t.Errorf("got %+v, want no stories, limit 3, offset 5", l)
			}
		}},
		{"bad limit", "/api/stories?limit=abc", 400, nil},
		{"negative offset", "/api/stories?offset=-1", 400, nil},
		{"search", "/api/stories?q=Tillerson+Kremlin", 200, func(t *testing.T, b []byte) {
			var l StoryList
			json.Unmarshal(b, &l)
			if len(l.Hits) == 0 || len(l.Stories) != 1 || l.Stories[0].ID != f.storyID {
				t.Errorf("search: %d hits, stories %+v; want hits in the seed story", len(l.Hits), l.Stories)
			}
		}},
		{"search no match", "/api/stories?q=zzzqqqxx", 200, func(t *testing.T, b []byte) {
			var l StoryList
			json.Unmarshal(b, &l)
			if len(l.Hits) != 0 || len(l.Stories) != 0 {
				t.Errorf("search for nonsense: %+v", l)
			}
		}},
		{"search punctuation only", "/api/stories?q=%22%2A%28", 200, func(t *testing.T, b []byte) {
			var l StoryList
			json.Unmarshal(b, &l)
			if len(l.Hits) != 0 {
				t.Errorf("punctuation query matched %d", len(l.Hits))
			}
		}},
		{"story", "/api/stories/" + f.storyID, 200, func(t *testing.T, b []byte) {
			var a StoryAnswer
			if err := json.Unmarshal(b, &a); err != nil {
				t.Fatal(err)
			}
			if a.Briefing == nil || len(a.Briefing.Summary) == 0 || len(a.Briefing.Sources) != 2 || a.BriefingVersion < 1 {
				t.Fatalf("briefing = %+v", a.Briefing)
			}
			kinds := map[string]bool{}
			for _, d := range a.Briefing.Discrepancies {
				kinds[d.Kind] = true
			}
			if !kinds[news.KindQuantity] || !kinds[news.KindDate] {
				t.Errorf("discrepancy kinds = %v, want quantity and date", kinds)
			}
		}},
		{"story missing", "/api/stories/nope", 404, nil},
		{"article", "/api/articles/" + art, 200, func(t *testing.T, b []byte) {
			var a ArticleAnswer
			if err := json.Unmarshal(b, &a); err != nil {
				t.Fatal(err)
			}
			if a.Article == nil || a.Text == "" || len(a.Article.Removed) == 0 || len(a.Article.Quotes) == 0 || a.StoryID != f.storyID {
				t.Errorf("article answer lacks text, removed lines, quotes or story: %+v", a.StoryID)
			}
		}},
		{"article missing", "/api/articles/nope", 404, nil},
		{"no endpoint", "/api/nothing", 404, nil},
		{"healthz", "/healthz", 200, nil},
		{"readyz", "/readyz", 200, nil},
		{"openapi", "/api/openapi.json", 200, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(t, h, "GET", tc.path, nil)
			if rec.Code != tc.code {
				t.Fatalf("GET %s = %d, want %d; body %s", tc.path, rec.Code, tc.code, rec.Body)
			}
			want := "application/json"
			if tc.code >= 400 {
				want = problemType
			}
			if strings.HasPrefix(tc.path, "/api/") && !strings.HasPrefix(rec.Header().Get("Content-Type"), want) {
				t.Errorf("Content-Type = %q, want %s", rec.Header().Get("Content-Type"), want)
			}
			if tc.check != nil {
				tc.check(t, rec.Body.Bytes())
			}
		})
	}
}

func TestPages(t *testing.T) {
	f := seedFixture(t)
	h := newServer(t, f.st, Options{}).Handler()
	for _, tc := range []struct {
		name, path string
		code       int
		want       []string
	}{
		{"front", "/", 200, []string{"/stories/" + f.storyID, "2 articles · 2 outlets · 2 independent sources", `class="mk `, "happened 12 Apr 2017 · reported 12 Apr 2017", "added ", " UTC</time>"}},
		{"search", "/?q=Putin", 200, []string{"<mark>", "/articles/", `datetime="2017-04-12">12 Apr 2017</time>`, `class="hit-meta"`}},
		{"search none", "/?q=zzzqqqxx", 200, []string{"No article matches"}},
		{"story", "/stories/" + f.storyID, 200, []string{
			"reported 12 Apr 2017", `id="summary"`, `button type="button" class="cite o`, `<details id="ev-0-0"`, `class="coverage"`, "2 articles · 2 outlets · 2 independent sources", news.OutletNotGiven,
			"nearly two hours", "more than two hours", "Wednesday", "Friday",
			`class="kind k-quantity"`, `class="kind k-date"`, "<ins", "<del", `id="timeline"`, `<time title="2017-04-04">4 Apr 2017</time>`, `id="entities"`, "/articles/" + f.articles[0],
			`href="/static/briefing.css?v=`}},
		{"story missing", "/stories/nope", 404, []string{"Not found"}},
		{"article", "/articles/" + f.articles[1], 200, []string{"Show what the cleaner removed", "/stories/" + f.storyID}},
		{"article without outlet", "/articles/" + f.articles[0], 200, []string{`<p class="kicker">` + news.OutletNotGiven + ` · <time datetime="2017-04-12">12 Apr 2017</time>`}},
		{"article removed", "/articles/" + f.articles[1] + "?removed=1", 200, []string{"<del>", `class="reason"`, "Hide removed lines"}},
		{"article missing", "/articles/nope", 404, []string{"Not found"}},
		{"unknown page", "/no/such/page", 404, []string{"There is no page"}},
		{"css", "/static/site.css", 200, []string{".top"}},
		{"briefing css", "/static/briefing.css", 200, []string{".cite"}},
		{"js", "/static/site.js", 200, []string{"aria-controls"}},
		{"static missing", "/static/nope.js", 404, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(t, h, "GET", tc.path, nil)
			if rec.Code != tc.code {
				t.Fatalf("GET %s = %d, want %d", tc.path, rec.Code, tc.code)
			}
			mustContain(t, tc.path, rec.Body.String(), tc.want...)
		})
	}
}

func TestEmptyStates(t *testing.T) {
	st := openStore(t)
	h := newServer(t, st, Options{}).Handler()
	mustContain(t, "front page", do(t, h, "GET", "/", nil).Body.String(), "No stories yet")
	if rec := do(t, h, "GET", "/api/stories", nil); rec.Code != 200 || !strings.Contains(rec.Body.String(), `"stories":[]`) {
		t.Errorf("empty listing = %d %s", rec.Code, rec.Body)
	}
	// A story whose briefing is not written yet.
	ctx := t.Context()
	a := &news.Article{ID: "a1", Title: "A title", Outlet: "Outlet", Paragraphs: []string{"Text."}}
	if _, _, err := st.PutArticle(ctx, news.Raw{Input: "a1", Text: "Text."}, a); err != nil {
		t.Fatal(err)
	}
	sid, _, err := st.CreateStory(ctx, news.Story{Title: "Fresh story", Articles: []news.ArticleRef{{ID: "a1"}}})
	if err != nil {
		t.Fatal(err)
	}
	h = newServer(t, st, Options{}).Handler()
	mustContain(t, "unbriefed story", do(t, h, "GET", "/stories/"+sid, nil).Body.String(), "Not briefed yet", "/articles/a1")
	if rec := do(t, h, "GET", "/api/stories/"+sid, nil); !strings.Contains(rec.Body.String(), `"briefing":null`) || !strings.Contains(rec.Body.String(), `"coverage":null`) {
		t.Errorf("unbriefed story API: %s", rec.Body)
	}
	// An article without removed lines.
	mustContain(t, "article", do(t, h, "GET", "/articles/a1?removed=1", nil).Body.String(), "Nothing was removed",
		"The cleaner removed no line of this input.", `<p class="kicker">Outlet · <time>date not known</time>`)
}

// TestCacheFollowsStore: a briefing rewritten behind the server's back is
// served once the TTL has passed; until then the cached page is served.
func TestCacheFollowsStore(t *testing.T) {
	f := seedFixture(t)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	s := newServer(t, f.st, Options{Now: func() time.Time { return now }})
	h := s.Handler()
	page := "/stories/" + f.storyID
	first := do(t, h, "GET", page, nil)
	b, _, err := f.st.Briefing(t.Context(), f.storyID)
	if err != nil {
		t.Fatal(err)
	}
	b.Title = "A rewritten title"
	if err := f.st.PutBriefing(t.Context(), f.storyID, b); err != nil {
		t.Fatal(err)
	}
	if got := do(t, h, "GET", page, nil).Body.String(); got != first.Body.String() {
		t.Error("page changed within the TTL")
	}
	if rec := do(t, h, "GET", page, nil, "If-None-Match", first.Header().Get("ETag")); rec.Code != 304 {
		t.Errorf("If-None-Match with the ETag = %d, want 304", rec.Code)
	}
	now = now.Add(2 * DefaultCacheTTL)
	mustContain(t, "page after TTL", do(t, h, "GET", page, nil).Body.String(), "A rewritten title")
	b.Title = "Third title"
	f.st.PutBriefing(t.Context(), f.storyID, b)
	s.Invalidate(f.storyID)
	mustContain(t, "page after Invalidate", do(t, h, "GET", page, nil).Body.String(), "Third title")
}

func TestReadyz(t *testing.T) {
	st := openStore(t)
	h := newServer(t, st, Options{Ready: func(context.Context) error { return errors.New("down") }}).Handler()
	if rec := do(t, h, "GET", "/readyz", nil); rec.Code != 503 {
		t.Errorf("readyz with a failing check = %d, want 503", rec.Code)
	}
	st.Close()
	h = newServer(t, st, Options{}).Handler()
	if rec := do(t, h, "GET", "/readyz", nil); rec.Code != 503 {
		t.Errorf("readyz with a closed store = %d, want 503", rec.Code)
	}
	if rec := do(t, h, "GET", "/healthz", nil); rec.Code != 200 {
		t.Errorf("healthz = %d, want 200", rec.Code)
	}
}

func TestOptionsValidate(t *testing.T) {
	st := openStore(t)
	for _, tc := range []struct {
		name string
		o    Options
	}{
		{"no store", Options{}},
		{"negative body", Options{Store: st, MaxBody: -1}},
		{"guard without token", Options{Store: st, GuardReads: true}},
	} {
		if _, err := New(tc.o); err == nil {
			t.Errorf("%s: New accepted invalid options", tc.name)
		}
	}
}

// TestOddIDs: caller ids with slashes, spaces and URL syntax still link to
// their pages.
func TestOddIDs(t *testing.T) {
	st := openStore(t)
	ctx := t.Context()
	id := "wire/2017 04?x=1#y"
	a := &news.Article{ID: id, Title: "Odd", Outlet: "Outlet", Paragraphs: []string{"Text."}}
	if _, _, err := st.PutArticle(ctx, news.Raw{ID: id, Input: id, Text: "Text."}, a); err != nil {
		t.Fatal(err)
	}
	sid, _, err := st.CreateStory(ctx, news.Story{Title: "Odd story", Articles: []news.ArticleRef{{ID: id}}})
	if err != nil {
		t.Fatal(err)
	}
	h := newServer(t, st, Options{}).Handler()
	body := do(t, h, "GET", "/stories/"+sid, nil).Body.String()
	m := regexp.MustCompile(`href="(/articles/[^"]+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no article link on the story page")
	}
	link := html.UnescapeString(m[1])
	if rec := do(t, h, "GET", link, nil); rec.Code != 200 || !strings.Contains(rec.Body.String(), "Odd") {
		t.Errorf("GET %s = %d, want the article", link, rec.Code)
	}
	if rec := do(t, h, "GET", "/api/articles/"+url.PathEscape(id), nil); rec.Code != 200 {
		t.Errorf("API GET of an escaped id = %d", rec.Code)
	}
}
