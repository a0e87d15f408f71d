package brief

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
)

// JSON writes the briefing as one indented JSON object.
func JSON(w io.Writer, b *news.Briefing) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(b)
}

// style colours Markdown for a terminal; the zero value prints plain text.
type style struct{ on bool }

func (s style) wrap(code, t string) string {
	if !s.on {
		return t
	}
	return "\x1b[" + code + "m" + t + "\x1b[0m"
}
func (s style) head(t string) string { return s.wrap("1", t) }
func (s style) cite(t string) string { return s.wrap("36", t) }
func (s style) warn(t string) string { return s.wrap("1;31", t) }
func (s style) dim(t string) string  { return s.wrap("2", t) }

// Markdown writes the briefing for people. With color set (a terminal,
// NO_COLOR unset) headings, citations and discrepancies are coloured with
// ANSI escapes.
func Markdown(w io.Writer, b *news.Briefing, color bool) error {
	st := style{on: color}
	num := NewView(b, "").Num
	cite := func(ids []string) string {
		ns := make([]int, len(ids))
		for i, id := range ids {
			ns[i] = num[id]
		}
		slices.Sort(ns)
		var sb strings.Builder
		for _, n := range ns {
			fmt.Fprintf(&sb, "[%d]", n)
		}
		return st.cite(sb.String())
	}
	var out strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&out, format, args...) }

	title := b.Title
	if title == "" {
		title = "Briefing"
	}
	p("%s\n\n", st.head("# "+title))
	indep := map[string]bool{}
	for _, s := range b.Sources {
		key := s.ID
		for _, o := range s.SyndicatedWith {
			if o < key {
				key = o
			}
		}
		indep[key] = true
	}
	p("_%d articles, %d independent sources", len(b.Sources), len(indep))
	if b.Date != "" {
		p(", %s", b.Date)
	}
	p("_\n\n")

	p("%s\n\n", st.head("## Sources"))
	for i, s := range b.Sources {
		p("%d. **%s** — %s", i+1, orUnknown(s.Outlet), orUnknown(s.Title))
		if s.Published != "" {
			p(" (%s)", s.Published)
		}
		if len(s.SyndicatedWith) > 0 {
			p(" — same wire copy as %s", cite(s.SyndicatedWith))
		}
		p("\n")
	}

	section := func(name string, n int) bool {
		p("\n%s\n\n", st.head("## "+name))
		if n == 0 {
			p("%s\n", st.dim("_none found_"))
		}
		return n > 0
	}
	if section("Summary", len(b.Summary)) {
		for _, c := range b.Summary {
			p("%s %s\n", c.Text, cite(c.Sources))
		}
	}
	if section("Who said what", len(b.Quotes)) {
		// One heading per speaker, speakers in order of their first
		// statement (the ledger lists shared statements first).
		var speakers []string
		bySpeaker := map[string][]news.QuoteGroup{}
		for _, q := range b.Quotes {
			if _, ok := bySpeaker[q.Speaker]; !ok {
				speakers = append(speakers, q.Speaker)
			}
			bySpeaker[q.Speaker] = append(bySpeaker[q.Speaker], q)
		}
		for i, speaker := range speakers {
			if i > 0 {
				p("\n")
			}
			p("%s\n", st.head("### "+orUnknown(speaker)))
			for _, q := range bySpeaker[speaker] {
				quoteGroup(p, q, cite, st)
			}
		}
	}
	if section("Discrepancies", len(b.Discrepancies)) {
		for _, d := range b.Discrepancies {
			p("- %s %s\n", st.warn("**"+d.Kind+"**"), d.About)
			for _, c := range d.Claims {
				p("  - %s %s\n", cite([]string{c.Source}), c.Text)
			}
		}
	}
	if section("What the sources agree on", len(b.Agreements)) {
		for _, c := range b.Agreements {
			p("- %s %s\n", c.Text, cite(c.Sources))
		}
	}
	if section("Reported by one source only", len(b.Unique)) {
		for _, u := range b.Unique {
			p("- %s %s\n", cite([]string{u.Source}), u.Text)
		}
	}
	if section("Timeline", len(b.Timeline)) {
		for _, e := range b.Timeline {
			p("- **%s** %s %s\n", e.Date, e.Text, cite(e.Sources))
		}
	}
	if section("People, places and organisations", len(b.Entities)) {
		for _, e := range b.Entities {
			p("- %s (%s) %s\n", e.Name, strings.ToLower(e.Type), cite(e.Sources))
		}
	}
	_, err := io.WriteString(w, out.String())
	return err
}

// quoteGroup writes one statement of the quote ledger, with each source's
// wording when they differ.
func quoteGroup(p func(string, ...any), q news.QuoteGroup, cite func([]string) string, st style) {
	p("- “%s” %s", q.Text, cite(q.Sources))
	if q.Agreement != news.Single {
		p(" — %s", q.Agreement)
	}
	p("\n")
	if q.Agreement == news.Reworded || q.Agreement == news.Partial {
		for _, v := range q.Variants {
			p("  - %s “%s”", cite([]string{v.Source}), v.Text)
			if len(v.Diff) > 0 {
				p(" %s", st.warn("(+"+strings.Join(v.Diff, " ")+")"))
			}
			p("\n")
		}
	}
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}
