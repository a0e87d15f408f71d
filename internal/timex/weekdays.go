package timex

import (
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// Article-level weekday rules. A bare weekday's clause sometimes cannot
// tell the past week from the coming one; the article's firm mentions of
// the same day or of the same event may then settle it
// (placeWeekdaysByArticle), within what the clause itself allows
// (weekdayVote). Separately, a weekday dating the event a present
// invitation invites to is the coming one (invitedTo).

// placeWeekdays applies the article-level weekday rules to the resolved
// times out (kinds[k] is the expression behind out[k]). It runs before
// the rules that count from a weekday's day ("the day after Monday's
// debate").
func placeWeekdays(out []news.Time, kinds []expr, ts toks, ref time.Time) {
	for k, e := range kinds {
		if !bareWeekday(e) || out[k].Value == "" {
			continue
		}
		if !e.possessive && invitedTo(ts, e.tok) {
			setDay(&out[k], weekdayAhead(e, ref))
		}
	}
	placeWeekdaysByArticle(out, kinds, ts, ref)
}

// bareWeekday reports whether e is a weekday with neither "last", "next"
// nor "this" and no date beside it: its week is read from its clause.
func bareWeekday(e expr) bool {
	return e.kind == kWeekday && e.mod == 0 && !e.generic && e.wd != 0
}

// weekdayBack and weekdayAhead are the two days a bare weekday can
// name: the most recent such day on or before the reference, and the
// first on or after it.
func weekdayBack(e expr, ref time.Time) time.Time {
	back, _ := weekdayGaps(e.wd, ref)
	return ref.AddDate(0, 0, -back)
}

func weekdayAhead(e expr, ref time.Time) time.Time {
	_, fwd := weekdayGaps(e.wd, ref)
	return ref.AddDate(0, 0, fwd)
}

// setDay puts t on day d, keeping a time of day joined to it.
func setDay(t *news.Time, d time.Time) {
	v := d.Format(dayLayout)
	if len(t.Value) > len(dayLayout) && t.Value[len(dayLayout)] == 'T' {
		v += t.Value[len(dayLayout):]
	}
	t.Value = v
}

// weakWeek reports whether the clause of the bare weekday e reads its
// week only weakly, so that the article's other mentions may settle it.
// Four clauses do:
//
//   - one where the weekday names an event by a possessive and the
//     nearest-day rule placed it (a present, future or modal perfect
//     verb can speak of the event's effects in either week), or where
//     the verb follows the weekday, which then sits in the verb's
//     subject ("A photo showing the host at Monday night's fundraiser
//     was fake": the verb dates the photo, not the fundraiser);
//   - a present perfect over such a possessive, which gives no definite
//     time;
//   - a present verb after a bare weekday of which the weekday is no
//     predicate ("Despite the noise in the arena Tuesday night, the
//     coach says ..."), while a present before it is a schedule ("His
//     arraignment is Monday") and stays firm;
//   - a clause with no verb found.
func weakWeek(ts toks, e expr) bool {
	t, name, j := governing(ts, e.tok)
	switch {
	case t == TenseUnknown || name == "":
		return true
	case e.possessive && presentPerfect(ts, name, j):
		return true
	case e.possessive && (e.tense.forward() || e.counterfactual || j > e.tok):
		return true
	case !e.possessive && e.tense == TensePresent && j > e.tok:
		return true
	}
	return false
}

// placeWeekdaysByArticle settles the week of a bare weekday whose own
// clause reads it weakly (weakWeek) from the article's other mentions:
// news names each day of its story by its weekday once for the whole
// article ("Monday" is one day in one report, a later or earlier one
// being "next Monday", "last Monday" or a date), and an event named by
// its day ("Monday's debate") is one event. So the other bare mentions of
// the same weekday whose clauses read their week firmly, and the other
// expressions that date the same event noun on a day (a date, "the
// debate tomorrow night", a firm weekday), vote; when they all name one
// of the weekday's two candidate days (the most recent such day and the
// coming one), the weekday takes it, unless the vote comes from the
// weekday alone and its own clause rejects or cannot judge it
// (weekdayVote). With no vote, or votes for both days, it stays as its
// clause placed it.
func placeWeekdaysByArticle(out []news.Time, kinds []expr, ts toks, ref time.Time) {
	weak := make([]bool, len(kinds))
	anyWeak := false
	for k, e := range kinds {
		weak[k] = bareWeekday(e) && weakWeek(ts, e)
		anyWeak = anyWeak || weak[k]
	}
	if !anyWeak {
		return
	}
	// The voters' days, gathered once: by weekday (a firm bare mention)
	// and by event noun (a firm day-precise date of the event), so that
	// a long text costs one pass, not one per weak weekday.
	byDay := map[int]map[string]bool{}
	byNoun := map[string]map[string]bool{}
	for j, o := range kinds {
		if weak[j] || o.generic || len(out[j].Value) < len(dayLayout) || strings.Contains(out[j].Value, "/") {
			continue
		}
		d := out[j].Value[:len(dayLayout)]
		if bareWeekday(o) {
			addVote(byDay, o.wd, d)
		}
		if o.event != "" && dayPrecise(o.kind) && (o.kind != kWeekday || o.mod == 0) {
			addVote(byNoun, o.event, d)
		}
	}
	for k, e := range kinds {
		if !weak[k] || out[k].Value == "" {
			continue
		}
		back, ahead := weekdayBack(e, ref).Format(dayLayout), weekdayAhead(e, ref).Format(dayLayout)
		if back == ahead {
			continue // the reference day itself
		}
		var events map[string]bool
		if e.event != "" {
			events = byNoun[e.event]
		}
		sameDays := byDay[e.wd]
		backVotes := sameDays[back] || events[back]
		aheadVotes := sameDays[ahead] || events[ahead]
		if backVotes == aheadVotes {
			continue // no vote, or the article names both weeks: unsettled
		}
		vote := ahead
		if backVotes {
			vote = back
		}
		if !events[vote] { // a vote of the weekday alone: its clause judges it
			switch weekdayVote(ts, e, vote == back) {
			case voteAgainst:
				continue
			case voteOpen:
				out[k].Value = ""
				continue
			}
		}
		if d, err := time.Parse(dayLayout, vote); err == nil {
			setDay(&out[k], d)
		}
	}
}

// addVote records day d among the votes of key.
func addVote[K comparable](votes map[K]map[string]bool, key K, d string) {
	if votes[key] == nil {
		votes[key] = map[string]bool{}
	}
	votes[key][d] = true
}

// provoked are the objects with which "invite" means "provoke"
// ("invited scrutiny", "invites speculation"): no invitation to an
// event.
var provoked = map[string]bool{
	"comparison": true, "comparisons": true, "criticism": true, "scrutiny": true, "ridicule": true,
	"speculation": true, "questions": true, "backlash": true, "trouble": true, "controversy": true,
	"attack": true, "attacks": true, "disaster": true, "mockery": true, "suspicion": true,
}

// inviteReach bounds the words between an invitation's verb and the
// weekday of what it invites to.
const inviteReach = 24

// invitedTo reports whether the bare weekday at token i dates the event
// a present invitation invites to. The invitation is a present or
// present perfect of "invite" ("invites families to its closing parade
// on Saturday", "has invited artists to perform on Saturday", "are
// inviting") before the weekday in its sentence, with "to" between and
// nothing that would start another clause: no semicolon, colon,
// quotation mark, relative pronoun or other finite verb, and no comma
// between the "to" and the weekday. An invitation that holds now is to
// something not yet past, so the weekday is the coming one. A past
// "invited" says nothing of now, and an object of provoked makes the
// verb mean "provoke"; both are left to the clause. Callers skip
// possessive weekdays ("invites readers to compare Tuesday's figures"),
// which name an event the invited act is about, not the one invited to;
// and a weekday after "of", "after", "following", "about", "since",
// "from", "during" or "before" past the "to" ("invites readers to send
// photos of the snowfall on Tuesday"), which may date what the invited
// act is about, a time gone.
func invitedTo(ts toks, i int) bool {
	sawTo := false
	for j, n := i-1, 0; j >= 0 && n < inviteReach; j-- {
		if ts[j].Kind == text.LexBreak {
			return false
		}
		if ts[j].Kind == text.LexPunct {
			switch ts[j].S {
			case ";", ":", "\"", "“", "”":
				return false
			case ",":
				if !sawTo {
					return false // "to see the painting, stolen on Friday"
				}
			}
			continue
		}
		if ts[j].Kind != text.LexWord {
			continue
		}
		n++
		w := ts.Word(j)
		switch w {
		case "that", "who", "which", "whom":
			return false
		case "to":
			sawTo = true
			continue
		case "of", "after", "following", "about", "since", "from", "during", "before":
			if !sawTo {
				return false // "to send photos of the snowfall on Tuesday"
			}
		case "invites":
			return sawTo && !provokes(ts, j)
		case "invited":
			h := skipAdverbs(ts, j-1)
			return sawTo && !provokes(ts, j) && (ts.Word(h) == "has" || ts.Word(h) == "have")
		case "inviting":
			h := skipAdverbs(ts, j-1)
			return sawTo && !provokes(ts, j) && (ts.Word(h) == "is" || ts.Word(h) == "are")
		}
		if _, name := classify(ts, j); name != "" && name != "verb-object" {
			return false // another clause's verb stands between
		}
	}
	return false
}

// provokes reports whether a word of provoked stands in the object of
// the "invite" at token j, up to its "to" ("has invited fresh
// comparisons to ..."): the verb then means "provoke".
func provokes(ts toks, j int) bool {
	for k := j + 1; k < len(ts) && ts[k].Kind != text.LexBreak && ts.Word(k) != "to"; k++ {
		if provoked[ts.Word(k)] {
			return true
		}
	}
	return false
}

// Verdicts of a weekday's own clause on a vote of the article's other
// mentions of the same weekday (weekdayVote).
const (
	voteFits    = iota // the clause leaves the vote's day open
	voteAgainst        // the clause names the other day: keep its own
	voteOpen           // the clause fits either day: leave it unresolved
)

// weekdayVote judges a vote of the article's other mentions of the same
// weekday (toBack: for the most recent such day, else the coming one) by
// the weekday e's own clause. Two mentions of one weekday may name two
// events a week apart ("The board will meet on Monday" and "Monday's
// meeting was cut short"), so such a vote may only settle what the
// clause leaves open: a past clause names a day gone and a future one a
// day to come, whatever the vote; a present perfect over a possessive
// ("has praised the host of Monday's gala") speaks of an event gone or
// of one to come alike, so only a date of the event itself settles it
// and a vote of the weekday alone leaves it unresolved. So does a
// present clause over a possessive ("Tickets for Friday's auction are
// nearly sold out" beside "The club held its gala on Friday"): the
// possessive names an event of its own, which may lie in either week,
// unless the present is one of arrangement ("is expected to draw"),
// which speaks of what is to come.
func weekdayVote(ts toks, e expr, toBack bool) int {
	t, name, j := governing(ts, e.tok)
	switch {
	case presentPerfect(ts, name, j):
		return voteOpen
	case e.possessive && t == TensePresent && !scheduledBe(ts, j):
		return voteOpen
	case t == TensePast && !toBack, toBack && (t == TenseFuture || e.tense == TenseFuture || scheduledBe(ts, j)):
		return voteAgainst
	}
	return voteFits
}

// scheduledBe reports whether the verb at token j is a present of "be"
// followed by a word of arrangement ("is expected to draw", "are set
// to"): a present that speaks of what is to come.
func scheduledBe(ts toks, j int) bool {
	switch ts.Word(j) {
	case "is", "are":
		_, ok := ruleScheduled(ts, j+1)
		return ok
	}
	return false
}
