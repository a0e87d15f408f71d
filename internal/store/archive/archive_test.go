package archive

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/store"

	"github.com/crosscheck/crosscheck/internal/store/pgtest"
	"github.com/crosscheck/crosscheck/internal/store/postgres"
	"github.com/crosscheck/crosscheck/internal/store/sqlite"
)

// TestOpenSQLite: the flag wins over $DATABASE_URL, which wins over the
// default file in the user's data directory.
func TestOpenSQLite(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "xdg"))
	for _, tc := range []struct {
		name, dsn, env, file string
	}{
		{"default path", "", "", filepath.Join(dir, "xdg", "crosscheck", "crosscheck.db")},
		{"DATABASE_URL", "", filepath.Join(dir, "env.db"), filepath.Join(dir, "env.db")},
		{"flag wins", filepath.Join(dir, "flag.db"), filepath.Join(dir, "env2.db"), filepath.Join(dir, "flag.db")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("DATABASE_URL", tc.env)
			st, err := Open(t.Context(), tc.dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if _, ok := st.(*sqlite.Store); !ok {
				t.Errorf("Open(%q) = %T, want a SQLite store", tc.dsn, st)
			}
			if _, err := os.Stat(tc.file); err != nil {
				t.Errorf("no archive at %s: %v", tc.file, err)
			}
		})
	}
}

func TestResolveNoHome(t *testing.T) {
	t.Setenv("DATABASE_URL", "")
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "")
	if _, err := os.UserHomeDir(); err == nil {
		t.Skip("this platform finds a home directory without $HOME")
	}
	if _, err := resolve(""); err == nil {
		t.Error("resolve found a default path with no home directory")
	}
}

func TestIsPostgres(t *testing.T) {
	for _, tc := range []struct {
		dsn  string
		want bool
	}{
		{"postgres://u@h/db", true},
		{"postgresql://u@h/db?sslmode=disable", true},
		{"POSTGRES://u@h/db", true},
		{"/var/lib/crosscheck.db", false},
		{"postgres.db", false},
		{"file:postgres://x", false},
	} {
		t.Run(tc.dsn, func(t *testing.T) {
			if got := isPostgres(tc.dsn); got != tc.want {
				t.Errorf("isPostgres(%q) = %v, want %v", tc.dsn, got, tc.want)
			}
		})
	}
}

// TestOpenPostgres opens a throwaway server's database by URL, from the
// flag and from $DATABASE_URL.
func TestOpenPostgres(t *testing.T) {
	dsn := pgtest.Start(t)
	for _, tc := range []struct{ name, dsn, env string }{
		{"flag", dsn, ""},
		{"DATABASE_URL", "", dsn},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("DATABASE_URL", tc.env)
			st, err := Open(t.Context(), tc.dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if _, ok := st.(*postgres.Store); !ok {
				t.Errorf("Open = %T, want a PostgreSQL store", st)
			}
		})
	}
}

// TestOpenWithClock: the clock given to OpenWith reaches either backend
// (what each stamps with it is the conformance suite's business).
func TestOpenWithClock(t *testing.T) {
	at := time.Date(2031, 2, 3, 4, 5, 6, 0, time.UTC)
	for _, tc := range []struct {
		name string
		dsn  func(t *testing.T) string
	}{
		{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "clock.db") }},
		{"postgres", func(t *testing.T) string { return pgtest.Start(t) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := OpenWith(t.Context(), tc.dsn(t), store.Options{Now: func() time.Time { return at }})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if err := st.RecordRejected(t.Context(), "in/x.html", "clock"); err != nil {
				t.Fatal(err)
			}
			got, err := st.Rejected(t.Context(), store.ListOptions{})
			if err != nil || len(got) != 1 || !got[0].At.Equal(at) {
				t.Errorf("Rejected = %+v, %v; want one at %v", got, err, at)
			}
		})
	}
}
