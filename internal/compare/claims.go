package compare

import (
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// Options tunes the comparison. The zero value means the defaults.
type Options struct {
	// Agree is the cosine similarity at which two sentences of different
	// sources report the same content (default 0.35).
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
	rel    float64
	text   string
	vec    text.Vector
	names  map[string]bool // lower-cased last names of the entities it mentions
	actors map[string]bool // the same, for people and organisations only
	nwords int
}

// Story is the members of one story with their sentences vectorised once,
// for all comparisons.
type Story struct {
	o       Options
	members []news.Member
	sents   []sentence
	byMem   [][]int // sentence indexes of each member
}

// NewStory prepares members for comparison.
func NewStory(members []news.Member, o Options) *Story {
	o = o.withDefaults()
	s := &Story{o: o, members: members, byMem: make([][]int, len(members))}
	var terms [][]string
	for mi, m := range members {
		a := m.Article
		if a == nil || a.NotArticle != "" {
			continue
		}
		body := a.Body()
		for si, sp := range a.Sentences {
			t := strings.TrimSpace(body[sp.Start:sp.End])
			st := sentence{member: mi, index: si, rel: float64(si) / float64(max(1, len(a.Sentences))), text: t,
				names: namesIn(a, sp, false), actors: namesIn(a, sp, true), nwords: len(strings.Fields(t))}
			s.byMem[mi] = append(s.byMem[mi], len(s.sents))
			s.sents = append(s.sents, st)
			terms = append(terms, text.Terms(t, o.Stem))
		}
	}
	idf := text.NewIDF(terms)
	for i := range s.sents {
		s.sents[i].vec = idf.Vector(terms[i])
	}
	return s
}

// namesIn returns the last names of the entities mentioned in span sp
// (only people and organisations when actors is set).
func namesIn(a *news.Article, sp news.Span, actors bool) map[string]bool {
	out := map[string]bool{}
	for _, e := range a.Entities {
		if actors && e.Type == news.Place {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start >= sp.Start && m.End <= sp.End {
				out[lastName(e.Name)] = true
				break
			}
		}
	}
	return out
}

func (s *Story) independent(a, b int) bool {
	return s.members[s.sents[a].member].Group != s.members[s.sents[b].member].Group
}

// minShared is the fewest content terms two sentences must share to report
// the same thing (see text.Vector.Shared).
const minShared = 3

// best returns, for sentence i, its most similar sentence in member m that
// shares at least minShared terms with it, and the similarity.
func (s *Story) best(i, m int) (int, float64) { return s.bestSharing(i, m, minShared) }

// bestSharing is best with the shared-term minimum given.
func (s *Story) bestSharing(i, m, shared int) (int, float64) {
	bj, bs := -1, 0.0
	for _, j := range s.byMem[m] {
		if c := s.sents[i].vec.Cos(s.sents[j].vec); c > bs && s.sents[i].vec.Shared(s.sents[j].vec) >= shared {
			bj, bs = j, c
		}
	}
	return bj, bs
}

// Agreements lists statements that at least two independent sources
// report, each with every source's own sentence as evidence; the most
// widely reported first.
func (s *Story) Agreements() []news.Cited {
	used := make([]bool, len(s.sents))
	var out []news.Cited
	for i, st := range s.sents {
		if used[i] || st.nwords < 6 {
			continue
		}
		c := news.Cited{Text: st.text, Sources: []string{s.members[st.member].Source},
			Evidence: map[string]string{s.members[st.member].Source: st.text}}
		groups := map[int]bool{s.members[st.member].Group: true}
		for m := range s.members {
			if m == st.member {
				continue
			}
			j, sim := s.best(i, m)
			if j < 0 || sim < s.o.Agree || used[j] {
				continue
			}
			src := s.members[m].Source
			c.Sources = append(c.Sources, src)
			c.Evidence[src] = s.sents[j].text
			groups[s.members[m].Group] = true
			used[j] = true
		}
		if len(groups) < 2 {
			continue
		}
		used[i] = true
		out = append(out, c)
	}
	sort.SliceStable(out, func(a, b int) bool { return len(out[a].Sources) > len(out[b].Sources) })
	return out
}

// Unique lists, per source, the informative sentences that no other
// independent source reports anything like: sentences of eight words or
// more that name someone or give a number, earliest first, at most
// Options.MaxUnique per source. With a single independent source nothing
// is unique.
func (s *Story) Unique() []news.Unique {
	groups := map[int]bool{}
	for _, m := range s.members {
		groups[m.Group] = true
	}
	if len(groups) < 2 {
		return nil
	}
	var out []news.Unique
	for mi, m := range s.members {
		n := 0
		for _, i := range s.byMem[mi] {
			st := s.sents[i]
			if n >= s.o.MaxUnique {
				break
			}
			if st.nwords < 8 || len(st.names) == 0 && !hasDigit(st.text) {
				continue
			}
			alone := true
			for om, other := range s.members {
				if other.Group == m.Group {
					continue
				}
				if _, sim := s.bestSharing(i, om, 1); sim >= s.o.Alone {
					alone = false
					break
				}
			}
			if alone {
				out = append(out, news.Unique{Source: m.Source, Text: st.text})
				n++
			}
		}
	}
	return out
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}
