package entity

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDbgPolnear(t *testing.T) {
	f, err := os.Open("/work/shared/data/quotes/polnear-dev.jsonl")
	if err != nil {
		t.Skip()
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	n := 0
	for sc.Scan() {
		n++
		if n%20 != 5 {
			continue
		}
		var rec struct{ Text string }
		json.Unmarshal(sc.Bytes(), &rec)
		var paras []string
		for _, p := range strings.Split(rec.Text, "\n") {
			if strings.TrimSpace(p) != "" {
				paras = append(paras, strings.TrimSpace(p))
			}
		}
		a := analyse(t, paras)
		for _, e := range a.Entities {
			fmt.Printf("%s:%s(%d)[%s] ", e.Type, e.Name, len(e.Mentions), e.Role)
		}
		fmt.Println("\n----")
	}
}
