package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// loopback returns a Fetcher allowed to reach the test's own loopback
// servers, with politeness off unless o says otherwise.
func loopback(t *testing.T, o Options) *Fetcher {
	t.Helper()
	o.AllowPrivate = true
	if o.PerHostInterval == 0 {
		o.PerHostInterval = -1
	}
	f := New(o)
	t.Cleanup(f.CloseIdleConnections)
	return f
}

// noDial makes f fail the test on any connection attempt and resolve only
// the names in hosts, so a refused address provably never reaches the
// network.
func noDial(t *testing.T, f *Fetcher, hosts map[string][]netip.Addr) *[]string {
	t.Helper()
	var mu sync.Mutex
	var dials []string
	f.connect = func(_ context.Context, network, addr string) (net.Conn, error) {
		mu.Lock()
		dials = append(dials, addr)
		mu.Unlock()
		t.Errorf("connect(%s, %s) attempted", network, addr)
		return nil, errors.New("test: dialling is not allowed")
	}
	f.lookup = func(_ context.Context, host string) ([]netip.Addr, error) {
		if a, ok := hosts[host]; ok {
			return a, nil
		}
		return nil, fmt.Errorf("test: no such host %q", host)
	}
	return &dials
}

func TestConditionalGet(t *testing.T) {
	const lastMod = "Mon, 02 Jan 2006 15:04:05 GMT"
	tests := []struct {
		name         string
		etag         string
		lastModified string
	}{
		{"etag", `"v1"`, ""},
		{"last-modified", "", lastMod},
		{"both", `W/"abc"`, lastMod},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var mu sync.Mutex
			var seen []http.Header
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				seen = append(seen, r.Header.Clone())
				mu.Unlock()
				if tt.etag != "" {
					w.Header().Set("ETag", tt.etag)
				}
				if tt.lastModified != "" {
					w.Header().Set("Last-Modified", tt.lastModified)
				}
				inm, ims := r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since")
				if (tt.etag != "" && inm == tt.etag) || (tt.etag == "" && ims == tt.lastModified) {
					w.WriteHeader(http.StatusNotModified)
					return
				}
				w.Header().Set("Content-Type", "application/rss+xml")
				fmt.Fprint(w, "<rss/>")
			}))
			defer srv.Close()
			f := loopback(t, Options{})
			ctx := t.Context()

			r1, err := f.Get(ctx, srv.URL+"/feed")
			if err != nil {
				t.Fatal(err)
			}
			if r1.Status != 200 || r1.NotModified || string(r1.Body) != "<rss/>" || r1.ContentType != "application/rss+xml" {
				t.Fatalf("first Get = %+v, want 200 with body", r1)
			}
			if r1.ETag != tt.etag || r1.LastModified != tt.lastModified {
				t.Errorf("validators = %q, %q; want %q, %q", r1.ETag, r1.LastModified, tt.etag, tt.lastModified)
			}
			r2, err := f.Get(ctx, srv.URL+"/feed")
			if err != nil {
				t.Fatal(err)
			}
			if r2.Status != 304 || !r2.NotModified || r2.Body != nil {
				t.Fatalf("second Get = %+v, want 304 NotModified without body", r2)
			}
			if r2.ETag != tt.etag || r2.LastModified != tt.lastModified {
				t.Errorf("304 validators = %q, %q; want %q, %q", r2.ETag, r2.LastModified, tt.etag, tt.lastModified)
			}
			if len(seen) != 2 {
				t.Fatalf("server saw %d requests, want 2", len(seen))
			}
			if h := seen[0]; h.Get("If-None-Match") != "" || h.Get("If-Modified-Since") != "" {
				t.Errorf("first request was conditional: %v", h)
			}
			if got := seen[1].Get("If-None-Match"); got != tt.etag {
				t.Errorf("If-None-Match = %q, want %q", got, tt.etag)
			}
			if got := seen[1].Get("If-Modified-Since"); got != tt.lastModified {
				t.Errorf("If-Modified-Since = %q, want %q", got, tt.lastModified)
			}
			if ua := seen[0].Get("User-Agent"); ua != DefaultUserAgent {
				t.Errorf("User-Agent = %q, want %q", ua, DefaultUserAgent)
			}
			// Another URL on the same server is not conditional.
			if _, err := f.Get(ctx, srv.URL+"/other"); err != nil {
				t.Fatal(err)
			}
			if h := seen[2]; h.Get("If-None-Match") != "" || h.Get("If-Modified-Since") != "" {
				t.Errorf("request for another URL was conditional: %v", h)
			}
		})
	}
}

