package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/crosscheck/crosscheck/internal/fetch"
	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/news"
)

// runWatch polls feeds and ingests every new item until interrupted:
// conditional GET, backoff on errors, per-host politeness and the address
// guard all come from package fetch.
func runWatch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("watch", stderr)
	db := dbFlag(fs)
	interval := fs.Duration("interval", 5*time.Minute, "time between polls of one feed")
	var in inputFlags
	in.register(fs)
	feeds, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(feeds) == 0 {
		return fmt.Errorf("%w: no FEED URL given", errUsage)
	}
	if *interval < time.Second {
		return fmt.Errorf("%w: --interval must be at least 1s", errUsage)
	}
	fe := in.fetcher()
	for _, f := range feeds {
		if err := fe.CheckURL(f); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
	}
	st, eng, err := openEngine(ctx, *db, ingest.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	rd := in.reader()
	w := fetch.NewWatcher(fe, *interval)
	w.Logger = slog.New(slog.NewTextHandler(stderr, nil))
	fmt.Fprintf(stderr, "watching %d feeds every %s; Ctrl-C stops\n", len(feeds), *interval)
	err = w.Run(ctx, feeds, func(feed string, r *fetch.Response) error {
		added, dup, rejected := 0, 0, 0
		err := rd.EachStream(ctx, feed, bytes.NewReader(r.Body), func(raw news.Raw, err error) error {
			if err != nil {
				rejected++
				fmt.Fprintf(stderr, "skip: %v\n", err)
				return nil
			}
			res, err := eng.IngestRaw(ctx, raw)
			switch {
			case errors.Is(err, ingest.ErrRejected):
				rejected++
				return nil
			case err != nil:
				return err
			case res.Added:
				added++
			default:
				dup++
			}
			return nil
		})
		if _, ferr := eng.Flush(ctx); err == nil {
			err = ferr
		}
		fmt.Fprintf(stderr, "%s: added %d, duplicates %d, rejected %d\n", feed, added, dup, rejected)
		return err
	})
	if errors.Is(err, context.Canceled) {
		_, ferr := eng.Flush(context.WithoutCancel(ctx))
		return ferr
	}
	return err
}
