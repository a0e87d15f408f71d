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

func TestZZCmp(t *testing.T) {
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
	a, _ := extract.New(extract.Options{})
	b, _ := extract.New(extract.Options{FavorRecall: true})
	c, _ := extract.New(extract.Options{Fallback: true})
	for _, id := range ids {
		page, _ := extractReadGzip(filepath.Join(dir, "html", id+".html.gz"))
		var f [3]float64
		for i, e := range []*extract.Extractor{a, b, c} {
			r, err := e.Extract(page, truth[id].URL)
			pred := ""
			if err == nil {
				pred = strings.Join(r.Paragraphs, "\n")
			}
			f[i] = ShingleMatch(truth[id].ArticleBody, pred).F1()
		}
		if f[0] != f[1] || f[0] != f[2] {
			fmt.Printf("%s default=%.4f recall=%.4f fallback=%.4f %s\n", id[:12], f[0], f[1], f[2], truth[id].URL)
		}
	}
}
