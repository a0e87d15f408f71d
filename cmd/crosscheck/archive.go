package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/cli"
	"github.com/crosscheck/crosscheck/internal/fetch"
	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/listing"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/say"
	"github.com/crosscheck/crosscheck/internal/server"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/archive"
	"github.com/crosscheck/crosscheck/internal/text"
)

// withStore runs fn on the archive dsn names, opened with o.
func withStore(ctx context.Context, dsn string, o store.Options, fn func(store.Store) error) error {
	st, err := archive.OpenWith(ctx, dsn, o)
	if err != nil {
		if ctx.Err() != nil {
			// A signal while the archive is opened (a new archive's
			// migrations run in one transaction) leaves it as it was.
			return fmt.Errorf("interrupted while opening the archive: nothing stored or changed: %w", err)
		}
		return err
	}
	defer st.Close()
	return fn(st)
}

// withEngine runs fn with the story engine over the archive dsn names;
// the archive stamps its rows with the engine's clock.
func withEngine(ctx context.Context, dsn string, o ingest.Options, fn func(store.Store, *ingest.Engine) error) error {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return err
	}
	return withStore(ctx, dsn, store.Options{Now: o.Now}, func(st store.Store) error {
		eng, err := ingest.New(ctx, st, p, o)
		if err != nil {
			if ctx.Err() != nil {
				// A signal while the engine reads the clustering state
				// (or, on an archive from before the state was kept,
				// replays it and writes it in one transaction) comes
				// before any input is read.
				return fmt.Errorf("interrupted while loading the clustering state: no input read, nothing stored (a state not yet written is written by the next run): %w", err)
			}
			return err
		}
		return fn(st, eng)
	})
}

func ingestCmd(fs *flag.FlagSet) cli.Action {
	db := fs.String("db", "", archive.Usage)
	workers := cli.AtLeast(fs, "workers", 0, 0, "analysis `goroutines` (0: one per core)")
	timeout := cli.AtLeast(fs, "brief-timeout", ingest.DefaultBriefTimeout, time.Second, "give up on one story's briefing after `DURATION` (it stays queued and is retried later)")
	in := addInputFlags(fs)
	return func(ctx context.Context, inputs []string, stdout, stderr io.Writer) error {
		return withEngine(ctx, *db, ingest.Options{Workers: *workers, BriefTimeout: *timeout, OnSkip: cli.Skips(stderr)}, func(_ store.Store, eng *ingest.Engine) error {
			rd, _ := in.reader()
			return eng.IngestAll(ctx, inputs, rd, cli.Terminal(stderr), stderr)
		})
	}
}

// watchCmd polls feeds and ingests every new item until interrupted;
// package fetch supplies conditional GET, backoff, politeness and the
// address guard.
func watchCmd(fs *flag.FlagSet) cli.Action {
	db := fs.String("db", "", archive.Usage)
	interval := cli.AtLeast(fs, "interval", 5*time.Minute, time.Second, "`duration` between polls of one feed")
	in := addInputFlags(fs)
	return func(ctx context.Context, feeds []string, stdout, stderr io.Writer) error {
		log := slog.New(slog.NewTextHandler(stderr, nil))
		return withEngine(ctx, *db, ingest.Options{OnSkip: cli.Skips(stderr), OnBriefError: ingest.LogBriefErrors(log)}, func(_ store.Store, eng *ingest.Engine) error {
			rd, fe := in.reader()
			w := fetch.NewWatcher(fe, *interval)
			w.Logger = log
			fmt.Fprintf(stderr, "watching %s every %s; Ctrl-C stops\n", say.Count(len(feeds), "feed", "feeds"), *interval)
			return eng.Watch(ctx, w, rd, feeds, func(feed string, n ingest.StreamCounts) { fmt.Fprintf(stderr, "%s: %s\n", feed, n) })
		})
	}
}

