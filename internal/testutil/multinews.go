package testutil

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
)

// ReadMultiNews reads a Multi-News JSON-lines file (as
// data/mds/multinews-dev.jsonl, one story a line) and returns the article
// texts of each story, in file order.
func ReadMultiNews(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("testutil: %w", err)
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var s struct {
			Articles []struct {
				Text string `json:"text"`
			} `json:"articles"`
		}
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return nil, fmt.Errorf("testutil: %s line %d: %w", path, len(out)+1, err)
		}
		texts := make([]string, len(s.Articles))
		for i, a := range s.Articles {
			texts[i] = a.Text
		}
		out = append(out, texts)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("testutil: %s: %w", path, err)
	}
	return out, nil
}
