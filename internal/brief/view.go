package brief

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck/internal/news"
)

// View is a briefing laid out for reading: sources numbered from 1,
// citations sorted, quotes split into compared and single-source ones,
// discrepancy values marked in their sentences, entities grouped by type.
// Every renderer of a briefing (Markdown, the HTML body, the web server's
// story page) reads a View, so that they cannot drift apart. It holds
// only what the briefing stores; nothing is recomputed.
type View struct {
	Title string // "" when the briefing has none
	Date  string
	// When is the story's time as every listing words it
	// (news.StoryTime.Phrase: "happened 12 Apr 2017 · reported 12–13 Apr
	// 2017"); for a briefing stored without a story time, its date as
	// When words it; "" when neither is known.
	When string
	// Coverage is the story's counts (news.Briefing.Coverage) and
	// Counts their wording.
	Coverage      news.Coverage
	Counts        string
	Sources       []SourceView
	Summary       []CitedView
	Compared      []QuoteView   // statements several sources quote
	Speakers      []SpeakerView // statements one source quotes, by speaker
	Discrepancies []DiscrepancyView
	Agreements    []CitedView
	Unique        []UniqueView // by source, in source order
	Timeline      []CitedView  // Date set
	Entities      []EntityGroup
}

// Cite is one citation mark: the source's number and, where the briefing
// has it, the source's own sentence.
type Cite struct {
	Num      int
	Source   string
	Outlet   string // news.OutletName of the source
	Marker          // the outlet's colour class and label (Markers)
	Evidence string
	// EvID is the HTML id of the evidence element ("ev-0-1": summary
	// sentence 0, citation 1); set in the summary only.
	EvID string
	Own  bool // the cited sentence is this source's own
}

// SourceView is one source of the briefing.
type SourceView struct {
	Cite
	Title     string // ArticleTitle: "Untitled article" when unknown
	Published string
	When      string // Published for people (When)
	URL       string
	// First is set on the one source published before every other.
	First      bool
	Syndicated []Cite // the other copies of the same wire story
	// Page and Original are links for the source's title and an
	// "original" link; a renderer that has pages sets them (the View
	// leaves them empty: a briefing file links nowhere).
	Page, Original string
}

// CitedView is a sentence with its citations.
type CitedView struct {
	Date  string
	When  string // Date for people (EventDate); timeline entries only
	Text  string
	Cites []Cite
}

// DiffPart is one run of a quote variant as shown: Op is the
// news.DiffPart op; Before and After are the spacing that goes outside
// the marked run.
type DiffPart struct {
	Op                  string
	Before, Text, After string
}

// VariantView is one source's wording of a compared statement.
type VariantView struct {
	Cite Cite
	// Against is the source whose wording this one is compared with;
	// nil when not compared. The marks read "only Cite" (ins) and "only
	// Against" (del), so a reader sees who wrote what.
	Against *Cite
	Text    string
	Parts   []DiffPart // empty when the briefing stores no comparison
	Same    bool       // the comparison found no word of difference
	// Inserts and Deletes say which marks Parts holds, so that a legend
	// explains only the marks a reader sees.
	Inserts, Deletes bool
}

// QuoteView is one statement with how each source quoted it.
type QuoteView struct {
	Speaker   string // "Unattributed" when unknown
	Text      string
	Agreement string
	Cites     []Cite
	Variants  []VariantView // for reworded and partial statements
}

// SpeakerView is one speaker's single-source statements.
type SpeakerView struct {
	Speaker string
	Quotes  []QuoteView
}

// SideView is one side of a discrepancy: a source's sentence with the
// words stating its value marked (Before, Value, After), and the value
// itself as Label when those words do not spell it.
type SideView struct {
	Cite                 Cite
	Before, Value, After string
	Label                string
}

// DiscrepancyView is a point on which sources contradict each other.
type DiscrepancyView struct {
	Kind, About string
	Sides       []SideView
}

