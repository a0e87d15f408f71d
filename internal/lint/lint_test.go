// Package lint holds test-only checks of the code base's architecture: data
// flows one way (read -> extract/clean -> analyse -> cluster -> brief ->
// store -> serve), so a package may import only packages of earlier stages.
package lint

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/crosscheck/crosscheck/"

// rank orders the packages by pipeline stage. A package may import only
// packages of a strictly lower rank; store is special: it imports only news.
var rank = map[string]int{
	"internal/news":      0,
	"internal/testutil":  0,
	"internal/progress":  0,
	"internal/say":       0,
	"internal/cli":       1,
	"internal/text":      1,
	"internal/vectors":   1,
	"internal/read":      1,
	"internal/fetch":     1,
	"internal/extract":   2,
	"internal/clean":     2,
	"internal/rouge":     2, // an evaluation scorer; stems with text.Stem
	"internal/entity":    3,
	"internal/quote":     4,
	"internal/timex":     4,
	"internal/quantity":  4,
	"internal/pipeline":  5,
	"internal/syndicate": 6,
	"internal/summarize": 7,
	"internal/align":     7,
	"internal/compare":   8,
	"internal/cluster":   9,
	"internal/brief":     10,
	"internal/store":     11,
	"internal/ingest":    12,
	"internal/listing":   12,
	"internal/server":    13,
	"internal/eval":      13,
	"cmd/crosscheck":     14,
}

// pkgOf maps a directory to the ranked package it belongs to (subpackages
// such as internal/store/sqlite share their parent's rank).
func pkgOf(dir string) (string, bool) {
	for d := dir; d != "." && d != "/"; d = filepath.Dir(d) {
		if _, ok := rank[d]; ok {
			return d, true
		}
	}
	return "", false
}

func TestImportDirection(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() && path != root {
			// A nested module (third_party's stand-ins) is not one of
			// crosscheck's packages.
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir
			}
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		rel = filepath.ToSlash(rel)
		if rel == "internal/lint" {
			return nil
		}
		from, ok := pkgOf(rel)
		if !ok {
			t.Errorf("%s: package directory %s has no stage rank; add it to lint.rank", path, rel)
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if !strings.HasPrefix(p, module) {
				continue
			}
			to, ok := pkgOf(strings.TrimPrefix(p, module))
			if !ok || to == from {
				continue
			}
			if from == "internal/store" && to != "internal/news" {
				t.Errorf("%s: store imports %s; it may import only internal/news", path, p)
				continue
			}
			if to == "internal/testutil" && !strings.HasSuffix(path, "_test.go") && from != "internal/eval" {
				t.Errorf("%s: testutil is for tests and eval only", path)
			}
			if rank[to] >= rank[from] {
				t.Errorf("%s: %s (stage %d) imports %s (stage %d): data flows one way", path, from, rank[from], to, rank[to])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
