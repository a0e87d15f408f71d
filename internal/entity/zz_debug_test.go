package entity

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// ENTFILE=/tmp/entdump/x.txt ENTNAME=substr go test ./internal/entity -run ZZDebug -v
func TestZZDebug(t *testing.T) {
	f := os.Getenv("ENTFILE")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	a := &news.Article{Paragraphs: strings.Split(string(b), news.ParagraphSep)}
	seg, _ := text.NewSegmenter()
	_ = seg.Analyze(a)
	r := New()
	body := a.Body()
	st := &state{r: r, body: body, lower: map[string]bool{}}
	all := []tok{}
	type sent struct {
		a, b      int
		paraStart bool
	}
	var ss []sent
	for _, sp := range a.Sentences {
		a0 := len(all)
		all = r.tokens(body, sp.Start, sp.End, all, st.lower)
		if len(all) == a0 {
			continue
		}
		paraStart := sp.Start == 0 || strings.HasSuffix(body[:sp.Start], "\n")
		ss = append(ss, sent{a0, len(all), paraStart})
	}
	var heads [][]tok
	for _, x := range ss {
		toks := all[x.a:x.b:x.b]
		if isHeadline(toks) {
			heads = append(heads, toks)
			continue
		}
		st.sentence(toks, x.paraStart, a.Dateline)
	}
	for _, h := range heads {
		st.headline(h)
	}
	want := strings.ToLower(os.Getenv("ENTNAME"))
	for _, c := range st.cands {
		if want != "" && !strings.Contains(strings.ToLower(body[c.s:c.e]), want) {
			continue
		}
		fmt.Printf("  cand %q typ=%s strong=%v attach=%v cueP=%v cueL=%v first=%v role=%q  ...%s\n", body[c.s:c.e], c.typ, c.strong, c.attach, c.cueP, c.cueL, c.firstHit, c.role, strings.ReplaceAll(body[max(0, c.s-40):min(len(body), c.e+40)], "\n", "|"))
	}
	for _, e := range st.entities() {
		if want != "" && !strings.Contains(strings.ToLower(e.Name), want) {
			continue
		}
		fmt.Printf("%s %s %d\n", e.Name, e.Type, len(e.Mentions))
	}
}
