package server

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath is Debian's Chromium.
const chromiumPath = "/usr/bin/chromium"

// browser starts a headless Chromium with a fresh profile, or skips (fails
// under CI=true) when there is none.
func browser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("chromium is not installed at %s (apt-get install chromium)", chromiumPath)
		}
		t.Skipf("chromium is not installed at %s; install it with apt-get install chromium to run the browser tests", chromiumPath)
	}
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelB(); cancelA() })
	if _, err := chromedp.Run(ctx, chromedp.Title()); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}

// artifacts is where screenshots go: $CROSSCHECK_ARTIFACTS or a temp dir.
func artifacts(t *testing.T) string {
	dir := os.Getenv("CROSSCHECK_ARTIFACTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// serveLoopback runs s on 127.0.0.1:0 until the test ends and returns its
// base URL.
func serveLoopback(t *testing.T, s *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("Serve: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

func TestBrowser(t *testing.T) {
	ctx := browser(t)
	f := seedFixture(t)
	base := serveLoopback(t, newServer(t, f.st, Options{}))
	dir := artifacts(t)
	shot := func(name string, full bool) {
		t.Helper()
		var b []byte
		var err error
		if full {
			b, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
		} else {
			b, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
		}
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", p)
	}
	step := func(what string, a chromedp.Action[chromedp.Void]) {
		t.Helper()
		tctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		if _, err := chromedp.Run(tctx, a); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		tctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		s, err := chromedp.Run(tctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	eval := func(js string) bool {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err != nil {
			t.Fatalf("evaluate %s: %v", js, err)
		}
		return v
	}

	step("open the front page", chromedp.Navigate(base+"/"))
	step("front page story list", chromedp.WaitVisible(chromedp.CSS("ol.stories a.story-title")))
	if !eval(`document.documentElement.classList.contains("js")`) {
		t.Error("site.js did not run under the Content-Security-Policy")
	}
	if eval(`getComputedStyle(document.querySelector(".mk")).width === "auto"`) {
		t.Error("site.css did not apply: coverage marks have no width")
	}
	shot("front.png", false)

	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("ol.stories a.story-title"))); err != nil {
		t.Fatalf("open the story: %v", err)
	}
	step("story summary", chromedp.WaitVisible(chromedp.CSS("#summary .sent")))
	if s := text("#summary"); len(s) < 200 {
		t.Errorf("summary text too short: %q", s)
	}
	shot("story-top.png", false)
	step("quote comparison", chromedp.WaitVisible(chromedp.CSS("ul.variants del")))
	step("quote comparison insertion", chromedp.WaitVisible(chromedp.CSS("ul.variants ins")))
	disc := text("#discrepancies")
	for _, want := range []string{"nearly two hours", "more than two hours", "Wednesday", "Friday"} {
		if !strings.Contains(disc, want) {
			t.Errorf("visible discrepancies lack %q:\n%s", want, disc)
		}
	}
	step("discrepancy sides", chromedp.WaitVisible(chromedp.CSS(".disc .side mark")))
	for _, sec := range []string{"quotes", "discrepancies", "timeline", "sources"} {
		eval(`(document.getElementById("` + sec + `").scrollIntoView({block: "start"}), true)`)
		step("settle", chromedp.Sleep(100*time.Millisecond))
		shot("story-"+sec+".png", false)
	}
	shot("story.png", true)

	// The source's own sentence is hidden until its citation is clicked.
	if eval(`document.querySelector("#ev-0-0").checkVisibility()`) {
		t.Error("source sentence visible before its citation was clicked")
	}
	step("click a citation", chromedp.Click(chromedp.CSS(`#summary button.cite[aria-controls="ev-0-0"]`)))
	step("source sentence visible", chromedp.WaitVisible(chromedp.CSS("#ev-0-0 blockquote")))
	if ev := text("#ev-0-0 blockquote"); len(ev) < 20 {
		t.Errorf("revealed source sentence = %q", ev)
	}
	if !eval(`document.querySelector('button.cite[aria-controls="ev-0-0"]').getAttribute("aria-expanded") === "true"`) {
		t.Error("aria-expanded not set on the clicked citation")
	}
	step("scroll to summary", chromedp.ScrollIntoView(chromedp.CSS("#summary")))
	step("settle", chromedp.Sleep(100*time.Millisecond))
	shot("story-citation.png", false)

	step("open the article with removed lines", chromedp.Navigate(base+"/articles/"+f.articles[1]+"?removed=1"))
	step("removed lines", chromedp.WaitVisible(chromedp.CSS(".raw del, .removed del")))
	shot("article-removed.png", false)

	step("phone viewport", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile))
	step("open the story on a phone", chromedp.Navigate(base+"/stories/"+f.storyID))
	step("story on a phone", chromedp.WaitVisible(chromedp.CSS("#discrepancies")))
	if eval(`document.documentElement.scrollWidth > window.innerWidth + 1`) {
		t.Error("the story page scrolls sideways on a 390px-wide phone")
	}
	shot("story-phone.png", false)
	step("scroll to discrepancies", chromedp.ScrollIntoView(chromedp.CSS("#discrepancies")))
	step("settle", chromedp.Sleep(100*time.Millisecond))
	shot("story-phone-discrepancies.png", false)
}
