package entity

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// benchParas is a synthetic article of about 800 words built from fixture
// sentences (no third-party text).
func benchParas() []string {
	base := []string{
		"MOSCOW — Secretary of State Alan Brookfield met with President Ivan Sokolov of Russia for nearly two hours Wednesday, but the two men appeared unable to agree on the facts.",
		"“There is little trust between our countries,” Brookfield told reporters at a joint news conference with Foreign Minister Pavel Orlov in Moscow.",
		"The United Nations Security Council voted on Wednesday, and NATO officials in Brussels said the alliance would respond to the attack in northern Syria.",
		"The Foreign Ministry spokeswoman, Maria V. Kuznetsova, said it was useless for Brookfield to arrive with ultimatums; Orlov’s aides agreed.",
		"In an interview with Fox Business, President Trump said relations with Russia may be at an all-time low, and Sokolov said the U.S. was to blame.",
		"But analysts in Washington and London said the Kremlin had little reason to change course, as Dr. Emeka Okafor of Harvard University noted.",
	}
	var paras []string
	for len(strings.Fields(strings.Join(paras, " "))) < 800 {
		paras = append(paras, base...)
	}
	return paras
}

func BenchmarkFind(b *testing.B) {
	seg, err := text.NewSegmenter()
	if err != nil {
		b.Fatal(err)
	}
	a := &news.Article{Paragraphs: benchParas()}
	if err := seg.Analyze(a); err != nil {
		b.Fatal(err)
	}
	words := len(strings.Fields(a.Body()))
	r := New()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := r.Analyze(a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkNew measures building the lexicon tables, which New leaves to
// the first use (once per process).
func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_ = newLexicon()
	}
}
