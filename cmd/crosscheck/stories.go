package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/news"
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

// writeJSON writes v as indented JSON, leaving <, > and & as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// dbFlag registers --db.
func dbFlag(fs interface {
	String(string, string, string) *string
}) *string {
	return fs.String("db", "", "archive: a SQLite file `DSN` or a postgres:// URL (default $DATABASE_URL, else the SQLite file in the user data directory)")
}

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("ingest", stderr)
	db := dbFlag(fs)
	workers := fs.Int("workers", 0, "analysis `goroutines` (0: one per core)")
	var in inputFlags
	in.register(fs)
	inputs, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return fmt.Errorf("%w: no INPUT given", errUsage)
	}
	if *workers < 0 {
		return fmt.Errorf("%w: --workers must not be negative", errUsage)
	}
	tty := isTerminal(stderr)
	st, eng, err := openEngine(ctx, *db, ingest.Options{
		Workers: *workers,
		OnSkip: func(input, reason string) {
			if tty {
				fmt.Fprint(stderr, "\r\x1b[K") // clear the progress line first
			}
			fmt.Fprintf(stderr, "skip: %s\n", reason)
		},
	})
	if err != nil {
		return err
	}
	defer st.Close()
	var bar io.Writer
	if tty {
		bar = stderr
	}
	sum, err := eng.Ingest(ctx, inputs, in.reader(), bar)
	fmt.Fprintln(stderr, sum)
	if err != nil {
		return err
	}
	if sum.Added+sum.Duplicates == 0 && sum.Rejected > 0 {
		return errors.New("no article could be ingested")
	}
	return nil
}

// storyJSON is one story in `stories --format json`.
type storyJSON struct {
	ID       string            `json:"id"`
	Title    string            `json:"title"`
	Updated  time.Time         `json:"updated"`
	Articles []news.ArticleRef `json:"articles"`
}

func runStories(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("stories", stderr)
	db := dbFlag(fs)
	format := fs.String("format", "text", "output `format`: text or json")
	limit := fs.Int("limit", store.DefaultLimit, "list at most `N` stories, most recently updated first")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, rest[0])
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("%w: --format must be text or json", errUsage)
	}
	if *limit <= 0 {
		return fmt.Errorf("%w: --limit must be positive", errUsage)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	var out []storyJSON
	for off := 0; len(out) < *limit; {
		page, err := st.Stories(ctx, store.ListOptions{Limit: min(*limit-len(out), store.MaxLimit), Offset: off})
		if err != nil {
			return err
		}
		for _, s := range page {
			refs := s.Articles
			if refs == nil {
				refs = []news.ArticleRef{}
			}
			out = append(out, storyJSON{ID: s.ID, Title: s.Title, Updated: s.Updated, Articles: refs})
		}
		if len(page) < store.MaxLimit {
			break
		}
		off += len(page)
	}
	if *format == "json" {
		if out == nil {
			out = []storyJSON{}
		}
		return writeJSON(stdout, out)
	}
	for _, s := range out {
		fmt.Fprintf(stdout, "%s  %s  %d article(s)  %s\n", s.ID, s.Updated.Format("2006-01-02 15:04"), len(s.Articles), orNone(s.Title))
		for _, a := range s.Articles {
			fmt.Fprintf(stdout, "    %-18s %-24s %s\n", a.ID, text.Clip(orNone(a.Outlet), 24), text.Clip(orNone(a.Title), 80))
		}
	}
	return nil
}

// runStory prints a story's briefing: the story named by ID, or the most
// recently updated one.
func runStory(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("story", stderr)
	db := dbFlag(fs)
	format := fs.String("format", "markdown", "output `format`: markdown, json or html")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 1 {
		return fmt.Errorf("%w: give one story ID (or none for the newest story)", errUsage)
	}
	switch *format {
	case "markdown", "json", "html":
	default:
		return fmt.Errorf("%w: --format must be markdown, json or html", errUsage)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	var id string
	if len(rest) == 1 {
		id = rest[0]
	} else {
		newest, err := st.Stories(ctx, store.ListOptions{Limit: 1})
		if err != nil {
			return err
		}
		if len(newest) == 0 {
			return errors.New("the archive has no stories yet: crosscheck ingest some articles first")
		}
		id = newest[0].ID
	}
	b, _, err := ingest.Briefing(ctx, st, brief.New(brief.Options{Stem: text.Stem}), id)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no story %q", id)
	}
	if err != nil {
		return err
	}
	switch *format {
	case "json":
		return brief.JSON(stdout, b)
	case "html":
		return brief.HTML(stdout, b)
	}
	return brief.Markdown(stdout, b, colorOK(stdout))
}

func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("search", stderr)
	db := dbFlag(fs)
	limit := fs.Int("limit", 20, "show at most `N` articles")
	format := fs.String("format", "text", "output `format`: text or json")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	query := strings.Join(rest, " ")
	if len(store.QueryWords(query)) == 0 {
		return fmt.Errorf("%w: no QUERY given", errUsage)
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("%w: --format must be text or json", errUsage)
	}
	if *limit <= 0 {
		return fmt.Errorf("%w: --limit must be positive", errUsage)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	hits, err := st.Search(ctx, query, *limit)
	if err != nil {
		return err
	}
	if *format == "json" {
		if hits == nil {
			hits = []store.SearchHit{}
		}
		return writeJSON(stdout, hits)
	}
	if len(hits) == 0 {
		fmt.Fprintln(stderr, "no match")
		return nil
	}
	for _, h := range hits {
		fmt.Fprintf(stdout, "%s  story %s  %s  %s\n    %s\n", h.ArticleID, orNone(h.StoryID), orNone(h.Outlet), orNone(h.Title), h.Snippet)
	}
	return nil
}
