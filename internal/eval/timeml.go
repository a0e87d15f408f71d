package eval

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/pipeline"
)

// A second, blind check of timeline resolution against an outside gold
// standard: the TempEval-3 training corpus TBAQ-cleaned (TimeBank 1.2
// and AQUAINT, TimeML-annotated news), whose every TIMEX3 carries a
// normalised value and every document its creation time (DCT). The corpus
// is LDC material distributed for research, so the repository holds no
// copy: RunTimeML reads it from a directory the caller names.
// docs/timex-timeml.md says which items are scored and why.

// TimeMLDoc is one TimeML document as the scoring reads it.
type TimeMLDoc struct {
	// DCT is the value of the TIMEX3 whose functionInDocument is
	// CREATION_TIME ("1998-01-08", "1998-02-27T08:39:00").
	DCT string
	// Text is the TEXT element's plain text: tags stripped, entities
	// decoded.
	Text string
	// Timexes are the TIMEX3 elements inside TEXT, in text order.
	Timexes []TimeMLTimex
}

// TimeMLTimex is one TIMEX3 inside TEXT.
type TimeMLTimex struct {
	ID, Type, Value string
	// Text is Doc.Text[Start:End], the expression as annotated.
	Text string
	// Start and End are byte offsets into TimeMLDoc.Text; End exclusive.
	Start, End int
}

// ErrTimeML reports a TimeML document the reader cannot take: not well
// formed XML, no or several TEXT elements or creation times, a creation
// time that is not a date, a TIMEX3 inside another.
var ErrTimeML = errors.New("eval: timeml: malformed document")

// ParseTimeML reads one TimeML document. Only what the scoring needs is
// kept: the creation time, TEXT's plain text and the TIMEX3s inside TEXT
// with their spans in it; EVENT, SIGNAL and the links are skipped, their
// words kept in the text.
func ParseTimeML(r io.Reader) (*TimeMLDoc, error) {
	dec := xml.NewDecoder(r)
	doc := &TimeMLDoc{}
	var text strings.Builder
	texts, dcts := 0, 0
	inText := false
	var open *TimeMLTimex // the TIMEX3 inside TEXT being read
	openDCT := false      // inside the creation time's TIMEX3 (which may sit anywhere)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrTimeML, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "TEXT":
				if texts++; texts > 1 {
					return nil, fmt.Errorf("%w: line %d: a second TEXT element", ErrTimeML, timemlLine(dec))
				}
				if open != nil || openDCT {
					return nil, fmt.Errorf("%w: line %d: TEXT inside a TIMEX3", ErrTimeML, timemlLine(dec))
				}
				inText = true
			case "TIMEX3":
				if open != nil || openDCT {
					return nil, fmt.Errorf("%w: line %d: a TIMEX3 inside a TIMEX3", ErrTimeML, timemlLine(dec))
				}
				x := TimeMLTimex{ID: timemlAttr(t, "tid"), Type: timemlAttr(t, "type"), Value: timemlAttr(t, "value"), Start: text.Len()}
				if timemlAttr(t, "functionInDocument") == "CREATION_TIME" {
					if dcts++; dcts > 1 {
						return nil, fmt.Errorf("%w: line %d: a second creation time", ErrTimeML, timemlLine(dec))
					}
					if !timemlDay.MatchString(x.Value) {
						return nil, fmt.Errorf("%w: line %d: creation time %q is not a date", ErrTimeML, timemlLine(dec), x.Value)
					}
					doc.DCT = x.Value
					openDCT = true
					continue
				}
				if inText {
					open = &x
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText = false
			case "TIMEX3":
				if open != nil {
					open.End = text.Len()
					doc.Timexes = append(doc.Timexes, *open)
				}
				open, openDCT = nil, false
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			}
		}
	}
	switch {
	case texts == 0:
		return nil, fmt.Errorf("%w: no TEXT element", ErrTimeML)
	case dcts == 0:
		return nil, fmt.Errorf("%w: no creation time (a TIMEX3 with functionInDocument=\"CREATION_TIME\")", ErrTimeML)
	}
	doc.Text = text.String()
	for i := range doc.Timexes {
		x := &doc.Timexes[i]
		x.Text = doc.Text[x.Start:x.End]
	}
	return doc, nil
}

