package clean

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck/internal/text"
)

// lineRule is a context-free rule: when match fires on a line, the line is
// removed with reason. A scrapedOnly rule judges a line by its shape (a
// short label, a URL, an embedded post) and runs only on scraped text:
// an extractor keeps such lines only inside a body it chose, where they
// are part of the article (a list item, a cited link, a quoted post).
type lineRule struct {
	name        string
	reason      string
	match       func(*line) bool
	scrapedOnly bool
}

// lineRules run in order; the first match wins. Notices come first so that
// a service page is recognised as such.
var lineRules = []lineRule{
	{"siteNotice", ReasonSiteNotice, isSiteNotice, false},
	{"timeCode", ReasonPlayerWidget, isTimeCode, false},
	{"playerPrompt", ReasonPlayerWidget, isPlayerPrompt, false},
	{"syndication", ReasonSyndication, isSyndication, false},
	{"copyright", ReasonCopyright, isCopyright, false},
	{"advertisement", ReasonAdvertisement, isAdvertisement, false},
	{"subscribePrompt", ReasonSubscribePrompt, isSubscribePrompt, false},
	{"sharePrompt", ReasonSharePrompt, isSharePrompt, false},
	{"navigation", ReasonNavigation, isNavigation, true},
	{"timestamp", ReasonTimestamp, isTimestamp, false},
	{"markup", ReasonSiteChrome, isMarkup, false},
	{"socialEmbed", ReasonSocialEmbed, isSocialEmbed, true},
	{"linkLine", ReasonLink, isLinkLine, true},
	{"updatedAt", ReasonUpdatedAt, isUpdatedAt, false},
	{"dateLine", ReasonDateLine, isDateLine, false},
	{"byline", ReasonByline, isByline, false},
	{"photoCredit", ReasonPhotoCredit, isPhotoCredit, false},
	{"inlineCreditCaption", ReasonCaption, isInlineCreditCaption, false},
}

// short reports whether l has at most n words.
func short(l *line, n int) bool { return l.words <= n }

var (
	noticeRes = []struct {
		kind string
		keys []string // lower-case substrings, one of which must occur (a cheap prefilter)
		re   func() *regexp.Regexp
	}{
		{"crawl-notice", []string{"crawl", "wayback", "archive", "web capture", "warc", "domain"}, text.LazyRegexp(`(?i)\b(crawl(s|ed|er)?|wayback machine|internet archive|web captures?|warc files?|urls? per (domain|host)|inter-?domain)\b`)},
		{"tweet-location", []string{"tweet", "twitter"}, text.LazyRegexp(`(?i)\b(tweets?|twitter)\b.{0,60}\blocation`)},
		{"video-unavailable", []string{"video", "feature", "transcript"}, text.LazyRegexp(`(?i)\bvideo has been rented|\bfeature is not available\b|\btranscript could not be loaded|\bvideo (is )?(unavailable|not available)`)},
		{"javascript", []string{"javascript", "browser"}, text.LazyRegexp(`(?i)\b(enable|turn on|requires?|activate)\b.{0,30}\bjavascript\b|\bjavascript\b.{0,30}\b(disabled|required|is off)\b|\b(update|upgrade) your browser\b|\bbrowser (is )?(not supported|out of date)`)},
		{"cookie-wall", []string{"cookie"}, text.LazyRegexp(`(?i)\bcookies?\b.{0,60}\b(accept|consent|agree|policy|settings|preferences)\b|\b(accept|allow)\b.{0,20}\bcookies\b`)},
		{"login-wall", []string{"log", "sign", "account"}, text.LazyRegexp(`(?i)\b(log ?in|sign ?in|create (a free|an) account)\b.{0,40}\bto (continue|read|access|view|see)\b`)},
		{"paywall", []string{"subscribe", "limit"}, text.LazyRegexp(`(?i)\bsubscribe\b.{0,30}\bto (continue|keep) reading\b|\byou have reached your (free )?(article )?limit\b`)},
		{"unavailable", []string{"try again later", "publicly", "general public"}, text.LazyRegexp(`(?i)\btry again later\b|\bnot (currently )?(publicly (available|accessible)|available to the general public)\b`)},
		{"not-found", []string{"found", "exist", "404", "no longer"}, text.LazyRegexp(`(?i)\b(page|article|content)\b.{0,40}\b(could not be found|cannot be found|not found|no longer (exists|available)|does ?n[o']t exist)\b|^(error )?404\b`)},
	}
)

