package cluster

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// memState is a persisted state kept in maps, applied from deltas as a
// store would.
type memState struct {
	meta     Meta
	heads    map[string][]byte
	stories  map[string][]byte
	caches   map[string][]byte
	df       map[string]int
	postings map[string][]Posting
}

func newMemState() *memState {
	return &memState{heads: map[string][]byte{}, stories: map[string][]byte{}, caches: map[string][]byte{}, df: map[string]int{}, postings: map[string][]Posting{}}
}

func (m *memState) apply(d Delta) {
	m.meta = d.Meta
	for _, s := range d.Stories {
		m.caches[s.ID] = s.MarshalCache()
		if !s.CacheOnly {
			m.stories[s.ID] = s.MarshalState()
			m.heads[s.ID] = s.MarshalHead()
		}
	}
	for t, n := range d.DF {
		m.df[t] = n
	}
	for _, p := range d.Postings {
		m.postings[p.Term] = append(m.postings[p.Term], p)
	}
}

// load answers c.Needs(d) until nothing is missing.
func (m *memState) load(t *testing.T, c *Clusterer, d Doc) {
	t.Helper()
	for round := 0; ; round++ {
		need := c.Needs(d)
		if need.Empty() {
			return
		}
		if round > 5 {
			t.Fatalf("Needs does not settle: %+v", need)
		}
		df := map[string]int{}
		for _, term := range need.DF {
			df[term] = m.df[term]
		}
		var ps []Posting
		var sts []StoryState
		want := map[string]bool{}
		for _, term := range need.Postings {
			p := m.postings[term]
			if len(p) > PostingScan {
				p = p[len(p)-PostingScan:]
			}
			ps = append(ps, p...)
			for _, x := range p {
				want[x.Story] = true
			}
		}
		for _, id := range need.Stories {
			st, err := Unmarshal(id, m.stories[id], m.caches[id])
			if err != nil {
				t.Fatal(err)
			}
			sts = append(sts, st)
		}
		for len(want) > 0 {
			next := map[string]bool{}
			for id := range want {
				if c.HasStory(id) {
					continue
				}
				st, err := UnmarshalHead(id, m.heads[id])
				if err != nil {
					t.Fatal(err)
				}
				sts = append(sts, st)
				if st.MergedTo != "" {
					next[st.MergedTo] = true
				}
			}
			for _, s := range sts {
				delete(next, s.ID)
			}
			want = next
		}
		if err := c.Load(df, need.Postings, ps, sts); err != nil {
			t.Fatal(err)
		}
	}
}