func TestBodyLimit(t *testing.T) {
	const limit = 1000
	tests := []struct {
		name    string
		size    int
		chunked bool // no Content-Length: the limit must hold while reading
		wantErr error
		// wantMsg is in the error: the size when known, the limit and the
		// setting that raises it.
		wantMsg string
	}{
		{"small", 10, false, nil, ""},
		{"exactly the limit", limit, false, nil, ""},
		{"exactly the limit chunked", limit, true, nil, ""},
		{"one over with length", limit + 1, false, ErrTooLarge, "the body is 1001 bytes, over the limit of 1000 bytes; raise it with --max-bytes"},
		{"far over chunked", 50 * limit, true, ErrTooLarge, "the body is over the limit of 1000 bytes; raise it with --max-bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				body := strings.Repeat("x", tt.size)
				if tt.chunked {
					for i := 0; i < len(body); i += 100 {
						_, _ = w.Write([]byte(body[i:min(i+100, len(body))]))
						w.(http.Flusher).Flush()
					}
					return
				}
				w.Header().Set("Content-Length", strconv.Itoa(len(body)))
				_, _ = w.Write([]byte(body))
			}))
			defer srv.Close()
			f := loopback(t, Options{MaxBytes: limit, MaxBytesSetting: "--max-bytes"})
			r, err := f.Get(t.Context(), srv.URL)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Get = %v, want %v", err, tt.wantErr)
			}
			if err != nil && !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("Get = %q, want it to say %q", err, tt.wantMsg)
			}
			if err == nil && len(r.Body) != tt.size {
				t.Errorf("body length %d, want %d", len(r.Body), tt.size)
			}
		})
	}
}

func TestStatusErrors(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		code       int
		retryAfter string
		want       time.Duration
	}{
		{"not found", 404, "", 0},
		{"gone", 410, "", 0},
		{"server error", 500, "", 0},
		{"unavailable seconds", 503, "7", 7 * time.Second},
		{"too many date", 429, now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{"past date", 429, now.Add(-time.Hour).Format(http.TimeFormat), 0},
		{"absurd", 503, "999999999", maxRetryAfter},
		{"garbage", 503, "soon", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tt.retryAfter != "" {
					w.Header().Set("Retry-After", tt.retryAfter)
				}
				http.Error(w, "no", tt.code)
			}))
			defer srv.Close()
			f := loopback(t, Options{Now: func() time.Time { return now }})
			r, err := f.Get(t.Context(), srv.URL)
			if r != nil || !errors.Is(err, ErrStatus) {
				t.Fatalf("Get = %v, %v; want nil, ErrStatus", r, err)
			}
			se, ok := errors.AsType[*StatusError](err)
			if !ok {
				t.Fatalf("error %v carries no *StatusError", err)
			}
			if se.Code != tt.code || se.RetryAfter != tt.want {
				t.Errorf("StatusError = %+v, want code %d RetryAfter %v", se, tt.code, tt.want)
			}
		})
	}
}

// TestForbiddenDirect: refused addresses fail before any connection, with
// the guard on (AllowPrivate false). Only fake names are resolved.
func TestForbiddenDirect(t *testing.T) {
	hosts := map[string][]netip.Addr{
		"rebind.test": {netip.MustParseAddr("127.0.0.1")},
		"meta.test":   {netip.MustParseAddr("169.254.169.254")},
		"mapped.test": {netip.MustParseAddr("::ffff:10.0.0.1")},
		"mixed.test":  {netip.MustParseAddr("192.168.0.7"), netip.MustParseAddr("fd00::7")},
	}
	urls := []string{
		"http://127.0.0.1/",
		"http://127.0.0.1:8080/feed",
		"http://[::1]/",
		"http://10.0.0.1/",
		"http://169.254.169.254/latest/meta-data/",
		"http://192.168.1.1/",
		"http://0.0.0.0/",
		"http://[::ffff:127.0.0.1]/",
		"http://[::]/",
		"http://[fe80::1%25eth0]/",
		"http://100.64.0.1/",
		"http://224.0.0.1/",
		"http://localhost/",
		"http://LOCALHOST.:9000/",
		"http://2130706433/",
		"http://0x7f.1/",
		"https://rebind.test/feed",
		"http://meta.test/",
		"http://mapped.test/",
		"http://mixed.test/",
	}
	for _, u := range urls {
		t.Run(u, func(t *testing.T) {
			f := New(Options{PerHostInterval: -1})
			dials := noDial(t, f, hosts)
			r, err := f.Get(t.Context(), u)
			if r != nil || !errors.Is(err, ErrForbiddenAddress) {
				t.Errorf("Get(%s) = %v, %v; want ErrForbiddenAddress", u, r, err)
			}
			if len(*dials) != 0 {
				t.Errorf("dialled %v", *dials)
			}
		})
	}
}

