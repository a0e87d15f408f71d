package server

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/listing"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/read"
	"github.com/crosscheck/crosscheck/internal/say"
	"github.com/crosscheck/crosscheck/internal/store"
)

// writeJSON writes v with status code.
func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, code int, v any) {
	b, err := marshal(v)
	if err != nil {
		s.internalError(w, r, fmt.Errorf("encoding the answer: %w", err))
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(b)
}

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// HTML escaping stays on: a JSON answer opened in a browser must not
	// carry markup from an article.
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// internalError logs err and answers 500 without revealing it.
func (s *Server) internalError(w http.ResponseWriter, r *http.Request, err error) {
	s.o.Logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	s.problem(w, r, http.StatusInternalServerError, "the server could not answer; the cause is in its log, try again later")
}

// page parses ?limit= and ?offset=.
func page(r *http.Request) (limit, offset int, err error) {
	q := r.URL.Query()
	for _, f := range []struct {
		name string
		v    *int
	}{{"limit", &limit}, {"offset", &offset}} {
		if s := q.Get(f.name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 {
				return 0, 0, inputError(fmt.Sprintf("query parameter %s must be a whole number 0 or larger, not %q", f.name, s))
			}
			*f.v = n
		}
	}
	return store.Limit(limit), offset, nil
}

// StoryList is the answer of GET /api/stories.
type StoryList struct {
	Stories []ListedStory `json:"stories"`
	Limit   int           `json:"limit"`
	Offset  int           `json:"offset"`
	// Query and Hits are set for a full-text search (?q=): the matching
	// articles best first, and Stories holds their stories in that order.
	Query string            `json:"query,omitempty"`
	Hits  []store.SearchHit `json:"hits,omitempty"`
}

// ListedStory is a story of GET /api/stories with its briefing's counts,
// as `crosscheck stories --format json` lists it.
type ListedStory = listing.ListedStory

// listStories lists stories or, with q, searches articles and lists the
// stories of the hits. Coverage is left nil (see withCoverage).
func (s *Server) listStories(ctx context.Context, q string, limit, offset int) (StoryList, error) {
	out := StoryList{Stories: []ListedStory{}, Limit: limit, Offset: offset, Query: q}
	if strings.TrimSpace(q) == "" {
		out.Query = ""
		sts, err := s.st.Stories(ctx, store.ListOptions{Limit: limit, Offset: offset})
		if err != nil {
			return out, err
		}
		for _, st := range sts {
			out.Stories = append(out.Stories, ListedStory{Story: st})
		}
		return out, nil
	}
	hits, err := s.st.Search(ctx, q, store.Limit(limit+offset))
	if err != nil {
		return out, err
	}
	if offset < len(hits) {
		hits = hits[offset:]
	} else {
		hits = nil
	}
	out.Hits = hits
	if out.Hits == nil {
		out.Hits = []store.SearchHit{}
	}
	seen := map[string]bool{}
	for _, h := range hits {
		if h.StoryID == "" || seen[h.StoryID] {
			continue
		}
		seen[h.StoryID] = true
		st, err := s.st.Story(ctx, h.StoryID)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return out, err
		}
		out.Stories = append(out.Stories, ListedStory{Story: st})
	}
	return out, nil
}

// withCoverage sets each listed story's Coverage from its briefing
// (listing.WithCoverage, as the command line lists them).
func (s *Server) withCoverage(ctx context.Context, l *StoryList) error {
	stories := make([]news.Story, len(l.Stories))
	for i, ls := range l.Stories {
		stories[i] = ls.Story
	}
	listed, err := listing.WithCoverage(ctx, s.st, stories)
	if err != nil {
		return fmt.Errorf("server: %w", err)
	}
	l.Stories = listed
	return nil
}

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	limit, offset, err := page(r)
	if err != nil {
		s.problem(w, r, http.StatusBadRequest, err.Error())
		return
	}
	key := "list:api:" + r.URL.RawQuery
	s.serveCached(w, r, key, "", func() ([]byte, string, error) {
		l, err := s.listStories(r.Context(), r.URL.Query().Get("q"), limit, offset)
		if err != nil {
			return nil, "", err
		}
		if err := s.withCoverage(r.Context(), &l); err != nil {
			return nil, "", err
		}
		b, err := marshal(l)
		return b, "application/json; charset=utf-8", err
	})
}

