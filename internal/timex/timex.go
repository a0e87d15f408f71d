// Package timex finds temporal expressions in an article body and resolves
// them against the article's reference (publication) date; when the date is
// unknown it infers one from weekday and month-day evidence in the text.
//
// It consumes news.Article.Paragraphs (and Published) and produces
// news.Article.Times, with byte offsets into Article.Body().
//
// # Expressions
//
// Absolute: "April 4", "April 4, 2017", "4 April 2017", "Apr. 4", "April
// 4th", "2017-04-04", "04/04/2017" (US order, month first), "April 2017",
// years ("in 2003", "the 1928 satire", "a 2015 cease-fire"; not counts such as
// "2003 votes", "about 2000", "$2000") and decades ("the 1990s", value
// "199"). Relative: weekdays ("Wednesday", "on Friday", "Wednesday morning",
// "last Friday"), "today" (not "nowadays": see below), "tonight", "last night", "yesterday", "tomorrow", "this
// morning", "last/this/next week|weekend|month|year", "earlier/later this
// week|month|year", "three years ago", "several weeks ago", "two days
// later", "days after that attack", "in recent months", "the past few
// weeks", "these past eight years", "the past decade", "over the weekend",
// "over the next decade", "in the next couple of weeks", "the following
// year", "a few hours after the vote", bare months ("in September", "a
// March debate", "in May this year", "March last year") and month-day
// ranges ("September 16-19"), holidays after a preposition of time
// ("on Thanksgiving Day", "since Labor Day", "by Christmas":
// holidays.go), the end of the current period in a clause that looks
// ahead ("by year-end", "before the end of the month"), "that year" (the
// year the text just stated), a year-on-year comparison ("up 8% from a
// year earlier", "the year-ago quarter"; periods.go), "the current
// year|month|week", "midday", and decades without their century ("the
// nineties", "the early '80s": decades.go). A full weekday name with two adjacent letters swapped
// ("Wednedsay") is read as the weekday when it stands in a weekday's slot
// (slipWeekday). Times of day
// ("8 p.m.", "5:45 p.m. ET", "at noon") are attached to a date; "midnight"
// next to a date ("midnight Friday") is dropped, the date kept, since
// which midnight it means is unsaid.
//
// # Resolution conventions
//
// Values follow news.Time.Value: day "2006-01-02", month "2006-01", year
// "2006", decade "199", range "a/b", datetime "2006-01-02T15:04". An
// expression that cannot be resolved (relative, with no reference date) keeps
// Value "".
//
//   - A bare weekday means the most recent such day on or before the
//     reference date (the reference day itself when it matches), since news
//     is written in the past tense; when its clause is in the future tense
//     ("will meet on Friday") it means the first such day on or after the
//     reference. "last Friday" is the most recent Friday strictly before the
//     reference, "next Friday" the first strictly after. The clause's
//     verb is looked for as English builds the clause: a modal's "have"
//     with an object is its main verb ("will have its last rehearsal":
//     future); a "that" right after the weekday opens a complement whose
//     verb does not date it ("the promise Sunday that the team will
//     win"); inside a content clause the clause's own verb dates it
//     ("believed that the rain on Thursday would"); a scheduled word
//     after a determiner is the noun's adjective ("dropped a planned
//     concert Saturday": the verb further back governs). "NOUN from
//     WEEKDAY" and a result noun's object ("the photos from Wednesday",
//     "the aftermath of Monday's storm") have happened: the most recent
//     such day. A weekday's week is left unresolved where the clause
//     does not settle it: a possessive under a present perfect ("have
//     mocked the costumes of Sunday's parade"), the object of "ahead of"
//     or "until" with no verb found to date the clause. A weekday its
//     clause reads only weakly takes the week the article's firm
//     mentions of the same day or event give, and one in what a present
//     invitation invites to is the coming one (weekdays.go); so is the
//     new day of an event moved in time ("postponed the vote until
//     Tuesday": retimedCue, soon.go).
//   - "April 4" without a year takes the year that puts it nearest the
//     reference, dates before the reference preferred (a date after it counts
//     double its distance) and never more than 183 days after it (but when
//     the text has just stated the coming year as a date's, "in 2020", and
//     the clause is not past, in that year: nextYearNarrative); in a
//     future-tense clause ("the vote slated for June 25") the first such date
//     on or after the reference, though a present-tense cue ("is")
//     never places it more than 183 days ahead (it stays unresolved). A
//     weekday-paired date without a year ("Wednesday, April 12", or the
//     date glossing the weekday in brackets: "Monday night (Nov. 18)")
//     takes the nearest year in which that date falls on that weekday. In
//     a past clause right after a month the text stated with an earlier
//     year ("in November 2008"; not a span's edge, "since Jan. 1, 2008"),
//     a later yearless month or month-day is in that year ("By December,
//     his cough grew worse": pastYearNarrative). "as of" a month-day in a
//     present clause ("owns a third as of April 3") is placed as in a past one.
//     Under a past verb a month-day at most two months after the
//     reference, in its year, stays there when a forward-looking
//     construction holds it and nothing says its event is over ("declared
//     a dividend, payable Dec. 7", "asked it to respond by Oct. 31":
//     forwardCue, soon.go).
//   - A month-day range ("September 16-19") is placed as its first day
//     would be and runs to its last day in the same month and year.
//   - A bare month ("in September") is the latest such month not after the
//     reference month (ref 2017-04-12 gives "2016-09"; "in April" gives
//     "2017-04"); in a future-tense clause, or after "next", the first not
//     before it.
//   - In two narrow cases a yearless month-day or bare month follows a
//     present that is not its nearest verb, and so lies ahead of the
//     reference: a present clause of condition or time under a present
//     main clause, and a present verb of duration after "and" that
//     reaches the date. years.go states them and their limits.
//   - Weeks are ISO weeks (Monday to Sunday): "last week" is the week before
//     the reference's ("2017-04-03/2017-04-09" for ref 2017-04-12), "earlier
//     this week" runs from Monday to the reference, "later this week" from
//     the reference to Sunday.
//   - "in 10 days", "in two years" (a count after "in") are the unit
//     containing ref plus N units, in a future clause only ("built it in
//     10 days" is a duration); after an ordinal, a superlative or "time"
//     ("the third race in three years", "the lowest in 30 years") they are
//     not read.
//   - "N units ago" is the unit containing ref minus N units: "three years
//     ago" is "2014" for a 2017 reference, "two months ago" a month, "two
//     weeks ago" the ISO week as a range, "five days ago" a day. A vague
//     count ("several weeks ago", "weeks ago", "a few days ago") is the range
//     from 7 to 2 units before the reference; units listed together
//     ("months, weeks or days ago") name no one time. "two and a half
//     months ago" is the unit holding that point ("2010-03" on May 28);
//     "the final is nine days away" (after a present "be", an event as
//     subject) is as "nine days from now".
//   - "two days later", "a week earlier", "two days prior", "days after
//     that", "the following day" and an adverbial "the day before" (no
//     object: "a meeting the day before.") count from the previous
//     day-precise date in the text (the anchor) when it is at most three
//     sentences back; otherwise they stay unresolved. "a day after the
//     vote", "a few hours after the vote", "two years prior to the vote"
//     date the clause they modify: the nearest day-precise date of its
//     sentence, else the reference in a present-tense clause (its year
//     for a count of years: "the old bridge is still unrepaired 40 years
//     after the flood"). A date inside the count's own object ("came
//     three days after the council met on Monday", up to a comma, colon,
//     bracket or dash) is not the clause's. "on Wednesday, the day after
//     the vote" restates that Wednesday. Vague counts give a range from 1 to 9 days (or 2
//     to 7 larger units) after the anchor, cut at the reference date.
//   - "the very next year", "the next year", "the following year" (not
//     "over the next year", nor "the coming year") count from the
//     narrative: the year after the last year the text stated, at most
//     three sentences back; else unresolved.
//   - "in recent months", "the past few weeks" are the range from three
//     units (or the stated count; two for "a couple") before the
//     reference to the reference; "the past decade" the ten years to it.
//   - "over the next decade", "in the next couple of weeks", "in the
//     coming weeks" (a preposition of extent, "the next|coming", a count
//     or none, a plural unit or "decade") are the range from the reference
//     to the stated count (two for "a couple", three for none) of units
//     after it, in a future clause (a present in an "if" clause
//     counts as future): in a past one they count from the narrative's
//     time, and without a tense cue they are often advice. placeSpans
//     (spans.go) reads the other clauses: a span of years in a simple
//     past from a year its sentence states, else from the reference's
//     year unless a year before it may date the clause; a past report's
//     span whose own verb looks ahead from the day its sentence gives;
//     "several" as seven; "the coming year or two".
//   - "over the weekend" is the weekend just gone (the current one when
//     the reference is on it), the coming one in a future clause;
//     unresolved in a present-tense (habitual) clause, with no tense cue,
//     and in a present perfect, which takes no definite past time ("has
//     apologized for his remarks over the weekend": the weekend dates the
//     remarks, and a reader of the timeline would take it for the
//     apology's).
//   - "the day before the debate", "the night after the election" are the
//     day next to the one day the text gives that event ("the first
//     debate Monday night", "Monday's debate", "the Sept. 26 debate"),
//     unresolved when the text dates it on no day or on several.
//   - A quotation saying "tonight" in a text whose narration names the
//     night before the reference ("Tuesday night's debate" in a Wednesday
//     article) and never says "tonight" itself was spoken that night: its
//     reference-relative expressions are read with the day before as the
//     reference (see dateQuotedNights).
//   - "today" in a present state or habit ("the masks we find today",
//     "Today, such floods are rare") means "nowadays" and is unresolved
//     (nowadays); a past, perfect, future, modal, scheduled or
//     progressive verb, a noun it dates ("today's ruling", "the debate of
//     today"), "Today is ...", a speaker's own state ("we're happy
//     today") and "be" with a passing state ("Schools are closed today",
//     "the mayor is in Boston today": passingState) make it the day. The
//     present simple of any verb ("Today a board sets the fares", "a
//     sport that still keeps the village lively today") and an epistemic
//     modal's "be" or perfect ("may only be a sketch today") are states:
//     nowadays; so is "even today" unless its clause is past or future.
//   - An exact "N years|months later|earlier|prior" (no object) whose last
//     preceding date is a year or month of the same unit, at most three
//     sentences back, counts from it ("In 2012, ... Two years later":
//     "2014"); a count of another unit is not read from it.
//   - A month-day range whose last day the month lacks ("September
//     30-31") keeps the days it has; one whose first day is missing is
//     no date.
//   - "the 3rd of May last year" shapes: "May 3rd of last year" is that
//     year's day; a month-day before a
//     colon that opens a quotation ("on June 11:") is the day.
//   - A weekday, yearless month-day or month in the object of "until",
//     "ahead of" or "in advance of" is on or after the reference when the
//     clause is dated on the reference day ("released Tuesday in advance
//     of the visit on Thursday": placeAheadOf).
//   - A time of day takes the date of a date expression joined to it
//     ("Wednesday at 8 p.m."), else the nearest day-precise date in the same
//     sentence, else the reference date.
//
// # Tense
//
// The occurrence a relative expression means depends on the verb that
// governs it (governingTense: the nearest token before the expression in
// its sentence that a named rule claims, else the nearest after it): modal
// and future ("will", "could", "would", "may", "won't"), intent ("needs
// to", "wants to"), conditional ("if she were to win"), scheduled ("is
// set to", "scheduled", "set for", "likely to"), present progressive ("is running"), perfect
// ("has been", "had threatened"), past forms ("said", "appeared", "since")
// and present forms ("is", "remains", and the present simple of a
// scheduled event's course: "begins", "ends", "opens"); an infinitive
// after a verb of plan or need takes its time from it however long its
// phrase ("is expected to argue for ... in her weekly speech on Tuesday"); an infinitive after a modal or "to"
// ("would remain", "to have") and a participle after "be" ("will be
// quietly closed", "are thought to") are not the clause's verb, and
// "once again" is no conjunction; an "-ed" form after a determiner, a
// preposition or a hyphen is an adjective ("of carved masks"); the
// copula of a cleft ("It is because of the floods that the council on
// Monday hired") governs no that-clause; an adverbial fronted after "and|but"
// before a subject pronoun ("and from March onward she will") belongs
// to the clause after it; an "-s" form right after a relative "which|who"
// is a present ("which opens to the public in May"), as after "that" in a
// subject relative ("a route that passes through the valley"); finite verbs
// outside the tables are found by their place: the word after a subject
// pronoun ("she leaves", "they agree"; not in a question's inversion),
// an "-s" form taking its object after a name, a determiner's noun or a
// relative ("the treasurer presents her budget"; not a verb of saying, which
// takes a clause), an irregular or "-ied" past ("fled", "vied"), "does";
// the forward search passes over a relative clause's verb and an
// appositive after a name ("Ann Lee, the head of the board, said"), and a
// verb it finds after "and|but|or" (a coordinated predicate) yields to
// the first conjunct's verb further back; an
// infinitive that no
// verb of its clause governs post-modifies a noun and names a planned
// event ("an interview to air Tuesday morning"). A past verb places a weekday,
// month-day, bare month or "this weekend" before the reference; a future
// or present one after it ("The election is Thursday", "is standing for
// a second term in November"); a clause opened by "until" or "unless" takes
// its time from the clause it depends on ("won't be printed until the
// panel signs it during its session in October"); a weekday naming an
// event ("Monday's debate", "the Wednesday hearing") with a future or
// present verb or a modal perfect ("would have been") takes the nearest such day, the
// verb being about the event's effects or what would have been.
//
// # Unresolved expressions
//
// An expression that cannot be placed keeps Value "" (news.Time): relative
// ones without a reference date, anchored counts with no anchor, generic
// uses ("every Sunday", "many years ago", "in recent weeks and months", an
// uncounted "years ago" in a conditional clause: "if you sold those
// bonds years ago"), counts from the reference in a clause the
// narration addresses to the reader ("say you expect a boat will cost
// $40,000 in 12 years"), month-days naming an event of
// another year ("the Sept. 11 attacks"), an anchored "several months
// later" that would fall after the reference in a past clause, and a
// prepositional "a day after the vote" whose clause has no date in its
// sentence and is not in the present tense (a present progressive after
// a past event, "are running out a week after the market opened", is
// the ongoing present). The timeline, the date
// discrepancies and the renderings skip such times; the article listing
// shows them with value "-".
//
// # Reference-date inference
//
// Analyze infers from one article's text (see infer), InferStoryReference
// from the pooled evidence of a story's articles. Every day of a window from the
// latest year mentioned to four years after it is scored by measured
// densities of its distance to the text's evidence: weekdays named in past
// or future clauses, month-days without a year (with "last week",
// "earlier this month", "yesterday" in their sentence), full dates, and
// weekday-paired dates, which pin the year. The confidence is the share of
// the weight within two days of the best day, scaled by how often the
// window holds the publication year at all (58% on the development data)
// unless a weekday-paired date pins it. A year is never guessed from world
// knowledge. Analyze adopts an inferred date only at confidence >=
// AdoptConfidence (0.8).
package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// Date and value layouts.
const (
	dayLayout      = "2006-01-02"
	monthLayout    = "2006-01"
	dateTimeLayout = "2006-01-02T15:04"
)

