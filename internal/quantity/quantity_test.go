package quantity

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/testutil"
)

type want struct {
	text  string
	value float64
	unit  string
	qual  string
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{"approximate words", "met for nearly two hours", []want{{"nearly two hours", 2, "hour", news.Approximate}}},
		{"at least phrase", "talked for more than two hours", []want{{"more than two hours", 2, "hour", news.AtLeast}}},
		{"people with casualty word", "left more than 80 people dead", []want{{"more than 80 people dead", 80, "people killed", news.AtLeast}}},
		{"casualty word alone", "at least 70 killed", []want{{"at least 70 killed", 70, "people killed", news.AtLeast}}},
		{"injured kept apart", "500 injured", []want{{"500 injured", 500, "people injured", ""}}},
		{"plural person noun with casualty", "12 civilians killed", []want{{"12 civilians killed", 12, "people killed", ""}}},
		{"ordinal word", "the eighth time", []want{{"eighth time", 8, "time", news.Ordinal}}},
		{"ordinal digits", "the 21st century", []want{{"21st century", 21, "century", news.Ordinal}}},
		{"ordinal skips hyphen compound", "the first face-to-face meetings", []want{{"first face-to-face meetings", 1, "meeting", news.Ordinal}}},
		{"age adjective", "the six-year-old conflict", []want{{"six-year-old", 6, "year", ""}}},
		{"duration adjective", "a 90-minute call", []want{{"90-minute", 90, "minute", ""}}},
		{"money sign and multiplier", "cost $4 million", []want{{"$4 million", 4e6, "USD", ""}}},
		{"money suffix", "a $2bn deal", []want{{"$2bn", 2e9, "USD", ""}}},
		{"money word", "5 million euros", []want{{"5 million euros", 5e6, "EUR", ""}}},
		{"money qualifier", "more than $300", []want{{"more than $300", 300, "USD", news.AtLeast}}},
		{"percent sign", "40% of voters", []want{{"40%", 40, "percent", ""}}},
		{"percent word", "3.5 percent", []want{{"3.5 percent", 3.5, "percent", ""}}},
		{"per cent", "about 12 per cent", []want{{"about 12 per cent", 12, "percent", news.Approximate}}},
		{"percentage points", "two percentage points", []want{{"two percentage points", 2, "percentage point", ""}}},
		{"thousands separator", "1,200 troops", []want{{"1,200 troops", 1200, "troop", ""}}},
		{"bad grouping rejected", "1,20 troops", nil},
		{"hyphenated words", "twenty-five years", []want{{"twenty-five years", 25, "year", ""}}},
		{"a dozen", "a dozen eggs", []want{{"a dozen eggs", 12, "egg", ""}}},
		{"two hundred", "two hundred soldiers", []want{{"two hundred soldiers", 200, "soldier", ""}}},
		{"two million", "two million people", []want{{"two million people", 2e6, "people", ""}}},
		{"vague plural", "hundreds of people", []want{{"hundreds of people", 200, "people", news.Approximate}}},
		{"counted noun after adjectives", "the two foremost nuclear powers", []want{{"two foremost nuclear powers", 2, "power", ""}}},
		{"irregular plural", "the two men", []want{{"two men", 2, "man", ""}}},
		{"distance", "a 10-mile drive and 5 kilometers", []want{{"10-mile", 10, "mile", ""}, {"5 kilometers", 5, "km", ""}}},
		{"glued unit", "10km", []want{{"10km", 10, "km", ""}}},
		{"or more", "80 people or more", []want{{"80 people or more", 80, "people", news.AtLeast}}},
		{"under", "under 50 votes", []want{{"under 50 votes", 50, "vote", news.AtMost}}},
		{"up to", "up to 300 migrants", []want{{"up to 300 migrants", 300, "migrant", news.AtMost}}},
		{"count year-like with plural", "2003 votes", []want{{"2003 votes", 2003, "vote", ""}}},
		{"count year-like after qualifier", "about 2000 people", []want{{"about 2000 people", 2000, "people", news.Approximate}}},
		{"digits without noun keep empty unit", "the score was 86", []want{{"86", 86, "", ""}}},
		{"year", "in 2003 it rained", nil},
		{"year before noun", "the 1928 satire", nil},
		{"date", "on April 4 and 4 April", nil},
		{"abbreviated date", "Apr. 4", nil},
		{"time of day", "at 8 p.m. and 9 pm", nil},
		{"clock", "5:45", nil},
		{"phone", "call 555-1234 or 202 555 0100", nil},
		{"code glued to letters", "the G20 and the F-16", nil},
		{"label", "the No. 1 priority on page 4", nil},
		{"number word without noun", "one of them; the two met", nil},
		{"temporal ago", "three years ago", nil},
		{"pronoun one", "no one wants it", nil},
		{"fraction", "the middle one-fifth paid", nil},
		{"age band", "in her early 20s", nil},
		{"apostrophe year", "the campaign of '08", nil},
		{"name with number", "the Fortune 500 list", nil},
		{"ordinal skips adjective", "the second straight day", []want{{"second straight day", 2, "day", news.Ordinal}}},
		{"ordinal skips adjectival suffix", "the first presidential debate", []want{{"first presidential debate", 1, "debate", news.Ordinal}}},
		{"dozen multiplier", "two dozen protesters", []want{{"two dozen protesters", 24, "protester", ""}}},
		{"compound vague", "tens of thousands of dollars", []want{{"tens of thousands of dollars", 20000, "USD", news.Approximate}}},
		{"pounds weight", "3,690 pounds of marijuana", []want{{"3,690 pounds", 3690, "lb", ""}}},
		{"pounds money with multiplier", "5 million pounds", []want{{"5 million pounds", 5e6, "GBP", ""}}},
		{"sentence-initial capital before digits", "Police said 12 people died.", []want{{"12 people died", 12, "people killed", ""}}},
		{"temporal later", "two days later", nil},
		{"iso date", "2017-04-04", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Parse(tc.in)
			if len(got) != len(tc.want) {
				t.Fatalf("Parse(%q) = %+v, want %+v", tc.in, got, tc.want)
			}
			for i, q := range got {
				w := tc.want[i]
				if q.Text != w.text || q.Value != w.value || q.Unit != w.unit || q.Qualifier != w.qual {
					t.Errorf("quantity %d = {%q %v %q %q}, want {%q %v %q %q}", i, q.Text, q.Value, q.Unit, q.Qualifier, w.text, w.value, w.unit, w.qual)
				}
				if tc.in[q.Start:q.End] != q.Text {
					t.Errorf("offsets [%d,%d) give %q, Text %q", q.Start, q.End, tc.in[q.Start:q.End], q.Text)
				}
			}
		})
	}
}

