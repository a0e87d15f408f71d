package brief

import (
	"hash/fnv"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/say"
	"github.com/crosscheck/crosscheck/internal/text"
)

// Palette is how many outlet colours briefing.css defines ("o0".."o11"):
// a story's first Palette outlets get a colour each; later ones repeat
// them and are told apart by their labels.
const Palette = 12

// notGivenClass is the grey of an outlet not given.
const notGivenClass = "ox"

// Marker is how a story shows one outlet: a colour class and a short
// label (initials), so that outlets are told apart without colour too.
type Marker struct {
	Class string // "o0".."o11", "ox" for news.OutletNotGiven
	Label string // "NPR", "NYT", "FN"; unique within the story
}

// CiteLabel is the label a citation carries after its number: the
// outlet's, or none for an outlet not given ("[1]", not "[1 ?]": a
// question mark after a citation reads as doubt about the claim). The
// outlet's marker in a story's header keeps the "?".
func (m Marker) CiteLabel() string {
	if m.Class == notGivenClass {
		return ""
	}
	return m.Label
}

// Markers gives each outlet name of names (news.OutletName values, in the
// order the story shows its sources) its marker and labels made unique
// within the story. An outlet's colour is its own (homeColour), so that it
// looks alike on every card of the front page and every story page; when
// an earlier outlet of the story holds it, the next free colour, so that a
// story's first Palette outlets never share one. Names compare without
// case.
func Markers(names []string) map[string]Marker {
	out := map[string]Marker{}
	used := map[string]bool{}
	taken := map[int]bool{}
	for _, name := range names {
		key := strings.ToLower(name)
		if _, ok := out[key]; ok {
			continue
		}
		m := Marker{Class: notGivenClass, Label: "?"}
		if name != news.OutletNotGiven {
			c := homeColour(key)
			for i := 0; i < Palette && taken[c]; i++ {
				c = (c + 1) % Palette
			}
			taken[c] = true
			m.Class = "o" + strconv.Itoa(c)
			m.Label = Initials(name)
		}
		base := m.Label
		for i := 2; used[m.Label]; i++ {
			m.Label = base + strconv.Itoa(i)
		}
		used[m.Label] = true
		out[key] = m
	}
	return out
}

// homeColour is the colour an outlet takes when its story leaves it free:
// a hash of its lower-cased name, the same in every story.
func homeColour(key string) int {
	h := fnv.New32a()
	h.Write([]byte(key))
	return int(h.Sum32() % Palette)
}

// minorWords are left out of initials ("The New York Times" is "NYT").
var minorWords = map[string]bool{"the": true, "a": true, "an": true, "of": true, "and": true, "&": true, "for": true, "on": true, "in": true}

// Initials is an outlet's short label: a leading acronym as it is ("NPR
// News" is "NPR", "CNN" "CNN"), else the initials of its words ("Fox
// News" is "FN", "The New York Times" "NYT"), else the first three
// letters of a single word ("Reuters" is "Reu") or, when the word joins
// capitalised parts, their capitals ("HuffPost" is "HP", "YouTube" "YT":
// a truncation such as "Huf" reads as no name); a web host loses its last
// part first ("apnews.com" is "Apn"). At most four letters. Inner
// capitals that do not start a part are the word's own: the capital after
// a leading "Mc" ("McClatchy" is "McC", not "MC": "Mc" is never a word of
// its own, while "Mac" is, so "MacRumors" is "MR"). An apostrophe joins
// a word and a possessive "'s" is none ("Barron's" is "Bar", not "BS").
func Initials(name string) string {
	if strings.Contains(name, ".") && !strings.Contains(name, " ") {
		if i := strings.LastIndexByte(name, '.'); i > 0 {
			name = name[:i]
		}
		name = strings.ReplaceAll(name, ".", " ")
	}
	var words []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '&' && !apostrophe(r) }) {
		w, _ = text.StripPossessive(w)
		w = strings.Map(func(r rune) rune {
			if apostrophe(r) {
				return -1
			}
			return r
		}, w)
		if w != "" && !minorWords[strings.ToLower(w)] {
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return "?"
	}
	first := []rune(words[0])
	if len(first) >= 2 && len(first) <= 4 && strings.ToUpper(words[0]) == words[0] {
		return words[0]
	}
	if len(words) == 1 {
		if caps := capitals(first); len(caps) >= 2 {
			return string(caps[:min(4, len(caps))])
		}
		r := first[:min(3, len(first))]
		return string(unicode.ToUpper(r[0])) + string(r[1:])
	}
	var sb strings.Builder
	for _, w := range words[:min(4, len(words))] {
		sb.WriteRune(unicode.ToUpper([]rune(w)[0]))
	}
	return sb.String()
}