// timemlAttr returns the value of the start element's attribute name, "" when
// absent.
func timemlAttr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// timemlLine is the decoder's current line, for error messages.
func timemlLine(dec *xml.Decoder) int {
	l, _ := dec.InputPos()
	return l
}

// timemlDay is a value that starts with a calendar date, as a creation
// time's does ("1998-01-08", "1998-02-27T08:39:00").
var timemlDay = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}(T|$)`)

// The kinds of a scored item: the news.Time form its gold value maps
// onto.
const (
	timemlDayKind     = "day"
	timemlTimeKind    = "time of day" // scored on its day
	timemlMonthKind   = "month"
	timemlYearKind    = "year"
	timemlDecadeKind  = "decade"
	timemlWeekKind    = "week"
	timemlWeekendKind = "weekend"
)

// timemlKinds are the scored kinds, in report order.
var timemlKinds = []string{timemlDayKind, timemlTimeKind, timemlMonthKind, timemlYearKind, timemlDecadeKind, timemlWeekKind, timemlWeekendKind}

// Why a TIMEX3 inside TEXT is left out, in the order the rules apply.
const (
	timemlOutType    = "not DATE or TIME (duration, set)"
	timemlOutYear    = "states its year"
	timemlOutRef     = "PRESENT_REF, PAST_REF, FUTURE_REF"
	timemlOutX       = "unspecified digits (X)"
	timemlOutQuarter = "quarter or half"
	timemlOutSeason  = "season"
	timemlOutOther   = "other value"
)

// timemlOuts are the reasons to leave an item out, in report order.
var timemlOuts = []string{timemlOutType, timemlOutYear, timemlOutRef, timemlOutX, timemlOutQuarter, timemlOutSeason, timemlOutOther}

var (
	// timemlStatedYear is an expression text that states its year: four
	// digits ("1998", "the 1990s"), an apostrophe and two ("'98", "the
	// '80s") or a year in words ("nineteen ninety-six", "the year two
	// thousand"). Such an expression needs no publication date.
	timemlStatedYear = regexp.MustCompile(`(?i)\d{4}|['’‘]\d\d|\bnineteen[- ](hundred|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)|\btwo thousand\b`)
	timemlQuarter    = regexp.MustCompile(`^\d{4}-[QH]\d$`)
	timemlSeason     = regexp.MustCompile(`^\d{4}-(SP|SU|FA|WI)$`)
	// timemlTimeOfDay is a TIME value on a day: a clock time or a part
	// of the day (morning, midday, afternoon, evening, night, daytime).
	timemlTimeOfDay = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})T(\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?|MO|MI|AF|EV|NI|DT)$`)
	timemlWeek      = regexp.MustCompile(`^(\d{4})-W(\d{1,2})(-WE)?$`)
	timemlDecade    = regexp.MustCompile(`^\d{3}$`)
	timemlYear      = regexp.MustCompile(`^\d{4}$`)
)

// timemlSelect decides from the gold alone whether a TIMEX3 inside TEXT is
// scored: a DATE or TIME whose text states no year (its value needs the
// creation time) and whose value maps onto a news.Time form. It returns
// the news.Time value expected and the item's kind, or "" and the reason
// it is left out (docs/timex-timeml.md, "Selection").
func timemlSelect(x TimeMLTimex) (want, kind, out string) {
	v := x.Value
	switch {
	case x.Type != "DATE" && x.Type != "TIME":
		return "", "", timemlOutType
	case timemlStatedYear.MatchString(x.Text):
		return "", "", timemlOutYear
	case strings.HasSuffix(v, "_REF"):
		return "", "", timemlOutRef
	case strings.Contains(v, "X"):
		return "", "", timemlOutX
	case timemlQuarter.MatchString(v):
		return "", "", timemlOutQuarter
	case timemlSeason.MatchString(v):
		return "", "", timemlOutSeason
	}
	if _, err := time.Parse(time.DateOnly, v); err == nil {
		return v, timemlDayKind, ""
	}
	if m := timemlTimeOfDay.FindStringSubmatch(v); m != nil {
		if _, err := time.Parse(time.DateOnly, m[1]); err == nil {
			return m[1], timemlTimeKind, ""
		}
	}
	if _, err := time.Parse("2006-01", v); err == nil {
		return v, timemlMonthKind, ""
	}
	if timemlYear.MatchString(v) {
		return v, timemlYearKind, ""
	}
	if timemlDecade.MatchString(v) {
		return v, timemlDecadeKind, ""
	}
	if m := timemlWeek.FindStringSubmatch(v); m != nil {
		y, _ := strconv.Atoi(m[1])
		w, _ := strconv.Atoi(m[2])
		if mon, ok := isoWeekMonday(y, w); ok {
			if m[3] != "" {
				return timemlRange(mon.AddDate(0, 0, 5), mon.AddDate(0, 0, 6)), timemlWeekendKind, ""
			}
			return timemlRange(mon, mon.AddDate(0, 0, 6)), timemlWeekKind, ""
		}
	}
	return "", "", timemlOutOther
}

// isoWeekMonday returns the Monday of ISO week w of year y; false when the
// year has no such week.
func isoWeekMonday(y, w int) (time.Time, bool) {
	if w < 1 || w > 53 {
		return time.Time{}, false
	}
	// January 4 is always in week 1.
	jan4 := time.Date(y, time.January, 4, 0, 0, 0, 0, time.UTC)
	mon := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
	if yy, ww := mon.ISOWeek(); yy != y || ww != w {
		return time.Time{}, false
	}
	return mon, true
}

// timemlRange writes a day range as news.Time does ("a/b").
func timemlRange(a, b time.Time) string {
	return a.Format(time.DateOnly) + "/" + b.Format(time.DateOnly)
}

// TimeML corpora of TBAQ-cleaned, in report order: the subdirectories of
// TimeMLOptions.Dir.
var timemlCorpora = []string{"TimeBank", "AQUAINT"}

// The halves of the TimeML documents: sorted by file name, alternate ones
// (even positions tune, odd check), fixed before any run.
const (
	timemlTune  = "timeml-tune"
	timemlCheck = "timeml-check"
)

// The halves of the items judged by this project (timex_timeml.tsv): the
// documents of timeml-check that hold one, sorted by name, alternately
// (docs/timex-timeml.md, "Judged by our guidelines").
const (
	timemlOursTune  = "timeml-ours-tune"
	timemlOursCheck = "timeml-ours-check"
)

//go:embed timex_timeml.tsv
var timexTimeML string

// timemlJudged is one TIMEX3 of TBAQ-cleaned judged under this project's
// guidelines (docs/timex-judging.md) by reading its document, without
// its TimeML value or crosscheck's.
type timemlJudged struct {
	half, text string
	// want is the judged news.Time value, "" for unresolved.
	want string
}

// timemlJudgedItems parses timex_timeml.tsv: half, document file name,
// TIMEX3 id, expression text and value, tab-separated, "#" lines
// comments. It keys the items by document and id.
func timemlJudgedItems(name, text string) (map[string]timemlJudged, error) {
	out := map[string]timemlJudged{}
	err := timexRows(name, text, 5, func(line int, f []string) error {
		if f[0] != timemlOursTune && f[0] != timemlOursCheck {
			return fmt.Errorf("%w: %s line %d: half %q", ErrTimexGold, name, line, f[0])
		}
		want := f[4]
		if want == TimexUnresolved {
			want = ""
		} else if !timexValue.MatchString(want) {
			return fmt.Errorf("%w: %s line %d: value %q", ErrTimexGold, name, line, want)
		}
		key := timemlKey(f[1], f[2])
		if _, dup := out[key]; dup {
			return fmt.Errorf("%w: %s line %d: %s %s twice", ErrTimexGold, name, line, f[1], f[2])
		}
		out[key] = timemlJudged{half: f[0], text: f[3], want: want}
		return nil
	})
	return out, err
}

// timemlKey keys a judged item by its document's file name and TIMEX3 id.
func timemlKey(doc, id string) string { return doc + "\t" + id }

// ErrTimeMLSplit reports a TimeMLOptions.Split that is not a half.
var ErrTimeMLSplit = errors.New("eval: timeml: unknown split")

// TimeMLOptions configures RunTimeML.
type TimeMLOptions struct {
	// Dir is TBAQ-cleaned: it holds TimeBank/*.tml and AQUAINT/*.tml.
	Dir string
	// Split is "timeml-tune" or "timeml-check" to score one half and
	// list its misses, "" to score both (no misses listed, so a check of
	// the whole never shows the untouched half's items). With Ours, the
	// halves are "timeml-ours-tune" and "timeml-ours-check".
	Split string
	// Ours scores the items of timex_timeml.tsv against the values this
	// project's judges gave them, instead of every selected TIMEX3
	// against its TimeML value; the report then also counts how often
	// the two values agree.
	Ours bool
	// Log, when set, receives one line per item not placed right, as the
	// report's notes list them (a single half only).
	Log io.Writer
}

// timemlFile is one document of the corpus and its half.
type timemlFile struct {
	corpus, name, path, half string
}

// timemlFiles lists the corpus's documents with their halves: all files
// sorted by name, alternate ones in each half.
func timemlFiles(dir string) ([]timemlFile, error) {
	var out []timemlFile
	for _, c := range timemlCorpora {
		es, err := os.ReadDir(filepath.Join(dir, c))
		if err != nil {
			return nil, fmt.Errorf("eval: timeml: %w", err)
		}
		for _, e := range es {
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".tml") {
				out = append(out, timemlFile{corpus: c, name: e.Name(), path: filepath.Join(dir, c, e.Name())})
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("eval: timeml: no .tml file under %s/{%s}", dir, strings.Join(timemlCorpora, ","))
	}
	slices.SortFunc(out, func(a, b timemlFile) int { return strings.Compare(a.name, b.name) })
	for i := range out {
		out[i].half = timemlTune
		if i%2 == 1 {
			out[i].half = timemlCheck
		}
	}
	return out, nil
}

// RunTimeML scores crosscheck's resolution of the selected TIMEX3s of
// TBAQ-cleaned (timemlSelect) as RunTimex scores the judged sets: each
// document's text goes through pipeline.Analyze with the day of its
// creation time as the publication date, and the gold expression's value
// is that of the time crosscheck found at its span (timexAt: the same
// extent, else the time overlapping it most), right when it is the gold
// value or a time of day on the gold day. An expression in a line the
// cleaner removed, or in a document crosscheck takes for no article,
// gets no time: left unresolved, and counted apart in the notes. Rows:
// the halves, both, each corpus, each kind; the notes count what the
// selection left out, per reason. TestTimeML is its one caller (deadcode
// lists it): the corpus is not in the shared folder, so the command has
// no split for it.
func RunTimeML(ctx context.Context, o TimeMLOptions) (*Report, error) {
	var judged map[string]timemlJudged
	if o.Ours {
		var err error
		if judged, err = timemlJudgedItems("timex_timeml.tsv", timexTimeML); err != nil {
			return nil, err
		}
	}
	return scoreTimeML(ctx, o, judged)
}

// scoreTimeML is RunTimeML with the judged items given (o.Ours).
func scoreTimeML(ctx context.Context, o TimeMLOptions, judged map[string]timemlJudged) (*Report, error) {
	halves := []string{timemlTune, timemlCheck}
	if o.Ours {
		halves = []string{timemlOursTune, timemlOursCheck}
	}
	if o.Split != "" && !slices.Contains(halves, o.Split) {
		return nil, fmt.Errorf("%w %q (want %s, %s or none)", ErrTimeMLSplit, o.Split, halves[0], halves[1])
	}
	files, err := timemlFiles(o.Dir)
	if err != nil {
		return nil, err
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return nil, fmt.Errorf("eval: timeml: %w", err)
	}
	counts := map[string]*timexCounts{}
	count := func(name string) *timexCounts {
		if counts[name] == nil {
			counts[name] = &timexCounts{}
		}
		return counts[name]
	}
	outs := map[string]int{}
	docs, notArticles, removed, timexes := 0, 0, 0, 0
	var misses []string
	// docJudged reports whether a document holds a judged item (Ours).
	docJudged := map[string]bool{}
	for k := range judged {
		doc, _, _ := strings.Cut(k, "\t")
		docJudged[doc] = true
	}
	agree, seen := 0, 0
	for _, f := range files {
		if !o.Ours && o.Split != "" && f.half != o.Split || o.Ours && !docJudged[f.name] {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		b, err := os.ReadFile(f.path)
		if err != nil {
			return nil, fmt.Errorf("eval: timeml: %w", err)
		}
		doc, err := ParseTimeML(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.path, err)
		}
		docs++
		raw := news.Raw{ID: f.name, Input: f.name, Published: doc.DCT[:10], Text: doc.Text}
		a, err := p.Analyze(raw)
		switch {
		case errors.Is(err, pipeline.ErrNotArticle):
			notArticles++
			a = nil
		case err != nil:
			return nil, fmt.Errorf("eval: timeml: %s: %w", f.path, err)
		}
		at, err := timemlBodySpans(doc.Text, a)
		if err != nil {
			return nil, fmt.Errorf("eval: timeml: %s: %w", f.path, err)
		}
		timexes += len(doc.Timexes)
		for _, x := range doc.Timexes {
			want, kind, out := timemlSelect(x)
			half := f.half
			if o.Ours {
				it, ok := judged[timemlKey(f.name, x.ID)]
				if !ok {
					continue
				}
				seen++
				if out != "" || it.text != x.Text {
					return nil, fmt.Errorf("%w: timex_timeml.tsv: %s %s %q is not the selected TIMEX3 %q (%s)", ErrTimexGold, f.name, x.ID, it.text, x.Text, out)
				}
				if it.want == want {
					agree++
				}
				if o.Split != "" && it.half != o.Split {
					continue
				}
				half, want = it.half, it.want
			}
			if out != "" {
				outs[out]++
				continue
			}
			got, same := "", true
			if lo, hi, ok := at(x.Start, x.End); ok {
				if a.Body()[lo:hi] != x.Text {
					return nil, fmt.Errorf("eval: timeml: %s: %s %q mapped to %q", f.path, x.ID, x.Text, a.Body()[lo:hi])
				}
				got, same = timexAt(a, lo, hi)
			} else {
				removed++
			}
			outcome := ""
			for _, row := range []string{half, f.corpus, kind} {
				outcome = count(row).score(got, want, same)
			}
			if outcome == "" {
				continue
			}
			miss := fmt.Sprintf("%s\t%s\t%s/%s\t%s\t%s %q\tgot %q\twant %q (%s)", half, outcome, f.corpus, f.name, doc.DCT, x.ID, x.Text, orUnresolved(got), want, x.Value)
			misses = append(misses, miss)
			if o.Split != "" && o.Log != nil {
				fmt.Fprintln(o.Log, miss)
			}
		}
	}
	r := &Report{Stage: "timeml", Data: o.Dir, Header: timexHeader("part")}
	both := &timexCounts{}
	var rows []string
	for _, h := range halves {
		if c := counts[h]; c != nil {
			both.add(c)
			rows = append(rows, h)
		}
	}
	whole := "timeml"
	if o.Ours {
		whole = "timeml-ours"
	}
	counts[whole] = both
	rows = append(rows, whole)
	rows = append(rows, timemlCorpora...)
	rows = append(rows, timemlKinds...)
	for _, row := range rows {
		count(row).report(r, strings.ReplaceAll(row, " ", "_"))
	}
	r.Notes = append(r.Notes, fmt.Sprintf("TBAQ-cleaned (TempEval-3 training: TimeBank 1.2, AQUAINT), %d documents, %d TIMEX3s inside TEXT, %d scored; halves: documents sorted by file name, alternate ones; selection and conventions: docs/timex-timeml.md", docs, timexes, both.total))
	if o.Ours {
		if seen != len(judged) {
			return nil, fmt.Errorf("%w: timex_timeml.tsv: %d items, %d found in the corpus", ErrTimexGold, len(judged), seen)
		}
		r.Notes = append(r.Notes, fmt.Sprintf("judged by this project's guidelines (timex_timeml.tsv): %d items; the judged value is TimeML's (as selected and mapped) for %d of them (%s%%)", seen, agree, Pct(ratio(agree, seen))))
		r.Add("ours_agree_timeml", ratio(agree, seen))
	}
	r.Notes = append(r.Notes, fmt.Sprintf("documents crosscheck took for no article: %d; scored expressions in lines the cleaner removed: %d (both count as left unresolved)", notArticles, removed))
	for _, out := range timemlOuts {
		if o.Ours {
			break // the judged items are selected ones: none is left out
		}
		r.Notes = append(r.Notes, fmt.Sprintf("left out, %s: %d", out, outs[out]))
		r.Add("out_"+timemlMetricKey(out), float64(outs[out]))
	}
	if o.Split != "" {
		for _, m := range misses {
			r.Notes = append(r.Notes, "miss: "+m)
		}
	}
	return r, nil
}

// timemlMetricKey makes a reason a metric key: its first words, lower
// case, joined by "_" ("not DATE or TIME (duration, set)" gives
// "not_date_or_time").
func timemlMetricKey(s string) string {
	s, _, _ = strings.Cut(s, " (")
	return strings.ToLower(strings.ReplaceAll(strings.ReplaceAll(s, ", ", "_"), " ", "_"))
}

// timemlBodySpans returns a function mapping a span of the TimeML text to
// the analysed article's body: the cleaner keeps each line it does not
// remove, trimmed, as one paragraph, in order, so each paragraph is the
// next line that holds it with nothing but blanks around it. A span
// outside every kept paragraph (in a removed line) maps to nothing, as
// does every span when a is nil (no article). A paragraph found in no
// line is an error: the mapping would be wrong.
func timemlBodySpans(text string, a *news.Article) (func(lo, hi int) (int, int, bool), error) {
	type para struct{ text, body, n int } // where a paragraph starts in text and in the body, its length
	var ps []para
	if a != nil {
		lines := strings.SplitAfter(text, "\n")
		ln, off, body := 0, 0, 0
		for i, p := range a.Paragraphs {
			for ; ln < len(lines); ln++ {
				l := lines[ln]
				if k := strings.Index(l, p); k >= 0 && timemlBlank(l[:k]) && timemlBlank(l[k+len(p):]) {
					ps = append(ps, para{off + k, body, len(p)})
					break
				}
				off += len(l)
			}
			if ln == len(lines) {
				return nil, fmt.Errorf("paragraph %d is no line of the TimeML text", i)
			}
			off += len(lines[ln])
			ln++
			body += len(p) + len(news.ParagraphSep)
		}
	}
	return func(lo, hi int) (int, int, bool) {
		for _, p := range ps {
			if lo >= p.text && hi <= p.text+p.n {
				return lo - p.text + p.body, hi - p.text + p.body, true
			}
		}
		return 0, 0, false
	}, nil
}

// timemlBlank reports whether s holds only white space (or byte-order
// marks), what the cleaner trims off a line.
func timemlBlank(s string) bool {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' }) == ""
}
