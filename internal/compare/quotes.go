// Package compare lines the articles of one story up against each other:
// which statements several outlets quote and how their wording differs (the
// quote ledger), what at least two independent sources agree on, what only
// one reports, where they contradict each other, and the story's timeline.
//
// Precision comes before recall throughout: a false contradiction destroys a
// reader's trust, so every discrepancy rule demands that both sides be about
// the same thing (shared names, shared event words, similar sentences) and
// compares only independent sources — syndicated copies never contradict
// themselves.
package compare

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/internal/entity"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// quoteItem is one source's quote prepared for alignment.
type quoteItem struct {
	src         string
	group       int
	speaker     string
	speakerType string
	text        string
	words       []string
	// spans are the byte spans of words in text, nil when text's own
	// tokens do not spell words (see wordSpans).
	spans []news.Span
	// confident is set when the speaker is named beside the quote (see
	// confidentSpeaker).
	confident bool
}

// Wording relations between two quotes.
const (
	relNone = iota
	relIdentical
	relPartial
	relReworded
)

// lcsMask marks the words of a that are part of a longest common
// subsequence with b. text.LCS settles ties toward the ends of the
// words; reading both backwards settles them toward their starts.
func lcsMask(a, b []string) []bool {
	ra, rb := slices.Clone(a), slices.Clone(b)
	slices.Reverse(ra)
	slices.Reverse(rb)
	mask := make([]bool, len(a))
	for _, i := range text.LCS(ra, rb) {
		mask[len(a)-1-i] = true
	}
	return mask
}

// minSharedContent is the fewest content words (not stop words) two
// different wordings must share, in order, to be one statement: "Who are
// you?" shares only stop words with "Tell me who you are", and any two
// quotes share "I", "the" and "is" by accident.
const minSharedContent = 2

// Relation classifies how quote a's words relate to quote b's:
// identical (same words, punctuation and case aside), partial (the shorter
// is, but for a word or so, contained in the longer, which is clearly
// longer), reworded (most words shared in order), or none. Quotes of one
// or two words relate only when identical: short scare-quoted terms match
// everything by accident. Different wordings relate only when they share
// minSharedContent content words in order.
func Relation(a, b []string) int {
	if len(a) == 0 || len(b) == 0 {
		return relNone
	}
	if slices.Equal(a, b) {
		return relIdentical
	}
	short, long := a, b
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(short) < 3 || sharedContent(short, long) < minSharedContent {
		return relNone
	}
	l := text.LCSLen(short, long)
	if float64(l) >= 0.9*float64(len(short)) && float64(len(short)) <= 0.8*float64(len(long)) {
		return relPartial
	}
	if 2*float64(l)/float64(len(a)+len(b)) >= 0.6 {
		return relReworded
	}
	return relNone
}

// sharedContent counts the content words of one longest common
// subsequence of a and b.
func sharedContent(a, b []string) int {
	n := 0
	for i, in := range lcsMask(a, b) {
		if in && !text.IsStop(a[i]) {
			n++
		}
	}
	return n
}

// sameSpeaker reports whether two speaker names can be the same: equal,
// sharing the last name, or one unknown.
func sameSpeaker(a, b string) bool {
	if a == "" || b == "" {
		return true
	}
	return entity.SameLastName(a, b)
}

// quoteGroup is a statement being assembled from several sources' quotes.
type quoteGroup struct {
	items []quoteItem
	// conflicted holds the speakers (by last name) already reported as
	// contradicting the group's reference speaker.
	conflicted map[string]bool
	// reversed is set once a negation reversal in the group is reported.
	reversed bool
}

// negations are the words that reverse what follows them.
var negations = map[string]bool{
	"not": true, "no": true, "never": true, "cannot": true, "nothing": true, "neither": true, "nor": true,
	"don't": true, "doesn't": true, "didn't": true, "won't": true, "wouldn't": true, "can't": true, "couldn't": true,
	"shouldn't": true, "isn't": true, "aren't": true, "wasn't": true, "weren't": true, "haven't": true, "hasn't": true,
	"hadn't": true, "mustn't": true,
}

