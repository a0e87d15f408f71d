package timex

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/testutil"
	"github.com/crosscheck/crosscheck/internal/text"
)

var ref = time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC) // a Wednesday

func TestResolve(t *testing.T) {
	tests := []struct {
		name, expr string
		want       string
		relative   bool
	}{
		{"month day", "April 4", "2017-04-04", true},
		{"month day ordinal", "April 4th", "2017-04-04", true},
		{"month day year", "April 4, 2017", "2017-04-04", false},
		{"day month year", "4 April 2017", "2017-04-04", false},
		{"day of month", "the 4th of April", "2017-04-04", true},
		{"abbreviated month", "Apr. 4", "2017-04-04", true},
		{"abbreviation needs period", "Apr 4", "", false},
		{"iso date", "2017-04-04", "2017-04-04", false},
		{"us numeric date", "04/04/2017", "2017-04-04", false},
		{"us numeric short year", "4/5/17", "2017-04-05", false},
		{"invalid date keeps the year", "February 30, 2017", "2017", false},
		{"month day in future half year", "May 1", "2017-05-01", true},
		{"month day far after is last year", "November 8", "2016-11-08", true},
		{"month year", "April 2017", "2017-04", false},
		{"month comma year", "September, 2016", "2016-09", false},
		{"bare month past", "in September", "2016-09", true},
		{"bare month this month", "in April", "2017-04", true},
		{"bare month future tense", "will vote in September", "2017-09", true},
		{"last month name", "last April", "2016-04", true},
		{"next month name", "next April", "2018-04", true},
		{"may as modal", "it may rain", "", false},
		{"may after in", "in May", "2016-05", true},
		{"year after in", "in 2003", "2003", false},
		{"year before noun", "the 1928 satire", "1928", false},
		{"year since", "since 2012", "2012", false},
		{"year count plural noun", "2003 votes", "", false},
		{"year plural ok", "the 2016 elections", "2016", false},
		{"year after about", "about 2000 people", "", false},
		{"year with dollar", "$2000", "", false},
		{"comma number", "2,000 people", "", false},
		{"decade", "the 1990s", "199", false},
		{"weekday past", "Wednesday", "2017-04-12", true},
		{"weekday on", "on Friday", "2017-04-07", true},
		{"weekday part", "Wednesday morning", "2017-04-12", true},
		{"weekday later on", "Later on Friday", "2017-04-07", true},
		{"weekday future", "will meet on Friday", "2017-04-14", true},
		{"weekday future today", "will meet on Wednesday", "2017-04-12", true},
		{"last weekday", "last Wednesday", "2017-04-05", true},
		{"next weekday", "next Monday", "2017-04-17", true},
		{"weekday paired date", "Wednesday, April 12", "2017-04-12", true},
		{"weekday paired date picks year", "Tuesday, April 12", "2016-04-12", true},
		{"lower-case weekday ignored", "wednesday", "", false},
		{"today", "today", "2017-04-12", true},
		{"tonight", "tonight", "2017-04-12", true},
		{"yesterday", "yesterday", "2017-04-11", true},
		{"tomorrow", "tomorrow", "2017-04-13", true},
		{"this morning", "this morning", "2017-04-12", true},
		{"last week", "last week", "2017-04-03/2017-04-09", true},
		{"this week", "this week", "2017-04-10/2017-04-16", true},
		{"earlier this week", "earlier this week", "2017-04-10/2017-04-12", true},
		{"later this week", "later this week", "2017-04-12/2017-04-16", true},
		{"next week", "next week", "2017-04-17/2017-04-23", true},
		{"last weekend", "last weekend", "2017-04-08/2017-04-09", true},
		{"last month", "last month", "2017-03", true},
		{"next month", "next month", "2017-05", true},
		{"last year", "last year", "2016", true},
		{"this year", "this year", "2017", true},
		{"years ago", "three years ago", "2014", true},
		{"digits ago", "5 days ago", "2017-04-07", true},
		{"weeks ago", "two weeks ago", "2017-03-27/2017-04-02", true},
		{"months ago", "two months ago", "2017-02", true},
		{"hyphen number ago", "twenty-five years ago", "1992", true},
		{"several weeks ago", "several weeks ago", "2017-02-22/2017-03-29", true},
		{"a few days ago", "a few days ago", "2017-04-05/2017-04-10", true},
		{"bare weeks ago", "weeks ago", "2017-02-22/2017-03-29", true},
		{"from now", "three days from now", "2017-04-15", true},
		{"in recent months", "in recent months", "2017-01/2017-04", true},
		{"past few weeks", "the past few weeks", "2017-03-22/2017-04-12", true},
		{"past n days", "the past three days", "2017-04-09/2017-04-12", true},
		{"the past week", "the past week", "2017-04-05/2017-04-12", true},
		{"clock pm", "8 p.m.", "2017-04-12T20:00", true},
		{"clock minutes zone", "5:45 p.m. ET", "2017-04-12T17:45", true},
		{"clock am", "10:30am", "2017-04-12T10:30", true},
		{"clock noon", "at noon", "2017-04-12T12:00", true},
		{"clock joined to weekday", "Friday at 8 p.m.", "2017-04-07T20:00", true},
		{"clock before weekday", "8 p.m. Friday", "2017-04-07T20:00", true},
		{"clock joined to date", "April 4, 2017 at 6:30 a.m.", "2017-04-04T06:30", false},
		{"anchored later alone", "two days later", "", true},
		{"hyphenated tens ago", "Seventy-four years ago", "1943", true},
		{"weekday in a name", "on Super Tuesday", "", false},
		{"weekday in a programme title", "said on Fox News Sunday", "", false},
		{"programme title this week", "told ABC's This Week", "", false},
		{"future month-day", "the vote slated for June 25", "2017-06-25", true},
		{"future month-day next year", "the vote will be on March 1", "2018-03-01", true},
		{"no expression", "the cat sat", "", false},
		{"ratio not a date", "3/4 of voters", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, rel, ok := resolveExpr(tc.expr, ref)
			if got != tc.want || (ok && rel != tc.relative) || ok != (tc.want != "") {
				t.Errorf("resolveExpr(%q) = %q, relative %v, ok %v; want %q, relative %v", tc.expr, got, rel, ok, tc.want, tc.relative)
			}
		})
	}
}

