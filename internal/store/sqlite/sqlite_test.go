package sqlite

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/storetest"
)

func TestConformance(t *testing.T) {
	dir := t.TempDir()
	storetest.Run(t, func(t testing.TB, name string, o store.Options) store.Store {
		s, err := OpenWith(context.Background(), filepath.Join(dir, name+".db"), o)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

func TestOpenRejects(t *testing.T) {
	for _, tc := range []struct{ name, path string }{
		{"empty", ""},
		{"memory", ":memory:"},
		{"uri", "file:x.db?mode=memory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Open(context.Background(), tc.path); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("Open(%q): err = %v, want ErrInvalid", tc.path, err)
			}
		})
	}
}

func TestSchemaNewer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.db")
	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.ExecContext(t.Context(), `INSERT INTO schema_migrations(version, name, applied) VALUES (999, 'future', 0)`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(t.Context(), path); !errors.Is(err, store.ErrSchemaNewer) {
		t.Errorf("Open of a newer schema: err = %v, want ErrSchemaNewer", err)
	}
}

func TestMigrationsRecorded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "dir", "a.db")
	for i := range 2 {
		s, err := Open(t.Context(), path)
		if err != nil {
			t.Fatal(err)
		}
		var n, v int
		if err := s.r.QueryRowContext(t.Context(), `SELECT count(*), max(version) FROM schema_migrations`).Scan(&n, &v); err != nil {
			t.Fatal(err)
		}
		if n != len(migrations) || v != migrations[len(migrations)-1].Version {
			t.Errorf("open %d: %d migrations recorded up to %d, want %d", i, n, v, len(migrations))
		}
		var mode string
		if err := s.r.QueryRowContext(t.Context(), `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("journal_mode = %q, %v; want wal", mode, err)
		}
		s.Close()
	}
	if _, err := os.Stat(path); err != nil {
		t.Error(err)
	}
}

// TestStaleMigration checks that migration 7 marks the stories briefed
// before it as briefed (from their briefing's story_updated), so that
// StaleStories lists only the stale ones after it.
func TestStaleMigration(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "a.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"a1", "a2"} {
		raw, a := bulkDoc(id, "text of "+id)
		if _, _, err := s.PutArticle(ctx, raw, a); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.CreateStory(ctx, news.Story{ID: "s-" + id, Title: id, Articles: []news.ArticleRef{{ID: id}}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.PutBriefing(ctx, "s-a1", &news.Briefing{Title: "a1"}); err != nil {
		t.Fatal(err)
	}
	// Back to the schema before migration 7 (and 8).
	for _, q := range []string{`DROP INDEX stories_stale`, `ALTER TABLE stories DROP COLUMN briefed`,
		`DROP INDEX cluster_stories_head`, `DELETE FROM schema_migrations WHERE version >= 7`} {
		if _, err := s.w.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, err := s.StaleStories(ctx, 10); err != nil || len(got) != 1 || got[0] != "s-a2" {
		t.Errorf("StaleStories after migration = %v, %v; want [s-a2]", got, err)
	}
}
