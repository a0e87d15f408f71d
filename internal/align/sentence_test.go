package align_test

import (
	"context"
	"testing"

	"github.com/crosscheck/crosscheck/internal/align"
	"github.com/crosscheck/crosscheck/internal/news"
)

// TestClaims: pairs of sentences from two outlets and what a careful
// reader would say of them: the same claim (paraphrased), one claim part
// of the other, or unrelated — topical neighbours that share names and
// words but not the claim: another number, a question against an
// assertion, a quoted word the other does not give. ab is
// whether b states a, ba whether a states b.
// A third outlet writes about the same story in other words, so that the
// words of the pair are not all the story has.
func TestClaims(t *testing.T) {
	p := newAnalyser(t)
	background := "Harbour workers in Varnholm have waited months for news about the Eastport pier. " +
		"Mayor Mara Quinlan has led the town since 2019. Tobias Fenwick runs the harbour office. " +
		"Fishing boats still use the north dock every morning. The council meets in the old customs house."
	tests := []struct {
		name   string
		a, b   string
		ab, ba bool
		want   align.Relation
	}{
		// Paraphrases.
		{"met and joined",
			"Mara Quinlan met Tobias Fenwick at the harbour office for nearly two hours on Tuesday.",
			"Quinlan joined Fenwick at the harbour office for about two hours on Tuesday.", true, true, align.Same},
		{"met and joined, bounds apart",
			// One fact, aligned, with values that cannot both be true:
			// neither states the other.
			"Mara Quinlan met Tobias Fenwick at the harbour office for nearly two hours on Tuesday.",
			"Quinlan joined Fenwick at the harbour office for more than two hours on Tuesday.", false, false, align.Conflict},
		{"requested and demanded",
			"The Varnholm council requested an independent audit of the Eastport pier accounts.",
			"The Varnholm council demanded an independent audit of the Eastport pier accounts.", true, true, align.Same},
		{"killed and died",
			"A storm killed three fishermen off the Eastport coast on Sunday.",
			"Three fishermen died in a storm off the Eastport coast on Sunday.", true, true, align.Same},
		{"a quote and its attribution by pronoun",
			"“We will rebuild the Eastport pier before the winter storms arrive,” Quinlan said.",
			"“We will rebuild the Eastport pier before the winter storms arrive,” she said on Tuesday.", true, true, align.Same},
		// Topical neighbours.
		{"a question against an assertion",
			"Reporters asked whether Quinlan had shown evidence of fraud in the Eastport pier accounts.",
			"Quinlan said fraud in the Eastport pier accounts was a settled fact.", false, false, align.Unrelated},
		{"another number",
			"The Eastport pier repairs will cost the Varnholm council $5 million.",
			"The Eastport pier repairs will cost the Varnholm council $2 million.", false, false, align.Conflict},
		{"a quoted word the other does not give",
			"Quinlan called her talks with Fenwick on the Eastport pier “productive” on Tuesday.",
			"Quinlan held talks with Fenwick on the Eastport pier on Tuesday.", false, true, align.Part},
		{"a denial against an assertion",
			"Fenwick will resign from the harbour office before the Eastport pier reopens.",
			"Fenwick will not resign from the harbour office before the Eastport pier reopens.", false, false, align.Unrelated},
		{"a contracted denial against an assertion",
			"Quinlan signed the Eastport pier contract with the Varnholm council on Tuesday.",
			"Quinlan didn't sign the Eastport pier contract with the Varnholm council on Tuesday.", false, false, align.Unrelated},
		{"quoted words in another mouth",
			"Tobias Fenwick told the harbour workers the Eastport pier was “finished for good” on Tuesday.",
			"A harbour worker shouted that the old pier was “finished for good” on Tuesday.", false, true, align.Part},
		{"quoted words in the same mouth",
			"Tobias Fenwick told the harbour workers the Eastport pier was “finished for good” on Tuesday.",
			"Fenwick said on Tuesday that the Eastport pier was “finished for good”.", true, true, align.Same},
		{"the same count of something else",
			"The Varnholm council fined two fishermen on the Eastport pier on Tuesday.",
			"The Varnholm council fined a fisherman with two boats on the Eastport pier on Tuesday.", false, false, align.Unrelated},
		{"the same count, a word between",
			"Two injured divers were taken to the Varnholm hospital on Tuesday.",
			"The two divers were taken to the Varnholm hospital on Tuesday.", true, true, align.Same},
		{"a quotation told as the writer's own",
			"Harbour master Tobias Fenwick described the pier as “long, bright and quiet, built from Norwegian oak, harbour stone and Varnholm iron.”",
			"The pier is long and bright, built from Norwegian oak, harbour stone and Varnholm iron.", false, true, align.Part},
		{"a quotation and the same quotation",
			"Harbour master Tobias Fenwick described the pier as “long, bright and quiet, built from Norwegian oak, harbour stone and Varnholm iron.”",
			"“Long, bright and quiet, built from Norwegian oak, harbour stone and Varnholm iron,” he said of the pier.", true, true, align.Same},
		// One part of the other.
		{"four claims and one",
			"The Varnholm council approved the Eastport pier budget, Fenwick resigned from the harbour office, the mayor ordered an inquiry into the ferry contract, and striking dockers blocked the railway tunnel.",
			"The Varnholm council approved the Eastport pier budget on Monday.", false, true, align.Part},
		{"circumstances need not be stated",
			"Quinlan apologized to the harbour workers after the Eastport pier collapse injured four divers.",
			"Mara Quinlan apologized to the harbour workers on Tuesday.", true, true, align.Same},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var members []news.Member
			for i, tx := range []string{tc.a, tc.b, background} {
				a, err := p.Analyze(news.Raw{Text: tx, Published: "2021-03-18"})
				if err != nil {
					t.Fatal(err)
				}
				members = append(members, news.Member{Article: a, Source: string(rune('a' + i)), Group: i})
			}
			c, err := newStory(t, members).Claims(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if got := c.States(0, 0, 1, 0); got != tc.ab {
				t.Errorf("b states a = %v, want %v", got, tc.ab)
			}
			if got := c.States(1, 0, 0, 0); got != tc.ba {
				t.Errorf("a states b = %v, want %v", got, tc.ba)
			}
			if got := c.Relate(0, 0, 1, 0); got != tc.want {
				t.Errorf("Relate = %v, want %v", got, tc.want)
			}
			if got := c.Relate(1, 0, 0, 0); got != tc.want {
				t.Errorf("Relate reversed = %v, want %v", got, tc.want)
			}
		})
	}
}
