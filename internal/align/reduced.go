package align

import "github.com/crosscheck/crosscheck/internal/text"

// reducedRelative reads a clause that opens with a past participle right
// after a comma and a noun ("the harbour report, issued last month,"): a
// reduced relative clause, whose subject is that noun phrase, not a
// person. It adds the noun phrase's content words to f's local words and
// reports whether it read one.
func (s *Story) reducedRelative(f *Fact, lo int) bool {
	st := &s.sents[f.sent]
	if lo < 1 || !pastVerb(st.words[lo]) || eventOf[st.words[lo]] == nil || !st.boundary(lo-1, lo) || clauseWords[st.words[lo]] {
		return false
	}
	if gap := st.text[st.toks[lo-1].End:st.toks[lo].Start]; gap != ", " {
		return false
	}
	read := false
	for i := lo - 1; i >= 0 && lo-i <= 6; i-- {
		w := st.words[i]
		if text.IsStop(w) && i == lo-1 {
			return false // "..., and issued": no noun before the comma
		}
		if k, ok := s.anchor(w); ok {
			f.local.set(k, w)
			read = true
		}
		if i > 0 && st.boundary(i-1, i) {
			break
		}
	}
	return read
}
