// Package quantity finds numbers with their units and qualifiers in article
// text ("nearly two hours", "more than 80 people dead", "$4 million",
// "40%", "the eighth time") and decides whether two quantities from
// different sources can both be true.
//
// It consumes news.Article.Paragraphs and produces news.Article.Quantities,
// with byte offsets into Article.Body().
//
// # What is a quantity
//
// Numbers written as digits ("80", "1,200", "3.5", "$4 million", "40%") or
// words ("two", "twenty-five", "a dozen"; "hundreds of", "dozens of" are
// approximate; "eighth", "21st" are ordinals), followed by a unit:
//
//   - durations: second, minute, hour, day, week, month, year, decade
//     ("six-year-old" is 6 years, "a two-hour meeting" 2 hours);
//   - money: a currency sign or word, Unit an ISO code ("USD", "EUR",
//     "GBP", ...), with million/billion multipliers applied to Value;
//   - percent: "40%", "40 percent", Unit "percent";
//   - distance (km, mile, m, ft) and weight (kg, ton);
//   - people: "80 people", "80 dead", "more than 80 people dead" — Unit
//     "people", or "people killed" / "people injured" when a casualty word
//     follows, so that a death toll is never compared with a count of the
//     injured;
//   - any other counted noun, lemmatised ("two foremost nuclear powers" has
//     Unit "power").
//
// Not quantities: years ("in 2003", but "2003 votes" is a count), dates
// ("April 4"), times of day ("8 p.m.", "5:45"), phone numbers and other
// digit groups joined by "-", "/" or ":", numbers glued to letters ("G20",
// "F-16"), "No. 1", and number words without a countable noun after them
// ("one of them", "the two met").
//
// # Conflict semantics
//
// Conflict is built for precision: a false contradiction destroys trust, a
// missed one only loses a finding. Each quantity is read as an interval of
// canonical values (see Canonical):
//
//   - Exact: [v, v]; a round number (two hours, 80, 1,500, 4 million) is
//     often rounded by the writer, so it gets ±5%.
//   - Approximate "about, around, roughly, some, approximately, an estimated,
//     or so": [0.85v, 1.15v].
//   - Approximate "nearly, almost, close to, just under": [0.8v, v) — below v.
//   - AtLeast "more than, over, upwards of, in excess of": (v, ∞); "at least,
//     no fewer than, or more": [v, ∞).
//   - AtMost "less than, under, fewer than": [0, v); "up to, at most, no more
//     than, as many as": [0, v].
//   - Vague plurals: "dozens of" [24, 144), "hundreds of" [200, 1000),
//     "thousands of" [2000, 10000), and so on.
//   - Ordinals: the single value v.
//
// Two quantities conflict when they are Compatible and their intervals do
// not overlap; a quantity never conflicts with itself. Conflict only says
// whether two values can both be true of one thing: deciding that two
// quantities are about the same thing (the same meeting, the same toll) is
// the caller's job. So "nearly two hours" [1.6, 2) and "more than two hours"
// (2, ∞) conflict; "nearly two hours" and "almost two hours" do not; "more
// than 80 people" and "86 people" do not; "about 80" [68, 92] and "100"
// conflict.
package quantity