// isSiteNotice: a line of a service page rather than an article, in at most
// 60 words. Pattern: crawl notes (including a crawl's seed description:
// "up to 50 URLs per host", "ranked by inter-domain links"), Twitter
// location notices, unavailable video, JavaScript/cookie/login walls, 404
// text. Example: "Rating is available when the video has been rented."
//
// A longer line counts only when notice patterns occur in it at least three
// times ("These crawls are part of an effort to archive pages ... the
// Internet Archive hopes ..."), so an article paragraph that mentions the
// Internet Archive once is kept.
func isSiteNotice(l *line) bool {
	if short(l, 60) {
		return noticeKindLower(l.text, l.lower) != ""
	}
	return short(l, 200) && noticeHits(l.text, l.lower) >= 3
}

// noticeHits counts notice-pattern matches in t.
func noticeHits(t, lower string) int {
	n := 0
	for _, k := range noticeRes {
		if containsAny(lower, k.keys) {
			n += len(k.re().FindAllStringIndex(t, -1))
		}
	}
	return n
}

// noticeKind names the service notice in t, or "".
func noticeKind(t string) string { return noticeKindLower(t, strings.ToLower(t)) }

func noticeKindLower(t, lower string) string {
	for _, n := range noticeRes {
		if containsAny(lower, n.keys) && n.re().MatchString(t) {
			return n.kind
		}
	}
	return ""
}

