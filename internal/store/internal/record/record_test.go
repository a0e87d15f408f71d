package record

import (
	"reflect"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
)

func TestRawRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name     string
		raw      news.Raw
		wantFrom int
	}{
		{"text is bytes", news.Raw{Input: "a", Text: "hello", Bytes: []byte("hello")}, TextBytes},
		{"html is bytes", news.Raw{Input: "b", HTML: "<p>x</p>", Bytes: []byte("<p>x</p>")}, HTMLBytes},
		{"decoded differs", news.Raw{Input: "c", Text: "café", Bytes: []byte("caf\xe9")}, BodyStored},
		{"no bytes", news.Raw{Input: "d", Text: "only text"}, BodyStored},
	} {
		t.Run(tc.name, func(t *testing.T) {
			meta, from, err := EncodeRaw(tc.raw)
			if err != nil {
				t.Fatal(err)
			}
			if from != tc.wantFrom {
				t.Errorf("from = %d, want %d", from, tc.wantFrom)
			}
			got, err := DecodeRaw(meta, tc.raw.Bytes, from)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.raw) {
				t.Errorf("round trip = %+v, want %+v", got, tc.raw)
			}
		})
	}
}

func TestArticleDoesNotMutate(t *testing.T) {
	a := &news.Article{Title: "T", Paragraphs: []string{"p"}}
	doc, err := EncodeArticle(a, "id1", "h1")
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != "" || a.Hash != "" {
		t.Errorf("EncodeArticle changed its argument: %+v", a)
	}
	got, err := DecodeArticle(doc)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != "id1" || got.Hash != "h1" || got.Title != "T" {
		t.Errorf("decoded = %+v", got)
	}
	if _, err := DecodeArticle([]byte("{")); err == nil {
		t.Error("DecodeArticle of bad JSON: no error")
	}
}