// Tagger finds and resolves temporal expressions. Its tables are read-only
// package data, so a Tagger is cheap to build and safe for concurrent use.
type Tagger struct{}

// New returns a Tagger.
func New() *Tagger { return &Tagger{} }

// AdoptConfidence is the least inference confidence at which Analyze adopts an
// inferred reference date. Below it (a month-day whose year nothing pins, a
// full date that is likely an earlier event) the guess would put relative
// expressions in the wrong place, so Analyze leaves them unresolved. The
// confidence is meant as the
// probability that the guess is within two days of the truth, and on the
// development data (TestDevInference) it is calibrated or modest: guesses
// at 0.2-0.4 (mean 0.27) were right 3 of 8 times, at 0.8 and above (a
// story's dated sibling articles) 133 of 136. An adopted date must be right
// at least 80% of the time, hence 0.8. From its own text alone no
// development article reaches it (the best was 0.39): adoption needs
// agreeing strong clues, such as a weekday-paired date that the text's
// weekdays and a linked month-day confirm, or a dated article of the story.
const AdoptConfidence = 0.8

// Analyze fills a.Times using a.Published (an ISO date or date-time) as the
// reference date. When a.Published is empty it first infers a reference
// date from the text and, when it finds one with confidence >=
// AdoptConfidence, sets a.Published (as "2006-01-02"), a.PublishedFrom =
// "inferred" and a.PublishedConfidence. To retag with a reference learnt
// elsewhere (another article of the same story), set a.Published and call
// Analyze again. It is a stage of the analysis chain (pipeline.Stage) and
// never fails.
func (t *Tagger) Analyze(a *news.Article) error {
	body := a.Body()
	ts := text.Scan(body, text.ASCIILower(body))
	exprs := match(ts)
	ref, haveRef := ParseDate(a.Published)
	if !haveRef && strings.TrimSpace(a.Published) == "" {
		if inf := infer(collect(ts, exprs)); inf.ok && inf.confidence >= AdoptConfidence {
			ref, haveRef = inf.date, true
			a.Published = inf.date.Format(dayLayout)
			a.PublishedFrom = "inferred"
			a.PublishedConfidence = inf.confidence
		}
	}
	a.Times = resolveAll(body, ts, exprs, ref, haveRef)
	return nil
}

