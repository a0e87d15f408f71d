// Package fetch performs every network fetch crosscheck makes: it consumes
// URLs (article pages, RSS/Atom feeds) and produces response bodies.
//
// A Fetcher is safe by default: only http and https, a dial-time guard that
// refuses loopback, private, link-local (cloud metadata), CGNAT, multicast
// and other non-public addresses — checked on the resolved IP, so DNS
// rebinding and redirects to internal hosts are refused too — a body limit,
// a per-request timeout, at most five redirects, no proxy from the
// environment, politeness (a minimum gap between requests to one host) and
// conditional GET (ETag / Last-Modified) so unchanged feeds cost a 304.
//
// A Watcher polls a set of feeds, each on its own schedule, with jittered
// exponential backoff on failure that honours Retry-After.
//
// All state (validator cache, host timers, backoff) lives in Fetcher and
// Watcher values; both are safe for concurrent use.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/crosscheck/crosscheck/internal/say"
)

// Sentinel errors. Test with errors.Is; the returned errors add context.
var (
	// ErrForbiddenAddress: the URL's host is, or resolves only to, a
	// non-public address (see Options.AllowPrivate).
	ErrForbiddenAddress = errors.New("fetch: forbidden address")
	// ErrTooLarge: the body exceeds Options.MaxBytes. The error says the
	// size when known, the limit and how to raise it
	// (Options.MaxBytesSetting).
	ErrTooLarge = errors.New("fetch: body too large")
	// ErrScheme: the URL (or a redirect) uses a scheme other than http/https.
	ErrScheme = errors.New("fetch: unsupported scheme")
	// ErrStatus: the server answered with a status other than 2xx or 304.
	// It is always carried by a *StatusError, which holds the code.
	ErrStatus = errors.New("fetch: unexpected status")
	// ErrRedirects: more than MaxRedirects redirects.
	ErrRedirects = errors.New("fetch: too many redirects")
	// ErrInvalidURL: the URL does not parse or has no host.
	ErrInvalidURL = errors.New("fetch: invalid URL")
)

// MaxRedirects is the number of redirects a Get follows; each hop is
// checked like the original URL.
const MaxRedirects = 5

// Defaults for the zero Options fields.
const (
	DefaultTimeout         = 20 * time.Second
	DefaultMaxBytes        = 20 << 20
	DefaultUserAgent       = "crosscheck/dev (+news briefing)"
	DefaultPerHostInterval = 2 * time.Second
)

// maxValidators and maxHosts bound the per-URL validator cache and the
// per-host politeness table; beyond them old entries are dropped.
const (
	maxValidators = 8192
	maxHosts      = 4096
)

// StatusError reports a response status other than 2xx or 304. It matches
// ErrStatus under errors.Is.
type StatusError struct {
	// Code is the HTTP status code, e.g. 404 or 503.
	Code int
	// RetryAfter is the delay the server asked for in a Retry-After header
	// (delta-seconds or HTTP-date), zero when absent or unparsable.
	RetryAfter time.Duration
}

// Error implements error.
func (e *StatusError) Error() string {
	return fmt.Sprintf("%s %d %s", ErrStatus, e.Code, http.StatusText(e.Code))
}

// Unwrap returns ErrStatus, so errors.Is(err, ErrStatus) holds.
func (e *StatusError) Unwrap() error { return ErrStatus }

// Options configures a Fetcher. The zero value means safe defaults.
type Options struct {
	// AllowPrivate disables the address guard. Default false: refuse
	// loopback, private (RFC 1918, fc00::/7), link-local (169.254/16 incl.
	// the cloud metadata address 169.254.169.254, fe80::/10), unspecified,
	// multicast, CGNAT 100.64/10, reserved and documentation ranges, and
	// IPv4-mapped / NAT64 / 6to4 forms of these. Set it only to reach
	// servers on the local machine (tests, a local mirror).
	AllowPrivate bool
	// Timeout bounds one request, redirects and body read included, not the
	// politeness wait before it. Default 20s.
	Timeout time.Duration
	// MaxBytes limits the (decompressed) body; a longer body fails with
	// ErrTooLarge. Default 20 MB.
	MaxBytes int64
	// MaxBytesSetting names what the user changes to raise MaxBytes (the
	// command line passes "--max-bytes"), so that an ErrTooLarge error
	// says how to get past it. Default "fetch.Options.MaxBytes".
	MaxBytesSetting string
	// UserAgent is sent with every request. Default
	// "crosscheck/dev (+news briefing)".
	UserAgent string
	// PerHostInterval is the minimum gap between the starts of two requests
	// to one host name, shared by all callers of the Fetcher. Default 2s;
	// negative disables politeness.
	PerHostInterval time.Duration
	// Client, when set, is used instead of the built-in client (tests). If
	// its Transport is nil or an *http.Transport, a clone is used with the
	// dial-time guard installed and Proxy cleared; any other RoundTripper is
	// used as-is, and then only the pre-dial checks (scheme, IP literals,
	// localhost, redirect hops) protect it. Its CheckRedirect is replaced.
	Client *http.Client
	// Now is the clock used for politeness and Retry-After dates. Default
	// time.Now.
	Now func() time.Time
	// Sleep waits for d or until ctx is done, returning ctx.Err() in the
	// latter case. It is used for politeness and by Watcher. Default: a
	// timer. Tests pair it with Now to run without real waiting.
	Sleep func(ctx context.Context, d time.Duration) error
}

