package server

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/crosscheck/crosscheck/internal/news"
)

// headerOutlets are the outlets of the story the header test shows: long
// and short names, an outlet named by its host and one not given.
var headerOutlets = []struct{ outlet, url string }{
	{"The New York Times", ""}, {"Fox News", ""}, {"NBC News", ""}, {"CNN", ""},
	{"Al Jazeera English", ""}, {"The Sydney Morning Herald", ""}, {"", "https://www.news.example.org/a/1"}, {"", ""},
}

// manyOutletStory stores a story whose briefing has one source per
// headerOutlets entry (synthetic headlines, times an hour apart) and
// returns its id and the outlet names its header must show.
func manyOutletStory(t *testing.T) (*Server, string, []string) {
	t.Helper()
	st := openStore(t)
	ctx := t.Context()
	b := &news.Briefing{Title: "Bridge closed to lorries after cracks found", Date: "2024-03-05"}
	var refs []news.ArticleRef
	var names []string
	start := time.Date(2024, 3, 5, 8, 0, 0, 0, time.UTC)
	for i, o := range headerOutlets {
		id := "h" + strconv.Itoa(i)
		txt := "Synthetic article " + id + " about the bridge closure."
		a := &news.Article{ID: id, Title: "Bridge closed to lorries, report " + strconv.Itoa(i+1) + " with a long headline that wraps on a phone", Outlet: o.outlet, URL: o.url, Paragraphs: []string{txt}}
		if _, _, err := st.PutArticle(ctx, news.Raw{ID: id, Input: id, Text: txt}, a); err != nil {
			t.Fatal(err)
		}
		refs = append(refs, news.ArticleRef{ID: id})
		b.Sources = append(b.Sources, news.Source{ID: id, Outlet: o.outlet, URL: o.url, Title: a.Title,
			Published: start.Add(time.Duration(len(headerOutlets)-i) * time.Hour).Format(time.RFC3339)})
		names = append(names, news.OutletName(o.outlet, o.url))
	}
	sid, _, err := st.CreateStory(ctx, news.Story{Title: b.Title, Articles: refs})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.PutBriefing(ctx, sid, b); err != nil {
		t.Fatal(err)
	}
	return newServer(t, st, Options{}), sid, names
}

// TestBrowserStoryHeader: at 1280 and 390 px wide the story header names
// every outlet, each name visible inside the header and the viewport, the
// header not overflowing; the first to report is marked. Screenshots go
// to $CROSSCHECK_ARTIFACTS or a temporary directory.
func TestBrowserStoryHeader(t *testing.T) {
	ctx := browser(t)
	srv, sid, names := manyOutletStory(t)
	base := serveLoopback(t, srv)
	dir := artifacts(t)
	namesJSON, err := json.Marshal(names)
	if err != nil {
		t.Fatal(err)
	}
	// check lists what is wrong with the header: an outlet name missing,
	// hidden, outside the header or the viewport; the header wider than
	// its box; no or several "reported first" marks.
	check := `(() => {
	const names = ` + string(namesJSON) + `;
	const head = document.querySelector("header.story-head");
	if (!head) return ["no header.story-head"];
	const out = [];
	const hb = head.getBoundingClientRect(), vw = document.documentElement.clientWidth;
	if (head.scrollWidth > head.clientWidth + 1) out.push("header overflows: scrollWidth " + head.scrollWidth + " > " + head.clientWidth);
	if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push("page scrolls sideways");
	const els = [...head.querySelectorAll(".cov-outlet")];
	for (const n of names) {
		const el = els.find(e => e.textContent.trim() === n);
		if (!el) { out.push(n + ": not in the header"); continue; }
		if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) { out.push(n + ": hidden"); continue; }
		for (const r of el.getClientRects()) {
			if (r.width <= 0 || r.height <= 0) out.push(n + ": empty box");
			if (r.left < hb.left - 1 || r.right > hb.right + 1) out.push(n + ": outside the header (" + r.left + "–" + r.right + " of " + hb.left + "–" + hb.right + ")");
			if (r.left < 0 || r.right > vw + 1) out.push(n + ": outside the viewport (" + r.left + "–" + r.right + " of " + vw + ")");
		}
	}
	const firsts = head.querySelectorAll(".first");
	if (firsts.length !== 1) out.push(firsts.length + " 'reported first' marks, want 1");
	const marks = new Set([...head.querySelectorAll(".coverage .mk")].map(e => e.textContent.trim() + "|" + getComputedStyle(e).backgroundColor));
	if (marks.size !== names.length) out.push(marks.size + " distinct markers for " + names.length + " outlets");
	return out;
})()`
	for _, vp := range []struct {
		name string
		act  chromedp.Action[chromedp.Void]
	}{
		{"1280", chromedp.EmulateViewport(1280, 900)},
		{"390", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile)},
	} {
		t.Run(vp.name, func(t *testing.T) {
			tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
			defer cancel()
			for _, a := range []chromedp.Action[chromedp.Void]{vp.act, chromedp.Navigate(base + "/stories/" + sid), chromedp.WaitVisible(chromedp.CSS("header.story-head ul.coverage"))} {
				if _, err := chromedp.Run(tctx, a); err != nil {
					t.Fatalf("%s px: %v", vp.name, err)
				}
			}
			shot, err := chromedp.Run(tctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatalf("screenshot: %v", err)
			}
			p := filepath.Join(dir, "story-header-"+vp.name+".png")
			if err := os.WriteFile(p, shot, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("screenshot: %s", p)
			problems, err := chromedp.Run(tctx, chromedp.Evaluate[[]string](check))
			if err != nil {
				t.Fatalf("evaluate: %v", err)
			}
			for _, pr := range problems {
				t.Errorf("%s px: %s", vp.name, pr)
			}
		})
	}
}
