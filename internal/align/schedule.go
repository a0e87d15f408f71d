package align

import "github.com/crosscheck/crosscheck/internal/text"

// A plan's day is no fact yet: two outlets giving two days for a plan are
// mostly giving two proposals, or one day before a change. A schedule
// both state as fixed is one: "the special primary is scheduled for
// Tuesday" against "the primary, set for Thursday".
var (
	// scheduledWords state a day as fixed.
	scheduledWords = text.LazyRegexp(`(?i)\b(scheduled|slated|set for|(?:is|are) set to|will be held|will take place|(?:is|are) due)\b`)
	// proposalWords make a day a wish, a proposal or a change of plan.
	proposalWords = text.LazyRegexp(`(?i)\b(propos\w*|could|might|may|would|wants?|hopes?|suggest\w*|call(?:ed|s|ing)? for|consider\w*|urg\w*|push\w*|request\w*|if|unless|postpon\w*|delay\w*|reschedul\w*|moved|pushed back|tentative\w*|possibl\w*|likely)\b`)
)

// scheduleMaxDays is how far apart two articles' publication days may be
// for their days of one scheduled event to conflict: later, the schedule
// may have changed in between.
const scheduleMaxDays = 1

// scheduled reports whether the clause text of a planned event states its
// day as fixed.
func scheduled(clause string) bool {
	return scheduledWords().MatchString(clause) && !proposalWords().MatchString(clause)
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