import (
	"math"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// Finder fills an article's quantities. Its tables are read-only package
// data, so a Finder is cheap to build and safe for concurrent use.
type Finder struct{}

// New returns a Finder.
func New() *Finder { return &Finder{} }

// Analyze fills a.Quantities from a.Body(). It is the last stage of the
// analysis chain (pipeline.Stage) and never fails.
func (f *Finder) Analyze(a *news.Article) error {
	a.Quantities = Parse(a.Body())
	return nil
}

// Parse returns the quantities in s, with offsets relative to s.
func Parse(s string) []news.Quantity {
	ts := text.Scan(s, text.ASCIILower(s))
	var out []news.Quantity
	for i := 0; i < len(ts); {
		if !mayStart(ts[i]) {
			i++
			continue
		}
		q, next, ok := quantityAt(ts, i)
		if !ok {
			i++
			continue
		}
		q.Text = s[q.Start:q.End]
		out = append(out, q)
		i = next
	}
	return out
}

// mayStart is a cheap gate: only digits, currency signs and number words
// can start a quantity.
func mayStart(t text.Lexeme) bool {
	switch t.Kind {
	case text.LexNum:
		return true
	case text.LexPunct:
		_, ok := currencySigns[t.S]
		return ok
	case text.LexWord:
		return numberStarts[t.S]
	}
	return false
}

// numberStarts are the words that can begin a number.
var numberStarts = buildNumberStarts()

func buildNumberStarts() map[string]bool {
	m := map[string]bool{"a": true, "an": true}
	for w := range cardinalWords {
		m[w] = true
	}
	for w := range ordinalWords {
		m[w] = true
	}
	for w := range vagueRanges {
		m[w] = true
	}
	return m
}

// toks is the scanned text the rules match over (text.Scan's lexemes).
type toks = text.Lexemes

// number is a parsed number before its unit.
type number struct {
	value      float64
	start      int // first token
	next       int // token after the number (and multiplier)
	ordinal    bool
	word       bool   // written as words
	vague      string // "hundreds", "dozens"... for "hundreds of"
	currency   string // from a leading sign: "USD"
	multiplied bool
}

// quantityAt tries to read a quantity whose number starts at token i (or
// whose currency sign does).
func quantityAt(ts toks, i int) (news.Quantity, int, bool) {
	n, ok := numberAt(ts, i)
	if !ok {
		return news.Quantity{}, 0, false
	}
	u, uEnd, ok := unitAfter(ts, n)
	if !ok || temporalAfter(ts, uEnd) {
		return news.Quantity{}, 0, false
	}
	q := news.Quantity{Value: n.value, Unit: u, Start: ts[n.start].Start, End: ts[uEnd-1].End}
	if n.ordinal {
		q.Qualifier = news.Ordinal
		return q, uEnd, true
	}
	if qs, qual := qualifierBefore(ts, n.start); qual != "" {
		q.Qualifier, q.Start = qual, ts[qs].Start
	}
	next := uEnd
	if q.Qualifier == news.Exact {
		if qual, k := qualifierAfter(ts, uEnd); qual != "" {
			q.Qualifier, q.End, next = qual, ts[k-1].End, k
		}
	}
	if n.vague != "" && q.Qualifier == news.Exact {
		q.Qualifier = news.Approximate
	}
	return q, next, true
}

// numberAt reads a number at token i: an optional currency sign, digits or
// number words, and an optional multiplier ("million").
func numberAt(ts toks, i int) (number, bool) {
	n := number{start: i}
	j := i
	if c, ok := currencySigns[ts[j].S]; ok && ts[j].Kind == text.LexPunct {
		if ts.Kind(j+1) != text.LexNum || !ts.Adjacent(j+1) {
			return n, false
		}
		// "US$4": the "US" is part of the sign.
		n.currency = c
		j++
	}
	switch ts[j].Kind {
	case text.LexNum:
		v, ok := digitsValue(ts, j)
		if !ok {
			return n, false
		}
		n.value = v
		j++
		// Ordinal suffix "21st", "4th".
		switch ts.Word(j) {
		case "st", "nd", "rd", "th":
			if ts.Adjacent(j) {
				if n.currency != "" || !isInt(v) {
					return n, false
				}
				n.ordinal = true
				n.next = j + 1
				return n, !isDateDay(ts, i, j+1)
			}
		case "m", "bn", "b", "k":
			if ts.Adjacent(j) && n.currency != "" {
				n.value *= suffixMultipliers[ts.Word(j)]
				n.multiplied = true
				j++
			}
		}
		if ts.Kind(j) == text.LexWord && ts.Adjacent(j) && !n.multiplied && !strings.HasPrefix(ts.Word(j), "s") {
			// "10km", "5kg" are fine; other glued letters are codes.
			if _, ok := gluedUnits[ts.Word(j)]; !ok {
				return n, false
			}
		}
	case text.LexWord:
		if n.currency != "" {
			return n, false
		}
		v, k, ord, vague, ok := wordsValue(ts, j)
		if !ok || (ts.Word(j) == "one" && pronounOne[ts.Word(j-1)]) {
			return n, false
		}
		n.value, n.ordinal, n.vague, n.word = v, ord, vague, true
		j = k
		if ord && ts.Is(i-1, "-") && ts.Adjacent(i) { // a fraction: "one-fifth"
			return n, false
		}
		if ord {
			n.next = j
			return n, true
		}
	default:
		return n, false
	}
	if m, ok := multipliers[ts.Word(j)]; ok && n.vague == "" {
		n.value *= m
		n.multiplied = true
		j++
	}
	n.next = j
	if ts[i].Kind == text.LexNum && excludedNumber(ts, i, j) {
		return n, false
	}
	return n, true
}

func isInt(v float64) bool { return v == math.Trunc(v) }

// digitsValue parses "80", "1,200", "3.5" (commas must group by threes).
func digitsValue(ts toks, i int) (float64, bool) {
	s := ts[i].S
	if strings.ContainsAny(s, ":/-") {
		return 0, false
	}
	if strings.Count(s, ".") > 1 {
		return 0, false
	}
	if strings.Contains(s, ",") {
		intPart := s
		if k := strings.IndexByte(s, '.'); k >= 0 {
			intPart = s[:k]
		}
		groups := strings.Split(intPart, ",")
		if len(groups[0]) > 3 || len(groups[0]) == 0 {
			return 0, false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, false
			}
		}
		s = strings.ReplaceAll(s, ",", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// excludedNumber reports digits that are not quantities: a year, the day of
// a date ("April 4", "4 April"), a time of day ("8 p.m."), "No. 1", a code
// glued to letters ("G20", "F-16"), part of a digit group ("555 1234").
func excludedNumber(ts toks, i, next int) bool {
	s := ts[i].S
	prev := ts.Word(i - 1)
	// Codes glued to letters: "G20", "F-16", "COVID-19".
	if ts.Kind(i-1) == text.LexWord && ts.Adjacent(i) {
		return true
	}
	if ts.Is(i-1, "-") && ts.Adjacent(i) && ts.Kind(i-2) == text.LexWord && ts.Adjacent(i-1) {
		return true
	}
	// A decade or age band: "the 1990s", "her early 20s".
	if ts.Word(i+1) == "s" && ts.Adjacent(i+1) {
		return true
	}
	// Part of a digit group or a range handled elsewhere: "555 1234".
	if ts.Kind(i+1) == text.LexNum || ts.Kind(i-1) == text.LexNum {
		return true
	}
	// "No. 1", "#3", "page 4", "Route 66", "'08", "007".
	if ts.Is(i-1, "#") || numberLabels[prev] || (ts.Is(i-1, ".") && ts.Word(i-2) == "no") {
		return true
	}
	if (ts.Is(i-1, "'") || ts.Is(i-1, "’")) && ts.Adjacent(i) || len(s) > 1 && s[0] == '0' && s[1] != '.' {
		return true
	}
	// A number naming something after a capitalised word that is not the
	// start of a sentence: "Fortune 500 companies", "School 285".
	if ts.Kind(i-1) == text.LexWord && ts[i-1].Upper && ts.Kind(i-2) != text.LexBreak && i >= 2 && ts.Kind(i-2) != text.LexPunct &&
		!text.IsMonth(prev) && !ts.Is(next, "%") && ts.Word(next) != "percent" {
		return true
	}
	// Dates: "April 4", "Apr. 4", "4 April".
	if isDateDay(ts, i, next) {
		return true
	}
	// Times of day: "8 p.m.", "8 pm", "8 o'clock".
	switch ts.Word(i + 1) {
	case "am", "pm":
		return true
	case "a", "p":
		if ts.Is(i+2, ".") && ts.Word(i+3) == "m" {
			return true
		}
	case "o":
		return ts.Is(i+2, "'") || ts.Is(i+2, "’")
	}
	// Years: four digits in [1500, 2100] not followed by a currency, percent
	// or plural noun and not preceded by a qualifier ("in 2003" is a year,
	// "2003 votes" and "about 2000" are counts).
	if len(s) == 4 && !strings.ContainsAny(s, ".,") && next == i+1 && !ts.Is(i-1, "$") {
		y, _ := strconv.Atoi(s)
		if y >= 1500 && y <= 2100 {
			w := ts.Word(i + 1)
			plural := len(w) > 3 && strings.HasSuffix(w, "s") && !yearPluralOK[w]
			if !plural && !ts.Is(i+1, "%") && w != "percent" && !qualifierWords[prev] && !unitWordsAll(w) {
				return true
			}
		}
	}
	return false
}

// unitWordsAll reports whether w is a known unit or casualty word.
func unitWordsAll(w string) bool {
	if _, ok := durationUnits[w]; ok {
		return true
	}
	if _, ok := measureUnits[w]; ok {
		return true
	}
	if _, ok := currencyWords[w]; ok {
		return true
	}
	return peopleNouns[w] || casualtyWords[w] != ""
}

// isDateDay reports whether the number at i (ending before token next) is
// the day of a date: after a month name ("April 4", "Apr. 4") or before one
// ("4 April", "4th of April").
func isDateDay(ts toks, i, next int) bool {
	if len(ts[i].S) > 2 {
		return false
	}
	p := i - 1
	if ts.Is(p, ".") {
		p--
	}
	if w := ts.Word(p); text.IsMonth(w) && ts[p].Upper {
		return true
	}
	k := next
	if ts.Word(k) == "of" {
		k++
	}
	if w := ts.Word(k); text.IsMonth(w) && ts[k].Upper {
		return true
	}
	return false
}

// wordsValue reads a number in words at token i: "two", "twenty-five",
// "a dozen", "two hundred", "hundreds of" (vague), "eighth" (ordinal).
func wordsValue(ts toks, i int) (v float64, next int, ordinal bool, vague string, ok bool) {
	w := ts.Word(i)
	if o, ok := ordinalWords[w]; ok {
		return o, i + 1, true, "", true
	}
	if r, ok := vagueRanges[w]; ok && ts.Word(i+1) == "of" {
		// "tens of thousands", "hundreds of millions": scale by the second.
		if base, ok := vagueBases[ts.Word(i+2)]; ok {
			return r[0] * base, i + 3, false, w, true
		}
		return r[0], i + 1, false, w, true
	}
	if w == "a" || w == "an" {
		switch nw := ts.Word(i + 1); nw {
		case "dozen", "hundred", "thousand", "million", "billion":
			return cardinalWords[nw], i + 2, false, "", true
		}
		return 0, 0, false, "", false
	}
	c, ok := cardinalWords[w]
	if !ok || c >= 100 || w == "dozen" { // "hundred", "dozen" start a number only after "a"
		return 0, 0, false, "", false
	}
	j := i + 1
	if ts.Is(j, "-") && ts.Adjacent(j) && c >= 20 && c < 100 {
		if u, ok := cardinalWords[ts.Word(j+1)]; ok && u < 10 {
			return c + u, j + 2, false, "", true
		}
		if o, ok := ordinalWords[ts.Word(j+1)]; ok && o < 10 { // "twenty-first"
			return c + o, j + 2, true, "", true
		}
	}
	if ts.Word(j) == "hundred" && c < 100 {
		c *= 100
		j++
	}
	return c, j, false, "", true
}

// unitAfter finds the unit of number n: the tokens right after it. It
// returns the unit and the index after the unit's last token; ok is false
// when the number has no acceptable unit (a number word without a noun).
func unitAfter(ts toks, n number) (string, int, bool) {
	j := n.next
	if n.currency != "" {
		return n.currency, j, true
	}
	if n.vague != "" && ts.Word(j) == "of" {
		j++
	}
	if ts.Is(j, "%") {
		return "percent", j + 1, true
	}
	w := ts.Word(j)
	switch w {
	case "percent":
		return "percent", j + 1, true
	case "per":
		if ts.Word(j+1) == "cent" {
			return "percent", j + 2, true
		}
	case "percentage":
		if ts.Word(j+1) == "points" || ts.Word(j+1) == "point" {
			return "percentage point", j + 2, true
		}
	}
	// Adjectival "six-year-old", "two-hour", "10-mile".
	if ts.Is(j, "-") && ts.Adjacent(j) && ts.Adjacent(j+1) {
		u := ts.Word(j + 1)
		if d, ok := durationUnits[u]; ok {
			k := j + 2
			if ts.Is(k, "-") && ts.Word(k+1) == "old" {
				k += 2
			}
			return d.name, k, !n.ordinal
		}
		if m, ok := measureUnits[u]; ok {
			return m.name, j + 2, !n.ordinal
		}
		return "", 0, false
	}
	if ts.Kind(j) == text.LexWord && ts.Adjacent(j) { // "10km"
		if g, ok := gluedUnits[w]; ok {
			return g, j + 1, true
		}
	}
	if w == "pound" || w == "pounds" { // money only with a multiplier: "5 million pounds"
		if n.multiplied || n.vague != "" {
			return "GBP", j + 1, true
		}
		return "lb", j + 1, !n.ordinal
	}
	if c, ok := currencyWords[w]; ok && !n.ordinal {
		return c, j + 1, true
	}
	if d, ok := durationUnits[w]; ok {
		return d.name, j + 1, true
	}
	if m, ok := measureUnits[w]; ok && !n.ordinal {
		return m.name, j + 1, true
	}
	if r := casualtyWords[w]; r != "" && !n.ordinal {
		return "people " + r, j + 1, true
	}
	if peopleNouns[w] {
		if r := casualtyWords[ts.Word(j+1)]; r != "" {
			return "people " + r, j + 2, true
		}
		return "people", j + 1, true
	}
	// A counted noun: for a count other than one, the first plural noun
	// within four words ("two foremost nuclear powers"); for one or an
	// ordinal, the next word.
	if n.ordinal || n.value == 1 {
		// Skip a hyphenated modifier: "first face-to-face meetings".
		k := j
		for ts.Is(k+1, "-") && ts.Adjacent(k+1) && ts.Kind(k+2) == text.LexWord && ts.Adjacent(k+2) {
			k += 2
		}
		if k > j && ts.Kind(k+1) == text.LexWord && !stopWords[ts.Word(k+1)] {
			return lemma(ts.Word(k + 1)), k + 2, true
		}
		if w == "" || stopWords[w] || ts[j].Upper || k > j {
			return "", 0, false
		}
		if (ordinalAdjectives[w] || adjectival(w)) && ts.Kind(j+1) == text.LexWord && !stopWords[ts.Word(j+1)] && !ts[j+1].Upper {
			j++ // "the second straight day", "the first presidential debate"
			w = ts.Word(j)
		}
		if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly") || ordinalAdjectives[w] {
			return "", 0, false
		}
		return lemma(w), j + 1, true
	}
	for k := j; k < j+4 && ts.Kind(k) == text.LexWord; k++ {
		x := ts.Word(k)
		if stopWords[x] {
			break
		}
		if irregularPlurals[x] != "" {
			return irregularPlurals[x], k + 1, true
		}
		if isPlural(x) {
			if c := casualtyWords[ts.Word(k+1)]; c != "" && personLike(x) {
				return "people " + c, k + 2, true
			}
			return lemma(x), k + 1, true
		}
	}
	if n.word {
		return "", 0, false
	}
	return "", j, true
}

// isPlural is a cheap plural test for a lower-case noun.
func isPlural(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// personLike reports plural nouns for people ("civilians", "soldiers").
func personLike(w string) bool {
	return strings.HasSuffix(w, "ians") || strings.HasSuffix(w, "ers") || strings.HasSuffix(w, "ists") ||
		strings.HasSuffix(w, "ants") || strings.HasSuffix(w, "ents") || w == "troops" || w == "victims" || w == "children"
}

// lemma returns a singular form of a lower-case noun.
func lemma(w string) string {
	if s := irregularPlurals[w]; s != "" {
		return s
	}
	switch {
	case !isPlural(w):
		return w
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	default:
		return w[:len(w)-1]
	}
}

// qualifierBefore reads a qualifier ending right before token i (skipping a
// currency sign is not needed: the sign is part of the number). It returns
// the qualifier's first token.
func qualifierBefore(ts toks, i int) (int, string) {
	w1, w2, w3 := ts.Word(i-1), ts.Word(i-2), ts.Word(i-3)
	if q, ok := qualifierPhrases3[w3+" "+w2+" "+w1]; ok && w3 != "" {
		return i - 3, q
	}
	if q, ok := qualifierPhrases2[w2+" "+w1]; ok && w2 != "" {
		return i - 2, q
	}
	if q, ok := qualifierSingle[w1]; ok {
		return i - 1, q
	}
	return 0, ""
}

// qualifierAfter reads "or more", "or so", "or fewer" after a quantity.
func qualifierAfter(ts toks, j int) (string, int) {
	if ts.Word(j) != "or" {
		return "", 0
	}
	switch ts.Word(j + 1) {
	case "more":
		return news.AtLeast, j + 2
	case "so":
		return news.Approximate, j + 2
	case "fewer", "less":
		return news.AtMost, j + 2
	}
	return "", 0
}

// temporalAfter reports a quantity that is really a time expression:
// "three years ago", "two days later", "a week earlier" (left to timex).
func temporalAfter(ts toks, j int) bool {
	switch ts.Word(j) {
	case "ago", "later", "earlier":
		return true
	}
	return false
}

// adjectival reports words with common adjective endings ("presidential",
// "historic", "decisive").
func adjectival(w string) bool {
	for _, suf := range []string{"al", "ive", "ic", "ous", "ful", "ary"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}
