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
	"described", "describes", "called", "calls", "testified", "wondered",
	"shouted", "yelled", "reiterated", "reiterates", "denounced", "complained",
	"complains", "boasted", "boasts", "mused", "sings", "sang", "chanted",
	"blasted", "slammed", "lamented", "laments", "agreed", "agrees", "asserted",
	"asserts", "maintained", "maintains", "contended", "contends", "confirmed",
	"confirms", "pointed", "pledged", "added:", "announced:", "exclaimed",
	"whispered", "answered", "answers", "retorted", "thundered", "quoted",
	"write", "read", "reads", "according", "texted", "emailed", "messaged",
	"proclaimed", "opined", "recounted",
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

// titleWords are honorifics and office titles stripped from the front of a
// name: "Secretary of State Rex Tillerson" → "Rex Tillerson".
var titleWords = set(
	"President", "Vice", "Secretary", "State", "Foreign", "Minister", "Prime",
	"Mr", "Mrs", "Ms", "Miss", "Dr", "Sen", "Senator", "Rep", "Representative",
	"Gov", "Governor", "Del", "Delegate", "Gen", "General", "Lt", "Col", "Colonel", "Judge",
	"Justice", "Chairman", "Chairwoman", "Chief", "Director", "Ambassador",
	"Attorney", "Speaker", "Mayor", "Lord", "Lady", "Sir", "Dame", "King",
	"Queen", "Prince", "Princess", "Pope", "Rev", "Reverend", "Father",
	"Sister", "Professor", "Prof", "Sgt", "Sergeant", "Capt", "Captain",
	"Adm", "Admiral", "Commissioner", "Chancellor", "Defense", "Defence",
	"Deputy", "Former", "Ex", "Spokesman", "Spokeswoman", "Candidate",
	"Democrat", "Republican", "Democratic", "Republican", "Nominee",
	"Congressman", "Congresswoman", "Councilman", "Councilwoman", "Sheriff",
	"Detective", "Officer", "Premier", "Leader", "Presidential", "Russian",
	"American", "U.S", "US", "Syrian", "British", "French", "German",
	"Chinese", "Israeli", "Iranian", "Ukrainian", "Mexican", "Canadian",
)

// femaleTitles mark the following name as a woman: "Ms. Clinton".
var femaleTitles = set("Mrs", "Ms", "Miss", "Lady", "Dame", "Queen", "Princess", "Sister", "Madam", "Chairwoman", "Congresswoman", "Councilwoman", "Spokeswoman")

// maleTitles mark the following name as a man: "Mr. Peskov".
var maleTitles = set("Mr", "Sir", "Lord", "King", "Prince", "Father", "Pope", "Congressman", "Councilman", "Chairman", "Spokesman")

// femaleRoles, when next to a name ("the spokeswoman, Maria Zakharova"),
// mark it as a woman; maleRoles as a man.
var femaleRoles = set("spokeswoman", "congresswoman", "chairwoman", "businesswoman", "councilwoman", "woman", "wife", "mother", "daughter", "sister", "actress", "anchorwoman", "widow", "grandmother", "girl")
var maleRoles = set("spokesman", "congressman", "chairman", "businessman", "councilman", "man", "husband", "father", "son", "brother", "actor", "anchorman", "widower", "grandfather", "boy")

// femaleNames and maleNames are common first names used to guess a
// person's gender for pronoun resolution ("she said" → the last woman).
var femaleNames = set(
	"Maria", "Mary", "Hillary", "Chelsea", "Melania", "Ivanka", "Kellyanne",
	"Sarah", "Nancy", "Elizabeth", "Angela", "Theresa", "Marine", "Nikki",
	"Susan", "Michelle", "Jennifer", "Linda", "Patricia", "Barbara", "Karen",
	"Lisa", "Anna", "Anne", "Ann", "Julia", "Julie", "Laura", "Emily", "Emma",
	"Jessica", "Ashley", "Amanda", "Stephanie", "Rebecca", "Rachel", "Catherine",
	"Katherine", "Kate", "Kathleen", "Christine", "Christina", "Margaret",
	"Helen", "Sandra", "Donna", "Carol", "Ruth", "Sharon", "Deborah", "Debbie",
	"Amy", "Heather", "Nicole", "Samantha", "Rosa", "Olga", "Irina", "Natalia",
	"Natalya", "Svetlana", "Tatiana", "Tatyana", "Yulia", "Valentina", "Elena",
	"Ekaterina", "Marina", "Ludmila", "Lyudmila", "Sophie", "Sophia", "Marie",
	"Claire", "Hannah", "Victoria", "Alice", "Diane", "Dianne", "Janet", "Joan",
	"Judith", "Judy", "Martha", "Megyn", "Donna", "Huma", "Kamala", "Elise",
	"Debbie", "Tulsi", "Loretta", "Condoleezza", "Madeleine", "Samantha",
	"Federica", "Christiane", "Ursula", "Jacinda", "Benazir", "Indira", "Golda",
	"Aung", "Yingluck", "Dilma", "Cristina", "Michele", "Nina", "Lucy", "Grace",
	"Kelly", "Kimberly", "Melissa", "Michele", "Paula", "Pamela", "Wendy",
	"Tina", "Gina", "Jill", "Jane", "Joy", "Rose", "Gloria", "Beth", "Betsy",
	"Kirsten", "Tammy", "Dana", "Andrea", "Erin", "Katie", "Katy", "Cheryl",
	"Brenda", "Teresa", "Denise", "Monica", "Alexandra", "Valerie", "Eva",
	"Evelyn", "Ella", "Zoe", "Olivia", "Ava", "Isabella", "Mia", "Abigail",
	"Madison", "Charlotte", "Harper", "Amelia", "Bernadette", "Caroline",
	"Hope", "Stormy", "Omarosa", "Sheryl", "Meryl", "Oprah", "Beyonce",
)