// serveCmd serves the web pages and the JSON API over the archive until
// SIGINT or SIGTERM; the engine's worker builds the briefings meanwhile.
func serveCmd(fs *flag.FlagSet) cli.Action {
	db := fs.String("db", "", archive.Usage)
	addr := fs.String("addr", "127.0.0.1:8080", "listen `ADDRESS` (host:port; port 0 picks a free one)")
	var o server.Options
	fs.StringVar(&o.Token, "token", "", "bearer `TOKEN` that guards ingest (default $CROSSCHECK_TOKEN)")
	fs.BoolVar(&o.OpenIngest, "open-ingest", false, "allow POST /api/articles without a token when none is set")
	fs.BoolVar(&o.GuardReads, "guard-reads", false, "require the token for pages and API reads too (browsers: HTTP Basic, the token as password)")
	cli.AtLeastVar(fs, &o.MaxBody, "max-body", server.DefaultMaxBody, 1, "largest request body accepted, in `bytes`")
	return func(ctx context.Context, _ []string, stdout, stderr io.Writer) error {
		if o.Token = cmp.Or(o.Token, os.Getenv("CROSSCHECK_TOKEN")); o.GuardReads && o.Token == "" {
			return cli.Usagef("--guard-reads needs --token or $CROSSCHECK_TOKEN")
		}
		o.Logger = slog.New(slog.NewTextHandler(stderr, nil))
		return withEngine(ctx, *db, ingest.Options{OnBriefError: ingest.LogBriefErrors(o.Logger)}, func(st store.Store, eng *ingest.Engine) error {
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
		})
	}
}

func storiesCmd(fs *flag.FlagSet) cli.Action {
	db := fs.String("db", "", archive.Usage)
	format := cli.Choice(fs, "format", "output `format`", "text", "json")
	limit := cli.AtLeast(fs, "limit", store.DefaultLimit, 1, "list at most `N` stories, newest news first")
	return func(ctx context.Context, _ []string, stdout, _ io.Writer) error {
		return withStore(ctx, *db, store.Options{}, func(st store.Store) error { return listing.WriteStories(ctx, stdout, st, *limit, *format) })
	}
}

// storyCmd prints the briefing of the story ID names, or of the most
// recently updated story.
func storyCmd(fs *flag.FlagSet) cli.Action {
	db := fs.String("db", "", archive.Usage)
	format := cli.Choice(fs, "format", "output `format`", brief.Formats()...)
	return func(ctx context.Context, id []string, stdout, stderr io.Writer) error {
		return withStore(ctx, *db, store.Options{}, func(st store.Store) error {
			b, status, err := ingest.StoryBriefing(ctx, st, brief.New(brief.Options{Stem: text.Stem}), strings.Join(id, ""), ingest.ReadOptions{})
			var none *ingest.NoStoryError
			if errors.As(err, &none) {
				return plainError{none.Reason(), err}
			} else if err != nil {
				return err
			} else if note := status.String(); note != "" {
				fmt.Fprintln(stderr, "note: "+note)
			}
			return brief.Write(stdout, *format, b, cli.Color(stdout))
		})
	}
}

func searchCmd(fs *flag.FlagSet) cli.Action {
	db := fs.String("db", "", archive.Usage)
	limit := cli.AtLeast(fs, "limit", 20, 1, "show at most `N` articles")
	format := cli.Choice(fs, "format", "output `format`", "text", "json")
	return func(ctx context.Context, words []string, stdout, stderr io.Writer) error {
		query := strings.Join(words, " ")
		if len(store.QueryWords(query)) == 0 {
			return cli.Usagef("QUERY has no word to search for")
		}
		return withStore(ctx, *db, store.Options{}, func(st store.Store) error {
			return listing.WriteSearch(ctx, stdout, stderr, st, query, *limit, *format)
		})
	}
}

// plainError shows msg, plain words for the command line, and keeps the
// error it stands for in the chain (errors.Is and errors.As find it).
type plainError struct {
	msg string
	err error
}

func (e plainError) Error() string { return e.msg }
func (e plainError) Unwrap() error { return e.err }
