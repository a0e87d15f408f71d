package server

import (
	"context"
	"encoding/base64"
	"net/http"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
)

// Hostile strings an article may carry.
const (
	evilScript = `<script>alert("xss")</script>`
	evilAttr   = `"><img src=x onerror=alert(1)>`
	evilSingle = `' onmouseover='alert(2)`
	evilURL    = `javascript:alert(3)`
)

// hostileFixture stores an article and a briefing whose every string is
// an attack, and returns the story id and article id.
func hostileFixture(t *testing.T) (*fixtureStore, string, string) {
	t.Helper()
	st := openStore(t)
	ctx := context.Background()
	a := &news.Article{
		ID: "evil", Input: evilAttr, URL: evilURL, Outlet: evilAttr, Title: evilScript,
		Byline: []string{evilSingle}, Published: "2017-04-12", Language: "en",
		Paragraphs: []string{"Body " + evilScript, "More " + evilAttr},
		Removed:    []news.Removed{{Text: evilScript, Reason: evilAttr, Line: 1}},
		Entities:   []news.Entity{{Name: evilScript, Type: news.Person, Mentions: []news.Mention{{Text: evilScript}}}},
		Quotes:     []news.Quote{{Text: evilAttr, Speaker: evilScript}},
		Times:      []news.Time{{Text: evilSingle, Value: evilAttr}},
		Quantities: []news.Quantity{{Text: evilScript, Unit: evilAttr}},
	}
	raw := news.Raw{ID: "evil", Input: evilAttr, Text: evilScript + "\n" + strings.Join(a.Paragraphs, "\n")}
	if _, _, err := st.PutArticle(ctx, raw, a); err != nil {
		t.Fatal(err)
	}
	sid, _, err := st.CreateStory(ctx, news.Story{Title: evilScript, Articles: []news.ArticleRef{{ID: "evil"}}})
	if err != nil {
		t.Fatal(err)
	}
	other := evilSingle
	b := &news.Briefing{
		Title: evilScript, Date: evilAttr,
		Sources: []news.Source{
			{ID: "evil", Outlet: evilAttr, Title: evilScript, URL: evilURL, Published: evilSingle},
			{ID: other, Outlet: evilScript, Title: evilAttr, URL: "  JavaScript:alert(4)", SyndicatedWith: []string{"evil"}},
		},
		Summary:    []news.Cited{{Text: evilScript, Sources: []string{"evil", other}, Evidence: map[string]string{"evil": evilAttr, other: evilSingle}}},
		Quotes:     []news.QuoteGroup{{Speaker: evilScript, Text: evilAttr, Sources: []string{"evil", other}, Agreement: news.Reworded, Variants: []news.Variant{{Source: "evil", Text: evilAttr}, {Source: other, Text: evilScript + " extra"}}}},
		Agreements: []news.Cited{{Text: evilAttr, Sources: []string{"evil"}}},
		Unique:     []news.Unique{{Source: other, Text: evilScript}},
		Discrepancies: []news.Discrepancy{{Kind: evilAttr, About: evilScript, Claims: []news.Claim{
			{Source: "evil", Text: "a " + evilScript + " b", Value: "<script>"},
			{Source: other, Text: evilAttr, Value: evilSingle}}}},
		Timeline: []news.Event{{Date: evilAttr, Text: evilScript, Sources: []string{other}}},
		Entities: []news.EntityRef{{Name: evilScript, Type: evilAttr, Sources: []string{"evil"}}},
	}
	if err := st.PutBriefing(ctx, sid, b); err != nil {
		t.Fatal(err)
	}
	return &fixtureStore{st}, sid, "evil"
}

// fixtureStore names the store type for the hostile fixture.
type fixtureStore struct{ Store }

func TestEscaping(t *testing.T) {
	st, sid, aid := hostileFixture(t)
	h := newServer(t, st, Options{}).Handler()
	for _, path := range []string{
		"/", "/?q=alert", "/stories/" + sid, "/articles/" + aid, "/articles/" + aid + "?removed=1",
		"/api/stories", "/api/stories/" + sid, "/api/articles/" + aid, "/api/stories?q=alert",
	} {
		t.Run(path, func(t *testing.T) {
			rec := do(t, h, "GET", path, nil)
			if rec.Code != http.StatusOK {
				t.Fatalf("GET %s = %d", path, rec.Code)
			}
			body := rec.Body.String()
			bads := []string{"<script>alert", "<img", `href="javascript:`, `href="  javascript:`}
			if !strings.HasPrefix(path, "/api/") {
				bads = append(bads, "' onmouseover='") // JSON strings need not escape '
			}
			for _, bad := range bads {
				if strings.Contains(strings.ToLower(body), strings.ToLower(bad)) {
					t.Errorf("GET %s: body contains unescaped %q", path, bad)
				}
			}
			if !strings.HasPrefix(path, "/api/") {
				// Only the page's own script tag may appear.
				if n := strings.Count(body, "<script"); n != 1 || !strings.Contains(body, `<script src="/static/site.js?v=`) {
					t.Errorf("GET %s: %d script tags, want only site.js", path, n)
				}
				if strings.Contains(body, "style=") || strings.Contains(body, "<style") {
					t.Errorf("GET %s: inline style present (CSP forbids it)", path)
				}
			}
		})
	}
	t.Run("escaped forms shown", func(t *testing.T) {
		body := do(t, h, "GET", "/stories/"+sid, nil).Body.String()
		mustContain(t, "story page", body, "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;", "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;")
	})
}