// withDefaults returns o with every zero field set to its default.
func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxBytesSetting == "" {
		o.MaxBytesSetting = "fetch.Options.MaxBytes"
	}
	if o.UserAgent == "" || strings.ContainsAny(o.UserAgent, "\r\n") {
		o.UserAgent = DefaultUserAgent
	}
	if o.PerHostInterval == 0 {
		o.PerHostInterval = DefaultPerHostInterval
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Sleep == nil {
		o.Sleep = sleepCtx
	}
	return o
}

// sleepCtx waits for d or until ctx is done.
func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Response is the result of a successful Get.
type Response struct {
	// URL is the final URL, after redirects.
	URL string
	// Status is the HTTP status code (2xx or 304).
	Status int
	// NotModified is true for a 304 answer to a conditional GET; Body is
	// then nil.
	NotModified bool
	// Body is the whole (decompressed) body, at most Options.MaxBytes.
	Body []byte
	// ContentType is the Content-Type header, verbatim.
	ContentType string
	// ETag and LastModified are the validators now remembered for the URL.
	ETag, LastModified string
}

// validators are the conditional-GET headers remembered for one URL.
type validators struct {
	etag, lastModified string
}

// Fetcher fetches URLs safely. Create it with New; it is safe for
// concurrent use.
type Fetcher struct {
	opts   Options
	client *http.Client

	// lookup resolves a host name; connect opens a TCP connection to an
	// already checked ip:port. Tests replace them to assert that refused
	// addresses are never dialled.
	lookup  func(ctx context.Context, host string) ([]netip.Addr, error)
	connect func(ctx context.Context, network, addr string) (net.Conn, error)
	// exempt, when valid, is one address:port the guard lets through even
	// though it is not public (tests point a public-looking name at their
	// loopback server this way).
	exempt netip.AddrPort

	mu    sync.Mutex
	cache map[string]validators // by requested URL
	next  map[string]time.Time  // by lower-case host name: earliest next start
}

// New returns a Fetcher for o. Unusable option values (a negative
// Timeout or MaxBytes, a UserAgent with a line break) fall back to their
// defaults.
func New(o Options) *Fetcher {
	o = o.withDefaults()
	f := &Fetcher{
		opts:  o,
		cache: make(map[string]validators),
		next:  make(map[string]time.Time),
	}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !o.AllowPrivate {
		dialer.Control = f.controlConn
	}
	f.connect = dialer.DialContext
	f.lookup = func(ctx context.Context, host string) ([]netip.Addr, error) {
		return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	}

	var client http.Client
	if o.Client != nil {
		client = *o.Client
	}
	switch t := client.Transport.(type) {
	case nil:
		client.Transport = f.newTransport(nil)
	case *http.Transport:
		client.Transport = f.newTransport(t)
	}
	client.CheckRedirect = f.checkRedirect
	f.client = &client
	return f
}

// newTransport clones base (or a fresh transport) with the guarded dialer
// and no proxy.
func (f *Fetcher) newTransport(base *http.Transport) *http.Transport {
	var t *http.Transport
	if base != nil {
		t = base.Clone()
	} else {
		t = &http.Transport{
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          64,
			MaxIdleConnsPerHost:   4,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   10 * time.Second,
			ExpectContinueTimeout: time.Second,
		}
	}
	// An environment proxy would dial the proxy, not the checked address,
	// and would let HTTP_PROXY settings redirect traffic: never use one.
	t.Proxy = nil
	t.DialContext = f.dialContext
	t.DialTLSContext = nil
	return t
}

// CloseIdleConnections closes idle keep-alive connections (and their
// goroutines).
func (f *Fetcher) CloseIdleConnections() { f.client.CloseIdleConnections() }

// allowed reports whether the guard lets ap through.
func (f *Fetcher) allowed(ap netip.AddrPort) error {
	if f.opts.AllowPrivate || (f.exempt.IsValid() && ap == f.exempt) {
		return nil
	}
	return checkAddr(ap.Addr())
}

