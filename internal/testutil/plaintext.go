package testutil

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// PlainText writes about size bytes of plain-text sentences, as one long
// input file would hold them: paragraphs of three to five sentences mixing
// recurring people, places, dates, numbers and quotes with free text over a
// Zipf-distributed made-up vocabulary. Generated (no third-party text) and
// deterministic for a given seed.
func PlainText(size int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 3))
	first := []string{"Mara", "Tobias", "Ilse", "Dorian", "Helen", "Rufus", "Anika", "Jonas", "Petra", "Samuel", "Lena", "Oskar"}
	last := []string{"Quinlan", "Fenwick", "Varga", "Apari", "Okafor", "Brandt", "Lindqvist", "Moreau", "Castell", "Ibsen"}
	places := []string{"Eastport", "Varnholm", "Lower Amsel", "Port Rydal", "Kessel", "Norby", "Astwick", "Dunmere"}
	orgs := []string{"the Harbour Authority", "Norland Rail", "the city council", "the Varnholm Fire Service", "the Ministry of Works"}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "last week", "on March 3", "in April 2019"}
	verbs := []string{"said", "told reporters", "said in a statement", "added", "wrote"}
	nouns := []string{"bridge", "ferry", "budget", "inquiry", "storm", "flood", "contract", "strike", "tunnel", "harbour",
		"report", "vote", "protest", "repairs", "schools", "hospital", "warehouse", "crane", "railway", "pier"}
	vocab := MadeUpWords(20000)
	zipf := rand.NewZipf(rand.New(rand.NewPCG(seed, 5)), 1.1, 1, uint64(len(vocab)-1))
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	person := func() string { return pick(first) + " " + pick(last) }
	words := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = vocab[zipf.Uint64()]
		}
		return strings.Join(w, " ")
	}
	sentence := func() string {
		switch r.IntN(8) {
		case 0:
			return fmt.Sprintf("%s met officials from %s in %s %s to discuss the %s %s.", person(), pick(orgs), pick(places), pick(days), words(2), pick(nouns))
		case 1:
			return fmt.Sprintf("“The %s %s must be %s before %s,” %s %s.", pick(nouns), words(3), words(1), words(3), person(), pick(verbs))
		case 2:
			return fmt.Sprintf("%s said %d people left %s after the %s %s.", person(), 10*(1+r.IntN(300)), pick(places), pick(nouns), pick(days))
		case 3:
			return fmt.Sprintf("The %s cost %s $%d million, %s %s.", pick(nouns), pick(orgs), 1+r.IntN(900), person(), pick(verbs))
		default:
			return "The " + words(10+r.IntN(16)) + " " + pick(nouns) + "."
		}
	}
	var b strings.Builder
	b.Grow(size + 1024)
	for b.Len() < size {
		for k := range 3 + r.IntN(3) {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(sentence())
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// MadeUpWords returns n distinct made-up words ("kaen", "loen", ...
// "kaloen"), built from syllables: no real text.
func MadeUpWords(n int) []string {
	syll := []string{"ka", "lo", "mer", "tan", "vi", "sor", "del", "pra", "nu", "gel", "tor", "bis"}
	vocab := make([]string, n)
	for i := range vocab {
		w := ""
		for k := i; ; k /= len(syll) {
			w += syll[k%len(syll)]
			if k < len(syll) {
				break
			}
		}
		vocab[i] = w + "en"
	}
	return vocab
}
