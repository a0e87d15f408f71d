package eval

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/testutil"
	"github.com/crosscheck/crosscheck/internal/text"
)

// ErrCitationsData reports a judged-citations file that cannot be used: bad
// JSON, an unknown set, a regex that does not compile, or a story missing
// from the shared data.
var ErrCitationsData = errors.New("eval: bad citations data")

// ErrCitationsSplit reports a split other than tune, check or all.
var ErrCitationsSplit = errors.New("eval: unknown citations split")

// CitationsOptions configures RunCitations.
type CitationsOptions struct {
	// Data is a judged-citations file; empty means the repository's own
	// judgements (internal/eval/testdata/citations-judged.json, built in),
	// so the run does not depend on the current directory.
	Data string
	// Shared is the folder holding data/ (the public evaluation data).
	// Empty: testutil.SharedDir (../shared beside the repository, or
	// $CROSSCHECK_SHARED).
	Shared string
	// Split limits the run to the stories of one split: "tune", "check",
	// or "" / "all" for every story. Develop on tune; run check only to
	// report.
	Split string
}

// CitationsFile is the judged-citations file: per story, sentences (named by
// a regex that matches exactly one sentence of the story's articles) with,
// per source of the story, whether that source states the sentence's claim.
type CitationsFile struct {
	About string `json:"about"`
	Guide string `json:"guide"`
	// Data maps a set ("basil", "multinews") to its file under Shared.
	Data map[string]string `json:"data"`
	// Splits says how each set was split into tune and check.
	Splits     map[string]string `json:"splits"`
	Judgements int               `json:"judgements"`
	Stories    []CitationsStory  `json:"stories"`
}

// CitationsStory is one judged story.
type CitationsStory struct {
	Set   string `json:"set"`
	ID    string `json:"id"`
	Label string `json:"label,omitempty"`
	Split string `json:"split"`
	// Sources are the story's source ids as the briefing cites them: the
	// outlet for BASIL (nyt, fox, hpo), a1, a2... by position for Multi-News.
	Sources   []string          `json:"sources"`
	Sentences []CitationsJudged `json:"sentences"`
}

// CitationsJudged is one judged sentence.
type CitationsJudged struct {
	// Re is a case-insensitive regex of a few distinctive words.
	Re string `json:"re"`
	// In is the source whose article holds the sentence.
	In string `json:"in"`
	// States maps each source to whether its article states the claim.
	States map[string]bool `json:"states"`
	Note   string          `json:"note,omitempty"`
}

// CitationsStoryData is one judged story's articles as the briefing gets
// them, with the sentences of each as the product splits them.
type CitationsStoryData struct {
	Story    *CitationsStory
	Articles []*news.Article
	Brief    *news.Briefing
}

// builtinCitations is the repository's judged-citations file, built in so
// that `crosscheck eval citations --data ../shared` runs from anywhere.
//
//go:embed testdata/citations-judged.json
var builtinCitations []byte

// citationsJudgements returns the judged file at path, or the built-in one
// when path is empty.
func citationsJudgements(path string) ([]byte, error) {
	if path == "" {
		return builtinCitations, nil
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval citations: %w", err)
	}
	return raw, nil
}

