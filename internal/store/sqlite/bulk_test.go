package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

func bulkDoc(id, text string) (news.Raw, *news.Article) {
	return news.Raw{ID: id, Input: id, Text: text, Bytes: []byte(text)},
		&news.Article{ID: id, Input: id, Title: "t " + id, Published: "2026-03-04", Paragraphs: []string{text}}
}

// TestBulk checks a bulk load: its reads see its writes, other
// connections see nothing until commit, a failing call is undone alone,
// and a load closed without commit leaves nothing.
func TestBulk(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "a.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	commit, err := s.Bulk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Bulk(ctx); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("second Bulk: err = %v, want ErrInvalid", err)
	}
	raw, a := bulkDoc("b1", "first text")
	if _, added, err := s.PutArticle(ctx, raw, a); err != nil || !added {
		t.Fatalf("PutArticle: %v, %v", added, err)
	}
	placed, err := s.Place(ctx, store.Placement{ArticleID: "b1", Create: &news.Story{Title: "story"},
		State: store.ClusterDelta{Meta: []byte(`{"n":1}`), DF: map[string]int{"first": 1}}})
	if err != nil {
		t.Fatal(err)
	}
	// A call that fails (an id used by other content) is undone alone.
	raw2, a2 := bulkDoc("b1", "other text")
	if _, _, err := s.PutArticle(ctx, raw2, a2); !errors.Is(err, store.ErrIDConflict) {
		t.Errorf("conflicting PutArticle: err = %v, want ErrIDConflict", err)
	}
	if sid, err := s.ArticleStory(ctx, "b1"); err != nil || sid != placed.StoryID {
		t.Errorf("ArticleStory in the load = %q, %v; want %q", sid, err, placed.StoryID)
	}
	if st, err := s.Story(ctx, placed.StoryID); err != nil || len(st.Articles) != 1 {
		t.Errorf("Story in the load = %+v, %v", st, err)
	}
	if df, err := s.ClusterDF(ctx, []string{"first"}); err != nil || df["first"] != 1 {
		t.Errorf("ClusterDF in the load = %v, %v", df, err)
	}
	if _, err := other.Article(ctx, "b1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("other connection before commit: err = %v, want ErrNotFound", err)
	}
	if err := commit(); err != nil {
		t.Fatal(err)
	}
	if err := commit(); err == nil {
		t.Error("second commit: no error")
	}
	if sid, err := other.ArticleStory(ctx, "b1"); err != nil || sid != placed.StoryID {
		t.Errorf("other connection after commit: %q, %v; want %q", sid, err, placed.StoryID)
	}
	// Back to one transaction per call.
	raw3, a3 := bulkDoc("b3", "third text")
	if _, _, err := s.PutArticle(ctx, raw3, a3); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Article(ctx, "b3"); err != nil {
		t.Errorf("after the load, a put is committed at once: %v", err)
	}

	// A load never committed is rolled back by Close.
	if _, err := s.Bulk(ctx); err != nil {
		t.Fatal(err)
	}
	raw4, a4 := bulkDoc("b4", "fourth text")
	if _, _, err := s.PutArticle(ctx, raw4, a4); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Article(ctx, "b4"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("uncommitted load after Close: err = %v, want ErrNotFound", err)
	}
	if st, err := other.Stats(ctx); err != nil || st.Articles != 2 {
		t.Errorf("Stats = %+v, %v; want 2 articles", st, err)
	}
}
