package ingest

import (
	"context"
	"errors"
	"io"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/read"
)

// StreamCounts counts what IngestStream did with one stream's items.
type StreamCounts struct {
	Added, Duplicates, Rejected int
}

// IngestStream reads one already-fetched stream (a feed body, a JSONL
// file) with r, ingests every item with IngestRaw and then queues the
// changed stories' briefings (Flush; Work builds them). Unreadable and rejected items are counted
// and reported to Options.OnSkip; the returned error is for failures that
// stop the stream (the store, ctx).
func (e *Engine) IngestStream(ctx context.Context, r *read.Reader, name string, body io.Reader) (StreamCounts, error) {
	var n StreamCounts
	skip := func(input, reason string) {
		n.Rejected++
		if e.o.OnSkip != nil {
			e.o.OnSkip(input, reason)
		}
	}
	err := r.EachStream(ctx, name, body, func(raw news.Raw, err error) error {
		if err != nil {
			skip(raw.Input, err.Error())
			return nil
		}
		res, err := e.IngestRaw(ctx, raw)
		switch {
		case errors.Is(err, ErrRejected):
			skip(raw.Input, res.Reason)
		case err != nil:
			return err
		case res.Added:
			n.Added++
		default:
			n.Duplicates++
		}
		return nil
	})
	if err == nil {
		_, err = e.adoptDue(ctx)
	}
	if _, ferr := e.Flush(ctx); err == nil {
		err = ferr
	}
	return n, err
}
