// Package brief assembles the briefing of one story — sources with their
// syndicated copies, a cited summary, the quote ledger, agreements,
// single-source claims, discrepancies, the timeline and the entities — and
// renders it as Markdown, a self-contained HTML page, or JSON.
package brief

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/internal/compare"
	"github.com/crosscheck/crosscheck/internal/entity"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/summarize"
	"github.com/crosscheck/crosscheck/internal/syndicate"
	"github.com/crosscheck/crosscheck/internal/timex"
)

// Options configures a Briefer. The zero value means the defaults.
type Options struct {
	// Words is the summary's word budget (default 250).
	Words int
	// Stem normalises words for every comparison (nil: none).
	Stem func(string) string
	// Syndicate tunes copy detection.
	Syndicate syndicate.Options
	// TimelinePerDate caps the events kept for one date (default 3).
	TimelinePerDate int
}

// Briefer writes briefings. It is safe for concurrent use.
type Briefer struct {
	o     Options
	sum   *summarize.Summarizer
	timex *timex.Tagger
}

// New returns a Briefer.
func New(o Options) *Briefer {
	return &Briefer{o: o, sum: summarize.New(summarize.Options{Words: o.Words}, o.Stem), timex: timex.New()}
}

// Members turns analysed articles into story members: each gets a unique
// source id (its article id, suffixed "-2", "-3"... when the id is taken;
// "s1", "s2"... by position when it has none) and the
// independent-source group of its syndication cluster. Articles flagged as
// not-an-article are left out.
func Members(arts []*news.Article, o syndicate.Options) []news.Member {
	var kept []*news.Article
	for _, a := range arts {
		if a != nil && a.NotArticle == "" {
			kept = append(kept, a)
		}
	}
	texts := make([]string, len(kept))
	for i, a := range kept {
		texts[i] = a.Body()
	}
	groups := syndicate.Groups(texts, o)
	// Ids given by the articles come first, so that a made-up id never
	// takes the place of a real one ("a", "a", "a-2" -> "a", "a-3", "a-2").
	used := map[string]bool{}
	for _, a := range kept {
		used[a.ID] = true
	}
	out := make([]news.Member, len(kept))
	claimed := map[string]bool{}
	for i, a := range kept {
		id := a.ID
		if id == "" {
			id = "s" + strconv.Itoa(i+1)
		}
		if claimed[id] || a.ID == "" && used[id] {
			base := id
			for n := 2; claimed[id] || used[id]; n++ {
				id = base + "-" + strconv.Itoa(n)
			}
		}
		claimed[id] = true
		out[i] = news.Member{Article: a, Source: id, Group: groups[i]}
	}
	return out
}

// Brief writes the briefing of the story made of arts.
func (b *Briefer) Brief(arts []*news.Article) *news.Briefing {
	members := Members(arts, b.o.Syndicate)
	br := &news.Briefing{
		Sources:       []news.Source{},
		Summary:       []news.Cited{},
		Quotes:        []news.QuoteGroup{},
		Agreements:    []news.Cited{},
		Unique:        []news.Unique{},
		Discrepancies: []news.Discrepancy{},
		Timeline:      []news.Event{},
		Entities:      []news.EntityRef{},
	}
	for i, m := range members {
		s := news.Source{ID: m.Source, Outlet: m.Article.Outlet, Title: m.Article.Title, URL: m.Article.URL,
			Published: m.Article.Published, SyndicatedWith: []string{}}
		for j, o := range members {
			if j != i && o.Group == m.Group {
				s.SyndicatedWith = append(s.SyndicatedWith, o.Source)
			}
		}
		br.Sources = append(br.Sources, s)
	}
	br.Date = storyDate(members)
	if len(members) == 0 {
		return br
	}
	first, latest := coverage(members)
	ref := b.lendDate(members, br.Date)
	br.Time = news.StoryTime{Event: eventDay(members, first, latest, ref, br.Date), First: first, Latest: latest}
	br.Title = b.headline(members)
	br.Summary = nonNil(b.sum.Summarize(members))
	quotes, attribution := compare.Ledger(members)
	br.Quotes = nonNil(quotes)
	st := compare.NewStory(members, compare.Options{Stem: b.o.Stem})
	br.Agreements = nonNil(st.Agreements())
	br.Unique = nonNil(st.Unique())
	br.Discrepancies = nonNil(st.Discrepancies(attribution))
	br.Timeline = nonNil(st.Timeline(b.o.TimelinePerDate))
	br.Entities = entities(members)
	return br
}

// lendDate gives the articles with no known publication date a reference
// date and resolves their times again against it: relative expressions
// ("Wednesday", "last week") mean nothing without one. The date is the
// story's own (the most common day its dated articles were published on),
// or, when no article is dated, what timex infers from all of the story's
// texts together — adopted only at timex.AdoptConfidence, which on the
// development data keeps adopted dates right within two days over 80% of
// the time. Members get copies; the caller's articles are not changed. It
// returns the date lent ("" when none).
func (b *Briefer) lendDate(members []news.Member, date string) string {
	from, conf := "story", 0.5
	if date == "" {
		arts := make([]*news.Article, len(members))
		for i, m := range members {
			arts[i] = m.Article
		}
		d, c, _, ok := timex.InferStoryReference(arts)
		if !ok || c < timex.AdoptConfidence {
			return ""
		}
		date, from, conf = d.Format("2006-01-02"), "inferred", c
	}
	for i, m := range members {
		if m.Article.Published != "" {
			continue
		}
		a := *m.Article
		a.Published, a.PublishedFrom, a.PublishedConfidence = date, from, conf
		b.timex.Tag(&a)
		members[i].Article = &a
	}
	return date
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// storyDate is the most common publication day of the members (the
// earliest of equals); publication dates that are not ISO 8601 are
// ignored.
func storyDate(members []news.Member) string {
	count := map[string]int{}
	best := ""
	for _, m := range members {
		day, ok := timex.ParseDate(m.Article.Published)
		if !ok {
			continue
		}
		d := day.Format("2006-01-02")
		count[d]++
		if count[d] > count[best] || count[d] == count[best] && d < best {
			best = d
		}
	}
	return best
}

// entities lists the story's entities resolved across articles, the most
// widely mentioned first.
func entities(members []news.Member) []news.EntityRef {
	arts := make([]*news.Article, len(members))
	for i, m := range members {
		arts[i] = m.Article
	}
	out := []news.EntityRef{}
	for _, g := range entity.Resolve(arts) {
		ref := news.EntityRef{Name: g.Name, Type: g.Type}
		for _, ai := range g.Articles {
			ref.Sources = append(ref.Sources, members[ai].Source)
		}
		out = append(out, ref)
	}
	// The reporters of the story are people of it too (bylines).
	seen := map[string]int{}
	for i, e := range out {
		seen[strings.ToLower(e.Name)] = i
	}
	for _, m := range members {
		for _, name := range m.Article.Byline {
			k := strings.ToLower(name)
			if i, ok := seen[k]; ok {
				if !slices.Contains(out[i].Sources, m.Source) {
					out[i].Sources = append(out[i].Sources, m.Source)
				}
				continue
			}
			seen[k] = len(out)
			out = append(out, news.EntityRef{Name: name, Type: news.Person, Sources: []string{m.Source}})
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if len(out[a].Sources) != len(out[b].Sources) {
			return len(out[a].Sources) > len(out[b].Sources)
		}
		return strings.ToLower(out[a].Name) < strings.ToLower(out[b].Name)
	})
	return out
}
