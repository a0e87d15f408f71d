// Package summarize writes an extractive summary of a story: whole sentences
// taken from its articles, at most a word budget, each sentence cited by
// the caller (the briefing cites every source that states it).
//
// The method is a supported-centroid score with greedy redundancy control:
//
//  1. Candidates are the body sentences of every article, with datelines
//     ("MOSCOW — ", "WASHINGTON (Reuters) - ") stripped, skipping very short
//     and very long sentences.
//  2. Each candidate scores by (a) cosine similarity to the story centroid
//     (tf-idf over stemmed content words, where a word counts once per
//     independent source, so a wire story printed ten times does not outvote
//     one original report), (b) support: how many other independent sources
//     have a sentence saying much the same, and (c) a lead prior: news puts
//     the most important facts first.
//  3. Sentences are picked greedily by score, skipping any too similar to one
//     already chosen, and sentences that open with a dangling pronoun or
//     connective ("He", "But") are penalised because they read badly out of
//     context.
//  4. The picked sentences are ordered by their relative position in their
//     articles, so the lead comes first.
//  5. Each sentence is cited by the caller's Citer: the briefing cites
//     every source that states it, as the alignment stage decides.
package summarize

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// Options tunes the summarizer. The zero value means the defaults, which were
// chosen by a grid search on the Multi-News validation sample
// (../shared/data/mds) at 300 words: Lead in {0.5..2.5}, Support in
// {0.25..3}, Redundancy in {0.3..0.65}; the chosen point sits on a plateau
// (its neighbours score within 0.3 ROUGE-2), not on a spike.
type Options struct {
	// Words is the word budget (default 250). The summary never exceeds it.
	Words int
	// Redundancy is the cosine similarity above which a candidate repeats
	// a sentence already chosen (default 0.35).
	Redundancy float64
	// Lead weights the position prior (default 1.25).
	Lead float64
	// Support weights agreement by other independent sources (default 1.5).
	Support float64
}

func (o Options) withDefaults() Options {
	if o.Words <= 0 {
		o.Words = 250
	}
	if o.Redundancy <= 0 {
		o.Redundancy = 0.35
	}
	if o.Lead == 0 {
		o.Lead = 1.25
	}
	if o.Support == 0 {
		o.Support = 1.5
	}
	return o
}

// Stemmer maps a lower-cased word to its stem.
type Stemmer func(string) string

// Summarizer holds the options and the word normaliser.
type Summarizer struct {
	o    Options
	stem Stemmer
}

// New returns a Summarizer. stem may be nil (words are then compared as
// they are).
func New(o Options, stem Stemmer) *Summarizer {
	if stem == nil {
		stem = func(s string) string { return s }
	}
	return &Summarizer{o: o.withDefaults(), stem: stem}
}

type cand struct {
	doc, sent int     // article index, (last) sentence index in the article
	first     int     // first sentence index: a quote unit spans first..sent
	rel       float64 // relative position in the article, 0 = first
	rank      int     // position among the article's candidates
	text      string
	words     int
	score     float64
}

// dateline matches a dateline that opens a lead sentence: an upper-case
// place, optional agency in parentheses, then a dash. Example:
// "MOSCOW — ", "WASHINGTON (Reuters) - ", "LONDON, England (CNN) -- ".
var dateline = text.LazyRegexp(`^([A-Z][A-Z .'’-]{1,40})(?:,\s*[A-Z][A-Za-z .]+)?\s*(?:\([A-Za-z .]+\)\s*)?(?:—|–|--|-)\s+`)

// agencyLead matches an agency tag that opens a sentence: "(CNN) ".
var agencyLead = text.LazyRegexp(`^\([A-Z][A-Za-z .]{1,20}\)\s*(?:—|–|--|-)?\s*`)

// StripDateline removes a leading dateline or agency tag from a sentence.
func StripDateline(s string) string {
	if m := dateline().FindStringSubmatchIndex(s); m != nil && m[1] < len(s) && len(strings.TrimSpace(s[m[2]:m[3]])) > 1 {
		s = s[m[1]:]
	}
	if loc := agencyLead().FindStringIndex(s); loc != nil {
		s = s[loc[1]:]
	}
	return s
}

// dangling are sentence openers that need the previous sentence to be
// understood.
var dangling = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "this": true, "that": true, "these": true, "those": true,
	"his": true, "her": true, "their": true, "its": true, "but": true, "and": true, "so": true, "yet": true,
	"also": true, "however": true, "instead": true, "still": true, "meanwhile": true, "then": true, "there": true,
	"both": true, "such": true, "another": true, "others": true, "later": true, "afterward": true,
}

// Dangling reports whether sentence s opens with a word that needs
// context ("He", "But", "This").
func Dangling(s string) bool {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\n' })
	if len(f) == 0 {
		return false
	}
	return dangling[strings.ToLower(strings.Trim(f[0], "\"'“‘"))]
}

