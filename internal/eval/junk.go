package eval

import (
	"bufio"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
)

// ErrJunkData reports junk-eval data that is missing or not Multi-News.
var ErrJunkData = errors.New("eval: junk: bad data")

// mdsJunk is the reader-judged list of Multi-News dev articles that are
// not articles: "story-id<TAB>article-index<TAB>kind" lines, # comments.
//
//go:embed testdata/mds-junk.tsv
var mdsJunk string

// JunkOptions configure RunJunk.
type JunkOptions struct {
	// Data is the Multi-News dev JSONL file, or the folder holding
	// multinews-dev.jsonl. Required.
	Data string
	// Pipeline is the product's per-article pipeline; nil builds one with
	// default options.
	Pipeline *pipeline.Pipeline
}

// junkKey names one article: story id and article index.
type junkKey struct {
	story string
	index int
}

// parseJunkList reads the embedded reader-judged list.
func parseJunkList(s string) (map[junkKey]string, error) {
	out := map[junkKey]string{}
	for n, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("%w: junk list line %d: want 3 tab-separated fields", ErrJunkData, n+1)
		}
		i, err := strconv.Atoi(f[1])
		if err != nil {
			return nil, fmt.Errorf("%w: junk list line %d: %v", ErrJunkData, n+1, err)
		}
		out[junkKey{f[0], i}] = f[2]
	}
	return out, nil
}

// RunJunk measures the not-an-article verdict on Multi-News dev: every
// article goes through pipeline.Analyze as plain text (as `crosscheck
// analyze` and ingest would read it) and is counted rejected when Analyze
// returns pipeline.ErrNotArticle. The truth is the reader-judged list
// embedded from testdata/mds-junk.tsv. Stories sorted by id are split in
// alternate halves, "tune" (even positions, where rules and thresholds
// were chosen) and "check" (odd). Metrics per half: junk (judged junk),
// junk_rejected, articles (judged real), articles_rejected; the table
// lists every junk page kept and every real article rejected.
func RunJunk(ctx context.Context, o JunkOptions) (*Report, error) {
	path := o.Data
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		path = filepath.Join(path, "multinews-dev.jsonl")
	}
	judged, err := parseJunkList(mdsJunk)
	if err != nil {
		return nil, err
	}
	stories, err := junkRead(path)
	if err != nil {
		return nil, err
	}
	p := o.Pipeline
	if p == nil {
		if p, err = pipeline.New(pipeline.Options{}); err != nil {
			return nil, fmt.Errorf("eval: junk: %w", err)
		}
	}
	rep := &Report{Stage: "junk", Data: o.Data, Header: []string{"half", "article", "judged", "verdict"}}
	type tally struct{ junk, junkRej, real, realRej int }
	var halves [2]tally
	seen := 0
	for si, s := range stories {
		h := si % 2
		for ai, text := range s.texts {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			key := junkKey{s.id, ai}
			kind, isJunk := judged[key]
			if isJunk {
				seen++
			}
			a, aerr := p.Analyze(news.Raw{ID: s.id + "/" + strconv.Itoa(ai), Input: s.id + "/" + strconv.Itoa(ai), Text: text})
			rejected := errors.Is(aerr, pipeline.ErrNotArticle)
			if aerr != nil && !rejected {
				return nil, fmt.Errorf("eval: junk: %s/%d: %w", s.id, ai, aerr)
			}
			t := &halves[h]
			verdict := "kept"
			if rejected {
				verdict = a.NotArticle
			}
			switch {
			case isJunk:
				t.junk++
				if rejected {
					t.junkRej++
				} else {
					rep.Rows = append(rep.Rows, []string{junkHalf(h), fmt.Sprintf("%s/%d", s.id, ai), kind, verdict})
				}
			default:
				t.real++
				if rejected {
					t.realRej++
					rep.Rows = append(rep.Rows, []string{junkHalf(h), fmt.Sprintf("%s/%d", s.id, ai), "article", verdict})
				}
			}
		}
	}
	if seen != len(judged) {
		return nil, fmt.Errorf("%w: %d of %d judged articles are not in %s", ErrJunkData, len(judged)-seen, len(judged), path)
	}
	for h, t := range halves {
		n := junkHalf(h)
		rep.Add(n+"_junk", float64(t.junk))
		rep.Add(n+"_junk_rejected", float64(t.junkRej))
		rep.Add(n+"_articles", float64(t.real))
		rep.Add(n+"_articles_rejected", float64(t.realRej))
	}
	rep.Notes = append(rep.Notes, "rows: judged junk that was kept, and real articles that were rejected")
	return rep, nil
}

func junkHalf(h int) string {
	if h == 0 {
		return "tune"
	}
	return "check"
}

// junkStory is one Multi-News story: its id and article texts, with
// paragraphs (" \n \n " in the data) rejoined with blank lines.
type junkStory struct {
	id    string
	texts []string
}

// junkRead reads Multi-News JSONL, sorted by story id.
func junkRead(path string) ([]junkStory, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: junk: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	var out []junkStory
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var s struct {
			ID       string `json:"id"`
			Articles []struct {
				Text string `json:"text"`
			} `json:"articles"`
		}
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil || s.ID == "" || len(s.Articles) == 0 {
			return nil, fmt.Errorf("%w: %s line %d: not Multi-News JSONL (want id and articles)", ErrJunkData, path, line)
		}
		st := junkStory{id: s.ID}
		for _, a := range s.Articles {
			st.texts = append(st.texts, strings.Join(sumParagraphs(a.Text), "\n\n"))
		}
		out = append(out, st)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: junk: %s: %w", path, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: %s holds no story", ErrJunkData, path)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out, nil
}
