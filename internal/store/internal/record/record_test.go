package record

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
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

func TestCheckIDs(t *testing.T) {
	for _, tc := range []struct {
		name   string
		closed bool
		ids    []string
		want   error
	}{
		{"ok", false, []string{"a", "b"}, nil},
		{"no ids", false, nil, nil},
		{"closed wins", true, []string{""}, store.ErrClosed},
		{"empty second", false, []string{"a", ""}, store.ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckIDs(tc.closed, tc.ids...)
			if (tc.want == nil) != (err == nil) || (tc.want != nil && !errors.Is(err, tc.want)) {
				t.Errorf("CheckIDs = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestCheckUpdate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		closed bool
		a      *news.Article
		want   error
	}{
		{"ok", false, &news.Article{ID: "a"}, nil},
		{"nil", false, nil, store.ErrInvalid},
		{"no id", false, &news.Article{}, store.ErrInvalid},
		{"closed", true, &news.Article{ID: "a"}, store.ErrClosed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckUpdate(tc.closed, tc.a)
			if (tc.want == nil) != (err == nil) || (tc.want != nil && !errors.Is(err, tc.want)) {
				t.Errorf("CheckUpdate = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestNewArticle(t *testing.T) {
	raw := news.Raw{Input: "x", Text: "body", Bytes: []byte("body")}
	if _, err := NewArticle(raw, nil); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("nil article: %v, want ErrInvalid", err)
	}
	for _, tc := range []struct {
		name, id, wantID string
	}{
		{"caller id", "mine", "mine"},
		{"default id", "", store.Hash(raw)[:16]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := &news.Article{ID: tc.id, Title: "T"}
			r, err := NewArticle(raw, a)
			if err != nil {
				t.Fatal(err)
			}
			if r.ID != tc.wantID || r.Hash != store.Hash(raw) || r.From != TextBytes {
				t.Errorf("got id %q hash %q from %d", r.ID, r.Hash, r.From)
			}
			back, err := DecodeArticle(r.Doc)
			if err != nil || back.ID != tc.wantID || back.Hash != r.Hash || back.Title != "T" {
				t.Errorf("doc decodes to %+v, %v", back, err)
			}
			if a.ID != tc.id || a.Hash != "" {
				t.Errorf("argument modified: %+v", a)
			}
		})
	}
}

func TestStoryTime(t *testing.T) {
	at := time.Date(2026, 3, 1, 12, 0, 0, 123456789, time.FixedZone("x", 3600))
	if got := StoryTime(news.Story{Updated: at}, time.Now); !got.Equal(at.Truncate(time.Microsecond)) || got.Location() != time.UTC {
		t.Errorf("StoryTime(set) = %v", got)
	}
	before := time.Now().Add(-time.Second)
	if got := StoryTime(news.Story{}, time.Now); got.Before(before) || got.Location() != time.UTC {
		t.Errorf("StoryTime(zero) = %v, want about now", got)
	}
}

// lookups over live stories a, b and aliases x->a, y->gone (dangling).
func lookups() (story, alias func(string) (string, error)) {
	find := func(m map[string]string) func(string) (string, error) {
		return func(id string) (string, error) {
			if v, ok := m[id]; ok {
				return v, nil
			}
			return "", store.ErrNotFound
		}
	}
	return find(map[string]string{"a": "a", "b": "b"}), find(map[string]string{"x": "a", "y": "gone"})
}

func TestResolve(t *testing.T) {
	story, alias := lookups()
	for _, tc := range []struct {
		id, want string
		err      error
	}{
		{"a", "a", nil},
		{"x", "a", nil},
		{"y", "", store.ErrNotFound},
		{"z", "", store.ErrNotFound},
	} {
		t.Run(tc.id, func(t *testing.T) {
			got, err := Resolve(tc.id, story, alias)
			if got != tc.want || !errors.Is(err, tc.err) || (tc.err == nil && err != nil) {
				t.Errorf("Resolve(%q) = %q, %v; want %q, %v", tc.id, got, err, tc.want, tc.err)
			}
		})
	}
	boom := errors.New("boom")
	if _, err := Resolve("a", func(string) (string, error) { return "", boom }, alias); !errors.Is(err, boom) {
		t.Errorf("lookup error = %v, want boom", err)
	}
}

func TestMergePair(t *testing.T) {
	story, alias := lookups()
	var order []string
	resolve := func(id string) (string, error) {
		order = append(order, id)
		return Resolve(id, story, alias)
	}
	for _, tc := range []struct {
		name, into, from string
		in, fr           string
		order            []string
		err              error
	}{
		{"ordered", "a", "b", "a", "b", []string{"a", "b"}, nil},
		{"reversed", "b", "a", "b", "a", []string{"a", "b"}, nil},
		{"alias of into", "x", "a", "", "", []string{"a", "x"}, store.ErrInvalid},
		{"missing", "a", "z", "", "", []string{"a", "z"}, store.ErrNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			order = nil
			in, fr, err := MergePair(tc.into, tc.from, resolve)
			if in != tc.in || fr != tc.fr || !errors.Is(err, tc.err) || (tc.err == nil && err != nil) {
				t.Errorf("MergePair = %q, %q, %v; want %q, %q, %v", in, fr, err, tc.in, tc.fr, tc.err)
			}
			if !reflect.DeepEqual(order, tc.order) {
				t.Errorf("resolved in order %q, want %q", order, tc.order)
			}
		})
	}
}

// row returns a Scan function over fixed string values.
func row(vals ...string) func(dest ...any) error {
	return func(dest ...any) error {
		if len(dest) != len(vals) {
			return errors.New("column count")
		}
		for i, d := range dest {
			*d.(*string) = vals[i]
		}
		return nil
	}
}

func TestRefs(t *testing.T) {
	sts := []news.Story{{ID: "s1", Articles: []news.ArticleRef{{ID: "stale"}}}, {ID: "s2"}}
	refs, ids := NewRefs(sts)
	if !reflect.DeepEqual(ids, []string{"s1", "s2"}) {
		t.Errorf("ids = %q", ids)
	}
	for _, r := range [][]string{{"s2", "a1", "in1", "O", "T1"}, {"s2", "a2", "in2", "O", "T2"}, {"s9", "a3", "", "", ""}} {
		if err := refs.Scan(row(r...)); err != nil {
			t.Fatal(err)
		}
	}
	want := []news.Story{
		{ID: "s1", Articles: []news.ArticleRef{}},
		{ID: "s2", Articles: []news.ArticleRef{{ID: "a1", Input: "in1", Outlet: "O", Title: "T1"}, {ID: "a2", Input: "in2", Outlet: "O", Title: "T2"}}},
	}
	if !reflect.DeepEqual(sts, want) {
		t.Errorf("stories = %+v, want %+v", sts, want)
	}
	if err := refs.Scan(row("s1")); err == nil {
		t.Error("short row: no error")
	}
	r, err := ScanRef(row("a", "in", "O", "T"))
	if err != nil || r != (news.ArticleRef{ID: "a", Input: "in", Outlet: "O", Title: "T"}) {
		t.Errorf("ScanRef = %+v, %v", r, err)
	}
}

func TestScanStats(t *testing.T) {
	st, err := ScanStats(func(dest ...any) error {
		for i, d := range dest {
			*d.(*int64) = int64(i + 1)
		}
		return nil
	})
	if err != nil || st != (store.Stats{Articles: 1, Stories: 2, Briefings: 3, Rejected: 4, BriefQueued: 5, BriefFailing: 6}) {
		t.Errorf("ScanStats = %+v, %v", st, err)
	}
}
