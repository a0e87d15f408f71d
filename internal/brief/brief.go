// Package brief assembles the briefing of one story — sources with their
// syndicated copies, a cited summary, the quote ledger, agreements,
// single-source claims, discrepancies, the timeline and the entities — and
// renders it as Markdown, a self-contained HTML page, or JSON.
package brief

import (
	"context"
	"fmt"
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
// not-an-article are left out. It returns ctx.Err() when ctx is cancelled
// while copies are sought.
func Members(ctx context.Context, arts []*news.Article, o syndicate.Options) ([]news.Member, error) {
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
	groups, err := syndicate.Groups(ctx, texts, o)
	if err != nil {
		return nil, fmt.Errorf("brief: members: %w", err)
	}
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
	return out, nil
}

// Brief writes the briefing of the story made of arts. Every stage checks
// ctx as it goes: a cancelled ctx ends the briefing promptly with an error
// wrapping ctx.Err(), whatever the size of the story.
func (b *Briefer) Brief(ctx context.Context, arts []*news.Article) (*news.Briefing, error) {
	members, err := Members(ctx, arts, b.o.Syndicate)
	if err != nil {
		return nil, err
	}
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
		return br, nil
	}
	first, latest := coverage(members)
	ref, err := b.lendDate(ctx, members, br.Date)
	if err != nil {
		return nil, err
	}
	br.Time = news.StoryTime{Event: eventDay(members, first, latest, ref, br.Date), First: first, Latest: latest}
	br.Title = b.headline(members)
	st, err := compare.NewStory(ctx, members, compare.Options{Stem: b.o.Stem})
	if err != nil {
		return nil, fmt.Errorf("brief: %w", err)
	}
	// The summary cites what st's one alignment decision says each source
	// states, as the agreements and single-source claims do.
	if br.Summary, err = b.sum.Summarize(ctx, members, st.Cite); err != nil {
		return nil, fmt.Errorf("brief: %w", err)
	}
	quotes, attribution, err := compare.Ledger(ctx, members)
	if err != nil {
		return nil, fmt.Errorf("brief: %w", err)
	}
	br.Quotes = quotes
	if br.Agreements, err = st.Agreements(ctx); err != nil {
		return nil, fmt.Errorf("brief: %w", err)
	}
	if br.Unique, err = st.Unique(ctx); err != nil {
		return nil, fmt.Errorf("brief: %w", err)
	}
	if br.Discrepancies, err = st.Discrepancies(ctx, attribution); err != nil {
		return nil, fmt.Errorf("brief: %w", err)
	}
	if br.Timeline, err = st.Timeline(ctx, b.o.TimelinePerDate); err != nil {
		return nil, fmt.Errorf("brief: %w", err)
	}
	br.Entities = entities(members)
	br.Summary, br.Quotes, br.Agreements, br.Unique = nonNil(br.Summary), nonNil(br.Quotes), nonNil(br.Agreements), nonNil(br.Unique)
	br.Discrepancies, br.Timeline = nonNil(br.Discrepancies), nonNil(br.Timeline)
	return br, nil
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
func (b *Briefer) lendDate(ctx context.Context, members []news.Member, date string) (string, error) {
	from, conf := "story", 0.5
	if date == "" {
		arts := make([]*news.Article, len(members))
		for i, m := range members {
			arts[i] = m.Article
		}
		d, c, _, ok := timex.InferStoryReference(arts)
		if !ok || c < timex.AdoptConfidence {
			return "", nil
		}
		date, from, conf = d.Format("2006-01-02"), "inferred", c
	}
	for i, m := range members {
		if err := ctx.Err(); err != nil {
			return "", fmt.Errorf("brief: lend date: %w", err)
		}
		if m.Article.Published != "" {
			continue
		}
		a := *m.Article
		a.Published, a.PublishedFrom, a.PublishedConfidence = date, from, conf
		if err := b.timex.Analyze(&a); err != nil {
			continue // the member keeps its article and its own times
		}
		members[i].Article = &a
	}
	return date, nil
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
		if !g.Listed() {
			continue // no evidence it is the person or body it seems (entity.Group.Listed)
		}
		ref := news.EntityRef{Name: g.Name, Type: g.Type}
		for _, ai := range g.Articles {
			ref.Sources = append(ref.Sources, members[ai].Source)
		}
		out = append(out, ref)
	}
	// The reporters of the story are people of it too (bylines), held to
	// the gate's checks on a name alone ("Associated Press" and "The
	// Editorial Board" sign articles too).
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
			if !entity.BylinePerson(name) {
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