func TestScheme(t *testing.T) {
	tests := []struct {
		url  string
		want error
	}{
		{"file:///etc/passwd", ErrScheme},
		{"ftp://example.com/feed.xml", ErrScheme},
		{"gopher://example.com/", ErrScheme},
		{"javascript:alert(1)", ErrScheme},
		{"example.com/feed", ErrScheme},
		{"http:///nohost", ErrInvalidURL},
		{"http://[::1", ErrInvalidURL},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			f := New(Options{PerHostInterval: -1})
			dials := noDial(t, f, nil)
			if _, err := f.Get(t.Context(), tt.url); !errors.Is(err, tt.want) {
				t.Errorf("Get(%q) = %v, want %v", tt.url, err, tt.want)
			}
			if err := f.CheckURL(tt.url); !errors.Is(err, tt.want) {
				t.Errorf("CheckURL(%q) = %v, want %v", tt.url, err, tt.want)
			}
			if len(*dials) != 0 {
				t.Errorf("dialled %v", *dials)
			}
		})
	}
}

// TestRedirects runs the guard (AllowPrivate false) against the test's own
// loopback server, reached as "feed.test" through an exemption for exactly
// its address; every redirect hop to anything else must be refused before
// a connection is made.
func TestRedirects(t *testing.T) {
	var srvAddr netip.AddrPort
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") })
	mux.HandleFunc("/to-metadata", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
	})
	mux.HandleFunc("/to-loopback", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://127.0.0.1:1/admin", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-mapped", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://[::ffff:192.168.1.1]/", http.StatusTemporaryRedirect)
	})
	mux.HandleFunc("/to-internal-name", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, fmt.Sprintf("http://internal.test:%d/", srvAddr.Port()), http.StatusFound)
	})
	mux.HandleFunc("/to-localhost", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://localhost/", http.StatusFound)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/chain/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		if n == 0 {
			http.Redirect(w, r, "/ok", http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", n-1), http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	srvAddr = netip.MustParseAddrPort(srv.Listener.Addr().String())
	base := fmt.Sprintf("http://feed.test:%d", srvAddr.Port())

	tests := []struct {
		path    string
		want    error
		wantURL string
	}{
		{"/ok", nil, base + "/ok"},
		{"/chain/4", nil, base + "/ok"}, // 5 redirects in all: the limit
		{"/chain/5", ErrRedirects, ""},
		{"/loop", ErrRedirects, ""},
		{"/to-metadata", ErrForbiddenAddress, ""},
		{"/to-loopback", ErrForbiddenAddress, ""},
		{"/to-mapped", ErrForbiddenAddress, ""},
		{"/to-internal-name", ErrForbiddenAddress, ""},
		{"/to-localhost", ErrForbiddenAddress, ""},
		{"/to-file", ErrScheme, ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			f := New(Options{PerHostInterval: -1})
			t.Cleanup(f.CloseIdleConnections)
			f.exempt = srvAddr
			f.lookup = func(_ context.Context, host string) ([]netip.Addr, error) {
				switch host {
				case "feed.test":
					return []netip.Addr{srvAddr.Addr()}, nil
				case "internal.test":
					return []netip.Addr{netip.MustParseAddr("10.0.0.1")}, nil
				}
				return nil, fmt.Errorf("test: no such host %q", host)
			}
			var d net.Dialer
			f.connect = func(ctx context.Context, network, addr string) (net.Conn, error) {
				if addr != srvAddr.String() {
					t.Errorf("connect(%s) attempted; only %s is allowed", addr, srvAddr)
					return nil, errors.New("test: dialling is not allowed")
				}
				return d.DialContext(ctx, network, addr)
			}
			r, err := f.Get(t.Context(), base+tt.path)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Get(%s) = %v, want %v", tt.path, err, tt.want)
			}
			if err == nil && (r.URL != tt.wantURL || string(r.Body) != "ok") {
				t.Errorf("Get(%s) = URL %q body %q, want %q, ok", tt.path, r.URL, r.Body, tt.wantURL)
			}
		})
	}
}

