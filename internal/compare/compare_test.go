package compare

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/text"
)

func TestRelation(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want int
	}{
		{"identical but punctuation", "The world’s two foremost powers cannot have this,", "The world's two foremost powers cannot have this.", relIdentical},
		{"one word added", "There is a low level of trust between our countries", "There is a low level of trust between our two countries", relReworded},
		{"part of a longer quote", "We may be at an all-time low in terms of relationship with Russia", "Right now, we're not getting along with Russia at all — we may be at an all-time low in terms of relationship with Russia", relPartial},
		{"different statements", "We will win this election", "The economy is growing faster than expected this year", relNone},
		{"short terms match only when equal", "useless", "it is useless to arrive with ultimatums", relNone},
		{"short terms equal", "deconfliction", "deconfliction", relIdentical},
		{"empty", "", "anything", relNone},
		{"case and punctuation only", "for a project.", "For a Project…", relIdentical},
		{"stop words only shared", "Who are you?", "Tell me who you are and where you come from", relNone},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Relation(text.Words(tc.a), text.Words(tc.b)); got != tc.want {
				t.Errorf("Relation = %d, want %d", got, tc.want)
			}
		})
	}
}

// article builds an analysed-looking article from paragraphs, with the
// given entities located by their first occurrence in the body.
func article(t *testing.T, seg *text.Segmenter, paras []string, ents map[string]string) *news.Article {
	t.Helper()
	a := &news.Article{Paragraphs: paras}
	if err := seg.Analyze(a); err != nil {
		t.Fatal(err)
	}
	body := a.Body()
	for name, typ := range ents {
		e := news.Entity{Name: name, Type: typ}
		for i := 0; ; {
			j := indexFrom(body, lastWord(name), i)
			if j < 0 {
				break
			}
			e.Mentions = append(e.Mentions, news.Mention{Text: lastWord(name), Start: j, End: j + len(lastWord(name))})
			i = j + 1
		}
		a.Entities = append(a.Entities, e)
	}
	return a
}

func lastWord(s string) string {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == ' ' {
			return s[i+1:]
		}
	}
	return s
}