// negationReach is how many words before a word a negation governs it
// ("don't pass", "will not pass").
const negationReach = 2

// reversal reports whether two wordings of one statement by one named
// speaker (reworded, not a fragment of the other) say opposite things:
// one holds a negation the other lacks, and it governs a content word the
// two wordings share in order ("if they don't pass this bill it will
// increase the risk" against "to pass this bill would increase the risk").
// A negation that only moved ("I do not think it will pass", "I think it
// will not pass") leaves the counts equal and is no reversal.
func reversal(a, b quoteItem) bool {
	if a.speaker == "" || b.speaker == "" || !entity.SameLastName(a.speaker, b.speaker) ||
		Relation(a.words, b.words) != relReworded {
		return false
	}
	na, nb := countNegations(a.words), countNegations(b.words)
	if na == nb {
		return false
	}
	if na < nb {
		a, b = b, a
	}
	// a holds the extra negation: find a shared word it governs in a
	// and that stands free of any negation in b.
	mask := lcsMask(a.words, b.words)
	bi := 0
	for i, w := range a.words {
		if !mask[i] {
			continue
		}
		// The matching word of b: the next shared word in order.
		for bi < len(b.words) && b.words[bi] != w {
			bi++
		}
		if bi == len(b.words) {
			return false
		}
		if !text.IsStop(w) && !negations[w] && governed(a.words, i) && !governed(b.words, bi) {
			return true
		}
		bi++
	}
	return false
}

// governed reports whether a negation stands within negationReach words
// before words[i].
func governed(words []string, i int) bool {
	for j := max(0, i-negationReach); j < i; j++ {
		if negations[words[j]] {
			return true
		}
	}
	return false
}

func countNegations(words []string) int {
	n := 0
	for _, w := range words {
		if negations[w] {
			n++
		}
	}
	return n
}

// minAttributionWords is the fewest words both quotes must have for the
// same words under two speakers to be an attribution conflict. Short
// phrases ("fake news", "a very productive meeting") are echoed by many
// speakers, and a writer borrows them freely.
const minAttributionWords = 6

// attributionConflict reports whether sources giving ref's and it's words
// (related as rel) to their two different speakers contradict each other:
// two independent sources, full wordings rather than a fragment of a longer
// quote, long enough not to be a common phrase, both speakers people, and
// both attributions confident: a speaker the quote finder carried over
// from an earlier sentence or guessed from a pronoun is as likely its own
// error as the outlet's.
// An organisation and a person are not a contradiction — a spokesman speaks
// for the Kremlin, an outlet relays a minister's words.
func attributionConflict(ref, it quoteItem, rel int) bool {
	return ref.group != it.group && rel != relPartial && ref.confident && it.confident &&
		min(len(ref.words), len(it.words)) >= minAttributionWords &&
		ref.speakerType == news.Person && it.speakerType == news.Person
}

// confidentSpeaker reports whether quote q of a is attributed with
// confidence: a full statement (not a fragment) with a reporting verb,
// whose speaker's last name stands in the quote's own sentence outside the
// quotation marks ("“...,” Smith said"). body is a.Body(), joined once
// per article by the caller (joining it per quote made Ledger quadratic in
// the length of an article).
func confidentSpeaker(a *news.Article, body string, q news.Quote) bool {
	if q.Speaker == "" || q.Cue == "" || q.Partial {
		return false
	}
	si := a.SentenceAt(q.Start)
	if si < 0 {
		return false
	}
	sp := a.Sentences[si]
	if sp.End > len(body) || q.Start < sp.Start || q.End > sp.End {
		return false
	}
	last := entity.LastName(q.Speaker)
	for _, part := range []string{body[sp.Start:q.Start], body[q.End:sp.End]} {
		for _, w := range text.Words(part) {
			if strings.TrimSuffix(w, "'s") == last {
				return true
			}
		}
	}
	return false
}