// ParseDate reads the date part of an ISO 8601 date or date-time
// ("2017-04-12", "2017-04-12T10:00:00Z", "2017-04-12 10:00"). The date is
// taken as written, without converting time zones.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return time.Time{}, false
	}
	d, err := time.Parse(dayLayout, s[:10])
	if err != nil || d.Year() < minYear {
		return time.Time{}, false
	}
	return d, true
}

// minYear is the earliest year taken as a publication date: "0001-01-01"
// is an empty timestamp (Go's and many databases' zero time), not a date.
const minYear = 1000

// resolveAll turns matched expressions into news.Times, joining times of
// day to adjacent dates.
func resolveAll(body string, ts toks, exprs []expr, ref time.Time, haveRef bool) []news.Time {
	yearClauses(ts, exprs, ref, haveRef) // years.go: the clause a yearless date's year follows
	out := make([]news.Time, 0, len(exprs))
	kinds := make([]expr, 0, len(exprs)) // the expression behind each of out
	var anchor time.Time                 // last day-precise date, for "two days later"
	haveAnchor, anchorSentence := false, 0
	var sentDay time.Time // last day-precise date of the current sentence
	sentDaySentence := -1
	lastYear, lastYearSentence := 0, 0 // last year the text stated, for "the very next year"
	// last year the text stated as a date's ("June 9, 2020", "June
	// 2020", "in 2020", "a 2020 tour"; not an attributive "the 2012
	// candidates" or "the 2020 Hornet", which name no time of events),
	// for nextYearNarrative
	statedYear, statedYearSentence, statedYearTok := 0, 0, 0
	// last month the text stated with its year ("November 2016", "Nov.
	// 3, 2016"), for pastYearNarrative
	var stated monthOfYear
	// the last date the text gave, when it was a year or a month, not a
	// day, for "Two years later" after "In 2012" (coarseCount)
	var coarse coarseAnchor
	for i := 0; i < len(exprs); i++ {
		e := exprs[i]
		if e.kind == 0 {
			continue // a midnight dropped beside its date
		}
		// "midnight Friday" is by custom the midnight that ends Friday, but
		// also read as the one that starts it: the date is kept alone (its
		// day is the one named) and the midnight dropped.
		if e.midnight && i+1 < len(exprs) && dayPrecise(exprs[i+1].kind) && joined(ts, e, exprs[i+1]) {
			i++
			e = exprs[i]
		} else if dayPrecise(e.kind) && i+1 < len(exprs) && exprs[i+1].midnight && joined(ts, e, exprs[i+1]) {
			exprs[i+1].kind = 0
		}
		// Join a date and a time of day: "Wednesday at 8 p.m.", "8 p.m. Wednesday".
		var clock *expr
		if e.kind == kClock && i+1 < len(exprs) && dayPrecise(exprs[i+1].kind) && joined(ts, e, exprs[i+1]) {
			c := e
			clock = &c
			e = exprs[i+1]
			e.start = c.start
			i++
		} else if dayPrecise(e.kind) && i+1 < len(exprs) && exprs[i+1].kind == kClock && joined(ts, e, exprs[i+1]) {
			c := exprs[i+1]
			clock = &c
			e.end = c.end
			i++
		}
		v, rel, day, isDay := resolveOne(e, ref, haveRef, anchor, haveAnchor, anchorSentence)
		if nextYearNarrative(e, ref, haveRef, statedYear, statedYearSentence) {
			// "a tour in 2020 ... the final date is Oct. 10": the text
			// has just stated the coming year, so a yearless date not
			// in a past clause is in it.
			in := e
			in.y = statedYear
			v, _, day, isDay = resolveOne(in, ref, haveRef, anchor, haveAnchor, anchorSentence)
		} else if pastYearNarrative(e, ref, haveRef, stated) {
			// "in November 2008 ... By December, his cough grew worse": a
			// past narrative that has just stated a month of an earlier
			// year goes on in that year.
			in := e
			in.y = stated.y
			v, _, day, isDay = resolveOne(in, ref, haveRef, anchor, haveAnchor, anchorSentence)
		}
		if e.kind == kClock {
			switch {
			case sentDaySentence == e.sentence:
				v, rel = sentDay.Add(clockDur(e)).Format(dateTimeLayout), true
			case haveRef:
				v, rel = ref.Add(clockDur(e)).Format(dateTimeLayout), true
			default:
				v, rel = "", true
			}
		}
		if clock != nil && isDay {
			v = day.Add(clockDur(*clock)).Format(dateTimeLayout)
		}
		if e.sequel {
			v = sequelValue(e, lastYear, lastYearSentence)
		}
		if cv, ok := coarseCount(e, coarse, ref, haveRef); ok && (!e.approx || countedVague(ts, e, coarse, ref, haveRef)) {
			v = cv
		}
		switch {
		case e.endOf && !periodEndAhead(ts, e, ref):
			v = "" // "had doubled by the end of the year": which year's is unsaid (periods.go)
		case e.thatYear:
			v = thatYearValue(ts, e, statedYear, statedYearSentence, statedYearTok)
		case v == "" && haveRef && compared(ts, e):
			v, e.fromRef = comparedValue(ts, e, ref), true
		case e.shortDecade && haveRef && ref.Year() >= e.y+100:
			v = "" // "the thirties" in 2035: this century's or the last's
		case e.current:
			if lo, hi := sentenceWindow(ts, e.tok); pastTimeStated(ts, lo, hi, e.tok) {
				v = "" // "In 2019, the company warned that profits for the current year would fall"
			}
		}
		if e.y != 0 && !e.generic && (e.kind == kDate || e.kind == kMonth) && !edgePreps[ts.Word(e.tok-1)] {
			stated = monthOfYear{y: e.y, m: e.m, sentence: e.sentence}
		}
		if e.y != 0 && !e.generic {
			lastYear, lastYearSentence = e.y, e.sentence
			if e.kind != kDecade && (e.kind != kYear || ts.Word(e.tok-1) == "in" || yearOfEvent(ts, e.tok)) {
				statedYear, statedYearSentence, statedYearTok = e.y, e.sentence, e.tok
			}
		}
		if isDay {
			anchor, haveAnchor, anchorSentence = day, true, e.sentence
			sentDay, sentDaySentence = day, e.sentence
			coarse = coarseAnchor{} // a day is the last date given now
		}
		if c, ok := coarseOf(e, v, ts); ok {
			coarse = c
		}
		out = append(out, news.Time{Text: body[e.start:e.end], Value: v, Relative: rel, Start: e.start, End: e.end})
		kinds = append(kinds, e)
	}
	quote := quoteSpans(body, ts)
	placeClauseDates(out, kinds, ts, ref, haveRef, quote)
	if haveRef {
		placeWeekdays(out, kinds, ts, ref)    // weekdays.go
		placeSpans(body, out, kinds, ts, ref) // spans.go
	}
	placeEventDays(out, kinds)
	unplacePeriods(out, kinds) // periods.go
	if haveRef {
		placeAheadOf(out, kinds, ts, ref)
		dateQuotedNights(body, ts, out, kinds, ref, quote)
		dateSpokenQuotes(ts, out, kinds, ref, quote)
	}
	unplaceAddressed(ts, out, kinds, quote)
	return out
}

