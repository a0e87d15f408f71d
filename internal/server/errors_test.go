package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

// goNames are what a Go error says about the program rather than the
// request: type names, package-qualified identifiers, encoding/json's
// wording.
var goNames = regexp.MustCompile(`Go (?:value|struct|type)|\b(?:server|read|news|store|pipeline|ingest|json|main|http)\.[A-Za-z]|json: |\*[a-z]+\.[A-Z]|ArticleIn|IngestResult|IngestBatch|\bint64\b|\bfloat64\b`)

// goLeak returns the first Go name in an answer, or "".
func goLeak(body string) string {
	return goNames.FindString(body)
}

// stubIngest decides by the article's text: "dup…" is a duplicate,
// "conflict…" an id conflict, "login…" not an article, "boom…" a server
// failure, "slow…" a timeout; anything else is stored.
func stubIngest(ctx context.Context, raw news.Raw) (string, string, bool, error) {
	switch t := raw.Text; {
	case strings.HasPrefix(t, "dup"):
		return "a-dup", "s1", false, nil
	case strings.HasPrefix(t, "conflict"):
		return "", "", false, fmt.Errorf("store article %s: %w", raw.ID, store.ErrIDConflict)
	case strings.HasPrefix(t, "login"):
		return "", "", false, fmt.Errorf("%w: %s: pipeline: not an article: login wall", ingest.ErrRejected, raw.Input)
	case strings.HasPrefix(t, "boom"):
		return "", "", false, errors.New("sqlite: disk I/O error at /var/lib/crosscheck.db")
	case strings.HasPrefix(t, "slow"):
		return "", "", false, fmt.Errorf("waiting for the writer: %w", context.DeadlineExceeded)
	}
	return "a-" + raw.Input, "s1", true, nil
}

