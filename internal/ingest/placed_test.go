package ingest

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/internal/cluster"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/read"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/pgtest"
	"github.com/crosscheck/crosscheck/internal/store/postgres"
)

// TestRunPlacedMeanwhile places a run of two stored articles on
// PostgreSQL whose first another engine placed after it was stored (the
// same input ingested twice at once: store.ErrPlaced): the second must
// be decided on the archive's clustering state, so that afterwards the
// state counts every placed article. Before the fix the failed placement
// left memory with an empty global record for the rest of the run, and
// the second placement wrote a state that counted one document.
func TestRunPlacedMeanwhile(t *testing.T) {
	if testing.Short() {
		t.Skip("starts PostgreSQL; skipped with -short")
	}
	ctx := context.Background()
	dsn := pgtest.NewServer(t).DB(t, "placed")
	open := func() store.Store {
		st, err := postgres.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	in := t.TempDir()
	arts := writeCorpus(t, in, 3, 2)
	p := newPipeline(t)
	files := make([]string, len(arts))
	for i, a := range arts {
		files[i] = filepath.Join(in, a.Name)
	}
	// The first files go into the archive first, the last two make the run.
	first, x, y := files[:len(files)-2], files[len(files)-2], files[len(files)-1]
	stA, stB := open(), open()
	eA, err := New(ctx, stA, p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := eA.Ingest(ctx, first, nil, nil); err != nil {
		t.Fatal(err)
	}
	eB, err := New(ctx, stB, p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	analysed := map[string]pipeline.Result{}
	if err := p.Run(ctx, read.New(read.Options{}), []string{x, y}, 1, func(r pipeline.Result) error {
		if r.Err != nil {
			return r.Err
		}
		analysed[r.Raw.Input] = r
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var run []storedArticle
	for _, f := range []string{x, y} {
		r := analysed[f]
		res, needs, err := eA.store(ctx, r.Raw, r.Article)
		if err != nil || !needs {
			t.Fatalf("store %s: needs placing %v, %v", f, needs, err)
		}
		run = append(run, storedArticle{res: res, a: r.Article})
		if f == x {
			// Another engine places x meanwhile.
			if _, err := eB.Ingest(ctx, []string{x}, nil, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	out, err := eA.placeRun(ctx, run)
	if err != nil {
		t.Fatal(err)
	}
	if err := eA.unlockClustering(); err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 || out[0].StoryID == "" || !out[1].Assigned {
		t.Fatalf("run placed %+v", out)
	}
	raw, err := stA.(store.ClusterState).ClusterMeta(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var m cluster.Meta
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	stats, err := stA.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if int64(m.N) != stats.Articles {
		t.Errorf("the clustering state counts %d documents; %d articles are placed", m.N, stats.Articles)
	}
}
