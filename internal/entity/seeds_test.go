package entity

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/testutil"
)

// TestSeeds runs the recogniser over the two raw seed articles (lines as
// paragraphs) and checks the gold people and a few places and
// organisations.
func TestSeeds(t *testing.T) {
	dir, ok := testutil.Shared("seeds")
	goldPath, ok2 := testutil.Shared("gold/seeds.gold.json")
	if !ok || !ok2 {
		t.Skip("shared seeds not available")
	}
	gold, err := testutil.ReadSeedsGold(goldPath)
	if err != nil {
		t.Fatalf("gold: %v", err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skip("no seed files")
	}
	var arts []*news.Article
	for _, f := range files {
		arts = append(arts, analyse(t, rawParagraphs(t, f)))
	}
	persons := map[string]bool{}
	types := map[string]string{}
	for _, a := range arts {
		for _, e := range a.Entities {
			types[e.Name] = e.Type
			if e.Type == news.Person {
				persons[e.Name] = true
			}
			for _, bad := range []string{"Secretary of State", "Foreign Minister"} {
				if strings.Contains(e.Name, bad) {
					t.Errorf("entity name %q contains the role %q", e.Name, bad)
				}
			}
		}
	}
	exact, surname := 0, 0
	for _, p := range gold.People {
		if persons[p] {
			exact++
			surname++
			continue
		}
		ks := nameKeys(p)
		found := false
		for n := range persons {
			if nk := nameKeys(n); len(nk) > 0 && nk[len(nk)-1] == ks[len(ks)-1] {
				found = true
			}
		}
		if found {
			surname++
		} else {
			t.Logf("gold person not found: %s", p)
		}
	}
	t.Logf("gold people: %d/%d exact, %d/%d by surname", exact, len(gold.People), surname, len(gold.People))
	if surname*10 < len(gold.People)*9 {
		t.Errorf("person recall by surname %d/%d, want >= 90%%", surname, len(gold.People))
	}
	for _, w := range []struct{ name, typ string }{
		{"Moscow", news.Place}, {"Syria", news.Place}, {"NATO", news.Organization},
		{"Fox Business", news.Organization},
	} {
		if types[w.name] != w.typ {
			t.Errorf("%s type = %q, want %s", w.name, types[w.name], w.typ)
		}
	}
	sc := false
	for n, ty := range types {
		if strings.Contains(n, "Security Council") && ty == news.Organization {
			sc = true
		}
	}
	if !sc {
		t.Errorf("no organisation named like Security Council")
	}
	// Across the two outlets the main people resolve to one group each.
	gs := Resolve(arts)
	for _, p := range []string{"Rex Tillerson", "Vladimir Putin", "Sergey Lavrov"} {
		okp := false
		for _, g := range gs {
			if g.Name == p && len(g.Articles) == len(arts) {
				okp = true
			}
		}
		if !okp {
			t.Errorf("Resolve: no group %q across all %d articles", p, len(arts))
		}
	}
}

// TestBASILMainEntities reports how many BASIL main entities (people,
// organisations, sometimes phrases like "Obama administration") the
// recogniser finds as an entity name or mention.
func TestBASILMainEntities(t *testing.T) {
	p, ok := testutil.Shared("data/clustering/basil-dev.jsonl")
	if !ok {
		t.Skip("BASIL dev set not available")
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	total, found, arts := 0, 0, 0
	for sc.Scan() {
		var rec struct {
			MainEntities []string   `json:"main_entities"`
			Paragraphs   [][]string `json:"paragraphs"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("parse: %v", err)
		}
		var paras []string
		for _, ss := range rec.Paragraphs {
			paras = append(paras, strings.Join(ss, " "))
		}
		a := analyse(t, paras)
		arts++
		names := map[string]bool{}
		for _, e := range a.Entities {
			names[strings.ToLower(e.Name)] = true
			for _, m := range e.Mentions {
				names[strings.ToLower(m.Text)] = true
			}
		}
		for _, me := range rec.MainEntities {
			total++
			l := strings.ToLower(me)
			hit := names[l]
			if !hit {
				// "Obama administration": the name part is enough.
				for n := range names {
					if len(n) > 3 && (strings.HasPrefix(l, n+" ") || strings.HasSuffix(l, " "+n)) {
						hit = true
						break
					}
				}
			}
			if hit {
				found++
			} else if testing.Verbose() {
				t.Logf("missed main entity %q", me)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("scan: %v", err)
	}
	if total == 0 {
		t.Skip("no main entities")
	}
	t.Logf("BASIL: %d articles, main entities found %d/%d (%.1f%%)", arts, found, total, 100*float64(found)/float64(total))
	if found*10 < total*7 {
		t.Errorf("main entity recall %d/%d below 70%%", found, total)
	}
}
