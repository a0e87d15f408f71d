package align

import "github.com/crosscheck/crosscheck/internal/text"

// A plan's day is no fact yet: two outlets giving two days for a plan are
// mostly giving two proposals, or one day before a change. A schedule
// both state as fixed is one: "the special primary is scheduled for
// Tuesday" against "the primary, set for Thursday".
var (
	// scheduledWords state a day as fixed.
	scheduledWords = text.NewPhrases("scheduled", "slated", "set for", "is set to", "are set to", "will be held", "will take place",
		"is due", "are due")
	// proposalWords make a day a wish, a proposal or a change of plan.
	proposalWords = text.NewPhrases("propos*", "could", "might", "may", "would", "wants", "want", "hopes", "hope", "suggest*",
		"called for", "calls for", "calling for", "call for", "consider*", "urg*", "push*", "request*", "if", "unless", "postpon*",
		"delay*", "reschedul*", "moved", "pushed back", "tentative*", "possibl*", "likely")
)

// scheduleMaxDays is how far apart two articles' publication days may be
// for their days of one scheduled event to conflict: later, the schedule
// may have changed in between.
const scheduleMaxDays = 1

// scheduled reports whether the clause text of a planned event states its
// day as fixed.
func scheduled(clause string) bool {
	return scheduledWords.MatchString(clause) && !proposalWords.MatchString(clause)
}

// bothScheduled reports whether two planned dates are both fixed
// schedules, in articles published at most scheduleMaxDays apart, so that
// they may be compared like dates of what happened.
func (s *Story) bothScheduled(a, b *Fact) bool {
	if !a.scheduled || !b.scheduled {
		return false
	}
	return s.pubWithin(a.sent, b.sent, scheduleMaxDays)
}
