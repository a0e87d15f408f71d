// Package server is crosscheck's HTTP face: a JSON API over the store
// (stories, briefings, analysed articles, full-text search, article
// ingest), server-rendered web pages (front page, story briefing, article
// with what the cleaner removed), health and readiness probes, Prometheus
// metrics and an OpenAPI 3.1 document.
//
// It consumes a store (the narrow Store interface below) and, for ingest,
// a function value that analyses, stores, clusters and re-briefs one raw
// article; it never imports the ingest engine and never fetches a URL.
// Every article string is untrusted: pages are rendered with html/template,
// served with a strict Content-Security-Policy (no inline script or style)
// and the CSS and JS are embedded static files.
//
// A Server is built once per process with New and is safe for concurrent
// use; Serve runs it on a listener until its context is cancelled and then
// shuts down gracefully, finishing in-flight requests.
package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"hash/fnv"
	"html/template"
	"io/fs"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Sentinel errors.
var (
	// ErrNoStore: Options.Store is nil.
	ErrNoStore = errors.New("server: no store")
	// ErrOptions: an option is out of range.
	ErrOptions = errors.New("server: invalid option")
)

// Store is what the server reads. store.Store satisfies it.
type Store interface {
	store.StoryReader
	store.ArticleReader
	store.Briefings
	store.Searcher
	// Stats counts stored rows; /readyz uses it as a ping when
	// Options.Ready is nil.
	Stats(ctx context.Context) (store.Stats, error)
}

// Ingester stores the articles POSTed to /api/articles: *ingest.Engine.
type Ingester interface {
	// IngestRaw analyses, stores and clusters one raw article; an error
	// wrapping ingest.ErrRejected (not an article) is answered 422.
	IngestRaw(ctx context.Context, raw news.Raw) (ingest.Result, error)
	// Flush queues the briefings of the changed stories (they are built
	// in the background, by the engine's Work); the server calls it once
	// after a POST's articles were ingested and before it is answered. An
	// error is logged, not returned to the client: the articles are
	// stored.
	Flush(ctx context.Context) (int, error)
	// StartWork starts building the queued briefings in the background
	// (the engine's Work) and returns the function that stops it and waits
	// for it; Serve runs it while it serves, off the request path.
	StartWork(ctx context.Context) (stop func())
}

// Defaults of Options.
const (
	DefaultMaxBody       = 20 << 20
	DefaultCacheTTL      = time.Second
	DefaultCacheEntries  = 2048
	DefaultShutdownGrace = 60 * time.Second
	DefaultIngestTimeout = 10 * time.Minute
)

