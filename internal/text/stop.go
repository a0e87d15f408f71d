package text

// stopwords are English function words that carry no topic: they are left
// out when sentences or articles are compared by content. The list is the
// common core of the SMART and NLTK lists, plus reporting verbs that every
// news sentence shares ("said", "says").
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
		"be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
		"can", "could", "did", "do", "does", "doing", "down", "during", "each", "even", "ever",
		"few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
		"i", "if", "in", "into", "is", "it", "its", "itself", "just", "last", "like", "many", "may", "me", "might", "more", "most", "much", "must", "my", "myself",
		"new", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
		"said", "same", "say", "says", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
		"under", "until", "up", "upon", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "whose", "why", "will", "with", "would",
		"yet", "you", "your", "yours", "yourself", "yourselves", "mr", "ms", "mrs", "s", "t", "re", "ve", "ll", "d", "m",
		"told", "according", "year", "years", "week", "time", "two", "three", "first",
	} {
		m[w] = true
	}
	return m
}()

// IsStop reports whether the lower-cased word w is a stop word.
func IsStop(w string) bool { return stopwords[w] }