// StoryAnswer is the answer of GET /api/stories/{id}.
type StoryAnswer struct {
	Story news.Story `json:"story"`
	// Briefing is null while the story has not been briefed yet.
	Briefing *news.Briefing `json:"briefing"`
	// Coverage is the briefing's counts (news.Briefing.Coverage), the
	// ones every page shows; null while the story has not been briefed.
	Coverage        *news.Coverage `json:"coverage"`
	BriefingVersion int64          `json:"briefing_version,omitempty"`
	BriefingUpdated *time.Time     `json:"briefing_updated,omitempty"`
}

// storyData is a story with its briefing as the store has them now.
type storyData struct {
	story   news.Story
	b       *news.Briefing
	info    store.BriefingInfo
	queue   *store.BriefState // the story's briefing-queue entry, if any
	version string
}

// briefStates is the part of store.BriefQueue the story page reads for
// its marker; a Store without it shows none.
type briefStates interface {
	BriefStates(ctx context.Context, storyIDs []string) (map[string]store.BriefState, error)
}

func (s *Server) loadStory(ctx context.Context, id string) (*storyData, error) {
	st, err := s.st.Story(ctx, id)
	if err != nil {
		return nil, err
	}
	d := &storyData{story: st}
	d.b, d.info, err = s.st.Briefing(ctx, st.ID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	d.version = strconv.FormatInt(d.info.Version, 10) + "/" + strconv.FormatInt(st.Updated.UnixMicro(), 10) + "/" + strconv.Itoa(len(st.Articles))
	if q, ok := s.st.(briefStates); ok {
		qs, err := q.BriefStates(ctx, []string{st.ID})
		if err != nil {
			return nil, err
		}
		if e, ok := qs[st.ID]; ok {
			d.queue = &e
			d.version += "/q" + strconv.Itoa(e.Attempts)
		}
	}
	return d, nil
}

func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	s.serveStory(w, r, "story:api:"+id, id, func(d *storyData) ([]byte, string, error) {
		a := StoryAnswer{Story: d.story, Briefing: d.b}
		if d.b != nil {
			c := d.b.Coverage()
			a.Coverage = &c
			a.BriefingVersion = d.info.Version
			t := d.info.Updated
			a.BriefingUpdated = &t
		}
		b, err := marshal(a)
		return b, "application/json; charset=utf-8", err
	})
}

// ArticleAnswer is the answer of GET /api/articles/{id}.
type ArticleAnswer struct {
	// Article is the stored analysis: metadata with provenance, clean
	// paragraphs, removed lines with reasons, sentences, entities,
	// quotes, times, quantities.
	Article *news.Article `json:"article"`
	// Text is the clean body (paragraphs joined by a blank line).
	Text    string `json:"text"`
	StoryID string `json:"story_id,omitempty"`
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	s.serveCached(w, r, "article:api:"+id, "a:"+id, func() ([]byte, string, error) {
		a, err := s.st.Article(r.Context(), id)
		if err != nil {
			return nil, "", err
		}
		sid, err := s.st.ArticleStory(r.Context(), id)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return nil, "", err
		}
		b, err := marshal(ArticleAnswer{Article: a, Text: a.Body(), StoryID: sid})
		return b, "application/json; charset=utf-8", err
	})
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Write(s.openapi)
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	io.WriteString(w, "ok\n")
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	var err error
	if s.o.Ready != nil {
		err = s.o.Ready(ctx)
	} else {
		_, err = s.st.Stats(ctx)
	}
	if err != nil {
		s.o.Logger.Warn("not ready", "err", err)
		w.Header().Set("Retry-After", "5")
		s.problem(w, r, http.StatusServiceUnavailable, "the store does not answer; the cause is in the server's log")
		return
	}
	s.writeJSON(w, r, http.StatusOK, map[string]string{"status": "ready"})
}

// serveCached answers from the cache while the entry is younger than the
// TTL, otherwise builds it again. Store errors: ErrNotFound is 404.
func (s *Server) serveCached(w http.ResponseWriter, r *http.Request, key, story string, build func() ([]byte, string, error)) {
	now := s.o.Now()
	if e := s.cache.get(key); e != nil && now.Sub(e.checked) < s.o.CacheTTL {
		s.writeEntry(w, r, e)
		return
	}
	body, ctype, err := build()
	if err != nil {
		s.buildError(w, r, ctype, err)
		return
	}
	e := &entry{body: body, ctype: ctype, etag: etag(body), story: story, checked: now}
	s.cache.put(key, e)
	s.writeEntry(w, r, e)
}