// seasonNouns name a scheduled season of events: a year before one ("a
// 2020 European tour", "the 2020 season") gives the time of the
// event the text goes on to date, as "in 2020" does.
var seasonNouns = map[string]bool{
	"tour": true, "season": true, "festival": true, "campaign": true, "election": true,
	"elections": true, "olympics": true, "championship": true,
}

// yearOfEvent reports whether the year at token k is attributive to a
// season noun, at most two words between ("a 2020 European tour").
func yearOfEvent(ts toks, k int) bool {
	for j := k + 1; j <= k+3 && ts.Kind(j) == text.LexWord; j++ {
		if seasonNouns[ts.Word(j)] {
			return true
		}
	}
	return false
}

// nextYearNarrative reports whether a yearless month-day or bare month
// takes the narrative's year: the text stated the year after the
// reference as a date's (a full date, a month and year, "in 2020", "a
// 2020 tour": yearOfEvent) in
// its sentence or at most anchorReach sentences back, and the clause is
// not past. Only the coming year is taken: a past year stated nearby is
// often a background event's ("elected in 2008, she said on March 3"),
// while a text that has just named next year is telling its plans.
func nextYearNarrative(e expr, ref time.Time, haveRef bool, year, yearSentence int) bool {
	if !haveRef || e.y != 0 || e.generic || e.wd != 0 || e.tense == TensePast {
		return false
	}
	if (e.kind != kDate && e.kind != kMonth) || e.mod != 0 {
		return false
	}
	return year == ref.Year()+1 && yearSentence >= e.sentence-anchorReach
}

// edgePreps open a span at a date ("since Jan. 1, 2015"): the date is its
// edge, not the time a narrative stands at.
var edgePreps = map[string]bool{"since": true, "from": true, "between": true, "through": true, "until": true, "till": true}

// monthOfYear is a month the text stated with its year, and the sentence
// it was stated in.
type monthOfYear struct{ y, m, sentence int }

// pastYearNarrative reports whether a yearless month-day or bare month in
// a past clause takes the year of the month the text has just stated with
// its year (in its sentence or at most anchorReach sentences back): that
// year is before the reference's and the month comes later in it, so the
// narrative is moving on through that year ("in November 2008 ... By
// December, his cough grew worse"). A date opening a span ("since Jan. 1, 2015":
// edgePreps) is not stated so. A month not after the stated one is left to
// the usual rule: it may be a background event's ("elected in November
// 2008, she said on March 3"), as may a bare year's months ("in 2008"),
// which are not taken.
func pastYearNarrative(e expr, ref time.Time, haveRef bool, stated monthOfYear) bool {
	if !haveRef || e.y != 0 || e.generic || e.wd != 0 || e.tense != TensePast {
		return false
	}
	if (e.kind != kDate && e.kind != kMonth) || e.mod != 0 {
		return false
	}
	return stated.y != 0 && stated.y < ref.Year() && e.m > stated.m && stated.sentence >= e.sentence-anchorReach
}

// placeEventDays resolves "the day before the debate": the day before
// (after) the one day the text gives that event ("the debate Monday
// night", "Monday's debate"); unresolved when the text dates it on no day
// or on several.
func placeEventDays(out []news.Time, es []expr) {
	for k, e := range es {
		if e.kind != kEventDay {
			continue
		}
		day := ""
		for j, o := range es {
			v := out[j].Value
			if o.kind == kEventDay || o.event != e.event || len(v) < len(dayLayout) || strings.Contains(v, "/") {
				continue
			}
			if day != "" && v[:len(dayLayout)] != day {
				day = "" // dated on several days: which one is unsaid
				break
			}
			day = v[:len(dayLayout)]
		}
		if d, err := time.Parse(dayLayout, day); err == nil {
			out[k].Value = d.AddDate(0, 0, e.mod).Format(dayLayout)
		}
	}
}

// sequelValue resolves "the very next year": the year after the last year
// the text stated ("in January 2017 ... and again the very next year"),
// when at most anchorReach sentences back; other units and a missing year
// leave it unresolved (the narrative's time is not the reference's).
func sequelValue(e expr, lastYear, lastYearSentence int) string {
	if e.unit != uYear || lastYear == 0 || lastYearSentence < e.sentence-anchorReach {
		return ""
	}
	return strconv.Itoa(lastYear + 1)
}

// coarseAnchor is the last date the text gave when it was a year or a
// month ("In 2012", "in the 2010 elections", "In May"): its first day,
// its unit (uYear, uMonth) and its sentence; unit 0 when none.
type coarseAnchor struct {
	at       time.Time
	unit     int
	sentence int
	tok      int // the date's first token
}

