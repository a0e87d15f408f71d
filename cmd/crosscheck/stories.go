package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/cli"
	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/listing"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/archive"
	"github.com/crosscheck/crosscheck/internal/text"
)

const archiveUsage = archive.Usage

// openEngine opens the archive and the story engine over it. The caller
// closes the store.
func openEngine(ctx context.Context, dsn string, o ingest.Options) (store.Store, *ingest.Engine, error) {
	st, err := archive.Open(ctx, dsn)
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

func ingestCmd(fs *flag.FlagSet) cli.Action {
	db := fs.String("db", "", archiveUsage)
	workers := fs.Int("workers", 0, "analysis `goroutines` (0: one per core)")
	in := addInputFlags(fs)
	return func(ctx context.Context, inputs []string, stdout, stderr io.Writer) error {
		if err := cli.Need(inputs, "INPUT", cli.AtLeast("workers", *workers, 0)); err != nil {
			return err
		}
		st, eng, err := openEngine(ctx, *db, ingest.Options{Workers: *workers, OnSkip: cli.Skips(stderr)})
		if err != nil {
			return err
		}
		defer st.Close()
		rd, _ := in.reader()
		sum, err := eng.Ingest(ctx, inputs, rd, cli.Terminal(stderr))
		fmt.Fprintln(stderr, sum)
		if err == nil && sum.Added+sum.Duplicates == 0 && sum.Rejected > 0 {
			err = errors.New("no article could be ingested")
		}
		return err
	}
}

// withStore runs fn on the archive when the checks pass.
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

func storiesCmd(fs *flag.FlagSet) cli.Action {
	db := fs.String("db", "", archiveUsage)
	format := fs.String("format", "text", "output `format`: text or json")
	limit := fs.Int("limit", store.DefaultLimit, "list at most `N` stories, most recently updated first")
	return func(ctx context.Context, rest []string, stdout, _ io.Writer) error {
		if len(rest) > 0 {
			return cli.Usagef("unexpected argument %q", rest[0])
		}
		return withStore(ctx, *db, func(st store.Store) error {
			stories, err := listing.Stories(ctx, st, *limit)
			if err != nil || *format == "text" {
				return cli.FirstErr(err, listing.StoriesText(stdout, stories))
			}
			return listing.JSON(stdout, stories)
		}, cli.OneOf("format", *format, "text", "json"), cli.AtLeast("limit", *limit, 1))
	}
}

// storyCmd prints a story's briefing: the story named by ID, or the most
// recently updated one.
func storyCmd(fs *flag.FlagSet) cli.Action {
	db := fs.String("db", "", archiveUsage)
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
	db := fs.String("db", "", archiveUsage)
	limit := fs.Int("limit", 20, "show at most `N` articles")
	format := fs.String("format", "text", "output `format`: text or json")
	return func(ctx context.Context, rest []string, stdout, stderr io.Writer) error {
		query := strings.Join(rest, " ")
		if len(store.QueryWords(query)) == 0 {
			return cli.Usagef("no QUERY given")
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
		}, cli.OneOf("format", *format, "text", "json"), cli.AtLeast("limit", *limit, 1))
	}
}