// serveStory is serveCached for a story: after the TTL the story and its
// briefing are read again, and the page is rendered again only when their
// version changed.
func (s *Server) serveStory(w http.ResponseWriter, r *http.Request, key, id string, render func(*storyData) ([]byte, string, error)) {
	now := s.o.Now()
	e := s.cache.get(key)
	if e != nil && now.Sub(e.checked) < s.o.CacheTTL {
		s.writeEntry(w, r, e)
		return
	}
	d, err := s.loadStory(r.Context(), id)
	if err != nil {
		s.buildError(w, r, contentTypeFor(key), err)
		return
	}
	if e != nil && e.version == d.version {
		s.cache.touch(key, e, now)
		s.writeEntry(w, r, e)
		return
	}
	body, ctype, err := render(d)
	if err != nil {
		s.buildError(w, r, ctype, err)
		return
	}
	e = &entry{body: body, ctype: ctype, etag: etag(body), version: d.version, story: d.story.ID, checked: now}
	s.cache.put(key, e)
	s.writeEntry(w, r, e)
}

func contentTypeFor(key string) string {
	if strings.Contains(key, ":api:") {
		return "application/json"
	}
	return "text/html"
}

func (s *Server) buildError(w http.ResponseWriter, r *http.Request, ctype string, err error) {
	html := !strings.HasPrefix(r.URL.Path, "/api/")
	switch {
	case errors.Is(err, store.ErrNotFound), errors.Is(err, store.ErrInvalid):
		if html {
			s.notFound(w, r, "Nothing is stored under this id.")
		} else {
			s.problem(w, r, http.StatusNotFound, notFoundDetail(r))
		}
	case isInputError(err):
		s.problem(w, r, http.StatusBadRequest, err.Error())
	default:
		if html {
			s.o.Logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
			s.errorPage(w, r, http.StatusInternalServerError, "Something went wrong", "The archive could not be read. Try again in a moment.")
		} else {
			s.internalError(w, r, err)
		}
	}
}

// notFoundDetail says what was not found and where to look instead.
func notFoundDetail(r *http.Request) string {
	what := "story"
	if strings.HasPrefix(r.URL.Path, "/api/articles/") {
		what = "article"
	}
	return fmt.Sprintf("no %s is stored under the id %q; GET /api/stories lists the stories and their articles' ids", what, r.PathValue("id"))
}

func etag(b []byte) string {
	h := fnv.New64a()
	h.Write(b)
	return `"` + strconv.FormatUint(h.Sum64(), 36) + `"`
}

func (s *Server) writeEntry(w http.ResponseWriter, r *http.Request, e *entry) {
	h := w.Header()
	h.Set("Content-Type", e.ctype)
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", e.etag)
	if inm := r.Header.Get("If-None-Match"); inm != "" && inm == e.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(e.body)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(e.body)
}

