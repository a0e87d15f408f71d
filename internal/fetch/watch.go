package fetch

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"
)

// Jitter fractions: a delay d becomes d×(1±j), spreading feeds that started
// together so they do not poll in lock-step.
const (
	successJitter = 0.1
	failureJitter = 0.2
)

// Watcher polls feeds through a Fetcher. Configure the exported fields
// before Run; a Watcher may run again after Run returns, keeping each
// feed's backoff state.
type Watcher struct {
	// MaxBackoff caps the delay after repeated failures. NewWatcher sets
	// it to 16×interval.
	MaxBackoff time.Duration
	// Logger receives one warning per failed poll. Nil discards.
	Logger *slog.Logger

	f        *Fetcher
	interval time.Duration
	rand     func() float64 // in [0,1); tests pin it

	mu       sync.Mutex
	failures map[string]int // consecutive failures per feed URL
}

// NewWatcher returns a Watcher that polls each feed every interval (zero or
// negative means one minute) through f, which supplies politeness,
// conditional GET, the address guard, the clock and the sleep function.
func NewWatcher(f *Fetcher, interval time.Duration) *Watcher {
	if interval <= 0 {
		interval = time.Minute
	}
	return &Watcher{
		MaxBackoff: 16 * interval,
		f:          f,
		interval:   interval,
		rand:       rand.Float64,
		failures:   make(map[string]int),
	}
}

// Run polls every feed until ctx is cancelled, then waits for its
// goroutines (one per distinct feed) to finish and returns ctx.Err().
//
// Each feed is fetched at once and then on its own schedule: interval after
// a success (jittered ±10%), and after n consecutive failures interval×2^n
// (jittered ±20%, capped at MaxBackoff) — or longer when the server sent
// Retry-After. A failure is any Get error (network, refused address, 4xx,
// 5xx, 429, oversize body) or an error returned by fn; a success, 304
// included, resets the schedule. Requests to one host keep the Fetcher's
// politeness gap across feeds.
//
// fn is called with each successful non-304 response, never concurrently
// with itself. Run returns an error at once, without fetching, if feeds is
// empty or a feed URL is refused by CheckURL.
func (w *Watcher) Run(ctx context.Context, feeds []string, fn func(feedURL string, r *Response) error) error {
	if len(feeds) == 0 {
		return errors.New("fetch: watch: no feeds")
	}
	seen := make(map[string]bool, len(feeds))
	var uniq []string
	var errs []error
	for _, feed := range feeds {
		if err := w.f.CheckURL(feed); err != nil {
			errs = append(errs, fmt.Errorf("fetch: watch %q: %w", feed, err))
			continue
		}
		if !seen[feed] {
			seen[feed] = true
			uniq = append(uniq, feed)
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}

	var fnMu sync.Mutex
	call := func(feed string, r *Response) error {
		fnMu.Lock()
		defer fnMu.Unlock()
		return fn(feed, r)
	}
	var wg sync.WaitGroup
	for _, feed := range uniq {
		wg.Go(func() { w.poll(ctx, feed, call) })
	}
	wg.Wait()
	return ctx.Err()
}

// poll is one feed's loop.
func (w *Watcher) poll(ctx context.Context, feed string, call func(string, *Response) error) {
	for {
		r, err := w.f.Get(ctx, feed)
		if ctx.Err() != nil {
			return
		}
		if err == nil && !r.NotModified {
			if herr := call(feed, r); herr != nil {
				err = fmt.Errorf("fetch: watch %q: handler: %w", feed, herr)
			}
		}
		d := w.record(feed, err)
		if err != nil && w.Logger != nil {
			w.Logger.LogAttrs(ctx, slog.LevelWarn, "feed poll failed",
				slog.String("feed", feed), slog.Any("err", err), slog.Duration("retry_in", d))
		}
		if w.f.opts.Sleep(ctx, d) != nil {
			return
		}
	}
}

// record updates feed's failure count with the outcome err and returns the
// delay before its next poll.
func (w *Watcher) record(feed string, err error) time.Duration {
	w.mu.Lock()
	n := 0
	if err != nil {
		n = w.failures[feed] + 1
	}
	if n == 0 {
		delete(w.failures, feed)
	} else {
		w.failures[feed] = n
	}
	r := w.rand()
	w.mu.Unlock()

	var retryAfter time.Duration
	if se, ok := errors.AsType[*StatusError](err); ok {
		retryAfter = se.RetryAfter
	}
	return w.delay(n, retryAfter, r)
}

// delay is the pause after n consecutive failures (0: after a success),
// given the server's Retry-After and a random r in [0,1).
func (w *Watcher) delay(n int, retryAfter time.Duration, r float64) time.Duration {
	if n == 0 {
		return jitter(w.interval, successJitter, r)
	}
	maxB := max(w.MaxBackoff, w.interval)
	d := maxB
	if n < 31 {
		if b := w.interval << n; b > 0 && b < maxB {
			d = b
		}
	}
	d = min(jitter(d, failureJitter, r), maxB)
	return max(d, min(retryAfter, maxRetryAfter))
}

// jitter scales d by a factor in [1-j, 1+j) chosen by r in [0,1).
func jitter(d time.Duration, j, r float64) time.Duration {
	return time.Duration(float64(d) * (1 + j*(2*r-1)))
}
