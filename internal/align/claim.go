package align

import (
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
)

// claimAt writes the claim of sentence sent (an index into Story.sents)
// whose value is value, written at body offsets [start, end): its source,
// its trimmed text, and the value's span in that text when it lies inside.
func (s *Story) claimAt(sent int, value string, start, end int) news.Claim {
	st := &s.sents[sent]
	t := strings.TrimSpace(st.text)
	c := news.Claim{Source: s.members[st.member].Source, Text: t, Value: value}
	off := st.off + strings.Index(st.text, t)
	if start, end := start-off, end-off; 0 <= start && start < end && end <= len(t) {
		c.Span = &news.Span{Start: start, End: end}
	}
	return c
}

// pubWithin reports whether the articles of sentences a and b were both
// published on known days at most days apart.
func (s *Story) pubWithin(a, b int, days int64) bool {
	pa, pb := s.pub[s.sents[a].member], s.pub[s.sents[b].member]
	return pa >= 0 && pb >= 0 && pa-pb <= days && pb-pa <= days
}
