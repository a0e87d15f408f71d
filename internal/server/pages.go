package server

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"html/template"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/say"
	"github.com/crosscheck/crosscheck/internal/store"
)

//go:embed web
var webFS embed.FS

// frontPageSize is how many stories the front page lists per page.
const frontPageSize = 30

func parseTemplates(assetV string) (*template.Template, error) {
	funcs := template.FuncMap{
		"asset":     func(name string) string { return "/static/" + name + "?v=" + assetV },
		"lower":     strings.ToLower,
		"pathEsc":   url.PathEscape,
		"plural":    say.Count,
		"outlet":    news.OutletName,
		"unbriefed": brief.NotBriefed,
		// one wording of titles and dates in every view (see brief)
		"articleTitle": brief.ArticleTitle,
		"storyTitle":   brief.StoryTitle,
		"when":         brief.When,
		"stamp":        brief.Stamp,
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
	b, ok := s.static[name]
	if !ok {
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

// mark is one source in a coverage strip: its outlet's name and marker.
type mark struct {
	Outlet string
	brief.Marker
}

// viewMarks is the strip of a briefed story, one mark per source.
func viewMarks(bv *brief.View) []mark {
	out := make([]mark, 0, len(bv.Sources))
	for _, src := range bv.Sources {
		out = append(out, mark{Outlet: src.Outlet, Marker: src.Marker})
	}
	return out
}

// refMarks is the strip of a story not briefed yet, from its article refs.
func refMarks(refs []news.ArticleRef) []mark {
	names := make([]string, len(refs))
	for i, a := range refs {
		names[i] = news.OutletName(a.Outlet, "")
	}
	ms := brief.Markers(names)
	out := make([]mark, 0, len(refs))
	for _, n := range names {
		out = append(out, mark{Outlet: n, Marker: ms[strings.ToLower(n)]})
	}
	return out
}

// storyItem is one story of the front page.
type storyItem struct {
	ID, Title string
	Time      news.StoryTime
	Updated   time.Time
	Articles  int
	// Counts words the briefing's coverage (brief.Counts); "" when the
	// story is not briefed yet.
	Counts  string
	Outlets []string
	Marks   []mark
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

// outletNames are the outlets a story card lists under its counts: each
// named outlet once, and the articles whose outlet is not given counted
// ("3 outlets not given"), as the counts above count each as an outlet.
func outletNames(marks []mark) []string {
	var out []string
	seen := map[string]bool{}
	notGiven, at := 0, -1
	for _, m := range marks {
		if m.Outlet == news.OutletNotGiven {
			if notGiven++; at < 0 {
				at = len(out)
				out = append(out, "")
			}
			continue
		}
		if k := strings.ToLower(m.Outlet); !seen[k] {
			seen[k] = true
			out = append(out, m.Outlet)
		}
	}
	if at >= 0 {
		out[at] = say.Count(notGiven, news.OutletNotGiven, "outlets not given")
		if notGiven == 1 {
			out[at] = news.OutletNotGiven
		}
	}
	return out
}

// storyItems lists sts with their briefings' coverage: a briefed story
// shows the counts and outlets of its briefing, as its own page does.
func (s *Server) storyItems(ctx context.Context, sts []news.Story) ([]storyItem, error) {
	out := make([]storyItem, 0, len(sts))
	for _, st := range sts {
		it := storyItem{ID: st.ID, Title: st.Title, Time: st.Time, Updated: st.Updated, Articles: len(st.Articles)}
		b, _, err := s.st.Briefing(ctx, st.ID)
		switch {
		case err == nil:
			bv := brief.NewView(b)
			it.Counts, it.Marks = bv.Counts, viewMarks(bv)
		case errors.Is(err, store.ErrNotFound):
			it.Marks = refMarks(st.Articles)
		default:
			return nil, err
		}
		it.Outlets = outletNames(it.Marks)
		for _, a := range st.Articles {
			if it.Title == "" {
				it.Title = a.Title
			}
		}
		out = append(out, it)
	}
	return out, nil
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
		sts := make([]news.Story, len(l.Stories))
		for i, ls := range l.Stories {
			sts[i] = ls.Story
		}
		if q == "" && len(sts) > frontPageSize {
			sts = sts[:frontPageSize]
			v.Next = "/?page=" + strconv.Itoa(pg+1)
		}
		if q == "" && pg > 1 {
			v.Prev = "/?page=" + strconv.Itoa(pg-1)
		}
		if v.Stories, err = s.storyItems(r.Context(), sts); err != nil {
			return nil, "", err
		}
		for _, h := range l.Hits {
			v.Hits = append(v.Hits, hitView{SearchHit: h, Parts: splitSnippet(h.Snippet)})
		}
		return s.render("front", v)
	})
}

// storyView is the model of the story page: the site's header around the
// briefing body, which brief renders (the one HTML rendering of a
// briefing).
type storyView struct {
	ID, Title, Date string
	Time            news.StoryTime
	Updated         time.Time
	Briefed         bool
	Queue           string // the briefing-queue marker ("briefing being updated"); "" when current
	Marks           []mark
	// Coverage is the briefing's coverage header (brief.Coverage): the
	// counts and each outlet with its headline and time.
	Coverage template.HTML
	Body     template.HTML
	Articles []news.ArticleRef // members when there is no briefing yet
}

func (s *Server) storyPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	s.serveStory(w, r, "story:page:"+id, id, func(d *storyData) ([]byte, string, error) {
		v, err := newStoryView(d)
		if err != nil {
			return nil, "", err
		}
		return s.render("story", v)
	})
}

// newStoryView wraps the stored briefing's view in the page: a coverage
// strip, and links from each source to its article page and, when it is
// http(s), to the original.
func newStoryView(d *storyData) (storyView, error) {
	v := storyView{ID: d.story.ID, Title: d.story.Title, Time: d.story.Time, Updated: d.story.Updated, Articles: d.story.Articles}
	if d.queue != nil {
		v.Queue = d.queue.String()
	}
	if d.b == nil {
		v.Marks = refMarks(d.story.Articles)
		return v, nil
	}
	bv := brief.NewView(d.b)
	v.Briefed, v.Date, v.Marks = true, bv.Date, viewMarks(bv)
	if !d.b.Time.IsZero() {
		v.Time = d.b.Time
	}
	if bv.Title != "" {
		v.Title = bv.Title
	}
	for i := range bv.Sources {
		src := &bv.Sources[i]
		src.Page = "/articles/" + url.PathEscape(src.Source)
		if httpURL(src.URL) {
			src.Original = src.URL
		}
	}
	var head bytes.Buffer
	if err := brief.Coverage(&head, bv); err != nil {
		return v, err
	}
	v.Coverage = template.HTML(head.String()) // rendered by html/template, escaped there
	var body bytes.Buffer
	if err := brief.Body(&body, bv); err != nil {
		return v, err
	}
	v.Body = template.HTML(body.String()) // rendered by html/template, escaped there
	return v, nil
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
	v := articleView{A: a, Title: brief.ArticleTitle(a.Title), ShowRemoved: show}
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