// TestAPIErrors sends every kind of bad request the API knows and checks
// the answer: its status, that an error is an RFC 9457 problem whose
// detail says what to change, that no Go name leaks, and that the OpenAPI
// document declares this status with this content type for the operation.
func TestAPIErrors(t *testing.T) {
	st := openStore(t)
	const limit = 1 << 10
	base := Options{Ingest: ingestFunc(stubIngest), Token: "tok", MaxBody: limit}
	h := newServer(t, st, base).Handler()
	disabled := newServer(t, st, Options{Ingest: ingestFunc(stubIngest)}).Handler()
	noEngine := newServer(t, st, Options{OpenIngest: true}).Handler()
	guarded := newServer(t, st, Options{Token: "tok", GuardReads: true}).Handler()
	notReady := newServer(t, st, Options{Ready: func(context.Context) error { return errors.New("dial tcp 10.0.0.1:5432: refused") }}).Handler()
	doc := servedDoc(t, h)

	big := `{"text":"` + strings.Repeat("a", 2*limit) + `"}`
	ndjson := func(lines ...string) string { return strings.Join(lines, "\n") + "\n" }
	type check func(t *testing.T, rec map[string]any)
	results := func(want ...string) check { // want: "line:result:status"
		return func(t *testing.T, body map[string]any) {
			rs, _ := body["results"].([]any)
			var got []string
			for _, r := range rs {
				m := r.(map[string]any)
				got = append(got, fmt.Sprintf("%v:%v:%v", m["line"], m["result"], m["status"]))
				if m["result"] != "stored" && m["result"] != "duplicate" && m["error"] == "" {
					t.Errorf("line %v: %v without an error message", m["line"], m["result"])
				}
			}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("results = %v, want %v", got, want)
			}
		}
	}
	for _, tc := range []struct {
		name         string
		h            http.Handler
		method, path string
		ctype, auth  string
		body         string
		code         int
		detail       string // in the problem's detail
		check        check
	}{
		{name: "malformed JSON", body: `{"text": "abc`, code: 400, detail: "the JSON ends early"},
		{name: "markup for JSON", body: `<html><p>hi</p></html>`, code: 400, detail: "not valid JSON at byte 1"},
		{name: "array for object", body: `[{"text":"a"}]`, code: 400, detail: "expected an object, got an array"},
		{name: "wrong field type", body: `{"text": 17}`, code: 400, detail: `field "text" must be a string, not a number`},
		{name: "empty body", body: ``, code: 400, detail: "the body is empty"},
		{name: "blank body", body: " \n\t", code: 400, detail: "the body is empty"},
		{name: "two values", body: `{"text":"a"} {"text":"b"}`, code: 400, detail: "application/x-ndjson"},
		{name: "text and html", body: `{"text":"a","html":"<p>b</p>"}`, code: 400, detail: `give "text" or "html", not both`},
		{name: "neither text nor html", body: `{"title":"t"}`, code: 400, detail: `"text" (plain text) or "html" (a whole page) is required`},
		{name: "bad url", body: `{"text":"a","url":"javascript:alert(1)"}`, code: 400, detail: `"url" must be an absolute http or https URL`},
		{name: "too large", body: big, code: 413, detail: "over the limit of 1024 bytes (1.0 KiB); raise it with the server's --max-body flag", check: func(t *testing.T, b map[string]any) {
			if b["limit"] != float64(limit) {
				t.Errorf("limit = %v, want %d", b["limit"], limit)
			}
		}},
		{name: "too large NDJSON", ctype: ndjsonType, body: ndjson(`{"text":"a"}`, big), code: 413, detail: "smaller batches"},
		{name: "wrong content type", ctype: "text/plain", body: "hello", code: 415, detail: "not text/plain"},
		{name: "unreadable content type", ctype: "application/", body: "hello", code: 415, detail: "cannot be parsed"},
		{name: "id conflict", body: `{"id":"x1","text":"conflict"}`, code: 409, detail: `the id "x1" is already used`, check: func(t *testing.T, b map[string]any) {
			if b["id"] != "x1" {
				t.Errorf("id = %v, want x1", b["id"])
			}
		}},
		{name: "not an article", body: `{"text":"login to read"}`, code: 422, detail: "not stored: rejected: not an article: login wall"},
		{name: "server failure", body: `{"text":"boom"}`, code: 500, detail: "the server failed to store the article"},
		{name: "timeout", body: `{"text":"slow"}`, code: 503, detail: "send it again later"},
		{name: "missing token", auth: "-", body: `{"text":"a"}`, code: 401, detail: "Authorization: Bearer"},
		{name: "wrong token", auth: "Bearer nope", body: `{"text":"a"}`, code: 401, detail: "Authorization: Bearer"},
		{name: "ingest disabled", h: disabled, body: `{"text":"a"}`, code: 403, detail: "--open-ingest"},
		{name: "no engine", h: noEngine, body: `{"text":"a"}`, code: 501, detail: "without an ingest engine"},
		{name: "unknown story", method: "GET", path: "/api/stories/nope", code: 404, detail: `no story is stored under the id "nope"`},
		{name: "unknown article", method: "GET", path: "/api/articles/nope", code: 404, detail: `no article is stored under the id "nope"`},
		{name: "no endpoint", method: "GET", path: "/api/nothing", code: 404, detail: "GET /api/openapi.json lists them"},
		{name: "no endpoint POST", method: "POST", path: "/api/nothing", code: 404, detail: "there is no endpoint at /api/nothing"},
		{name: "bad limit", method: "GET", path: "/api/stories?limit=ten", code: 400, detail: `query parameter limit must be a whole number 0 or larger, not "ten"`},
		{name: "negative offset", method: "GET", path: "/api/stories?offset=-1", code: 400, detail: "offset"},
		{name: "wrong method on reads", method: "DELETE", path: "/api/stories", code: 405, detail: "use GET or HEAD"},
		{name: "wrong method on ingest", method: "PUT", path: "/api/articles", code: 405, detail: "use POST"},
		{name: "GET on ingest", method: "GET", path: "/api/articles", code: 405, detail: "use POST"},
		{name: "wrong method on a probe", method: "POST", path: "/healthz", code: 405, detail: "use GET or HEAD"},
		{name: "guarded read", h: guarded, auth: "-", method: "GET", path: "/api/stories", code: 401, detail: "Authorization: Bearer"},
		{name: "guarded metrics", h: guarded, auth: "-", method: "GET", path: "/metrics", code: 401, detail: "Authorization: Bearer"},
		{name: "not ready", h: notReady, method: "GET", path: "/readyz", code: 503, detail: "the store does not answer"},

		{name: "NDJSON all failed", ctype: ndjsonType, body: ndjson(`{not json`, `[1]`, `{"text":"a","html":"b"}`, `{"text": 5}`), code: 422,
			detail: "none of the 4 article lines was stored (4 failed)", check: results("1:error:400", "2:error:400", "3:error:400", "4:error:400")},
		{name: "NDJSON none stored, mixed", ctype: ndjsonType, body: ndjson(`{"text":"dup"}`, ``, `{"text":"login wall"}`, `{"id":"c","text":"conflict"}`), code: 422,
			detail: "(1 failed, 1 skipped, 1 already stored)", check: results("1:duplicate:200", "3:skipped:422", "4:error:409")},
		{name: "NDJSON none stored, server failure", ctype: ndjsonType, body: ndjson(`{"text":"boom"}`, `{"text":"x","html":"y"}`), code: 500,
			detail: "none of the 2 article lines was stored", check: results("1:error:500", "2:error:400")},
		{name: "NDJSON none stored, timeout", ctype: ndjsonType, body: ndjson(`{"text":"boom"}`, `{"text":"slow"}`), code: 503,
			check: results("1:error:500", "2:error:503")},
		{name: "NDJSON all duplicates", ctype: ndjsonType, body: ndjson(`{"text":"dup"}`, `{"text":"dup 2"}`), code: 200,
			check: results("1:duplicate:200", "2:duplicate:200")},
		{name: "NDJSON some stored", ctype: ndjsonType, body: ndjson(`{"text":"new"}`, `{bad`, `{"text":"login"}`, `{"text":"dup"}`), code: 201,
			check: results("1:stored:201", "2:error:400", "3:skipped:422", "4:duplicate:200")},
		{name: "NDJSON no lines", ctype: ndjsonType, body: "\n\n", code: 400, detail: "the body is empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.h == nil {
				tc.h = h
			}
			if tc.method == "" {
				tc.method = "POST"
			}
			if tc.path == "" {
				tc.path = "/api/articles"
			}
			if tc.ctype == "" {
				tc.ctype = jsonType
			}
			hdr := []string{"Content-Type", tc.ctype, "Authorization", "Bearer tok"}
			if tc.auth != "" {
				hdr[3] = strings.TrimPrefix(tc.auth, "-")
			}
			rec := do(t, tc.h, tc.method, tc.path, strings.NewReader(tc.body), hdr...)
			if rec.Code != tc.code {
				t.Fatalf("%s %s = %d, want %d: %s", tc.method, tc.path, rec.Code, tc.code, rec.Body)
			}
			body := rec.Body.String()
			if leak := goLeak(body); leak != "" {
				t.Errorf("answer leaks %q: %s", leak, body)
			}
			var got map[string]any
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatalf("answer is not JSON: %v: %s", err, body)
			}
			ctype := rec.Header().Get("Content-Type")
			if tc.code < 400 {
				if !strings.HasPrefix(ctype, jsonType) {
					t.Errorf("Content-Type = %q, want %s", ctype, jsonType)
				}
			} else {
				if ctype != problemType {
					t.Errorf("Content-Type = %q, want %s", ctype, problemType)
				}
				path, _, _ := strings.Cut(tc.path, "?")
				for k, want := range map[string]any{"type": "about:blank", "title": http.StatusText(tc.code), "status": float64(tc.code), "instance": path} {
					if got[k] != want {
						t.Errorf("%s = %v, want %v", k, got[k], want)
					}
				}
				if d, _ := got["detail"].(string); !strings.Contains(d, tc.detail) {
					t.Errorf("detail = %q, want it to contain %q", d, tc.detail)
				}
			}
			switch tc.code {
			case 401:
				if rec.Header().Get("WWW-Authenticate") == "" {
					t.Error("401 without WWW-Authenticate")
				}
			case 405:
				if rec.Header().Get("Allow") == "" {
					t.Error("405 without Allow")
				}
			}
			if tc.check != nil {
				tc.check(t, got)
			}
			if path, ok := doc.operationPath(tc.path); ok {
				if err := doc.declares(path, tc.method, tc.code, strings.TrimSuffix(ctype, "; charset=utf-8")); err != nil {
					t.Errorf("OpenAPI document: %v", err)
				}
			}
		})
	}
}