func indexFrom(s, sub string, from int) int {
	if from >= len(s) {
		return -1
	}
	for i := from; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestLedger(t *testing.T) {
	a := &news.Article{Quotes: []news.Quote{
		{Text: "There is a low level of trust between our countries,", Speaker: "Rex Tillerson"},
		{Text: "We will keep talking,", Speaker: "Rex Tillerson"},
	}}
	b := &news.Article{Quotes: []news.Quote{
		{Text: "There is a low level of trust between our two countries,", Speaker: "Tillerson"},
		{Text: "We will keep talking", Speaker: "Rex Tillerson"},
	}}
	groups, _ := ledger(t, []news.Member{{Article: a, Source: "a", Group: 0}, {Article: b, Source: "b", Group: 1}})
	var reworded *news.QuoteGroup
	for i, g := range groups {
		if g.Agreement == news.Reworded {
			reworded = &groups[i]
		}
	}
	if reworded == nil || len(reworded.Sources) != 2 || reworded.Speaker != "Rex Tillerson" {
		t.Fatalf("no reworded group of both sources by Rex Tillerson: %+v", groups)
	}
	found := false
	for _, v := range reworded.Variants {
		if len(v.Diff) == 1 && v.Diff[0] == "two" {
			found = true
		}
	}
	if !found {
		t.Errorf("the differing word 'two' is not shown: %+v", reworded.Variants)
	}
}

// TestVariantAgainstClosest: a partial quote is compared with the stretch
// of the fuller wording it quotes, names the source it is compared with,
// and a change of punctuation alone is no change.
func TestVariantAgainstClosest(t *testing.T) {
	full := &news.Article{Quotes: []news.Quote{{Text: "The harbour will reopen next spring, and the ferry company has agreed to pay for the new pier, which took years of talks.", Speaker: "Ana Ruiz"}}}
	part := &news.Article{Quotes: []news.Quote{{Text: "the ferry company has agreed to pay for the new pier", Speaker: "Ruiz"}}}
	punct := &news.Article{Quotes: []news.Quote{{Text: "The harbour will reopen next spring and the ferry company has agreed to pay for the new pier which took years of talks…", Speaker: "Ruiz"}}}
	groups, _, err := Ledger(context.Background(), []news.Member{{Article: full, Source: "npr", Group: 0}, {Article: part, Source: "globe", Group: 1}, {Article: punct, Source: "wire", Group: 2}})
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 1 || groups[0].Agreement != news.Partial {
		t.Fatalf("groups = %+v, want one partial statement", groups)
	}
	for _, v := range groups[0].Variants {
		switch v.Source {
		case "globe":
			if v.Against != "npr" {
				t.Errorf("globe compared against %q, want npr", v.Against)
			}
			for _, p := range v.Parts {
				if p.Op != news.DiffSame {
					t.Errorf("globe's partial quote shows %q %q: words outside the quoted stretch are not differences", p.Op, p.Text)
				}
			}
		case "wire":
			if len(v.Diff) != 0 {
				t.Errorf("wire differs only in punctuation, Diff = %q", v.Diff)
			}
			for _, p := range v.Parts {
				if p.Op != news.DiffSame {
					t.Errorf("wire shows %q %q for a change of punctuation", p.Op, p.Text)
				}
			}
		}
	}
}

// TestLedgerRepeats: a source that quotes a statement twice, or quotes it
// and then a fragment of it, is one source of one statement.
func TestLedgerRepeats(t *testing.T) {
	full := "We will rebuild the pier before the winter storms arrive"
	a := &news.Article{Quotes: []news.Quote{
		{Text: full, Speaker: "Mara Quinlan"},
		{Text: "rebuild the pier before the winter storms", Speaker: "Mara Quinlan", Partial: true},
		{Text: full, Speaker: "Quinlan"},
	}}
	b := &news.Article{Quotes: []news.Quote{{Text: full, Speaker: "Quinlan"}}}
	groups, _ := ledger(t, []news.Member{{Article: a, Source: "a", Group: 0}, {Article: b, Source: "b", Group: 1}})
	if len(groups) != 1 || len(groups[0].Sources) != 2 || groups[0].Agreement != news.Identical {
		t.Errorf("groups = %+v, want one identical statement of a and b", groups)
	}
}

// quoted writes an article of one sentence per quote, "“TEXT,” SPEAKER
// said.", with its quotes' spans; a quote whose Cue is "said (he)" gets
// "he" in its sentence instead of its speaker's name.
func quoted(qs []news.Quote) *news.Article {
	a := &news.Article{}
	off := 0
	for i, q := range qs {
		who := q.Speaker
		if q.Cue == "said (he)" {
			who, qs[i].Cue = "he", "said"
		}
		p := "“" + q.Text + ",” " + who + " said."
		qs[i].Start = off + len("“")
		qs[i].End = qs[i].Start + len(q.Text)
		a.Paragraphs = append(a.Paragraphs, p)
		a.Sentences = append(a.Sentences, news.Span{Start: off, End: off + len(p)})
		off += len(p) + len(news.ParagraphSep)
	}
	a.Quotes = qs
	return a
}

// TestAttribution: the same words given to two people by two independent
// sources contradict each other; the rows marked 0 are cases a careful
// reader would not call a contradiction.
func TestAttribution(t *testing.T) {
	long := "Nobody expected the water to rise that quickly in the night"
	q := func(text, speaker, typ string) news.Quote {
		return news.Quote{Text: text, Speaker: speaker, SpeakerType: typ, Cue: "said"}
	}
	// pronoun is a quote whose speaker the finder carried over from an
	// earlier sentence: "“...,” he said."
	pronoun := func(text, speaker, typ string) news.Quote {
		x := q(text, speaker, typ)
		x.Cue = "said (he)"
		return x
	}
	tests := []struct {
		name  string
		quote [][]news.Quote // per source
		group []int          // per source
		want  int
	}{
		{"same words, two people", [][]news.Quote{{q(long, "Mara Quinlan", news.Person)}, {q(long, "Tobias Fenwick", news.Person)}}, []int{0, 1}, 1},
		{"one conflict per statement and speaker", [][]news.Quote{
			{q(long, "Mara Quinlan", news.Person)}, {q(long, "Tobias Fenwick", news.Person)}, {q(long, "Fenwick", news.Person)}}, []int{0, 1, 2}, 1},
		{"short common phrase", [][]news.Quote{{q("fake news", "Mara Quinlan", news.Person)}, {q("fake news", "Tobias Fenwick", news.Person)}}, []int{0, 1}, 0},
		{"spokesman for an organisation", [][]news.Quote{{q(long, "Harbour Authority", news.Organization)}, {q(long, "Tobias Fenwick", news.Person)}}, []int{0, 1}, 0},
		{"outlet relaying a speaker", [][]news.Quote{{q(long, "Reuters", news.Organization)}, {q(long, "Mara Quinlan", news.Person)}}, []int{0, 1}, 0},
		{"fragment of a longer quote", [][]news.Quote{
			{q(long+", and we were not ready for it", "Mara Quinlan", news.Person)}, {q(long, "Tobias Fenwick", news.Person)}}, []int{0, 1}, 0},
		{"syndicated copies", [][]news.Quote{{q(long, "Mara Quinlan", news.Person)}, {q(long, "Tobias Fenwick", news.Person)}}, []int{0, 0}, 0},
		{"speaker unknown in one", [][]news.Quote{{q(long, "Mara Quinlan", news.Person)}, {q(long, "", "")}}, []int{0, 1}, 0},
		{"same last name", [][]news.Quote{{q(long, "Mara Quinlan", news.Person)}, {q(long, "Quinlan", news.Person)}}, []int{0, 1}, 0},
		{"speaker not named beside the quote", [][]news.Quote{{q(long, "Mara Quinlan", news.Person)}, {pronoun(long, "Tobias Fenwick", news.Person)}}, []int{0, 1}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var members []news.Member
			for i, qs := range tc.quote {
				members = append(members, news.Member{Article: quoted(qs), Source: string(rune('a' + i)), Group: tc.group[i]})
			}
			_, got := ledger(t, members)
			if len(got) != tc.want {
				t.Errorf("got %d attribution conflicts, want %d: %+v", len(got), tc.want, got)
			}
			for _, d := range got {
				if d.Kind != news.KindAttribution || len(d.Claims) != 2 || d.Claims[0].Value == d.Claims[1].Value {
					t.Errorf("malformed conflict %+v", d)
				}
			}
		})
	}
}

