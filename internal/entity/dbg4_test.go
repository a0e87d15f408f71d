package entity

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDbg4(t *testing.T) {
	b, _ := os.ReadFile("/tmp/pol5.json")
	var rec struct{ Text string }
	json.Unmarshal(b, &rec)
	var paras []string
	for _, p := range strings.Split(rec.Text, "\n") {
		if strings.TrimSpace(p) != "" {
			paras = append(paras, strings.TrimSpace(p))
		}
	}
	a := analyse(t, paras)
	for _, e := range a.Entities {
		if e.Name == "Pence" || e.Name == "Well" {
			for _, m := range e.Mentions {
				fmt.Printf("%q ", a.Body()[max(0, m.Start-30):m.End+10])
			}
			fmt.Println()
		}
	}
}