// apostrophe reports the straight and the typographic apostrophe.
func apostrophe(r rune) bool { return r == '\'' || r == '’' }

// capitals are the upper-case letters of a mixed-case word ("HuffPost":
// "HP"), but for the one after a leading "Mc" ("McClatchy": "M"); none for
// a word in one case.
func capitals(word []rune) []rune {
	var caps []rune
	lower := false
	for i, r := range word {
		switch {
		case i == 2 && word[0] == 'M' && word[1] == 'c' && unicode.IsUpper(r):
			// part of the name "Mc" begins
		case unicode.IsUpper(r):
			caps = append(caps, r)
		case unicode.IsLower(r):
			lower = true
		}
	}
	if !lower {
		return nil
	}
	return caps
}

// ArticleTitle is an article's title as every view lists it: "Untitled
// article" when it has none (a page without a title, a text export).
func ArticleTitle(title string) string { return orDefault(title, "Untitled article") }

// StoryTitle is a story's headline as every view lists it: "Untitled
// story" before it has one.
func StoryTitle(title string) string { return orDefault(title, "Untitled story") }

// Stamp is when the archive changed a story, as listings show it next to
// the story's news time: "6 Dec 2026 14:20 UTC".
func Stamp(t time.Time) string { return t.UTC().Format("2 Jan 2006 15:04") + " UTC" }

// When is a publication time as a story's header shows it: "12 Apr 2017
// 20:05 UTC", or "12 Apr 2017" for a bare date; s itself when it does not
// read as a time, news.NoDate when empty.
func When(s string) string {
	t, ok := PublishedTime(s)
	switch {
	case strings.TrimSpace(s) == "":
		return news.NoDate
	case !ok:
		return s
	case t.Equal(t.Truncate(24*time.Hour)) && len(strings.TrimSpace(s)) <= len("2006-01-02"):
		return t.Format("2 Jan 2006")
	}
	return t.Format("2 Jan 2006 15:04") + " UTC"
}

// firstReported is the index of the source that was published strictly
// before every other dated one, -1 when none is (no dates, or a tie for
// the earliest, as with bare dates on the same day).
func firstReported(srcs []news.Source) int {
	best, tie := -1, false
	var bt time.Time
	for i, s := range srcs {
		t, ok := PublishedTime(s.Published)
		if !ok {
			continue
		}
		switch {
		case best < 0 || t.Before(bt):
			best, bt, tie = i, t, false
		case t.Equal(bt):
			tie = true
		}
	}
	if tie || len(srcs) < 2 {
		return -1
	}
	return best
}

// Counts words a story's coverage, the same wherever it is shown:
// "3 articles · 2 outlets · 2 independent sources".
func Counts(c news.Coverage) string {
	return say.Count(c.Articles, "article", "articles") + " · " + say.Count(c.Outlets, "outlet", "outlets") + " · " +
		say.Count(c.Independent, "independent source", "independent sources")
}

// NotBriefed words the coverage of a story whose briefing is not written
// yet, when only its articles are counted: "2 articles · not briefed yet".
func NotBriefed(articles int) string {
	return say.Count(articles, "article", "articles") + " · not briefed yet"
}
