package server

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

// jsonBody encodes one article for POST /api/articles.
func jsonBody(t testing.TB, in ArticleIn) string {
	t.Helper()
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestIngest(t *testing.T) {
	f := seedFixture(t)
	s := newServer(t, f.st, Options{Ingest: ingestFunc(f.eng.ingest), Token: "tok"})
	h := s.Handler()
	auth := []string{"Authorization", "Bearer tok", "Content-Type", "application/json"}
	raws := seedRaws(t)
	// A third outlet's article about the same event: the second seed
	// again under another id with a changed text, so it is new content.
	text := strings.Replace(raws[1].Text, "Tillerson", "Secretary Tillerson", 1)
	one := jsonBody(t, ArticleIn{ID: "third", URL: "https://example.org/a", Outlet: "Example Times", Title: "Tillerson in Moscow", Published: seedPublished, Text: text})

	// Warm the cache of the listing, then check that ingest shows at once.
	if rec := do(t, h, "GET", "/api/stories", nil); rec.Code != 200 {
		t.Fatal(rec.Code)
	}
	rec := do(t, h, "POST", "/api/articles", strings.NewReader(one), auth...)
	if rec.Code != http.StatusCreated {
		t.Fatalf("POST = %d, want 201: %s", rec.Code, rec.Body)
	}
	var res IngestResult
	json.Unmarshal(rec.Body.Bytes(), &res)
	if res.ID != "third" || !res.Added || res.StoryID == "" {
		t.Fatalf("result = %+v", res)
	}
	var l StoryList
	json.Unmarshal(do(t, h, "GET", "/api/stories", nil).Body.Bytes(), &l)
	if len(l.Stories) != 2 {
		t.Errorf("after ingest the listing has %d stories, want 2 (cache not invalidated?)", len(l.Stories))
	}
	if rec := do(t, h, "GET", "/articles/third", nil); rec.Code != 200 || !strings.Contains(rec.Body.String(), "Example Times") {
		t.Errorf("GET /articles/third = %d", rec.Code)
	}

	for _, tc := range []struct {
		name, ctype, body string
		code              int
		check             func(t *testing.T, b []byte)
	}{
		{"duplicate", "application/json", one, 200, func(t *testing.T, b []byte) {
			var r IngestResult
			json.Unmarshal(b, &r)
			if r.Added || r.ID != "third" {
				t.Errorf("duplicate: %+v", r)
			}
		}},
		{"ndjson", "application/x-ndjson", jsonBody(t, ArticleIn{ID: "n1", Text: raws[0].Text + "\nExtra line one."}) + "\n\n" +
			"{not json\n" + jsonBody(t, ArticleIn{Text: "x", HTML: "<p>y</p>"}) + "\n" + one + "\n", 201, func(t *testing.T, b []byte) {
			var r IngestBatch
			if err := json.Unmarshal(b, &r); err != nil {
				t.Fatal(err)
			}
			if r.Added != 1 || r.Failed != 2 || r.Duplicates != 1 || len(r.Results) != 4 {
				t.Errorf("batch = %+v", r)
			}
			if len(r.Results) == 4 && (r.Results[0].Line != 1 || r.Results[1].Line != 3 || r.Results[3].Line != 5) {
				t.Errorf("lines = %+v", r.Results)
			}
		}},
		{"ndjson empty", "application/x-ndjson", "\n\n", 400, nil},
		{"both text and html", "application/json", `{"text":"a","html":"<p>b</p>"}`, 400, nil},
		{"neither", "application/json", `{"title":"t"}`, 400, nil},
		{"javascript url", "application/json", `{"text":"a b c","url":"javascript:alert(1)"}`, 400, nil},
		{"relative url", "application/json", `{"text":"a b c","url":"/etc/passwd"}`, 400, nil},
		{"file url", "application/json", `{"text":"a b c","url":"file:///etc/passwd"}`, 400, nil},
		{"two objects", "application/json", `{"text":"a"} {"text":"b"}`, 400, nil},
		{"not json", "application/json", `<html>`, 400, nil},
		{"wrong type", "text/plain", `hello`, 415, nil},
		{"not an article", "application/json", `{"text":"Please log in to continue reading. Subscribe now."}`, 0, func(t *testing.T, b []byte) {}},
		{"id conflict", "application/json", jsonBody(t, ArticleIn{ID: "third", Text: raws[1].Text + "\nA different closing line."}), 409, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(t, h, "POST", "/api/articles", strings.NewReader(tc.body), "Authorization", "Bearer tok", "Content-Type", tc.ctype)
			if tc.code != 0 && rec.Code != tc.code {
				t.Fatalf("POST = %d, want %d: %s", rec.Code, tc.code, rec.Body)
			}
			if rec.Code >= 500 {
				t.Fatalf("POST = %d: %s", rec.Code, rec.Body)
			}
			if tc.check != nil {
				tc.check(t, rec.Body.Bytes())
			}
		})
	}

	t.Run("metrics count ingest", func(t *testing.T) {
		body := do(t, h, "GET", "/metrics", nil).Body.String()
		mustContain(t, "/metrics", body,
			`crosscheck_ingest_articles_total{result="added"} 2`,
			`crosscheck_ingest_articles_total{result="duplicate"} 2`,
			`crosscheck_http_requests_total{code="201",method="POST",route="POST /api/articles"} 2`,
			`crosscheck_http_request_duration_seconds_bucket{route="GET /api/stories",le=`)
	})
}