func TestDiscrepancies(t *testing.T) {
	seg, err := text.NewSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	ents := map[string]string{"Jane Smith": news.Person, "Acme Corp": news.Organization}
	a := article(t, seg, []string{
		"Jane Smith met the Acme Corp board for nearly two hours on Tuesday, officials said.",
		"Smith later gave a news conference on Tuesday about the Acme Corp merger talks.",
	}, ents)
	b := article(t, seg, []string{
		"Smith joined the Acme Corp board for more than two hours, officials said.",
		"On Thursday, Smith gave a news conference about the Acme Corp merger talks.",
	}, ents)
	at := func(a *news.Article, s string, nth int) (int, int) {
		i := -1
		for range nth + 1 {
			i = indexFrom(a.Body(), s, i+1)
		}
		return i, i + len(s)
	}
	qs := func(a *news.Article, s string, q news.Quantity) news.Quantity {
		q.Text = s
		q.Start, q.End = at(a, s, 0)
		return q
	}
	ts := func(a *news.Article, s, v string, nth int) news.Time {
		st, en := at(a, s, nth)
		return news.Time{Text: s, Value: v, Start: st, End: en}
	}
	a.Quantities = []news.Quantity{qs(a, "nearly two hours", news.Quantity{Value: 2, Unit: "hour", Qualifier: news.Approximate})}
	b.Quantities = []news.Quantity{qs(b, "more than two hours", news.Quantity{Value: 2, Unit: "hour", Qualifier: news.AtLeast})}
	a.Times = []news.Time{ts(a, "Tuesday", "2020-03-03", 0), ts(a, "Tuesday", "2020-03-03", 1)}
	b.Times = []news.Time{ts(b, "Thursday", "2020-03-05", 0)}
	a.Published, b.Published = "2020-03-06", "2020-03-06"
	members := []news.Member{{Article: a, Source: "a", Group: 0}, {Article: b, Source: "b", Group: 1}}
	got := map[string]int{}
	// Each side marks the words that state its value in its sentence.
	marked := map[string]string{"nearly two hours": "nearly two hours", "more than two hours": "more than two hours",
		"Tuesday": "Tuesday", "Thursday": "Thursday"}
	for _, d := range discrepancies(t, members) {
		got[d.Kind]++
		for _, c := range d.Claims {
			if c.Span == nil {
				t.Errorf("%s claim %q: no span for value %q", d.Kind, c.Text, c.Value)
				continue
			}
			if w := c.Text[c.Span.Start:c.Span.End]; w != marked[w] {
				t.Errorf("%s claim %q: span marks %q, want %q", d.Kind, c.Text, w, marked[c.Value])
			}
		}
	}
	if got[news.KindQuantity] != 1 || got[news.KindDate] != 1 {
		t.Errorf("discrepancies = %v, want one quantity and one date", got)
	}

	// The same two articles as one syndicated source: nothing to report.
	members[1].Group = 0
	if d := discrepancies(t, members); len(d) != 0 {
		t.Errorf("copies of one source contradict themselves: %+v", d)
	}
}

