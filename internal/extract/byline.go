package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/text"
)

// rxBylinePrefix matches a leading "By"/"Written by"/"Von"/"Par"/"Por"
// ("By Jane Doe" -> "Jane Doe"). Italian "di" is left out: it also opens
// surnames ("Di Maio").
var rxBylinePrefix = text.LazyRegexp(`(?i)^(?:(?:written|words|reporting|text|story)\s+)?(?:by|von|par|por)\s*[:\-]?\s+`)

// rxBylineSeparator splits a list of names: ";", ",", "|", "/", "&",
// " and ", " und ", " et " ("A, B and C" -> A | B | C). Spanish and
// Portuguese " y "/" e " are left out: they also join surnames ("Ortega y
// Gasset").
var rxBylineSeparator = text.LazyRegexp(`\s*(?:[;,|/&]|\s(?:and|und|et)\s)\s*`)

// rxBylineRole matches an entry that names a job or a desk rather than a
// person ("AP Auto Writer", "Staff Reports", "Detroit News wire services
// Published").
var rxBylineRole = text.LazyRegexp(`(?i)\b(?:writer|correspondent|reporter|editor|editors|staff|contributor|columnist|producer|wire services|published|updated)\b`)

// bylineCredentials are post-nominal letters that a comma separates from a
// name ("Rachael Link, MS, RD"); such entries are dropped.
var bylineCredentials = map[string]bool{
	"MS": true, "MA": true, "MSc": true, "BSc": true, "BA": true, "RD": true,
	"RDN": true, "LD": true, "CDE": true, "PhD": true, "MD": true, "MPH": true,
	"RN": true, "MBA": true, "JD": true, "DO": true, "CPT": true, "Jr": true,
	"Sr": true,
}

// wireAgencies are news agencies that a byline names after the writer
// ("Jill Lawless Associated Press" -> "Jill Lawless"); alone they are kept
// ("Associated Press"), since they tell who wrote the story.
var wireAgencies = []string{"Associated Press", "Reuters", "AFP", "AP", "dpa", "PTI", "UPI"}

// splitByline splits trafilatura's author field ("A; B", "By A and B") into
// names and tidies each (see tidyBylineEntry). site is the page's site name:
// an entry that names the site is dropped when another name remains ("Troy
// L Smith, Cleveland.com" on cleveland.com -> "Troy L Smith"). The order of
// the page is kept and duplicates are listed once.
func splitByline(s, site string) []string {
	s = collapseSpace(s)
	if s == "" {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, part := range rxBylineSeparator().Split(s, -1) {
		name := tidyBylineEntry(part)
		if name == "" || seen[name] {
			continue
		}
		seen[name] = true
		out = append(out, name)
	}
	if len(out) > 1 {
		kept := out[:0]
		for _, name := range out {
			if !namesSite(name, site) {
				kept = append(kept, name)
			}
		}
		out = kept
	}
	return out
}

// tidyBylineEntry returns one byline entry cleaned, or "" when it is not a
// name: the "By" prefix, trailing month names and wire-agency suffixes are
// removed, job titles and credentials rejected, and an all-capitals name is
// written in title case ("TOM KRISHER" -> "Tom Krisher").
func tidyBylineEntry(s string) string {
	s = strings.TrimFunc(rxBylinePrefix().ReplaceAllString(s, ""), isBylineTrim)
	if s == "" || !hasLetter(s) || rxBylineRole().MatchString(s) || bylineCredentials[strings.ReplaceAll(s, ".", "")] {
		return ""
	}
	words := strings.Fields(s)
	// A month after a name of two words or more is a date's remains;
	// a two-word name may end in one ("Theresa May").
	for len(words) > 2 && text.IsMonth(strings.ToLower(strings.TrimSuffix(words[len(words)-1], "."))) {
		words = words[:len(words)-1]
	}
	if len(words) == 1 && text.IsMonth(strings.ToLower(strings.TrimSuffix(words[0], "."))) {
		return ""
	}
	s = strings.Join(words, " ")
	for _, a := range wireAgencies {
		if len(s) > len(a)+1 && strings.HasSuffix(s, " "+a) {
			s = strings.TrimSpace(strings.TrimSuffix(s, a))
			break
		}
	}
	if isAllUpper(s) && utf8.RuneCountInString(s) > 4 {
		s = titleCase(s)
	}
	return s
}

// namesSite reports whether a byline entry names the site rather than a
// person: the words of one begin with all the words of the other, ignoring
// case and punctuation ("Cleveland com" for "Cleveland", "CNN Business" for
// "CNN", "Business Insider" for "Business Insider Deutschland").
func namesSite(name, site string) bool {
	sw := strings.FieldsFunc(strings.ToLower(site), isNotAlnum)
	nw := strings.FieldsFunc(strings.ToLower(name), isNotAlnum)
	if len(sw) == 0 || len(nw) == 0 {
		return false
	}
	for i := 0; i < len(sw) && i < len(nw); i++ {
		if sw[i] != nw[i] {
			return false
		}
	}
	return true
}

func isNotAlnum(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// isBylineTrim reports characters trimmed from the ends of a name: spaces
// and punctuation other than a closing period of an initial ("Jr.").
func isBylineTrim(r rune) bool {
	return unicode.IsSpace(r) || (unicode.IsPunct(r) && r != '.' && r != '\'' && r != '’')
}

// hasLetter reports whether s has a letter.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// isAllUpper reports whether s has letters and none of them is lower case.
func isAllUpper(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}

// titleCase writes each word with a capital first letter, also after a
// hyphen or apostrophe ("JEAN-PAUL O'NEIL" -> "Jean-Paul O'Neil").
func titleCase(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	start := true
	for _, r := range s {
		if start {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}
	return b.String()
}
