package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/entity"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/testutil"
	"github.com/crosscheck/crosscheck/internal/text"
)

// SeedsOptions configures RunSeeds.
type SeedsOptions struct {
	// Data is the shared folder holding seeds/ and gold/seeds.gold.json
	// (or the seeds folder itself, with gold beside it).
	Data string
	// Published is the reference date given to the articles, as the
	// --published flag would ("" lets crosscheck infer it from the text).
	Published string
}

func seedPaths(data string) (seedsDir, goldPath string, err error) {
	for _, c := range [][2]string{
		{filepath.Join(data, "seeds"), filepath.Join(data, "gold", "seeds.gold.json")},
		{data, filepath.Join(filepath.Dir(data), "gold", "seeds.gold.json")},
	} {
		if _, err := os.Stat(c[1]); err == nil {
			if fi, err := os.Stat(c[0]); err == nil && fi.IsDir() {
				return c[0], c[1], nil
			}
		}
	}
	return "", "", fmt.Errorf("eval seeds: %s holds no seeds/ with gold/seeds.gold.json", data)
}

// RunSeeds analyses and briefs the seed articles and scores the result
// against the hand-made gold: boilerplate lines, titles, bylines, quotes
// and speakers, shared quotes, discrepancies, the timeline and people.
func RunSeeds(ctx context.Context, o SeedsOptions) (*Report, error) {
	seedsDir, goldPath, err := seedPaths(o.Data)
	if err != nil {
		return nil, err
	}
	gold, err := testutil.ReadSeedsGold(goldPath)
	if err != nil {
		return nil, fmt.Errorf("eval seeds: %w", err)
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return nil, err
	}
	r := &Report{Stage: "seeds", Data: o.Data, Header: []string{"check", "got", "of", "detail"}}
	row := func(check string, got, of int, detail string) {
		r.Rows = append(r.Rows, []string{check, fmt.Sprint(got), fmt.Sprint(of), detail})
	}
	arts := map[string]*news.Article{}
	var order []*news.Article
	for _, d := range gold.Documents {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		raw, err := os.ReadFile(filepath.Join(seedsDir, d.File))
		if err != nil {
			return nil, fmt.Errorf("eval seeds: %w", err)
		}
		a, err := p.Analyze(news.Raw{Input: d.File, Text: string(raw), Bytes: raw, Published: o.Published})
		if err != nil {
			return nil, fmt.Errorf("eval seeds: %w", err)
		}
		arts[d.File[:3]] = a
		order = append(order, a)

		removed := map[int]bool{}
		for _, x := range a.Removed {
			removed[x.Line] = true
		}
		hit := 0
		var missed []string
		for _, l := range d.BoilerplateLines {
			if removed[l] {
				hit++
			} else {
				missed = append(missed, fmt.Sprint(l))
			}
		}
		row(d.File[:3]+" boilerplate lines removed", hit, len(d.BoilerplateLines), "missed: "+strings.Join(missed, ","))
		r.Add(d.File[:3]+"_boilerplate_recall", ratio(hit, len(d.BoilerplateLines)))
		body := 0
		if len(a.Paragraphs) > 0 && strings.HasPrefix(a.Paragraphs[0], d.BodyFirstWords) && strings.HasSuffix(text.FoldQuotes(a.Paragraphs[len(a.Paragraphs)-1]), text.FoldQuotes(d.BodyLastWords)) {
			body = 1
		}
		row(d.File[:3]+" body paragraphs", len(a.Paragraphs), d.BodyParagraphs, fmt.Sprintf("first/last words right: %v", body == 1))
		titleOK := boolInt(a.Title == d.Title)
		row(d.File[:3]+" title", titleOK, 1, a.Title)
		bylineOK := boolInt(strings.Join(a.Byline, "|") == strings.Join(d.Byline, "|"))
		row(d.File[:3]+" byline", bylineOK, 1, strings.Join(a.Byline, "; "))
		r.Add(d.File[:3]+"_body_paragraphs", float64(len(a.Paragraphs)))
		r.Add(d.File[:3]+"_title_ok", float64(titleOK))
		r.Add(d.File[:3]+"_byline_ok", float64(bylineOK))
	}

	// Quotes and speakers.
	found, right := 0, 0
	var wrong []string
	for _, g := range gold.Quotes {
		a := arts[g.Doc]
		if a == nil {
			continue
		}
		q, ok := matchQuote(a.Quotes, g.Text)
		if !ok {
			wrong = append(wrong, "missing “"+text.Clip(g.Text, 40)+"”")
			continue
		}
		found++
		if entity.SameLastName(q.Speaker, g.Speaker) {
			right++
		} else {
			wrong = append(wrong, fmt.Sprintf("“%s” → %q, gold %q", text.Clip(g.Text, 30), q.Speaker, g.Speaker))
		}
	}
	row("quotes found", found, len(gold.Quotes), "")
	row("quotes with the right speaker", right, len(gold.Quotes), strings.Join(wrong, "; "))
	r.Add("quotes_found", float64(found))
	r.Add("quotes_speaker_right", float64(right))
	r.Add("quotes_gold", float64(len(gold.Quotes)))
	bad := 0
	var badList []string
	for _, g := range gold.NotQuotes {
		if a := arts[g.Doc]; a != nil {
			if q, ok := matchQuote(a.Quotes, g.Text); ok && !q.Partial {
				bad++
				badList = append(badList, g.Text)
			}
		}
	}
	row("not-quotes reported as full statements", bad, 0, strings.Join(badList, "; "))
	r.Add("not_quotes_as_statements", float64(bad))

	br, err := brief.New(brief.Options{Stem: text.Stem}).Brief(ctx, order)
	if err != nil {
		return nil, fmt.Errorf("eval: seeds: %w", err)
	}
	srcOf := map[string]string{}
	for i, d := range gold.Documents {
		if i < len(br.Sources) {
			srcOf[d.File[:3]] = br.Sources[i].ID
		}
	}
	shared := 0
	var sharedDetail []string
	for _, g := range gold.SharedQuotes {
		want := news.Reworded
		switch {
		case strings.Contains(g.Verdict, "identical"):
			want = news.Identical
		case strings.Contains(g.Verdict, "part"):
			want = news.Partial
		}
		got := ""
		for _, qg := range br.Quotes {
			if len(qg.Sources) < 2 {
				continue
			}
			if _, ok := matchQuote([]news.Quote{{Text: qg.Text}}, g.Variants["000"]); ok {
				got = qg.Agreement
				break
			}
			if _, ok := matchQuote([]news.Quote{{Text: qg.Text}}, g.Variants["004"]); ok {
				got = qg.Agreement
				break
			}
		}
		if got == want {
			shared++
		}
		sharedDetail = append(sharedDetail, fmt.Sprintf("%s: %s (gold %s)", g.Speaker, orDash(got), want))
	}
	row("shared quotes aligned and marked", shared, len(gold.SharedQuotes), strings.Join(sharedDetail, "; "))
	r.Add("shared_quotes", float64(shared))

	// A gold discrepancy is found when a reported one of its kind has a
	// claim from each document whose sentence holds that document's gold
	// words.
	matchedReport := make([]bool, len(br.Discrepancies))
	dHit := 0
	var dDetail []string
	for _, g := range gold.Discrepancies {
		hit := false
		for i, d := range br.Discrepancies {
			if d.Kind == g.Kind && seedDiscrepancyMatches(d, g, srcOf) {
				matchedReport[i], hit = true, true
			}
		}
		if hit {
			dHit++
		} else {
			dDetail = append(dDetail, "missed "+g.About)
		}
	}
	other := 0
	for i, d := range br.Discrepancies {
		if !matchedReport[i] {
			other++
			dDetail = append(dDetail, "other "+d.Kind+": "+d.About)
		}
	}
	row("gold discrepancies found (by sentences)", dHit, len(gold.Discrepancies), strings.Join(dDetail, "; "))
	row("other discrepancies reported", other, 0, "")
	r.Add("discrepancies_found", float64(dHit))
	r.Add("discrepancies_reported", float64(len(br.Discrepancies)))
	r.Add("discrepancies_other", float64(other))

	dates := map[string]bool{}
	for _, e := range br.Timeline {
		dates[e.Date] = true
	}
	tHit := 0
	for _, g := range gold.Timeline {
		if dates[g.When] {
			tHit++
		}
	}
	row("gold timeline dates present", tHit, len(gold.Timeline), "")
	r.Add("timeline_dates", float64(tHit))

	people := map[string]bool{}
	for _, e := range br.Entities {
		if e.Type == news.Person {
			people[strings.ToLower(e.Name)] = true
		}
	}
	pHit := 0
	for _, g := range gold.People {
		if people[strings.ToLower(g)] {
			pHit++
		}
	}
	row("gold people found", pHit, len(gold.People), "")
	r.Add("people_found", float64(pHit))
	return r, nil
}

