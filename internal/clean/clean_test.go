package clean

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/testutil"
)

// Synthetic article pieces (our own text).
const (
	fxBody1 = "LAKESIDE — The town council voted on Tuesday to approve a new budget that adds money for schools and roads."
	fxBody2 = "\"We listened to residents,\" the mayor said after the vote, adding that the plan would be reviewed in the spring."
	fxBody3 = "Opponents said the budget relied on optimistic forecasts of tax revenue and would need to be revised within a year."
	fxCap   = "The mayor speaks to reporters outside the town hall after the vote on Tuesday."
)

func join(lines ...string) string { return strings.Join(lines, "\n") }

// reasonsByLine maps 1-based line numbers to removal reasons.
func reasonsByLine(r *Result) map[int]string {
	m := map[int]string{}
	for _, x := range r.Removed {
		m[x.Line] = x.Reason
	}
	return m
}

// TestCleanContextRules checks the rules that need neighbours or position,
// one fixture each, by the reason given to each line.
func TestCleanContextRules(t *testing.T) {
	tests := []struct {
		name string
		text string
		want map[int]string // removed lines; all others must be kept
	}{
		{"caption duplicated with glued credit", join("A Budget For Lakeside", "", fxCap, fxCap+"JANE ROE/ASSOCIATED PRESS", "", fxBody1, fxBody2, fxBody3),
			map[int]string{1: ReasonTitle, 3: ReasonCaption, 4: ReasonDuplicateCaption}},
		{"caption, credit lines, caption again", join("A Budget For Lakeside", fxCap, "Jane Roe", "AFP/Getty Images", fxCap, fxBody1, fxBody2, fxBody3),
			map[int]string{1: ReasonTitle, 2: ReasonCaption, 3: ReasonPhotoCredit, 4: ReasonPhotoCredit, 5: ReasonDuplicateCaption}},
		{"caption before credit", join(fxBody1, fxCap, "Jane Roe/Getty Images", fxBody2, fxBody3),
			map[int]string{2: ReasonCaption, 3: ReasonPhotoCredit}},
		{"credit under the last paragraph keeps it", join(fxBody1, fxBody2, fxBody3, "Jane Roe/Getty Images"),
			map[int]string{4: ReasonPhotoCredit}},
		{"far duplicate (pull quote)", join(fxBody1, fxBody2, fxBody3, "Another paragraph of plain reporting follows here for the reader today.", fxBody2),
			map[int]string{5: ReasonDuplicate}},
		{"head chrome and title", join("Lakeside Radio", "Next Up:", "Available On Air Stations", "", "Council Approves Budget After Long Debate", "", fxBody1, fxBody2, fxBody3),
			map[int]string{1: ReasonNavigation, 2: ReasonPlayerWidget, 3: ReasonSiteChrome, 5: ReasonTitle}},
		{"short punctuated head sentence kept", join("Storm hits.", fxBody1, fxBody2, fxBody3), map[int]string{}},
		{"tail chrome and related links", join(fxBody1, fxBody2, fxBody3, "More Stories", "Five Things To Know About The Lakeside Budget", "Why The Council Vote Matters For Schools"),
			map[int]string{4: ReasonNavigation, 5: ReasonRelatedLinks, 6: ReasonRelatedLinks}},
		{"table run inside the body", join(fxBody1, "Team", "Wins", "Lakeside", "12", "Hillview", "9", fxBody2, fxBody3),
			map[int]string{2: ReasonShortRun, 3: ReasonShortRun, 4: ReasonShortRun, 5: ReasonShortRun, 6: ReasonShortRun, 7: ReasonShortRun}},
		{"teasers below the article", join(fxBody1, fxBody2, fxBody3, fxBody1+" "+fxBody2, "Menu", "News", "Sport", "Weather", "Opinion", "Video",
			"Storm Closes Schools In Hillview", "The storm closed all schools in the county on Friday, officials said.", "2 hours ago"),
			map[int]string{5: ReasonNavigation, 6: ReasonSiteChrome, 7: ReasonSiteChrome, 8: ReasonSiteChrome, 9: ReasonSiteChrome, 10: ReasonPlayerWidget, 11: ReasonRelatedLinks, 13: ReasonTimestamp}},
		{"list after a lead-in kept", join(fxBody1, fxBody2, fxBody3, "The council listed these projects for the year:", "New Roof For The Main Library Building", "Repairs To The Old Bridge On River Road", "Share this article"),
			map[int]string{7: ReasonSharePrompt}},
		{"label credit does not make a caption", join(fxBody1, fxCap, "Image: screenshot", fxBody2, fxBody3), map[int]string{3: ReasonPhotoCredit}},
		{"fact box after the body kept", join(fxBody1, fxBody2, fxBody3, "Average Cost: $31,000", "Number of Guests: 136"), map[int]string{}},
		{"uniform list after the body kept", join(fxBody1, fxBody2, fxBody3, "June 9 – Hillview, OH @ River Hall", "June 12 – Lakeside, OH @ Town Arena", "June 15 – Oakdale, OH @ Park Stage"), map[int]string{}},
		{"bullets between body blocks kept", join("Menu", fxBody1, "Think about what the plan means:", "Your taxes will go up a little", "Roads will be repaired sooner", "Schools get two new teachers", "Parks stay open longer", "Search",
			fxBody2, fxBody3, fxBody1+" "+fxBody2, fxBody2+" "+fxBody3),
			map[int]string{1: ReasonNavigation, 8: ReasonNavigation}},
		{"cut-off last line kept", join(fxBody1, fxBody2, fxBody3, "Opponents also said that the council had not consulted the"), map[int]string{}},
		{"author bios", join(fxBody1, fxBody2, fxBody3, "Copyright 2021 KXYZ. To see more, visit https://www.kxyz.example.", "Jane Roe is a reporter on the city desk of the Lakeside newsroom.", "John Public covers schools and housing for the paper."),
			map[int]string{4: ReasonSyndication, 5: ReasonAuthorBio, 6: ReasonAuthorBio}},
		{"body sentence about a writer kept", join(fxBody1, fxBody2, "Jane Roe is a writer who lives in the town and opposed the plan at the meeting.", fxBody3), map[int]string{}},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Clean(tt.text)
			got := reasonsByLine(r)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("removed = %v, want %v", got, tt.want)
			}
			if r.NotArticle != "" {
				t.Errorf("NotArticle = %q", r.NotArticle)
			}
		})
	}
}

