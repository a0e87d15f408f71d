package zzexplore

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/extract"
	"github.com/crosscheck/crosscheck/internal/testutil"
)

func TestZZParas(t *testing.T) {
	if os.Getenv("EXPLORE") == "" {
		t.Skip()
	}
	dir, _ := testutil.Shared("data/extraction")
	truth, _ := extractReadTruth(filepath.Join(dir, "ground-truth.json"))
	ex, _ := extract.New(extract.Options{})
	for _, pre := range strings.Split(os.Getenv("IDS"), ",") {
		for id, tr := range truth {
			if !strings.HasPrefix(id, pre) {
				continue
			}
			page, _ := extractReadGzip(filepath.Join(dir, "html", id+".html.gz"))
			res, err := ex.Extract(page, tr.URL)
			fmt.Printf("##### %s %s err=%v title=%q site=%q date=%q lang=%q by=%q removed=%d\n", pre, tr.URL, err, res.Title, res.SiteName, res.Published, res.Language, res.Byline, len(res.Removed))
			g := shingleCounts(tr.ArticleBody)
			for _, p := range res.Paragraphs {
				s := shingleCounts(p)
				in, tot := 0, 0
				for k, c := range s {
					tot += c
					if g[k] > 0 {
						in += c
					}
				}
				mark := " "
				if in*2 < tot {
					mark = "X"
				}
				if os.Getenv("ALL") != "" || mark == "X" {
					fmt.Printf("%s %s\n", mark, extractZZTrunc(p, 160))
				}
			}
			if os.Getenv("GOLD") != "" {
				fmt.Println("--- gold:", extractZZTrunc(tr.ArticleBody, 3000))
			}
		}
	}
}

func extractZZTrunc(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
