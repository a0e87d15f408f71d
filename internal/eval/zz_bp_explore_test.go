package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/clean"
)

func TestZZBPExplore(t *testing.T) {
	dir := os.Getenv("ZZ")
	if dir == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	var gt map[string]struct{ ArticleBody string }
	json.Unmarshal(b, &gt)
	c := clean.New(clean.Options{})
	for id, g := range gt {
		if os.Getenv("ID") != "" && !strings.HasPrefix(id, os.Getenv("ID")) {
			continue
		}
		page, _ := readGzip(filepath.Join(dir, "html", id+".html.gz"))
		lines := BoilerplateVisibleLines(page)
		body := " " + boilerplateNorm(g.ArticleBody) + " "
		paras := map[string]bool{}
		for _, p := range strings.Split(g.ArticleBody, "\n") {
			paras[boilerplateNorm(p)] = true
		}
		res := c.Clean(strings.Join(lines, "\n"))
		rm := map[int]string{}
		for _, x := range res.Removed {
			rm[x.Line] = x.Reason
		}
		fn, n := 0, 0
		for i, ln := range lines {
			k := boilerplateNorm(ln)
			if k == "" {
				continue
			}
			n++
			isBody := boilerplateIsBody(k, body, paras)
			tag := "  "
			if isBody {
				tag = "B "
			}
			if !isBody && rm[i+1] == "" {
				fn++
			}
			if os.Getenv("ID") != "" {
				fmt.Printf("%s%4d %-16s %.110q\n", tag, i+1, rm[i+1], ln)
			}
		}
		fmt.Printf("PAGE %s lines=%d fn=%d na=%q\n", id[:8], n, fn, res.NotArticle)
	}
}