// analysed runs the product's analysis chain over paragraphs, as the
// pipeline does after cleaning.
func analysed(t *testing.T, chain pipeline.Chain, published string, paras ...string) *news.Article {
	t.Helper()
	a := &news.Article{Paragraphs: paras, Published: published}
	if err := chain.Analyze(a); err != nil {
		t.Fatal(err)
	}
	return a
}

// TestDiscrepancyPrecision: pairs of independent reports and the
// discrepancies a careful reader would accept. The rows that want none are
// realistic traps: different things counted in the same unit, the date of
// a statement against the date of the event, a plan against an event, a
// denied rumour, an attributed allegation, and speculation about something
// else than what the other source states. Each trap has a control row that
// must still be flagged.
func TestDiscrepancyPrecision(t *testing.T) {
	chain, err := pipeline.NewChain()
	if err != nil {
		t.Fatal(err)
	}
	const day = "2021-03-18" // a Thursday
	tests := []struct {
		name string
		a, b string
		kind string
		want int
	}{
		{"injured vs killed", "Mara Quinlan said 20 people were injured when the Eastport pier collapsed.",
			"Mara Quinlan said 5 people were killed when the Eastport pier collapsed.", news.KindQuantity, 0},
		{"killed vs killed (control)", "Mara Quinlan said 20 people were killed when the Eastport pier collapsed.",
			"Mara Quinlan said 5 people were killed when the Eastport pier collapsed.", news.KindQuantity, 1},
		{"contract vs budget", "Norland Rail signed a $5 million contract with Mara Quinlan for the Eastport pier.",
			"Norland Rail approved an $8 million budget with Mara Quinlan for the Eastport pier.", news.KindQuantity, 0},
		{"date of the statement", "Tobias Fenwick told reporters on Tuesday that the harbour strike had killed 12 workers.",
			"The harbour strike on Sunday killed 12 workers, Tobias Fenwick said.", news.KindDate, 0},
		{"date of the event (control)", "The harbour strike on Tuesday killed 12 workers, Tobias Fenwick said.",
			"The harbour strike on Sunday killed 12 workers, Tobias Fenwick said.", news.KindDate, 1},
		{"a repeated event", "Mara Quinlan met Tobias Fenwick at the Eastport pier on Monday.",
			"Mara Quinlan met Tobias Fenwick again at the Eastport pier on Wednesday.", news.KindDate, 0},
		{"the same meeting (control)", "Mara Quinlan met Tobias Fenwick at the Eastport pier on Monday.",
			"Mara Quinlan met Tobias Fenwick at the Eastport pier on Wednesday.", news.KindDate, 1},
		{"plan vs event", "Mara Quinlan said the council vote on the Eastport pier is set for Friday.",
			"Mara Quinlan said the council vote on the Eastport pier took place on Wednesday.", news.KindDate, 0},
		{"denied rumour", "Tobias Fenwick dismissed speculation that Mara Quinlan would resign from Norland Rail.",
			"Tobias Fenwick said Mara Quinlan would stay at Norland Rail.", news.KindCertainty, 0},
		{"attributed allegation", "Prosecutors said Mara Quinlan allegedly took money from Norland Rail.",
			"Prosecutors said Mara Quinlan took money from Norland Rail.", news.KindCertainty, 0},
		{"speculation about something else", "There had been speculation that Mara Quinlan might replace Tobias Fenwick.",
			"Mara Quinlan and Tobias Fenwick discussed the flood budget in Eastport, officials said.", news.KindCertainty, 0},
		{"speculation vs statement (control)", "There had been speculation that Mara Quinlan might snub Tobias Fenwick.",
			"Norland Rail said on Monday that Mara Quinlan would not meet Tobias Fenwick.", news.KindCertainty, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			members := []news.Member{
				{Article: analysed(t, chain, day, tc.a), Source: "a", Group: 0},
				{Article: analysed(t, chain, day, tc.b), Source: "b", Group: 1},
			}
			got := 0
			for _, d := range discrepancies(t, members) {
				if d.Kind == tc.kind {
					got++
				}
			}
			if got != tc.want {
				t.Errorf("%d %s discrepancies, want %d\na: %+v %+v %+v\nb: %+v %+v %+v", got, tc.kind, tc.want,
					members[0].Article.Quantities, members[0].Article.Times, members[0].Article.Entities,
					members[1].Article.Quantities, members[1].Article.Times, members[1].Article.Entities)
			}
		})
	}
}

