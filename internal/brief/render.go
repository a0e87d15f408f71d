package brief

import (
	"encoding/json"
	"fmt"
	"io"
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

// Markdown writes the briefing for people, from the same View as the HTML
// body. With color set (a terminal, NO_COLOR unset) headings, citations
// and discrepancies are coloured with ANSI escapes.
func Markdown(w io.Writer, b *news.Briefing, color bool) error {
	st := style{on: color}
	v := NewView(b)
	// a citation carries the outlet's label as the HTML view shows it
	// ("[1 NPR]"), so that a reader sees who said it without the list
	cite := func(cs ...Cite) string {
		var sb strings.Builder
		for _, c := range cs {
			if c.CiteLabel() == "" {
				fmt.Fprintf(&sb, "[%d]", c.Num)
				continue
			}
			fmt.Fprintf(&sb, "[%d %s]", c.Num, c.CiteLabel())
		}
		return st.cite(sb.String())
	}
	var out strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&out, format, args...) }

	p("%s\n\n", st.head("# "+StoryTitle(v.Title)))
	p("_%s", v.Counts)
	if v.When != "" {
		p(" · %s", v.When)
	}
	p("_\n\n")

	p("%s\n\n", st.head("## Sources"))
	for _, s := range v.Sources {
		p("%d. [%s] **%s** — %s (%s)", s.Num, s.Label, s.Outlet, s.Title, s.When)
		if s.First {
			p(" — %s", st.head("reported first"))
		}
		if len(s.Syndicated) > 0 {
			p(" — same wire copy as %s", cite(s.Syndicated...))
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
	if section("Summary", len(v.Summary)) {
		for _, c := range v.Summary {
			p("%s %s\n", c.Text, cite(c.Cites...))
		}
	}
	if section("Who said what", len(v.Compared)+len(v.Speakers)) {
		if len(v.Compared) > 0 {
			p("%s\n", st.head("### Quoted by several sources"))
			for _, q := range v.Compared {
				p("- %s: “%s” %s — %s\n", q.Speaker, q.Text, cite(q.Cites...), q.Agreement)
				for _, va := range q.Variants {
					p("  - %s “%s”", cite(va.Cite), va.Text)
					if diff := changed(va); diff != "" {
						p(" %s", st.warn("("+diff+")"))
						if va.Against != nil {
							p(" against %s", cite(*va.Against))
						}
					}
					p("\n")
				}
			}
		}
		for i, sp := range v.Speakers {
			if i > 0 || len(v.Compared) > 0 {
				p("\n")
			}
			p("%s\n", st.head("### "+sp.Speaker))
			for _, q := range sp.Quotes {
				p("- “%s” %s\n", q.Text, cite(q.Cites...))
			}
		}
	}
	if section("Discrepancies", len(v.Discrepancies)) {
		for _, d := range v.Discrepancies {
			p("- %s %s\n", st.warn("**"+d.Kind+"**"), d.About)
			for _, sd := range d.Sides {
				p("  - %s %s", cite(sd.Cite), sd.Before)
				if sd.Value != "" {
					p("**%s**%s", sd.Value, sd.After)
				}
				if sd.Label != "" {
					p(" (%s)", sd.Label)
				}
				p("\n")
			}
		}
	}
	if section("What the sources agree on", len(v.Agreements)) {
		for _, c := range v.Agreements {
			p("- %s %s\n", c.Text, cite(c.Cites...))
		}
	}
	if section("Reported by one source only", len(v.Unique)) {
		for _, u := range v.Unique {
			for _, t := range u.Items {
				p("- %s %s\n", cite(u.Cite), t)
			}
		}
	}
	if section("Timeline", len(v.Timeline)) {
		for _, e := range v.Timeline {
			p("- **%s** %s %s\n", e.When, e.Text, cite(e.Cites...))
		}
	}
	if section("People, places and organisations", len(v.Entities)) {
		for _, g := range v.Entities {
			p("- %s: ", g.Label)
			for i, e := range g.Items {
				if i > 0 {
					p(", ")
				}
				p("%s %s", e.Text, cite(e.Cites...))
			}
			p("\n")
		}
	}
	_, err := io.WriteString(w, out.String())
	return err
}

// changed words a variant's difference from the wording it is compared
// with: "+words" it has that the other lacks, "−words" the other has that
// it lacks; "" when neither.
func changed(va VariantView) string {
	var ins, del []string
	for _, p := range va.Parts {
		switch p.Op {
		case news.DiffInsert:
			ins = append(ins, strings.Fields(p.Text)...)
		case news.DiffDelete:
			del = append(del, strings.Fields(p.Text)...)
		}
	}
	var out []string
	if len(ins) > 0 {
		out = append(out, "+"+strings.Join(ins, " "))
	}
	if len(del) > 0 {
		out = append(out, "−"+strings.Join(del, " "))
	}
	return strings.Join(out, "; ")
}
