package extract

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-shiori/dom"

	"github.com/crosscheck/crosscheck/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func newExtractor(t testing.TB) *Extractor {
	t.Helper()
	e, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestExtractGolden extracts every testdata/*.html page that has content and
// compares the result with testdata/<name>.golden.json.
func TestExtractGolden(t *testing.T) {
	e := newExtractor(t)
	for _, name := range []string{"harbour", "brief"} {
		t.Run(name, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join("testdata", name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			res, err := e.Extract(string(page), "https://ledger.example.org/local/"+name)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			got, err := json.MarshalIndent(res, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("result differs from %s (run with -update to accept):\n%s", golden, got)
			}
		})
	}
}

// TestExtractHarbour checks the properties of the golden result that matter,
// so that an -update cannot silently accept a regression.
func TestExtractHarbour(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "harbour.html"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := newExtractor(t).Extract(string(page), "")
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Join(res.Paragraphs, "\n")
	for _, want := range []string{
		"The passenger ferry between the north quay",
		"with forty-two passengers on board",
		"What changes for passengers",
		"Bicycles allowed on all crossings.",
		"North quay to Gull Island 3.50",
		"no closure is expected before then.",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
	for _, unwanted := range []string{"Most read", "All rights reserved", "Council approves", "Photo: Ledger staff"} {
		if strings.Contains(body, unwanted) {
			t.Errorf("body has boilerplate %q:\n%s", unwanted, body)
		}
	}
	if res.Paragraphs[0] == res.Title {
		t.Errorf("headline kept as first paragraph")
	}
	for i, p := range res.Paragraphs {
		if p != strings.TrimSpace(p) || strings.Contains(p, "  ") || strings.Contains(p, "\n") {
			t.Errorf("paragraph %d not collapsed: %q", i, p)
		}
	}
	checks := []struct{ field, got, want string }{
		{"Title", res.Title, "Harbour ferry service resumes after storm repairs"},
		{"SiteName", res.SiteName, "The Coastal Ledger"},
		{"Published", res.Published, "2024-03-14"},
		{"Language", res.Language, "en"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if want := []string{"Marta Okonkwo-Lund", "Peter Vasquez"}; !reflect.DeepEqual(res.Byline, want) {
		t.Errorf("Byline = %q, want %q", res.Byline, want)
	}
	var caption bool
	for _, r := range res.Removed {
		caption = caption || (r.Reason == "caption" && strings.HasPrefix(r.Text, "The restored pier at dawn."))
	}
	if !caption {
		t.Errorf("Removed = %+v, want the figure caption", res.Removed)
	}
}

func TestExtractNoContent(t *testing.T) {
	empty, err := os.ReadFile(filepath.Join("testdata", "empty.html"))
	if err != nil {
		t.Fatal(err)
	}
	e := newExtractor(t)
	for _, tc := range []struct{ name, page string }{
		{"empty string", ""},
		{"empty document", "<html><head></head><body></body></html>"},
		{"navigation only", string(empty)},
		{"whitespace", " \n\t "},
		{"too few words", "<html><body><article><p>Just four words here.</p></article></body></html>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := e.Extract(tc.page, "")
			if !errors.Is(err, ErrNoContent) {
				t.Errorf("Extract = %+v, %v; want ErrNoContent", res, err)
			}
		})
	}
}

func TestOptionsValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		o    Options
		ok   bool
	}{
		{"zero", Options{}, true},
		{"precision", Options{FavorPrecision: true}, true},
		{"both focuses", Options{FavorPrecision: true, FavorRecall: true}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.o)
			if (err == nil) != tc.ok {
				t.Errorf("New(%+v) error = %v, want ok=%v", tc.o, err, tc.ok)
			}
		})
	}
}

// TestNoPerCallStartup checks that the first Extract in the process does not
// pay a start-up cost that later calls skip (go-dateparser's tables take
// about 88 MB and 150 ms to build): the first call allocates and takes about
// as much as the second.
func TestNoPerCallStartup(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "harbour.html"))
	if err != nil {
		t.Fatal(err)
	}
	e := newExtractor(t)
	measure := func() (uint64, time.Duration) {
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		t0 := time.Now()
		if _, err := e.Extract(string(page), ""); err != nil {
			t.Fatal(err)
		}
		d := time.Since(t0)
		runtime.ReadMemStats(&m1)
		return m1.TotalAlloc - m0.TotalAlloc, d
	}
	firstBytes, firstTime := measure()
	secondBytes, secondTime := measure()
	t.Logf("first call %d B in %v, second %d B in %v", firstBytes, firstTime, secondBytes, secondTime)
	if firstBytes > 2*secondBytes+4<<20 {
		t.Errorf("first call allocated %d B, second %d B: a start-up cost is paid per call", firstBytes, secondBytes)
	}
}

func TestFormatPublished(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   time.Time
		want string
	}{
		{"zero", time.Time{}, ""},
		{"date only", time.Date(2019, 11, 20, 0, 0, 0, 0, time.UTC), "2019-11-20"},
		{"date and time", time.Date(2019, 11, 20, 14, 5, 0, 0, time.UTC), "2019-11-20T14:05:00Z"},
		{"offset kept", time.Date(2019, 11, 20, 9, 0, 0, 0, time.FixedZone("", -5*3600)), "2019-11-20T09:00:00-05:00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := formatPublished(tc.in); got != tc.want {
				t.Errorf("formatPublished(%v) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestCleanSiteName(t *testing.T) {
	page, _ := url.Parse("https://www.example.com/news/a")
	for _, tc := range []struct {
		name, site string
		page       *url.URL
		want       string
	}{
		{"name kept", "The Ledger", page, "The Ledger"},
		{"address replaced by host", "https://www.facebook.com/Ledger", page, "example.com"},
		{"address without page", "https://www.facebook.com/Ledger", nil, ""},
		{"empty", "", page, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := cleanSiteName(tc.site, tc.page); got != tc.want {
				t.Errorf("cleanSiteName(%q) = %q, want %q", tc.site, got, tc.want)
			}
		})
	}
}

// TestExtractConcurrent shares one Extractor between goroutines (run it
// with -race).
func TestExtractConcurrent(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "harbour.html"))
	if err != nil {
		t.Fatal(err)
	}
	e := newExtractor(t)
	want, err := e.Extract(string(page), "")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				got, err := e.Extract(string(page), "")
				if err != nil {
					errs <- err
					return
				}
				if !reflect.DeepEqual(got, want) {
					errs <- errors.New("concurrent result differs")
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestDropHeadline(t *testing.T) {
	for _, tc := range []struct {
		name    string
		paras   []string
		title   string
		want    []string
		removed int
	}{
		{"headline first", []string{"Ferry resumes", "Body."}, "Ferry resumes", []string{"Body."}, 1},
		{"title with site suffix", []string{"Ferry resumes", "Body."}, "Ferry resumes | The Ledger", []string{"Body."}, 1},
		{"kicker above headline", []string{"Local news", "Ferry resumes", "Body."}, "Ferry resumes", []string{"Body."}, 2},
		{"no title", []string{"Ferry resumes", "Body."}, "", []string{"Ferry resumes", "Body."}, 0},
		{"title prefix without separator", []string{"Ferry", "Body."}, "Ferry resumes", []string{"Ferry", "Body."}, 0},
		{"headline too far down", []string{"a", "b", "c", "Ferry resumes", "Body."}, "Ferry resumes", []string{"a", "b", "c", "Ferry resumes", "Body."}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, removed := dropHeadline(tc.paras, tc.title)
			if !reflect.DeepEqual(got, tc.want) || len(removed) != tc.removed {
				t.Errorf("dropHeadline(%q, %q) = %q, %d removed; want %q, %d", tc.paras, tc.title, got, len(removed), tc.want, tc.removed)
			}
		})
	}
}

func TestRenderParagraphs(t *testing.T) {
	for _, tc := range []struct {
		name string
		html string
		want []string
	}{
		{"paragraphs", "<p>One.</p><p>Two.</p>", []string{"One.", "Two."}},
		{"whitespace collapsed", "<p>  a \n\t b\u00a0 c </p>", []string{"a b c"}},
		{"empty dropped", "<p> </p><p>x</p><p>\u200b</p>", []string{"x"}},
		{"separator kept", "<p>x</p><p>___</p>", []string{"x", "___"}},
		{"headings and items", "<h2>Head</h2><ul><li>one</li><li>two</li></ul>", []string{"Head", "one", "two"}},
		{"inline flows", "<p>a <em>b</em> <a href='#'>c</a>.</p>", []string{"a b c."}},
		{"trimmed inline boundary gets a space", "<p>What everyone<strong>will</strong>appreciate</p>", []string{"What everyone will appreciate"}},
		{"no space before punctuation", "<p><a>link</a>, then <b>Trump</b>'s “<i>word</i>”</p>", []string{"link, then Trump's “word”"}},
		{"no space at sub, sup and wbr", "<p>CO<sub>2</sub> and x<sup>2</sup> in one<wbr>word</p>", []string{"CO2 and x2 in oneword"}},
		{"no space inside CJK", "<p>東京<b>都</b>庁</p>", []string{"東京都庁"}},
		{"div with direct text", "<div>lead<p>inner</p>tail</div>", []string{"lead", "inner", "tail"}},
		{"line break splits", "<p>By A<br>Updated today</p>", []string{"By A", "Updated today"}},
		{"table row is a paragraph", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", []string{"a b", "c"}},
		{"blockquote and pre", "<blockquote><p>q</p></blockquote><pre>x  y</pre>", []string{"q", "x y"}},
		{"script skipped", "<p>a<script>var x</script></p>", []string{"a"}},
		{"soft hyphen removed", "<p>co\u00adoperate</p>", []string{"cooperate"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := dom.Parse(strings.NewReader("<html><body>" + tc.html + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			got := renderParagraphs(dom.QuerySelector(doc, "body"))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("renderParagraphs(%q) = %q, want %q", tc.html, got, tc.want)
			}
		})
	}
}

func TestSplitByline(t *testing.T) {
	for _, tc := range []struct {
		name, in, site string
		want           []string
	}{
		{"empty", "", "", nil},
		{"one", "Jane Doe", "", []string{"Jane Doe"}},
		{"trafilatura list", "Jane Doe; John Roe", "", []string{"Jane Doe", "John Roe"}},
		{"by and", "By Jane Doe and John Roe", "", []string{"Jane Doe", "John Roe"}},
		{"commas and ampersand", "A Smith, B Jones & C Brown", "", []string{"A Smith", "B Jones", "C Brown"}},
		{"duplicates once", "Jane Doe; Jane Doe", "", []string{"Jane Doe"}},
		{"job title dropped", "TOM KRISHER, AP Auto Writer", "", []string{"Tom Krisher"}},
		{"credentials dropped", "Rachael Link, MS, RD", "", []string{"Rachael Link"}},
		{"trailing month dropped", "Carrie Arnold November", "", []string{"Carrie Arnold"}},
		{"two-word name ending in a month kept", "Theresa May", "", []string{"Theresa May"}},
		{"lone month dropped", "PTI; Nov", "", []string{"PTI"}},
		{"wire agency suffix", "JILL LAWLESS Associated Press", "", []string{"Jill Lawless"}},
		{"agency alone kept", "Associated Press", "", []string{"Associated Press"}},
		{"site entry dropped", "Troy Smith, Cleveland com", "Cleveland", []string{"Troy Smith"}},
		{"site prefix entry dropped", "Jill Disis, CNN Business", "CNN", []string{"Jill Disis"}},
		{"site alone kept", "Beachbody", "The Beachbody Blog", []string{"Beachbody"}},
		{"title case after hyphen and apostrophe", "JEAN-PAUL O'NEIL", "", []string{"Jean-Paul O'Neil"}},
		{"staff byline dropped", "Staff Reports", "", nil},
		{"german von und", "Von Anna Berg und Max Roth", "", []string{"Anna Berg", "Max Roth"}},
		{"spanish compound surname kept", "José Ortega y Gasset", "", []string{"José Ortega y Gasset"}},
		{"surname particle kept", "Di Maio", "", []string{"Di Maio"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := splitByline(tc.in, tc.site)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("splitByline(%q, %q) = %q, want %q", tc.in, tc.site, got, tc.want)
			}
		})
	}
}

// extractionPages reads the benchmark pages from the shared data, or skips.
func extractionPages(tb testing.TB) []string {
	tb.Helper()
	dir, ok := testutil.Shared("data/extraction/html")
	if !ok {
		tb.Skip("shared extraction pages not found")
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if err != nil || len(files) == 0 {
		tb.Skipf("no pages in %s", dir)
	}
	pages := make([]string, 0, len(files))
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			tb.Fatal(err)
		}
		zr, err := gzip.NewReader(fh)
		if err != nil {
			tb.Fatal(err)
		}
		b, err := io.ReadAll(zr)
		fh.Close()
		if err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, string(b))
	}
	return pages
}

// BenchmarkExtract extracts the benchmark pages in turn; pages/s is the
// figure to watch (the pipeline needs well above 300 articles/s overall).
func BenchmarkExtract(b *testing.B) {
	pages := extractionPages(b)
	e := newExtractor(b)
	b.ResetTimer()
	n := 0
	for b.Loop() {
		if _, err := e.Extract(pages[n%len(pages)], ""); err != nil && !errors.Is(err, ErrNoContent) {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkExtractFixture measures the small hand-written article (always
// available).
func BenchmarkExtractFixture(b *testing.B) {
	page, err := os.ReadFile(filepath.Join("testdata", "harbour.html"))
	if err != nil {
		b.Fatal(err)
	}
	e := newExtractor(b)
	for b.Loop() {
		if _, err := e.Extract(string(page), ""); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzExtract feeds arbitrary bytes to Extract: it must not panic, and a
// success must carry trimmed, non-empty paragraphs.
func FuzzExtract(f *testing.F) {
	for _, name := range []string{"harbour.html", "brief.html", "empty.html"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(""))
	f.Add([]byte("<p>unclosed <b>bold <table><td>cell"))
	f.Add([]byte("\x00\xff\xfe<html>\x80"))
	e := newExtractor(f)
	f.Fuzz(func(t *testing.T, page []byte) {
		res, err := e.Extract(string(page), "http://example.com/a")
		if err != nil {
			return
		}
		if len(res.Paragraphs) == 0 {
			t.Fatal("success with no paragraphs")
		}
		for _, p := range res.Paragraphs {
			if p == "" || p != strings.TrimSpace(p) {
				t.Fatalf("bad paragraph %q", p)
			}
		}
	})
}
