package eval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/progress"
	"github.com/crosscheck/crosscheck/internal/rouge"
	"github.com/crosscheck/crosscheck/internal/text"
)

// ErrSummarizeData reports a summarization data file that is not Multi-News
// JSONL or holds no usable story.
var ErrSummarizeData = errors.New("eval: bad summarization data")

// SummarizeOptions configures RunSummarize. The zero value of every field but
// Data is a usable default.
type SummarizeOptions struct {
	// Data is a Multi-News JSONL file: one story a line,
	// {"id", "articles": [{"text"}], "summary"}.
	Data string
	// MaxWords caps every output (system and baselines) at this many
	// whitespace-separated words. Default 300.
	MaxWords int
	// Limit scores only the first Limit stories; 0 means all.
	Limit int
	// Summarize is the system under test: it gets a story's article texts
	// as given in the data (paragraphs separated by " \n \n ") and returns
	// the summary, sentences preferably one per line. Nil means
	// crosscheck's own, BriefSummarizer(MaxWords).
	Summarize func(ctx context.Context, articles []string) (string, error)
	// Progress, when non-nil, receives a progress bar.
	Progress io.Writer
	// OTS is the path of Debian's ots summarizer. Empty means "ots" looked
	// up on PATH; "-" skips the ots baseline.
	OTS string
}

// sumStory is one Multi-News story.
type sumStory struct {
	ID       string
	Articles []string
	Summary  string
}

// sumSystem is one scored system (the system under test or a baseline).
type sumSystem struct {
	key, name string
	run       func(ctx context.Context, st sumStory) (string, error)

	r1, r2, rl, rlsum float64
	words             int
	n, errs           int
	firstErr          error
	elapsed           time.Duration
}

// RunSummarize scores the system and the extractive baselines (Lead-300,
// Lead-3, round-robin first sentences, Debian's ots) with ROUGE-1/2/L/Lsum F1
// against each story's reference summary, averaged over stories, x100.
// Every output is first cut to MaxWords words. ROUGE-1/2/L read the texts as
// they are; for ROUGE-Lsum both reference and output are put one sentence a
// line with the internal/text segmenter. Systems run one story at a time, so
// the per-story times are comparable.
//
// Metrics: for each system key (system, lead300, lead3, roundrobin, ots):
// KEY_r1 KEY_r2 KEY_rl KEY_rlsum KEY_words KEY_ms_per_story; then
// best_baseline_r1/r2/rl/rlsum (best baseline per measure), stories, and
// system_ots_time_ratio (system time / ots time) when both ran. A story on
// which a system fails scores 0 for it and is counted in KEY_errors, with
// the first error in the notes.
func RunSummarize(ctx context.Context, opts SummarizeOptions) (*Report, error) {
	if opts.MaxWords <= 0 {
		opts.MaxWords = 300
	}
	stories, err := sumLoad(opts.Data, opts.Limit)
	if err != nil {
		return nil, err
	}
	seg, err := text.NewSegmenter()
	if err != nil {
		return nil, fmt.Errorf("eval: summarize: %w", err)
	}
	rep := &Report{Stage: "summarize", Data: opts.Data}
	maxW := opts.MaxWords

	var systems []*sumSystem
	if opts.Summarize == nil {
		if opts.Summarize, err = BriefSummarizer(maxW, pipeline.Options{}); err != nil {
			return nil, err
		}
	}
	systems = append(systems, &sumSystem{key: "system", name: "system", run: func(ctx context.Context, st sumStory) (string, error) {
		return opts.Summarize(ctx, st.Articles)
	}})
	systems = append(systems,
		&sumSystem{key: "lead300", name: fmt.Sprintf("Lead-%d", maxW), run: func(_ context.Context, st sumStory) (string, error) {
			return sumLeadWords(st.Articles, maxW), nil
		}},
		&sumSystem{key: "roundrobin", name: "round-robin first sentences", run: func(_ context.Context, st sumStory) (string, error) {
			return sumRoundRobin(seg, st.Articles, maxW), nil
		}},
		&sumSystem{key: "lead3", name: "Lead-3 per article", run: func(_ context.Context, st sumStory) (string, error) {
			return sumLeadSentences(seg, st.Articles, 3), nil
		}},
	)
	if ots, note := sumFindOTS(opts.OTS); ots != "" {
		systems = append(systems, &sumSystem{key: "ots", name: "ots (Open Text Summarizer)", run: func(ctx context.Context, st sumStory) (string, error) {
			return sumRunOTS(ctx, ots, st.Articles, maxW)
		}})
	} else {
		rep.Notes = append(rep.Notes, note)
	}

	scorer := rouge.New("rouge1", "rouge2", "rougeL")
	lsum := rouge.New("rougeLsum")
	var bar *progress.Bar
	if opts.Progress != nil {
		bar = progress.New(opts.Progress, "summarize", len(stories))
	}
	for _, st := range stories {
		if err := ctx.Err(); err != nil {
			bar.Done()
			return nil, fmt.Errorf("eval: summarize: %w", err)
		}
		ref := sumLines(seg, st.Summary)
		for _, sys := range systems {
			t0 := time.Now()
			out, err := sys.run(ctx, st)
			sys.elapsed += time.Since(t0)
			sys.n++
			if err != nil {
				if ctx.Err() != nil {
					bar.Done()
					return nil, fmt.Errorf("eval: summarize: %s on story %s: %w", sys.key, st.ID, err)
				}
				sys.errs++
				if sys.firstErr == nil {
					sys.firstErr = fmt.Errorf("story %s: %w", st.ID, err)
				}
				continue
			}
			out = rouge.Truncate(out, maxW)
			sys.words += len(strings.Fields(out))
			sc := scorer.Score(st.Summary, out)
			sys.r1 += sc["rouge1"].F
			sys.r2 += sc["rouge2"].F
			sys.rl += sc["rougeL"].F
			// ROUGE-Lsum needs one sentence a line on both sides.
			sys.rlsum += lsum.Score(ref, sumLines(seg, out))["rougeLsum"].F
		}
		bar.Add(1)
	}
	bar.Done()

	sumFill(rep, systems, len(stories))
	return rep, nil
}