// Options configures a Server. The zero value of every field but Store
// means its default.
type Options struct {
	// Store is read by every page and API call. Required.
	Store Store
	// Ingest handles POST /api/articles (the ingest engine); nil answers
	// 501.
	Ingest Ingester
	// Token is the bearer token that guards ingest (and reads with
	// GuardReads). Empty: ingest is refused with 403 unless OpenIngest.
	Token string
	// OpenIngest allows ingest without a token when Token is empty.
	OpenIngest bool
	// GuardReads requires the token for pages, API reads and metrics
	// too (Bearer, or HTTP Basic with the token as password so that a
	// browser can log in). Probes, static files and the OpenAPI document
	// stay open. Needs Token.
	GuardReads bool
	// MaxBody caps a request body in bytes (default 20 MiB); larger
	// bodies get 413.
	MaxBody int64
	// CacheTTL is how long a rendered page or API answer is served
	// before it is checked against the store again (default 1s). Ingest
	// through this server invalidates the affected story at once.
	CacheTTL time.Duration
	// CacheEntries bounds the cache (default 2048).
	CacheEntries int
	// IngestTimeout bounds one ingest request (default 10 min).
	IngestTimeout time.Duration
	// ShutdownGrace bounds how long Serve waits for in-flight requests
	// after its context is cancelled (default 60s).
	ShutdownGrace time.Duration
	// Ready checks readiness for /readyz; nil pings the store with Stats.
	Ready func(ctx context.Context) error
	// Registry receives the server's metrics; nil makes a new one with
	// the Go and process collectors.
	Registry *prometheus.Registry
	// Logger logs requests that fail and the server's life; nil discards.
	Logger *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Validate reports an unusable option.
func (o *Options) Validate() error {
	switch {
	case o.Store == nil:
		return ErrNoStore
	case o.MaxBody < 0, o.CacheTTL < 0, o.CacheEntries < 0, o.IngestTimeout < 0, o.ShutdownGrace < 0:
		return fmt.Errorf("%w: negative size or duration", ErrOptions)
	case o.GuardReads && o.Token == "":
		return fmt.Errorf("%w: GuardReads needs a Token", ErrOptions)
	}
	return nil
}

func (o *Options) defaults() {
	if o.MaxBody == 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.CacheTTL == 0 {
		o.CacheTTL = DefaultCacheTTL
	}
	if o.CacheEntries == 0 {
		o.CacheEntries = DefaultCacheEntries
	}
	if o.IngestTimeout == 0 {
		o.IngestTimeout = DefaultIngestTimeout
	}
	if o.ShutdownGrace == 0 {
		o.ShutdownGrace = DefaultShutdownGrace
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Registry == nil {
		o.Registry = prometheus.NewRegistry()
		o.Registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	}
}

// access says who may call a route.
type access int

const (
	public access = iota // probes, static files, the API document
	reader               // pages, API reads, metrics: guarded with GuardReads
	writer               // ingest: always guarded
)

// route is one entry of the mux; the OpenAPI test walks this table.
type route struct {
	pattern string // "GET /api/stories/{id}"
	access  access
	api     bool // JSON errors rather than HTML pages
	h       http.HandlerFunc
}

// Server serves the API and the pages.
type Server struct {
	o       Options
	st      Store
	mux     *http.ServeMux
	routes  []route
	tmpl    *template.Template
	static  map[string][]byte // file name -> content, served under /static/
	assetV  string            // cache-busting version of the static files
	openapi []byte
	cache   *cache
	metrics *metrics
	token   [32]byte // sha256 of the token, compared in constant time
}

// New builds a Server: templates parsed, routes registered, metrics
// registered with o.Registry.
func New(o Options) (*Server, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	o.defaults()
	s := &Server{o: o, st: o.Store, mux: http.NewServeMux(), cache: newCache(o.CacheEntries)}
	if o.Token != "" {
		s.token = sha256.Sum256([]byte(o.Token))
	}
	var err error
	s.static, err = staticFiles()
	if err != nil {
		return nil, fmt.Errorf("server: static files: %w", err)
	}
	s.assetV = assetVersion(s.static)
	s.openapi, err = webFS.ReadFile("web/openapi.json")
	if err != nil {
		return nil, fmt.Errorf("server: openapi document: %w", err)
	}
	s.tmpl, err = parseTemplates(s.assetV)
	if err != nil {
		return nil, fmt.Errorf("server: templates: %w", err)
	}
	s.metrics, err = newMetrics(o.Registry, o.Store)
	if err != nil {
		return nil, fmt.Errorf("server: metrics: %w", err)
	}
	s.routes = []route{
		{"GET /{$}", reader, false, s.frontPage},
		{"GET /stories/{id}", reader, false, s.storyPage},
		{"GET /articles/{id}", reader, false, s.articlePage},
		{"GET /static/{file}", public, false, s.staticFile},
		{"GET /api/stories", reader, true, s.apiStories},
		{"GET /api/stories/{id}", reader, true, s.apiStory},
		{"GET /api/articles/{id}", reader, true, s.apiArticle},
		{"POST /api/articles", writer, true, s.apiIngest},
		{"GET /api/openapi.json", public, true, s.apiOpenAPI},
		{"GET /healthz", public, true, s.healthz},
		{"GET /readyz", public, true, s.readyz},
		{"GET /metrics", reader, true, promhttp.HandlerFor(o.Registry, promhttp.HandlerOpts{}).ServeHTTP},
	}
	for _, rt := range s.routes {
		s.mux.Handle(rt.pattern, s.guard(rt))
	}
	return s, nil
}

// staticFiles gathers what /static/ serves: the site's own files and the
// briefing body's stylesheet, which brief owns.
func staticFiles() (map[string][]byte, error) {
	files := map[string][]byte{"briefing.css": []byte(brief.Stylesheet())}
	err := fs.WalkDir(webFS, "web/static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := webFS.ReadFile(p)
		files[path.Base(p)] = b
		return err
	})
	return files, err
}

// assetVersion hashes the static files so that their URLs change with
// their content and can be cached for long.
func assetVersion(files map[string][]byte) string {
	names := slices.Sorted(maps.Keys(files))
	h := fnv.New64a()
	for _, n := range names {
		h.Write([]byte(n))
		h.Write(files[n])
	}
	return strconv.FormatUint(h.Sum64(), 36)
}

// Handler returns the server's root handler: security headers, metrics,
// then the mux.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

// Patterns lists the registered mux patterns ("GET /api/stories/{id}").
// Kept for the test that keeps the OpenAPI document true to the handlers.
func (s *Server) Patterns() []string {
	out := make([]string, len(s.routes))
	for i, rt := range s.routes {
		out[i] = rt.pattern
	}
	return out
}

// Invalidate drops cached pages of the given stories and every cached
// listing. Call it when a story changes outside this server's ingest.
// Unused by the command today (pages expire by their cache TTL); kept for
// embedding programs and the cache tests.
func (s *Server) Invalidate(storyIDs ...string) {
	s.cache.invalidate(storyIDs...)
}

// cspPage allows only the server's own files: no inline script or style,
// no framing, no plugins.
const cspPage = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// cspAPI is for JSON and text answers, which never load anything.
const cspAPI = "default-src 'none'; frame-ancestors 'none'"

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	_, pattern := s.mux.Handler(r)
	if pattern == "" || strings.Contains(pattern, " /api/") || pattern == "GET /healthz" || pattern == "GET /readyz" || pattern == "GET /metrics" {
		h.Set("Content-Security-Policy", cspAPI)
	} else {
		h.Set("Content-Security-Policy", cspPage)
	}
	sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	if pattern == "" {
		s.unmatched(sw, r)
	} else {
		s.mux.ServeHTTP(sw, r)
	}
	label := pattern
	if label == "" {
		label = "unmatched"
	}
	s.metrics.observe(label, r.Method, sw.status, time.Since(start))
}

