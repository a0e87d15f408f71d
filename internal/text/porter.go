package text

import (
	"strings"
	"sync"
)

// This file ports NLTK's PorterStemmer (nltk/stem/porter.py) in its default
// NLTK_EXTENSIONS mode, the stemmer rouge-score uses. It is the one stemmer of
// the project: internal/rouge scores with it, and brief, cluster, summarize
// and compare fold words with it, so that their word matches agree with the
// ROUGE figures they are measured by. It differs from
// Porter's 1980 paper in these NLTK-specific ways, each reproduced here:
//
//   - a table of irregular forms is looked up first (nltkIrregular);
//   - words of at most 2 letters are returned unchanged;
//   - step 1a: a 4-letter word ending in "ies" becomes "...ie" ("ties" -> "tie");
//   - step 1b: "ied" becomes "ie" in a 4-letter word, otherwise "i";
//   - condition *o also holds for a 2-letter stem vowel+consonant ("at");
//   - step 1c: y -> i only after a consonant that is not the first letter
//     ("happy" -> "happi", "enjoy" and "by" unchanged);
//   - step 2: "alli" -> "al" then step 2 again; "bli" -> "ble" (Martin's
//     change to "abli"); extra rules "fulli" -> "ful" and "logi" -> "log".
//
// Words are assumed to be lower-case ASCII (rouge tokens are [a-z0-9]+);
// bytes other than a, e, i, o, u and y count as consonants, as in NLTK.

// nltkIrregular is NLTK's irregular_forms table inverted: form -> stem.
var nltkIrregular = map[string]string{
	"sky": "sky", "skies": "sky",
	"dying":   "die",
	"lying":   "lie",
	"tying":   "tie",
	"news":    "news",
	"innings": "inning", "inning": "inning",
	"outings": "outing", "outing": "outing",
	"cannings": "canning", "canning": "canning",
	"howe":    "howe",
	"proceed": "proceed",
	"exceed":  "exceed",
	"succeed": "succeed",
}

// Stem returns NLTK's PorterStemmer().stem(word) for a lower-case ASCII
// word. rouge-score only stems tokens longer than 3 characters; Stem itself
// stems any word.
func Stem(word string) string {
	if s, ok := nltkIrregular[word]; ok {
		return s
	}
	if len(word) <= 2 {
		return word
	}
	w := step1a(word)
	w = step1b(w)
	w = step1c(w)
	w = step2(w)
	w = step3(w)
	w = step4(w)
	w = step5a(w)
	w = step5b(w)
	return w
}

// MemoStem returns stem remembering its results (nil for nil): a story's
// comparisons stem the same few thousand words again and again, and the
// Porter steps cost more than a map look-up. It is safe for concurrent
// use; its memory lives as long as the function returned.
func MemoStem(stem func(string) string) func(string) string {
	if stem == nil {
		return nil
	}
	var mu sync.Mutex
	memo := map[string]string{}
	return func(w string) string {
		mu.Lock()
		s, ok := memo[w]
		mu.Unlock()
		if !ok {
			s = stem(w)
			mu.Lock()
			// A clone, as w may be a slice of a whole article.
			memo[strings.Clone(w)] = s
			mu.Unlock()
		}
		return s
	}
}

func isVowelByte(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}

// isCons reports whether w[i] is a consonant: not a vowel, and a 'y' only
// when it is first or follows a vowel.
func isCons(w string, i int) bool {
	c := w[i]
	if isVowelByte(c) {
		return false
	}
	if c == 'y' && i > 0 {
		// y is a consonant iff the previous letter is not one.
		return !isCons(w, i-1)
	}
	return true
}

// measure is m in [C](VC){m}[V]: the number of vowel-consonant transitions.
func measure(w string) int {
	m := 0
	prevVowel := false
	for i := 0; i < len(w); i++ {
		c := isCons(w, i)
		if c && prevVowel {
			m++
		}
		prevVowel = !c
	}
	return m
}

func containsVowel(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isCons(w, i) {
			return true
		}
	}
	return false
}

// endsDoubleCons is condition *d.
func endsDoubleCons(w string) bool {
	n := len(w)
	return n >= 2 && w[n-1] == w[n-2] && isCons(w, n-1)
}

// endsCVC is condition *o, with NLTK's 2-letter vowel+consonant extension.
func endsCVC(w string) bool {
	n := len(w)
	if n >= 3 && isCons(w, n-3) && !isCons(w, n-2) && isCons(w, n-1) {
		c := w[n-1]
		if c != 'w' && c != 'x' && c != 'y' {
			return true
		}
	}
	return n == 2 && !isCons(w, 0) && isCons(w, 1)
}

// rule is one suffix rule: when the word ends in suffix, the first such rule
// decides; the word becomes stem+repl if cond(stem) holds (or cond is nil),
// else it is left unchanged.
type rule struct {
	suffix, repl string
	cond         func(stem string) bool
}

func applyRules(w string, rules []rule) string {
	for _, r := range rules {
		if strings.HasSuffix(w, r.suffix) {
			stem := w[:len(w)-len(r.suffix)]
			if r.cond == nil || r.cond(stem) {
				return stem + r.repl
			}
			return w
		}
	}
	return w
}

