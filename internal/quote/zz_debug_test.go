package quote

import (
	"testing"

	"github.com/crosscheck/crosscheck/internal/entity"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

func TestZZDebug(t *testing.T) {
	seg, _ := text.NewSegmenter()
	lex := entity.New()
	f := New(lex)
	for _, p := range [][]string{
		{"Tomas Reyes appeared at a hearing for saying that coffee was a “magic cure for every body type.”", "Democratic Sen. Marta Olsen (D-Mo.) scolded him: “The community is against you in terms of the products you called ‘miracles,’” she said."},
		{"Tomas Reyes appeared at a hearing.", "Sen. Marta Olsen scolded him: “The community is against you,” she said."},
		{"Lake campaign manager Tomas Reyes told the paper that the campaign expects Olsen to insert himself by calling out Lake for his “lies” throughout."},
	} {
		a := &news.Article{Paragraphs: p}
		seg.Analyze(a)
		lex.Analyze(a)
		f.Analyze(a)
		t.Logf("%+v", a.Quotes)
		d := &doc{lex: lex, a: a, body: a.Body()}
		_ = d
	}
}
