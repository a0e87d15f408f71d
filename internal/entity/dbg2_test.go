package entity

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDbgWord(t *testing.T) {
	word := os.Getenv("W")
	f, _ := os.Open("/work/shared/data/clustering/basil-dev.jsonl")
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var rec struct {
			MainEntities []string   `json:"main_entities"`
			Paragraphs   [][]string `json:"paragraphs"`
		}
		json.Unmarshal(sc.Bytes(), &rec)
		if !strings.Contains(strings.Join(rec.MainEntities, "|"), word) {
			continue
		}
		var paras []string
		for _, ss := range rec.Paragraphs {
			paras = append(paras, strings.Join(ss, " "))
		}
		a := analyse(t, paras)
		body := a.Body()
		n := 0
		for _, sp := range a.Sentences {
			if s := body[sp.Start:sp.End]; strings.Contains(s, strings.Fields(word)[0]) && n < 3 {
				fmt.Println("  S:", s)
				n++
			}
		}
		for _, e := range a.Entities {
			if strings.Contains(e.Name, strings.Fields(word)[0]) {
				fmt.Printf("  E %s:%s(%d)\n", e.Type, e.Name, len(e.Mentions))
			}
		}
		fmt.Println("----")
	}
}
