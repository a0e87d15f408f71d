package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServeUsage(t *testing.T) {
	t.Setenv("CROSSCHECK_TOKEN", "")
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"input given", []string{"a.txt"}},
		{"guard without token", []string{"--guard-reads"}},
		{"bad max body", []string{"--max-body", "0"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, append([]string{"serve"}, tc.args...)...)
			if code != 2 || !strings.Contains(stderr, "usage: ") {
				t.Errorf("serve %q: exit %d, %q; want a usage error", tc.args, code, stderr)
			}
		})
	}
}

var servingRe = regexp.MustCompile(`serving (http://127\.0\.0\.1:\d+)/`)

// TestServe runs the command: ingest one seed article with the token from
// the environment, read it back, then stop with the context (as SIGTERM
// does) and expect a clean exit.
func TestServe(t *testing.T) {
	t.Setenv("CROSSCHECK_TOKEN", "t0ken")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr syncBuffer
	done := make(chan int, 1)
	db := filepath.Join(t.TempDir(), "a.db")
	go func() {
		done <- program().Run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, io.Discard, &stderr)
	}()
	var base string
	for deadline := time.Now().Add(30 * time.Second); base == ""; {
		if m := servingRe.FindStringSubmatch(stderr.String()); m != nil {
			base = m[1]
		} else if time.Now().After(deadline) {
			t.Fatalf("server did not start: %s", stderr.String())
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited %d: %s", code, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	text, err := os.ReadFile(seeds[1])
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(map[string]string{"id": "seed4", "published": "2017-04-12", "text": string(text)})
	post := func(auth string) *http.Response {
		req, _ := http.NewRequest("POST", base+"/api/articles", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	if resp := post(""); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("POST without token = %d, want 401", resp.StatusCode)
	}
	if resp := post("Bearer t0ken"); resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST with token = %d, want 201", resp.StatusCode)
	}
	resp, err := http.Get(base + "/api/articles/seed4")
	if err != nil {
		t.Fatal(err)
	}
	var a struct {
		StoryID string `json:"story_id"`
	}
	json.NewDecoder(resp.Body).Decode(&a)
	resp.Body.Close()
	if resp.StatusCode != 200 || a.StoryID == "" {
		t.Fatalf("GET the ingested article = %d, story %q", resp.StatusCode, a.StoryID)
	}
	// The briefing is built in the background after the POST answered.
	var page bytes.Buffer
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		resp, err = http.Get(base + "/stories/" + a.StoryID)
		if err != nil {
			t.Fatal(err)
		}
		page.Reset()
		page.ReadFrom(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || strings.Contains(page.String(), `id="summary"`) {
			break
		}
	}
	if resp.StatusCode != 200 || !strings.Contains(page.String(), `id="summary"`) {
		t.Errorf("story page = %d, briefed: %v", resp.StatusCode, strings.Contains(page.String(), `id="summary"`))
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited %d after the context ended: %s", code, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop")
	}
}