// containsAny reports whether s contains one of keys.
func containsAny(s string, keys []string) bool {
	for _, k := range keys {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

var timeCodeRe = text.LazyRegexp(`^(?:\d{1,2}:\d{2}(?::\d{2})?[\s/]*)+$`)

// isTimeCode: a media player's time display. Example: "0:00 0:00".
func isTimeCode(l *line) bool { return timeCodeRe().MatchString(l.text) }

var playerRe = text.LazyRegexp(`(?i)^(play|listen|watch|pause|replay|next up|up next|now playing|live (radio|tv|stream)|audio|video|podcast)\b`)

// isPlayerPrompt: a short player control without sentence punctuation.
// Examples: "Play Live Radio", "Next Up:", "Watch: the full interview".
func isPlayerPrompt(l *line) bool {
	return short(l, 6) && !l.terminal && playerRe().MatchString(l.text)
}

var (
	copyrightRe   = text.LazyRegexp(`(?i)©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b`)
	syndicationRe = text.LazyRegexp(`(?i)\b(to see more,? visit|originally (appeared|published)|republished (with|by)|distributed by|reprinted with permission|this (story|article) (was )?(first )?(appeared|published))\b`)
)

// isCopyright: a short line with a copyright sign or word. Examples:
// "© 2024 WFSU Public Media", "Copyright 2019 The Sun. All rights reserved."
func isCopyright(l *line) bool {
	return short(l, 30) && (strings.Contains(l.text, "©") || strings.Contains(l.text, "(") ||
		containsAny(l.lower, []string{"copyright", "rights reserved"})) && copyrightRe().MatchString(l.text)
}

// isSyndication: a short syndication notice, usually with a copyright.
// Example: "Copyright 2020 NPR. To see more, visit https://www.npr.org."
func isSyndication(l *line) bool {
	return short(l, 40) && containsAny(l.lower, []string{"visit", "original", "publish", "distribut", "reprint", "appeared"}) && syndicationRe().MatchString(l.text)
}

var adRe = text.LazyRegexp(`(?i)^(advertisement|advertising|ad|ads|sponsored( content)?|paid content|promoted|story continues below( advertisement)?|article continues below( advertisement)?|continue reading (the )?main story)[.:]?$`)

// isAdvertisement: an ad slot label. Example: "ADVERTISEMENT".
func isAdvertisement(l *line) bool { return adRe().MatchString(l.text) }

var (
	subscribeStartRe = text.LazyRegexp(`(?i)^(subscribe|sign up( now| today| here)?[.!:]?$|sign up (now |today )?(for|to)\b[^.]{0,25}\b(newsletters?|alerts|updates)\b|join (us|our)|get (our|the) (daily |weekly )?(newsletter|email|app)|register (now|for|to)|download (our|the) app|enter your email)\b`)
	subscribeKeys    = []string{"newsletter", "mailing list", "inbox", "subscribe"}
	subscribeAnyRe   = text.LazyRegexp(`(?i)\b(our|daily|weekly|free) (e-?mail )?(newsletter|mailing list)|\b(to|your) inbox\b|\bsubscribe (now|today|here)\b`)
)

// isSubscribePrompt: an imperative to subscribe or register, or a short line
// about "our newsletter"/"your inbox". Examples: "Sign up for our daily
// email newsletter", "Get the best stories delivered to your inbox". "Sign
// up" counts only alone or for newsletters, alerts or updates: "Sign up
// for a streaming account for $9 a month" is an article's advice.
func isSubscribePrompt(l *line) bool {
	if short(l, 30) && subscribeStartRe().MatchString(l.text) {
		return true
	}
	return short(l, 40) && containsAny(l.lower, subscribeKeys) && subscribeAnyRe().MatchString(l.text)
}

var (
	shareStartRe = text.LazyRegexp(`(?i)^(share|tweet|e-?mail|print|pin it|whatsapp|follow (us|me|@)|like us|click (here|to|below)|tap (here|to)|read more|read next|continue reading|see also|more from|more on|related( stories| articles| coverage| content)?:?$|also read|recommended|you (may|might) (also )?like|comments?|\d+ comments?$|view comments|leave a comment|show comments|learn more|see more)\b`)
	shareKeys    = []string{"share", "click", "follow", " us on", ":"}
	shareAnyRe   = text.LazyRegexp(`(?i)\b(share (this|on)|click here|follow us on|find us on|like us on)\b|^follow\b.{1,40}\bon (twitter|facebook|instagram|linkedin|tiktok|youtube)\b|^\(?(photos|videos?|gallery|slideshow|watch|listen|read|more|related|explore further)\s*:`)
)

// isSharePrompt: a short share/follow/read-more prompt. Examples: "Share
// this article", "Follow us on Twitter", "Read more: Five things to know".
func isSharePrompt(l *line) bool {
	if short(l, 20) && shareStartRe().MatchString(l.text) && !(l.terminal && l.words >= 8) {
		return true
	}
	return short(l, 20) && containsAny(l.lower, shareKeys) && shareAnyRe().MatchString(l.text)
}

var (
	navRe = text.LazyRegexp(`(?i)^(more|latest|top|trending|popular|most (read|popular|discussed|viewed|shared)|editor'?s picks)\b[^.!?]*$|\bskip to (main |the )?content\b|\bskip navigation\b|\btoggle navigation\b|^(main )?menu$|^search$|^home$|^back to top$|^close$|^open menu$|^sections?$`)
	sepRe = text.LazyRegexp(`\s[·|•»›]\s`)
)

// isNavigation: skip links, menu labels and separator-delimited menus
// without sentence punctuation. Examples: "Skip to main content",
// "News · Sports · Weather · Opinion", "More in Politics", "Most Read".
func isNavigation(l *line) bool {
	if short(l, 5) && (navFirst[firstWord(l.lower)] || containsAny(l.lower, []string{"skip", "toggle"})) && navRe().MatchString(l.text) {
		return true
	}
	return short(l, 16) && !l.terminal && strings.ContainsAny(l.text, "·|•»›") && len(sepRe().FindAllStringIndex(l.text, -1)) >= 2
}

// navFirst lists the first words with which navRe's anchored labels start
// (a prefilter).
var navFirst = map[string]bool{"more": true, "latest": true, "top": true, "trending": true, "popular": true, "most": true,
	"editor's": true, "editors": true, "menu": true, "main": true, "search": true, "home": true, "back": true, "close": true,
	"open": true, "section": true, "sections": true}

// firstWord returns s up to its first space, without trailing
// punctuation ("more:" → "more").
func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		s = s[:i]
	}
	return strings.TrimRightFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
}