// controlConn re-checks the address at connect time, after every lookup:
// the last line of defence against a resolver or redirect surprise.
func (f *Fetcher) controlConn(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: unparsable dial address %q", ErrForbiddenAddress, address)
	}
	return f.allowed(ap)
}

// dialContext resolves the host itself, drops every refused address, and
// dials the checked IPs directly, so a second (rebinding) lookup never
// happens between check and connect.
func (f *Fetcher) dialContext(ctx context.Context, network, address string) (net.Conn, error) {
	host, portStr, err := net.SplitHostPort(address)
	if err != nil {
		return nil, fmt.Errorf("fetch: dial %q: %w", address, err)
	}
	port, err := strconv.ParseUint(portStr, 10, 16)
	if err != nil {
		return nil, fmt.Errorf("fetch: dial %q: bad port: %w", address, err)
	}
	if !f.opts.AllowPrivate && isLocalName(host) {
		return nil, fmt.Errorf("%w: %q names the local host", ErrForbiddenAddress, host)
	}
	var addrs []netip.Addr
	if a, ok := hostAddr(host); ok {
		addrs = []netip.Addr{a}
	} else {
		addrs, err = f.lookup(ctx, host)
		if err != nil {
			return nil, fmt.Errorf("fetch: resolve %q: %w", host, err)
		}
	}
	var firstRefusal, lastErr error
	dialled := false
	for _, a := range addrs {
		ap := netip.AddrPortFrom(a.Unmap(), uint16(port))
		if err := f.allowed(ap); err != nil {
			if firstRefusal == nil {
				firstRefusal = fmt.Errorf("%s resolves to: %w", host, err)
			}
			continue
		}
		dialled = true
		c, err := f.connect(ctx, network, ap.String())
		if err == nil {
			return c, nil
		}
		lastErr = err
		if ctx.Err() != nil {
			break
		}
	}
	switch {
	case dialled:
		return nil, lastErr
	case firstRefusal != nil:
		return nil, firstRefusal
	default:
		return nil, fmt.Errorf("fetch: resolve %q: no addresses", host)
	}
}

// checkURL parses raw and applies the pre-dial checks.
func (f *Fetcher) checkURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidURL, err)
	}
	if err := f.checkParsed(u); err != nil {
		return nil, err
	}
	return u, nil
}

// checkParsed applies the checks that need no I/O: scheme, host present,
// and (unless AllowPrivate) IP literals and localhost names.
func (f *Fetcher) checkParsed(u *url.URL) error {
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" {
		return fmt.Errorf("%w: %q", ErrScheme, u.Scheme)
	}
	host := u.Hostname()
	if host == "" {
		return fmt.Errorf("%w: %q has no host", ErrInvalidURL, u.Redacted())
	}
	if f.opts.AllowPrivate {
		return nil
	}
	if isLocalName(host) {
		return fmt.Errorf("%w: %q names the local host", ErrForbiddenAddress, host)
	}
	if a, ok := hostAddr(host); ok {
		port := uint16(80)
		if strings.EqualFold(u.Scheme, "https") {
			port = 443
		}
		if p, err := strconv.ParseUint(u.Port(), 10, 16); err == nil {
			port = uint16(p)
		}
		return f.allowed(netip.AddrPortFrom(a.Unmap(), port))
	}
	return nil
}

// CheckURL reports, without any I/O, whether rawURL would be refused
// outright: an error wrapping ErrInvalidURL, ErrScheme or
// ErrForbiddenAddress. Host names pass here and are checked after lookup.
// Callers use it to reject bad feed lists up front.
func (f *Fetcher) CheckURL(rawURL string) error {
	_, err := f.checkURL(rawURL)
	return err
}

// checkRedirect limits redirects and applies the pre-dial checks to each
// hop; the dial-time guard then checks the hop's resolved address.
func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > MaxRedirects {
		return fmt.Errorf("%w: more than %d", ErrRedirects, MaxRedirects)
	}
	if err := f.checkParsed(req.URL); err != nil {
		return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), err)
	}
	return nil
}

// wait blocks until the politeness gap for host has passed, reserving the
// next slot so concurrent callers queue up in order.
func (f *Fetcher) wait(ctx context.Context, host string) error {
	gap := f.opts.PerHostInterval
	if gap <= 0 {
		return nil
	}
	host = strings.ToLower(host)
	now := f.opts.Now()
	f.mu.Lock()
	slot := now
	if n, ok := f.next[host]; ok && n.After(now) {
		slot = n
	}
	if len(f.next) >= maxHosts {
		for h, n := range f.next {
			if !n.After(now) {
				delete(f.next, h)
			}
		}
	}
	f.next[host] = slot.Add(gap)
	f.mu.Unlock()
	return f.opts.Sleep(ctx, slot.Sub(now))
}