func TestIngestNotConfigured(t *testing.T) {
	h := newServer(t, openStore(t), Options{OpenIngest: true}).Handler()
	if rec := do(t, h, "POST", "/api/articles", strings.NewReader(`{"text":"x"}`)); rec.Code != http.StatusNotImplemented {
		t.Errorf("POST without engine = %d, want 501", rec.Code)
	}
}

func TestBodyLimit(t *testing.T) {
	var calls atomic.Int32
	ingest := func(ctx context.Context, raw news.Raw) (string, string, bool, error) {
		calls.Add(1)
		return "a", "s", true, nil
	}
	h := newServer(t, openStore(t), Options{OpenIngest: true, Ingest: ingestFunc(ingest), MaxBody: 1 << 10}).Handler()
	small := `{"text":"` + strings.Repeat("a", 500) + `"}`
	big := `{"text":"` + strings.Repeat("a", 2000) + `"}`
	if rec := do(t, h, "POST", "/api/articles", strings.NewReader(small)); rec.Code != http.StatusCreated {
		t.Errorf("small body = %d, want 201", rec.Code)
	}
	if rec := do(t, h, "POST", "/api/articles", strings.NewReader(big)); rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("big body = %d, want 413", rec.Code)
	}
	if rec := do(t, h, "POST", "/api/articles", strings.NewReader(small+"\n"+big), "Content-Type", "application/x-ndjson"); rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("big NDJSON body = %d, want 413", rec.Code)
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("ingest called %d times, want 1 (nothing of a too-large body is ingested)", n)
	}
}

func TestIngestErrorStatus(t *testing.T) {
	for _, tc := range []struct {
		err  error
		code int
	}{
		{store.ErrIDConflict, 409},
		{store.ErrInvalid, 400},
		{context.DeadlineExceeded, 503},
		{errors.New("disk full"), 500},
	} {
		t.Run(tc.err.Error(), func(t *testing.T) {
			ingest := func(ctx context.Context, raw news.Raw) (string, string, bool, error) { return "", "", false, tc.err }
			h := newServer(t, openStore(t), Options{OpenIngest: true, Ingest: ingestFunc(ingest)}).Handler()
			rec := do(t, h, "POST", "/api/articles", strings.NewReader(`{"text":"x"}`))
			if rec.Code != tc.code {
				t.Errorf("status = %d, want %d", rec.Code, tc.code)
			}
			if tc.code == 500 && strings.Contains(rec.Body.String(), "disk full") {
				t.Error("internal error text leaked to the client")
			}
		})
	}
}

// TestGracefulShutdown cancels Serve's context while an ingest is in
// flight: the request must complete and be answered.
func TestGracefulShutdown(t *testing.T) {
	started := make(chan struct{})
	var finished atomic.Bool
	ingest := func(ctx context.Context, raw news.Raw) (string, string, bool, error) {
		close(started)
		select {
		case <-time.After(300 * time.Millisecond):
		case <-ctx.Done():
			return "", "", false, ctx.Err()
		}
		finished.Store(true)
		return "a1", "s1", true, nil
	}
	s := newServer(t, openStore(t), Options{OpenIngest: true, Ingest: ingestFunc(ingest)})
	ctx, cancel := context.WithCancel(context.Background())
	ln := listen(t)
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	type answer struct {
		code int
		err  error
	}
	ans := make(chan answer, 1)
	go func() {
		resp, err := http.Post("http://"+ln.Addr().String()+"/api/articles", "application/json", strings.NewReader(`{"text":"x"}`))
		if err != nil {
			ans <- answer{err: err}
			return
		}
		resp.Body.Close()
		ans <- answer{code: resp.StatusCode}
	}()
	<-started
	cancel()
	a := <-ans
	if a.err != nil || a.code != http.StatusCreated {
		t.Fatalf("in-flight ingest during shutdown: code %d err %v", a.code, a.err)
	}
	if !finished.Load() {
		t.Error("ingest did not finish")
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve = %v, want nil after a clean shutdown", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after shutdown")
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Error("server still answers after shutdown")
	}
}
