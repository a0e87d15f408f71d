package clean

import (
	"strings"
	"testing"
)

// TestPageRules checks each whole-text rule on synthetic texts: one that
// is the page kind and one real article shape that must not match.
func TestPageRules(t *testing.T) {
	teaser := func(h, body string) string { return h + " " + h + " " + body }
	salad := "lantern obsidian quarrel vivid marmalade oyster plinth saddle thimble crater walrus velvet ember harbor pickle meadow tundra falcon gravel spindle " +
		"orchid bramble cobalt quiver lagoon mitten parsnip sonnet tinsel warden yonder zephyr anchor basalt cinder dapple fennel garnet hollow ivory juniper kettle"
	linkLine := func(s string) string {
		return s + ": https://example.org/" + strings.ToLower(strings.ReplaceAll(s, " ", ""))
	}
	tests := []struct {
		name, rule, text string
		want             bool
	}{
		{"index page", NotArticleIndexPage, join("Local Stories More>>",
			teaser("Storm Closes Valley Schools", "Schools across the valley stayed shut on Monday as the storm brought down power lines and"),
			teaser("Bridge Repairs Start In June", "Crews will begin work on the river bridge in June, the county said, and the work is expected to"),
			teaser("Library Extends Weekend Hours", "The central library will stay open until eight on Saturdays from next month, officials said on")), true},
		{"article", NotArticleIndexPage, join(fxBody1, fxBody2, fxBody3), false},
		{"headline list", NotArticleHeadlineList, join(
			"A new study finds that city parks cool the streets around them by up to ...",
			"Researchers say a common garden bird has learned to open milk bottles again after ...",
			"Engineers have built a bridge sensor that warns of cracks years before they ...",
			"A survey of teachers suggests that homework loads have doubled over the past ...",
			"Astronomers report a comet that will be visible to the naked eye next ...",
			"Doctors warn that a popular sleep aid may interact with common heart ..."), true},
		{"article with a trailing quote", NotArticleHeadlineList, join(fxBody1, "\"We just ...\" she said, and stopped.", fxBody2, fxBody3), false},
		{"link page", NotArticleLinkPage, join("Published on May 3, 2015",
			"Our host meets a dragon queen, and they talk about her busy week, her travels and the castle she plans to build by the sea next year.",
			linkLine("Subscribe to the channel"), linkLine("Follow the show"), linkLine("Like the show"),
			linkLine("Follow the network"), linkLine("Watch full episodes")), true},
		{"article with sources", NotArticleLinkPage, join(fxBody1, fxBody2, fxBody3, fxBody1+" Again.", fxBody2+" Again.", fxBody3+" Again.",
			fxBody1+" More.", fxBody2+" More.", fxBody3+" More.", linkLine("Report"), linkLine("Data"), linkLine("Minutes")), false},
		{"word salad", NotArticleWordSalad, salad, true},
		{"standings table", NotArticleWordSalad, "Pos Driver Points Wins " + strings.Repeat("1 Kyle Busch 5040 5 2 Denny Hamlin 5030 6 ", 6), false},
		{"German article", NotArticleWordSalad, "Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen. Mehr Geld fließt in Schulen und Straßen. " +
			"Die Opposition kritisierte die Pläne als zu optimistisch. Der Bürgermeister verteidigte den Entwurf. Er soll im Frühjahr überprüft werden. " +
			"Die Steuereinnahmen seien sicher, sagte er.", false},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Clean(tt.text)
			if got := r.NotArticle == tt.rule; got != tt.want {
				t.Errorf("NotArticle = %q, want %q: %v", r.NotArticle, map[bool]string{true: tt.rule, false: "not " + tt.rule}[tt.want], tt.want)
			}
		})
	}
}

// TestDoubledOpening and TestTruncatedTeaser check the line tests the
// page rules count.
func TestDoubledOpening(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"Storm Closes Schools Storm Closes Schools Schools across the valley", true},
		{"Very very good news for the town, the mayor said.", false},
		{"Bridge Bridge Bridge", false},
	} {
		t.Run(tt.in, func(t *testing.T) {
			if got := doubledOpening(tt.in); got != tt.want {
				t.Errorf("doubledOpening = %v", got)
			}
		})
	}
}

func TestTruncatedTeaser(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"A new study finds that city parks cool the streets around them by up to ...", true},
		{"A new study finds that city parks cool the streets around them by up…", false},
		{"A new study finds that city parks cool the streets around them by up to…", false},
		{"Engineers have built a bridge sensor that warns of cracks years before they…", false},
		{"Engineers have built a bridge sensor that warns of cracks years before they...", true},
		{"He paused and said, \"Well, we will see what happens next....\"", false},
		{"Too short ...", false},
	} {
		t.Run(tt.in, func(t *testing.T) {
			l := newLine(1, tt.in)
			if got := truncatedTeaser(&l); got != tt.want {
				t.Errorf("truncatedTeaser = %v", got)
			}
		})
	}
}

// TestNewsBrief: a two- or three-sentence brief is an article; one
// sentence, or two lines kept out of a page of chrome, is not.
func TestNewsBrief(t *testing.T) {
	c := New(Options{})
	for _, tt := range []struct {
		name, in string
		article  bool
	}{
		{"two sentences", "Fire closed the Main Street bridge on Monday. No one was hurt.", true},
		{"three sentences", "The council approved the budget on Tuesday. The vote was 7-2. It takes effect in July.", true},
		{"one sentence", "The council approved the budget on Tuesday after a long debate.", false},
		{"label", "Articles and other resources about the history of the town.", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Clean(tt.in)
			if (r.NotArticle == "") != tt.article {
				t.Errorf("NotArticle = %q, want article=%v", r.NotArticle, tt.article)
			}
		})
	}
}

// TestMarkupQuotedInTextIsKept: text that quotes markup is an article
// about markup, not a page: the lines are kept verbatim (renderers escape
// them).
func TestMarkupQuotedInTextIsKept(t *testing.T) {
	c := New(Options{})
	for _, tt := range []struct{ name, line string }{
		{"script tag", "Typing <script>alert(1)</script> into the comment box ran code in other readers' browsers, the researchers said."},
		{"link tag", "The flaw let anyone post <a href=\"https://x.example\">a link</a> that looked like it came from the site itself."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Clean(join(tt.line, fxBody2, fxBody3))
			if r.NotArticle != "" || len(r.Paragraphs) != 3 || r.Paragraphs[0] != tt.line {
				t.Errorf("NotArticle=%q paragraphs=%q", r.NotArticle, r.Paragraphs)
			}
		})
	}
}