func TestFind(t *testing.T) {
	a := &news.Article{Paragraphs: []string{"It rained.", "About 80 people left, nearly two hours later than planned."}}
	if err := New().Analyze(a); err != nil {
		t.Fatal(err)
	}
	body := a.Body()
	if len(a.Quantities) != 1 {
		t.Fatalf("got %+v", a.Quantities)
	}
	for _, q := range a.Quantities {
		if body[q.Start:q.End] != q.Text {
			t.Errorf("offsets [%d,%d) give %q, Text %q", q.Start, q.End, body[q.Start:q.End], q.Text)
		}
	}
}

// one parses a single quantity, failing the test when there is not exactly one.
func one(t *testing.T, s string) news.Quantity {
	t.Helper()
	qs := Parse(s)
	if len(qs) != 1 {
		t.Fatalf("Parse(%q) = %+v, want one quantity", s, qs)
	}
	return qs[0]
}

func TestCompatible(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"two hours", "90 minutes", true},
		{"two hours", "two days", true},
		{"80 people", "86 people", true},
		{"80 people dead", "86 people", false},
		{"80 dead", "80 injured", false},
		{"$4 million", "4 million euros", false},
		{"$4 million", "$5 million", true},
		{"40%", "40 percent", true},
		{"the eighth meeting", "eight meetings", false},
		{"the eighth time", "the ninth time", true},
		{"5 km", "3 miles", true},
		{"5 km", "5 kg", false},
		{"a score of 86", "a score of 86", false},
	}
	for _, tc := range tests {
		t.Run(tc.a+" vs "+tc.b, func(t *testing.T) {
			qa, qb := Parse(tc.a), Parse(tc.b)
			if len(qa) != 1 || len(qb) != 1 {
				t.Fatalf("want one quantity each: %+v %+v", qa, qb)
			}
			if got := Compatible(qa[0], qb[0]); got != tc.want {
				t.Errorf("Compatible = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestConflict(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"nearly two hours", "more than two hours", true},
		{"nearly two hours", "almost two hours", false},
		{"nearly two hours", "two hours", false},
		{"two hours", "more than two hours", false},
		{"more than 80 people", "86 people", false},
		{"about 80 people", "100 people", true},
		{"about 80 people", "86 people", false},
		{"80 people", "86 people", true},
		{"83 people", "86 people", true},
		{"three people", "four people", true},
		{"at least 80 people", "80 people", false},
		{"more than 90 people", "86 people", true},
		{"fewer than 50 votes", "60 votes", true},
		{"up to 50 votes", "50 votes", false},
		{"less than 50 votes", "more than 50 votes", true},
		{"at most 50 votes", "at least 50 votes", false},
		{"hundreds of people", "300 people", false},
		{"hundreds of people", "40 people", true},
		{"tens of thousands of people", "50,000 people", false},
		{"tens of thousands of people", "hundreds of people", true},
		{"two hours", "120 minutes", false},
		{"two hours", "30 minutes", true},
		{"the eighth time", "the ninth time", true},
		{"the eighth time", "the eighth time", false},
		{"$4 million", "4 million euros", false},
		{"80 dead", "500 injured", false},
		{"about 80 people", "more than 70 people", false},
	}
	for _, tc := range tests {
		t.Run(tc.a+" vs "+tc.b, func(t *testing.T) {
			qa, qb := one(t, tc.a), one(t, tc.b)
			if got := Conflict(qa, qb); got != tc.want {
				t.Errorf("Conflict = %v, want %v", got, tc.want)
			}
			if got := Conflict(qb, qa); got != tc.want {
				t.Errorf("Conflict reversed = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestConflictIrreflexive(t *testing.T) {
	for _, s := range []string{"under 0 votes", "nearly two hours", "more than 80 people", "hundreds of people", "up to 5 km", "the eighth time", "86 people"} {
		t.Run(s, func(t *testing.T) {
			q := one(t, s)
			if Conflict(q, q) {
				t.Errorf("%q conflicts with itself", s)
			}
		})
	}
}

func TestCanonical(t *testing.T) {
	tests := []struct {
		in     string
		family string
		value  float64
	}{
		{"90 minutes", FamilyDuration, 1.5},
		{"two days", FamilyDuration, 48},
		{"3 miles", FamilyDistance, 3 * 1609.344},
		{"$4 million", "money:USD", 4e6},
		{"80 people", "count:people", 80},
		{"the eighth time", "ordinal:time", 8},
		{"40%", "percent:percent", 40},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			f, v := Canonical(one(t, tc.in))
			if f != tc.family || v != tc.value {
				t.Errorf("Canonical = %q %v, want %q %v", f, v, tc.family, tc.value)
			}
		})
	}
}

// TestSeeds checks the gold quantity discrepancy of the seed story: one
// outlet says the meeting lasted "nearly/almost two hours", the other "more
// than two hours"; "more than 80 people dead" is found.
func TestSeeds(t *testing.T) {
	dir, ok := testutil.Shared("seeds")
	if !ok {
		t.Skip("shared seeds not present")
	}
	read := func(prefix string) []news.Quantity {
		m, err := filepath.Glob(filepath.Join(dir, prefix+"_*.txt"))
		if err != nil || len(m) != 1 {
			t.Skipf("seed %s not present", prefix)
		}
		b, err := os.ReadFile(m[0])
		if err != nil {
			t.Fatal(err)
		}
		return Parse(string(b))
	}
	hours := func(qs []news.Quantity) []news.Quantity {
		var out []news.Quantity
		for _, q := range qs {
			if q.Unit == "hour" && q.Value == 2 {
				out = append(out, q)
			}
		}
		return out
	}
	q0, q4 := read("000"), read("004")
	h0, h4 := hours(q0), hours(q4)
	if len(h0) != 2 || len(h4) != 1 {
		t.Fatalf("two-hour quantities: 000 %+v, 004 %+v", h0, h4)
	}
	if Conflict(h0[0], h0[1]) {
		t.Errorf("%q and %q must not conflict", h0[0].Text, h0[1].Text)
	}
	for _, q := range h0 {
		if !Conflict(q, h4[0]) {
			t.Errorf("%q and %q must conflict", q.Text, h4[0].Text)
		}
	}
	found := false
	for _, q := range q0 {
		if q.Value == 80 && strings.HasPrefix(q.Unit, "people") && q.Qualifier == news.AtLeast {
			found = true
		}
		if q.Value >= 1500 && q.Value <= 2100 && q.Unit == "" {
			t.Errorf("year tagged as quantity: %+v", q)
		}
	}
	if !found {
		t.Error("\"more than 80 people dead\" not found")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"nearly two hours", "$4m", "twenty-five", "1,200.5", "the 21st", "€", "a dozen", "six-year-old",
		"hundreds of", "80 or more", "No. 1", "1,2,3", "$", "99999999999", "first face-to-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, q := range Parse(s) {
			if q.Start < 0 || q.End > len(s) || q.Start >= q.End || s[q.Start:q.End] != q.Text {
				t.Fatalf("bad offsets %+v in %q", q, s)
			}
		}
	})
}

// benchArticle builds an article of about 800 words from our own sentences.
func benchArticle() *news.Article {
	sents := []string{
		"The minister met his counterpart for nearly two hours on Wednesday, officials said.",
		"The attack on April 4 left more than 80 people dead and sickened hundreds of others.",
		"Three years ago the two sides signed a deal that fell apart in September.",
		"It was the eighth time in the six-year-old conflict that the council had failed.",
		"The council will vote on the measure next week, according to a statement.",
		"About 40% of voters backed the plan, which would cost $4 million in 2018.",
		"The talks ended just before 8 p.m. after a long day of meetings.",
		"Some 1,200 troops and two hundred police officers were deployed.",
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

func BenchmarkFind(b *testing.B) {
	base := benchArticle()
	b.SetBytes(int64(len(base.Body())))
	f := New()
	for b.Loop() {
		a := *base
		if err := f.Analyze(&a); err != nil {
			b.Fatal(err)
		}
	}
}
