package align

import "github.com/crosscheck/crosscheck/internal/text"

// amountVerbs link a sum to the noun phrase before it that names what the
// sum is: "dry-cleaning expenses topped $14,000", "the watch cost $43,000".
var amountVerbs = wordSet(`topped tops top totaled totalled totals totaling totalling reached reaches exceeded
	exceeds surpassed passed hit hits was were is are came amounted ran cost costs neared`)

// amountQualifiers stand between such a verb and the sum ("topped more
// than $60,000", "came to about $5,000").
var amountQualifiers = wordSet(`more than less nearly almost about around over under roughly some just
	approximately at least to up well`)

// moneyNouns are nouns of spending that name no purpose by themselves:
// the word before them does ("dry-cleaning expenses").
var moneyNouns = wordSet(`expenses expense costs cost bills bill spending charges charge fees fee payments
	payment expenditures outlays tab sum amount total`)

// purposeBefore returns the key of the noun that says what a sum of money
// whose first token is first is, when the sum ends a clause whose subject
// names it: "personal dry-cleaning expenses topped $14,000": dry-cleaning
// (a generic spending noun yields the word before it), "the Rolex watch
// cost $43,000": watch. "" when none is read ("it cost $5", "expenses
// topped $9": no purpose named).
func (s *Story) purposeBefore(st *sentence, first int) string {
	i := first - 1
	for i >= 0 && first-i <= 4 && amountQualifiers[st.words[i]] && !st.boundary(i, i+1) {
		i--
	}
	if i < 0 || !amountVerbs[st.words[i]] || st.boundary(i, i+1) {
		return ""
	}
	i--
	for i >= 0 && auxiliaries[st.words[i]] && !st.boundary(i, i+1) {
		i-- // "have topped", "had reached"
	}
	if i < 0 || st.boundary(i, i+1) {
		return ""
	}
	noun := func(j int) bool {
		w := st.words[j]
		return !text.IsStop(w) && !hasDigit(w) && !auxiliaries[w]
	}
	if !noun(i) {
		return ""
	}
	if moneyNouns[st.words[i]] {
		if i == 0 || st.boundary(i-1, i) || !noun(i-1) || moneyNouns[st.words[i-1]] {
			return ""
		}
		i--
	}
	k, _ := s.anchor(st.words[i])
	return k
}
