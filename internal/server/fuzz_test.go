package server

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
)

// FuzzIngestBody posts arbitrary bodies: the server must answer with a
// client error (a problem, in plain words) or success, never 5xx or a
// panic, and hand the engine only articles with exactly one of text or
// html and an http(s) URL or none.
func FuzzIngestBody(f *testing.F) {
	f.Add("application/json", `{"id":"a","url":"https://x.org/a","text":"Some text."}`)
	f.Add("application/json", `{"html":"<p>hi</p>","title":"<script>"}`)
	f.Add("application/x-ndjson", "{\"text\":\"a\"}\n{\"text\":\"b\",\"url\":\"javascript:x\"}\n")
	f.Add("application/json", `{"text":"a","html":"b"}`)
	f.Add("application/json", `[1,2]`)
	f.Add("application/x-ndjson", "\n\n{")
	f.Add("text/plain; charset=utf-8", "x")
	st := openStore(f)
	ingest := func(ctx context.Context, raw news.Raw) (string, string, bool, error) {
		if (raw.Text == "") == (raw.HTML == "") {
			panic("ingest got an article without exactly one of text or html")
		}
		if raw.URL != "" && !httpURL(raw.URL) {
			panic("ingest got a non-http URL: " + raw.URL)
		}
		return "a", "s", true, nil
	}
	h := newServer(f, st, Options{OpenIngest: true, Ingest: ingestFunc(ingest), MaxBody: 1 << 16}).Handler()
	f.Fuzz(func(t *testing.T, ctype, body string) {
		rec := do(t, h, "POST", "/api/articles", strings.NewReader(body), "Content-Type", ctype)
		if rec.Code >= 500 {
			t.Fatalf("POST %q %q = %d: %s", ctype, body, rec.Code, rec.Body)
		}
		if rec.Code != http.StatusOK && rec.Code != http.StatusCreated {
			if ct := rec.Header().Get("Content-Type"); ct != problemType || !strings.Contains(rec.Body.String(), `"detail"`) {
				t.Fatalf("error answer is not a problem with a detail: %d %s %s", rec.Code, ct, rec.Body)
			}
		}
		// A 415 quotes the Content-Type sent, which may spell anything.
		if leak := goLeak(rec.Body.String()); leak != "" && rec.Code != http.StatusUnsupportedMediaType {
			t.Fatalf("answer leaks %q: %s", leak, rec.Body)
		}
	})
}