// LoadCitations reads the judged file and briefs every judged story
// through the product path (pipeline.Analyze, then brief with the CLI's
// defaults), in file order.
func LoadCitations(ctx context.Context, o CitationsOptions) (*CitationsFile, []CitationsStoryData, error) {
	raw, err := citationsJudgements(o.Data)
	if err != nil {
		return nil, nil, err
	}
	var f CitationsFile
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, nil, fmt.Errorf("%w: %s: %v", ErrCitationsData, o.Data, err)
	}
	switch o.Split {
	case "", "all":
	case "tune", "check":
		kept := f.Stories[:0]
		for _, s := range f.Stories {
			if s.Split == o.Split {
				kept = append(kept, s)
			}
		}
		f.Stories = kept
	default:
		return nil, nil, fmt.Errorf("%w: split %q (want tune, check or all)", ErrCitationsSplit, o.Split)
	}
	shared := o.Shared
	if shared == "" {
		if shared = testutil.SharedDir(); shared == "" {
			return nil, nil, fmt.Errorf("eval citations: no shared data folder (../shared beside the repository, or $CROSSCHECK_SHARED)")
		}
	}
	stories := map[string]map[string][]ClusterDoc{}
	for set, rel := range f.Data {
		docs, _, err := cluLoad(filepath.Join(shared, rel))
		if err != nil {
			return nil, nil, err
		}
		by := map[string][]ClusterDoc{}
		for _, d := range docs {
			by[d.Gold] = append(by[d.Gold], d)
		}
		stories[set] = by
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return nil, nil, err
	}
	br := brief.New(brief.Options{Words: 250, Stem: text.Stem})
	out := make([]CitationsStoryData, 0, len(f.Stories))
	for i := range f.Stories {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		s := &f.Stories[i]
		docs, ok := stories[s.Set][s.ID]
		if !ok {
			return nil, nil, fmt.Errorf("%w: %s story %s is not in the shared data", ErrCitationsData, s.Set, s.ID)
		}
		raws := make([]news.Raw, len(docs))
		for j, d := range docs {
			raws[j] = news.Raw{ID: citeSourceID(s.Set, d, j), Input: d.ID, Outlet: d.Outlet, Title: d.Title, Text: d.Text, Published: d.Date}
		}
		b, arts, err := BriefStory(ctx, p, br, raws)
		if err != nil {
			return nil, nil, err
		}
		if b == nil {
			if b, err = br.Brief(ctx, nil); err != nil {
				return nil, nil, err
			}
		}
		out = append(out, CitationsStoryData{Story: s, Articles: arts, Brief: b})
	}
	return &f, out, nil
}

// citeSourceID is the source id a story's article is cited by: the outlet
// for BASIL, "a" and its 1-based position for Multi-News.
func citeSourceID(set string, d ClusterDoc, i int) string {
	if set == "basil" && d.Outlet != "" {
		return d.Outlet
	}
	return "a" + strconv.Itoa(i+1)
}

// CiteSentence is one sentence of a story's article.
type CiteSentence struct {
	Source string
	Index  int
	Text   string
}

// StorySentences lists every sentence of the story's articles, as the
// product splits them.
func StorySentences(arts []*news.Article) []CiteSentence {
	var out []CiteSentence
	for _, a := range arts {
		body := a.Body()
		for i := range a.Sentences {
			out = append(out, CiteSentence{Source: a.ID, Index: i, Text: a.SentenceText(body, i)})
		}
	}
	return out
}

// CiteCheck checks a judged story against its articles: every regex
// compiles and matches exactly one sentence — or several that are word for
// word the same, a quote or wire sentence reprinted verbatim, which are one
// judged sentence — one of them in the source named by In; every source
// holding a matched sentence is judged to state it; every judgement names a
// source of the story; and no two entries judge the same sentence. It
// returns one message per problem.
func CiteCheck(d CitationsStoryData) []string {
	var bad []string
	sents := StorySentences(d.Articles)
	srcs := map[string]bool{}
	for _, s := range d.Story.Sources {
		srcs[s] = true
	}
	seen := map[string]string{}
	for _, j := range d.Story.Sentences {
		re, err := citeRegexp(j.Re)
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s: %q: %v", d.Story.ID, j.Re, err))
			continue
		}
		var hits []CiteSentence
		for _, s := range sents {
			if re.MatchString(s.Text) {
				hits = append(hits, s)
			}
		}
		if len(hits) == 0 {
			bad = append(bad, fmt.Sprintf("%s: %q matches no sentence", d.Story.ID, j.Re))
			continue
		}
		in := false
		for _, h := range hits {
			if citeWords(h.Text) != citeWords(hits[0].Text) {
				bad = append(bad, fmt.Sprintf("%s: %q matches %d different sentences", d.Story.ID, j.Re, len(hits)))
				break
			}
			in = in || h.Source == j.In
			if !j.States[h.Source] {
				bad = append(bad, fmt.Sprintf("%s: %q: %s holds the sentence but is not judged to state it", d.Story.ID, j.Re, h.Source))
			}
		}
		if !in {
			bad = append(bad, fmt.Sprintf("%s: %q is not in %s", d.Story.ID, j.Re, j.In))
		}
		if prev, ok := seen[citeWords(hits[0].Text)]; ok {
			bad = append(bad, fmt.Sprintf("%s: %q and %q judge the same sentence", d.Story.ID, prev, j.Re))
		}
		seen[citeWords(hits[0].Text)] = j.Re
		for s := range j.States {
			if !srcs[s] {
				bad = append(bad, fmt.Sprintf("%s: %q judges unknown source %s", d.Story.ID, j.Re, s))
			}
		}
		for s := range srcs {
			if _, ok := j.States[s]; !ok {
				bad = append(bad, fmt.Sprintf("%s: %q does not judge source %s", d.Story.ID, j.Re, s))
			}
		}
	}
	return bad
}

