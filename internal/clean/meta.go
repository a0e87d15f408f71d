package clean

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck/internal/text"
)

var bylineSplitRe = text.LazyRegexp(`\s*(?:,|;|\||\s&\s|\s(?i:and)\s)\s*`)

// bylineNames returns the people named by a "By X and Y" line: each part of
// two to four capitalised tokens; all-caps names are title-cased. Example:
// "By BILL CHAPPELL and Jane Doe, Reuters" → [Bill Chappell, Jane Doe].
func bylineNames(t string) []string {
	m := bylineRe().FindStringSubmatch(t)
	if m == nil {
		return nil
	}
	var out []string
	for _, p := range bylineSplitRe().Split(m[1], -1) {
		p = strings.TrimRight(strings.TrimSpace(p), ".")
		f := strings.Fields(p)
		if len(f) < 2 || len(f) > 4 || !nameShaped(p) || agencyRe().MatchString(p) {
			continue
		}
		if strings.ToUpper(p) == p {
			p = titleWords(p)
		}
		out = append(out, p)
	}
	return out
}

func titleWords(s string) string {
	f := strings.Fields(strings.ToLower(s))
	for i, w := range f {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		f[i] = string(r)
	}
	return strings.Join(f, " ")
}

const monthPat = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`

var (
	mdyRe    = text.LazyRegexp(`(?i)\b` + monthPat + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	dmyRe    = text.LazyRegexp(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+` + monthPat + `,?\s+(\d{4})\b`)
	isoRe    = text.LazyRegexp(`\b(\d{4})-(\d{2})-(\d{2})(?:T|\b)`)
	timeRe   = text.LazyRegexp(`(?i)\b\d{1,2}(?::\d{2}){1,2}\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?`)
	fillerRe = text.LazyRegexp(`(?i)\b(published|posted|first published|on|at|date|and|(mon|tues|wednes|thurs|fri|satur|sun)day|(mon|tue|wed|thu|fri|sat|sun)\.?|[ECMP][SD]?T|GMT|UTC|BST|CET|CEST)\b|T\d\d:\d\d(:\d\d)?(Z|[+-]\d\d:?\d\d)?`)
)

// standaloneDate reports whether t states a full date and, besides times,
// weekdays, time zones and words like "Published", nothing else.
// Example: "Published April 12, 2017 5:45 PM ET" (but not "Updated at
// 5:45 p.m. ET", nor a sentence that mentions a date).
func standaloneDate(t string) bool {
	loc := dateLoc(t)
	if loc == nil {
		return false
	}
	rest := t[:loc[0]] + " " + t[loc[1]:]
	rest = timeRe().ReplaceAllString(rest, " ")
	rest = fillerRe().ReplaceAllString(rest, " ")
	n := 0
	for _, w := range strings.Fields(rest) {
		if hasAlnum(w) {
			n++
		}
	}
	return n == 0
}

func dateLoc(t string) []int {
	for _, re := range []func() *regexp.Regexp{mdyRe, dmyRe, isoRe} {
		if loc := re().FindStringIndex(t); loc != nil {
			return loc
		}
	}
	return nil
}

// isoDate returns the first full date in t as YYYY-MM-DD, or "".
func isoDate(t string) string {
	var y, mo, d int
	if m := mdyRe().FindStringSubmatch(t); m != nil {
		mo, d, y = monthNum(m[1]), atoi(m[2]), atoi(m[3])
	} else if m := dmyRe().FindStringSubmatch(t); m != nil {
		d, mo, y = atoi(m[1]), monthNum(m[2]), atoi(m[3])
	} else if m := isoRe().FindStringSubmatch(t); m != nil {
		y, mo, d = atoi(m[1]), atoi(m[2]), atoi(m[3])
	}
	if y < 1900 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// monthNum reads a month name or abbreviation by its first three letters
// ("Sept." and "September" are 9), 0 when it names none.
func monthNum(s string) int {
	s = strings.ToLower(s)
	if len(s) < 3 {
		return 0
	}
	m, _ := text.Month(s[:3])
	return int(m)
}

var (
	rightsRe        = text.LazyRegexp(`(?i)\s*\ball rights reserved\b.*$`)
	copyrightNameRe = text.LazyRegexp(`(?i:©|\(c\)|copyright)(?:\s*(?:©|\(c\)|\d{4}(?:\s*[-–]\s*\d{4})?|,))*\s*(?:(?i:by)\s+)?(\p{Lu}[\p{L}\p{N}&'’\-]*(?:\s+[\p{Lu}&][\p{L}\p{N}&'’.\-]*)*)`)
	visitRe         = text.LazyRegexp(`(?i)\bvisit\s+((?:https?://)?(?:www\.)?[a-z0-9\-]+\.[a-z.]+)`)
)

// copyrightName returns the holder named by a copyright line. Examples:
// "Copyright 2020 NPR. To see more..." → "NPR"; "© 2024 WFSU Public Media"
// → "WFSU Public Media".
func copyrightName(t string) string {
	t = rightsRe().ReplaceAllString(t, "")
	m := copyrightNameRe().FindStringSubmatch(t)
	if m == nil {
		return ""
	}
	return strings.TrimRight(m[1], ".,;:-– ")
}

// visitName returns the site named by "visit https://www.npr.org": its
// registrable label, upper-cased when it is an acronym-length label.
func visitName(t string) string {
	m := visitRe().FindStringSubmatch(t)
	if m == nil {
		return ""
	}
	raw := m[1]
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	label, _, _ := strings.Cut(host, ".")
	if label == "" {
		return ""
	}
	if len(label) <= 4 {
		return strings.ToUpper(label)
	}
	return strings.ToUpper(label[:1]) + label[1:]
}

// findOutlet picks the publisher from copyright and syndication lines.
// Preference: a syndication notice ("Copyright 2020 NPR. To see more,
// visit ...") over a copyright line below the body over a head-zone site
// footer ("© 2024 WFSU Public Media", the carrier, not the author).
func findOutlet(ls []line, first, last int, res *Result) {
	best, bestScore := "", 0
	for i := range ls {
		l := &ls[i]
		if l.reason != ReasonCopyright && l.reason != ReasonSyndication {
			continue
		}
		name := copyrightName(l.text)
		score := 1
		if l.reason == ReasonSyndication {
			score = 3
			if name == "" {
				name = visitName(l.text)
			}
		} else if last >= 0 && i > last {
			score = 2
		}
		if name != "" && score >= bestScore {
			best, bestScore = name, score
		}
	}
	if best != "" {
		res.Outlet, res.OutletFrom = best, "text"
	}
}

var datelineRe = text.LazyRegexp(`^(\p{Lu}[\p{Lu}'.\-]+(?:\s\p{Lu}[\p{Lu}'.\-]+){0,3})(?:,\s*\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+){0,2})?\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--|-)\s`)

// dateline returns the all-caps place opening a paragraph. Examples:
// "MOSCOW — Secretary..." → "MOSCOW"; "WASHINGTON (Reuters) - ..." →
// "WASHINGTON"; "NEW YORK, N.Y. — ..." → "NEW YORK".
func dateline(p string) string {
	m := datelineRe().FindStringSubmatch(p)
	if m == nil || len(m[1]) < 3 {
		return ""
	}
	return m[1]
}
