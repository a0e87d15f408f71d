package quote

import "time"

// set builds a read-only lookup table from words.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// cueVerbs are reporting verbs (lower case) that introduce or tag a quote:
// "…," Tillerson said; Reuters reports; she told reporters; he wrote.
var cueVerbs = set(
	"said", "says", "say", "saying", "told", "tells", "tell", "added", "adds",
	"report", "reports", "reported", "wrote", "writes", "write", "noted", "notes",
	"explained", "explains", "continued", "continues", "asked", "asks", "argued",
	"argues", "insisted", "insists", "claimed", "claims", "stated", "states",
	"declared", "declares", "charged", "warned", "warns", "tweeted", "tweets",
	"posted", "recalled", "recalls", "acknowledged", "acknowledges", "admitted",
	"admits", "announced", "announces", "responded", "responds", "replied",
	"replies", "countered", "counters", "quipped", "joked", "remarked",
	"suggested", "suggests", "observed", "conceded", "concedes", "cautioned",
	"emphasized", "emphasised", "stressed", "stresses", "predicted", "predicts",
	"promised", "promises", "vowed", "vows", "urged", "urges", "concluded",
	"described", "describes", "called", "calls", "call", "testified", "wondered",
	"shouted", "yelled", "reiterated", "reiterates", "denounced", "complained",
	"complains", "boasted", "boasts", "mused", "sings", "sang", "chanted",
	"blasted", "slammed", "lamented", "laments", "agreed", "agrees", "asserted",
	"asserts", "maintained", "maintains", "contended", "contends", "confirmed",
	"confirms", "pointed", "pledged", "added:", "announced:", "exclaimed",
	"whispered", "answered", "answers", "retorted", "thundered", "quoted",
	"write", "read", "reads", "according", "texted", "emailed", "messaged",
	"proclaimed", "opined", "recounted",
	// Verdicts of a court or a fact-checker: "X ruled that the claim was “true”".
	"ruled", "rated",
	// Participles: "…, asserting, “…”" takes the clause's subject.
	"asserting", "adding", "telling", "writing", "noting", "arguing",
	"explaining", "insisting", "claiming", "declaring", "warning", "tweeting",
	"asking", "responding", "replying", "stating", "urging", "vowing",
	// Verbs that carry partial quotes: described it as “…”, calling it “…”.
	"calling", "describing", "referring", "referred", "dismissed",
	"dismissing", "praised", "praising", "criticized", "criticised",
	"criticizing", "accused", "accusing", "labeled", "labelled", "branded",
	"dubbed", "termed", "likened", "compared", "characterized",
	"characterised", "promising", "pledging", "predicting",
	// Verbs of the classes of Levin's English Verb Classes and
	// Alternations (1993) that report speech or judge a person by it:
	// say (37.7), transfer of a message (37.1), complain (37.8), advise
	// (37.9), manner of speaking (37.3), judgment (33) and order (60)
	// verbs, in the forms a tag uses.
	"mentioned", "mentions", "revealed", "reveals", "revealing", "disclosed",
	"confessed", "confided", "proposed", "repeated", "alleged", "alleges",
	"alleging", "affirmed", "announcing", "admitting", "acknowledging",
	"suggesting", "denied", "denies", "denying", "disputed", "objected",
	"protested", "grumbled", "griped", "advised", "advising", "alerted",
	"admonished", "instructed", "counseled", "counselled", "recommended",
	"recommending", "encouraged", "encourages", "encouraging", "muttered",
	"mumbled", "screamed", "cried", "lauded", "lauds", "lauding", "hailed",
	"hails", "hailing", "applauded", "applauding", "commended", "commending",
	"condemned", "condemns", "condemning", "mocked", "mocks", "mocking",
	"ridiculed", "ridiculing", "scolded", "scolding", "rebuked", "chided",
	"faulted", "blamed", "blames", "blaming", "censured", "derided",
	"deriding", "decried", "decries", "decrying", "assailed", "lambasted",
	"demanded", "demands", "demanding", "ordered", "requested", "commanded",
	"questioned", "questioning", "blasting", "slamming", "lamenting",
	"complaining", "boasting", "agreeing", "confirming", "conceding",
	"cautioning", "stressing", "emphasizing", "emphasising", "recalling",
	// "As X put it, …": put counts only before "it" (putIt).
	"put",
)