// ArticleIn is one article posted to POST /api/articles: exactly one of
// Text (plain, possibly scraped text) or HTML (a whole page).
type ArticleIn struct {
	ID        string `json:"id,omitempty"`
	URL       string `json:"url,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	Text      string `json:"text,omitempty"`
	HTML      string `json:"html,omitempty"`
}

// Results of one posted article (IngestResult.Result).
const (
	resultStored    = "stored"
	resultDuplicate = "duplicate"
	resultSkipped   = "skipped"
	resultError     = "error"
)

// IngestResult is the outcome of one posted article.
type IngestResult struct {
	// Line is the 1-based line of an NDJSON body (blank lines count but
	// get no result); 0 for a single article.
	Line int `json:"line,omitempty"`
	// Result is "stored" (a new article), "duplicate" (already stored,
	// nothing changed), "skipped" (read but not stored: not a news
	// article; Error says why) or "error" (Error says what to fix, or,
	// with a 5xx Status, that a retry may help).
	Result string `json:"result"`
	// Status is the HTTP status the article would have had alone: 201
	// stored, 200 duplicate, 422 skipped, 400/409/5xx error.
	Status  int    `json:"status"`
	ID      string `json:"id,omitempty"`
	StoryID string `json:"story_id,omitempty"`
	// Added is Result == "stored" (kept for clients of the first API).
	Added bool   `json:"added"`
	Error string `json:"error,omitempty"`
}

// IngestBatch is the answer to an NDJSON body: one result per non-blank
// line and the count of each kind.
type IngestBatch struct {
	Results    []IngestResult `json:"results"`
	Added      int            `json:"added"`
	Duplicates int            `json:"duplicates"`
	Skipped    int            `json:"skipped"`
	Failed     int            `json:"failed"`
}

// batchProblem is the answer to an NDJSON body of which no line was
// stored and some were skipped or failed: a problem with the batch's
// results as extension members.
type batchProblem struct {
	Problem
	IngestBatch
}

// Field limits of ArticleIn, in bytes.
const (
	maxIDLen    = 256
	maxURLLen   = 4096
	maxMetaLen  = 2048
	maxDateLen  = 64
	ndjsonType  = "application/x-ndjson"
	jsonType    = "application/json"
	jsonlType   = "application/jsonl"
	ingestInput = "api"
	// maxBodySetting is what raises Options.MaxBody, named in a 413.
	maxBodySetting = "the server's --max-body flag"
)

// toRaw checks a posted article and turns it into a news.Raw. It never
// fetches the URL: it is metadata only and must be http or https. Its
// errors are inputErrors.
func (in ArticleIn) toRaw(line int) (news.Raw, error) {
	bad := func(format string, a ...any) (news.Raw, error) {
		return news.Raw{}, inputError(fmt.Sprintf(format, a...))
	}
	hasText, hasHTML := strings.TrimSpace(in.Text) != "", strings.TrimSpace(in.HTML) != ""
	switch {
	case hasText && hasHTML:
		return bad(`give "text" or "html", not both`)
	case !hasText && !hasHTML:
		return bad(`"text" (plain text) or "html" (a whole page) is required`)
	case len(in.ID) > maxIDLen:
		return bad(`"id" is %d bytes, longer than the limit of %d`, len(in.ID), maxIDLen)
	case len(in.URL) > maxURLLen:
		return bad(`"url" is %d bytes, longer than the limit of %d`, len(in.URL), maxURLLen)
	case len(in.Outlet) > maxMetaLen:
		return bad(`"outlet" is %d bytes, longer than the limit of %d`, len(in.Outlet), maxMetaLen)
	case len(in.Title) > maxMetaLen:
		return bad(`"title" is %d bytes, longer than the limit of %d`, len(in.Title), maxMetaLen)
	case len(in.Published) > maxDateLen:
		return bad(`"published" is %d bytes, longer than the limit of %d; give an ISO 8601 date such as 2017-04-12`, len(in.Published), maxDateLen)
	case !utf8.ValidString(in.ID) || strings.ContainsFunc(in.ID, func(r rune) bool { return r < ' ' || r == 0x7f }):
		return bad(`"id" has control characters or invalid UTF-8`)
	}
	if in.URL != "" && !httpURL(in.URL) {
		return bad(`"url" must be an absolute http or https URL (it is never fetched)`)
	}
	// The field given is the article; the other, blank, is not given
	// (readers tell text from HTML by which one is set).
	if hasText {
		in.HTML = ""
	} else {
		in.Text = ""
	}
	input := ingestInput
	switch {
	case in.ID != "":
		input = in.ID
	case line > 0:
		input = ingestInput + ":" + strconv.Itoa(line)
	}
	return news.Raw{ID: strings.TrimSpace(in.ID), Input: input, URL: in.URL, Outlet: strings.TrimSpace(in.Outlet),
		Title: strings.TrimSpace(in.Title), Published: strings.TrimSpace(in.Published), Text: in.Text, HTML: in.HTML}, nil
}

// httpURL reports whether u is an absolute http(s) URL with a host.
func httpURL(u string) bool {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return false
	}
	return p.Scheme == "http" || p.Scheme == "https"
}

// apiIngest is POST /api/articles. A single article answers 201 (stored)
// or 200 (duplicate) with its IngestResult, or a problem with the status
// it failed with. An NDJSON batch answers with one result per line and a
// status that sums them up (batchStatus).
func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) {
	if s.o.Ingest == nil {
		s.problem(w, r, http.StatusNotImplemented, "this server runs without an ingest engine, so it cannot store articles")
		return
	}
	mt := jsonType
	if ct := r.Header.Get("Content-Type"); ct != "" {
		var err error
		if mt, _, err = mime.ParseMediaType(ct); err != nil {
			s.problem(w, r, http.StatusUnsupportedMediaType, fmt.Sprintf("the Content-Type %q cannot be parsed; send application/json (one article) or application/x-ndjson (one per line)", ct))
			return
		}
	}
	if mt != jsonType && mt != ndjsonType && mt != jsonlType {
		s.problem(w, r, http.StatusUnsupportedMediaType, fmt.Sprintf("Content-Type must be application/json (one article) or application/x-ndjson (one per line), not %s", mt))
		return
	}
	// A large batch may take minutes to analyse: extend this request's
	// deadlines beyond the server-wide ones.
	rc := http.NewResponseController(w)
	deadline := time.Now().Add(s.o.IngestTimeout)
	_ = rc.SetReadDeadline(deadline)
	_ = rc.SetWriteDeadline(deadline.Add(time.Minute))
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.o.MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			size := r.ContentLength // -1 when the client did not say
			p := newProblem(r, http.StatusRequestEntityTooLarge,
				say.OverLimit("the body", size, s.o.MaxBody, maxBodySetting)+", or send the articles in smaller batches")
			p.Limit = s.o.MaxBody
			s.writeProblem(w, p, nil)
			return
		}
		s.problem(w, r, http.StatusBadRequest, "the body could not be read to its end; send it again")
		return
	}
	if len(bytes.TrimSpace(body)) == 0 {
		s.problem(w, r, http.StatusBadRequest, `the body is empty: send one JSON article object such as {"text": "…"} or {"html": "…"}, or application/x-ndjson with one per line`)
		return
	}
	// Once the body is accepted the article is ingested to the end even if
	// the client goes away or the server is shutting down.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), s.o.IngestTimeout)
	defer cancel()
	if mt == jsonType {
		s.ingestSingle(ctx, w, r, body)
		return
	}
	var batch IngestBatch
	batch.Results = []IngestResult{}
	for i, line := range bytes.Split(body, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		var in ArticleIn
		var res IngestResult
		if err := json.Unmarshal(line, &in); err != nil {
			res = failed(http.StatusBadRequest, "the line is not one JSON article object: "+read.JSONError(err))
			s.countIngest(res)
		} else {
			res = s.ingestOne(ctx, in, i+1)
		}
		res.Line = i + 1
		switch res.Result {
		case resultStored:
			batch.Added++
		case resultDuplicate:
			batch.Duplicates++
		case resultSkipped:
			batch.Skipped++
		default:
			batch.Failed++
		}
		batch.Results = append(batch.Results, res)
	}
	s.flush(ctx, batch.Results...)
	code := batchStatus(batch)
	if code < 300 {
		s.writeJSON(w, r, code, batch)
		return
	}
	p := newProblem(r, code, batchDetail(batch))
	s.writeProblem(w, p, batchProblem{Problem: p, IngestBatch: batch})
}

// ingestSingle ingests an application/json body of one article.
func (s *Server) ingestSingle(ctx context.Context, w http.ResponseWriter, r *http.Request, body []byte) {
	var in ArticleIn
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&in); err != nil {
		s.countIngest(failed(http.StatusBadRequest, ""))
		s.problem(w, r, http.StatusBadRequest, "the body is not one JSON article object: "+read.JSONError(err))
		return
	}
	if dec.More() {
		s.countIngest(failed(http.StatusBadRequest, ""))
		s.problem(w, r, http.StatusBadRequest, "the body holds more than one JSON value; send several articles as application/x-ndjson, one per line")
		return
	}
	res := s.ingestOne(ctx, in, 0)
	s.flush(ctx, res)
	if res.Result == resultStored || res.Result == resultDuplicate {
		s.writeJSON(w, r, res.Status, res)
		return
	}
	p := newProblem(r, res.Status, res.Error)
	p.ID = res.ID
	s.writeProblem(w, p, nil)
}

// batchStatus sums up a batch: 201 when any line was stored, 200 when
// every line was a duplicate; when none was stored and some were skipped
// or failed, 503 or 500 if a line failed on the server's side (a retry may
// help), else 422 (every line needs the client's attention).
func batchStatus(b IngestBatch) int {
	switch {
	case b.Added > 0:
		return http.StatusCreated
	case b.Skipped+b.Failed == 0:
		return http.StatusOK
	}
	code := http.StatusUnprocessableEntity
	for _, res := range b.Results {
		switch {
		case res.Status == http.StatusServiceUnavailable:
			return res.Status
		case res.Status >= 500:
			code = http.StatusInternalServerError
		}
	}
	return code
}

// batchDetail says why no line of a batch was stored.
func batchDetail(b IngestBatch) string {
	n := len(b.Results)
	var parts []string
	for _, c := range []struct {
		n    int
		what string
	}{{b.Failed, "failed"}, {b.Skipped, "skipped"}, {b.Duplicates, "already stored"}} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.what))
		}
	}
	lines := "lines"
	if n == 1 {
		lines = "line"
	}
	return fmt.Sprintf("none of the %d article %s was stored (%s); results[] gives each line's reason", n, lines, strings.Join(parts, ", "))
}

// failed is the result of an article that was not stored.
func failed(code int, msg string) IngestResult {
	result := resultError
	if code == http.StatusUnprocessableEntity {
		result = resultSkipped
	}
	return IngestResult{Result: result, Status: code, Error: msg}
}

// ingestOne validates and ingests one article.
func (s *Server) ingestOne(ctx context.Context, in ArticleIn, line int) IngestResult {
	raw, err := in.toRaw(line)
	if err != nil {
		res := failed(http.StatusBadRequest, err.Error())
		s.countIngest(res)
		return res
	}
	r, err := s.o.Ingest.IngestRaw(ctx, raw)
	id, sid, added := r.ArticleID, r.StoryID, r.Added
	if err != nil {
		code := s.ingestStatus(err)
		res := failed(code, s.ingestDetail(code, err, raw))
		res.ID = cmp.Or(id, raw.ID)
		if code >= 500 {
			s.o.Logger.Error("ingest failed", "input", raw.Input, "err", err)
		}
		s.countIngest(res)
		return res
	}
	res := IngestResult{ID: id, StoryID: sid, Added: added, Result: resultDuplicate, Status: http.StatusOK}
	if added {
		res.Result, res.Status = resultStored, http.StatusCreated
	}
	s.countIngest(res)
	return res
}

// ingestDetail says why an article was not stored, in words for the
// client; a server-side failure is logged, not shown.
func (s *Server) ingestDetail(code int, err error, raw news.Raw) string {
	switch {
	case code == http.StatusServiceUnavailable:
		return "the server is busy or shutting down and could not store the article in time; send it again later"
	case code >= 500:
		return "the server failed to store the article; the cause is in its log, send it again later"
	case errors.Is(err, store.ErrIDConflict):
		return fmt.Sprintf("the id %q is already used by an article with different content; send this one under another id, or without an id", raw.ID)
	case code == http.StatusUnprocessableEntity:
		return "not stored: " + plainError(err, raw.Input)
	}
	return plainError(err, raw.Input)
}

// flush brings the changed briefings up to date and drops the cached pages
// of the stories the results name.
func (s *Server) flush(ctx context.Context, results ...IngestResult) {
	var ids []string
	added := false
	for _, r := range results {
		if r.Error == "" && r.StoryID != "" {
			ids = append(ids, r.StoryID)
			added = added || r.Added
		}
	}
	if len(ids) == 0 {
		return
	}
	if added {
		if _, err := s.o.Ingest.Flush(ctx); err != nil {
			s.o.Logger.Error("re-briefing after ingest failed", "err", err)
		}
	}
	s.cache.invalidate(ids...)
}

func (s *Server) ingestStatus(err error) int {
	switch {
	case errors.Is(err, ingest.ErrRejected):
		return http.StatusUnprocessableEntity
	case errors.Is(err, store.ErrIDConflict):
		return http.StatusConflict
	case errors.Is(err, store.ErrInvalid), isInputError(err):
		return http.StatusBadRequest
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled), errors.Is(err, store.ErrClosed):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// countIngest counts one posted article by its result.
func (s *Server) countIngest(res IngestResult) {
	result := "error"
	switch {
	case res.Result == resultStored:
		result = "added"
	case res.Result == resultDuplicate:
		result = "duplicate"
	case res.Status < 500:
		result = "rejected"
	}
	s.metrics.ingested.WithLabelValues(result).Inc()
}