// remember stores the validators for url, bounding the cache.
func (f *Fetcher) remember(url string, v validators) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if v.etag == "" && v.lastModified == "" {
		delete(f.cache, url)
		return
	}
	if _, ok := f.cache[url]; !ok && len(f.cache) >= maxValidators {
		for k := range f.cache { // drop an arbitrary entry: a cache miss only costs a full fetch
			delete(f.cache, k)
			break
		}
	}
	f.cache[url] = v
}

// Get fetches rawURL. It waits for the host's politeness slot, then sends a
// conditional GET with the ETag (If-None-Match) and Last-Modified
// (If-Modified-Since) remembered from the last 200 for this URL. A 304
// returns NotModified=true and no body. A status other than 2xx/304 returns
// a *StatusError (matching ErrStatus); refused addresses, schemes and
// oversize bodies return errors wrapping ErrForbiddenAddress, ErrScheme and
// ErrTooLarge.
func (f *Fetcher) Get(ctx context.Context, rawURL string) (*Response, error) {
	u, err := f.checkURL(rawURL)
	if err != nil {
		return nil, err
	}
	if err := f.wait(ctx, u.Hostname()); err != nil {
		return nil, fmt.Errorf("fetch: %s: %w", u.Redacted(), err)
	}
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidURL, err)
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.9, text/xml;q=0.8, */*;q=0.5")
	f.mu.Lock()
	v, conditional := f.cache[rawURL]
	f.mu.Unlock()
	if conditional {
		if v.etag != "" {
			req.Header.Set("If-None-Match", v.etag)
		}
		if v.lastModified != "" {
			req.Header.Set("If-Modified-Since", v.lastModified)
		}
	}
	resp, err := f.client.Do(req)
	if err != nil {
		if ue, ok := errors.AsType[*url.Error](err); ok {
			err = ue.Err // drop the repeated "Get <url>:" prefix
		}
		return nil, fmt.Errorf("fetch: get %s: %w", u.Redacted(), err)
	}
	defer resp.Body.Close()

	out := &Response{
		URL:         resp.Request.URL.String(),
		Status:      resp.StatusCode,
		ContentType: resp.Header.Get("Content-Type"),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		if e := resp.Header.Get("ETag"); e != "" {
			v.etag = e
		}
		if lm := resp.Header.Get("Last-Modified"); lm != "" {
			v.lastModified = lm
		}
		out.ETag, out.LastModified = v.etag, v.lastModified
		if conditional {
			f.remember(rawURL, v)
		}
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10)) // lets the connection be reused
		return nil, fmt.Errorf("fetch: get %s: %w", u.Redacted(), &StatusError{
			Code:       resp.StatusCode,
			RetryAfter: parseRetryAfter(resp.Header.Get("Retry-After"), f.opts.Now()),
		})
	}
	if resp.ContentLength > f.opts.MaxBytes {
		return nil, fmt.Errorf("fetch: get %s: %w: %s", u.Redacted(), ErrTooLarge, say.OverLimit("the body", resp.ContentLength, f.opts.MaxBytes, f.opts.MaxBytesSetting))
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.opts.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("fetch: read %s: %w", u.Redacted(), err)
	}
	if int64(len(body)) > f.opts.MaxBytes {
		return nil, fmt.Errorf("fetch: get %s: %w: %s", u.Redacted(), ErrTooLarge, say.OverLimit("the body", -1, f.opts.MaxBytes, f.opts.MaxBytesSetting))
	}
	out.Body = body
	out.ETag = resp.Header.Get("ETag")
	out.LastModified = resp.Header.Get("Last-Modified")
	f.remember(rawURL, validators{etag: out.ETag, lastModified: out.LastModified})
	return out, nil
}

// Body fetches rawURL like Get and returns its body and Content-Type: the
// shape of read.Options.Fetch, so that a reader reads URL inputs through
// the guarded fetcher. A 304 (the URL was fetched before and has not
// changed) gives an empty body.
func (f *Fetcher) Body(ctx context.Context, rawURL string) (body []byte, contentType string, err error) {
	r, err := f.Get(ctx, rawURL)
	if err != nil {
		return nil, "", err
	}
	return r.Body, r.ContentType, nil
}

// maxRetryAfter caps what a server may ask for: a bogus far-future date must
// not silence a feed for years.
const maxRetryAfter = 24 * time.Hour

// parseRetryAfter reads a Retry-After value: delta-seconds ("120") or an
// HTTP-date relative to now. Unparsable or past values give 0; the result
// is capped at 24h.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	var d time.Duration
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		if secs >= int64(maxRetryAfter/time.Second) {
			return maxRetryAfter
		}
		d = time.Duration(secs) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = t.Sub(now)
	}
	return min(max(d, 0), maxRetryAfter)
}