// coarseOf returns the coarse anchor that e, resolved to v, gives: a year
// stated as the time of events ("in 2012", "the 2010 elections"; not an
// attributive "the 2012 candidates") or a month of a known year ("In
// May", "in May 2019"). Counts and spans are none.
func coarseOf(e expr, v string, ts toks) (coarseAnchor, bool) {
	if e.generic || v == "" {
		return coarseAnchor{}, false
	}
	switch {
	case e.kind == kYear && len(v) == 4 && (ts.Word(e.tok-1) == "in" || yearOfEvent(ts, e.tok)):
		y, _ := strconv.Atoi(v)
		return coarseAnchor{date(y, 1, 1), uYear, e.sentence, e.tok}, true
	case e.kind == kMonth && len(v) == len(monthLayout):
		if d, err := time.Parse(monthLayout, v); err == nil {
			return coarseAnchor{d, uMonth, e.sentence, e.tok}, true
		}
	}
	return coarseAnchor{}, false
}

// coarseCount resolves an exact count "N years later|earlier|prior" or
// "N months later|earlier|prior" (no object) from the last date the text
// gave when that was a year or a month of the count's own unit, at most
// anchorReach sentences back ("In 2012, she lost a primary. Two years
// later, she won": 2014; "In May, the agency awarded orders, but one
// firm cancelled two months later": July). A count of another unit ("a
// year earlier" after "In January 2012") is not read from it: the unit
// of the anchor is not the count's, and the judges left that unresolved.
// A vague count with a count word in a past clause ("The mill shut in
// 1998; several years later the town emptied": countedVague) is the
// range of 2 to 7 units from it, as from a day (resolveAfter); a bare
// "Years later" is not read.
func coarseCount(e expr, c coarseAnchor, ref time.Time, haveRef bool) (string, bool) {
	if e.kind != kAfter || e.prep || c.unit == 0 || e.unit != c.unit || c.sentence < e.sentence-anchorReach {
		return "", false
	}
	v := resolveAfter(e, c.at, ref, haveRef)
	if haveRef && !e.tense.forward() && rangeStart(v) > ref.Format(pointLayout(e.unit)) {
		return "", false // not after the article in a past clause
	}
	return v, true
}

// pointLayout is the layout of a point value of the unit.
func pointLayout(unit int) string {
	switch unit {
	case uMonth:
		return monthLayout
	case uYear:
		return "2006"
	}
	return dayLayout
}

// placeClauseDates resolves prepositional anchored counts ("a day after
// the vote", "six years after she was released"): they date the clause
// they modify, so they take the day-precise date of another expression in
// the same sentence (the nearest), else the reference date when that
// clause is in the present tense ("The report comes a day after ..."),
// else they stay unresolved (the anchoring event is undated). A date on
// the other side of a quotation's edge is not the clause's: "“Two months
// after the onset, I was unable to stand,” he wrote in a study published
// Monday" dates the writing, not the illness. Nor is a date inside the
// count's own object (objectEnd): "came three days after the council
// condemned the launch on Monday" dates the condemnation, and the clause
// is then undated.
func placeClauseDates(out []news.Time, es []expr, ts toks, ref time.Time, haveRef bool, quote []int) {
	for k, e := range es {
		if e.kind != kAfter || !e.prep {
			continue
		}
		out[k].Value = ""
		best := -1
		objEnd := objectEnd(ts, e)
		lo, hi := sentenceOf(es, k)
		for j := lo; j <= hi; j++ {
			o := es[j]
			if j == k || !dayPrecise(o.kind) || o.generic || len(out[j].Value) < len(dayLayout) || quote[o.tok] != quote[e.tok] {
				continue
			}
			if o.start >= e.end && o.start < objEnd || otherClauseDate(ts, o.tok, e.tok, objEnd) {
				continue
			}
			if best < 0 || abs(o.start-e.start) < abs(es[best].start-e.start) {
				best = j
			}
		}
		switch {
		case best >= 0:
			out[k].Value = out[best].Value[:len(dayLayout)]
		case haveRef && e.tense == TensePresent:
			// The present clause is dated by the reference, at the
			// year for a count of years: "the old bridge is still
			// unrepaired 40 years after the flood" is the year, "the
			// report comes a day after the vote" and "the shop is
			// shut two weeks before the fair" the day (as judged).
			if e.unit == uYear || e.unit == uDecade {
				out[k].Value = ref.Format("2006")
			} else {
				out[k].Value = ref.Format(dayLayout)
			}
		}
	}
}

// sentenceOf returns the first and last index of the expressions of
// es[k]'s sentence, at most sentenceReach tokens from it. es are in token
// order, so a sentence's expressions stand together around k, and a rule
// that looks only at its sentence costs the sentence, not the whole text,
// per expression (and a run-on text without breaks no more than that
// reach).
func sentenceOf(es []expr, k int) (lo, hi int) {
	lo, hi = k, k
	for lo > 0 && es[lo-1].sentence == es[k].sentence && es[lo-1].tok >= es[k].tok-sentenceReach {
		lo--
	}
	for hi+1 < len(es) && es[hi+1].sentence == es[k].sentence && es[hi+1].tok <= es[k].tok+sentenceReach {
		hi++
	}
	return lo, hi
}

// aheadReach bounds the words between an expression and the "until" or
// "ahead of" whose object holds it.
const aheadReach = 10

// placeAheadOf places a weekday, a yearless month-day or a bare month in
// the object of "until", "till", "pending", "ahead of" or "in advance
// of" on or after the reference when the clause the phrase modifies is
// dated on the reference day ("released a letter Tuesday in advance of
// the bishop's visit on Thursday" in a Tuesday's text; "named an aide on
// Wednesday to serve until an election in June"): the phrase's object
// comes after the clause's time, so it cannot lie before that day; so
// too when the clause is in the present ("is training ahead of
// Saturday's final": its time is now). The expression's own verb must
// govern from before the phrase (a verb of the object, "until the panel
// had met on Monday", decides for itself)
// and be no past perfect ("had waited until Friday" lies before the
// clause's day), and no clause opener ("that", "how", "when") may stand
// between the date and the phrase ("said Tuesday that until the floods
// in May ..." is another clause). The dated expression must hang on the
// same verb, and no relative pronoun or participle on a noun may stand
// between it and the phrase ("praised the crews who worked until
// Friday", "released data covering the period until March": the phrase
// dates the noun's own clause). "before" is not
// read: it opens past narrations ("before the war in March") too often.
// An undated clause whose verb the search does not find leaves a weekday
// there unresolved: the phrase puts it after the clause, the news
// default before now, and nothing settles the week.
func placeAheadOf(out []news.Time, es []expr, ts toks, ref time.Time) {
	today := ref.Format(dayLayout)
	for k, e := range es {
		if e.generic || e.y != 0 || e.mod != 0 || out[k].Value == "" || strings.Contains(out[k].Value, "/") {
			continue
		}
		if e.kind != kWeekday && (e.kind != kDate || e.d2 != 0 || e.wd != 0) && e.kind != kMonth {
			continue
		}
		p := aheadPrep(ts, e.tok)
		if p < 0 {
			continue
		}
		t, name, g := governing(ts, e.tok)
		if g >= p || t == TensePast && (name == "perfect" || ts.Word(g-1) == "had") {
			continue // the object's own verb, or a past perfect ("had waited until Friday") before the clause's day
		}
		// A clause in the present ("the team is training ahead of
		// Saturday's final", "the road remains closed until Friday") is
		// dated now, as one dated on the reference day is.
		dated := name == "progressive" && t == TenseFuture || name == "present-form" && t == TensePresent
		for j := k - 1; j >= 0 && es[j].sentence == e.sentence && es[j].tok >= e.tok-sentenceReach; j-- {
			o := es[j]
			if !dayPrecise(o.kind) || o.generic || o.end > ts[p].Start || !strings.HasPrefix(out[j].Value, today) {
				continue
			}
			if _, _, og := governing(ts, o.tok); g >= 0 && og != g || modifierClauseBetween(ts, max(g, o.tok), p) {
				continue // another verb's clause, or "praised the crews who worked until Friday": the phrase dates the noun's clause
			}
			if !clauseOpenerBetween(ts, o.tok, p) {
				dated = true
			}
		}
		if !dated {
			if name == "" && e.kind == kWeekday {
				// No verb found to date the clause: news's past default
				// and the phrase's "after the clause" disagree, and
				// nothing settles the week ("flags along the harbour in
				// advance of the regatta on Thursday").
				out[k].Value = ""
			}
			continue
		}
		v := out[k].Value
		switch e.kind {
		case kWeekday:
			if d, err := time.Parse(dayLayout, v[:len(dayLayout)]); err == nil && d.Before(ref) {
				out[k].Value = d.AddDate(0, 0, 7).Format(dayLayout) + v[len(dayLayout):]
			}
		case kDate:
			if d, err := time.Parse(dayLayout, v[:len(dayLayout)]); err == nil && d.Before(ref) && validDate(d.Year()+1, e.m, e.d) {
				out[k].Value = date(d.Year()+1, e.m, e.d).Format(dayLayout) + v[len(dayLayout):]
			}
		case kMonth:
			if m, err := time.Parse(monthLayout, v); err == nil && m.Before(date(ref.Year(), int(ref.Month()), 1)) {
				out[k].Value = m.AddDate(1, 0, 0).Format(monthLayout)
			}
		}
	}
}

