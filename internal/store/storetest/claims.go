package storetest

import (
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

// testClaims checks store.ArticleClaims with two handles on one archive
// standing for two processes: an article the first stored and did not
// place is not the second's while the first lives; once the first is
// closed (as a killed process's session ends) the second claims it, once,
// and an article placed or claimed is claimed by no one else.
func testClaims(t *testing.T, s1 store.Store, reopen func() store.Store) {
	ac1, ok := s1.(store.ArticleClaims)
	if !ok {
		t.Skip("store does not implement store.ArticleClaims")
	}
	c := ctx(t)
	s2 := reopen()
	ac2 := s2.(store.ArticleClaims)
	ids := []string{"o-1", "o-2", "o-3"}
	for _, id := range ids {
		putDoc(t, s1, id, "Orphan "+id, "Body "+id+".")
	}
	// o-2 is placed before its owner goes.
	if cs, ok := s1.(store.ClusterState); ok {
		_, err := cs.Place(c, store.Placement{ArticleID: "o-2", Create: &news.Story{Title: "two"}, State: store.ClusterDelta{Meta: []byte("1")}})
		must(t, err)
	} else {
		_, _, err := s1.CreateStory(c, news.Story{Title: "two", Articles: []news.ArticleRef{{ID: "o-2"}}})
		must(t, err)
	}
	got, err := ac2.ClaimOrphans(c, 10)
	must(t, err)
	if len(got) != 0 {
		t.Fatalf("claimed %v while their owner lives", got)
	}
	got, err = ac1.ClaimOrphans(c, 10)
	must(t, err)
	if len(got) != 0 {
		t.Fatalf("the owner claimed its own %v", got)
	}
	must(t, s1.Close())
	got, err = ac2.ClaimOrphans(c, 1)
	must(t, err)
	if !slices.Equal(got, []string{"o-1"}) {
		t.Fatalf("after the owner closed, first claim %v, want [o-1] (oldest stored first)", got)
	}
	got, err = ac2.ClaimOrphans(c, 10)
	must(t, err)
	if !slices.Equal(got, []string{"o-3"}) {
		t.Fatalf("second claim %v, want [o-3] (o-1 claimed, o-2 placed)", got)
	}
	// A third handle finds the second's claims alive.
	s3 := reopen()
	got, err = s3.(store.ArticleClaims).ClaimOrphans(c, 10)
	must(t, err)
	if len(got) != 0 {
		t.Fatalf("a third handle claimed %v held by a live one", got)
	}
	// The second goes too: the third takes both.
	must(t, s2.Close())
	got, err = s3.(store.ArticleClaims).ClaimOrphans(c, 10)
	must(t, err)
	if !slices.Equal(got, []string{"o-1", "o-3"}) {
		t.Fatalf("after the second closed: %v, want [o-1 o-3]", got)
	}
	// An article put again (a duplicate) is not claimed anew.
	raw, a := doc("o-1", "Orphan o-1", "Body o-1.")
	if _, added, err := s3.PutArticle(c, raw, a); err != nil || added {
		t.Fatalf("put again: added %v, %v", added, err)
	}
}
