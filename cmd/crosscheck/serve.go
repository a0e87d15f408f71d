package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"time"

	"github.com/crosscheck/crosscheck/internal/cli"
	"github.com/crosscheck/crosscheck/internal/fetch"
	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/say"
	"github.com/crosscheck/crosscheck/internal/server"
)

// serveCmd serves the web pages and the JSON API over the archive until
// SIGINT or SIGTERM, then finishes in-flight requests and brings the
// changed briefings up to date.
func serveCmd(fs *flag.FlagSet) cli.Action {
	db := fs.String("db", "", archiveUsage)
	addr := fs.String("addr", "127.0.0.1:8080", "listen `ADDRESS` (host:port; port 0 picks a free one)")
	var o server.Options
	fs.StringVar(&o.Token, "token", "", "bearer `TOKEN` that guards ingest (default $CROSSCHECK_TOKEN)")
	fs.BoolVar(&o.OpenIngest, "open-ingest", false, "allow POST /api/articles without a token when none is set")
	fs.BoolVar(&o.GuardReads, "guard-reads", false, "require the token for pages and API reads too (browsers: HTTP Basic, the token as password)")
	fs.Int64Var(&o.MaxBody, "max-body", server.DefaultMaxBody, "largest request body accepted, in `bytes`")
	return func(ctx context.Context, rest []string, stdout, stderr io.Writer) error {
		o.Token = cmp.Or(o.Token, os.Getenv("CROSSCHECK_TOKEN"))
		switch {
		case len(rest) > 0:
			return cli.Usagef("serve takes no INPUT (post articles to /api/articles or run crosscheck ingest)")
		case o.GuardReads && o.Token == "":
			return cli.Usagef("--guard-reads needs --token or $CROSSCHECK_TOKEN")
		}
		if err := cli.AtLeast("max-body", o.MaxBody, 1); err != nil {
			return err
		}
		o.Logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
		st, eng, err := openEngine(ctx, *db, ingest.Options{})
		if err != nil {
			return err
		}
		defer st.Close()
		o.Store, o.Ingest = st, eng
		srv, err := server.New(o)
		if err != nil {
			return err
		}
		ln, err := net.Listen("tcp", *addr)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "crosscheck: serving http://%s/\n", ln.Addr())
		return srv.Serve(ctx, ln)
	}
}

// watchCmd polls feeds and ingests every new item until interrupted:
// conditional GET, backoff on errors, per-host politeness and the address
// guard all come from package fetch.
func watchCmd(fs *flag.FlagSet) cli.Action {
	db := fs.String("db", "", archiveUsage)
	interval := fs.Duration("interval", 5*time.Minute, "time between polls of one feed")
	in := addInputFlags(fs)
	return func(ctx context.Context, feeds []string, stdout, stderr io.Writer) error {
		if err := cli.Need(feeds, "FEED_URL"); err != nil {
			return err
		} else if *interval < time.Second {
			return cli.Usagef("--interval must be at least 1s")
		}
		st, eng, err := openEngine(ctx, *db, ingest.Options{OnSkip: cli.Skips(stderr)})
		if err != nil {
			return err
		}
		defer st.Close()
		rd, fe := in.reader()
		w := fetch.NewWatcher(fe, *interval)
		w.Logger = slog.New(slog.NewTextHandler(stderr, nil))
		fmt.Fprintf(stderr, "watching %s every %s; Ctrl-C stops\n", say.Count(len(feeds), "feed", "feeds"), *interval)
		return eng.Watch(ctx, w, rd, feeds, func(feed string, n ingest.StreamCounts) { fmt.Fprintf(stderr, "%s: %s\n", feed, n) })
	}
}
