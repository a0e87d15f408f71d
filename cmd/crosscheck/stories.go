package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/listing"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/postgres"
	"github.com/crosscheck/crosscheck/internal/store/sqlite"
	"github.com/crosscheck/crosscheck/internal/text"
)

// openStore opens the archive named by dsn: a postgres:// or postgresql://
// URL opens PostgreSQL, anything else is a SQLite file path. An empty dsn
// means $DATABASE_URL when set, else the default SQLite file in the user's
// data directory.
func openStore(ctx context.Context, dsn string) (store.Store, error) {
	if dsn == "" {
		dsn = os.Getenv("DATABASE_URL")
	}
	if dsn == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return nil, fmt.Errorf("no --db given and no default archive path: %w", err)
		}
		dsn = p
	}
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return postgres.Open(ctx, dsn)
	}
	return sqlite.Open(ctx, dsn)
}

// openEngine opens the archive and the story engine over it. The caller
// closes the store.
func openEngine(ctx context.Context, dsn string, o ingest.Options) (store.Store, *ingest.Engine, error) {
	st, err := openStore(ctx, dsn)
	if err != nil {
		return nil, nil, err
	}
	p, err := pipeline.New(pipeline.Options{})
	if err == nil {
		var eng *ingest.Engine
		if eng, err = ingest.New(ctx, st, p, o); err == nil {
			return st, eng, nil
		}
	}
	st.Close()
	return nil, nil, err
}

func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "archive: a SQLite file `DSN` or a postgres:// URL (default $DATABASE_URL, else the SQLite file in the user data directory)")
}

// printSkips reports a rejected input on stderr, clearing the progress
// line first on a terminal.
func printSkips(stderr io.Writer) func(input, reason string) {
	tty := isTerminal(stderr)
	return func(_, reason string) {
		if tty {
			fmt.Fprint(stderr, "\r\x1b[K")
		}
		fmt.Fprintf(stderr, "skip: %s\n", reason)
	}
}

func ingestCmd(fs *flag.FlagSet) action {
	db := dbFlag(fs)
	workers := fs.Int("workers", 0, "analysis `goroutines` (0: one per core)")
	briefTimeout := fs.Duration("brief-timeout", ingest.DefaultBriefTimeout, "give up on one story's briefing after `DURATION` (it stays queued and is retried later)")
	in := addInputFlags(fs)
	return func(ctx context.Context, inputs []string, stdout, stderr io.Writer) error {
		if err := needInputs(inputs); err != nil || *workers < 0 {
			return firstErr(err, usageErr("--workers must not be negative"))
		}
		st, eng, err := openEngine(ctx, *db, ingest.Options{Workers: *workers, BriefTimeout: *briefTimeout, OnSkip: printSkips(stderr)})
		if err != nil {
			return err
		}
		defer st.Close()
		var bar io.Writer
		if isTerminal(stderr) {
			bar = stderr
		}
		sum, err := eng.Ingest(ctx, inputs, in.reader(), bar)
		fmt.Fprintln(stderr, sum)
		if err == nil { // brief the changed stories before exiting, each within --brief-timeout
			var d ingest.Drained
			d, err = eng.Drain(ctx)
			fmt.Fprintln(stderr, d)
		}
		if err == nil && sum.Added+sum.Duplicates == 0 && sum.Rejected > 0 {
			err = errors.New("no article could be ingested")
		}
		return err
	}
}

// withStore runs fn on the archive when the checks pass.
func withStore(ctx context.Context, dsn string, fn func(store.Store) error, checks ...error) error {
	if err := firstErr(checks...); err != nil {
		return err
	}
	st, err := openStore(ctx, dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(st)
}

func storiesCmd(fs *flag.FlagSet) action {
	db := dbFlag(fs)
	format := fs.String("format", "text", "output `format`: text or json")
	limit := fs.Int("limit", store.DefaultLimit, "list at most `N` stories, most recently updated first")
	return func(ctx context.Context, rest []string, stdout, _ io.Writer) error {
		if len(rest) > 0 {
			return usageErr("unexpected argument %q", rest[0])
		}
		return withStore(ctx, *db, func(st store.Store) error {
			stories, err := listing.Stories(ctx, st, *limit)
			if err != nil || *format == "text" {
				return firstErr(err, listing.StoriesText(ctx, stdout, st, stories))
			}
			return listing.JSON(stdout, stories)
		}, oneOf("format", *format, "text", "json"), positive("limit", *limit))
	}
}

// storyCmd prints a story's briefing: the story named by ID, or the most
// recently updated one.
func storyCmd(fs *flag.FlagSet) action {
	db := dbFlag(fs)
	format := fs.String("format", "markdown", "output `format`: markdown, json or html")
	return func(ctx context.Context, rest []string, stdout, stderr io.Writer) error {
		if len(rest) > 1 {
			return usageErr("give one story ID (or none for the newest story)")
		}
		return withStore(ctx, *db, func(st store.Store) error {
			if len(rest) == 0 {
				newest, err := st.Stories(ctx, store.ListOptions{Limit: 1})
				if err != nil || len(newest) == 0 {
					return firstErr(err, errors.New("the archive has no stories yet: crosscheck ingest some articles first"))
				}
				rest = []string{newest[0].ID}
			}
			b, status, err := ingest.Briefing(ctx, st, brief.New(brief.Options{Stem: text.Stem}), rest[0], ingest.ReadOptions{})
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("no story %q", rest[0])
			} else if err != nil {
				return err
			} else if note := status.String(); note != "" {
				fmt.Fprintln(stderr, "note: "+note)
			}
			return writeBriefing(stdout, *format, b)
		}, oneOf("format", *format, "markdown", "json", "html"))
	}
}

func searchCmd(fs *flag.FlagSet) action {
	db := dbFlag(fs)
	limit := fs.Int("limit", 20, "show at most `N` articles")
	format := fs.String("format", "text", "output `format`: text or json")
	return func(ctx context.Context, rest []string, stdout, stderr io.Writer) error {
		query := strings.Join(rest, " ")
		if len(store.QueryWords(query)) == 0 {
			return usageErr("no QUERY given")
		}
		return withStore(ctx, *db, func(st store.Store) error {
			hits, err := st.Search(ctx, query, *limit)
			switch {
			case err != nil:
				return err
			case *format == "json":
				return listing.JSON(stdout, append([]store.SearchHit{}, hits...))
			case len(hits) == 0:
				_, err = fmt.Fprintln(stderr, "no match")
				return err
			}
			return listing.HitsText(stdout, hits)
		}, oneOf("format", *format, "text", "json"), positive("limit", *limit))
	}
}
