package eval

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck/internal/pipeline"
)

var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error
)

// testPipeline is the product's pipeline, built once for the package's
// tests (its start-up is the costly part).
func testPipeline(t *testing.T) *pipeline.Pipeline {
	t.Helper()
	pipeOnce.Do(func() { pipe, pipeErr = pipeline.New(pipeline.Options{}) })
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return pipe
}

// TestRunnersUseProductPath keeps every runner on the product's path: the
// articles they score come from pipeline.Analyze, the ingest engine or
// brief, never from stages wired here. No runner imports a stage that
// pipeline, ingest or brief compose, except the extractor, which the
// extract runner scores alone beside the product as a baseline, and
// entity's name comparison (SameLastName), which scoring speakers needs.
func TestRunnersUseProductPath(t *testing.T) {
	const mod = "github.com/crosscheck/crosscheck/internal/"
	stages := []string{"extract", "clean", "entity", "quote", "timex", "quantity", "syndicate", "summarize", "compare", "cluster"}
	allowed := map[string]string{
		"extract.go extract": "the extractor-alone baseline",
		// entity.SameLastName and LastName are the one home of comparing
		// a predicted speaker with a gold one, not a stage.
		"seeds.go entity":  "entity.SameLastName",
		"quotes.go entity": "entity.LastName, entity.SameLastName",
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		af, err := parser.ParseFile(fset, f, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range af.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			for _, s := range stages {
				if p != mod+s {
					continue
				}
				if _, ok := allowed[f+" "+s]; !ok {
					t.Errorf("%s imports internal/%s: a runner must score the product's path (pipeline.Analyze, ingest, brief), not wire stages itself", f, s)
				}
			}
		}
	}
}