// citeWords is a sentence's words, lowercased: two sentences with the same
// words are one sentence reprinted.
func citeWords(s string) string {
	return strings.ToLower(strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	}), " "))
}

func citeRegexp(s string) (*regexp.Regexp, error) { return regexp.Compile("(?i)" + s) }

// citeCount accumulates one cell of the citations report.
type citeCount struct {
	items, judgedItems    int // briefing items; those with a judged sentence
	cited, judged, right  int // citations; judged; judged true
	missed, statedJudged  int // true judgements not cited; all true judgements of judged items
	otherJudged, other    int // judged citations of a source other than the sentence's own; judged true
	otherStated, otherHit int // true judgements of other sources of judged items; those cited
	wrong, unjudged, none []string
}

func (c *citeCount) add(o *citeCount) {
	c.items += o.items
	c.judgedItems += o.judgedItems
	c.cited += o.cited
	c.judged += o.judged
	c.right += o.right
	c.missed += o.missed
	c.statedJudged += o.statedJudged
	c.otherJudged += o.otherJudged
	c.other += o.other
	c.otherStated += o.otherStated
	c.otherHit += o.otherHit
}

func (c *citeCount) precision() float64 { return ratio(c.right, c.judged) }

// recall is the share of the sources judged to state a briefed sentence
// that the briefing cites for it.
func (c *citeCount) recall() float64 { return ratio(c.statedJudged-c.missed, c.statedJudged) }

// citeScore scores one briefing list (summary or agreements) of a story.
func citeScore(d CitationsStoryData, items []news.Cited, res []*regexp.Regexp) *citeCount {
	c := &citeCount{}
	for _, it := range items {
		c.items++
		key := citeClip(it.Text)
		var j *CitationsJudged
		for k, re := range res {
			if re != nil && re.MatchString(it.Text) {
				j = &d.Story.Sentences[k]
				break
			}
		}
		if j == nil {
			c.cited += len(it.Sources)
			c.none = append(c.none, fmt.Sprintf("%s %s: %q cites %s", d.Story.Set, d.Story.ID, key, strings.Join(it.Sources, ",")))
			continue
		}
		c.judgedItems++
		cited := map[string]bool{}
		for _, s := range it.Sources {
			cited[s] = true
			c.cited++
			v, ok := j.States[s]
			switch {
			case !ok:
				c.unjudged = append(c.unjudged, fmt.Sprintf("%s %s: /%s/ by %s", d.Story.Set, d.Story.ID, j.Re, s))
			case v:
				c.judged++
				c.right++
				if s != j.In {
					c.otherJudged++
					c.other++
				}
			default:
				c.judged++
				if s != j.In {
					c.otherJudged++
				}
				c.wrong = append(c.wrong, fmt.Sprintf("%s %s: /%s/ cites %s", d.Story.Set, d.Story.ID, j.Re, s))
			}
		}
		for s, v := range j.States {
			if v {
				c.statedJudged++
				if !cited[s] {
					c.missed++
				}
				if s != j.In {
					c.otherStated++
					if cited[s] {
						c.otherHit++
					}
				}
			}
		}
	}
	return c
}

// citeClip is a short label for an unjudged briefing sentence: its first
// words, so that the report never reprints whole third-party sentences.
func citeClip(s string) string {
	w := strings.Fields(s)
	if len(w) > 8 {
		w = append(w[:8], "...")
	}
	return strings.Join(w, " ")
}

