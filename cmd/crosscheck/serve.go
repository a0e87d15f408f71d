package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"

	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/server"
)

// runServe serves the web pages and the JSON API over the archive until
// SIGINT or SIGTERM, then finishes in-flight requests and brings the
// changed briefings up to date.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	db := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "listen `ADDRESS` (host:port; port 0 picks a free one)")
	token := fs.String("token", "", "bearer `TOKEN` that guards ingest (default $CROSSCHECK_TOKEN)")
	openIngest := fs.Bool("open-ingest", false, "allow POST /api/articles without a token when none is set")
	guardReads := fs.Bool("guard-reads", false, "require the token for pages and API reads too (browsers: HTTP Basic, the token as password)")
	maxBody := fs.Int64("max-body", server.DefaultMaxBody, "largest request body accepted, in `bytes`")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("%w: serve takes no INPUT (post articles to /api/articles or run crosscheck ingest)", errUsage)
	}
	tok := *token
	if tok == "" {
		tok = os.Getenv("CROSSCHECK_TOKEN")
	}
	if *guardReads && tok == "" {
		return fmt.Errorf("%w: --guard-reads needs --token or $CROSSCHECK_TOKEN", errUsage)
	}
	if *maxBody <= 0 {
		return fmt.Errorf("%w: --max-body must be positive", errUsage)
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	st, eng, err := openEngine(ctx, *db, ingest.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	srv, err := server.New(server.Options{
		Store: st,
		Ingest: func(ctx context.Context, raw news.Raw) (string, string, bool, error) {
			res, err := eng.IngestRaw(ctx, raw)
			return res.ArticleID, res.StoryID, res.Added, err
		},
		Flush: func(ctx context.Context) error {
			_, err := eng.Flush(ctx)
			return err
		},
		ClassifyIngestError: func(err error) int {
			if errors.Is(err, ingest.ErrRejected) {
				return http.StatusUnprocessableEntity
			}
			return 0
		},
		Token:      tok,
		OpenIngest: *openIngest,
		GuardReads: *guardReads,
		MaxBody:    *maxBody,
		Logger:     log,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	switch {
	case tok == "" && *openIngest:
		log.Warn("ingest is open to anyone who can reach " + ln.Addr().String())
	case tok == "":
		log.Info("ingest is disabled: set --token or $CROSSCHECK_TOKEN to allow POST /api/articles")
	}
	fmt.Fprintf(stderr, "crosscheck: serving http://%s/\n", ln.Addr())
	serveErr := srv.Serve(ctx, ln)
	// Requests are finished: write the briefings still pending.
	if _, err := eng.Flush(context.WithoutCancel(ctx)); err != nil && serveErr == nil {
		serveErr = err
	}
	return serveErr
}
