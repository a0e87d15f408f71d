package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/crosscheck/crosscheck/internal/fetch"
	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/server"
)

// serveCmd serves the web pages and the JSON API over the archive until
// SIGINT or SIGTERM, then finishes in-flight requests and brings the
// changed briefings up to date.
func serveCmd(fs *flag.FlagSet) action {
	db := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "listen `ADDRESS` (host:port; port 0 picks a free one)")
	token := fs.String("token", "", "bearer `TOKEN` that guards ingest (default $CROSSCHECK_TOKEN)")
	openIngest := fs.Bool("open-ingest", false, "allow POST /api/articles without a token when none is set")
	guardReads := fs.Bool("guard-reads", false, "require the token for pages and API reads too (browsers: HTTP Basic, the token as password)")
	maxBody := fs.Int64("max-body", server.DefaultMaxBody, "largest request body accepted, in `bytes`")
	return func(ctx context.Context, rest []string, stdout, stderr io.Writer) error {
		tok := *token
		if tok == "" {
			tok = os.Getenv("CROSSCHECK_TOKEN")
		}
		switch {
		case len(rest) > 0:
			return usageErr("serve takes no INPUT (post articles to /api/articles or run crosscheck ingest)")
		case *guardReads && tok == "":
			return usageErr("--guard-reads needs --token or $CROSSCHECK_TOKEN")
		case *maxBody <= 0:
			return usageErr("--max-body must be positive")
		}
		log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
		st, eng, err := openEngine(ctx, *db, ingest.Options{OnBriefError: func(id, reason string) {
			log.Warn("briefing failed", "story", id, "reason", reason)
		}})
		if err != nil {
			return err
		}
		defer st.Close()
		defer runWorker(ctx, eng)() // briefings off the request path; stopped before the store closes
		srv, err := server.New(server.Options{
			Store: st, Token: tok, OpenIngest: *openIngest, GuardReads: *guardReads, MaxBody: *maxBody, Logger: log,
			Ingest: func(ctx context.Context, raw news.Raw) (string, string, bool, error) {
				res, err := eng.IngestRaw(ctx, raw)
				return res.ArticleID, res.StoryID, res.Added, err
			},
			Flush: func(ctx context.Context) error { _, err := eng.Flush(ctx); return err },
			ClassifyIngestError: func(err error) int {
				if errors.Is(err, ingest.ErrRejected) {
					return http.StatusUnprocessableEntity
				}
				return 0
			},
		})
		if err != nil {
			return err
		}
		ln, err := net.Listen("tcp", *addr)
		if err != nil {
			return err
		}
		if tok == "" && *openIngest {
			log.Warn("ingest is open to anyone who can reach " + ln.Addr().String())
		} else if tok == "" {
			log.Info("ingest is disabled: set --token or $CROSSCHECK_TOKEN to allow POST /api/articles")
		}
		fmt.Fprintf(stderr, "crosscheck: serving http://%s/\n", ln.Addr())
		serveErr := srv.Serve(ctx, ln)
		// Requests are finished: write the briefings still pending.
		if _, err := eng.Flush(context.WithoutCancel(ctx)); serveErr == nil {
			serveErr = err
		}
		return serveErr
	}
}

// watchCmd polls feeds and ingests every new item until interrupted:
// conditional GET, backoff on errors, per-host politeness and the address
// guard all come from package fetch.
func watchCmd(fs *flag.FlagSet) action {
	db := dbFlag(fs)
	interval := fs.Duration("interval", 5*time.Minute, "time between polls of one feed")
	in := addInputFlags(fs)
	return func(ctx context.Context, feeds []string, stdout, stderr io.Writer) error {
		if len(feeds) == 0 {
			return usageErr("no FEED URL given")
		} else if *interval < time.Second {
			return usageErr("--interval must be at least 1s")
		}
		fe := in.fetcher()
		for _, f := range feeds {
			if err := fe.CheckURL(f); err != nil {
				return fmt.Errorf("%s: %w", f, err)
			}
		}
		st, eng, err := openEngine(ctx, *db, ingest.Options{OnSkip: printSkips(stderr), OnBriefError: func(id, reason string) {
			fmt.Fprintf(stderr, "briefing of story %s failed: %s\n", id, reason)
		}})
		if err != nil {
			return err
		}
		defer st.Close()
		defer runWorker(ctx, eng)()
		rd, w := in.reader(), fetch.NewWatcher(fe, *interval)
		w.Logger = slog.New(slog.NewTextHandler(stderr, nil))
		fmt.Fprintf(stderr, "watching %d feeds every %s; Ctrl-C stops\n", len(feeds), *interval)
		err = w.Run(ctx, feeds, func(feed string, r *fetch.Response) error {
			n, err := eng.IngestStream(ctx, rd, feed, bytes.NewReader(r.Body))
			fmt.Fprintf(stderr, "%s: added %d, duplicates %d, rejected %d\n", feed, n.Added, n.Duplicates, n.Rejected)
			return err
		})
		if errors.Is(err, context.Canceled) {
			_, err = eng.Flush(context.WithoutCancel(ctx))
		}
		return err
	}
}

// runWorker starts the engine's briefing worker and returns the function
// that stops it and waits for it.
func runWorker(ctx context.Context, eng *ingest.Engine) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); eng.Work(ctx) }()
	return func() { cancel(); <-done }
}