func TestSecurityHeaders(t *testing.T) {
	f := seedFixture(t)
	h := newServer(t, f.st, Options{}).Handler()
	for _, tc := range []struct {
		path string
		csp  string
	}{
		{"/", cspPage},
		{"/stories/" + f.storyID, cspPage},
		{"/no/such/page", cspPage},
		{"/api/stories", cspAPI},
		{"/api/nothing", cspAPI},
		{"/healthz", cspAPI},
	} {
		t.Run(tc.path, func(t *testing.T) {
			rec := do(t, h, "GET", tc.path, nil)
			hd := rec.Header()
			if got := hd.Get("Content-Security-Policy"); got != tc.csp {
				t.Errorf("CSP = %q, want %q", got, tc.csp)
			}
			for k, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"} {
				if got := hd.Get(k); got != want {
					t.Errorf("%s = %q, want %q", k, got, want)
				}
			}
		})
	}
	for _, want := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(cspPage, want) {
			t.Errorf("page CSP lacks %q", want)
		}
	}
}

func TestHTTPServerTimeouts(t *testing.T) {
	hs := NewHTTPServer(http.NotFoundHandler(), nil)
	for name, d := range map[string]int64{
		"ReadHeaderTimeout": int64(hs.ReadHeaderTimeout), "ReadTimeout": int64(hs.ReadTimeout),
		"WriteTimeout": int64(hs.WriteTimeout), "IdleTimeout": int64(hs.IdleTimeout),
	} {
		if d <= 0 {
			t.Errorf("%s is not set", name)
		}
	}
}

func TestAuth(t *testing.T) {
	st := openStore(t)
	ingest := func(ctx context.Context, raw news.Raw) (string, string, bool, error) { return "a1", "s1", true, nil }
	basic := func(pw string) string { return "Basic " + base64.StdEncoding.EncodeToString([]byte("me:"+pw)) }
	post := `{"text":"Some article text."}`
	for _, tc := range []struct {
		name         string
		o            Options
		method, path string
		auth         string
		code         int
	}{
		{"ingest disabled without token", Options{}, "POST", "/api/articles", "", 403},
		{"ingest disabled ignores bearer", Options{}, "POST", "/api/articles", "Bearer x", 403},
		{"open ingest", Options{OpenIngest: true}, "POST", "/api/articles", "", 201},
		{"token missing", Options{Token: "s3cret"}, "POST", "/api/articles", "", 401},
		{"token wrong", Options{Token: "s3cret"}, "POST", "/api/articles", "Bearer nope", 401},
		{"token prefix", Options{Token: "s3cret"}, "POST", "/api/articles", "Bearer s3cre", 401},
		{"token right", Options{Token: "s3cret"}, "POST", "/api/articles", "Bearer s3cret", 201},
		{"token with open ingest still required", Options{Token: "s3cret", OpenIngest: true}, "POST", "/api/articles", "", 401},
		{"reads open", Options{Token: "s3cret"}, "GET", "/api/stories", "", 200},
		{"pages open", Options{Token: "s3cret"}, "GET", "/", "", 200},
		{"guarded read missing", Options{Token: "s3cret", GuardReads: true}, "GET", "/api/stories", "", 401},
		{"guarded read bearer", Options{Token: "s3cret", GuardReads: true}, "GET", "/api/stories", "Bearer s3cret", 200},
		{"guarded page missing", Options{Token: "s3cret", GuardReads: true}, "GET", "/", "", 401},
		{"guarded page basic", Options{Token: "s3cret", GuardReads: true}, "GET", "/", basic("s3cret"), 200},
		{"guarded page basic wrong", Options{Token: "s3cret", GuardReads: true}, "GET", "/", basic("nope"), 401},
		{"guarded metrics", Options{Token: "s3cret", GuardReads: true}, "GET", "/metrics", "", 401},
		{"guarded healthz open", Options{Token: "s3cret", GuardReads: true}, "GET", "/healthz", "", 200},
		{"guarded static open", Options{Token: "s3cret", GuardReads: true}, "GET", "/static/site.css", "", 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.o.Ingest = ingestFunc(ingest)
			h := newServer(t, st, tc.o).Handler()
			var body *strings.Reader
			if tc.method == "POST" {
				body = strings.NewReader(post)
			} else {
				body = strings.NewReader("")
			}
			rec := do(t, h, tc.method, tc.path, body, "Authorization", tc.auth, "Content-Type", "application/json")
			if rec.Code != tc.code {
				t.Fatalf("%s %s = %d, want %d; %s", tc.method, tc.path, rec.Code, tc.code, rec.Body)
			}
			if tc.code == 401 && rec.Header().Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		})
	}
	if _, err := New(Options{Store: st, GuardReads: true}); err == nil {
		t.Error("GuardReads without a Token accepted")
	}
}
