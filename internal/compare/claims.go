package compare

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/internal/align"
	"github.com/crosscheck/crosscheck/internal/entity"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/summarize"
	"github.com/crosscheck/crosscheck/internal/text"
)

// Options tunes the comparison. The zero value means the defaults.
type Options struct {
	// Agree is the cosine similarity at which two sentences of one day
	// tell the same timeline event (default 0.35). Whether a source
	// states a sentence is align's decision (align.Claims.States).
	Agree float64
	// Alone is the similarity below which a sentence has no counterpart
	// in any other source (default 0.15).
	Alone float64
	// MaxUnique caps the single-source claims listed per source (default 6).
	MaxUnique int
	// Stem normalises words before comparison; nil compares words as they
	// are.
	Stem func(string) string
}

func (o Options) withDefaults() Options {
	if o.Agree <= 0 {
		o.Agree = 0.35
	}
	if o.Alone <= 0 {
		o.Alone = 0.15
	}
	if o.MaxUnique <= 0 {
		o.MaxUnique = 6
	}
	return o
}

// sentence is one body sentence of a member, prepared for comparison.
type sentence struct {
	member int // index into members
	index  int // sentence index in its article
	text   string
	named  bool     // it mentions an entity
	actors []string // lower-cased last names of the people and organisations it mentions, sorted
	// nameTerms are the content terms of the full names of the entities
	// it mentions ("mara", "quinlan"), sorted, so that sharing a name is
	// not taken for sharing content.
	nameTerms []string
	nwords    int
}

// Story is the members of one story with their sentences vectorised and
// indexed once, for all comparisons.
type Story struct {
	o       Options
	members []news.Member
	sents   []sentence
	byMem   [][]int  // sentence indexes of each member, one per article sentence
	bodies  []string // each member's body ("" when left out)
	idx     *text.Index
	scan    *text.Neighbors
	// al reads the story's facts and claims once; cl decides, for two
	// sentences, whether one states the other: citations, agreements and
	// single-source claims all come from that one decision.
	al *align.Story
	cl *align.Claims
}

// NewStory prepares members for comparison. It returns an error wrapping
// ctx.Err() once ctx is cancelled.
func NewStory(ctx context.Context, members []news.Member, o Options) (*Story, error) {
	o = o.withDefaults()
	o.Stem = text.MemoStem(o.Stem) // for this story's comparisons only
	s := &Story{o: o, members: members, byMem: make([][]int, len(members)), bodies: make([]string, len(members))}
	var terms [][]string
	in := text.Interner{}
	for mi, m := range members {
		a := m.Article
		if a == nil || a.NotArticle != "" {
			continue
		}
		body := a.Body()
		s.bodies[mi] = body
		named, actors, nameTerms := namesIn(a, o.Stem)
		for si, sp := range a.Sentences {
			if si%1024 == 1023 && ctx.Err() != nil {
				return nil, fmt.Errorf("compare: %w", ctx.Err())
			}
			t := strings.TrimSpace(body[sp.Start:sp.End])
			st := sentence{member: mi, index: si, text: t, named: named[si], actors: actors[si], nameTerms: nameTerms[si],
				nwords: len(strings.Fields(t))}
			s.byMem[mi] = append(s.byMem[mi], len(s.sents))
			s.sents = append(s.sents, st)
			terms = append(terms, in.Terms(t, o.Stem))
		}
	}
	idx, err := text.NewIndex(ctx, text.NewIDF(terms), terms)
	if err != nil {
		return nil, fmt.Errorf("compare: %w", err)
	}
	s.idx, s.scan = idx, idx.Neighbors()
	if s.al, err = align.New(ctx, members, align.Options{Stem: o.Stem}); err != nil {
		return nil, fmt.Errorf("compare: %w", err)
	}
	if s.cl, err = s.al.Claims(ctx); err != nil {
		return nil, fmt.Errorf("compare: %w", err)
	}
	return s, nil
}

// namesIn returns, per sentence of a, whether it mentions an entity, the
// last names of the people and organisations it mentions, and the content
// terms of the full names of the entities it mentions, each list sorted
// and without repeats. A sentence with no entity gets nil lists: most
// sentences of a long input name no one. Lists rather than sets, because
// a set per sentence was a large share of a long input's memory.
func namesIn(a *news.Article, stem func(string) string) (named []bool, actors, terms [][]string) {
	n := len(a.Sentences)
	named, actors, terms = make([]bool, n), make([][]string, n), make([][]string, n)
	for _, e := range a.Entities {
		last := entity.LastName(e.Name)
		nameTerms := text.Terms(e.Name, stem)
		for _, m := range e.Mentions {
			si := a.SentenceAt(m.Start)
			if si < 0 || m.End > a.Sentences[si].End {
				continue
			}
			named[si] = true
			if e.Type != news.Place {
				actors[si] = insertSorted(actors[si], last)
			}
			for _, t := range nameTerms {
				terms[si] = insertSorted(terms[si], t)
			}
		}
	}
	return named, actors, terms
}

// insertSorted adds w to the sorted list l unless it holds it already.
func insertSorted(l []string, w string) []string {
	i, found := slices.BinarySearch(l, w)
	if found {
		return l
	}
	return slices.Insert(l, i, w)
}

func (s *Story) independent(a, b int) bool {
	return s.members[s.sents[a].member].Group != s.members[s.sents[b].member].Group
}