func TestCleanMetadata(t *testing.T) {
	c := New(Options{})
	text := join("© 2024 Lakeside Public Media", "Council Approves Budget After Long Debate", "By Jane Roe and JOHN PUBLIC",
		"Published April 12, 2017 5:45 PM ET", "Updated at 6:10 p.m. ET", fxBody1, fxBody2, fxBody3,
		"Copyright 2017 KXYZ. To see more, visit https://www.kxyz.example.", "Mary Major is a correspondent for the Lakeside bureau.")
	r := c.Clean(text)
	want := struct{ title, outlet, pub, dl string }{"Council Approves Budget After Long Debate", "KXYZ", "2017-04-12", "LAKESIDE"}
	if r.Title != want.title || r.Outlet != want.outlet || r.OutletFrom != "text" || r.Published != want.pub || r.PublishedFrom != "text" || r.Dateline != want.dl {
		t.Errorf("got title=%q outlet=%q/%q published=%q/%q dateline=%q, want %+v", r.Title, r.Outlet, r.OutletFrom, r.Published, r.PublishedFrom, r.Dateline, want)
	}
	if wantB := []string{"Jane Roe", "John Public", "Mary Major"}; !reflect.DeepEqual(r.Byline, wantB) {
		t.Errorf("byline = %q, want %q", r.Byline, wantB)
	}
	if len(r.Paragraphs) != 3 || !strings.HasPrefix(r.Paragraphs[0], "LAKESIDE —") {
		t.Errorf("paragraphs = %q", r.Paragraphs)
	}

	t.Run("misleading dates", func(t *testing.T) {
		r := c.Clean(join("© 2024 Lakeside Public Media", "Updated at 5:45 p.m. ET", fxBody1, fxBody2, fxBody3, "Copyright 2020 KXYZ."))
		if r.Published != "" {
			t.Errorf("published = %q from footer/copyright/updated lines", r.Published)
		}
	})
	t.Run("paragraphs: no title", func(t *testing.T) {
		r := c.CleanParagraphs([]string{"Council Approves Budget After Long Debate", fxBody1, fxBody2, fxBody3, "Share this article"})
		if r.Title != "" || len(r.Paragraphs) != 4 || reasonsByLine(r)[5] != ReasonSharePrompt {
			t.Errorf("title=%q paragraphs=%d removed=%v", r.Title, len(r.Paragraphs), r.Removed)
		}
	})
}

