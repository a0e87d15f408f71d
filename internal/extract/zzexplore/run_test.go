package zzexplore

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/extract"
	"github.com/crosscheck/crosscheck/internal/testutil"
)

func TestZZRun(t *testing.T) {
	if os.Getenv("EXPLORE") == "" {
		t.Skip()
	}
	dir, _ := testutil.Shared("data/extraction")
	truth, _ := extractReadTruth(filepath.Join(dir, "ground-truth.json"))
	var ids []string
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	e, _ := extract.New(extract.Options{})
	var sc []ShingleScore
	for _, id := range ids {
		page, _ := extractReadGzip(filepath.Join(dir, "html", id+".html.gz"))
		r, err := e.Extract(page, truth[id].URL)
		pred := ""
		if err == nil {
			pred = strings.Join(r.Paragraphs, "\n")
		}
		s := ShingleMatch(truth[id].ArticleBody, pred)
		if os.Getenv("PER") != "" {
			fmt.Printf("%s %.4f\n", id[:12], s.F1())
		}
		sc = append(sc, s)
	}
	p, r := ShingleMeans(sc)
	fmt.Printf("P=%.4f R=%.4f F1=%.4f\n", p, r, F1(p, r))
}