// aheadPrep returns the token of the "until", "till", "pending" or the
// "of" of "ahead of" / "in advance of" that opens the phrase holding
// token i (at most aheadReach words back, no comma or break between),
// else -1.
func aheadPrep(ts toks, i int) int {
	seen := 0
	for j := i - 1; j >= 0 && seen < aheadReach; j-- {
		if ts[j].Kind == text.LexBreak || ts.Is(j, ",") || ts.Is(j, ";") {
			return -1
		}
		if ts[j].Kind != text.LexWord {
			continue
		}
		seen++
		switch ts.Word(j) {
		case "until", "till", "pending":
			return j
		case "of":
			if ts.Word(j-1) == "ahead" || ts.Word(j-1) == "advance" && ts.Word(j-2) == "in" {
				return j
			}
		}
	}
	return -1
}

// relativeOpeners open a relative clause on the noun before them.
var relativeOpeners = map[string]bool{"who": true, "whom": true, "whose": true, "which": true, "that": true}

// modifierClauseBetween reports whether a relative pronoun, or a
// participle right after a noun ("emails sent", "data covering", "the
// shirts worn"), stands strictly between tokens g and p: a phrase at p
// then modifies that clause on the noun, not the verb or date at g.
func modifierClauseBetween(ts toks, g, p int) bool {
	for j := g + 1; j < p; j++ {
		if ts[j].Kind != text.LexWord || ts[j].Upper {
			continue
		}
		w := ts.Word(j)
		if relativeOpeners[w] {
			return true
		}
		prev := ts.Word(j - 1)
		if j-1 <= g || ts[j-1].Kind != text.LexWord || determiners[prev] || nounPreps[prev] || prev == "to" || prev == "and" || prev == "or" {
			continue
		}
		if len(w) > 5 && strings.HasSuffix(w, "ing") && !timeOfDayNouns[w] || regularPast(w) || pastForms[w] || participles[w] {
			return true
		}
	}
	return false
}

// timeOfDayNouns end in "-ing" but are no participle.
var timeOfDayNouns = map[string]bool{"morning": true, "evening": true, "during": true}

// clauseOpeners open a content or adverbial clause: a date before one
// dates another clause than the words after it.
var clauseOpeners = map[string]bool{"that": true, "how": true, "why": true, "when": true, "where": true, "whether": true, "if": true}

// clauseOpenerBetween reports whether a clause opener, a subject pronoun
// or a verb of saying stands strictly between tokens a and b.
func clauseOpenerBetween(ts toks, a, b int) bool {
	for j := a + 1; j < b; j++ {
		if w := ts.Word(j); clauseOpeners[w] || subjectPronouns[w] || w == "said" || w == "says" || w == "told" {
			return true // "said Tuesday he had ...": a reported clause
		}
	}
	return false
}

// objectEnd returns the byte offset where the object of a prepositional
// anchored count ends ("after the council condemned the launch on
// Monday"): the first comma, semicolon, colon, bracket or dash after it, else the
// sentence's end. A clause the count opens ends at its comma ("A day
// after the vote, she resigned on Tuesday"), so the main clause's date
// stays outside.
func objectEnd(ts toks, e expr) int {
	j := e.tok
	for j < len(ts) && ts[j].Start < e.end {
		j++
	}
	for ; j < len(ts) && ts[j].Kind != text.LexBreak; j++ {
		if ts[j].Kind == text.LexPunct && (objectEnds[ts[j].S] || ts[j].S == "-" && ts[j].Start > ts[j-1].End) {
			return ts[j].Start // a spaced hyphen is a dash ("two weeks earlier -- on October 4")
		}
	}
	if j < len(ts) {
		return ts[j].Start
	}
	return int(^uint(0) >> 1)
}

// objectEnds are the punctuation marks that close an anchored count's
// object.
var objectEnds = map[string]bool{",": true, ";": true, ":": true, "—": true, "–": true, "(": true}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func clockDur(e expr) time.Duration {
	return time.Duration(e.hour)*time.Hour + time.Duration(e.min)*time.Minute
}

// maxAhead is the furthest after the reference a month-day without a year
// is placed on a present-tense cue (the 183 days of nearestYear); a future
// one ("will be on March 1") may place it further.
const maxAhead = 183 * 24 * time.Hour

// wouldBack is how far before the reference a yearless month-day under a
// bare "would" may be read as a future seen from the past (a month).
const wouldBack = 31 * 24 * time.Hour

// anchorReach is how many sentences back an anchor for "two days later" may
// be; further back, the expression more likely counts from an event the text
// does not date.
const anchorReach = 3

// dayPrecise reports whether an expression kind resolves to a single day.
func dayPrecise(k int) bool { return k == kDate || k == kWeekday || k == kDayOffset }

// joined reports whether two expressions are separated only by joining words
// ("at", "on", ",", "by", "around", "about", "before", "after").
func joined(ts toks, a, b expr) bool {
	gap := 0
	for j := b.tok - 1; j >= 0 && ts[j].Start >= a.end; j-- {
		switch ts[j].S {
		case "at", "on", ",", "by", "around", "about", "before", "after", "just":
		default:
			return false
		}
		gap++
		if gap > 3 {
			return false
		}
	}
	return true
}