// seedDiscrepancyMatches reports whether reported discrepancy d holds, for
// every document side of gold g, a claim of that document's source whose
// sentence contains one of the side's alternatives (words compared as in
// matchQuote). srcOf maps a document prefix to its source id.
func seedDiscrepancyMatches(d news.Discrepancy, g testutil.SeedDiscrepancy, srcOf map[string]string) bool {
	if len(g.Sides) == 0 {
		return false
	}
	for doc, alts := range g.Sides {
		ok := false
		for _, c := range d.Claims {
			if c.Source != srcOf[doc] {
				continue
			}
			w := " " + strings.Join(text.Words(c.Text), " ") + " "
			for _, alt := range alts {
				if strings.Contains(w, " "+strings.Join(text.Words(alt), " ")+" ") {
					ok = true
				}
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// matchQuote finds the quote whose words equal or contain the gold text's
// words (or are contained in them), ignoring punctuation, case and quote
// mark style.
func matchQuote(qs []news.Quote, gold string) (news.Quote, bool) {
	gw := strings.Join(text.Words(gold), " ")
	if gw == "" {
		return news.Quote{}, false
	}
	for _, q := range qs {
		w := strings.Join(text.Words(q.Text), " ")
		if w == gw {
			return q, true
		}
	}
	for _, q := range qs {
		w := strings.Join(text.Words(q.Text), " ")
		if w != "" && (strings.Contains(w, gw) || strings.Contains(gw, w) && len(w) > len(gw)/2) {
			return q, true
		}
	}
	return news.Quote{}, false
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
