package store

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
)

func TestHash(t *testing.T) {
	// sha256("abc")
	const abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
	for _, tc := range []struct {
		name string
		raw  news.Raw
		want string
	}{
		{"bytes win", news.Raw{Bytes: []byte("abc"), Text: "other"}, abc},
		{"text when no bytes", news.Raw{Text: "abc"}, abc},
		{"html when no bytes", news.Raw{HTML: "abc"}, abc},
		{"metadata ignored", news.Raw{Bytes: []byte("abc"), Input: "x", URL: "u", Title: "t"}, abc},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Hash(tc.raw); got != tc.want {
				t.Errorf("Hash = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestArticleID(t *testing.T) {
	h := strings.Repeat("ab", 32)
	if got := ArticleID(&news.Article{ID: "caller"}, h); got != "caller" {
		t.Errorf("ArticleID with caller id = %q", got)
	}
	if got := ArticleID(&news.Article{}, h); got != h[:16] {
		t.Errorf("ArticleID without id = %q, want %q", got, h[:16])
	}
}

func TestStoryIDs(t *testing.T) {
	a, b := StoryIDFor("a1"), StoryIDFor("a1")
	if a != b || len(a) != 16 || a[0] != 's' {
		t.Errorf("StoryIDFor not deterministic or badly shaped: %q %q", a, b)
	}
	if StoryIDFor("a2") == a {
		t.Error("StoryIDFor collides for different articles")
	}
	r1, r2 := NewStoryID(), NewStoryID()
	if r1 == r2 || len(r1) != 16 {
		t.Errorf("NewStoryID = %q, %q", r1, r2)
	}
	for _, tc := range []struct {
		name string
		s    news.Story
		want string
	}{
		{"explicit", news.Story{ID: "x", Articles: []news.ArticleRef{{ID: "a1"}}}, "x"},
		{"seeded", news.Story{Articles: []news.ArticleRef{{ID: "a1"}}}, a},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := StoryIDOf(tc.s); got != tc.want {
				t.Errorf("StoryIDOf = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestQueryWords(t *testing.T) {
	for _, tc := range []struct {
		name, q string
		want    []string
	}{
		{"plain", "harbour cranes", []string{"harbour", "cranes"}},
		{"operators dropped", `"tram" OR NEAR(a b) -x *`, []string{"tram", "OR", "NEAR", "a", "b", "x"}},
		{"unicode letters", "Zürich café 2026", []string{"Zürich", "café", "2026"}},
		{"apostrophe splits", "Solberg's", []string{"Solberg", "s"}},
		{"nothing", " :;\"' ", []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := QueryWords(tc.q); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("QueryWords(%q) = %q, want %q", tc.q, got, tc.want)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	for _, tc := range []struct{ in, want int }{{0, DefaultLimit}, {-3, DefaultLimit}, {7, 7}, {MaxLimit + 1, MaxLimit}} {
		if got := Limit(tc.in); got != tc.want {
			t.Errorf("Limit(%d) = %d, want %d", tc.in, got, tc.want)
		}
	}
	if l, o := (ListOptions{Offset: -1}).Page(); l != DefaultLimit || o != 0 {
		t.Errorf("Page = %d, %d", l, o)
	}
}

func TestTime(t *testing.T) {
	in := time.Date(2026, 1, 2, 3, 4, 5, 123456789, time.FixedZone("X", 3600))
	got := Time(in)
	if got.Location() != time.UTC || got.Nanosecond() != 123456000 || !got.Equal(in.Truncate(time.Microsecond)) {
		t.Errorf("Time(%v) = %v", in, got)
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data/x")
	if got, err := DefaultPath(); err != nil || got != filepath.Join("/data/x", "crosscheck", "crosscheck.db") {
		t.Errorf("DefaultPath with XDG_DATA_HOME = %q, %v", got, err)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/u")
	if got, err := DefaultPath(); err != nil || got != "/home/u/.local/share/crosscheck/crosscheck.db" {
		t.Errorf("DefaultPath from HOME = %q, %v", got, err)
	}
}
