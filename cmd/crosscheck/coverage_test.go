package main

import (
	"encoding/json"
	"html"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/server"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/sqlite"
)

// syntheticArticles is a made-up story (no third-party text) told by two
// outlets, one copy of it carried by a second outlet with its own opening
// line, and one article whose outlet is given only by its address.
func syntheticArticles() []map[string]string {
	body := "The Harrowgate county council voted on Tuesday to close the old Millbrook bridge to lorries after engineers found cracks in two of its supports.\n\n" +
		"Councillor Dana Pryce said the bridge would stay open to cars and bicycles while repairs are planned. \"We cannot wait for a failure,\" she said.\n\n" +
		"Engineers told the council that the repairs would cost about 4.2 million pounds and take eighteen months. Lorries will be sent along the ring road.\n\n" +
		"Local hauliers said the diversion would add twenty minutes to each trip. The council will review the closure in March."
	other := "Lorries are barred from the Millbrook bridge in Harrowgate from next week, the county council decided on Tuesday, after cracks were found in its supports.\n\n" +
		"The council heard that repairs would cost 4.5 million pounds. Councillor Dana Pryce said: \"We cannot wait for a failure.\"\n\n" +
		"Cars and bicycles may still use the bridge. Hauliers warned of longer trips on the ring road, and the council promised a review in March."
	return []map[string]string{
		{"id": "syn-wire", "outlet": "Harrowgate Wire", "title": "Council shuts Millbrook bridge to lorries", "published": "2024-03-05T09:15:00Z", "text": body},
		{"id": "syn-copy", "outlet": "The Valley Times", "title": "Millbrook bridge closed to lorries", "published": "2024-03-05T11:40:00Z", "text": "By Harrowgate Wire staff.\n\n" + body},
		{"id": "syn-own", "url": "https://www.example.org/news/millbrook-bridge", "title": "Cracks close bridge to lorries", "published": "2024-03-05T13:05:00Z", "text": other},
	}
}

// TestCoverageEverywhere: a story's counts (articles, outlets,
// independent sources) are the same on the front page, the story page,
// in `crosscheck stories` and `crosscheck story`, and in the API (the
// story and the story list), for
// stories the real ingest engine made of the bundled seeds and of
// synthetic articles.
func TestCoverageEverywhere(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "archive.db")
	var jl strings.Builder
	for _, a := range syntheticArticles() {
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		jl.Write(b)
		jl.WriteByte('\n')
	}
	synth := filepath.Join(dir, "synthetic.jsonl")
	if err := os.WriteFile(synth, []byte(jl.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		append([]string{"ingest", "--db", db, "--published", "2017-04-12"}, seedFiles(t)...),
		{"ingest", "--db", db, synth},
	} {
		if _, stderr, code := cliRun(t, args...); code != 0 {
			t.Fatalf("%v: status %d, stderr %q", args, code, stderr)
		}
	}

	listed, stderr, code := cliRun(t, "stories", "--db", db)
	if code != 0 {
		t.Fatalf("stories: status %d, stderr %q", code, stderr)
	}
	st, err := sqlite.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	srv, err := server.New(server.Options{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	h := srv.Handler()
	get := func(path string) string {
		t.Helper()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != 200 {
			t.Fatalf("GET %s = %d", path, rec.Code)
		}
		return rec.Body.String()
	}
	front := get("/")
	stories, err := st.Stories(t.Context(), store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) < 2 {
		t.Fatalf("want the seeds' story and the synthetic one, got %d stories", len(stories))
	}
	var list server.StoryList
	if err := json.Unmarshal([]byte(get("/api/stories")), &list); err != nil {
		t.Fatal(err)
	}
	listCov := map[string]*news.Coverage{}
	for _, ls := range list.Stories {
		listCov[ls.ID] = ls.Coverage
	}
	seenNotGiven, seenHost := false, false
	for _, s := range stories {
		t.Run(s.ID, func(t *testing.T) {
			b, _, err := st.Briefing(t.Context(), s.ID)
			if err != nil {
				t.Fatalf("briefing: %v", err)
			}
			c := b.Coverage()
			want := brief.Counts(c)
			if c.Articles != len(s.Articles) {
				t.Errorf("briefing counts %d articles, the story has %d", c.Articles, len(s.Articles))
			}
			for _, src := range b.Sources {
				switch news.OutletName(src.Outlet, src.URL) {
				case news.OutletNotGiven:
					seenNotGiven = true
				case "example.org":
					seenHost = true
				}
			}
			got := map[string]string{}
			// crosscheck stories: "ID  COUNTS  title".
			if m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(s.ID) + `  (.+?)  `).FindStringSubmatch(listed); m != nil {
				got["crosscheck stories"] = m[1]
			}
			// crosscheck story: "_COUNTS · happened … · reported …_" under the title.
			md, stderr, code := cliRun(t, "story", "--db", db, s.ID)
			if code != 0 {
				t.Fatalf("story: status %d, stderr %q", code, stderr)
			}
			if m := regexp.MustCompile(`(?m)^_(.+?)( · (?:happened|reported|date not known|\d{1,2} [A-Z][a-z]{2} \d{4}).*)?_$`).FindStringSubmatch(md); m != nil {
				got["crosscheck story"] = m[1]
			}
			// The front page: the counts after the story's link.
			if i := strings.Index(front, `href="/stories/`+s.ID+`"`); i >= 0 {
				if m := regexp.MustCompile(`<span class="counts">([^<]+)</span>`).FindStringSubmatch(front[i:]); m != nil {
					got["front page"] = html.UnescapeString(m[1])
				}
			}
			if m := regexp.MustCompile(`<p class="counts">([^<]+)</p>`).FindStringSubmatch(get("/stories/" + s.ID)); m != nil {
				got["story page"] = html.UnescapeString(m[1])
			}
			var api server.StoryAnswer
			if err := json.Unmarshal([]byte(get("/api/stories/"+s.ID)), &api); err != nil {
				t.Fatal(err)
			}
			if api.Coverage == nil {
				t.Error("API: no coverage")
			} else {
				if *api.Coverage != c {
					t.Errorf("API coverage %+v, briefing's %+v", *api.Coverage, c)
				}
				got["API"] = brief.Counts(*api.Coverage)
			}
			if lc := listCov[s.ID]; lc == nil {
				t.Error("API list: no coverage")
			} else {
				got["API list"] = brief.Counts(*lc)
			}
			for _, view := range []string{"crosscheck stories", "crosscheck story", "front page", "story page", "API", "API list"} {
				if g, ok := got[view]; !ok {
					t.Errorf("%s: no counts found", view)
				} else if g != want {
					t.Errorf("%s says %q, the briefing %q", view, g, want)
				}
			}
		})
	}
	if !seenNotGiven || !seenHost {
		t.Errorf("the stories lack an outlet not given (%v) or one named by its host (%v)", seenNotGiven, seenHost)
	}
}