// UniqueView is what one source alone reports.
type UniqueView struct {
	Cite  Cite
	Items []string
}

// EntityGroup is the entities of one type.
type EntityGroup struct {
	Label string // "People", "Organisations", "Places", "Other"
	Items []CitedView
}

// NewView lays briefing b out for reading.
func NewView(b *news.Briefing) *View {
	v := &View{Title: b.Title, Date: b.Date, Coverage: b.Coverage()}
	switch {
	case !b.Time.IsZero():
		v.When = b.Time.Phrase()
	case strings.TrimSpace(b.Date) != "":
		v.When = When(b.Date)
	}
	v.Counts = Counts(v.Coverage)
	num := make(map[string]int, len(b.Sources))
	outlet := make(map[string]string, len(b.Sources))
	names := make([]string, len(b.Sources))
	for i, src := range b.Sources {
		num[src.ID] = i + 1
		names[i] = news.OutletName(src.Outlet, src.URL)
		outlet[src.ID] = names[i]
	}
	markers := Markers(names)
	one := func(id string) Cite {
		return Cite{Num: num[id], Source: id, Outlet: outlet[id], Marker: markers[strings.ToLower(outlet[id])]}
	}
	// many gives the citations of ids in source order.
	many := func(ids []string) []Cite {
		out := make([]Cite, 0, len(ids))
		for _, id := range ids {
			out = append(out, one(id))
		}
		sort.SliceStable(out, func(i, j int) bool { return out[i].Num < out[j].Num })
		return out
	}
	first := firstReported(b.Sources)
	for i, src := range b.Sources {
		v.Sources = append(v.Sources, SourceView{Cite: one(src.ID), Title: ArticleTitle(src.Title),
			Published: src.Published, When: When(src.Published), URL: src.URL, First: i == first, Syndicated: many(src.SyndicatedWith)})
	}
	for i, c := range b.Summary {
		cv := CitedView{Text: c.Text, Cites: many(c.Sources)}
		for j := range cv.Cites {
			ct := &cv.Cites[j]
			ct.Evidence = c.Evidence[ct.Source]
			ct.Own = ct.Evidence == c.Text
			ct.EvID = "ev-" + strconv.Itoa(i) + "-" + strconv.Itoa(j)
		}
		v.Summary = append(v.Summary, cv)
	}
	speakers := map[string]int{}
	for _, q := range b.Quotes {
		sp := orDefault(q.Speaker, "Unattributed")
		qv := QuoteView{Speaker: sp, Text: q.Text, Agreement: q.Agreement, Cites: many(q.Sources)}
		if q.Agreement == news.Reworded || q.Agreement == news.Partial {
			for _, va := range q.Variants {
				vv := newVariantView(one(va.Source), va)
				if va.Against != "" && len(vv.Parts) > 0 {
					ag := one(va.Against)
					vv.Against = &ag
				}
				qv.Variants = append(qv.Variants, vv)
			}
		}
		if len(q.Sources) > 1 || q.Agreement != news.Single {
			v.Compared = append(v.Compared, qv)
			continue
		}
		i, ok := speakers[sp]
		if !ok {
			i = len(v.Speakers)
			speakers[sp] = i
			v.Speakers = append(v.Speakers, SpeakerView{Speaker: sp})
		}
		v.Speakers[i].Quotes = append(v.Speakers[i].Quotes, qv)
	}
	for _, d := range b.Discrepancies {
		v.Discrepancies = append(v.Discrepancies, newDiscrepancyView(d, one))
	}
	for _, c := range b.Agreements {
		v.Agreements = append(v.Agreements, CitedView{Text: c.Text, Cites: many(c.Sources)})
	}
	bysrc := map[string]int{}
	for _, u := range b.Unique {
		i, ok := bysrc[u.Source]
		if !ok {
			i = len(v.Unique)
			bysrc[u.Source] = i
			v.Unique = append(v.Unique, UniqueView{Cite: one(u.Source)})
		}
		v.Unique[i].Items = append(v.Unique[i].Items, u.Text)
	}
	sort.SliceStable(v.Unique, func(i, j int) bool { return v.Unique[i].Cite.Num < v.Unique[j].Cite.Num })
	for _, e := range b.Timeline {
		v.Timeline = append(v.Timeline, CitedView{Date: e.Date, When: EventDate(e.Date), Text: e.Text, Cites: many(e.Sources)})
	}
	groups := map[string]int{}
	for _, e := range b.Entities {
		label := entityLabel(e.Type)
		i, ok := groups[label]
		if !ok {
			i = len(v.Entities)
			groups[label] = i
			v.Entities = append(v.Entities, EntityGroup{Label: label})
		}
		v.Entities[i].Items = append(v.Entities[i].Items, CitedView{Text: e.Name, Cites: many(e.Sources)})
	}
	sort.SliceStable(v.Entities, func(i, j int) bool { return entityRank(v.Entities[i].Label) < entityRank(v.Entities[j].Label) })
	return v
}