// fakeClock is a manual clock whose Sleep records the wait and advances
// nothing, so politeness slots can be asserted exactly.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	sleeps []time.Duration
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	c.sleeps = append(c.sleeps, d)
	c.mu.Unlock()
	return ctx.Err()
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func TestPolitenessSlots(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	port := netip.MustParseAddrPort(srv.Listener.Addr().String()).Port()
	clock := &fakeClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	const gap = 3 * time.Second
	f := loopback(t, Options{PerHostInterval: gap, Now: clock.Now, Sleep: clock.Sleep})
	f.lookup = func(context.Context, string) ([]netip.Addr, error) {
		return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
	}
	a := fmt.Sprintf("http://a.test:%d/", port)
	b := fmt.Sprintf("http://B.test:%d/", port)
	steps := []struct {
		url     string
		advance time.Duration // clock movement before the request
		want    time.Duration // politeness wait
	}{
		{a + "1", 0, 0},
		{a + "2", 0, gap},     // same host, clock still: one gap
		{a + "3", 0, 2 * gap}, // queued behind the previous slot
		{b + "1", 0, 0},       // other host: no wait
		{"http://b.TEST:" + strconv.Itoa(int(port)) + "/2", 0, gap}, // host names are case-insensitive
		{a + "4", 3 * gap, 0}, // slot passed
		{a + "5", time.Second, 2 * time.Second},
	}
	for i, s := range steps {
		clock.advance(s.advance)
		if _, err := f.Get(t.Context(), s.url); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		got := clock.sleeps[len(clock.sleeps)-1]
		if got != s.want {
			t.Errorf("step %d (%s): waited %v, want %v", i, s.url, got, s.want)
		}
	}
}

// TestPolitenessRealGap checks with the real clock that two requests to one
// host start at least the gap apart.
func TestPolitenessRealGap(t *testing.T) {
	var mu sync.Mutex
	var at []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		at = append(at, time.Now())
		mu.Unlock()
	}))
	defer srv.Close()
	const gap = 120 * time.Millisecond
	f := loopback(t, Options{PerHostInterval: gap})
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Go(func() {
			if _, err := f.Get(t.Context(), fmt.Sprintf("%s/%d", srv.URL, i)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if len(at) != 2 {
		t.Fatalf("server saw %d requests, want 2", len(at))
	}
	d := at[1].Sub(at[0]).Abs()
	if d < gap-10*time.Millisecond { // timer slack only
		t.Errorf("requests %v apart, want >= %v", d, gap)
	}
}

func TestPolitenessCancel(t *testing.T) {
	f := New(Options{PerHostInterval: time.Hour})
	noDial(t, f, nil)
	f.next["example.test"] = time.Now().Add(time.Hour)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := f.Get(ctx, "http://example.test/"); !errors.Is(err, context.Canceled) {
		t.Errorf("Get with cancelled ctx during politeness wait = %v, want context.Canceled", err)
	}
}

func TestConcurrentGet(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"`+r.URL.Path+`"`)
		if r.Header.Get("If-None-Match") == `"`+r.URL.Path+`"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, r.URL.Path)
	}))
	defer srv.Close()
	f := loopback(t, Options{})
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			u := fmt.Sprintf("%s/p%d", srv.URL, i%4)
			for range 3 {
				r, err := f.Get(t.Context(), u)
				if err != nil {
					t.Error(err)
					return
				}
				if !r.NotModified && string(r.Body) != fmt.Sprintf("/p%d", i%4) {
					t.Errorf("body %q for %s", r.Body, u)
				}
			}
		})
	}
	wg.Wait()
}

func BenchmarkGetLoopback(b *testing.B) {
	body := strings.Repeat("<item>news</item>\n", 300)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, body)
	}))
	defer srv.Close()
	f := New(Options{AllowPrivate: true, PerHostInterval: -1})
	defer f.CloseIdleConnections()
	for b.Loop() {
		if _, err := f.Get(b.Context(), srv.URL); err != nil {
			b.Fatal(err)
		}
	}
}