// TestCleanParagraphsTrustsExtractor: an extractor's paragraphs keep the
// lines that only the scraped-text shape rules would remove (a short list
// label, a repeated list item, a cited link, a quoted post), while rules
// that read what a line says still fire. Each row's line is removed by
// Clean from the same text, so the row shows the difference.
func TestCleanParagraphsTrustsExtractor(t *testing.T) {
	c := New(Options{})
	for _, tt := range []struct {
		name, line string
	}{
		{"short label in the body", "More recipes"},
		{"repeated list item", fxBody2},
		{"cited link", "https://example.org/report.pdf"},
		{"quoted post", "We will rebuild. — Jane Mayor (@janemayor) June 3, 2021"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			paras := []string{fxBody1, tt.line, fxBody2, fxBody3}
			if r := c.Clean(join(paras...)); len(r.Paragraphs) == len(paras) {
				t.Fatalf("Clean kept %q: the row shows nothing", tt.line)
			}
			r := c.CleanParagraphs(paras)
			if len(r.Paragraphs) != len(paras) {
				t.Errorf("CleanParagraphs removed %v", r.Removed)
			}
		})
	}
	t.Run("content rules still fire", func(t *testing.T) {
		r := c.CleanParagraphs([]string{fxBody1, fxBody2, "© 2024 Lakeside Public Media", fxBody3, "Sign up for our daily newsletter"})
		if len(r.Paragraphs) != 3 {
			t.Errorf("paragraphs = %q", r.Paragraphs)
		}
	})
}

func TestOptionsValidate(t *testing.T) {
	for _, tt := range []struct {
		name string
		o    Options
		ok   bool
	}{
		{"zero", Options{}, true},
		{"set", Options{MinArticleWords: 10, MaxChromeWords: 8, MinBodyWords: 6, ServiceShare: 0.5}, true},
		{"negative", Options{MinBodyWords: -1}, false},
		{"share above one", Options{ServiceShare: 2}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.o.Validate()
			if (err == nil) != tt.ok || (err != nil && !errors.Is(err, ErrOptions)) {
				t.Errorf("Validate() = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

func TestNotArticle(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"empty", " \n\n ", NotArticleEmpty},
		{"crawl note", "These pages were captured by our web crawler and added to the Internet Archive after an embargo period.", NotArticleServicePrefix + "crawl-notice"},
		{"video", "Rating is available when the video has been rented.\n\nThis feature is not available right now. Please try again later.", NotArticleServicePrefix + "video-unavailable"},
		{"tweet location", "Tweet with a location\n\nYou can add location information to your Tweets and may delete your Tweet location history. Learn more", NotArticleServicePrefix + "tweet-location"},
		{"javascript", "Please enable JavaScript in your browser to continue.", NotArticleServicePrefix + "javascript"},
		{"no body", "Home\nNews\nSports\nWeather", NotArticleNoBody},
		{"too short", "The council met on Tuesday and approved the budget.", NotArticleTooShort},
		{"article with a notice", join("Please enable JavaScript to watch this video", fxBody1, fxBody2, fxBody3, fxCap), ""},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Clean(tt.text)
			if r.NotArticle != tt.want {
				t.Errorf("NotArticle = %q, want %q", r.NotArticle, tt.want)
			}
			if tt.want != "" && len(r.Paragraphs) != 0 {
				t.Errorf("paragraphs kept on a non-article: %q", r.Paragraphs)
			}
		})
	}
}

// TestSeeds checks the seeds against their gold: every boilerplate line
// removed, no body line removed, the body count, title, byline, outlet,
// dateline and no publication date from misleading lines.
func TestSeeds(t *testing.T) {
	goldPath, ok := testutil.Shared("gold/seeds.gold.json")
	if !ok {
		t.Skip("shared seeds gold not found")
	}
	g, err := testutil.ReadSeedsGold(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	c := New(Options{})
	for _, d := range g.Documents {
		t.Run(d.File, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(filepath.Dir(filepath.Dir(goldPath)), "seeds", d.File))
			if err != nil {
				t.Fatal(err)
			}
			r := c.Clean(string(raw))
			removed := reasonsByLine(r)
			gold := map[int]bool{}
			for _, n := range d.BoilerplateLines {
				gold[n] = true
				if removed[n] == "" {
					t.Errorf("boilerplate line %d kept", n)
				}
			}
			for n, why := range removed {
				if !gold[n] && why != ReasonTitle {
					t.Errorf("line %d removed as %s, gold says body", n, why)
				}
			}
			if len(r.Paragraphs) != d.BodyParagraphs {
				t.Errorf("paragraphs = %d, want %d", len(r.Paragraphs), d.BodyParagraphs)
			}
			if len(r.Paragraphs) > 0 && (!strings.HasPrefix(r.Paragraphs[0], d.BodyFirstWords) || !strings.HasSuffix(r.Paragraphs[len(r.Paragraphs)-1], d.BodyLastWords)) {
				t.Errorf("body starts %.60q ends %.60q", r.Paragraphs[0], r.Paragraphs[len(r.Paragraphs)-1])
			}
			if r.Title != d.Title {
				t.Errorf("title = %q, want %q", r.Title, d.Title)
			}
			if len(r.Byline) != len(d.Byline) || (len(d.Byline) > 0 && !reflect.DeepEqual(r.Byline, d.Byline)) {
				t.Errorf("byline = %q, want %q", r.Byline, d.Byline)
			}
			if d.OutletFromText == nil && r.Outlet != "" {
				t.Errorf("outlet = %q, gold says none in the text", r.Outlet)
			}
			if d.OutletFromText != nil && !strings.HasPrefix(*d.OutletFromText, r.Outlet+" ") && *d.OutletFromText != r.Outlet {
				t.Errorf("outlet = %q, want the first name of %q", r.Outlet, *d.OutletFromText)
			}
			if d.OutletFromText != nil && r.Outlet == "" {
				t.Errorf("outlet not found, want %q", *d.OutletFromText)
			}
			if d.Dateline != "" && r.Dateline != d.Dateline {
				t.Errorf("dateline = %q, want %q", r.Dateline, d.Dateline)
			}
			if r.Published != "" {
				t.Errorf("published = %q; neither seed states a publication date", r.Published)
			}
		})
	}
}