// RunCitations briefs every judged story through the product path and
// scores the citations of its summary sentences and agreements against the
// hand judgements: precision is judged-true citations over judged
// citations (and, as "other precision", over the citations of a source
// other than the one the sentence was taken from, which is right by
// definition); recall is the share of sources judged to state a briefed
// sentence that are cited for it, and "other recall" the same over the
// sources other than the sentence's own. Figures are given per list (summary,
// agreements), per set and per split (tune, check), and every wrong or
// unjudged citation is listed.
func RunCitations(ctx context.Context, o CitationsOptions) (*Report, error) {
	f, data, err := LoadCitations(ctx, o)
	if err != nil {
		return nil, err
	}
	type cell struct{ kind, set, split string }
	cells := map[cell]*citeCount{}
	get := func(k cell) *citeCount {
		if cells[k] == nil {
			cells[k] = &citeCount{}
		}
		return cells[k]
	}
	var wrong, unjudged []string
	for _, d := range data {
		if bad := CiteCheck(d); len(bad) > 0 {
			return nil, fmt.Errorf("%w: %s", ErrCitationsData, strings.Join(bad, "; "))
		}
		res := make([]*regexp.Regexp, len(d.Story.Sentences))
		for k, j := range d.Story.Sentences {
			res[k], _ = citeRegexp(j.Re) // compiled by CiteCheck
		}
		for _, kind := range []string{"summary", "agreements"} {
			items := d.Brief.Summary
			if kind == "agreements" {
				items = d.Brief.Agreements
			}
			c := citeScore(d, items, res)
			for _, k := range []cell{{kind, d.Story.Set, d.Story.Split}, {kind, "all", d.Story.Split}, {kind, "all", "all"}} {
				get(k).add(c)
			}
			wrong = append(wrong, prefix(kind, c.wrong)...)
			unjudged = append(unjudged, prefix(kind, append(c.unjudged, c.none...))...)
		}
	}
	r := &Report{Stage: "citations", Data: o.Data,
		Header: []string{"list", "set", "split", "items", "judged items", "citations", "judged", "true", "precision", "recall", "other judged", "other true", "other precision", "other recall"}}
	sets := []string{"all"}
	for s := range f.Data {
		sets = append(sets, s)
	}
	sort.Strings(sets[1:])
	for _, kind := range []string{"summary", "agreements"} {
		for _, set := range sets {
			for _, split := range []string{"tune", "check", "all"} {
				if set != "all" && split == "all" {
					continue
				}
				c := get(cell{kind, set, split})
				r.Rows = append(r.Rows, []string{kind, set, split, strconv.Itoa(c.items), strconv.Itoa(c.judgedItems),
					strconv.Itoa(c.cited), strconv.Itoa(c.judged), strconv.Itoa(c.right), Pct(c.precision()), Pct(c.recall()),
					strconv.Itoa(c.otherJudged), strconv.Itoa(c.other), Pct(ratio(c.other, c.otherJudged)), Pct(ratio(c.otherHit, c.otherStated))})
				if set == "all" {
					name := map[string]string{"summary": "summary", "agreements": "agreement"}[kind]
					r.Add(name+"_precision_"+split, c.precision())
					r.Add(name+"_recall_"+split, c.recall())
					r.Add(name+"_other_precision_"+split, ratio(c.other, c.otherJudged))
					r.Add(name+"_other_recall_"+split, ratio(c.otherHit, c.otherStated))
					r.Add(name+"_unjudged_"+split, float64(c.cited-c.judged))
				}
			}
		}
	}
	r.Notes = append(r.Notes, fmt.Sprintf("%d stories, %d judged sentences, %d judgements (%s)", len(data), countSentences(f), f.Judgements, f.Guide))
	for _, w := range wrong {
		r.Notes = append(r.Notes, "wrong: "+w)
	}
	for _, u := range unjudged {
		r.Notes = append(r.Notes, "unjudged: "+u)
	}
	return r, nil
}

func prefix(p string, xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = p + " " + x
	}
	return out
}

func countSentences(f *CitationsFile) int {
	n := 0
	for _, s := range f.Stories {
		n += len(s.Sentences)
	}
	return n
}
