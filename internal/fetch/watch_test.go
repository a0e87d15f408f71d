package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestWatcherDelay(t *testing.T) {
	const i = time.Minute
	tests := []struct {
		name       string
		failures   int
		retryAfter time.Duration
		r          float64
		want       time.Duration
	}{
		{"success", 0, 0, 0.5, i},
		{"success low jitter", 0, 0, 0, 54 * time.Second},
		{"success ignores retry-after", 0, time.Hour, 0.5, i},
		{"one failure", 1, 0, 0.5, 2 * i},
		{"two failures", 2, 0, 0.5, 4 * i},
		{"three failures", 3, 0, 0.5, 8 * i},
		{"three failures low jitter", 3, 0, 0, 8 * i * 8 / 10},
		{"capped", 4, 0, 0.5, 16 * i},
		{"capped high jitter", 4, 0, 0.99, 16 * i},
		{"huge count", 1000, 0, 0.5, 16 * i},
		{"retry-after longer", 1, 30 * time.Minute, 0.5, 30 * time.Minute},
		{"retry-after shorter", 3, time.Second, 0.5, 8 * i},
		{"retry-after beyond cap", 1, 1000 * time.Hour, 0.5, maxRetryAfter},
	}
	w := NewWatcher(New(Options{}), i)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := w.delay(tt.failures, tt.retryAfter, tt.r); got != tt.want {
				t.Errorf("delay(%d, %v, %v) = %v, want %v", tt.failures, tt.retryAfter, tt.r, got, tt.want)
			}
		})
	}
}

// scriptServer answers the n-th request with statuses[n] (the last one
// repeats), adding Retry-After when retryAfter[n] is set, an ETag on 200s,
// and 304 to a matching If-None-Match when the status is 304.
func scriptServer(t *testing.T, statuses []int, retryAfter map[int]string) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		k := int(n.Add(1)) - 1
		code := statuses[min(k, len(statuses)-1)]
		if ra, ok := retryAfter[k]; ok {
			w.Header().Set("Retry-After", ra)
		}
		switch code {
		case 200:
			w.Header().Set("ETag", fmt.Sprintf(`"%d"`, k))
			fmt.Fprintf(w, "body %d", k)
		case 304:
			w.WriteHeader(http.StatusNotModified)
		default:
			http.Error(w, "failing", code)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

// recordingSleep is a Sleep that returns at once, records each delay and
// cancels the run after limit sleeps.
type recordingSleep struct {
	mu     sync.Mutex
	ds     []time.Duration
	limit  int
	cancel context.CancelFunc
}

func (s *recordingSleep) Sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ds = append(s.ds, d)
	if len(s.ds) >= s.limit {
		s.cancel()
	}
	return ctx.Err()
}

func TestWatcherSchedule(t *testing.T) {
	const i = time.Second
	now := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		statuses   []int
		retryAfter map[int]string
		want       []time.Duration
		wantCalls  int
	}{
		{
			name:      "grows and resets",
			statuses:  []int{500, 503, 502, 200, 304, 500, 404, 200},
			want:      []time.Duration{2 * i, 4 * i, 8 * i, i, i, 2 * i, 4 * i, i},
			wantCalls: 2,
		},
		{
			name:     "capped at MaxBackoff",
			statuses: []int{500},
			want:     []time.Duration{2 * i, 4 * i, 8 * i, 16 * i, 16 * i, 16 * i},
		},
		{
			name:       "retry-after seconds",
			statuses:   []int{429, 429, 200},
			retryAfter: map[int]string{0: "120", 1: "1"},
			want:       []time.Duration{120 * time.Second, 4 * i, i},
			wantCalls:  1,
		},
		{
			name:       "retry-after date",
			statuses:   []int{503, 200},
			retryAfter: map[int]string{0: now.Add(90 * time.Second).Format(http.TimeFormat)},
			want:       []time.Duration{90 * time.Second, i},
			wantCalls:  1,
		},
		{
			name:      "not modified is success without a call",
			statuses:  []int{200, 304, 304, 200},
			want:      []time.Duration{i, i, i, i},
			wantCalls: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, _ := scriptServer(t, tt.statuses, tt.retryAfter)
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			sl := &recordingSleep{limit: len(tt.want), cancel: cancel}
			f := loopback(t, Options{Now: func() time.Time { return now }, Sleep: sl.Sleep})
			w := NewWatcher(f, i)
			w.rand = func() float64 { return 0.5 } // no jitter
			var calls []string
			err := w.Run(ctx, []string{srv.URL + "/feed.xml"}, func(feed string, r *Response) error {
				if feed != srv.URL+"/feed.xml" || r.NotModified || len(r.Body) == 0 {
					t.Errorf("fn(%q, %+v): want the feed URL and a body", feed, r)
				}
				calls = append(calls, string(r.Body))
				return nil
			})
			if !errors.Is(err, context.Canceled) {
				t.Errorf("Run = %v, want context.Canceled", err)
			}
			if fmt.Sprint(sl.ds) != fmt.Sprint(tt.want) {
				t.Errorf("delays = %v, want %v", sl.ds, tt.want)
			}
			if len(calls) != tt.wantCalls {
				t.Errorf("fn called %d times (%v), want %d", len(calls), calls, tt.wantCalls)
			}
		})
	}
}