// Citer cites a picked sentence, shown as text: sentence sent of
// docs[doc] (the first, for a quote of several sentences picked as one
// unit). The briefing passes compare.Story.Cite, so that the summary cites
// exactly the sources the story's one alignment decision says state the
// sentence.
type Citer func(doc, sent int, text string) news.Cited

// Summarize returns the summary of docs, each sentence cited by cite; a
// nil cite cites each sentence's own source only. Its work is linear in
// the docs' sentences: each candidate's support comes from text.Index
// lookups, bounded by text.MaxPostings per term, and support is sought
// only when the story has two independent sources. It checks ctx in
// every loop and returns an error wrapping ctx.Err() once cancelled.
func (z *Summarizer) Summarize(ctx context.Context, docs []news.Member, cite Citer) ([]news.Cited, error) {
	o := z.o
	var cands []cand
	for di, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("summarize: %w", err)
		}
		a := d.Article
		if a == nil || a.NotArticle != "" {
			continue
		}
		body := a.Body()
		n := len(a.Sentences)
		units := quoteUnits(a)
		rank := 0
		for si := 0; si < n; si++ {
			if si%1024 == 1023 && ctx.Err() != nil {
				return nil, fmt.Errorf("summarize: %w", ctx.Err())
			}
			sp := a.Sentences[si]
			first := si
			var speaker string
			if end, ok := units[si]; ok {
				// A quote of several sentences is one unit: its first
				// sentence through its last, attribution included.
				sp.End = a.Sentences[end].End
				si = end
			} else if q, ok := a.QuoteAround(sp); ok {
				if q.Speaker == "" {
					continue // words no one can be said to have said
				}
				speaker = q.Speaker
			} else if startsInsideQuote(a, sp) {
				continue // the tail of a quote ("It may not happen," Trump said.)
			}
			t := StripDateline(strings.TrimSpace(body[sp.Start:sp.End]))
			nw := len(strings.Fields(t))
			if nw < 6 || nw > 70 || !EndsSentence(t) || addressesReader(t) {
				continue
			}
			if speaker != "" {
				t = attributed(t, speaker)
			}
			cands = append(cands, cand{doc: di, sent: si, first: first, rel: float64(si) / float64(max(n, 1)), rank: rank, text: t, words: nw})
			rank++
		}
	}
	if len(cands) == 0 {
		return nil, nil
	}
	idx, err := z.index(ctx, cands)
	if err != nil {
		return nil, err
	}
	scan := idx.Neighbors()

	// The independent groups of the story, in a fixed order: floating-point
	// sums over them must not depend on map iteration.
	var groups []int
	gpos := map[int]int{}
	for _, d := range docs {
		if d.Article == nil || d.Article.NotArticle != "" {
			continue
		}
		if _, ok := gpos[d.Group]; !ok {
			gpos[d.Group] = len(groups)
			groups = append(groups, d.Group)
		}
	}
	centroid, cnorm, err := z.centroid(ctx, docs, cands, idx, groups)
	if err != nil {
		return nil, err
	}
	candGroup := make([]int, len(cands)) // position in groups
	for i, c := range cands {
		candGroup[i] = gpos[docs[c.doc].Group]
	}

	// Support: the best match of each candidate in every other
	// independent group, averaged over those groups.
	best := make([]float64, len(groups))
	for i := range cands {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("summarize: %w", err)
		}
		c := &cands[i]
		own := candGroup[i]
		clear(best)
		if len(groups) > 1 {
			scan.Each(i, func(j int, cos float64, _ int) {
				if g := candGroup[j]; g != own && cos > best[g] {
					best[g] = cos
				}
			})
		}
		sup := 0.0
		for _, b := range best {
			sup += b
		}
		if len(groups) > 1 {
			sup /= float64(len(groups) - 1)
		}
		lead := 1 / math.Sqrt(1+float64(c.rank))
		c.score = idx.CosWith(i, centroid, cnorm) + o.Support*sup + o.Lead*lead*0.5
		if Dangling(c.text) || pronounTagged(c.text) {
			c.score *= 0.6
		}
	}
	order := make([]int, len(cands))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return cands[order[a]].score > cands[order[b]].score })

	var picked []int
	words := 0
	for k, i := range order {
		if k%1024 == 1023 && ctx.Err() != nil {
			return nil, fmt.Errorf("summarize: %w", ctx.Err())
		}
		c := cands[i]
		if words+c.words > o.Words {
			continue
		}
		redundant := false
		for _, j := range picked {
			if sim, _ := idx.Cos(i, j); sim >= o.Redundancy {
				redundant = true
				break
			}
		}
		if redundant {
			continue
		}
		picked = append(picked, i)
		words += c.words
		if o.Words-words < 6 {
			break
		}
	}
	sort.SliceStable(picked, func(a, b int) bool {
		ca, cb := cands[picked[a]], cands[picked[b]]
		if ca.rel != cb.rel {
			return ca.rel < cb.rel
		}
		return ca.doc < cb.doc
	})

	out := make([]news.Cited, 0, len(picked))
	for _, i := range picked {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("summarize: %w", err)
		}
		c := cands[i]
		if cite == nil {
			src := docs[c.doc].Source
			out = append(out, news.Cited{Text: c.text, Sources: []string{src}, Evidence: map[string]string{src: c.text}})
			continue
		}
		out = append(out, cite(c.doc, c.first, c.text))
	}
	return out, nil
}