// resolveOne resolves e. day/isDay report a day-precise result (for anchors).
func resolveOne(e expr, ref time.Time, haveRef bool, anchor time.Time, haveAnchor bool, anchorSentence int) (v string, rel bool, day time.Time, isDay bool) {
	if e.generic || e.unplaced {
		return "", true, time.Time{}, false
	}
	switch e.kind {
	case kDate:
		if e.d2 != 0 {
			return resolveDayRange(e, ref, haveRef)
		}
		if e.y != 0 {
			d := date(e.y, e.m, e.d)
			return d.Format(dayLayout), false, d, true
		}
		if !haveRef {
			return "", true, time.Time{}, false
		}
		if e.mod == 2 { // "May 3rd of last year" (n the year's offset)
			if !validDate(ref.Year()+e.n, e.m, e.d) {
				return "", true, time.Time{}, false
			}
			d := date(ref.Year()+e.n, e.m, e.d)
			return d.Format(dayLayout), true, d, true
		}
		d := nearestYear(e.m, e.d, e.wd, ref)
		switch {
		case e.wd != 0:
		case e.would && d.Before(ref) && ref.Sub(d) <= wouldBack:
			// "vowed that Britain would leave on Oct. 31" three weeks
			// after it: a future seen from the past whose day has just
			// gone; further back it is more likely the next one ("would
			// take effect Jan. 1" in June).
		case e.tense.forward() && d.Before(ref): // "the vote slated for June 25"
			d = date(ref.Year(), e.m, e.d)
			if d.Before(ref) {
				d = date(ref.Year()+1, e.m, e.d)
			}
			if e.tense == TensePresent && d.Sub(ref) > maxAhead {
				// A present tense ("is", "remains") is a weak cue of a
				// scheduled event; nearly a year ahead against a date just
				// past it more likely names the past date ("the threat
				// before Sept. 11 is ..."), which it does not place either.
				return "", true, time.Time{}, false
			}
		case e.tense == TensePast && d.After(ref) && !(e.forwardSoon && soonThisYear(d, ref)):
			// "had been 3,210 victims between January 1 and ..."
			d = date(ref.Year(), e.m, e.d)
			if d.After(ref) {
				d = date(ref.Year()-1, e.m, e.d)
			}
		}
		if !validDate(d.Year(), e.m, e.d) {
			d = nearestYear(e.m, e.d, 0, ref)
		}
		return d.Format(dayLayout), true, d, true
	case kMonth:
		if e.y != 0 {
			return fmt.Sprintf("%04d-%02d", e.y, e.m), false, time.Time{}, false
		}
		if !haveRef {
			return "", true, time.Time{}, false
		}
		return resolveMonth(e, ref).Format(monthLayout), true, time.Time{}, false
	case kYear:
		return strconv.Itoa(e.y), false, time.Time{}, false
	case kDecade:
		return strconv.Itoa(e.y / 10), false, time.Time{}, false
	case kClock:
		return "", true, time.Time{}, false
	case kHoliday:
		if !haveRef {
			return "", true, time.Time{}, false
		}
		d, ok := resolveHoliday(e, ref)
		if !ok {
			return "", true, time.Time{}, false
		}
		return d.Format(dayLayout), true, d, true
	}
	// Everything below is relative to the reference or the anchor.
	if e.kind == kAfter {
		if !haveAnchor || anchorSentence < e.sentence-anchorReach {
			return "", true, time.Time{}, false
		}
		v := resolveAfter(e, anchor, ref, haveRef)
		if haveRef && !e.tense.forward() && rangeStart(v) > ref.Format(dayLayout) {
			return "", true, time.Time{}, false // "told him several months later": not after the article
		}
		return v, true, time.Time{}, false
	}
	if !haveRef {
		return "", true, time.Time{}, false
	}
	switch e.kind {
	case kWeekday:
		d := resolveWeekday(e, ref)
		return d.Format(dayLayout), true, d, true
	case kDayOffset:
		d := ref.AddDate(0, 0, e.n)
		return d.Format(dayLayout), true, d, true
	case kUnitRel:
		return resolveUnitRel(e, ref), true, time.Time{}, false
	case kAgo:
		if e.ahead && e.tense != TenseFuture {
			return "", true, time.Time{}, false // "built in 10 days": a duration
		}
		return resolveAgo(e, ref), true, time.Time{}, false
	case kRecent:
		return rangeOf(shift(ref, e.unit, -e.n), ref, e.unit), true, time.Time{}, false
	case kSpan:
		if e.tense != TenseFuture {
			return "", true, time.Time{}, false
		}
		return rangeOf(ref, shift(ref, e.unit, e.n), e.unit), true, time.Time{}, false
	}
	return "", true, time.Time{}, false
}