var maleNames = set(
	"Donald", "Rex", "Vladimir", "Sergey", "Sergei", "Dmitry", "Dmitri",
	"Barack", "John", "Bill", "Charles", "Lucian", "Colin", "Bashar", "Mike",
	"Michael", "James", "Robert", "William", "David", "Richard", "Joseph",
	"Thomas", "Christopher", "Daniel", "Paul", "Mark", "George", "Steven",
	"Steve", "Kevin", "Brian", "Edward", "Ronald", "Anthony", "Jeff", "Jeffrey",
	"Ted", "Marco", "Jeb", "Chris", "Bernie", "Tim", "Mitch", "Paul", "Newt",
	"Rudy", "Rudolph", "Reince", "Sean", "Stephen", "Jared", "Eric", "Jason",
	"Ryan", "Joe", "Jim", "Tom", "Bob", "Peter", "Frank", "Gary", "Larry",
	"Scott", "Andrew", "Matthew", "Patrick", "Jack", "Henry", "Carl", "Roger",
	"Ben", "Benjamin", "Alexander", "Alexei", "Alexey", "Ivan", "Igor", "Yuri",
	"Mikhail", "Nikolai", "Viktor", "Boris", "Andrei", "Yevgeni", "Yevgeny",
	"Ilya", "Recep", "Xi", "Kim", "Emmanuel", "Francois", "Nicolas", "Justin",
	"Theresa", "Benjamin", "Bibi", "Hassan", "Ali", "Mohammed", "Muhammad",
	"Abdel", "Kofi", "Ban", "Antonio", "Jean", "Pierre", "Jacques", "Hans",
	"Karl", "Franz", "Lindsey", "Chuck", "Harry", "Orrin", "Rand", "Ron",
	"Al", "Dick", "Colin", "Condi", "Ashton", "Ash", "Kenneth", "Keith",
	"Greg", "Gregory", "Adam", "Aaron", "Tony", "Howard", "Wayne", "Dan",
	"Dennis", "Doug", "Douglas", "Fred", "Gordon", "Harold", "Jerry", "Jon",
	"Jonathan", "Larry", "Louis", "Martin", "Nick", "Nicholas", "Phil",
	"Philip", "Ralph", "Raymond", "Roy", "Russell", "Sam", "Samuel", "Terry",
	"Todd", "Travis", "Victor", "Vincent", "Walter", "Warren", "Willie",
	"Corey", "Kellyanne", "Newt", "Pat", "Jesse", "Bruce", "Lou", "Matt",
	"Corey", "Roger", "Rush", "Sheldon", "Tucker", "Bret", "Wolf", "Anderson",
	"Lester", "Chris", "Mitt", "Jeb", "Rick", "Ben", "Mike", "Pence",
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

// nameWords are connecting particles allowed inside a name: "Charles de
// Gaulle", "Osama bin Laden".
var nameWords = set("de", "van", "von", "bin", "al", "da", "del", "der", "la", "le", "du", "di", "dos", "y")

// capStop are capitalised function words that open sentences and are never
// part of a speaker name, and the weekday names.
var capStop = withWeekdays(set(
	"The", "A", "An", "But", "And", "Or", "In", "On", "At", "For", "To", "Of",
	"As", "By", "With", "From", "After", "Before", "When", "While", "If",
	"Although", "Though", "Yet", "So", "Then", "This", "That", "These",
	"Those", "It", "He", "She", "They", "We", "I", "You", "His", "Her",
	"Their", "Its", "Our", "My", "Your", "Meanwhile", "However", "Still",
	"Instead", "Later", "Earlier", "Now", "Today", "Yesterday",
	"Asked", "Speaking", "Writing", "According", "Also", "Both", "Neither",
	"Even", "Last", "Next", "One", "Some", "Many", "Most", "All", "Every",
	"Here", "There", "What", "Who", "Why", "How", "Where", "Shortly",
	"Among", "Despite", "During", "Since", "Until", "Under", "Over", "Like",
	"Unlike", "Not", "No", "Yes", "Well", "Indeed", "Still", "Just", "Only",
	"Further", "Further,", "Separately", "Similarly", "Likewise", "Reporters",
	"Officials", "Sources", "Critics", "Analysts", "Experts", "Conversely",
	"Additionally", "Finally", "Consequently", "Accordingly", "Ultimately",
	"Notably", "Importantly", "Interestingly", "Unfortunately", "Fortunately",
	"Obviously", "Clearly", "Certainly", "Apparently", "Reportedly",
	"Initially", "Originally", "Previously", "Currently", "Recently",
	"Subsequently", "Moreover", "Furthermore", "Nevertheless", "Otherwise",
	"Said", "Says", "Asked", "Added",
))

// withWeekdays adds the capitalised weekday names ("Monday") to m.
func withWeekdays(m map[string]bool) map[string]bool {
	for d := time.Sunday; d <= time.Saturday; d++ {
		m[d.String()] = true
	}
	return m
}
