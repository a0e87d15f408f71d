package clean

import (
	"strings"
	"testing"
)

// TestLineRules checks every context-free rule on its own positive and
// negative examples (synthetic text).
func TestLineRules(t *testing.T) {
	byName := map[string]func(*line) bool{}
	for _, r := range lineRules {
		byName[r.name] = r.match
	}
	tests := []struct {
		rule, text string
		want       bool
	}{
		{"siteNotice", "These pages were captured by a web crawler for the Internet Archive.", true},
		{"siteNotice", "Tweet with a location", true},
		{"siteNotice", "Rating is available when the video has been rented.", true},
		{"siteNotice", "Please enable JavaScript to view this page.", true},
		{"siteNotice", "We use cookies to improve your experience. Accept our cookie policy.", true},
		{"siteNotice", "Sign in to continue reading this story.", true},
		{"siteNotice", "Sorry, the page you requested could not be found.", true},
		{"siteNotice", "The mayor said the city would reopen the library next week.", false},
		{"siteNotice", "This data is not currently publicly accessible.", true},
		{"siteNotice", "These crawls try to archive pages as they are made, and the pages they link to, so that when a cited page changes the crawled copy stays. " + strings.Repeat("The rest of this note explains the process in plain words for readers. ", 6) + "The Internet Archive keeps it.", true},
		{"siteNotice", "The historian, who spent years reading old newspapers and letters for the book, said the Internet Archive had been useful. " + strings.Repeat("She described the rest of the research in detail for the audience. ", 6), false},
		{"socialEmbed", "RIP to the great one — Peter Example (@example_radio) June 20, 2017", true},
		{"socialEmbed", "QB forever A post shared by Some Rapper (@somerapper) on Jun 20, 2017 at 10:33am PDT", true},
		{"socialEmbed", "Hold your head up pic.twitter.com/tXjogmHIfH", true},
		{"socialEmbed", "The senator (@senjane on Twitter) said on June 20, 2017 that she would run.", false},
		{"socialEmbed", "Mobb Deep's publicist confirmed the death in a statement on Tuesday.", false},
		{"timeCode", "0:00 0:00", true},
		{"timeCode", "12:45 / 1:02:10", true},
		{"timeCode", "At 0:00 the show began.", false},
		{"playerPrompt", "Play Live Radio", true},
		{"playerPrompt", "Listen · 3:45", true},
		{"playerPrompt", "Watch the council debate the budget on Tuesday night.", false},
		{"copyright", "© 2023 Lakeside Community Radio", true},
		{"copyright", "Copyright 2019 The Daily Planet. All rights reserved.", true},
		{"copyright", "The band sued over the copyright of the song, saying the label had never paid them for the recordings they made in the early years of their career together in the city.", false},
		{"syndication", "Copyright 2021 KXYZ. To see more, visit https://www.kxyz.example.", true},
		{"syndication", "This article originally appeared on The Example Times.", true},
		{"syndication", "The senator visited the plant on Monday.", false},
		{"advertisement", "ADVERTISEMENT", true},
		{"advertisement", "Story continues below advertisement", true},
		{"advertisement", "Advertising revenue fell by 4 percent last year.", false},
		{"subscribePrompt", "Sign up for our morning newsletter", true},
		{"subscribePrompt", "Get the top stories delivered to your inbox.", true},
		{"subscribePrompt", "Thousands of residents signed up for the program last year.", false},
		{"subscribePrompt", "Sign up", true},
		{"subscribePrompt", "Sign up for breaking news alerts", true},
		{"subscribePrompt", "Sign up for a streaming account for $9 a month", false},
		{"sharePrompt", "Share this article", true},
		{"sharePrompt", "Follow Jane Roe on Twitter: @janeroe", true},
		{"sharePrompt", "Read more: Five questions about the new budget", true},
		{"sharePrompt", "(PHOTOS: Storm damage across the county)", true},
		{"sharePrompt", "Readers shared their stories with the paper over several weeks.", false},
		{"navigation", "Skip to main content", true},
		{"navigation", "News · Sports · Weather · Opinion", true},
		{"navigation", "Menu", true},
		{"navigation", "The menu at the new restaurant changes every week.", false},
		{"navigation", "More in Politics", true},
		{"navigation", "Most Read", true},
		{"navigation", "More than 40 people were hurt.", false},
		{"timestamp", "7H ago", true},
		{"timestamp", "13 hours ago", true},
		{"timestamp", "Nov 17", true},
		{"timestamp", "Nov 17, 2019", false},
		{"timestamp", "Seven hours ago the bridge fell.", false},
		{"markup", "{* #userInformationForm *}", true},
		{"markup", "{{ article.title }}", true},
		{"markup", "The set {1, 2} has two members.", false},
		{"sharePrompt", "226 COMMENTS", true},
		{"linkLine", "https://example.com/story/123", true},
		{"linkLine", "Have a tip? tips@example.com", true},
		{"linkLine", "The report, published at https://example.org/report, found that rents had doubled in a decade.", false},
		{"updatedAt", "Updated at 5:45 p.m. ET", true},
		{"updatedAt", "Last updated: March 3, 2021", true},
		{"updatedAt", "Updates to the software arrive every month, the company said.", false},
		{"dateLine", "Published April 12, 2017", true},
		{"dateLine", "April 12, 2017 5:45 PM ET", true},
		{"dateLine", "Wednesday, 3 March 2021 09:10 GMT", true},
		{"dateLine", "The meeting was held on April 12, 2017 in Moscow.", false},
		{"dateLine", "Updated at 5:45 p.m. ET", false},
		{"byline", "By Jane Roe and John Q. Public", true},
		{"byline", "By MARY SMITH, Associated Press", true},
		{"byline", "By Wednesday, the talks had collapsed completely and everyone had gone home.", false},
		{"photoCredit", "AFP/Getty Images", true},
		{"photoCredit", "JANE ROE/ASSOCIATED PRESS", true},
		{"photoCredit", "Photo: John Doe", true},
		{"photoCredit", "Jane Roe for The Daily Planet", true},
		{"photoCredit", "Reuters", true},
		{"photoCredit", "Officials at Reuters declined to comment on the matter.", false},
		{"photoCredit", "Candidates for the Senate", false},
		{"inlineCreditCaption", "Shoppers queue outside a store (Photo: Jane Roe)", true},
		{"inlineCreditCaption", "Fans cheer in the second half. (Jane Roe/The Daily Planet)", true},
		{"inlineCreditCaption", "Voters line up in Phoenix. | Jane Roe/Getty Images", true},
		{"inlineCreditCaption", "Get the password manager free (Upgrade to Pro for $3.99/mo)", false},
		{"inlineCreditCaption", "Voters lined up in Phoenix for hours (about three).", false},
	}
	for _, tt := range tests {
		t.Run(tt.rule+"/"+tt.text, func(t *testing.T) {
			f, ok := byName[tt.rule]
			if !ok {
				t.Fatalf("no rule %q", tt.rule)
			}
			l := newLine(1, tt.text)
			if got := f(&l); got != tt.want {
				t.Errorf("%s(%q) = %v, want %v", tt.rule, tt.text, got, tt.want)
			}
		})
	}
	// Every rule has at least one positive row.
	pos := map[string]bool{}
	for _, tt := range tests {
		if tt.want {
			pos[tt.rule] = true
		}
	}
	for _, r := range lineRules {
		if !pos[r.name] {
			t.Errorf("rule %s has no positive test row", r.name)
		}
	}
}

