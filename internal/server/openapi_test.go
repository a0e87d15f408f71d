package server

import (
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// openAPIDoc is the part of the OpenAPI document the consistency test
// reads.
type openAPIDoc struct {
	OpenAPI string `json:"openapi"`
	Paths   map[string]map[string]struct {
		OperationID string `json:"operationId"`
		Parameters  []struct {
			Ref  string `json:"$ref"`
			Name string `json:"name"`
			In   string `json:"in"`
		} `json:"parameters"`
		Responses map[string]any `json:"responses"`
	} `json:"paths"`
	Components struct {
		Parameters map[string]struct {
			Name string `json:"name"`
			In   string `json:"in"`
		} `json:"parameters"`
	} `json:"components"`
}

// docPath turns a mux pattern's path into the document's form:
// "/{$}" is "/", wildcards stay "{name}".
func docPath(p string) string {
	if p == "/{$}" {
		return "/"
	}
	return strings.ReplaceAll(p, "...}", "}")
}

var wildcardRe = regexp.MustCompile(`\{([a-z]+)\}`)

// TestOpenAPIMatchesRoutes walks the mux routes and the document's paths
// both ways: every route is documented, every documented operation is
// routed to exactly that route, and every path parameter is declared.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	s := newServer(t, openStore(t), Options{})
	rec := do(t, s.Handler(), "GET", "/api/openapi.json", nil)
	var doc openAPIDoc
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi = %q, want 3.1.0", doc.OpenAPI)
	}
	routes := map[string]bool{}
	for _, p := range s.Patterns() {
		method, path, _ := strings.Cut(p, " ")
		key := strings.ToLower(method) + " " + docPath(path)
		routes[key] = true
		ops, ok := doc.Paths[docPath(path)]
		if !ok {
			t.Errorf("route %q: path %q is not in the OpenAPI document", p, docPath(path))
			continue
		}
		if _, ok := ops[strings.ToLower(method)]; !ok {
			t.Errorf("route %q: method %s is not documented", p, method)
		}
	}
	var documented []string
	for path, ops := range doc.Paths {
		for method, op := range ops {
			documented = append(documented, method+" "+path)
			if !routes[method+" "+path] {
				t.Errorf("documented %s %s has no route", method, path)
			}
			if op.OperationID == "" || len(op.Responses) == 0 {
				t.Errorf("%s %s: operationId or responses missing", method, path)
			}
			declared := map[string]bool{}
			for _, prm := range op.Parameters {
				if prm.Ref != "" {
					c := doc.Components.Parameters[strings.TrimPrefix(prm.Ref, "#/components/parameters/")]
					prm.Name, prm.In = c.Name, c.In
				}
				if prm.In == "path" {
					declared[prm.Name] = true
				}
			}
			for _, m := range wildcardRe.FindAllStringSubmatch(path, -1) {
				if !declared[m[1]] {
					t.Errorf("%s %s: path parameter %q not declared", method, path, m[1])
				}
				delete(declared, m[1])
			}
			for name := range declared {
				t.Errorf("%s %s: declares path parameter %q the path lacks", method, path, name)
			}
			// The mux must send a concrete request for this operation to
			// the route of the same pattern.
			concrete := wildcardRe.ReplaceAllString(path, "x1")
			req := httptest.NewRequest(strings.ToUpper(method), concrete, nil)
			_, pattern := s.mux.Handler(req)
			_, pp, _ := strings.Cut(pattern, " ")
			if pattern == "" || strings.ToLower(strings.SplitN(pattern, " ", 2)[0]) != method || docPath(pp) != path {
				t.Errorf("%s %s: the mux routes %s %s to %q", method, path, strings.ToUpper(method), concrete, pattern)
			}
		}
	}
	sort.Strings(documented)
	if len(documented) != len(routes) {
		t.Errorf("%d documented operations, %d routes: %v", len(documented), len(routes), documented)
	}
}

// servedOpenAPI is the served document, decoded loosely, for checking
// what it declares.
type servedOpenAPI struct {
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Responses map[string]docResponse `json:"responses"`
	} `json:"components"`
}

// docResponse is a response object or a reference to one.
type docResponse struct {
	Ref     string                     `json:"$ref"`
	Content map[string]json.RawMessage `json:"content"`
}

// servedDoc reads the document h serves.
func servedDoc(t testing.TB, h http.Handler) *servedOpenAPI {
	t.Helper()
	rec := do(t, h, "GET", "/api/openapi.json", nil)
	var doc servedOpenAPI
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	return &doc
}

// operationPath finds the document's path template that a request path
// (with or without query) falls under: "/api/stories/x" is
// "/api/stories/{id}". The answer is false for a path the document lacks.
func (d *servedOpenAPI) operationPath(path string) (string, bool) {
	path, _, _ = strings.Cut(path, "?")
	for tmpl := range d.Paths {
		if regexp.MustCompile("^" + wildcardRe.ReplaceAllString(tmpl, `[^/]+`) + "$").MatchString(path) {
			return tmpl, true
		}
	}
	return "", false
}

// declares reports whether the document declares status code with content
// type ctype for method at path. A 405 belongs to no documented method
// (the method is the one the path is not served for): any operation of
// the path may declare it.
func (d *servedOpenAPI) declares(path, method string, code int, ctype string) error {
	ops := d.Paths[path]
	var methods []string
	if code == http.StatusMethodNotAllowed {
		for m := range ops {
			methods = append(methods, m)
		}
	} else {
		if _, ok := ops[strings.ToLower(method)]; !ok {
			return fmt.Errorf("%s %s is not documented", method, path)
		}
		methods = []string{strings.ToLower(method)}
	}
	for _, m := range methods {
		var op struct {
			Responses map[string]docResponse `json:"responses"`
		}
		if err := json.Unmarshal(ops[m], &op); err != nil {
			return fmt.Errorf("%s %s: %v", m, path, err)
		}
		resp, ok := op.Responses[strconv.Itoa(code)]
		if !ok {
			continue
		}
		if resp.Ref != "" {
			resp = d.Components.Responses[strings.TrimPrefix(resp.Ref, "#/components/responses/")]
		}
		if _, ok := resp.Content[ctype]; !ok {
			return fmt.Errorf("%s %s: response %d has no %s content", m, path, code, ctype)
		}
		return nil
	}
	return fmt.Errorf("%s %s: response %d is not declared", method, path, code)
}

// openAPIOut is where TestWriteOpenAPI writes the served document; .ci/run
// passes it and lints the file with Redocly CLI.
var openAPIOut = flag.String("openapi-out", "", "write the served OpenAPI document to this `file`")

// TestWriteOpenAPI writes the document as the server serves it, for the
// linter in .ci/run: go test ./internal/server -run '^TestWriteOpenAPI$' -args -openapi-out=FILE
func TestWriteOpenAPI(t *testing.T) {
	if *openAPIOut == "" {
		t.Skip("no -openapi-out FILE given: nothing to write")
	}
	rec := do(t, newServer(t, openStore(t), Options{}).Handler(), "GET", "/api/openapi.json", nil)
	if rec.Code != http.StatusOK || !json.Valid(rec.Body.Bytes()) {
		t.Fatalf("GET /api/openapi.json = %d, valid JSON %v", rec.Code, json.Valid(rec.Body.Bytes()))
	}
	if err := os.WriteFile(*openAPIOut, rec.Body.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
