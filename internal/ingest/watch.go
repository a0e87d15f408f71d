package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/crosscheck/crosscheck/internal/fetch"
	"github.com/crosscheck/crosscheck/internal/read"
)

// String renders one stream's counts: "added 2, duplicates 0, rejected 1".
func (n StreamCounts) String() string {
	return fmt.Sprintf("added %d, duplicates %d, rejected %d", n.Added, n.Duplicates, n.Rejected)
}

// Watch polls feeds with w until ctx ends and ingests every changed feed
// body with IngestStream, reading it with r; report, when set, receives
// each body's counts. Meanwhile a briefing worker (Work) builds the
// changed stories' briefings in the background. When ctx is cancelled
// (Ctrl-C, SIGTERM) the stories still pending are queued (a later serve,
// watch or ingest briefs them) and Watch returns nil; it returns an error
// for a feed list the watcher refuses or a failure that stops ingest.
func (e *Engine) Watch(ctx context.Context, w *fetch.Watcher, r *read.Reader, feeds []string, report func(feed string, n StreamCounts)) error {
	defer e.StartWork(ctx)()
	defer e.startAdopting(ctx)()
	err := w.Run(ctx, feeds, func(feed string, resp *fetch.Response) error {
		n, err := e.IngestStream(ctx, r, feed, bytes.NewReader(resp.Body))
		if report != nil {
			report(feed, n)
		}
		return err
	})
	if errors.Is(err, context.Canceled) {
		_, err = e.Flush(context.WithoutCancel(ctx))
	}
	return err
}

// StartWork runs Work in a goroutine until ctx ends or the returned stop
// is called; stop waits for the worker to return, so a caller stops it
// before closing the store.
func (e *Engine) StartWork(ctx context.Context) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); e.Work(ctx) }()
	return func() { cancel(); <-done }
}

// LogBriefErrors returns an Options.OnBriefError that logs each failed
// briefing (and store error of the queue, story "") as a warning.
func LogBriefErrors(log *slog.Logger) func(storyID, reason string) {
	return func(storyID, reason string) { log.Warn("briefing failed", "story", storyID, "reason", reason) }
}