func TestMetaHelpers(t *testing.T) {
	t.Run("bylineNames", func(t *testing.T) {
		got := bylineNames("By MARY SMITH and John Q. Public, Reuters")
		if len(got) != 2 || got[0] != "Mary Smith" || got[1] != "John Q. Public" {
			t.Errorf("got %q", got)
		}
	})
	for _, tt := range []struct{ in, want string }{
		{"Published April 12, 2017", "2017-04-12"},
		{"3 March 2021 09:10 GMT", "2021-03-03"},
		{"2020-01-31T10:00Z", "2020-01-31"},
		{"Updated at 5:45 p.m. ET", ""},
	} {
		t.Run("isoDate/"+tt.in, func(t *testing.T) {
			if got := isoDate(tt.in); got != tt.want {
				t.Errorf("isoDate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	for _, tt := range []struct{ in, want string }{
		{"Copyright 2020 KXYZ. To see more, visit https://www.kxyz.example.", "KXYZ"},
		{"© 2023 Lakeside Community Radio", "Lakeside Community Radio"},
		{"Copyright © 2019 The Daily Planet All rights reserved", "The Daily Planet"},
		{"© 2019", ""},
	} {
		t.Run("copyrightName/"+tt.in, func(t *testing.T) {
			if got := copyrightName(tt.in); got != tt.want {
				t.Errorf("copyrightName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	for _, tt := range []struct{ in, want string }{
		{"To see more, visit https://www.kxyz.org.", "KXYZ"},
		{"Visit dailyplanet.example for more", "Dailyplanet"},
	} {
		t.Run("visitName/"+tt.in, func(t *testing.T) {
			if got := visitName(tt.in); got != tt.want {
				t.Errorf("visitName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	for _, tt := range []struct{ in, want string }{
		{"MOSCOW — Officials met on Monday.", "MOSCOW"},
		{"WASHINGTON (Reuters) - The Senate voted.", "WASHINGTON"},
		{"NEW YORK, N.Y. -- A fire broke out.", "NEW YORK"},
		{"The US — and its allies — disagreed.", ""},
	} {
		t.Run("dateline/"+tt.in, func(t *testing.T) {
			if got := dateline(tt.in); got != tt.want {
				t.Errorf("dateline(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	t.Run("stripGluedCredit", func(t *testing.T) {
		c, cr := stripGluedCredit("Officials meet in the hall on Monday.JANE ROE/ASSOCIATED PRESS")
		if c != "Officials meet in the hall on Monday." || cr != "JANE ROE/ASSOCIATED PRESS" {
			t.Errorf("got %q, %q", c, cr)
		}
	})
}
