package entity

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDbgBasil(t *testing.T) {
	f, _ := os.Open("/work/shared/data/clustering/basil-dev.jsonl")
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	n := 0
	for sc.Scan() {
		n++
		if n%15 != 3 {
			continue
		}
		var rec struct {
			MainEntities []string   `json:"main_entities"`
			Paragraphs   [][]string `json:"paragraphs"`
		}
		json.Unmarshal(sc.Bytes(), &rec)
		var paras []string
		for _, ss := range rec.Paragraphs {
			paras = append(paras, strings.Join(ss, " "))
		}
		a := analyse(t, paras)
		fmt.Println("=== main:", rec.MainEntities)
		for _, e := range a.Entities {
			fmt.Printf("%s:%s(%d)[%s] ", e.Type, e.Name, len(e.Mentions), e.Role)
		}
		fmt.Println()
	}
}