// wordIndex finds the quote groups sharing words with a quote, so that a
// quote is aligned only with groups it can relate to rather than with
// every group of the story (quadratic in a story with thousands of
// quotes). Like text.Index, it follows only the postings of words used by
// at most text.MaxPostings groups: a word every other quote uses ("the",
// "we") cannot tell which statement a quote repeats, and following it
// would make every lookup visit a fixed share of all groups. A lookup thus
// costs at most text.MaxPostings postings per word of the quote, and
// grouping all quotes is linear in their number.
type wordIndex struct {
	post   map[string][]int // word -> groups whose reference has it
	counts []map[string]int // by group: its reference's word counts
	lens   []int            // by group: its reference's length in words
	inter  []int            // scratch: shared words by group
}

func (x *wordIndex) add(words []string) {
	g := len(x.counts)
	c := map[string]int{}
	for _, w := range words {
		if c[w] == 0 {
			x.post[w] = append(x.post[w], g)
		}
		c[w]++
	}
	x.counts = append(x.counts, c)
	x.lens = append(x.lens, len(words))
	x.inter = append(x.inter, 0)
}

// candidates returns, in ascending order, the groups whose reference might
// relate to words: the count of words they share (with repeats) bounds
// the longest common subsequence from above, so a group failing Relation's
// thresholds with it is skipped. Groups sharing only words more common
// than text.MaxPostings are not considered.
func (x *wordIndex) candidates(words []string) []int {
	c := map[string]int{}
	for _, w := range words {
		c[w]++
	}
	var touched []int
	var common []string // words whose postings were not followed
	for w, n := range c {
		ps := x.post[w]
		if len(ps) > text.MaxPostings {
			common = append(common, w)
			continue
		}
		for _, g := range ps {
			if x.inter[g] == 0 {
				touched = append(touched, g)
			}
			x.inter[g] += min(n, x.counts[g][w])
		}
	}
	var out []int
	for _, g := range touched {
		inter := x.inter[g]
		x.inter[g] = 0
		for _, w := range common {
			inter += min(c[w], x.counts[g][w])
		}
		short, long := len(words), x.lens[g]
		if short > long {
			short, long = long, short
		}
		l := float64(inter)
		if short >= 3 && (l >= 0.9*float64(short) || 2*l/float64(short+long) >= 0.6) || inter == short && short == long {
			out = append(out, g)
		}
	}
	slices.Sort(out)
	return out
}

// Ledger groups the quotes of all members by statement. A statement quoted
// by several sources is marked identical, reworded (with the words that
// differ) or partial; one quoted by a single source is single. A source
// that repeats a statement (or a fragment of it) is counted once. Ledger
// also returns the attribution conflicts it saw: the same words given to
// different people by independent sources, one per statement and speaker.
// Quotes are aligned through a wordIndex (bounded per word), and a
// cancelled ctx ends the work with an error wrapping ctx.Err().
func Ledger(ctx context.Context, members []news.Member) ([]news.QuoteGroup, []news.Discrepancy, error) {
	var items []quoteItem
	for _, m := range members {
		if m.Article == nil {
			continue
		}
		body := m.Article.Body()
		for _, q := range m.Article.Quotes {
			w := text.Words(q.Text)
			if len(w) == 0 {
				continue
			}
			t := strings.TrimSpace(q.Text)
			items = append(items, quoteItem{src: m.Source, group: m.Group, speaker: q.Speaker, speakerType: q.SpeakerType,
				text: t, words: w, spans: wordSpans(t, w), confident: confidentSpeaker(m.Article, body, q)})
		}
	}
	// Longest first, so that a group's reference is its fullest wording.
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return len(items[order[a]].words) > len(items[order[b]].words) })

	var groups []*quoteGroup
	var conflicts []news.Discrepancy
	index := &wordIndex{post: map[string][]int{}}
