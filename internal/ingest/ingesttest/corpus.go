// Package ingesttest writes synthetic article collections for tests of the
// story engine: several invented events, each reported by a few outlets
// that share the event's names and key words but word their accounts
// differently. All text is generated here; no third-party news is used.
package ingesttest

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// event is one invented news event.
type event struct {
	person, role, org, place, thing string
	verb, noun                      string
	count                           int
	day                             int // day of April 2024
}

// events are fictitious: invented people, organisations and places.
var events = []event{
	{"Talia Brennock", "Harbour Commissioner", "Velmora Port Authority", "Velmora", "container crane", "collapsed", "crane collapse", 14, 3},
	{"Osric Venhall", "Mayor", "Dunmore City Council", "Dunmore", "river flood", "flooded", "flood barrier", 230, 5},
	{"Ines Calloway", "Chief Executive", "Orbison Rail", "Kestwick", "night train", "derailed", "rail derailment", 37, 8},
	{"Bram Tolliver", "Health Minister", "Sarnia Health Service", "Sarnia", "measles outbreak", "spread", "vaccination drive", 112, 11},
	{"Petra Lindqvist", "Fire Chief", "Hollow Ridge Fire Brigade", "Hollow Ridge", "forest fire", "burned", "evacuation order", 1800, 14},
	{"Caspian Ruehl", "Finance Minister", "Marrow Bay Treasury", "Marrow Bay", "budget deficit", "widened", "spending freeze", 4, 17},
	{"Dalia Ferrante", "Police Commissioner", "Quillon Police Service", "Quillon", "museum theft", "vanished", "stolen paintings", 9, 20},
	{"Emeric Sandoval", "Energy Secretary", "Torvale Power Grid", "Torvale", "power outage", "blacked out", "grid failure", 65000, 23},
}

// outlets are invented outlet names.
var outlets = []string{"The Northern Ledger", "Coastline Daily", "Meridian Wire", "Valley Courier", "The Evening Lantern"}

// Article is one generated article.
type Article struct {
	// Event is the index of the event it reports (the true story).
	Event int
	Name  string // file name
	Text  string
}

// Corpus returns perEvent articles for each of events events (at most 8),
// interleaved in publication order, deterministic for a seed.
func Corpus(nEvents, perEvent int, seed uint64) []Article {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	nEvents = min(nEvents, len(events))
	var out []Article
	for k := 0; k < perEvent; k++ {
		for i := 0; i < nEvents; i++ {
			out = append(out, Article{Event: i, Text: article(r, events[i], k)})
		}
	}
	for i := range out {
		out[i].Name = fmt.Sprintf("a%03d.txt", i)
	}
	return out
}

// WriteDir writes the corpus into dir, one text file per article, and
// returns the articles.
func WriteDir(dir string, nEvents, perEvent int, seed uint64) ([]Article, error) {
	arts := Corpus(nEvents, perEvent, seed)
	for _, a := range arts {
		if err := os.WriteFile(filepath.Join(dir, a.Name), []byte(a.Text), 0o644); err != nil {
			return nil, err
		}
	}
	return arts, nil
}

// article writes one outlet's account of e; k varies the wording.
func article(r *rand.Rand, e event, k int) string {
	outlet := outlets[k%len(outlets)]
	titles := []string{
		fmt.Sprintf("%s %s in %s, %s says", capital(e.thing), e.verb, e.place, e.person),
		fmt.Sprintf("%s: %s after %s", e.place, capital(e.noun), e.thing),
		fmt.Sprintf("%s under scrutiny as %s %s", e.org, e.thing, e.verb),
		fmt.Sprintf("%s promises answers on %s %s", e.person, e.place, e.thing),
		fmt.Sprintf("Questions mount over %s in %s", e.noun, e.place),
	}
	n := e.count + r.IntN(3)*(e.count/10+1) // outlets disagree a little
	paras := []string{
		fmt.Sprintf("%s — The %s %s in %s on Tuesday, and %s said %d people were affected, according to %s.",
			strings.ToUpper(e.place), e.thing, e.verb, e.place, e.person, n, e.org),
		fmt.Sprintf("“We are doing everything we can to understand what happened to the %s,” said %s, the %s. “The people of %s deserve a full account.”",
			e.thing, e.person, e.role, e.place),
		fmt.Sprintf("%s officials said the %s would be reviewed and that the %s had been discussed for months before the %s %s.",
			e.org, e.noun, e.noun, e.thing, e.verb),
		fmt.Sprintf("Residents of %s described the scene after the %s %s as chaotic, and several said warnings from %s had come too late.",
			e.place, e.thing, e.verb, e.org),
		fmt.Sprintf("%s said on Wednesday that an independent inquiry into the %s would report within %d weeks.",
			e.person, e.noun, 2+r.IntN(6)),
		fmt.Sprintf("Critics of %s said the %s in %s showed the need for new rules, while supporters of %s urged patience.",
			e.org, e.thing, e.place, e.person),
	}
	r.Shuffle(len(paras)-2, func(i, j int) { paras[i+2], paras[j+2] = paras[j+2], paras[i+2] })
	paras = paras[:4+r.IntN(3)]
	var sb strings.Builder
	sb.WriteString(titles[k%len(titles)] + "\n\n")
	fmt.Fprintf(&sb, "By %s Staff\n%s\nApril %d, 2024\n\n", outlet, outlet, e.day)
	for _, p := range paras {
		sb.WriteString(p + "\n\n")
	}
	fmt.Fprintf(&sb, "© 2024 %s. All rights reserved.\n", outlet)
	return sb.String()
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
