package quote

import (
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

func TestZZDebug2(t *testing.T) {
	a := &news.Article{Paragraphs: []string{"Why the affiliation? ''They pay us a lot of money, and we need money to pay our producers and directors,'' Mr. King said."}}
	seg, _ := text.NewSegmenter()
	seg.Segment(a)
	d := &doc{a: a, body: a.Body()}
	d.paras = [][2]int{{0, len(d.body)}}
	d.sents = a.Sentences
	d.str = pairStretches(d.body, d.paras)
	d.toks = text.Tokens(d.body)
	d.collectRuns()
	d.collectEvents()
	t.Logf("sents %v str %+v", a.Sentences, d.str)
	for _, e := range d.events {
		t.Logf("%+v", e)
	}
}

func TestZZDebug3(t *testing.T) {
	a := &news.Article{Paragraphs: []string{"Why the affiliation? ''They pay us a lot of money, and we need money to pay our producers and directors,'' Mr. King said."}}
	seg, _ := text.NewSegmenter()
	seg.Segment(a)
	d := &doc{a: a, body: a.Body()}
	d.paras = [][2]int{{0, len(d.body)}}
	d.sents = a.Sentences
	d.str = pairStretches(d.body, d.paras)
	d.toks = text.Tokens(d.body)
	k := 22
	sent := d.sentence(d.toks[k].Start)
	lo := d.tokAt(sent.Start)
	t.Logf("len %d tok %q sent %v lo %d gap %q", len(d.body), d.tok(k), sent, lo, d.gapAfter(k-1))
	i, ok := d.runBack(k-1, lo)
	t.Logf("%d %v", i, ok)
}