items:
	for _, i := range order {
		if err := ctx.Err(); err != nil {
			return nil, nil, fmt.Errorf("compare: quote ledger: %w", err)
		}
		it := items[i]
		var home *quoteGroup
		for _, gi := range index.candidates(it.words) {
			g := groups[gi]
			ref := g.items[0]
			rel := Relation(ref.words, it.words)
			if rel == relNone {
				continue
			}
			if !sameSpeaker(ref.speaker, it.speaker) {
				if k := entity.LastName(it.speaker); attributionConflict(ref, it, rel) && !g.conflicted[k] {
					g.conflicted[k] = true
					conflicts = append(conflicts, news.Discrepancy{
						Kind:  news.KindAttribution,
						About: "who said “" + text.Clip(ref.text, 60) + "”",
						Claims: []news.Claim{
							{Source: ref.src, Text: ref.text, Value: ref.speaker},
							{Source: it.src, Text: it.text, Value: it.speaker},
						},
					})
				}
				continue
			}
			if g.has(it.src) {
				if rel == relIdentical || rel == relPartial {
					continue items // the source repeats itself
				}
				continue
			}
			home = g
			break
		}
		if home != nil {
			for _, x := range home.items {
				if k := entity.LastName(x.speaker); x.group != it.group && !home.reversed && reversal(x, it) {
					home.reversed = true
					conflicts = append(conflicts, news.Discrepancy{
						Kind:  news.KindNegation,
						About: "what " + k + " said: one wording negates what the other affirms",
						Claims: []news.Claim{
							{Source: x.src, Text: x.text, Value: x.speaker},
							{Source: it.src, Text: it.text, Value: it.speaker},
						},
					})
				}
			}
		}
		if home == nil {
			groups = append(groups, &quoteGroup{items: []quoteItem{it}, conflicted: map[string]bool{}})
			index.add(it.words)
			continue
		}
		home.items = append(home.items, it)
	}

	out := make([]news.QuoteGroup, 0, len(groups))
	for _, g := range groups {
		out = append(out, g.result())
	}
	// Statements several sources quote first, then by speaker.
	sort.SliceStable(out, func(a, b int) bool {
		if len(out[a].Sources) != len(out[b].Sources) {
			return len(out[a].Sources) > len(out[b].Sources)
		}
		return out[a].Speaker < out[b].Speaker
	})
	return out, conflicts, nil
}

// has reports whether src already quotes the group's statement.
func (g *quoteGroup) has(src string) bool {
	for _, it := range g.items {
		if it.src == src {
			return true
		}
	}
	return false
}

func (g *quoteGroup) result() news.QuoteGroup {
	ref := g.items[0]
	qg := news.QuoteGroup{Text: ref.text, Agreement: news.Single}
	srcs := map[string]bool{}
	indep := map[int]bool{}
	for i, it := range g.items {
		if qg.Speaker == "" || len(it.speaker) > len(qg.Speaker) && sameSpeaker(qg.Speaker, it.speaker) {
			qg.Speaker = it.speaker
		}
		if !srcs[it.src] {
			srcs[it.src] = true
			qg.Sources = append(qg.Sources, it.src)
		}
		indep[it.group] = true
		v := news.Variant{Source: it.src, Text: it.text}
		switch {
		case len(g.items) > 1 && i == 0:
			// The reference's own differences: against the first wording
			// that differs from it.
			other := g.items[1]
			for _, o := range g.items[1:] {
				if !slices.Equal(o.words, ref.words) {
					other = o
					break
				}
			}
			v.Against = other.src
			v.Diff, v.Parts = diffWords(it, closest(other, it))
		case i > 0:
			v.Against = ref.src
			v.Diff, v.Parts = diffWords(it, closest(ref, it))
		}
		qg.Variants = append(qg.Variants, v)
	}
	if len(indep) > 1 || len(srcs) > 1 {
		qg.Agreement = news.Identical
		for _, it := range g.items[1:] {
			switch Relation(ref.words, it.words) {
			case relPartial:
				qg.Agreement = news.Partial
			case relReworded:
				if qg.Agreement != news.Partial {
					qg.Agreement = news.Reworded
				}
			}
		}
	}
	if qg.Agreement == news.Identical {
		for i := range qg.Variants {
			qg.Variants[i].Parts = nil // word for word the same: nothing to show
			qg.Variants[i].Against = ""
		}
	}
	return qg
}