func TestTag(t *testing.T) {
	tests := []struct {
		name      string
		published string
		paras     []string
		want      [][2]string // text, value
	}{
		{
			name:      "weekday and anchored expression",
			published: "2017-04-12T18:00:00Z",
			paras: []string{
				"The ministers met on Wednesday. The strike on March 3 killed nine.",
				"Two days later the talks resumed, and days after that they ended.",
			},
			want: [][2]string{{"Wednesday", "2017-04-12"}, {"March 3", "2017-03-03"}, {"Two days later", "2017-03-05"}, {"days after", "2017-03-04/2017-03-12"}},
		},
		{
			name:      "anchor too far back",
			published: "2017-04-12",
			paras:     []string{"It began on March 3. One. Two. Three. Four.", "Two days later it ended."},
			want:      [][2]string{{"March 3", "2017-03-03"}, {"Two days later", ""}},
		},
		{
			name:      "clock takes the sentence date",
			published: "2017-04-12",
			paras:     []string{"On Monday the count finished a little before 8 p.m. with cheers."},
			want:      [][2]string{{"Monday", "2017-04-10"}, {"8 p.m.", "2017-04-10T20:00"}},
		},
		{
			name:      "future clause",
			published: "2017-04-12",
			paras:     []string{"The council will vote on Friday. It voted on Friday last time."},
			want:      [][2]string{{"Friday", "2017-04-14"}, {"Friday", "2017-04-07"}},
		},
		{
			name:      "no reference leaves relative values empty",
			published: "not a date",
			paras:     []string{"She spoke on Tuesday about the 1999 treaty."},
			want:      [][2]string{{"Tuesday", ""}, {"1999", "1999"}},
		},
	}
	tg := New()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &news.Article{Published: tc.published, Paragraphs: tc.paras}
			if err := tg.Analyze(a); err != nil {
				t.Fatal(err)
			}
			body := a.Body()
			var got [][2]string
			for _, tm := range a.Times {
				if body[tm.Start:tm.End] != tm.Text {
					t.Errorf("offsets [%d,%d) give %q, Text %q", tm.Start, tm.End, body[tm.Start:tm.End], tm.Text)
				}
				got = append(got, [2]string{tm.Text, tm.Value})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("time %d = %q, want %q", i, got[i], tc.want[i])
				}
			}
			if a.PublishedFrom == "inferred" {
				t.Errorf("Published %q was replaced by inference", tc.published)
			}
		})
	}
}

