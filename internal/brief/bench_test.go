package brief_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/testutil"
	"github.com/crosscheck/crosscheck/internal/text"
)

// syntheticStory writes n articles of about sents sentences each about one
// made-up event, as different outlets would: the same people, places, dates,
// numbers and quotes recur across articles, in varied wording, among
// sentences of each article's own. The text is generated (no third-party
// news text) and deterministic for a given seed.
func syntheticStory(n, sents int, seed uint64) []news.Raw {
	r := rand.New(rand.NewPCG(seed, 7))
	people := []string{"Mara Quinlan", "Tobias Fenwick", "Ilse Varga", "Dorian Apari", "Helen Okafor", "Rufus Brandt"}
	places := []string{"Eastport", "Varnholm", "the Kessel valley", "Lower Amsel", "Port Rydal"}
	orgs := []string{"the Harbour Authority", "Norland Rail", "the city council", "the Varnholm Fire Service"}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	verbs := []string{"said", "told reporters", "said in a statement", "added"}
	nouns := []string{"bridge", "ferry", "budget", "inquiry", "storm", "flood", "contract", "strike", "tunnel", "harbour",
		"report", "vote", "protest", "repairs", "schools", "hospital", "warehouse", "crane", "railway", "pier"}
	adjs := []string{"new", "old", "damaged", "costly", "delayed", "urgent", "public", "regional", "temporary", "main"}
	quotes := []string{
		"We will rebuild the pier before the winter storms arrive",
		"Nobody expected the water to rise that quickly in the night",
		"The inquiry must tell us why the warnings were ignored",
		"Our crews have worked without a break since the first call came in",
	}
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	// A vocabulary of made-up words with Zipf-like frequencies, as in
	// running text: a few words are everywhere, most are rare.
	vocab := testutil.MadeUpWords(5000)
	zipf := rand.NewZipf(rand.New(rand.NewPCG(seed, 11)), 1.1, 1, uint64(len(vocab)-1))
	free := func() string {
		var b strings.Builder
		b.WriteString("The")
		for range 12 + r.IntN(14) {
			b.WriteString(" " + vocab[zipf.Uint64()])
		}
		return b.String() + "."
	}
	templates := []func() string{
		func() string {
			return fmt.Sprintf("%s met officials from %s in %s on %s to discuss the %s %s.", pick(people), pick(orgs), pick(places), pick(days), pick(adjs), pick(nouns))
		},
		func() string {
			return fmt.Sprintf("“%s,” %s %s.", pick(quotes), pick(people), pick(verbs))
		},
		func() string {
			q := []string{"nearly", "more than", "about", "at least", ""}[r.IntN(5)]
			return fmt.Sprintf("%s said %s %d people were evacuated from %s after the %s.", pick(people), q, 10*(1+r.IntN(30)), pick(places), pick(nouns))
		},
		func() string {
			return fmt.Sprintf("The %s %s cost %s $%d million, %s %s.", pick(adjs), pick(nouns), pick(orgs), 1+r.IntN(90), pick(people), pick(verbs))
		},
		func() string {
			return fmt.Sprintf("There had been speculation that %s might replace %s at %s.", pick(people), pick(people), pick(orgs))
		},
		func() string {
			return fmt.Sprintf("On %s, %s announced that %s had signed the %s agreement.", pick(days), pick(people), pick(orgs), pick(nouns))
		},
		free, free, free,
	}
	out := make([]news.Raw, n)
	for i := range out {
		var paras []string
		var para []string
		for range sents {
			para = append(para, templates[r.IntN(len(templates))]())
			if len(para) == 3 {
				paras = append(paras, strings.Join(para, " "))
				para = nil
			}
		}
		if len(para) > 0 {
			paras = append(paras, strings.Join(para, " "))
		}
		out[i] = news.Raw{ID: fmt.Sprintf("a%03d", i), Input: fmt.Sprintf("a%03d", i), Outlet: fmt.Sprintf("Outlet %d", i),
			Title: "Flood damages the Eastport pier", Published: "2021-03-1" + fmt.Sprint(r.IntN(3)),
			Text: strings.Join(paras, "\n\n")}
	}
	return out
}

// BenchmarkBrief briefs synthetic stories of growing size: the story-level
// stages compare sentences, quotes and values across articles, so their
// cost must grow gently with the number of articles.
func BenchmarkBrief(b *testing.B) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range []struct{ arts, sents int }{{10, 30}, {50, 30}, {200, 100}} {
		b.Run(fmt.Sprintf("%dx%d", size.arts, size.sents), func(b *testing.B) {
			if testing.Short() && size.arts > 50 {
				b.Skip("large story skipped in -short mode")
			}
			var arts []*news.Article
			for _, raw := range syntheticStory(size.arts, size.sents, 1) {
				a, err := p.Analyze(raw)
				if err != nil {
					b.Fatal(err)
				}
				arts = append(arts, a)
			}
			br := brief.New(brief.Options{Stem: text.Stem})
			b.ResetTimer()
			for b.Loop() {
				if _, err := br.Brief(context.Background(), arts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBriefMultiNews briefs every story of the shared Multi-News dev
// set (150 stories) in one process, the articles analysed once beforehand:
// the cost of the story-level stages on real text.
func BenchmarkBriefMultiNews(b *testing.B) {
	path, ok := testutil.Shared("data/mds/multinews-dev.jsonl")
	if !ok {
		b.Skip("no shared Multi-News data (../shared/data/mds)")
	}
	texts, err := testutil.ReadMultiNews(path)
	if err != nil {
		b.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var stories [][]*news.Article
	for _, story := range texts {
		var arts []*news.Article
		for _, t := range story {
			if art, err := p.Analyze(news.Raw{Text: t}); err == nil {
				arts = append(arts, art)
			}
		}
		stories = append(stories, arts)
	}
	br := brief.New(brief.Options{Stem: text.Stem})
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, arts := range stories {
			if _, err := br.Brief(context.Background(), arts); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(stories)*b.N)/b.Elapsed().Seconds(), "stories/s")
	// CPU time per pass: on a shared machine wall time measures the load.
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}