// closest is the wording of ref that a is compared with: all of it, or,
// when a quotes only part of it (relPartial), the shortest stretch of ref
// that holds all the words they share in order — the rest of ref is not words a
// left out but words a never quoted. The comparison of the longer wording
// with the shorter keeps the whole.
func closest(ref, a quoteItem) quoteItem {
	if len(a.words) >= len(ref.words) || Relation(ref.words, a.words) != relPartial || ref.spans == nil {
		return ref
	}
	// The shortest stretch of ref holding as long a common subsequence
	// as the whole: the latest start that keeps it, then the earliest end.
	full := text.LCSLen(a.words, ref.words)
	first, last := 0, len(ref.words)-1
	for first+1 < len(ref.words) && text.LCSLen(a.words, ref.words[first+1:]) == full {
		first++
	}
	for last > first && text.LCSLen(a.words, ref.words[first:last]) == full {
		last--
	}
	start, end := ref.spans[first].Start, ref.spans[last].End
	out := ref
	out.text = ref.text[start:end]
	out.words = ref.words[first : last+1]
	out.spans = make([]news.Span, 0, last+1-first)
	for _, sp := range ref.spans[first : last+1] {
		out.spans = append(out.spans, news.Span{Start: sp.Start - start, End: sp.End - start})
	}
	return out
}

// wordSpans returns the byte spans of words (text.Words of t) in t, or nil
// when t's tokens do not spell them one for one: text.Words folds
// quotation marks before splitting, which can join words at a ‘ that t
// splits on.
func wordSpans(t string, words []string) []news.Span {
	spans := text.Tokens(t)
	if len(spans) != len(words) {
		return nil
	}
	for i, sp := range spans {
		if strings.ToLower(text.FoldQuotes(t[sp.Start:sp.End])) != words[i] {
			return nil
		}
	}
	return spans
}

// diffWords compares a's wording with ref's over one longest common
// subsequence of their words. It returns the words of a outside it, and
// a's text in runs (see news.Variant.Parts): words both have, words only
// a has, and ref's words a lacks — the latter placed before the a words
// that stand in their stead. The runs are nil when either text's words
// cannot be located in it.
func diffWords(a, ref quoteItem) ([]string, []news.DiffPart) {
	mask := lcsMask(a.words, ref.words)
	var extra []string
	for i, in := range mask {
		if !in {
			extra = append(extra, a.words[i])
		}
	}
	if a.spans == nil || ref.spans == nil {
		return extra, nil
	}
	// at[i] is the position in ref of a's i-th common word: each matched
	// in turn to its first occurrence after the previous one.
	at := make([]int, len(mask))
	for i, j := 0, 0; i < len(mask); i++ {
		at[i] = -1
		if !mask[i] {
			continue
		}
		for j < len(ref.words) && ref.words[j] != a.words[i] {
			j++
		}
		at[i], j = j, j+1
	}
	var parts []news.DiffPart
	// start[k] is where in a.text part k begins; for a DiffDelete part,
	// -1 - where in ref.text it begins.
	var start []int
	add := func(op string, from int) {
		if n := len(parts); n > 0 && parts[n-1].Op == op {
			return // the run goes on; its text is cut below
		}
		parts = append(parts, news.DiffPart{Op: op})
		start = append(start, from)
	}
	j := 0
	deleteUpTo := func(end int) {
		for ; j < end; j++ {
			add(news.DiffDelete, -1-ref.spans[j].Start)
			n := len(parts) - 1
			parts[n].Text = ref.text[-1-start[n] : ref.spans[j].End]
		}
	}
	for i := range mask {
		next := len(ref.words)
		for k := i; k < len(mask); k++ {
			if mask[k] {
				next = at[k]
				break
			}
		}
		deleteUpTo(next)
		from := a.spans[i].Start
		if i == 0 {
			from = 0
		}
		if mask[i] {
			add(news.DiffSame, from)
			j++
		} else {
			add(news.DiffInsert, from)
		}
	}
	deleteUpTo(len(ref.words))
	// Cut a's text among its runs: each runs to where the next begins.
	end := len(a.text)
	for k := len(parts) - 1; k >= 0; k-- {
		if parts[k].Op == news.DiffDelete {
			continue
		}
		parts[k].Text = a.text[start[k]:end]
		end = start[k]
	}
	return extra, parts
}
