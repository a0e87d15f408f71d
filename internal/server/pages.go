package server

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"hash/fnv"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

//go:embed web
var webFS embed.FS

// frontPageSize is how many stories the front page lists per page.
const frontPageSize = 30

func parseTemplates(assetV string) (*template.Template, error) {
	funcs := template.FuncMap{
		"asset":   func(name string) string { return "/static/" + name + "?v=" + assetV },
		"lower":   strings.ToLower,
		"pathEsc": url.PathEscape,
		"slice1":  func(c cite) []cite { return []cite{c} },
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return "1 " + one
			}
			return strconv.Itoa(n) + " " + many
		},
	}
	return template.New("").Funcs(funcs).ParseFS(webFS, "web/templates/*.html")
}

// render executes a page template into a buffer, so that a failure can
// still become an error page.
func (s *Server) render(name string, v any) ([]byte, string, error) {
	var buf bytes.Buffer
	if err := s.tmpl.ExecuteTemplate(&buf, name, v); err != nil {
		return nil, "text/html; charset=utf-8", err
	}
	return buf.Bytes(), "text/html; charset=utf-8", nil
}

// errorView is the model of the error page.
type errorView struct {
	Title, Message string
	Query          string
}

func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, code int, title, msg string) {
	b, ctype, err := s.render("error", errorView{Title: title, Message: msg})
	if err != nil {
		http.Error(w, title, code)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(b)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request, msg string) {
	s.errorPage(w, r, http.StatusNotFound, "Not found", msg)
}

func (s *Server) staticFile(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	b, err := fs.ReadFile(s.static, name)
	if err != nil || strings.Contains(name, "/") {
		http.NotFound(w, r)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	if r.URL.Query().Get("v") == s.assetV {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "public, max-age=300")
	}
	w.Write(b)
}

// mark is one source in a coverage strip.
type mark struct {
	Outlet string
	Class  string
}

// outletClass picks one of eight colours for an outlet name, the same on
// every page.
func outletClass(outlet string) string {
	if outlet == "" {
		return "ox"
	}
	h := fnv.New32a()
	h.Write([]byte(strings.ToLower(outlet)))
	return "o" + strconv.Itoa(int(h.Sum32()%8))
}

// storyItem is one story of the front page.
type storyItem struct {
	ID, Title string
	Updated   time.Time
	Articles  int
	Outlets   []string
	Marks     []mark
}

// hitView is one search hit with its snippet split into plain and
// matched parts.
type hitView struct {
	store.SearchHit
	Parts []snippetPart
}

type snippetPart struct {
	Text  string
	Match bool
}

// splitSnippet turns the store's "[word]" match markers into parts.
func splitSnippet(s string) []snippetPart {
	var out []snippetPart
	for s != "" {
		i := strings.IndexByte(s, '[')
		j := -1
		if i >= 0 {
			j = strings.IndexByte(s[i:], ']')
		}
		if i < 0 || j < 0 {
			out = append(out, snippetPart{Text: s})
			break
		}
		if i > 0 {
			out = append(out, snippetPart{Text: s[:i]})
		}
		out = append(out, snippetPart{Text: s[i+1 : i+j], Match: true})
		s = s[i+j+1:]
	}
	return out
}

// frontView is the model of the front page.
type frontView struct {
	Title   string
	Query   string
	Stories []storyItem
	Hits    []hitView
	Page    int
	Prev    string
	Next    string
	Now     time.Time
}

func storyItems(sts []news.Story) []storyItem {
	out := make([]storyItem, 0, len(sts))
	for _, st := range sts {
		it := storyItem{ID: st.ID, Title: st.Title, Updated: st.Updated, Articles: len(st.Articles)}
		seen := map[string]bool{}
		for _, a := range st.Articles {
			it.Marks = append(it.Marks, mark{Outlet: orDefault(a.Outlet, "unknown outlet"), Class: outletClass(a.Outlet)})
			if a.Outlet != "" && !seen[strings.ToLower(a.Outlet)] {
				seen[strings.ToLower(a.Outlet)] = true
				it.Outlets = append(it.Outlets, a.Outlet)
			}
			if it.Title == "" {
				it.Title = a.Title
			}
		}
		out = append(out, it)
	}
	return out
}

func orDefault(s, d string) string {
	if strings.TrimSpace(s) == "" {
		return d
	}
	return s
}

func (s *Server) frontPage(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	pg, _ := strconv.Atoi(r.URL.Query().Get("page"))
	pg = max(pg, 1)
	s.serveCached(w, r, "list:front:"+r.URL.RawQuery, "", func() ([]byte, string, error) {
		l, err := s.listStories(r.Context(), q, frontPageSize+1, (pg-1)*frontPageSize)
		if err != nil {
			return nil, "", err
		}
		v := frontView{Title: "Stories", Query: q, Page: pg, Now: s.o.Now()}
		if q != "" {
			v.Title = "Search: " + q
		}
		sts := l.Stories
		if q == "" && len(sts) > frontPageSize {
			sts = sts[:frontPageSize]
			v.Next = "/?page=" + strconv.Itoa(pg+1)
		}
		if q == "" && pg > 1 {
			v.Prev = "/?page=" + strconv.Itoa(pg-1)
		}
		v.Stories = storyItems(sts)
		for _, h := range l.Hits {
			v.Hits = append(v.Hits, hitView{SearchHit: h, Parts: splitSnippet(h.Snippet)})
		}
		return s.render("front", v)
	})
}

// cite is one citation mark: the source's number and, where the briefing
// has it, the source's own sentence.
type cite struct {
	Num      int
	Source   string
	Outlet   string
	Evidence string
	EvID     string
	Own      bool // the summary sentence is this source's own
}

// sourceView is one source of a story page.
type sourceView struct {
	Num        int
	ID         string
	Outlet     string
	Title      string
	Published  string
	Href       string // the original article, only when http(s)
	Class      string
	Syndicated []cite
}

type citedView struct {
	Text  string
	Cites []cite
}

// diffPart is one word run of a quote variant compared with the
// reference wording: Op is "" (shared), "ins" (only this source has it)
// or "del" (the reference has it, this source does not).
type diffPart struct {
	Text string
	Op   string
}

type variantView struct {
	Cite  cite
	Parts []diffPart
	Same  bool
}

type quoteView struct {
	Speaker   string
	Text      string
	Agreement string
	Cites     []cite
	Variants  []variantView
}

type speakerView struct {
	Speaker string
	Quotes  []quoteView
}

type claimView struct {
	Cite                 cite
	Before, Value, After string
	Label                string // the compared value when the text does not contain it
}

type discrepancyView struct {
	Kind, About string
	Claims      []claimView
}

type uniqueView struct {
	Cite  cite
	Items []string
}

type eventView struct {
	Date, Text string
	Cites      []cite
}

type entityGroup struct {
	Label string
	Items []citedView
}

// storyView is the model of the story page.
type storyView struct {
	ID, Title, Date string
	Updated         time.Time
	Briefed         bool
	Independent     int
	Sources         []sourceView
	Marks           []mark
	Summary         []citedView
	Compared        []quoteView   // quotes carried by several sources
	Speakers        []speakerView // quotes only one source carries, by speaker
	Discrepancies   []discrepancyView
	Agreements      []citedView
	Unique          []uniqueView
	Timeline        []eventView
	Entities        []entityGroup
	Articles        []news.ArticleRef // members when there is no briefing yet
}

func (s *Server) storyPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	s.serveStory(w, r, "story:page:"+id, id, func(d *storyData) ([]byte, string, error) {
		return s.render("story", newStoryView(d))
	})
}

