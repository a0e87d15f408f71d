package server

import (
	"encoding/json"
	"net/http/httptest"
	"regexp"
	"sort"
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