// basilDocs reads the BASIL dev articles in file order.
func basilDocs(t *testing.T) []Doc {
	t.Helper()
	f, err := os.Open("../../../shared/data/clustering/basil-dev.jsonl")
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("../shared/data/clustering/basil-dev.jsonl is absent")
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []Doc
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r struct {
			ID         string     `json:"article_id"`
			Date       string     `json:"date"`
			Title      string     `json:"title"`
			Entities   []string   `json:"main_entities"`
			Paragraphs [][]string `json:"paragraphs"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		tm, _ := time.Parse("2006-01-02", r.Date)
		var body []string
		for _, p := range r.Paragraphs {
			body = append(body, strings.Join(p, " "))
		}
		docs = append(docs, Doc{ID: r.ID, Title: r.Title, Body: strings.Join(body, "\n"), Names: r.Entities, Time: tm})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestRestoreSamePlacement feeds one stream to a clusterer that keeps
// everything in memory and to one whose state lives in a memState and
// is dropped from memory every few articles (as a restarted process
// drops it); every assignment must be the same.
func TestRestoreSamePlacement(t *testing.T) {
	docs := basilDocs(t)
	// Twice over, the second copy a month later and undated in part, so
	// that windows, merges and undated stories all occur.
	n := len(docs)
	for i := 0; i < n; i++ {
		d := docs[i]
		d.ID += "-again"
		if i%3 == 0 {
			d.Time = time.Time{}
		} else {
			d.Time = d.Time.AddDate(0, 1, 0)
		}
		docs = append(docs, d)
	}
	for _, tc := range []struct {
		every   int
		compact bool
	}{{1, false}, {7, false}, {1 << 30, false}, {5, true}} {
		every := tc.every
		name := "reset every " + itoa(every)
		if tc.compact {
			name = "compact every " + itoa(every)
		}
		t.Run(name, func(t *testing.T) {
			ref := New(Options{})
			ms := newMemState()
			c := Restore(Options{}, Meta{})
			merges := 0
			stream := docs
			if every == 1 {
				stream = docs[:n/2] // every reset reloads: keep it short
			}
			for i, d := range stream {
				switch {
				case i%every != 0:
				case tc.compact:
					c.Compact()
				default:
					c = Restore(Options{}, ms.meta)
				}
				want := ref.Add(d)
				ms.load(t, c, d)
				if full := fullStories(c); c.Len() != full {
					t.Fatalf("doc %d: Len %d, %d stories held in full", i, c.Len(), full)
				}
				got := c.Add(d)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("doc %d %s: got %+v, want %+v", i, d.ID, got, want)
				}
				merges += len(want.Merged)
				ms.apply(c.TakeDelta())
			}
			if len(stream) == len(docs) && c.Meta() != ref.Meta() {
				t.Errorf("meta %+v, want %+v", c.Meta(), ref.Meta())
			}
			t.Logf("%d docs, %d stories, %d merges", len(stream), ref.next, merges)
		})
	}
}

// TestExportRestore checks that a clusterer exported whole (how an
// existing archive gets its state) and restored places the next articles
// as the original does.
func TestExportRestore(t *testing.T) {
	docs := basilDocs(t)
	half := len(docs) / 2
	ref := New(Options{})
	for _, d := range docs[:half] {
		ref.Add(d)
	}
	ms := newMemState()
	ms.apply(New(Options{}).Export()) // an empty export is harmless
	ms.apply(ref.Export())
	c := Restore(Options{}, ms.meta)
	for i, d := range docs[half:] {
		want := ref.Add(d)
		ms.load(t, c, d)
		if got := c.Add(d); !reflect.DeepEqual(got, want) {
			t.Fatalf("doc %d: got %+v, want %+v", half+i, got, want)
		}
		ms.apply(c.TakeDelta())
	}
}

func TestStateRoundTrip(t *testing.T) {
	tests := []StoryState{
		{ID: "s1", TF: map[string]float64{}, Lead: map[string]float64{}},
		{ID: "s2", First: day(0), Last: day(3), Size: 4, TF: map[string]float64{"storm": 3, "@valley": 2}, Lead: map[string]float64{"storm": 0.1 + 0.2},
			Indexed: []string{"@valley", "storm"}, Vec: map[string]float64{"storm": 1.5}, LeadVec: map[string]float64{"storm": 2.25}, VecN: 9},
		{ID: "s3", MergedTo: "s2", First: day(1), Last: day(1), Size: 1},
	}
	for _, st := range tests {
		t.Run(st.ID, func(t *testing.T) {
			got, err := Unmarshal(st.ID, st.MarshalState(), st.MarshalCache())
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, st) {
				t.Errorf("got %+v, want %+v", got, st)
			}
			head, err := UnmarshalHead(st.ID, st.MarshalHead())
			if err != nil {
				t.Fatal(err)
			}
			if want := (StoryState{ID: st.ID, Head: true, MergedTo: st.MergedTo, First: st.First, Last: st.Last}); !reflect.DeepEqual(head, want) {
				t.Errorf("head %+v, want %+v", head, want)
			}
			b, c := st.MarshalState(), st.MarshalCache()
			for i := range b {
				if _, err := Unmarshal(st.ID, b[:i], c); !errors.Is(err, ErrState) {
					t.Fatalf("state truncated at %d: err %v, want ErrState", i, err)
				}
			}
			for i := range c {
				if _, err := Unmarshal(st.ID, b, c[:i]); !errors.Is(err, ErrState) {
					t.Fatalf("cache truncated at %d: err %v, want ErrState", i, err)
				}
			}
		})
	}
}

func FuzzUnmarshal(f *testing.F) {
	st := StoryState{ID: "s", TF: map[string]float64{"a": 1}, Indexed: []string{"a"}, Vec: map[string]float64{"a": 2}, VecN: 3}
	f.Add(st.MarshalState(), st.MarshalCache())
	f.Fuzz(func(t *testing.T, b, c []byte) {
		st, err := Unmarshal("s", b, c)
		if err != nil {
			return
		}
		again, err := Unmarshal("s", st.MarshalState(), st.MarshalCache())
		if err != nil || !bytes.Equal(again.MarshalState(), st.MarshalState()) || !bytes.Equal(again.MarshalCache(), st.MarshalCache()) {
			t.Fatalf("round trip: %v, %+v vs %+v", err, again, st)
		}
	})
}

// fullStories counts the stories c holds in full (not heads).
func fullStories(c *Clusterer) int {
	n := 0
	for _, s := range c.stories {
		if !s.head {
			n++
		}
	}
	return n
}

func itoa(n int) string {
	if n >= 1<<30 {
		return "never"
	}
	return strconv.Itoa(n)
}