func TestInferReference(t *testing.T) {
	tests := []struct {
		name     string
		paras    []string
		want     string
		minConf  float64
		maxConf  float64
		wantOK   bool
		tagsDate bool
	}{
		{
			name:  "weekday paired with full date",
			paras: []string{"The court ruled on Tuesday, March 7, 2023, that the law stands.", "Lawyers said on Tuesday they would appeal."},
			want:  "2023-03-07", minConf: 0.6, maxConf: 1, wantOK: true,
		},
		{
			name: "paired full date, agreeing weekdays and a linked month-day",
			paras: []string{"The court ruled on Tuesday, March 7, 2023, that the law stands.", "Lawyers said on Tuesday they would appeal.",
				"The hearing of March 1 last week drew crowds, and on Tuesday the judge spoke briefly."},
			want: "2023-03-07", minConf: AdoptConfidence, maxConf: 1, wantOK: true,
		},
		{
			name:  "weekday paired with month-day pins the year",
			paras: []string{"The bridge opened on Monday, May 6, years after a 2015 vote.", "Crowds gathered on Monday to cross it."},
			want:  "2019-05-06", minConf: 0.6, maxConf: 1, wantOK: true,
		},
		{
			name:  "latest full date on the dominant weekday",
			paras: []string{"The plant closed on June 4, 2021.", "Workers protested on Friday. On Friday the owners said little."},
			want:  "2021-06-04", minConf: 0.15, maxConf: 0.45, wantOK: true,
		},
		{
			name:  "full date then the named weekday after it",
			paras: []string{"The plant closed on June 2, 2021.", "Workers protested on Friday."},
			want:  "2021-06-04", minConf: 0.05, maxConf: 0.3, wantOK: true,
		},
		{
			name:  "full date older than a year mentioned",
			paras: []string{"The plant closed on June 2, 2001.", "It reopened in 2019."},
			want:  "", minConf: 0, maxConf: 0.05, wantOK: true, // nothing dates the day
		},
		{
			name:  "month-day with last week, year unpinned",
			paras: []string{"The storm of March 9 flooded the town last week, the worst since 2010.", "On Thursday the mayor asked for help."},
			want:  "2010-03-18", minConf: 0.02, maxConf: 0.2, wantOK: true,
		},
		{
			name:  "target year ignored",
			paras: []string{"The storm of March 9 flooded the town last week, the worst since 2010.", "On Thursday the mayor promised a new dam by 2030."},
			want:  "2010-03-18", minConf: 0.02, maxConf: 0.2, wantOK: true,
		},
		{
			name:   "no year at all",
			paras:  []string{"The storm of March 9 flooded the town last week.", "On Thursday the mayor asked for help."},
			wantOK: false,
		},
		{
			name:   "weekday only",
			paras:  []string{"On Thursday the mayor asked for help, as in 2010."},
			wantOK: false,
		},
		{
			name:   "future full date is not evidence",
			paras:  []string{"The vote will be held on May 3, 2031."},
			wantOK: false,
		},
	}
	tg := New()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &news.Article{Paragraphs: tc.paras}
			d, conf, ev, ok := inferReference(a)
			if ok != tc.wantOK {
				t.Fatalf("ok = %v (date %v, evidence %q), want %v", ok, d, ev, tc.wantOK)
			}
			if !ok {
				return
			}
			if got := d.Format(dayLayout); tc.want != "" && got != tc.want {
				t.Errorf("date = %s, want %s (evidence %q)", got, tc.want, ev)
			}
			if conf < tc.minConf || conf > tc.maxConf {
				t.Errorf("confidence = %.2f, want in [%.2f, %.2f]", conf, tc.minConf, tc.maxConf)
			}
			if len(ev) == 0 {
				t.Error("no evidence")
			}
			if err := tg.Analyze(a); err != nil {
				t.Fatal(err)
			}
			if conf >= AdoptConfidence {
				if a.Published != tc.want || a.PublishedFrom != "inferred" || a.PublishedConfidence != conf {
					t.Errorf("Tag set Published %q from %q conf %.2f", a.Published, a.PublishedFrom, a.PublishedConfidence)
				}
			} else if a.Published != "" || a.PublishedFrom != "" {
				t.Errorf("Tag adopted a %.2f-confidence date: %q from %q", conf, a.Published, a.PublishedFrom)
			}
		})
	}
}

