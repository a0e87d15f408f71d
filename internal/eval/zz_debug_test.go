package eval

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/testutil"
)

// ENTDBG=id[,id] ENTNAME=substr go test ./internal/eval -run ZZDebug -v
func TestZZDebug(t *testing.T) {
	ids := os.Getenv("ENTDBG")
	if ids == "" {
		t.Skip()
	}
	stories, err := EntityStories(testutil.SharedDir(), 10)
	if err != nil {
		t.Fatal(err)
	}
	p, b, _, _ := storyPath("x", nil, 0)
	for _, hs := range stories {
		if !strings.Contains(","+ids+",", ","+hs.ID+",") && ids != "all" {
			continue
		}
		br, arts, err := BriefStory(context.Background(), p, b, hs.Raws)
		if err != nil || br == nil {
			continue
		}
		fmt.Printf("=== %s %s %s\n", hs.Set, hs.Split, hs.ID)
		n := 0
		for _, e := range br.Entities {
			if e.Type != news.Person && e.Type != news.Organization {
				continue
			}
			n++
			fmt.Printf("  %2d %-40s %s\n", n, e.Name, e.Type)
			if n > 15 {
				break
			}
		}
		if d := os.Getenv("ENTDUMP"); d != "" {
			for ai, a := range arts {
				os.WriteFile(fmt.Sprintf("%s/%s-a%d.txt", d, hs.ID, ai), []byte(a.Body()), 0o644)
			}
		}
		want := os.Getenv("ENTNAME")
		if want == "" {
			continue
		}
		for ai, a := range arts {
			body := a.Body()
			for _, e := range a.Entities {
				if !strings.Contains(strings.ToLower(e.Name), strings.ToLower(want)) {
					continue
				}
				for _, m := range e.Mentions {
					s, en := max(0, m.Start-80), min(len(body), m.End+80)
					fmt.Printf("  [a%d %s %s] ...%s...\n", ai, e.Name, e.Type, strings.ReplaceAll(body[s:en], "\n", " | "))
				}
			}
		}
	}
}
