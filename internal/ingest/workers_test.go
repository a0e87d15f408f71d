package ingest

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/read"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/pgtest"
	"github.com/crosscheck/crosscheck/internal/store/postgres"
)

// clusterTables returns a digest of each table of the clusterer's state.
func clusterTables(t *testing.T, dsn string) map[string]string {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	out := map[string]string{}
	for _, table := range []string{"cluster_meta", "cluster_stories", "cluster_df", "cluster_postings"} {
		var d string
		if err := c.QueryRow(ctx, `SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM `+table+` t`).Scan(&d); err != nil {
			t.Fatal(err)
		}
		out[table] = d
	}
	return out
}

// noChangeLog hides the store's change log (store.ClusterChangeLog): an
// engine over it drops its whole memory whenever another placed articles.
type noChangeLog struct {
	store.Store
	store.ClusterLog
	store.ClusterLocker
	store.ClusterState
}

// TestTakingTurns places a stream of the public data (skipped when absent)
// with two engines on one PostgreSQL archive taking turns in runs of 1 to
// 4 articles, as two processes do, and checks that the stories are those
// of one engine placing the same articles in the same order: each engine,
// on taking the clustering lock, drops from memory what the other changed
// (the store's change log) or, without the log, all of it, and reads it
// back; kept to a few resident stories, it also compacts over and over
// (which hides a change it failed to drop: the default keeps them all).
func TestTakingTurns(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses 900 articles; skipped with -short")
	}
	stories := loadBenchStories(t)
	ctx := context.Background()
	in := filepath.Join(t.TempDir(), "in.jsonl")
	writeStream(t, stories, in, 0, 300)
	var raws []news.Raw
	err := read.New(read.Options{}).Each(ctx, []string{in}, func(raw news.Raw, err error) error {
		if err == nil {
			raws = append(raws, raw)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	p := newPipeline(t)
	srv := pgtest.NewServer(t)
	dsns := map[*postgres.Store]string{}
	open := func(name string) *postgres.Store {
		dsn := srv.DB(t, name)
		st, err := postgres.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		dsns[st] = dsn
		return st
	}
	place := func(e *Engine, raw news.Raw) {
		if _, err := e.IngestRaw(ctx, raw); err != nil && !errors.Is(err, ErrRejected) {
			t.Fatal(err)
		}
	}

	ref := open("ref")
	e, err := New(ctx, ref, p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, raw := range raws {
		place(e, raw)
	}
	want, wantState := partition(t, ref), clusterTables(t, dsns[ref])

	for _, tc := range []struct {
		log      bool
		resident int
	}{{true, defaultResident}, {true, 20}, {false, defaultResident}} {
		log := tc.log
		t.Run(fmt.Sprintf("log=%v/resident=%d", log, tc.resident), func(t *testing.T) {
			st := open(fmt.Sprintf("turns_%v_%d", log, tc.resident))
			var es [2]*Engine
			for i := range es {
				var s store.Store = st
				if !log {
					s = noChangeLog{st, st, st, st}
				}
				if es[i], err = New(ctx, s, p, Options{}); err != nil {
					t.Fatal(err)
				}
				es[i].resident = tc.resident
			}
			for i, turn := 0, 0; i < len(raws); turn++ {
				for k := 0; k < 1+turn%4 && i < len(raws); k, i = k+1, i+1 {
					place(es[turn%2], raws[i])
				}
			}
			if got := partition(t, st); !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("two engines taking turns made %d stories, one engine %d:\n%v\n%v", len(got), len(want), got, want)
			}
			// The persisted state too, to the last bit: a term's document
			// frequency or a story's cached vectors read stale would
			// show here before they change a story.
			if got := clusterTables(t, dsns[st]); !maps.Equal(got, wantState) {
				t.Errorf("cluster state of two engines taking turns\n%v\none engine's\n%v", got, wantState)
			}
		})
	}
}