func TestControlConn(t *testing.T) {
	tests := []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:80", false},
		{"[::1]:443", false},
		{"169.254.169.254:80", false},
		{"[::ffff:10.1.2.3]:80", false},
		{"not-an-address", false},
		{"8.8.8.8:443", true},
		{"[2606:4700::1111]:443", true},
	}
	f := New(Options{})
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			err := f.controlConn("tcp", tt.addr, nil)
			if (err == nil) != tt.ok || (err != nil && !errors.Is(err, ErrForbiddenAddress)) {
				t.Errorf("controlConn(%s) = %v, want ok=%v", tt.addr, err, tt.ok)
			}
		})
	}
}

// TestClientOption: a caller's *http.Transport is cloned with the guard
// installed, so a name resolving to loopback is still refused.
func TestClientOption(t *testing.T) {
	f := New(Options{Client: &http.Client{Transport: &http.Transport{}}, PerHostInterval: -1})
	dials := noDial(t, f, map[string][]netip.Addr{"rebind.test": {netip.MustParseAddr("127.0.0.1")}})
	if _, err := f.Get(t.Context(), "http://rebind.test/"); !errors.Is(err, ErrForbiddenAddress) {
		t.Errorf("Get = %v, want ErrForbiddenAddress", err)
	}
	if len(*dials) != 0 {
		t.Errorf("dialled %v", *dials)
	}
}

// TestNoEnvironmentProxy: HTTP_PROXY pointing at a dead port must not be
// used; the request goes straight to the (loopback) server.
func TestNoEnvironmentProxy(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "direct") }))
	defer srv.Close()
	t.Setenv("HTTP_PROXY", "http://127.0.0.1:1")
	t.Setenv("http_proxy", "http://127.0.0.1:1")
	f := loopback(t, Options{})
	ap := netip.MustParseAddrPort(srv.Listener.Addr().String())
	f.lookup = func(context.Context, string) ([]netip.Addr, error) { return []netip.Addr{ap.Addr()}, nil }
	r, err := f.Get(t.Context(), fmt.Sprintf("http://feed.test:%d/", ap.Port()))
	if err != nil || string(r.Body) != "direct" {
		t.Fatalf("Get = %v, %v; want the direct body", r, err)
	}
}

func TestTimeout(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(2 * time.Second):
		}
	}))
	defer srv.Close()
	f := loopback(t, Options{Timeout: 50 * time.Millisecond})
	start := time.Now()
	_, err := f.Get(t.Context(), srv.URL)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Get = %v, want context.DeadlineExceeded", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Get took %v with a 50ms timeout", d)
	}
}

// TestHTTPSClient uses the TLS test server's client (its *http.Transport
// trusts the test certificate); the Fetcher clones it and keeps its TLS
// settings.
func TestHTTPSClient(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "secure") }))
	defer srv.Close()
	f := loopback(t, Options{Client: srv.Client()})
	r, err := f.Get(t.Context(), srv.URL)
	if err != nil || string(r.Body) != "secure" {
		t.Fatalf("Get = %v, %v; want the TLS body", r, err)
	}
}

// TestBody: Body gives read.Options.Fetch the body and Content-Type of a
// Get, and its errors, the too-large one naming the setting.
func TestBody(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, strings.Repeat("x", len(r.URL.Path)*100))
	}))
	defer srv.Close()
	f := loopback(t, Options{MaxBytes: 1000, MaxBytesSetting: "--max-bytes"})
	for _, tc := range []struct {
		path, err string
		size      int
	}{
		{"/feed", "", 500},
		{"/a-much-longer-path", "raise it with --max-bytes", 0},
	} {
		t.Run(tc.path, func(t *testing.T) {
			body, ctype, err := f.Body(t.Context(), srv.URL+tc.path)
			switch {
			case tc.err != "":
				if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("err %v, want ErrTooLarge saying %q", err, tc.err)
				}
			case err != nil:
				t.Fatal(err)
			case len(body) != tc.size || ctype != "application/rss+xml":
				t.Errorf("%d bytes of %q, want %d of application/rss+xml", len(body), ctype, tc.size)
			}
		})
	}
}