// sumFill writes the table, metrics and notes of a summarize report.
func sumFill(rep *Report, systems []*sumSystem, nStories int) {
	rep.Header = []string{"system", "R-1", "R-2", "R-L", "R-Lsum", "words", "ms/story", "errors"}
	best := map[string]float64{}
	var sysT, otsT time.Duration
	haveSys, haveOTS := false, false
	for _, s := range systems {
		n := float64(max(s.n, 1))
		r1, r2, rl, rlsum := 100*s.r1/n, 100*s.r2/n, 100*s.rl/n, 100*s.rlsum/n
		ms := float64(s.elapsed.Microseconds()) / 1000 / n
		words := float64(s.words) / float64(max(s.n-s.errs, 1))
		rep.Rows = append(rep.Rows, []string{s.name, sumF(r1), sumF(r2), sumF(rl), sumF(rlsum),
			strconv.FormatFloat(words, 'f', 0, 64), strconv.FormatFloat(ms, 'f', 2, 64), strconv.Itoa(s.errs)})
		rep.Add(s.key+"_r1", sumRound(r1))
		rep.Add(s.key+"_r2", sumRound(r2))
		rep.Add(s.key+"_rl", sumRound(rl))
		rep.Add(s.key+"_rlsum", sumRound(rlsum))
		rep.Add(s.key+"_words", math.Round(words))
		rep.Add(s.key+"_ms_per_story", sumRound(ms))
		if s.errs > 0 {
			rep.Add(s.key+"_errors", float64(s.errs))
			rep.Notes = append(rep.Notes, fmt.Sprintf("%s failed on %d of %d stories (scored 0); first: %v", s.key, s.errs, s.n, s.firstErr))
		}
		switch s.key {
		case "system":
			sysT, haveSys = s.elapsed, true
			continue
		case "ots":
			otsT, haveOTS = s.elapsed, true
		}
		for k, v := range map[string]float64{"r1": r1, "r2": r2, "rl": rl, "rlsum": rlsum} {
			best[k] = max(best[k], v)
		}
	}
	for _, k := range []string{"r1", "r2", "rl", "rlsum"} {
		rep.Add("best_baseline_"+k, sumRound(best[k]))
	}
	if haveSys {
		if v, ok := rep.Get("system_r1"); ok {
			rep.Add("system_minus_best_baseline_r1", sumRound(v-best["r1"]))
		}
		if v, ok := rep.Get("system_r2"); ok {
			rep.Add("system_minus_best_baseline_r2", sumRound(v-best["r2"]))
		}
	}
	if haveSys && haveOTS && otsT > 0 {
		rep.Add("system_ots_time_ratio", sumRound(float64(sysT)/float64(otsT)))
	}
	rep.Add("stories", float64(nStories))
}

func sumF(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

// sumRound keeps 4 decimals so the key=value line stays readable.
func sumRound(v float64) float64 { return math.Round(v*1e4) / 1e4 }

// sumLoad reads Multi-News JSONL stories from a file.
func sumLoad(path string, limit int) ([]sumStory, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: summarize: %w", err)
	}
	defer f.Close()
	return sumRead(f, path, limit)
}

