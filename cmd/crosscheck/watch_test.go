package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// feedXML is an RSS feed whose items are short articles of our own.
func feedXML(base string) string {
	item := func(n int, title, body string) string {
		return fmt.Sprintf(`<item><title>%s</title><link>%s/a%d</link><pubDate>Tue, 03 Mar 2020 10:00:00 GMT</pubDate><description><![CDATA[<p>%s</p><p>%s</p>]]></description></item>`, title, base, n, body, body)
	}
	body := "The Springfield city council approved a budget on Tuesday that raises spending on parks and libraries by eight percent, officials said after a long debate in the council chamber."
	return `<?xml version="1.0"?><rss version="2.0"><channel><title>Example Daily</title>` +
		item(1, "Council approves budget", body) +
		item(2, "Springfield passes budget", "Council members in Springfield voted on Tuesday for a budget raising parks and libraries spending by eight percent, the mayor's office said in a statement.") +
		`</channel></rss>`
}

func TestWatch(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, feedXML("https://example.org"))
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "w.db")

	t.Run("loopback refused without --allow-private", func(t *testing.T) {
		code, _, stderr := runCLI(t, "watch", "--db", db, srv.URL+"/feed")
		if code == 0 || !strings.Contains(stderr, "forbidden") {
			t.Errorf("exit %d, stderr %q: want a refusal naming the forbidden address", code, stderr)
		}
	})

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	done := make(chan int)
	var out, errb bytes.Buffer
	go func() {
		done <- program().Run(ctx, []string{"watch", "--db", db, "--allow-private", "--interval", "1s", srv.URL + "/feed"}, &out, &errb)
	}()
	for {
		time.Sleep(200 * time.Millisecond)
		code, js, _ := runCLI(t, "stories", "--db", db, "--format", "json")
		if code == 0 && strings.Count(js, `"outlet"`) >= 2 {
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("feed items never stored; watch said: %s", errb.String())
		}
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("watch exit %d after cancel: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "added 2") {
		t.Errorf("watch did not report adding the two items: %s", errb.String())
	}
}

func TestIngestFeedURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, feedXML("https://example.org"))
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "i.db")
	code, _, stderr := runCLI(t, "ingest", "--db", db, "--allow-private", srv.URL+"/feed.xml")
	if code != 0 || !strings.Contains(stderr, "added 2") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	code, _, stderr = runCLI(t, "ingest", "--db", db, srv.URL+"/feed.xml")
	if code == 0 || !strings.Contains(stderr, "forbidden") {
		t.Errorf("without --allow-private: exit %d, %s; want the loopback feed refused", code, stderr)
	}
}
