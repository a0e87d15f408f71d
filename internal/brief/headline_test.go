package brief

import (
	"context"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// Synthetic rows, one per chrome rule, and titles that must pass.
func TestChrome(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Photo illustration by Jane Doe/Example Images.", "photo credit"},
		{"(AP Photo/John Roe)", "photo credit"},
		{"In this Jan. 5, 2019 photo, a ferry leaves the harbour at dawn", "photo caption"},
		{"A ferry captain, left, greets passengers at the harbour", "photo caption"},
		{"Jane Roe (right) and John Doe open the new harbour bridge", "photo caption"},
		{"Voters on the left, the mayor said, want a cheaper bridge", ""},
		{"José Roe, left, greets Ann Doe at the new bridge", "photo caption"},
		{"A diver, centre, checks the harbour wall", "photo caption"},
		{"Ann Doe, right, and John Roe, left, open the bridge", "photo caption"},
		{"Critics on the left, right, and center attacked the toll plan", ""},
		{"Fans on the left, right or centre of the stand cheered", ""},
		{"Turn left, right, left again to reach the quay", ""},
		{"Boats moored left, right, and centre of the quay", ""},
		{"In this town the ferry is the only way to the mainland", ""},
		{"Local News More>>", "navigation"},
		{"Home » Politics » Senate", "navigation"},
		{"Trending News: How Tall Is The Average Tree?", "section label"},
		{"Most Read: Ten Ways To Fold A Map", "section label"},
		{"Sign in to your account", "site furniture"},
		{"Page not found on this site", "site furniture"},
		{"www.example.com", "web address"},
		{"Breaking", "too short"},
		{"--- *** 2019 ***", "not words"},
		{"Council approves new harbour bridge after long debate", ""},
		{"Mayor says photos of the flood show the damage", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := Chrome(tc.in); got != tc.want {
				t.Errorf("Chrome(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestCreditEnd: a paragraph ending in a bracket that holds a credit
// only is a caption; a bracket with the article's own words is not.
func TestCreditEnd(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"Crowds lined the quay on Saturday. (Associated Press)", true},
		{"Crowds lined the quay in 2019. (Example Photo/Jane Roe)", true},
		{"Crowds lined the quay. (Photo: Jane Roe/Example Images)", true},
		{"Crowds lined the quay. (Photo by Jane Roe for The Example Post)", true},
		{"Crowds lined the quay. (Example Wire Photo/Jane Roe, File)", true},
		{"Crowds lined the quay. (Getty Images)", true},
		{"The ferry will run again by June (according to a press release).", false},
		{"The ferry will run again by June (Example Wire reported earlier).", false},
		{"The ferry will run again by June (Reuters reported earlier).", false},
		{"The ferry will run again by June (photos of the quay are online).", false},
		{"The ferry will run again by June (Jane Roe).", false},
		{"The ferry will run again by June.", false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := creditEnd(tc.in); got != tc.want {
				t.Errorf("creditEnd(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestHeadline(t *testing.T) {
	seg, err := text.NewSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	art := func(title string, paras ...string) *news.Article {
		a := &news.Article{Title: title, Outlet: "Example Post", Paragraphs: paras}
		if err := seg.Analyze(a); err != nil {
			t.Fatal(err)
		}
		return a
	}
	harbour := "The city council approved the new harbour bridge on Tuesday after a long debate over its cost."
	harbour2 := "Councillors voted for the harbour bridge, whose cost has grown, after months of debate."
	for _, tc := range []struct {
		name string
		arts []*news.Article
		want string
	}{
		{"most representative title", []*news.Article{
			art("Council approves harbour bridge after cost debate", harbour),
			art("Evening briefing", harbour2),
		}, "Council approves harbour bridge after cost debate"},
		{"chrome title skipped", []*news.Article{
			art("Trending News: Ten Ways To Fold A Map", harbour),
			art("Harbour bridge approved by council - Example Post", harbour2),
		}, "Harbour bridge approved by council"},
		{"unrelated title falls back to the lead", []*news.Article{
			art("Ten celebrities and their favourite breakfast cereals", harbour),
			art("", harbour2),
		}, harbour2},
		{"lead without dateline", []*news.Article{
			art("", "PORTVILLE (Example Wire) — "+harbour),
		}, "The city council approved the new harbour bridge on Tuesday after a long debate over its cost."},
		{"caption paragraph skipped", []*news.Article{
			art("", "Commuters queue for the ferry at the harbour on Tuesday, March 5, 2019. Crowds were expected to... (Example Press)", harbour),
		}, harbour},
		{"caption with a photo credit skipped", []*news.Article{
			art("", "Commuters queue for the ferry at the harbour on Tuesday, March 5, 2019. (Example Photo/Jane Roe)", harbour),
		}, harbour},
		{"a bracket that is no credit kept", []*news.Article{
			art("", "The city council approved the new harbour bridge on Tuesday, said the mayor (an engineer)."),
		}, "The city council approved the new harbour bridge on Tuesday, said the mayor (an engineer)."},
		{"nothing", []*news.Article{art("", "Short.")}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := New(Options{Stem: text.Stem})
			br, err := b.Brief(context.Background(), tc.arts)
			if err != nil {
				t.Fatal(err)
			}
			if got := br.Title; got != tc.want {
				t.Errorf("headline = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestEventDay(t *testing.T) {
	pub := func(p string, times ...string) news.Member {
		a := &news.Article{Published: p, PublishedFrom: "caller"}
		for _, v := range times {
			a.Times = append(a.Times, news.Time{Value: v})
		}
		return news.Member{Article: a}
	}
	for _, tc := range []struct {
		name    string
		members []news.Member
		want    string
	}{
		{"the day the articles name", []news.Member{pub("2010-02-21", "2010-02-19"), pub("2010-02-22", "2010-02-19", "2010-02-22")}, "2010-02-19"},
		{"background dates ignored", []news.Member{pub("2010-02-21", "2008-11-04", "2008-11-04")}, "2010-02-21"},
		{"no named day: publication day", []news.Member{pub("2010-02-21")}, "2010-02-21"},
		{"undated, one article: unknown", []news.Member{pub("", "2010-02-19")}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			first, latest := coverage(tc.members)
			if got := eventDay(tc.members, first, latest, "", storyDate(tc.members)); got != tc.want {
				t.Errorf("eventDay = %q, want %q", got, tc.want)
			}
		})
	}
}