// seedArticle reads a seed file and drops the lines the gold marks as
// boilerplate, as the cleaning stage would.
func seedArticle(t *testing.T, file string, boiler []int) *news.Article {
	t.Helper()
	dir, ok := testutil.Shared("seeds")
	if !ok {
		t.Skip("shared seeds not present")
	}
	b, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	drop := map[int]bool{}
	for _, n := range boiler {
		drop[n] = true
	}
	var paras []string
	for i, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" && !drop[i+1] {
			paras = append(paras, line)
		}
	}
	return &news.Article{Paragraphs: paras}
}

// TestSeeds checks inference on the two seed articles, whose gold event date
// is Wednesday 2017-04-12. Neither text states the year, so the inferred
// year is not expected to be right: what must hold is the weekday, the
// relation to the "April 4" attack, and an honest (low) confidence; and with
// the gold reference every gold expression must resolve as the gold says.
func TestSeeds(t *testing.T) {
	path, ok := testutil.Shared("gold/seeds.gold.json")
	if !ok {
		t.Skip("shared gold not present")
	}
	gold, err := testutil.ReadSeedsGold(path)
	if err != nil {
		t.Fatal(err)
	}
	event, err := time.Parse(dayLayout, gold.EventDate)
	if err != nil {
		t.Fatal(err)
	}
	tg := New()
	for _, doc := range gold.Documents {
		t.Run(doc.File, func(t *testing.T) {
			a := seedArticle(t, doc.File, doc.BoilerplateLines)
			d, conf, ev, ok := inferReference(a)
			t.Logf("inferred %s conf %.2f ok %v evidence %q", d.Format(dayLayout), conf, ok, ev)
			if !ok {
				t.Fatal("no reference inferred")
			}
			if d.Weekday() != event.Weekday() {
				t.Errorf("inferred weekday %s, gold %s", d.Weekday(), event.Weekday())
			}
			if d.Year() != event.Year() && conf >= AdoptConfidence {
				t.Errorf("wrong year %d with confidence %.2f", d.Year(), conf)
			}
			attack := date(d.Year(), 4, 4)
			if days := d.Sub(attack).Hours() / 24; days < 1 || days > 14 {
				t.Errorf("inferred %s is %v days after April 4", d.Format(dayLayout), days)
			}
			// With the gold reference, dated gold timeline entries of this
			// document must appear among the resolved values.
			a.Published = gold.EventDate
			if err := tg.Analyze(a); err != nil {
				t.Fatal(err)
			}
			values := map[string]bool{}
			for _, tm := range a.Times {
				values[tm.Value] = true
			}
			prefix := doc.File[:3]
			for _, ev := range gold.Timeline {
				if !strings.Contains(ev.Doc, prefix) || strings.Contains(ev.When, " ") {
					continue
				}
				if ev.When == gold.EventDate || ev.When == "2014" && prefix == "000" {
					continue
				}
				if !values[ev.When] {
					t.Errorf("gold timeline date %s not among resolved values", ev.When)
				}
			}
			if !values[gold.EventDate] {
				t.Errorf("event date %s not among resolved values", gold.EventDate)
			}
		})
	}
}

func FuzzResolve(f *testing.F) {
	for _, s := range []string{"April 4", "Wednesday, April 12", "8 p.m. Friday", "2017-04-04", "3/4/17", "the 1990s",
		"twenty-five years ago", "a few", "the past", "Apr.", "12:", "4th of", "days after", "\n\n5 p.", "Wednesday ,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		resolveExpr(s, ref)
		a := &news.Article{Paragraphs: []string{s, s}}
		if err := New().Analyze(a); err != nil {
			t.Fatal(err)
		}
		body := a.Body()
		for _, tm := range a.Times {
			if tm.Start < 0 || tm.End > len(body) || tm.Start > tm.End || body[tm.Start:tm.End] != tm.Text {
				t.Fatalf("bad offsets %+v in %q", tm, body)
			}
		}
	})
}

