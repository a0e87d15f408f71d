package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/crosscheck/crosscheck/internal/fetch"
	"github.com/crosscheck/crosscheck/internal/read"
)

// String renders one stream's counts: "added 2, duplicates 0, rejected 1".
func (n StreamCounts) String() string {
	return fmt.Sprintf("added %d, duplicates %d, rejected %d", n.Added, n.Duplicates, n.Rejected)
}

// Watch polls feeds with w until ctx ends and ingests every changed feed
// body with IngestStream, reading it with r; report, when set, receives
// each body's counts. When ctx is cancelled (Ctrl-C, SIGTERM) the pending
// briefings are written and Watch returns nil; it returns an error for a
// feed list the watcher refuses or a failure that stops ingest.
func (e *Engine) Watch(ctx context.Context, w *fetch.Watcher, r *read.Reader, feeds []string, report func(feed string, n StreamCounts)) error {
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