// pronounTag matches a quotation attributed only to a pronoun: `,” he
// said.` — out of context the reader cannot tell who "he" is.
var pronounTag = text.LazyRegexp(`(?i)[,.!?]["'”’]\s+(he|she|they|it)\s+\w+\.?$`)

// pronounTagged reports whether pronounTag matches s. A match can only
// begin at the last closing quotation mark after punctuation (what
// follows it holds neither), so the pattern is tried there alone, not at
// every byte of the sentence.
func pronounTagged(s string) bool {
	for i := len(s) - 2; i >= 0; i-- {
		switch s[i] {
		case ',', '.', '!', '?':
			if r := s[i+1:]; r[0] == '"' || r[0] == '\'' || strings.HasPrefix(r, "”") || strings.HasPrefix(r, "’") {
				return pronounTag().MatchString(s[i:])
			}
		}
	}
	return false
}

// quoteUnits maps the first sentence of each quote that runs over several
// sentences of one paragraph to its last sentence, when the whole is short
// enough (70 words) to be one summary unit: out of its paragraph, a middle
// sentence of someone's quote ("I'm as shocked as you people.") reads as
// the writer's words with no one to attribute them to, but the whole quote
// carries its speaker.
func quoteUnits(a *news.Article) map[int]int {
	units := map[int]int{}
	body := a.Body()
	for _, q := range a.Quotes {
		i, j := a.SentenceAt(q.Start), a.SentenceAt(max(q.End-1, q.Start))
		if i < 0 || j <= i || strings.Contains(body[a.Sentences[i].Start:a.Sentences[j].End], "\n") {
			continue
		}
		if len(strings.Fields(body[a.Sentences[i].Start:a.Sentences[j].End])) > 70 {
			continue
		}
		if e, ok := units[i]; !ok || j > e {
			units[i] = j
		}
	}
	return units
}

// startsInsideQuote reports a sentence that begins in the middle of a quote
// and ends after it: read alone it opens with someone's words cut short.
// The quotes are in text order and do not overlap, so only the first
// quote ending after sp's start can hold it: a binary search, not a scan
// of every quote for every sentence.
func startsInsideQuote(a *news.Article, sp news.Span) bool {
	k := sort.Search(len(a.Quotes), func(i int) bool { return a.Quotes[i].End > sp.Start })
	if k == len(a.Quotes) {
		return false
	}
	q := a.Quotes[k]
	return sp.Start > q.Start+1 && sp.End > q.End+4
}

// attributed marks a sentence taken from inside someone's quote as theirs:
// out of its paragraph, “I thought Jim Parsons was going to win again.”
// would read as the writer's own words. The sentence is put in quotation
// marks (unless it already has them) and the speaker the analysis found
// follows it: “…” — Jon Cryer. The words are the article's; only the
// marks and the name are added, as a citation is.
func attributed(s, speaker string) string {
	s = strings.TrimSpace(s)
	open, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if !strings.ContainsRune("\"“”", open) {
		s = "“" + s
	}
	if !strings.ContainsRune("\"“”", last) {
		s += "”"
	}
	return s + " — " + speaker
}

// addressesReader reports a sentence in the writer's own voice that speaks
// to the reader — a question ("What will everyone be talking about on
// Monday?") or second person ("share your own thoughts in the comments"):
// site voice and calls to action, not reporting. Quoted speech is exempt.
func addressesReader(s string) bool {
	if strings.ContainsAny(s, "\"“”") {
		return false
	}
	if strings.HasSuffix(strings.TrimRight(s, " )"), "?") {
		return true
	}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		switch strings.Trim(w, ".,;:!?()'’") {
		case "you", "your", "you're", "you’re", "yourself":
			return true
		}
	}
	return false
}

// EndsSentence reports whether s ends as a sentence does (a full stop, a
// question or exclamation mark or an ellipsis, possibly inside closing
// quotes or brackets), unlike a headline or a caption.
func EndsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’)] ")
	if s == "" {
		return false
	}
	switch s[len(s)-1] {
	case '.', '!', '?':
		return true
	}
	return strings.HasSuffix(s, "…")
}