// resolveDayRange places a month-day range ("September 16-19"): its first
// day is placed as a month-day alone would be (tense included), and the
// range runs to the last day of the same month and year. It is no single
// day, so it anchors nothing.
func resolveDayRange(e expr, ref time.Time, haveRef bool) (string, bool, time.Time, bool) {
	first := e
	first.d2 = 0
	v, rel, d, ok := resolveOne(first, ref, haveRef, time.Time{}, false, 0)
	if !ok {
		return "", true, time.Time{}, false
	}
	// A last day past the month's end ("September 30-31", "February
	// 27-29" in a common year) is cut to the month's last day: the days
	// that exist are kept, the range never spills into the next month.
	last := min(e.d2, monthDays(d.Year(), e.m))
	if last <= d.Day() {
		return v, rel, time.Time{}, false
	}
	return v + "/" + date(d.Year(), e.m, last).Format(dayLayout), rel, time.Time{}, false
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// nearestYear places month m day d in the year nearest ref: candidates in
// ref's year and the years either side; a date after ref costs double its
// distance and is excluded beyond 183 days. With wd != 0 only years where
// the date falls on that weekday are candidates (searching further out),
// falling back to the plain rule.
func nearestYear(m, d, wd int, ref time.Time) time.Time {
	best, bestCost := time.Time{}, -1.0
	span := 1
	if wd != 0 {
		span = 6
	}
	for y := ref.Year() - span; y <= ref.Year()+span; y++ {
		if !validDate(y, m, d) {
			continue
		}
		c := date(y, m, d)
		if wd != 0 && int(c.Weekday())+1 != wd {
			continue
		}
		cost, ok := nearCost(c.Sub(ref).Hours()/24, 183)
		if !ok {
			continue
		}
		if bestCost < 0 || cost < bestCost {
			best, bestCost = c, cost
		}
	}
	if bestCost < 0 {
		if wd != 0 {
			return nearestYear(m, d, 0, ref)
		}
		// Feb 29 with no leap year near: fall back to Feb 28 of ref's year.
		return date(ref.Year(), m, 28)
	}
	return best
}

// resolveMonth places a bare month relative to ref.
func resolveMonth(e expr, ref time.Time) time.Time {
	rm, ry := int(ref.Month()), ref.Year()
	forward := e.mod == 1 || (e.mod == 0 && e.tense.forward())
	switch {
	case e.mod == 2: // "this May", "May next year" (n the year's offset)
		return date(ry+e.n, e.m, 1)
	case e.mod == -1: // strictly before the reference month
		if e.m < rm {
			return date(ry, e.m, 1)
		}
		return date(ry-1, e.m, 1)
	case e.mod == 1: // strictly after
		if e.m > rm {
			return date(ry, e.m, 1)
		}
		return date(ry+1, e.m, 1)
	case forward:
		if e.m >= rm {
			return date(ry, e.m, 1)
		}
		return date(ry+1, e.m, 1)
	default:
		if e.m <= rm {
			return date(ry, e.m, 1)
		}
		if e.forwardSoon && e.m-rm <= 2 {
			// "gave it until mid-November" in October: the
			// month just ahead a forward construction holds (soon.go)
			return date(ry, e.m, 1)
		}
		return date(ry-1, e.m, 1)
	}
}

// weekdayGaps returns the days back from ref to the most recent weekday
// wd (1 Sunday .. 7 Saturday) and forward to the coming one, 0 when ref
// is that day.
func weekdayGaps(wd int, ref time.Time) (back, fwd int) {
	want := time.Weekday(wd - 1)
	return (int(ref.Weekday()) - int(want) + 7) % 7, (int(want) - int(ref.Weekday()) + 7) % 7
}

// resolveWeekday applies the weekday convention (see the package doc).
func resolveWeekday(e expr, ref time.Time) time.Time {
	back, fwd := weekdayGaps(e.wd, ref)
	switch {
	case e.mod == -1:
		if back == 0 {
			back = 7
		}
		return ref.AddDate(0, 0, -back)
	case e.mod == 1:
		if fwd == 0 {
			fwd = 7
		}
		return ref.AddDate(0, 0, fwd)
	case e.possessive && (e.tense.forward() || e.counterfactual):
		// "Monday's vote might not change much", "hopes are slim
		// after Monday night's defeat": a future or present verb may speak
		// of the named event's effects, so the nearest such day (ties go
		// back); so too under a modal perfect ("The Wednesday hearing
		// would have been her first"), which tells what would have been,
		// not when.
		if fwd < back {
			return ref.AddDate(0, 0, fwd)
		}
		return ref.AddDate(0, 0, -back)
	case e.tense.forward():
		return ref.AddDate(0, 0, fwd)
	case e.mod == 2 && e.tense == TenseUnknown:
		return ref.AddDate(0, 0, fwd)
	default:
		return ref.AddDate(0, 0, -back)
	}
}

// isoWeekStart returns the Monday of d's ISO week.
func isoWeekStart(d time.Time) time.Time {
	off := (int(d.Weekday()) + 6) % 7
	return d.AddDate(0, 0, -off)
}

func dayRange(a, b time.Time) string {
	if a.Equal(b) {
		return a.Format(dayLayout)
	}
	return a.Format(dayLayout) + "/" + b.Format(dayLayout)
}

// resolveUnitRel resolves "last week", "this month", "earlier this week"...
func resolveUnitRel(e expr, ref time.Time) string {
	step := e.mod
	if step == 2 {
		step = 0
	}
	switch e.unit {
	case uWeek:
		mon := isoWeekStart(ref).AddDate(0, 0, 7*step)
		sun := mon.AddDate(0, 0, 6)
		if step == 0 && e.part == -1 {
			return dayRange(mon, ref)
		}
		if step == 0 && e.part == 1 {
			return dayRange(ref, sun)
		}
		return dayRange(mon, sun)
	case uWeekend:
		sat := isoWeekStart(ref).AddDate(0, 0, 5)
		if e.mod == 3 { // "over the weekend": the one just gone, or the coming one in a future clause
			switch {
			case e.tense == TensePresent:
				return "" // "shops close over the weekend": habitual
			case e.tense != TenseFuture && ref.Before(sat):
				sat = sat.AddDate(0, 0, -7)
			}
			return dayRange(sat, sat.AddDate(0, 0, 1))
		}
		switch {
		case e.mod == -1 && !ref.After(sat.AddDate(0, 0, 1)):
			sat = sat.AddDate(0, 0, -7)
		case e.mod == 1:
			sat = sat.AddDate(0, 0, 7)
		case e.mod == 2 && e.tense == TensePast && ref.Before(sat):
			// "appeared unreceptive this weekend", written on a weekday:
			// the weekend just gone.
			sat = sat.AddDate(0, 0, -7)
		}
		return dayRange(sat, sat.AddDate(0, 0, 1))
	case uMonth:
		return date(ref.Year(), int(ref.Month())+step, 1).Format(monthLayout)
	case uYear:
		return strconv.Itoa(ref.Year() + step)
	}
	return ""
}

// shift moves d by n units. A month count moves from the first of the
// month; a year count from February 29 lands on March 1 of the same year
// under AddDate, which is still the year counted.
func shift(d time.Time, unit, n int) time.Time {
	switch unit {
	case uDay:
		return d.AddDate(0, 0, n)
	case uWeek:
		return d.AddDate(0, 0, 7*n)
	case uMonth:
		// From the first of the month: AddDate from the 29th-31st
		// overflows a shorter month ("a month ago" on March 31 would
		// be March 3). Month results print at month precision.
		return time.Date(d.Year(), d.Month()+time.Month(n), 1, 0, 0, 0, 0, d.Location())
	case uYear:
		return d.AddDate(n, 0, 0)
	case uDecade:
		return d.AddDate(10*n, 0, 0)
	}
	return d
}

// rangeOf formats [a, b] at the unit's granularity.
func rangeOf(a, b time.Time, unit int) string {
	switch unit {
	case uMonth:
		x, y := a.Format(monthLayout), b.Format(monthLayout)
		if x == y {
			return x
		}
		return x + "/" + y
	case uYear, uDecade:
		x, y := strconv.Itoa(a.Year()), strconv.Itoa(b.Year())
		if x == y {
			return x
		}
		return x + "/" + y
	}
	return dayRange(a, b)
}

// pointOf formats d at the unit's granularity ("two weeks ago" is a week).
func pointOf(d time.Time, unit int) string {
	switch unit {
	case uWeek:
		mon := isoWeekStart(d)
		return dayRange(mon, mon.AddDate(0, 0, 6))
	case uMonth:
		return d.Format(monthLayout)
	case uYear, uDecade:
		return strconv.Itoa(d.Year())
	}
	return d.Format(dayLayout)
}

// resolveAgo: "three years ago", "several weeks ago", "three days from now".
func resolveAgo(e expr, ref time.Time) string {
	sign := -1
	if e.mod == 1 {
		sign = 1
	}
	if e.approx {
		a, b := shift(ref, e.unit, 7*sign), shift(ref, e.unit, 2*sign)
		if a.After(b) {
			a, b = b, a
		}
		return rangeOf(a, b, e.unit)
	}
	if e.half {
		// Half a unit more: "two and a half months ago" on May 28 is
		// mid-March, the month holding it.
		var d time.Time
		switch e.unit {
		case uWeek:
			d = ref.AddDate(0, 0, sign*(7*e.n+3))
		case uMonth:
			d = ref.AddDate(0, sign*e.n, sign*15)
		case uYear:
			d = ref.AddDate(sign*e.n, sign*6, 0)
		case uDecade:
			d = ref.AddDate(sign*(10*e.n+5), 0, 0)
		}
		return pointOf(d, e.unit)
	}
	return pointOf(shift(ref, e.unit, sign*e.n), e.unit)
}

// resolveAfter: "two days later", "days after that attack" from anchor.
func resolveAfter(e expr, anchor, ref time.Time, haveRef bool) string {
	sign := e.mod
	if sign == 0 {
		sign = 1
	}
	if !e.approx {
		d := shift(anchor, e.unit, sign*e.n)
		if e.unit == uWeek {
			return d.Format(dayLayout)
		}
		return pointOf(d, e.unit)
	}
	lo, hi := 2, 7
	if e.unit == uDay {
		lo, hi = 1, 9
	}
	a, b := shift(anchor, e.unit, sign*lo), shift(anchor, e.unit, sign*hi)
	if a.After(b) {
		a, b = b, a
	}
	if haveRef && sign > 0 && b.After(ref) && !a.After(ref) {
		b = ref
	}
	return rangeOf(a, b, e.unit)
}

// rangeStart is the first value of a range ("2017-04-03/2017-04-09"), or
// the value itself.
func rangeStart(v string) string {
	a, _, _ := strings.Cut(v, "/")
	return a
}
