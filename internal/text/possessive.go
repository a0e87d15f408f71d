package text

import "strings"

// possessives are the endings StripPossessive removes, longest first: the
// singular "'s" and the plural's bare apostrophe, straight and typographic,
// the singular also in capitals (an all-caps name).
var possessives = []string{"'s", "’s", "'S", "’S", "'", "’"}

// StripPossessive returns word without a possessive ending ("Barron's" is
// "Barron", "the Smiths'" is "the Smiths") and whether it had one. A word
// that is only the ending is returned as it is.
func StripPossessive(word string) (string, bool) {
	for _, suf := range possessives {
		if strings.HasSuffix(word, suf) && len(word) > len(suf) {
			return word[:len(word)-len(suf)], true
		}
	}
	return word, false
}