// subordinators open a clause that is not a reporting tag: after a closing
// mark, `“…,” when Clinton blasted him` is no tag.
var subordinators = set("when", "while", "because", "if", "as", "after", "before", "since", "although", "though", "which", "who", "that", "where", "until", "unless", "whereas", "whom", "whose")

// pronouns map a subject pronoun to the gender it refers to.
var pronouns = map[string]int{
	"he": genderMale, "she": genderFemale, "they": genderUnknown, "it": genderUnknown,
	"him": genderMale, "her": genderFemale,
}

// auxWords may stand between a subject and its cue verb: "Trump also
// said", "Lavrov has repeatedly said", "Peskov later told".
var auxWords = set(
	"also", "has", "had", "have", "would", "will", "was", "is", "were", "then",
	"later", "again", "previously", "repeatedly", "once", "further", "earlier",
	"recently", "reportedly", "swiftly", "quickly", "often", "frequently",
	"never", "just", "first", "simply", "flatly", "publicly", "privately",
	"famously", "may", "might", "could", "did", "does", "do", "had", "already",
	"still", "only", "even", "bluntly", "angrily", "sharply", "openly",
)

// workNouns before a quoted title-case fragment mark it as the title of a
// work, not a statement: the 1928 satire “The 12 Chairs”.
var workNouns = set(
	"satire", "book", "novel", "film", "movie", "song", "album", "titled",
	"entitled", "show", "series", "play", "poem", "documentary", "memoir",
	"essay", "article", "column", "op-ed", "headline", "magazine", "newspaper",
	"programme", "program", "sitcom", "opera", "musical", "painting", "single",
	"hit", "track", "episode", "podcast", "report", "study", "bestseller",
	"best-seller", "comedy", "drama", "thriller", "story", "speech", "slogan",
	"campaign", "hashtag", "blog", "website", "site", "page", "anthem",
)

// openers are capitalised words that open sentences in news copy and are
// never part of a speaker's name, beyond the entity stage's function words
// (entity.Recognizer.IsFunctionWord): sentence adverbs and reporting verbs
// ("Separately, …", "Speaking to reporters, …", "Said Lavrov: …"), and
// weekdays ("Wednesday, Lavrov said").
var openers = withWeekdays(set(
	"Speaking", "Writing", "One", "Shortly", "Separately", "Similarly",
	"Likewise", "Conversely", "Additionally", "Finally", "Consequently",
	"Accordingly", "Ultimately", "Notably", "Importantly", "Interestingly",
	"Unfortunately", "Fortunately", "Obviously", "Clearly", "Certainly",
	"Apparently", "Reportedly", "Initially", "Originally", "Previously",
	"Currently", "Recently", "Subsequently", "Said", "Says", "Added",
	"Following",
))

// claimNouns name what someone said and take a that-clause: "his claim
// that …", "Reyes's warning that …".
var claimNouns = set("claim", "claims", "assertion", "assertions", "contention", "insistence", "argument", "warning", "warnings", "promise", "pledge", "vow", "remark", "remarks", "statement", "interjection", "suggestion", "accusation", "allegation", "allegations", "complaint", "boast", "prediction")

// connectors are the lower-case words inside an organisation's name:
// "Committee to Protect Reporters", "Center for Public Integrity".
var connectors = set("to", "for", "of", "and", "on", "in", "the")

// prepositions open an introductory phrase before a clause's subject.
var prepositions = set("in", "at", "on", "during", "after", "before", "from", "with", "following", "despite", "since", "under", "over", "near", "outside", "inside", "across", "throughout", "amid", "for", "by", "within", "without", "upon", "unlike")

// withWeekdays adds the capitalised weekday names ("Monday") to m.
func withWeekdays(m map[string]bool) map[string]bool {
	for d := time.Sunday; d <= time.Saturday; d++ {
		m[d.String()] = true
	}
	return m
}
