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

func TestZZBPLost(t *testing.T) {
	dir := os.Getenv("ZZ")
	if dir == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	var gt map[string]struct{ ArticleBody string }
	json.Unmarshal(b, &gt)
	c := clean.New(clean.Options{})
	by := map[string]int{}
	perPage := map[string]int{}
	for id, g := range gt {
		page, _ := readGzip(filepath.Join(dir, "html", id+".html.gz"))
		lines := BoilerplateVisibleLines(page)
		body := " " + boilerplateNorm(g.ArticleBody) + " "
		paras := map[string]bool{}
		for _, p := range strings.Split(g.ArticleBody, "\n") {
			paras[boilerplateNorm(p)] = true
		}
		res := c.Clean(strings.Join(lines, "\n"))
		for _, x := range res.Removed {
			k := boilerplateNorm(x.Text)
			if k != "" && boilerplateIsBody(k, body, paras) {
				by[x.Reason]++
				perPage[id[:8]+" "+res.NotArticle]++
				if os.Getenv("R") == x.Reason {
					fmt.Printf("%s %.120q\n", id[:6], x.Text)
				}
			}
		}
	}
	fmt.Println(by)
	fmt.Println(perPage)
}
