package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/sqlite"
	"github.com/crosscheck/crosscheck/internal/text"
)

// repoRoot walks up from the package directory to the folder with go.mod.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the package directory")
		}
		dir = parent
	}
}

// seedPublished is the publication day of the bundled example, given as the
// caller would with --published (one of the two scrapes does not state it).
const seedPublished = "2017-04-12"

// seedRaws reads the bundled example articles (examples/seeds/*.txt).
func seedRaws(t testing.TB) []news.Raw {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(repoRoot(t), "examples", "seeds", "*.txt"))
	if err != nil || len(paths) < 2 {
		t.Skipf("the bundled example articles examples/seeds/*.txt are missing (%v)", err)
	}
	sort.Strings(paths)
	var raws []news.Raw
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		raws = append(raws, news.Raw{Input: filepath.Base(p), Text: string(b), Bytes: b, Published: seedPublished})
	}
	return raws
}

// engine is a small stand-in for the ingest engine: analyse, store, put
// every article into one story per seed, brief it. It is safe for
// concurrent use.
type engine struct {
	st store.Store
	p  *pipeline.Pipeline
	b  *brief.Briefer
	mu sync.Mutex
	// story, when set, receives every article; otherwise each article
	// seeds its own story.
	story string
}

func newEngine(t testing.TB, st store.Store) *engine {
	t.Helper()
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return &engine{st: st, p: p, b: brief.New(brief.Options{Stem: text.Stem})}
}

func (e *engine) ingest(ctx context.Context, raw news.Raw) (string, string, bool, error) {
	a, err := e.p.Analyze(raw)
	if errors.Is(err, pipeline.ErrNotArticle) {
		return "", "", false, fmt.Errorf("%w: %w", ingest.ErrRejected, err)
	} else if err != nil {
		return "", "", false, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	id, added, err := e.st.PutArticle(ctx, raw, a)
	if err != nil {
		return "", "", false, err
	}
	if !added {
		sid, err := e.st.ArticleStory(ctx, id)
		return id, sid, false, err
	}
	sid := e.story
	if sid == "" {
		sid, _, err = e.st.CreateStory(ctx, news.Story{Title: a.Title, Articles: []news.ArticleRef{{ID: id}}})
		if err != nil {
			return id, "", true, err
		}
	} else if err := e.st.AssignStory(ctx, id, sid); err != nil {
		return id, "", true, err
	}
	arts, err := e.st.StoryArticles(ctx, sid)
	if err != nil {
		return id, sid, true, err
	}
	b, err := e.b.Brief(ctx, arts)
	if err != nil {
		return id, sid, true, err
	}
	b.StoryID = sid
	if err := e.st.PutBriefing(ctx, sid, b); err != nil {
		return id, sid, true, err
	}
	return id, sid, true, nil
}

// ingestFunc is an Ingester made of one function (a stand-in or a stub);
// its Flush and StartWork do nothing: the function briefs as it goes.
type ingestFunc func(ctx context.Context, raw news.Raw) (articleID, storyID string, added bool, err error)

func (f ingestFunc) IngestRaw(ctx context.Context, raw news.Raw) (ingest.Result, error) {
	id, sid, added, err := f(ctx, raw)
	return ingest.Result{ArticleID: id, StoryID: sid, Added: added}, err
}

func (ingestFunc) Flush(context.Context) (int, error) { return 0, nil }

func (ingestFunc) StartWork(context.Context) func() { return func() {} }

// fixture is a store filled with the bundled example story.
type fixture struct {
	st       *sqlite.Store
	eng      *engine
	storyID  string
	articles []string
}

func openStore(t testing.TB) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "crosscheck.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// seedFixture analyses the example articles, stores them as one story and
// stores its briefing.
func seedFixture(t testing.TB) *fixture {
	t.Helper()
	st := openStore(t)
	f := &fixture{st: st, eng: newEngine(t, st)}
	ctx := context.Background()
	for i, raw := range seedRaws(t) {
		id, sid, added, err := f.eng.ingest(ctx, raw)
		if err != nil || !added {
			t.Fatalf("ingest %s: added=%v err=%v", raw.Input, added, err)
		}
		if i == 0 {
			f.eng.story = sid
			f.storyID = sid
		}
		f.articles = append(f.articles, id)
	}
	f.eng.story = ""
	return f
}

// newServer builds a Server over st with o's other fields.
func newServer(t testing.TB, st Store, o Options) *Server {
	t.Helper()
	o.Store = st
	s, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// get requests path from h and returns the recorder.
func do(t testing.TB, h http.Handler, method, path string, body io.Reader, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, body)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func mustContain(t testing.TB, what, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s does not contain %q", what, w)
		}
	}
}

func listen(t testing.TB) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

// The ingest engine is what the command passes as Options.Ingest.
var _ Ingester = (*ingest.Engine)(nil)