var (
	relTimeRe  = text.LazyRegexp(`(?i)^(about |posted |updated )?(\d+|an?|one)\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|months?|y|yrs?|years?)\s+ago\.?$|^(just now|yesterday|today)$`)
	monthDayRe = text.LazyRegexp(`(?i)^` + monthPat + `\s+\d{1,2}(,?\s+\d{4})?$|^\d{1,2}\s+` + monthPat + `(\s+\d{4})?$`)
)

// isTimestamp: a teaser's time stamp standing alone — a relative time or a
// bare month and day, never a stated full publication line (see
// isDateLine). Examples: "7H ago", "13 hours ago", "Nov 17".
func isTimestamp(l *line) bool {
	if !short(l, 4) {
		return false
	}
	if containsAny(l.lower, []string{"ago", "just now", "yesterday", "today"}) && relTimeRe().MatchString(l.text) {
		return true
	}
	return hasDigit(l.text) && monthDayRe().MatchString(l.text) && !standaloneDate(l.text)
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// isMarkup: template or code residue, a short line with template
// delimiters. Examples: "{* #userInformationForm *}", "{{ article.title }}".
func isMarkup(l *line) bool {
	if !short(l, 12) {
		return false
	}
	for _, d := range []string{"{*", "{{", "{%", "<%", "*}", "}}"} {
		if strings.Contains(l.text, d) {
			return true
		}
	}
	return false
}

// embedSignatureRe matches the credit line that closes an embedded social
// media post: "— Name (@handle) June 20, 2017", "A post shared by Name
// (@handle) on Jun 20, 2017 at 10:33am PDT", "pic.twitter.com/...".
var embedSignatureRe = text.LazyRegexp(`(?i)(?:—|--|-)\s*[^()]{1,80}\(@\w{1,30}\)\s+(?:on\s+)?[a-z]{3,9}\.?\s+\d{1,2},\s+\d{4}\b|\ba post shared by\b.{0,80}\bon [a-z]{3,9}\.? \d{1,2}, \d{4}|\bpic\.twitter\.com/\w+`)

// isSocialEmbed: an embedded social media post — its text and its credit
// line share one line once scraped. The post is someone else's words
// pasted into the page, not the article's reporting. Examples: "RIP
// Prodigy — Peter Rosenberg (@Rosenbergradio) June 20, 2017", "A post
// shared by Nasir Jones (@nas) on Jun 20, 2017 at 10:33am PDT".
func isSocialEmbed(l *line) bool {
	return containsAny(l.text, []string{"(@", "shared by", "pic.twitter", "Shared by", "SHARED BY"}) && embedSignatureRe().MatchString(l.text)
}

var urlRe = text.LazyRegexp(`(?i)\b(?:https?://|www\.)\S+|\S+@[a-z0-9\-]+\.[a-z.]+`)

// isLinkLine: a line that is mostly a URL or e-mail address, or a short
// line around one. Examples: "https://example.com/x", "Have a tip we
// should know? tips@example.com".
func isLinkLine(l *line) bool {
	if !containsAny(l.text, []string{"http", "www.", "WWW.", "@"}) || !urlRe().MatchString(l.text) {
		return false
	}
	rest := urlRe().ReplaceAllString(l.text, "")
	return len(strings.Fields(rest)) <= 2 || (short(l, 10) && !l.terminal)
}

var updatedRe = text.LazyRegexp(`(?i)^(updated|last updated|modified|last modified|edited)\b`)

// isUpdatedAt: a short "Updated ..." stamp. It is never a publication date.
// Example: "Updated at 5:45 p.m. ET".
func isUpdatedAt(l *line) bool { return short(l, 14) && updatedRe().MatchString(l.text) }

// isDateLine: a short line that is a stated date and little else. Examples:
// "Published April 12, 2017", "April 12, 2017 5:45 PM ET".
func isDateLine(l *line) bool { return short(l, 14) && hasDigit(l.text) && standaloneDate(l.text) }

var bylineRe = text.LazyRegexp(`^(?i:by)\s+(\p{Lu}[\p{L}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}'’.\-]*|(?i:and|&|,|de|van|von|da|del|la|le)))*)`)

// isByline: a short "By X and Y" line naming capitalised people. Example:
// "By Bill Chappell and Camila Domonoske".
func isByline(l *line) bool {
	return short(l, 16) && !(l.terminal && l.words > 8) && bylineRe().MatchString(l.text) && len(bylineNames(l.text)) > 0
}

var (
	agencyRe      = text.LazyRegexp(`\b(Getty Images|AFP|AP Photo|AP|Associated Press|ASSOCIATED PRESS|Reuters|REUTERS|EPA|Shutterstock|iStock(photo)?|Alamy|Corbis|Newscom|Sipa|WireImage|Bloomberg|Pool|POOL|Handout|HANDOUT|NurPhoto|Abaca)\b`)
	creditWordRe  = text.LazyRegexp(`(?i)^(photo|photograph|image|picture|credit|illustration)(\s+(by|credit))?\s*:|\b(photo|image|picture|illustration)s? (by|courtesy|credit|via)\b|^\(?(AP|Getty) Photo\b|^\p{Lu}\p{L}+(\s\p{Lu}[\p{L}.]*){1,2}(?-i: for The \p{Lu})`)
	creditKeys    = []string{"photo", "image", "picture", "credit", "illustration", " for the "}
	slashCreditRe = text.LazyRegexp(`^\p{Lu}[\p{L}.'’\- ]*\s*/\s*\p{Lu}[\p{L}.'’&\- ]*$`)
)

// isPhotoCredit: a short unpunctuated credit line: NAME/AGENCY, an agency
// or picture desk name, or a "Photo:" label. Examples: "AFP/Getty Images",
// "IVAN SEKRETARE/ASSOCIATED PRESS", "Photo: Jane Doe".
func isPhotoCredit(l *line) bool {
	if !short(l, 10) || (l.terminal && !strings.HasSuffix(l.text, ")")) {
		return false
	}
	if (strings.Contains(l.text, "/") && slashCreditRe().MatchString(l.text)) ||
		(containsAny(l.lower, creditKeys) && creditWordRe().MatchString(l.text)) {
		return true
	}
	return short(l, 6) && agencyRe().MatchString(l.text) && nameShaped(agencyRe().ReplaceAllString(l.text, "Agency"))
}

var inlineCreditRe = text.LazyRegexp(`(?i:\((photo|image|picture|credit|photograph|illustration)s?\s*(by|:|credit)[^)]*\)\s*$)|\s\|\s*\p{Lu}[\p{L}.'’\- ]+/\s*\p{Lu}[\p{L} ]+$|\(\p{Lu}[^()/]{2,40}/\s*\p{Lu}[^()]{1,40}\)$|[.!?]\s+\p{Lu}[\p{L}.'’\- ]+/\s*\p{Lu}[\p{L} ]+$|(?i:\btoggle caption\b)`)

// isInlineCreditCaption: a descriptive line that carries its own picture
// credit at the end. Examples: "Shoppers in a mall (Image: Jane Doe/Getty)",
// "Voters queue in Phoenix. | Jane Doe/Getty Images", "Fans cheer.
// (Jane Doe/The Daily Planet)", "Fans cheer. Jane Doe/Getty Images". The
// part after the slash is capitalised, as a credit is: "(Upgrade to Pro
// for $4.99/mo)" is a price, not a credit.
func isInlineCreditCaption(l *line) bool {
	return short(l, 50) && (strings.Contains(l.text, "/") || strings.Contains(l.text, ")") || strings.Contains(l.text, "toggle")) && inlineCreditRe().MatchString(l.text)
}

// nameShaped: 1-5 tokens, each capitalised (or a connector), no digits.
// Examples: "Alexander Nemenov", "IVAN SEKRETARE", "Agency/Agency".
func nameShaped(t string) bool {
	f := strings.FieldsFunc(t, func(r rune) bool { return unicode.IsSpace(r) || r == '/' || r == ',' || r == '|' })
	if len(f) == 0 || len(f) > 5 {
		return false
	}
	for _, w := range f {
		switch strings.ToLower(w) {
		case "and", "&", "de", "van", "von", "da", "del", "la", "le", "for":
			continue
		}
		rs := []rune(w)
		if !unicode.IsUpper(rs[0]) {
			return false
		}
		for _, r := range rs {
			if unicode.IsDigit(r) {
				return false
			}
		}
	}
	return true
}

// creditish reports whether a line is (or was marked) a picture credit.
func creditish(l *line) bool { return l.reason == ReasonPhotoCredit }

// markCreditNeighbours: a short name-shaped line right next to a credit line
// is part of the credit. Example: "Alexander Nemenov" above
// "AFP/Getty Images".
func markCreditNeighbours(ls []line) {
	for i := range ls {
		l := &ls[i]
		if l.reason != "" || l.terminal || !short(l, 4) || !nameShaped(l.text) {
			continue
		}
		if (i > 0 && creditish(&ls[i-1])) || (i+1 < len(ls) && creditish(&ls[i+1])) {
			l.reason = ReasonPhotoCredit
		}
	}
}

var gluedCreditRe = text.LazyRegexp(`([.!?”"’)])\s*(\p{Lu}[\p{Lu}.'’\- ]+/\s*\p{Lu}[\p{L}.'’&\- ]+)$`)

// stripGluedCredit removes a credit glued to the end of a caption and
// reports it. Example: "...in Moscow on Wednesday.IVAN SEKRETARE/ASSOCIATED
// PRESS" → "...in Moscow on Wednesday.", "IVAN SEKRETARE/ASSOCIATED PRESS".
func stripGluedCredit(t string) (string, string) {
	if !strings.Contains(t, "/") {
		return t, ""
	}
	m := gluedCreditRe().FindStringSubmatchIndex(t)
	if m == nil {
		return t, ""
	}
	return t[:m[3]], t[m[4]:m[5]]
}

func normKey(t string) string {
	return strings.Join(strings.Fields(strings.ToLower(t)), " ")
}

// markDuplicates: a line repeated later is a caption when a credit sits
// between the copies or is glued to the repeat (caption, credit, caption
// again); both copies are removed ("caption", "duplicate-caption").
// Otherwise only the later copy goes ("duplicate": pull quotes, doubled
// scrapes). Example: the caption line, then the same text plus
// "IVAN SEKRETARE/ASSOCIATED PRESS".
func markDuplicates(ls []line) {
	seen := make(map[string]int, len(ls))
	for j := range ls {
		l := &ls[j]
		if l.words < 4 {
			continue
		}
		stripped, credit := stripGluedCredit(l.text)
		key := l.lower
		if credit != "" {
			key = normKey(stripped)
		} else if strings.Contains(key, "  ") || strings.ContainsAny(key, "\t\u00a0") {
			key = normKey(key)
		}
		i, ok := seen[key]
		if !ok {
			if l.reason == "" {
				seen[key] = j
			}
			continue
		}
		if l.reason != "" {
			continue
		}
		creditBetween := credit != ""
		for k := i + 1; k < j && !creditBetween; k++ {
			creditBetween = creditish(&ls[k])
		}
		if creditBetween && j-i <= 5 {
			ls[i].reason = ReasonCaption
			l.reason = ReasonDuplicateCaption
			continue
		}
		l.reason = ReasonDuplicate
	}
}

// strongCredit: a credit naming an agency or in NAME/AGENCY form, as
// opposed to a bare label ("Image: screenshot") that often stands for a
// picture without caption. Examples: "AFP/Getty Images", "Reuters".
// A name line directly above such a credit counts too ("Alexander
// Nemenov" above "AFP/Getty Images").
func strongCredit(t string) bool {
	return slashCreditRe().MatchString(t) || agencyRe().MatchString(t) || nameShaped(t)
}

// connectiveRe: openings that continue a text (pronouns, discourse
// connectives) and so do not start a picture caption.
var connectiveRe = text.LazyRegexp(`^(But|And|Instead|However|Yet|So|Still|Meanwhile|Then|Also|Now|That|This|These|Those|It|He|She|They|We|I|You|His|Her|Their|Its)\b`)

// markCaptionsBeforeCredit: a descriptive line directly followed by a
// picture-credit line is a caption, provided kept text of at least minBody
// words follows the credits (a credit under the last paragraph belongs to
// a picture, not to that paragraph) and the credit is a strong one (see
// strongCredit). Example: "Tillerson shakes hands with
// Lavrov in Moscow." then "Alexander Nemenov" / "AFP/Getty Images", then
// the article.
func markCaptionsBeforeCredit(ls []line, minBody int) {
	for i := 0; i+1 < len(ls); i++ {
		l := &ls[i]
		if l.reason != "" || !short(l, 45) || !creditish(&ls[i+1]) || !strongCredit(ls[i+1].text) || connectiveRe().MatchString(l.text) {
			continue
		}
		j := i + 1
		for j < len(ls) && creditish(&ls[j]) {
			j++
		}
		for ; j < len(ls); j++ {
			if ls[j].reason == "" && ls[j].words >= minBody {
				l.reason = ReasonCaption
				break
			}
		}
	}
}

var (
	bioRe     = text.LazyRegexp(`^((?:\p{Lu}[\p{L}'’.\-]+\s+){1,3}\p{Lu}[\p{L}'’\-]+)\s+(?:is|was|has been|covers|writes|reports|edits|joined|contributed)\b`)
	bioWordRe = text.LazyRegexp(`(?i)\b(writer|editor|reporter|correspondent|journalist|columnist|contributor|producer|covers|writes|newsroom|desk|bureau|author|photographer|anchor|host)\b`)
	notNameRe = text.LazyRegexp(`^(The|This|That|It|He|She|They|We|President|Secretary|Minister|Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\b`)
)

// markAuthorBios: trailing author biographies, walking up from the end over
// removed lines. Pattern: "Name Name is/covers/writes ..." with a
// journalism word. Example: "Bill Chappell is a writer and editor on the
// News Desk". The names join the byline.
func markAuthorBios(ls []line, res *Result) {
	var names []string
	for i := len(ls) - 1; i >= 0 && len(names) < 4; i-- {
		l := &ls[i]
		if l.reason != "" {
			continue
		}
		m := bioRe().FindStringSubmatch(l.text)
		if m == nil || !short(l, 60) || !bioWordRe().MatchString(l.text) || notNameRe().MatchString(m[1]) {
			break
		}
		l.reason = ReasonAuthorBio
		names = append(names, m[1])
	}
	for i := len(names) - 1; i >= 0; i-- {
		res.Byline = appendUnique(res.Byline, names[i])
	}
}