func TestWatcherHandlerErrorBacksOff(t *testing.T) {
	srv, _ := scriptServer(t, []int{200}, nil)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	sl := &recordingSleep{limit: 3, cancel: cancel}
	w := NewWatcher(loopback(t, Options{Sleep: sl.Sleep}), time.Second)
	w.rand = func() float64 { return 0.5 }
	n := 0
	_ = w.Run(ctx, []string{srv.URL}, func(string, *Response) error {
		n++
		if n == 1 {
			return errors.New("store unavailable")
		}
		return nil
	})
	want := []time.Duration{2 * time.Second, time.Second, time.Second}
	if fmt.Sprint(sl.ds) != fmt.Sprint(want) {
		t.Errorf("delays = %v, want %v", sl.ds, want)
	}
}

func TestWatcherRejectsBadFeeds(t *testing.T) {
	tests := []struct {
		name  string
		feeds []string
		want  error
	}{
		{"file scheme", []string{"https://example.test/feed", "file:///etc/passwd"}, ErrScheme},
		{"metadata address", []string{"http://169.254.169.254/latest/"}, ErrForbiddenAddress},
		{"no host", []string{"http:///x"}, ErrInvalidURL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := New(Options{PerHostInterval: -1})
			dials := noDial(t, f, nil)
			w := NewWatcher(f, time.Second)
			ctx, cancel := context.WithTimeout(t.Context(), time.Second) // a regression must not hang
			defer cancel()
			err := w.Run(ctx, tt.feeds, func(string, *Response) error { return nil })
			if !errors.Is(err, tt.want) {
				t.Errorf("Run = %v, want %v", err, tt.want)
			}
			if len(*dials) != 0 {
				t.Errorf("dialled %v", *dials)
			}
		})
	}
	if err := NewWatcher(New(Options{}), time.Second).Run(t.Context(), nil, nil); err == nil {
		t.Error("Run with no feeds = nil, want an error")
	}
}

// TestWatcherStopsOnCancel runs real timers with short intervals over
// several feeds of one host, cancels, and checks that Run returns promptly
// and leaves no goroutine behind.
func TestWatcherStopsOnCancel(t *testing.T) {
	before := runtime.NumGoroutine()
	func() {
		srv, hits := scriptServer(t, []int{200, 500, 200, 304}, nil)
		defer srv.Close()
		f := New(Options{AllowPrivate: true, PerHostInterval: 5 * time.Millisecond})
		defer f.CloseIdleConnections()
		w := NewWatcher(f, 20*time.Millisecond)
		ctx, cancel := context.WithCancel(t.Context())
		var calls atomic.Int64
		done := make(chan error, 1)
		feeds := []string{srv.URL + "/a", srv.URL + "/b", srv.URL + "/c", srv.URL + "/a"}
		go func() {
			done <- w.Run(ctx, feeds, func(string, *Response) error {
				calls.Add(1)
				return nil
			})
		}()
		deadline := time.Now().Add(2 * time.Second)
		for hits.Load() < 6 && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		cancel()
		select {
		case err := <-done:
			if !errors.Is(err, context.Canceled) {
				t.Errorf("Run = %v, want context.Canceled", err)
			}
		case <-time.After(time.Second):
			t.Fatal("Run did not return within 1s of cancel")
		}
		if hits.Load() < 6 || calls.Load() == 0 {
			t.Errorf("server hits %d, fn calls %d: the watcher did not poll", hits.Load(), calls.Load())
		}
	}()
	deadline := time.Now().Add(time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if after := runtime.NumGoroutine(); after > before {
		buf := make([]byte, 1<<16)
		t.Errorf("goroutines: %d before, %d after\n%s", before, after, buf[:runtime.Stack(buf, true)])
	}
}
