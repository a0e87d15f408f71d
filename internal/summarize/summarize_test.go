package summarize

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

func TestStripDateline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"MOSCOW — Secretary of State Rex Tillerson met Putin.", "Secretary of State Rex Tillerson met Putin."},
		{"WASHINGTON (Reuters) - The Senate voted.", "The Senate voted."},
		{"(CNN) The storm hit.", "The storm hit."},
		{"The AP — a wire service — reported it.", "The AP — a wire service — reported it."},
		{"NATO said on Friday it would help.", "NATO said on Friday it would help."},
	}
	for _, tc := range tests {
		if got := StripDateline(tc.in); got != tc.want {
			t.Errorf("StripDateline(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDangling(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"He said the plan would work.", true},
		{"But the council disagreed.", true},
		{"The council disagreed.", false},
		{"“They lied,” he said.", true},
		{"", false},
	}
	for _, tc := range tests {
		if got := Dangling(tc.in) || pronounTag().MatchString(tc.in); got != tc.want {
			t.Errorf("dangling(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestSummarize(t *testing.T) {
	seg, err := text.NewSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	mk := func(paras ...string) *news.Article {
		a := &news.Article{Paragraphs: paras}
		if err := seg.Analyze(a); err != nil {
			t.Fatal(err)
		}
		return a
	}
	a := mk("SPRINGFIELD — The city council approved a new budget on Tuesday that raises spending on parks and libraries by eight percent.",
		"Supporters said the plan would repair aging playgrounds across the east side of the city.",
		"He added that nothing else mattered at all to anyone in the room that night.")
	b := mk("The Springfield city council approved a budget on Tuesday that raises parks and libraries spending by eight percent.",
		"Opponents warned that property taxes would have to rise within two years to pay for the plan.")
	c := mk("Local weather was mild on Tuesday, with light winds across the valley and no rain expected.")
	docs := []news.Member{{Article: a, Source: "a", Group: 0}, {Article: b, Source: "b", Group: 1}, {Article: c, Source: "c", Group: 2}}
	// The citer gets the picked sentence's place: its article and
	// sentence index, whose text (less the dateline) is the text shown.
	cite := func(doc, sent int, text string) news.Cited {
		a := docs[doc].Article
		if !strings.HasSuffix(a.SentenceText(a.Body(), sent), text) {
			t.Errorf("cite(%d, %d, %q): not sentence %d of %s", doc, sent, text, sent, docs[doc].Source)
		}
		return news.Cited{Text: text, Sources: []string{docs[doc].Source, "cited"}, Evidence: map[string]string{docs[doc].Source: text}}
	}
	got, err := New(Options{Words: 60}, nil).Summarize(context.Background(), docs, cite)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 {
		t.Fatal("empty summary")
	}
	words := 0
	for _, s := range got {
		words += len(strings.Fields(s.Text))
		if strings.HasPrefix(s.Text, "SPRINGFIELD") {
			t.Errorf("dateline kept: %q", s.Text)
		}
		if len(s.Sources) != 2 || s.Sources[1] != "cited" || s.Evidence[s.Sources[0]] == "" {
			t.Errorf("sentence not cited by the citer: %+v", s)
		}
	}
	if words > 60 {
		t.Errorf("summary has %d words, budget 60", words)
	}
	if !strings.Contains(got[0].Text, "budget") {
		t.Errorf("first sentence %q; want the budget lead", got[0].Text)
	}
	own, err := New(Options{Words: 60}, nil).Summarize(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range own {
		if len(s.Sources) != 1 || s.Evidence[s.Sources[0]] != s.Text {
			t.Errorf("with no citer, %q cites %v; want its own source only", s.Text, s.Sources)
		}
	}
	if none, err := New(Options{}, nil).Summarize(context.Background(), nil, nil); none != nil || err != nil {
		t.Errorf("summary of nothing = %v, %v", none, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := New(Options{}, nil).Summarize(ctx, docs, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("Summarize after cancel: err = %v, want context.Canceled", err)
	}
}

func TestAttributed(t *testing.T) {
	tests := []struct{ in, speaker, want string }{
		{"I thought he would win again.", "Jon Cryer", "“I thought he would win again.” — Jon Cryer"},
		{"“We'll see.”", "Donald Trump", "“We'll see.” — Donald Trump"},
		{"“It is boring.", "Vladimir Putin", "“It is boring.” — Vladimir Putin"},
	}
	for _, tc := range tests {
		if got := attributed(tc.in, tc.speaker); got != tc.want {
			t.Errorf("attributed(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestAddressesReader(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"What will everyone be talking about on Monday?", true},
		{"Share your own thoughts in the comments.", true},
		{"“Are you serious?” she asked the senator.", false},
		{"The council voted on Tuesday.", false},
	}
	for _, tc := range tests {
		if got := addressesReader(tc.in); got != tc.want {
			t.Errorf("addressesReader(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestQuoteUnits(t *testing.T) {
	seg, err := text.NewSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	a := &news.Article{Paragraphs: []string{
		`"It would be a fantastic thing. And that could happen. It may not happen," Trump said. "I can only tell you what I would like."`,
		"The council met on Tuesday to debate the plan.",
	}}
	if err := seg.Analyze(a); err != nil {
		t.Fatal(err)
	}
	body := a.Body()
	q1 := strings.Index(body, "It would")
	q2 := strings.Index(body, "I can only")
	a.Quotes = []news.Quote{
		{Text: "It would be a fantastic thing. And that could happen. It may not happen,", Speaker: "Donald Trump", Start: q1, End: q1 + len("It would be a fantastic thing. And that could happen. It may not happen,")},
		{Text: "I can only tell you what I would like.", Speaker: "Donald Trump", Start: q2, End: q2 + len("I can only tell you what I would like.")},
	}
	units := quoteUnits(a)
	if end, ok := units[0]; !ok || end != 2 {
		t.Fatalf("quoteUnits = %v, want sentence 0 through 2 as one unit (sentences %d)", units, len(a.Sentences))
	}
	if !a.InsideQuote(a.Sentences[3]) {
		t.Error("the quote continuing after the tag is not inside a quote")
	}
	if !startsInsideQuote(a, a.Sentences[2]) {
		t.Error("the tag sentence should start inside the quote")
	}
}
