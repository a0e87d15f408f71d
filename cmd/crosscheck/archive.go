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

// withStore runs fn on the archive dsn names when the checks pass.
func withStore(ctx context.Context, dsn string, fn func(store.Store) error, checks ...error) error {
	if err := cli.FirstErr(checks...); err != nil {
		return err
	}
	st, err := archive.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(st)
}

// withEngine runs fn with the story engine over the archive dsn names.
func withEngine(ctx context.Context, dsn string, o ingest.Options, fn func(store.Store, *ingest.Engine) error) error {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return err
	}
	return withStore(ctx, dsn, func(st store.Store) error {
		eng, err := ingest.New(ctx, st, p, o)
		if err != nil {
			return err
		}
		return fn(st, eng)
	})
}

func ingestCmd(fs *flag.FlagSet) cli.Action {
	db := fs.String("db", "", archive.Usage)
	workers := fs.Int("workers", 0, "analysis `goroutines` (0: one per core)")
	in := addInputFlags(fs)
	return func(ctx context.Context, inputs []string, stdout, stderr io.Writer) error {
		if err := cli.Need(inputs, "INPUT", cli.AtLeast("workers", *workers, 0)); err != nil {
			return err
		}
		o := ingest.Options{Workers: *workers, OnSkip: cli.Skips(stderr)}
		return withEngine(ctx, *db, o, func(_ store.Store, eng *ingest.Engine) error {
			rd, _ := in.reader()
			sum, err := eng.Ingest(ctx, inputs, rd, cli.Terminal(stderr))
			fmt.Fprintln(stderr, sum)
			if err == nil && sum.Added+sum.Duplicates == 0 && sum.Rejected > 0 {
				err = errors.New("no article could be ingested")
			}
			return err
		})
	}
}

// watchCmd polls feeds and ingests every new item until interrupted;
// package fetch supplies conditional GET, backoff, politeness and the
// address guard.
func watchCmd(fs *flag.FlagSet) cli.Action {
	db := fs.String("db", "", archive.Usage)
	interval := fs.Duration("interval", 5*time.Minute, "time between polls of one feed")
	in := addInputFlags(fs)
	return func(ctx context.Context, feeds []string, stdout, stderr io.Writer) error {
		if err := cli.Need(feeds, "FEED_URL", cli.AtLeast("interval", *interval, time.Second)); err != nil {
			return err
		}
		return withEngine(ctx, *db, ingest.Options{OnSkip: cli.Skips(stderr)}, func(_ store.Store, eng *ingest.Engine) error {
			rd, fe := in.reader()
			w := fetch.NewWatcher(fe, *interval)
			w.Logger = slog.New(slog.NewTextHandler(stderr, nil))
			fmt.Fprintf(stderr, "watching %s every %s; Ctrl-C stops\n", say.Count(len(feeds), "feed", "feeds"), *interval)
			return eng.Watch(ctx, w, rd, feeds, func(feed string, n ingest.StreamCounts) { fmt.Fprintf(stderr, "%s: %s\n", feed, n) })
		})
	}
}

// serveCmd serves the web pages and the JSON API over the archive until
// SIGINT or SIGTERM; the server finishes in-flight requests and brings the
// changed briefings up to date.
func serveCmd(fs *flag.FlagSet) cli.Action {
	db := fs.String("db", "", archive.Usage)
	addr := fs.String("addr", "127.0.0.1:8080", "listen `ADDRESS` (host:port; port 0 picks a free one)")
	var o server.Options
	fs.StringVar(&o.Token, "token", "", "bearer `TOKEN` that guards ingest (default $CROSSCHECK_TOKEN)")
	fs.BoolVar(&o.OpenIngest, "open-ingest", false, "allow POST /api/articles without a token when none is set")
	fs.BoolVar(&o.GuardReads, "guard-reads", false, "require the token for pages and API reads too (browsers: HTTP Basic, the token as password)")
	fs.Int64Var(&o.MaxBody, "max-body", server.DefaultMaxBody, "largest request body accepted, in `bytes`")
	return func(ctx context.Context, rest []string, stdout, stderr io.Writer) error {
		if o.Token = cmp.Or(o.Token, os.Getenv("CROSSCHECK_TOKEN")); len(rest) > 0 {
			return cli.Usagef("serve takes no INPUT (post articles to /api/articles or run crosscheck ingest)")
		} else if o.GuardReads && o.Token == "" {
			return cli.Usagef("--guard-reads needs --token or $CROSSCHECK_TOKEN")
		} else if err := cli.AtLeast("max-body", o.MaxBody, 1); err != nil {
			return err
		}
		return withEngine(ctx, *db, ingest.Options{}, func(st store.Store, eng *ingest.Engine) error {
			o.Store, o.Ingest, o.Logger = st, eng, slog.New(slog.NewTextHandler(stderr, nil))
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
	format := fs.String("format", "text", "output `format`: text or json")
	limit := fs.Int("limit", store.DefaultLimit, "list at most `N` stories, most recently updated first")
	return func(ctx context.Context, rest []string, stdout, _ io.Writer) error {
		if len(rest) > 0 {
			return cli.Usagef("unexpected argument %q", rest[0])
		}
		return withStore(ctx, *db, func(st store.Store) error { return listing.WriteStories(ctx, stdout, st, *limit, *format) },
			cli.OneOf("format", *format, "text", "json"), cli.AtLeast("limit", *limit, 1))
	}
}

// storyCmd prints the briefing of the story ID names, or of the most
// recently updated story.
func storyCmd(fs *flag.FlagSet) cli.Action {
	db := fs.String("db", "", archive.Usage)
	format := fs.String("format", "markdown", "output `format`: markdown, json or html")
	return func(ctx context.Context, rest []string, stdout, _ io.Writer) error {
		if len(rest) > 1 {
			return cli.Usagef("give one story ID (or none for the newest story)")
		}
		return withStore(ctx, *db, func(st store.Store) (err error) {
			id := strings.Join(rest, "")
			if id == "" {
				if id, err = listing.Newest(ctx, st); err != nil {
					return err
				}
			}
			b, _, err := ingest.Briefing(ctx, st, brief.New(brief.Options{Stem: text.Stem}), id)
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("no story %q", id)
			} else if err != nil {
				return err
			}
			return brief.Write(stdout, *format, b, cli.Color(stdout))
		}, cli.OneOf("format", *format, brief.Formats()...))
	}
}

func searchCmd(fs *flag.FlagSet) cli.Action {
	db := fs.String("db", "", archive.Usage)
	limit := fs.Int("limit", 20, "show at most `N` articles")
	format := fs.String("format", "text", "output `format`: text or json")
	return func(ctx context.Context, rest []string, stdout, stderr io.Writer) error {
		query := strings.Join(rest, " ")
		if len(store.QueryWords(query)) == 0 {
			return cli.Usagef("no QUERY given")
		}
		return withStore(ctx, *db, func(st store.Store) error {
			return listing.WriteSearch(ctx, stdout, stderr, st, query, *limit, *format)
		},
			cli.OneOf("format", *format, "text", "json"), cli.AtLeast("limit", *limit, 1))
	}
}