// TestWordIndex: the word index never drops a group the quote relates to
// (its bound on the common subsequence is an upper bound).
func TestWordIndex(t *testing.T) {
	vocab := strings.Fields("we will not meet the minister before the vote on friday and that is final")
	r := rand.New(rand.NewPCG(1, 2))
	quote := func() []string {
		w := make([]string, 1+r.IntN(12))
		for i := range w {
			w[i] = vocab[r.IntN(len(vocab))]
		}
		return w
	}
	x := &wordIndex{post: map[string][]int{}}
	var refs [][]string
	for range 200 {
		q := quote()
		refs = append(refs, q)
		x.add(q)
	}
	for range 500 {
		q := quote()
		cand := map[int]bool{}
		for _, g := range x.candidates(q) {
			cand[g] = true
		}
		for g, ref := range refs {
			if Relation(ref, q) != relNone && !cand[g] {
				t.Fatalf("group %v relates to %v but is not a candidate", ref, q)
			}
		}
	}
}

func TestDiffWords(t *testing.T) {
	item := func(s string) quoteItem {
		w := text.Words(s)
		return quoteItem{text: s, words: w, spans: wordSpans(s, w)}
	}
	for _, tc := range []struct {
		name, variant, ref string
		extra              []string
		parts              []news.DiffPart
	}{
		{"same", "a b c", "a b c", nil, []news.DiffPart{{Text: "a b c"}}},
		{"missing word", "between our countries,", "between our two countries,", nil,
			[]news.DiffPart{{Text: "between our "}, {Op: news.DiffDelete, Text: "two"}, {Text: "countries,"}}},
		{"extra word", "between our two countries", "between our countries", []string{"two"},
			[]news.DiffPart{{Text: "between our "}, {Op: news.DiffInsert, Text: "two "}, {Text: "countries"}}},
		{"quotes and case ignored", `"there is trust."`, "“There is trust,”", nil, []news.DiffPart{{Text: `"there is trust."`}}},
		{"prefix dropped: deleted runs end at their last word", "We may be low", "Right now, we may be low", nil,
			[]news.DiffPart{{Op: news.DiffDelete, Text: "Right now"}, {Text: "We may be low"}}},
		{"replaced: deletion first", "more than two hours", "nearly two hours", []string{"more", "than"},
			[]news.DiffPart{{Op: news.DiffDelete, Text: "nearly"}, {Op: news.DiffInsert, Text: "more than "}, {Text: "two hours"}}},
		{"replaced at the end", "a b x.", "a b y", []string{"x"},
			[]news.DiffPart{{Text: "a b "}, {Op: news.DiffDelete, Text: "y"}, {Op: news.DiffInsert, Text: "x."}}},
		{"dash is no word", "a — c", "a — b", []string{"c"},
			[]news.DiffPart{{Text: "a — "}, {Op: news.DiffDelete, Text: "b"}, {Op: news.DiffInsert, Text: "c"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			extra, parts := diffWords(item(tc.variant), item(tc.ref))
			if !slices.Equal(extra, tc.extra) {
				t.Errorf("extra words = %q, want %q", extra, tc.extra)
			}
			if !slices.Equal(parts, tc.parts) {
				t.Errorf("parts = %+v, want %+v", parts, tc.parts)
			}
		})
	}
}

// FuzzDiffWords checks that the shared and inserted runs spell the variant
// exactly, that the inserted words are the extra words, and that the shared
// and deleted runs hold the reference's words in order.
func FuzzDiffWords(f *testing.F) {
	f.Add("There is a low level of trust between our countries,", "There is a low level of trust between our two countries,")
	f.Add("more than two hours", "nearly two hours")
	f.Add("\"A\" c —", "“a” — b")
	f.Add("rock‘n‘roll", "rock n roll")
	f.Fuzz(func(t *testing.T, variant, ref string) {
		w, rw := text.Words(variant), text.Words(ref)
		if len(w) == 0 || len(rw) == 0 {
			return
		}
		a, r := quoteItem{text: variant, words: w, spans: wordSpans(variant, w)}, quoteItem{text: ref, words: rw, spans: wordSpans(ref, rw)}
		extra, parts := diffWords(a, r)
		if parts == nil {
			if a.spans != nil && r.spans != nil {
				t.Fatal("no parts though both texts' words were located")
			}
			return
		}
		var spelled strings.Builder
		var ins, refWords []string
		for _, p := range parts {
			switch p.Op {
			case news.DiffSame:
				spelled.WriteString(p.Text)
				refWords = append(refWords, text.Words(p.Text)...)
			case news.DiffInsert:
				spelled.WriteString(p.Text)
				ins = append(ins, text.Words(p.Text)...)
			case news.DiffDelete:
				refWords = append(refWords, text.Words(p.Text)...)
			}
		}
		if spelled.String() != variant {
			t.Fatalf("runs spell %q, want %q", spelled.String(), variant)
		}
		if !slices.Equal(ins, extra) {
			t.Fatalf("inserted words %q, extra words %q", ins, extra)
		}
		if !slices.Equal(refWords, rw) {
			t.Fatalf("shared and deleted words %q, reference words %q", refWords, rw)
		}
	})
}

func TestNegationReversal(t *testing.T) {
	q := func(text, speaker string) news.Quote {
		return news.Quote{Text: text, Speaker: speaker, SpeakerType: news.Person, Cue: "said"}
	}
	tests := []struct {
		name string
		a, b news.Quote
		grp  []int
		want int
	}{
		{"negation dropped", q("If the council does not fund the bridge this spring it will close for good", "Mara Quinlan"),
			q("If the council does fund the bridge this spring it will close for good", "Quinlan"), []int{0, 1}, 1},
		{"contraction added", q("To approve the levy before the winter would badly hurt all the harbour towns", "Tobias Fenwick"),
			q("If they don't approve the levy before winter it would badly hurt the harbour towns", "Fenwick"), []int{0, 1}, 1},
		{"negation moved", q("I do not think the council will fund the bridge this spring", "Mara Quinlan"),
			q("I think the council will not fund the bridge this spring", "Mara Quinlan"), []int{0, 1}, 0},
		{"same wording", q("The council will not fund the bridge this spring at all", "Mara Quinlan"),
			q("The council will not fund the bridge this spring at all", "Mara Quinlan"), []int{0, 1}, 0},
		{"negation governs no shared word", q("The council will fund the bridge this spring, no doubt about it", "Mara Quinlan"),
			q("The council will fund the bridge this spring, make sure of it", "Mara Quinlan"), []int{0, 1}, 0},
		{"speaker unknown", q("If the council does not fund the bridge this spring it will close for good", ""),
			q("If the council does fund the bridge this spring it will close for good", "Mara Quinlan"), []int{0, 1}, 0},
		{"syndicated copies", q("If the council does not fund the bridge this spring it will close for good", "Mara Quinlan"),
			q("If the council does fund the bridge this spring it will close for good", "Mara Quinlan"), []int{0, 0}, 0},
		{"fragment of the other", q("fund the bridge", "Mara Quinlan"),
			q("If the council does not fund the bridge this spring it will close for good", "Mara Quinlan"), []int{0, 1}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			members := []news.Member{
				{Article: quoted([]news.Quote{tc.a}), Source: "a", Group: tc.grp[0]},
				{Article: quoted([]news.Quote{tc.b}), Source: "b", Group: tc.grp[1]},
			}
			_, got := ledger(t, members)
			n := 0
			for _, d := range got {
				if d.Kind == news.KindNegation {
					n++
				}
			}
			if n != tc.want {
				t.Errorf("got %d negation reversals, want %d: %+v", n, tc.want, got)
			}
		})
	}
}

// ledger runs Ledger with a live context.
func ledger(t *testing.T, members []news.Member) ([]news.QuoteGroup, []news.Discrepancy) {
	t.Helper()
	groups, conflicts, err := Ledger(context.Background(), members)
	if err != nil {
		t.Fatal(err)
	}
	return groups, conflicts
}

// discrepancies runs Story.Discrepancies with a live context.
func discrepancies(t *testing.T, members []news.Member) []news.Discrepancy {
	t.Helper()
	st, err := NewStory(context.Background(), members, Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := st.Discrepancies(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
