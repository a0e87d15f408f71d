package ingest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/fetch"
	"github.com/crosscheck/crosscheck/internal/ingest/ingesttest"
	"github.com/crosscheck/crosscheck/internal/read"
)

// TestWatch serves a feed of two articles, watches it until the first
// poll was ingested and then cancels: Watch reports the poll, briefs or
// queues the changed stories and returns nil.
func TestWatch(t *testing.T) {
	arts := ingesttest.Corpus(1, 2, 9)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Example Daily</title>`)
		for i, a := range arts {
			fmt.Fprintf(w, `<item><title>Item %d</title><link>https://example.org/a%d</link><description><![CDATA[<p>%s</p>]]></description></item>`,
				i, i, strings.ReplaceAll(a.Text, "\n\n", "</p><p>"))
		}
		fmt.Fprint(w, `</channel></rss>`)
	}))
	defer srv.Close()

	st := openDB(t, filepath.Join(t.TempDir(), "db.sqlite"))
	e, err := New(context.Background(), st, newPipeline(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	fe := fetch.New(fetch.Options{AllowPrivate: true, PerHostInterval: -1})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var mu sync.Mutex
	var reports []string
	err = e.Watch(ctx, fetch.NewWatcher(fe, time.Hour), read.New(read.Options{}), []string{srv.URL + "/feed"}, func(feed string, n StreamCounts) {
		mu.Lock()
		reports = append(reports, n.String())
		mu.Unlock()
		cancel()
	})
	if err != nil {
		t.Fatalf("Watch after cancel: %v", err)
	}
	if len(reports) != 1 || reports[0] != "added 2, duplicates 0, rejected 0" {
		t.Errorf("reports %q, want one poll that added both items", reports)
	}
	// Each story is briefed by the worker Watch ran or, if the watch was
	// stopped first, left in the briefing queue: none is forgotten.
	stats, err := st.Stats(context.Background())
	if err != nil || stats.Articles != 2 || stats.Stories == 0 || stats.Briefings+stats.BriefQueued < stats.Stories {
		t.Errorf("archive after watch: %+v (%v); want 2 articles, every story briefed or queued", stats, err)
	}
}

func TestWatchRefusesFeeds(t *testing.T) {
	st := openDB(t, filepath.Join(t.TempDir(), "db.sqlite"))
	e, err := New(context.Background(), st, newPipeline(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := fetch.NewWatcher(fetch.New(fetch.Options{}), time.Minute)
	if err := e.Watch(t.Context(), w, read.New(read.Options{}), []string{"http://127.0.0.1/feed"}, nil); err == nil || !strings.Contains(err.Error(), "forbidden") {
		t.Errorf("loopback feed: %v, want refused as forbidden", err)
	}
}