// cos returns the similarity of sentences a and b and the content terms
// they share.
func (s *Story) cos(a, b int) (float64, int) { return s.idx.Cos(a, b) }

// match is a sentence's best counterpart in one member.
type match struct {
	sent int // index into Story.sents; -1 when none
	cos  float64
}

// statedBy returns, for sentence i (an index into Story.sents), the
// sentence of every other member that states it (align.Claims.States) —
// with same, that it also states: the same fact, align.Same — the most
// similar in words of several, indexed by member. It costs one bounded
// index lookup (text.MaxPostings per term).
func (s *Story) statedBy(i int, same bool) []match {
	out := make([]match, len(s.members))
	for m := range out {
		out[m].sent = -1
	}
	a := s.sents[i]
	s.scan.Each(i, func(j int, cos float64, n int) {
		b := s.sents[j]
		if b.member == a.member || n < text.MinShared || cos <= out[b.member].cos {
			return
		}
		if s.cl.States(a.member, a.index, b.member, b.index) && (!same || s.cl.States(b.member, b.index, a.member, a.index)) {
			out[b.member] = match{j, cos}
		}
	})
	return out
}

// Cite returns sentence sent of member, shown as text (a summary
// sentence; the first of a quote the summariser picks whole), citing
// member's source and every other source with a sentence that states it,
// that sentence as evidence. It is the one citation rule of the briefing:
// the summary cites a source only when align says it states the sentence,
// as the agreements and single-source claims read it.
func (s *Story) Cite(member, sent int, text string) news.Cited {
	src := s.members[member].Source
	c := news.Cited{Text: text, Sources: []string{src}, Evidence: map[string]string{src: text}}
	if sent < 0 || sent >= len(s.byMem[member]) {
		return c
	}
	seen := map[string]bool{src: true}
	for m, b := range s.statedBy(s.byMem[member][sent], false) {
		if b.sent < 0 || seen[s.members[m].Source] {
			continue
		}
		seen[s.members[m].Source] = true
		c.Sources = append(c.Sources, s.members[m].Source)
		c.Evidence[s.members[m].Source] = s.sents[b.sent].text
	}
	return c
}

// Agreements lists statements that at least two independent sources
// report, each with every source's own sentence as evidence; the most
// widely reported first. A source agrees when one of its sentences
// states the same fact: each states the other (align.Same); a sentence
// that says more or less than the statement is no agreement with it.
// Each sentence costs one bounded index lookup; a story of one
// independent source has nothing to agree on and costs nothing.
func (s *Story) Agreements(ctx context.Context) ([]news.Cited, error) {
	if !s.severalGroups() {
		return nil, nil // agreement needs two independent sources
	}
	used := make([]bool, len(s.sents))
	var out []news.Cited
	for i, st := range s.sents {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("compare: agreements: %w", err)
		}
		if used[i] || st.nwords < 6 || !summarize.EndsSentence(st.text) {
			continue // too short to claim much, or a headline or caption
		}
		c := news.Cited{Text: st.text, Sources: []string{s.members[st.member].Source},
			Evidence: map[string]string{s.members[st.member].Source: st.text}}
		groups := map[int]bool{s.members[st.member].Group: true}
		var took []int
		for m, b := range s.statedBy(i, true) {
			if b.sent < 0 || used[b.sent] {
				continue
			}
			src := s.members[m].Source
			c.Sources = append(c.Sources, src)
			c.Evidence[src] = s.sents[b.sent].text
			groups[s.members[m].Group] = true
			took = append(took, b.sent)
		}
		if len(groups) < 2 {
			continue
		}
		used[i] = true
		for _, j := range took {
			used[j] = true
		}
		out = append(out, c)
	}
	sort.SliceStable(out, func(a, b int) bool { return len(out[a].Sources) > len(out[b].Sources) })
	return out, nil
}

// Unique lists, per source, the informative sentences that no other
// independent source reports anything like: sentences of eight words or
// more that name someone or give a number, earliest first, at most
// Options.MaxUnique per source. A sentence is alone when no sentence of
// another independent source is aligned with it at all (align.Claims
// relates them as same, part or conflict) — so no agreed or cited
// sentence is ever single-source — nor even close in words
// (Options.Alone), because a claim is listed as one source's only when
// that is sure. With a single independent source nothing is unique.
func (s *Story) Unique(ctx context.Context) ([]news.Unique, error) {
	if !s.severalGroups() {
		return nil, nil
	}
	var out []news.Unique
	for mi, m := range s.members {
		n := 0
		for _, i := range s.byMem[mi] {
			st := s.sents[i]
			if n >= s.o.MaxUnique {
				break
			}
			if st.nwords < 8 || !st.named && !hasDigit(st.text) {
				continue
			}
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("compare: unique: %w", err)
			}
			alone := true
			s.scan.Each(i, func(j int, cos float64, _ int) {
				o := s.sents[j]
				if !alone || s.members[o.member].Group == m.Group {
					return
				}
				if cos >= s.o.Alone || s.cl.Relate(st.member, st.index, o.member, o.index) != align.Unrelated {
					alone = false
				}
			})
			if alone {
				out = append(out, news.Unique{Source: m.Source, Text: st.text})
				n++
			}
		}
	}
	return out, nil
}

// severalGroups reports whether the members come from at least two
// independent sources.
func (s *Story) severalGroups() bool {
	for _, m := range s.members {
		if m.Group != s.members[0].Group {
			return true
		}
	}
	return false
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}
