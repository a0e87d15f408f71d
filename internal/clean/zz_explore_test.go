package clean

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

func TestZZExploreMN(t *testing.T) {
	p := os.Getenv("ZZMN")
	if p == "" {
		t.Skip()
	}
	f, _ := os.Open(p)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	c := New(Options{})
	for sc.Scan() {
		var s struct{ Articles []struct{ Text string } }
		json.Unmarshal(sc.Bytes(), &s)
		for _, a := range s.Articles {
			r := c.Clean(a.Text)
			if r.NotArticle == "" && len(a.Text) < 1500 {
				fmt.Printf("KEPT %4d %.200q\n", len(a.Text), a.Text)
			}
		}
	}
}