// TestMultiNewsNotArticle measures the not-article verdict on Multi-News,
// where about 7% of the texts are junk pages, and checks the flagged share
// stays in a plausible band.
func TestMultiNewsNotArticle(t *testing.T) {
	p, ok := testutil.Shared("data/mds/multinews-dev.jsonl")
	if !ok {
		t.Skip("shared Multi-News data not found")
	}
	stories, err := testutil.ReadMultiNews(p)
	if err != nil {
		t.Fatal(err)
	}
	c := New(Options{})
	n, flagged := 0, 0
	kinds := map[string]int{}
	for _, texts := range stories {
		for _, body := range texts {
			n++
			if r := c.Clean(body); r.NotArticle != "" {
				flagged++
				kinds[r.NotArticle]++
			}
		}
	}
	share := float64(flagged) / float64(n)
	t.Logf("flagged %d of %d (%.1f%%): %v", flagged, n, 100*share, kinds)
	if share < 0.03 || share > 0.12 {
		t.Errorf("flagged share %.3f outside [0.03, 0.12]", share)
	}
}

func FuzzClean(f *testing.F) {
	f.Add(join("A Budget For Lakeside", fxCap, fxCap+"JANE ROE/ASSOCIATED PRESS", fxBody1, fxBody2, fxBody3, "© 2024 X", "Jane Roe is a reporter on the desk."))
	f.Add("Tweet with a location\n\nLearn more")
	f.Add("By A B\n0:00 0:00\nhttp://x.y\n\xff\xfe")
	c := New(Options{})
	f.Fuzz(func(t *testing.T, text string) {
		r := c.Clean(text)
		lines := map[string]bool{}
		for _, l := range strings.Split(text, "\n") {
			lines[l] = true
		}
		for _, p := range r.Paragraphs {
			found := false
			for l := range lines {
				if strings.Contains(l, p) {
					found = true
					break
				}
			}
			if !found || p == "" {
				t.Fatalf("paragraph %q is not part of an input line", p)
			}
		}
		if r.NotArticle != "" && len(r.Paragraphs) > 0 {
			t.Fatalf("NotArticle %q with paragraphs", r.NotArticle)
		}
		c.CleanParagraphs(strings.Split(text, "\n"))
	})
}

func BenchmarkClean(b *testing.B) {
	// About 800 words: chrome, a caption pair, 24 body paragraphs, footer.
	lines := []string{"Skip to main content", "Council Approves Budget After Long Debate", fxCap, fxCap + "JANE ROE/ASSOCIATED PRESS", "Updated at 5:45 p.m. ET"}
	for i := 0; i < 8; i++ {
		lines = append(lines, fxBody1, fxBody2+strings.Repeat(" More detail follows.", i), fxBody3+strings.Repeat(" And more.", i))
	}
	lines = append(lines, "Copyright 2020 KXYZ. To see more, visit https://www.kxyz.example.", "Jane Roe is a reporter on the city desk.")
	text := strings.Join(lines, "\n\n")
	c := New(Options{})
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		c.Clean(text)
	}
}