func positiveMeasure(s string) bool { return measure(s) > 0 }
func measureGT1(s string) bool      { return measure(s) > 1 }

var step1aRules = []rule{
	{"sses", "ss", nil},
	{"ies", "i", nil},
	{"ss", "ss", nil},
	{"s", "", nil},
}

func step1a(w string) string {
	if len(w) == 4 && strings.HasSuffix(w, "ies") {
		return w[:1] + "ie"
	}
	return applyRules(w, step1aRules)
}

func step1b(w string) string {
	if strings.HasSuffix(w, "ied") {
		if len(w) == 4 {
			return w[:1] + "ie"
		}
		return w[:len(w)-3] + "i"
	}
	if strings.HasSuffix(w, "eed") {
		stem := w[:len(w)-3]
		if measure(stem) > 0 {
			return stem + "ee"
		}
		return w
	}
	var s string
	ok := false
	for _, suf := range [...]string{"ed", "ing"} {
		if strings.HasSuffix(w, suf) {
			s = w[:len(w)-len(suf)]
			if containsVowel(s) {
				ok = true
				break
			}
		}
	}
	if !ok {
		return w
	}
	switch {
	case strings.HasSuffix(s, "at"):
		return s + "e"
	case strings.HasSuffix(s, "bl"):
		return s + "e"
	case strings.HasSuffix(s, "iz"):
		return s + "e"
	case endsDoubleCons(s):
		last := s[len(s)-1]
		if last != 'l' && last != 's' && last != 'z' {
			return s[:len(s)-1]
		}
		return s
	case measure(s) == 1 && endsCVC(s):
		return s + "e"
	}
	return s
}

func step1c(w string) string {
	if !strings.HasSuffix(w, "y") {
		return w
	}
	stem := w[:len(w)-1]
	if len(stem) > 1 && isCons(stem, len(stem)-1) {
		return stem + "i"
	}
	return w
}

var step2Rules = []rule{
	{"ational", "ate", positiveMeasure},
	{"tional", "tion", positiveMeasure},
	{"enci", "ence", positiveMeasure},
	{"anci", "ance", positiveMeasure},
	{"izer", "ize", positiveMeasure},
	{"bli", "ble", positiveMeasure},
	{"alli", "al", positiveMeasure},
	{"entli", "ent", positiveMeasure},
	{"eli", "e", positiveMeasure},
	{"ousli", "ous", positiveMeasure},
	{"ization", "ize", positiveMeasure},
	{"ation", "ate", positiveMeasure},
	{"ator", "ate", positiveMeasure},
	{"alism", "al", positiveMeasure},
	{"iveness", "ive", positiveMeasure},
	{"fulness", "ful", positiveMeasure},
	{"ousness", "ous", positiveMeasure},
	{"aliti", "al", positiveMeasure},
	{"iviti", "ive", positiveMeasure},
	{"biliti", "ble", positiveMeasure},
	{"fulli", "ful", positiveMeasure},
	// NLTK tests the measure of the word less "ogi", i.e. stem+"l".
	{"logi", "log", func(stem string) bool { return measure(stem+"l") > 0 }},
}

func step2(w string) string {
	if strings.HasSuffix(w, "alli") && positiveMeasure(w[:len(w)-4]) {
		return step2(w[:len(w)-4] + "al")
	}
	return applyRules(w, step2Rules)
}

var step3Rules = []rule{
	{"icate", "ic", positiveMeasure},
	{"ative", "", positiveMeasure},
	{"alize", "al", positiveMeasure},
	{"iciti", "ic", positiveMeasure},
	{"ical", "ic", positiveMeasure},
	{"ful", "", positiveMeasure},
	{"ness", "", positiveMeasure},
}

func step3(w string) string { return applyRules(w, step3Rules) }

var step4Rules = []rule{
	{"al", "", measureGT1},
	{"ance", "", measureGT1},
	{"ence", "", measureGT1},
	{"er", "", measureGT1},
	{"ic", "", measureGT1},
	{"able", "", measureGT1},
	{"ible", "", measureGT1},
	{"ant", "", measureGT1},
	{"ement", "", measureGT1},
	{"ment", "", measureGT1},
	{"ent", "", measureGT1},
	{"ion", "", func(s string) bool {
		return measure(s) > 1 && (s[len(s)-1] == 's' || s[len(s)-1] == 't')
	}},
	{"ou", "", measureGT1},
	{"ism", "", measureGT1},
	{"ate", "", measureGT1},
	{"iti", "", measureGT1},
	{"ous", "", measureGT1},
	{"ive", "", measureGT1},
	{"ize", "", measureGT1},
}

func step4(w string) string { return applyRules(w, step4Rules) }

func step5a(w string) string {
	if !strings.HasSuffix(w, "e") {
		return w
	}
	stem := w[:len(w)-1]
	m := measure(stem)
	if m > 1 || (m == 1 && !endsCVC(stem)) {
		return stem
	}
	return w
}

func step5b(w string) string {
	if strings.HasSuffix(w, "ll") && measure(w[:len(w)-1]) > 1 {
		return w[:len(w)-1]
	}
	return w
}