// sumRead reads Multi-News JSONL stories; name labels errors.
func sumRead(r io.Reader, name string, limit int) ([]sumStory, error) {
	var out []sumStory
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var raw struct {
			ID       string `json:"id"`
			Articles []struct {
				Text string `json:"text"`
			} `json:"articles"`
			Summary *string `json:"summary"`
		}
		if err := json.Unmarshal(b, &raw); err != nil {
			return nil, fmt.Errorf("%w: %s line %d: %v", ErrSummarizeData, name, line, err)
		}
		if raw.Summary == nil || raw.Articles == nil {
			return nil, fmt.Errorf("%w: %s line %d: not Multi-News JSONL (want \"articles\" and \"summary\")", ErrSummarizeData, name, line)
		}
		st := sumStory{ID: raw.ID, Summary: *raw.Summary}
		if st.ID == "" {
			st.ID = "line" + strconv.Itoa(line)
		}
		for _, a := range raw.Articles {
			st.Articles = append(st.Articles, a.Text)
		}
		if strings.TrimSpace(st.Summary) == "" {
			return nil, fmt.Errorf("%w: %s line %d: story %s has an empty summary", ErrSummarizeData, name, line, st.ID)
		}
		out = append(out, st)
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: summarize: read %s: %w", name, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: %s holds no story", ErrSummarizeData, name)
	}
	return out, nil
}

// sumParagraphs splits a text at newlines into trimmed non-empty lines
// (Multi-News separates paragraphs with " \n \n ").
func sumParagraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// sumSentences returns the sentences of a text, paragraph by paragraph.
func sumSentences(seg *text.Segmenter, s string) []string {
	var out []string
	for _, p := range sumParagraphs(s) {
		for _, sp := range seg.Sentences(p) {
			out = append(out, p[sp.Start:sp.End])
		}
	}
	return out
}

// sumLines puts one sentence a line, the layout ROUGE-Lsum expects.
func sumLines(seg *text.Segmenter, s string) string {
	return strings.Join(sumSentences(seg, s), "\n")
}

// sumLeadWords is Lead-N: the first n words of the articles concatenated in
// the order given.
func sumLeadWords(articles []string, n int) string {
	return rouge.Truncate(strings.Join(articles, "\n\n"), n)
}

// sumLeadSentences is Lead-k: the first k sentences of every article.
func sumLeadSentences(seg *text.Segmenter, articles []string, k int) string {
	var out []string
	for _, a := range articles {
		ss := sumSentences(seg, a)
		out = append(out, ss[:min(k, len(ss))]...)
	}
	return strings.Join(out, "\n")
}

// sumRoundRobin takes the first sentence of every article in turn, then the
// second sentences, and so on until maxWords words are collected.
func sumRoundRobin(seg *text.Segmenter, articles []string, maxWords int) string {
	sents := make([][]string, len(articles))
	for i, a := range articles {
		sents[i] = sumSentences(seg, a)
	}
	var out []string
	words := 0
	for k := 0; words < maxWords; k++ {
		added := false
		for _, ss := range sents {
			if k < len(ss) && words < maxWords {
				out = append(out, ss[k])
				words += len(strings.Fields(ss[k]))
				added = true
			}
		}
		if !added {
			break
		}
	}
	return strings.Join(out, "\n")
}

// sumFindOTS resolves the ots binary; it returns "" and a note when the
// baseline is skipped.
func sumFindOTS(path string) (string, string) {
	if path == "-" {
		return "", "ots baseline disabled"
	}
	if path == "" {
		path = "ots"
	}
	p, err := exec.LookPath(path)
	if err != nil {
		return "", fmt.Sprintf("ots baseline skipped: %q not found (install Debian's ots: apt-get install -y ots)", path)
	}
	return p, ""
}

// sumRunOTS runs ots on the concatenated articles with the ratio (percent)
// that keeps about maxWords words; the output is capped by the caller.
func sumRunOTS(ctx context.Context, bin string, articles []string, maxWords int) (string, error) {
	in := strings.Join(articles, "\n\n")
	total := len(strings.Fields(in))
	if total == 0 {
		return "", nil
	}
	ratio := min(100, max(1, int(math.Ceil(100*float64(maxWords)/float64(total)))))
	cmd := exec.CommandContext(ctx, bin, "--ratio="+strconv.Itoa(ratio))
	cmd.Stdin = strings.NewReader(in)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("ots: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), nil
}
