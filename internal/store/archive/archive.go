// Package archive opens the archive a user names: it picks the store
// implementation from the data source name, so that every command and
// service opens archives the same way.
package archive

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/postgres"
	"github.com/crosscheck/crosscheck/internal/store/sqlite"
)

// Usage describes the data source names Open accepts, for a flag's help.
const Usage = "archive: a SQLite file `DSN` or a postgres:// URL (default $DATABASE_URL, else the SQLite file in the user data directory)"

// Open opens the archive named by dsn: a postgres:// or postgresql:// URL
// opens PostgreSQL, anything else is a SQLite file path. An empty dsn
// means $DATABASE_URL when set, else store.DefaultPath (a SQLite file in
// the user's data directory). The caller closes the store.
func Open(ctx context.Context, dsn string) (store.Store, error) {
	return OpenWith(ctx, dsn, store.Options{})
}

// OpenWith is Open with options for the store (its clock).
func OpenWith(ctx context.Context, dsn string, o store.Options) (store.Store, error) {
	dsn, err := resolve(dsn)
	if err != nil {
		return nil, err
	}
	if isPostgres(dsn) {
		return postgres.OpenWith(ctx, dsn, o)
	}
	return sqlite.OpenWith(ctx, dsn, o)
}

// resolve is the data source name Open uses for dsn: dsn itself when set,
// else $DATABASE_URL, else store.DefaultPath.
func resolve(dsn string) (string, error) {
	if dsn == "" {
		dsn = os.Getenv("DATABASE_URL")
	}
	if dsn != "" {
		return dsn, nil
	}
	p, err := store.DefaultPath()
	if err != nil {
		return "", fmt.Errorf("archive: no DSN given, $DATABASE_URL is unset and there is no default path: %w", err)
	}
	return p, nil
}

// isPostgres reports whether dsn names a PostgreSQL database (a
// postgres:// or postgresql:// URL) rather than a SQLite file.
func isPostgres(dsn string) bool {
	l := strings.ToLower(dsn)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}