// benchArticle builds an article of about 800 words from our own sentences.
func benchArticle() *news.Article {
	sents := []string{
		"The minister met her counterpart for about an hour on Wednesday, aides said.",
		"The storm on April 4 cut power to some 9,000 homes and closed two schools.",
		"Three years ago the two sides signed a deal that fell apart in September.",
		"Later on Friday, the mayor took questions at a briefing in the town hall.",
		"The council will vote on the measure next week, according to a statement.",
		"It was the fifth strike in the four-year-old dispute since 2013.",
		"The hearing closed shortly before 8 p.m. after a long day of testimony.",
		"Critics have said for weeks that the plan would cost $4 million or more.",
	}
	var paras []string
	words := 0
	for words < 800 {
		p := strings.Join(sents, " ")
		paras = append(paras, p)
		words += len(strings.Fields(p))
	}
	return &news.Article{Paragraphs: paras}
}

func BenchmarkTag(b *testing.B) {
	tg := New()
	base := benchArticle()
	b.SetBytes(int64(len(base.Body())))
	for b.Loop() {
		a := *base
		if err := tg.Analyze(&a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTagLong tags one long text dense in the forms the article-level
// rules read (quotations with dated attributions, counts after events,
// possessive weekdays, yearless dates, spans from a stated year, "and
// stays ... until"), at two sizes: the cost per
// byte should stay flat as the text grows (those rules once compared every
// expression with every other and grew with its square).
func BenchmarkTagLong(b *testing.B) {
	sents := []string{
		"On Monday the board met.", "Monday's vote is close.",
		"\"We win tonight,\" he said Monday.", "The fund invites readers to a talk on Tuesday.",
		"Sales rose over the next decade.", "Two days after the vote, Lee quit.",
		"The law runs through Nov. 5.", "A few months earlier, it had cut jobs.",
		"In 2008 she said on Tuesday the bank would lose money over the next two years.",
		"The mill closed Monday and stays shut until May 2.",
		"Last year he predicted growth in the next year or two.",
	}
	for _, n := range []int{2000, 8000} {
		b.Run(fmt.Sprintf("sentences=%d", n), func(b *testing.B) {
			var sb strings.Builder
			for i := range n {
				sb.WriteString(sents[(i*7+i/3)%len(sents)])
				sb.WriteByte(' ')
			}
			base := &news.Article{Paragraphs: []string{sb.String()}, Published: "2016-09-28"}
			tg := New()
			b.SetBytes(int64(sb.Len()))
			for b.Loop() {
				a := *base
				if err := tg.Analyze(&a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestInferStoryReference(t *testing.T) {
	tests := []struct {
		name    string
		arts    []*news.Article
		want    string
		minConf float64
		wantOK  bool
	}{
		{
			name: "one article's year dates another's paired weekday",
			arts: []*news.Article{
				{Paragraphs: []string{"The bridge opened on Monday, May 6.", "Crowds gathered on Monday to cross it."}},
				{Paragraphs: []string{"The bridge, approved by a 2015 vote, opened on Monday."}},
			},
			want: "2019-05-06", minConf: 0.3, wantOK: true,
		},
		{
			name: "a dated sibling anchors the story",
			arts: []*news.Article{
				{Published: "2018-03-09", Paragraphs: []string{"The storm hit on Thursday."}},
				{Paragraphs: []string{"The storm of March 8 flooded the town, the worst since 2010.", "On Friday the mayor asked for help."}},
			},
			want: "2018-03-09", minConf: AdoptConfidence, wantOK: true,
		},
		{
			name:   "no year anywhere",
			arts:   []*news.Article{{Paragraphs: []string{"The storm of March 8 flooded the town."}}, nil},
			wantOK: false,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, conf, ev, ok := InferStoryReference(tc.arts)
			if ok != tc.wantOK {
				t.Fatalf("ok = %v (date %v, evidence %q), want %v", ok, d, ev, tc.wantOK)
			}
			if !ok {
				return
			}
			if got := d.Format(dayLayout); got != tc.want || conf < tc.minConf || conf > 1 {
				t.Errorf("got %s conf %.2f, want %s conf >= %.2f (evidence %q)", got, conf, tc.want, tc.minConf, ev)
			}
		})
	}
}

// TestSeedStory pools the two seed articles (one story, gold event
// Wednesday 2017-04-12; neither text states the year). The weekday must be
// the gold one and the date within two weeks from an April 4; the year is
// not pinned by anything, so the confidence must stay below adoption.
func TestSeedStory(t *testing.T) {
	path, ok := testutil.Shared("gold/seeds.gold.json")
	if !ok {
		t.Skip("shared gold not present")
	}
	gold, err := testutil.ReadSeedsGold(path)
	if err != nil {
		t.Fatal(err)
	}
	event, err := time.Parse(dayLayout, gold.EventDate)
	if err != nil {
		t.Fatal(err)
	}
	var arts []*news.Article
	for _, doc := range gold.Documents {
		arts = append(arts, seedArticle(t, doc.File, doc.BoilerplateLines))
	}
	d, conf, ev, ok := InferStoryReference(arts)
	t.Logf("story inferred %s conf %.3f ok %v evidence %q", d.Format(dayLayout), conf, ok, ev)
	if !ok {
		t.Fatal("no reference inferred")
	}
	if d.Weekday() != event.Weekday() {
		t.Errorf("inferred weekday %s, gold %s", d.Weekday(), event.Weekday())
	}
	if days := d.Sub(date(d.Year(), 4, 4)).Hours() / 24; days < 0 || days > 14 {
		t.Errorf("inferred %s is %v days after April 4", d.Format(dayLayout), days)
	}
	if d.Year() != event.Year() && conf >= AdoptConfidence {
		t.Errorf("wrong year %d with confidence %.2f", d.Year(), conf)
	}
}

func BenchmarkInfer(b *testing.B) {
	a := benchArticle()
	a.Paragraphs = append(a.Paragraphs, "The deal signed on April 4, 2016 was the first since 2012.")
	for b.Loop() {
		inferReference(a)
	}
}

func FuzzInferStoryReference(f *testing.F) {
	f.Add("The bridge opened on Monday, May 6.", "Approved by a 2015 vote, it opened on Monday.", "2019-05-07")
	f.Add("The storm of March 8 flooded the town last week.", "On Friday, as in 2010, help came.", "")
	f.Add("Tuesday, Feb. 29 came after the 1999 vote.", "", "1000-01-01")
	f.Fuzz(func(t *testing.T, a, b, published string) {
		arts := []*news.Article{{Paragraphs: []string{a}}, {Paragraphs: []string{b}, Published: published}}
		d, conf, _, ok := InferStoryReference(arts)
		if ok && (conf < 0 || conf > 1.000001 || d.IsZero()) {
			t.Fatalf("date %v confidence %v", d, conf)
		}
	})
}

// resolveExpr resolves the first temporal expression in expr against ref,
// as Analyze does inside an article: relative reports whether the
// reference date was needed; ok is false when expr holds no expression or
// it cannot be resolved alone (an anchored "two days later").
func resolveExpr(expr string, ref time.Time) (value string, relative bool, ok bool) {
	ts := text.Scan(expr, text.ASCIILower(expr))
	exprs := match(ts)
	if len(exprs) == 0 {
		return "", false, false
	}
	ref = time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	times := resolveAll(expr, ts, exprs, ref, true)
	return times[0].Value, times[0].Relative, times[0].Value != ""
}

// inferReference is what Analyze infers from an article's text alone
// (without adopting it): the tests check and calibrate AdoptConfidence
// with it.
func inferReference(a *news.Article) (date time.Time, confidence float64, evidence []string, ok bool) {
	body := a.Body()
	ts := text.Scan(body, text.ASCIILower(body))
	inf := infer(collect(ts, match(ts)))
	return inf.date, inf.confidence, inf.evidence, inf.ok
}

// BenchmarkTagRunOn times Analyze on one run-on sentence (no sentence
// break) dense with the expressions whose rules read their whole
// sentence (soon.go, holidays.go): their scans are bounded, so the cost
// grows with the text, not with its square.
func BenchmarkTagRunOn(b *testing.B) {
	benchRunOn(b, "the board set a deadline of Nov. 3 and gave them until Christmas, the vote postponed until Tuesday and ")
}

// benchRunOn times Analyze on one run-on sentence of 500, 2,000 and 8,000
// copies of piece.
func benchRunOn(b *testing.B, piece string) {
	for _, n := range []int{500, 2000, 8000} {
		b.Run(fmt.Sprintf("pieces=%d", n), func(b *testing.B) {
			text := "The board met " + strings.Repeat(piece, n) + "ended."
			base := &news.Article{Paragraphs: []string{text}, Published: "2016-10-20"}
			tg := New()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				a := *base
				if err := tg.Analyze(&a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