// newStoryView lays a briefing out for the page: citation numbers,
// evidence per citation, quote variants diffed word by word, discrepancy
// values picked out of their sentences.
func newStoryView(d *storyData) storyView {
	v := storyView{ID: d.story.ID, Title: d.story.Title, Updated: d.story.Updated, Articles: d.story.Articles}
	b := d.b
	if b == nil {
		for _, a := range d.story.Articles {
			v.Marks = append(v.Marks, mark{Outlet: orDefault(a.Outlet, "unknown outlet"), Class: outletClass(a.Outlet)})
		}
		return v
	}
	v.Briefed = true
	if b.Title != "" {
		v.Title = b.Title
	}
	v.Date = b.Date
	num := make(map[string]int, len(b.Sources))
	outlet := make(map[string]string, len(b.Sources))
	for i, src := range b.Sources {
		num[src.ID] = i + 1
		outlet[src.ID] = orDefault(src.Outlet, "unknown outlet")
	}
	mk := func(id string) cite { return cite{Num: num[id], Source: id, Outlet: outlet[id]} }
	// many gives the citations of ids in source order.
	many := func(ids []string) []cite {
		out := make([]cite, 0, len(ids))
		for _, id := range ids {
			out = append(out, mk(id))
		}
		sort.SliceStable(out, func(i, j int) bool { return out[i].Num < out[j].Num })
		return out
	}
	group := map[string]bool{}
	for _, src := range b.Sources {
		key := src.ID
		for _, o := range src.SyndicatedWith {
			key = min(key, o)
		}
		group[key] = true
		sv := sourceView{Num: num[src.ID], ID: src.ID, Outlet: orDefault(src.Outlet, "unknown outlet"), Title: orDefault(src.Title, "untitled"),
			Published: src.Published, Class: outletClass(src.Outlet)}
		if httpURL(src.URL) {
			sv.Href = src.URL
		}
		sv.Syndicated = many(src.SyndicatedWith)
		v.Sources = append(v.Sources, sv)
		v.Marks = append(v.Marks, mark{Outlet: sv.Outlet, Class: sv.Class})
	}
	v.Independent = len(group)
	for i, c := range b.Summary {
		cv := citedView{Text: c.Text, Cites: many(c.Sources)}
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
		qv := quoteView{Speaker: sp, Text: q.Text, Agreement: q.Agreement, Cites: many(q.Sources)}
		if q.Agreement != news.Single && q.Agreement != news.Identical {
			for _, va := range q.Variants {
				parts := wordDiff(diffReference(q, va), va.Text)
				same := true
				for _, p := range parts {
					if p.Op != "" {
						same = false
					}
				}
				qv.Variants = append(qv.Variants, variantView{Cite: mk(va.Source), Parts: parts, Same: same})
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
			v.Speakers = append(v.Speakers, speakerView{Speaker: sp})
		}
		v.Speakers[i].Quotes = append(v.Speakers[i].Quotes, qv)
	}
	for _, dc := range b.Discrepancies {
		dv := discrepancyView{Kind: dc.Kind, About: dc.About}
		surfaces := valueSurfaces(dc.About)
		for _, c := range dc.Claims {
			dv.Claims = append(dv.Claims, newClaimView(mk(c.Source), c, surfaces))
		}
		v.Discrepancies = append(v.Discrepancies, dv)
	}
	for _, c := range b.Agreements {
		cv := citedView{Text: c.Text, Cites: many(c.Sources)}
		v.Agreements = append(v.Agreements, cv)
	}
	bysrc := map[string]int{}
	for _, u := range b.Unique {
		i, ok := bysrc[u.Source]
		if !ok {
			i = len(v.Unique)
			bysrc[u.Source] = i
			v.Unique = append(v.Unique, uniqueView{Cite: mk(u.Source)})
		}
		v.Unique[i].Items = append(v.Unique[i].Items, u.Text)
	}
	sort.SliceStable(v.Unique, func(i, j int) bool { return v.Unique[i].Cite.Num < v.Unique[j].Cite.Num })
	for _, e := range b.Timeline {
		ev := eventView{Date: e.Date, Text: e.Text, Cites: many(e.Sources)}
		v.Timeline = append(v.Timeline, ev)
	}
	groups := map[string]*entityGroup{}
	var order []string
	for _, e := range b.Entities {
		label := entityLabel(e.Type)
		g := groups[label]
		if g == nil {
			g = &entityGroup{Label: label}
			groups[label] = g
			order = append(order, label)
		}
		cv := citedView{Text: e.Name, Cites: many(e.Sources)}
		g.Items = append(g.Items, cv)
	}
	sort.SliceStable(order, func(i, j int) bool { return entityRank(order[i]) < entityRank(order[j]) })
	for _, l := range order {
		v.Entities = append(v.Entities, *groups[l])
	}
	return v
}

// newClaimView picks the compared value out of the claim's sentence: the
// value itself ("nearly two hours"), or the words the discrepancy's About
// gives for it ("Wednesday" for 2017-04-12); otherwise the value is shown
// as a label beside the sentence.
func newClaimView(ct cite, c news.Claim, surfaces map[string]string) claimView {
	cv := claimView{Cite: ct, Before: c.Text}
	if c.Value == "" {
		return cv
	}
	lower := strings.ToLower(c.Text)
	find := func(v string) bool {
		i := strings.Index(lower, strings.ToLower(v))
		if v == "" || i < 0 || len(lower) != len(c.Text) {
			return false
		}
		cv.Before, cv.Value, cv.After = c.Text[:i], c.Text[i:i+len(v)], c.Text[i+len(v):]
		return true
	}
	if find(c.Value) {
		return cv
	}
	cv.Label = c.Value
	find(surfaces[c.Value])
	return cv
}

// surfaceRe finds "WORDS (VALUE)" in a discrepancy's About, as in
// "when: Wednesday (2017-04-12) vs Friday (2017-04-07)".
var surfaceRe = regexp.MustCompile(`(?:^|: |\bvs\.? )([^():]{1,60}?) \(([^()]{1,60})\)`)

// valueSurfaces maps each value named in About to the words given for it.
func valueSurfaces(about string) map[string]string {
	m := map[string]string{}
	for _, g := range surfaceRe.FindAllStringSubmatch(about, -1) {
		m[g[2]] = strings.TrimSpace(g[1])
	}
	return m
}

// diffReference picks what a quote variant is compared with: the group's
// reference wording, or, for the variant that is the reference, the first
// other variant worded differently, so that each side shows what only it
// has (inserted) and what only the other has (deleted).
func diffReference(q news.QuoteGroup, va news.Variant) string {
	if sameWords(va.Text, q.Text) {
		for _, o := range q.Variants {
			if o.Source != va.Source && !sameWords(o.Text, va.Text) {
				return o.Text
			}
		}
	}
	return q.Text
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

// articleView is the model of the article page.
type articleView struct {
	A           *news.Article
	Title       string
	Href        string
	StoryID     string
	ShowRemoved bool
	// Lines is the raw text line by line with removed lines marked, when
	// the removed lines carry line numbers and the raw text is stored.
	Lines []lineView
	// Removed is the list of removed lines otherwise.
	Removed []news.Removed
}

type lineView struct {
	Text    string
	Removed bool
	Reason  string
}

func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	show := r.URL.Query().Get("removed") == "1"
	key := "article:page:" + id
	if show {
		key += ":removed"
	}
	s.serveCached(w, r, key, "a:"+id, func() ([]byte, string, error) {
		v, err := s.newArticleView(r.Context(), id, show)
		if err != nil {
			return nil, "", err
		}
		return s.render("article", v)
	})
}

func (s *Server) newArticleView(ctx context.Context, id string, show bool) (articleView, error) {
	a, err := s.st.Article(ctx, id)
	if err != nil {
		return articleView{}, err
	}
	v := articleView{A: a, Title: orDefault(a.Title, "Untitled article"), ShowRemoved: show}
	if httpURL(a.URL) {
		v.Href = a.URL
	}
	v.StoryID, err = s.st.ArticleStory(ctx, id)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return v, err
	}
	if !show {
		return v, nil
	}
	v.Removed = a.Removed
	byLine := map[int]string{}
	for _, rm := range a.Removed {
		if rm.Line > 0 {
			byLine[rm.Line] = rm.Reason
		}
	}
	if len(byLine) == 0 {
		return v, nil
	}
	raw, err := s.st.RawInput(ctx, id)
	if err != nil || raw.IsHTML() || raw.Text == "" {
		return v, nil // fall back to the list
	}
	lines := strings.Split(strings.ReplaceAll(raw.Text, "\r\n", "\n"), "\n")
	for i, l := range lines {
		reason, removed := byLine[i+1]
		if strings.TrimSpace(l) == "" && !removed {
			if n := len(v.Lines); n > 0 && v.Lines[n-1].Text == "" {
				continue
			}
		}
		v.Lines = append(v.Lines, lineView{Text: l, Removed: removed, Reason: reason})
	}
	v.Removed = nil
	return v, nil
}