// newVariantView lays out the comparison compare stored for a variant:
// a deleted run takes a space on the side where its neighbours have none,
// and spacing at the edge of a marked run goes outside the mark.
func newVariantView(ct Cite, va news.Variant) VariantView {
	vv := VariantView{Cite: ct, Text: va.Text, Same: len(va.Parts) > 0}
	for i, p := range va.Parts {
		switch p.Op {
		case news.DiffInsert:
			vv.Same, vv.Inserts = false, true
		case news.DiffDelete:
			vv.Same, vv.Deletes = false, true
		}
		dp := DiffPart{Op: p.Op, Text: p.Text}
		if p.Op == news.DiffDelete {
			after := i == 0 || strings.TrimRightFunc(va.Parts[i-1].Text, unicode.IsSpace) != va.Parts[i-1].Text
			switch {
			case after && i < len(va.Parts)-1:
				dp.After = " "
			case !after:
				dp.Before = " "
			}
		} else if p.Op != news.DiffSame {
			trimmed := strings.TrimRightFunc(p.Text, unicode.IsSpace)
			dp.Text, dp.After = trimmed, p.Text[len(trimmed):]
		}
		vv.Parts = append(vv.Parts, dp)
	}
	return vv
}

// newDiscrepancyView is the one place a discrepancy's stored fields become
// what a reader sees: each side's source, sentence and value, the value's
// words marked where compare located them. Further typed evidence of a
// discrepancy belongs here and in the "briefing-evidence" template.
func newDiscrepancyView(d news.Discrepancy, cite func(string) Cite) DiscrepancyView {
	dv := DiscrepancyView{Kind: d.Kind, About: d.About}
	for _, c := range d.Claims {
		sv := SideView{Cite: cite(c.Source), Before: c.Text, Label: c.Value}
		if sp := c.Span; sp != nil && 0 <= sp.Start && sp.Start < sp.End && sp.End <= len(c.Text) {
			sv.Before, sv.Value, sv.After = c.Text[:sp.Start], c.Text[sp.Start:sp.End], c.Text[sp.End:]
			if strings.EqualFold(sv.Value, c.Value) {
				sv.Label = ""
			}
		}
		dv.Sides = append(dv.Sides, sv)
	}
	return dv
}

func orDefault(s, d string) string {
	if strings.TrimSpace(s) == "" {
		return d
	}
	return s
}

// entityLabel names an entity type for people.
func entityLabel(t string) string {
	switch t {
	case news.Person:
		return "People"
	case news.Organization:
		return "Organisations"
	case news.Place:
		return "Places"
	}
	return "Other"
}

func entityRank(label string) int {
	switch label {
	case "People":
		return 0
	case "Organisations":
		return 1
	case "Places":
		return 2
	}
	return 3
}
