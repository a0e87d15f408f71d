package timex

import "testing"

// TestUnplaceAddressed: a count from the publication in a hypothetical
// put to the reader ("suppose you", "imagine you", "let's say you", "say
// you", "if you" before the count in its clause) is an example, not an
// event; any other "you" leaves the count placed. Invented sentences,
// published on a Monday; "" is unresolved.
func TestUnplaceAddressed(t *testing.T) {
	const monday = "2010-06-14"
	tests := []struct{ sentence, expr, want string }{
		{"Suppose you think the cottage will sell in two years.", "two years", ""},
		{"Imagine you will retire in 15 years.", "15 years", ""},
		{"Say you think you will need a new roof in five years.", "five years", ""},
		{"Let's say you expect a van will cost more in three years.", "three years", ""},
		{"If you will need the money in six years, keep it in cash.", "six years", ""},
		{"Suppose you decide you will put $20 a week aside over the next three years.", "next three years", ""},
		{"Will you vote in 10 days?", "10 days", "2010-06-24"},
		{"You will vote in 10 days.", "10 days", "2010-06-24"},
		{"Your lease will end in two years.", "two years", "2012"},
		{"Officials told you the bridge will open in two years.", "two years", "2012"},
		{"If you ask me, the bridge will open in two years.", "two years", "2012"},
		{"You will see prices fall over the next three years.", "next three years", "2010/2013"},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			checkValue(t, monday, tc.sentence, tc.expr, tc.want)
		})
	}
}