// unmatched answers a request no route takes: 405 with Allow when the
// path is served for other methods, 404 otherwise; a problem for the API
// and the probes, the error page for pages.
func (s *Server) unmatched(w http.ResponseWriter, r *http.Request) {
	allow, api := s.allowed(r)
	switch {
	case len(allow) > 0 && api:
		w.Header().Set("Allow", strings.Join(allow, ", "))
		s.problem(w, r, http.StatusMethodNotAllowed, fmt.Sprintf("%s is not served at %s; use %s", r.Method, r.URL.Path, strings.Join(allow, " or ")))
	case len(allow) == 0 && strings.HasPrefix(r.URL.Path, "/api/"):
		s.problem(w, r, http.StatusNotFound, fmt.Sprintf("there is no endpoint at %s; GET /api/openapi.json lists them", r.URL.Path))
	case len(allow) == 0 && (r.Method == http.MethodGet || r.Method == http.MethodHead):
		w.Header().Set("Content-Security-Policy", cspPage)
		s.notFound(w, r, "There is no page at this address.")
	default:
		s.mux.ServeHTTP(w, r)
	}
}

// allowed lists the methods a route takes r's path with, and whether
// one of those routes is an API route.
func (s *Server) allowed(r *http.Request) (methods []string, api bool) {
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		rr := r.Clone(r.Context())
		rr.Method = m
		_, pattern := s.mux.Handler(rr)
		if pattern == "" {
			continue
		}
		methods = append(methods, m)
		for _, rt := range s.routes {
			if rt.pattern == pattern {
				api = api || rt.api
			}
		}
	}
	return methods, api
}

// statusWriter remembers the status code for the metrics.
type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// guard applies the route's access rule.
func (s *Server) guard(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case rt.access == writer && s.o.Token == "" && !s.o.OpenIngest:
			s.problem(w, r, http.StatusForbidden, "ingest is disabled on this server: start it with --token (or $CROSSCHECK_TOKEN) and send that token as a Bearer token, or start it with --open-ingest")
			return
		case rt.access == writer && s.o.Token != "", rt.access == reader && s.o.GuardReads:
			if !s.authorized(r) {
				if rt.api {
					w.Header().Set("WWW-Authenticate", `Bearer realm="crosscheck"`)
					s.problem(w, r, http.StatusUnauthorized, "send the server's token in the header \"Authorization: Bearer TOKEN\"; it is missing or wrong")
				} else {
					w.Header().Set("WWW-Authenticate", `Basic realm="crosscheck", charset="UTF-8"`)
					http.Error(w, "401 unauthorized: the token is the password", http.StatusUnauthorized)
				}
				return
			}
		}
		rt.h(w, r)
	})
}

// authorized accepts "Authorization: Bearer TOKEN" or HTTP Basic with the
// token as password (any user name), compared in constant time.
func (s *Server) authorized(r *http.Request) bool {
	auth := r.Header.Get("Authorization")
	var given string
	switch scheme, rest, _ := strings.Cut(auth, " "); {
	case strings.EqualFold(scheme, "Bearer"):
		given = strings.TrimSpace(rest)
	case strings.EqualFold(scheme, "Basic"):
		b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(rest))
		if err != nil {
			return false
		}
		_, given, _ = strings.Cut(string(b), ":")
	default:
		return false
	}
	if given == "" {
		return false
	}
	sum := sha256.Sum256([]byte(given))
	return subtle.ConstantTimeCompare(sum[:], s.token[:]) == 1
}

