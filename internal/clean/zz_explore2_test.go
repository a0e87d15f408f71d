package clean

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZExploreMNRemoved(t *testing.T) {
	p := os.Getenv("ZZMN")
	if p == "" {
		t.Skip()
	}
	f, _ := os.Open(p)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	c := New(Options{})
	by := map[string]int{}
	words := map[string]int{}
	for sc.Scan() {
		var s struct{ Articles []struct{ Text string } }
		json.Unmarshal(sc.Bytes(), &s)
		for _, a := range s.Articles {
			r := c.Clean(a.Text)
			if r.NotArticle != "" {
				continue
			}
			for _, x := range r.Removed {
				by[x.Reason]++
				words[x.Reason] += len(strings.Fields(x.Text))
				if os.Getenv("R") == x.Reason {
					fmt.Printf("RM %.150q\n", x.Text)
				}
			}
		}
	}
	fmt.Println(by)
	fmt.Println(words)
}