// NewHTTPServer returns an http.Server for h with timeouts that bound slow
// clients: 5s for the request header, 60s for the body, 2 min to write
// (ingest handlers extend their own deadline), 2 min idle.
func NewHTTPServer(h http.Handler, log *slog.Logger) *http.Server {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// Serve serves on ln until ctx is cancelled, then stops accepting
// connections and waits up to Options.ShutdownGrace for in-flight requests
// (an accepted ingest runs to its end), then has Options.Ingest queue the
// briefings still pending. Meanwhile Options.Ingest's briefing worker
// builds the queued briefings. It returns nil after a clean shutdown. On start
// it logs whether ingest is open to anyone or disabled for want of a
// token.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	if s.o.Ingest != nil {
		defer s.o.Ingest.StartWork(ctx)() // stopped before the caller closes the store
	}
	hs := NewHTTPServer(s.Handler(), s.o.Logger)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	s.o.Logger.Info("serving", "addr", ln.Addr().String())
	switch {
	case s.o.Ingest != nil && s.o.Token == "" && s.o.OpenIngest:
		s.o.Logger.Warn("ingest is open to anyone who can reach " + ln.Addr().String())
	case s.o.Ingest != nil && s.o.Token == "":
		s.o.Logger.Info("ingest is disabled: set --token or $CROSSCHECK_TOKEN to allow POST /api/articles")
	}
	select {
	case err := <-errc:
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	s.o.Logger.Info("shutting down", "grace", s.o.ShutdownGrace)
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.o.ShutdownGrace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		hs.Close()
		return fmt.Errorf("server: shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("server: %w", err)
	}
	if s.o.Ingest != nil {
		// Requests are finished: write the briefings still pending.
		if _, err := s.o.Ingest.Flush(context.WithoutCancel(ctx)); err != nil {
			return fmt.Errorf("server: briefings after shutdown: %w", err)
		}
	}
	return nil
}

// metrics are the server's Prometheus collectors.
type metrics struct {
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	ingested *prometheus.CounterVec
}

func newMetrics(reg prometheus.Registerer, st Store) (*metrics, error) {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "crosscheck_http_requests_total",
			Help: "HTTP requests by route pattern, method and status code.",
		}, []string{"route", "method", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "crosscheck_http_request_duration_seconds",
			Help:    "HTTP request latency by route pattern.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 10},
		}, []string{"route"}),
		ingested: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "crosscheck_ingest_articles_total",
			Help: "Articles posted for ingest by result: added, duplicate, rejected (bad input or not an article), error.",
		}, []string{"result"}),
	}
	for _, c := range []prometheus.Collector{m.requests, m.latency, m.ingested, queueCollector{st}} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	for _, r := range []string{"added", "duplicate", "rejected", "error"} {
		m.ingested.WithLabelValues(r)
	}
	return m, nil
}

// queueCollector reports the archive's briefing queue (store.Stats) at
// each scrape: the queue is shared by every process on the archive, so
// the store, not this process, knows it.
type queueCollector struct{ st Store }

var (
	queuedDesc = prometheus.NewDesc("crosscheck_briefings_queued",
		"Stories whose briefing is queued to be rebuilt (being updated).", nil, nil)
	failingDesc = prometheus.NewDesc("crosscheck_briefings_failing",
		"Queued stories whose last briefing attempt failed or timed out (retried with backoff).", nil, nil)
)

func (queueCollector) Describe(ch chan<- *prometheus.Desc) { ch <- queuedDesc; ch <- failingDesc }

func (c queueCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	st, err := c.st.Stats(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(queuedDesc, err)
		return
	}
	ch <- prometheus.MustNewConstMetric(queuedDesc, prometheus.GaugeValue, float64(st.BriefQueued))
	ch <- prometheus.MustNewConstMetric(failingDesc, prometheus.GaugeValue, float64(st.BriefFailing))
}

func (m *metrics) observe(route, method string, code int, d time.Duration) {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch, http.MethodOptions:
	default:
		method = "other" // clients choose methods: keep the label set bounded
	}
	m.requests.WithLabelValues(route, method, strconv.Itoa(code)).Inc()
	m.latency.WithLabelValues(route).Observe(d.Seconds())
}
