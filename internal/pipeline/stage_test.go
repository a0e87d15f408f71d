package pipeline

import (
	"errors"
	"fmt"
	"testing"

	"github.com/crosscheck/crosscheck/internal/entity"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/quantity"
	"github.com/crosscheck/crosscheck/internal/quote"
	"github.com/crosscheck/crosscheck/internal/text"
	"github.com/crosscheck/crosscheck/internal/timex"
)

const stageText = `“We will rebuild the pier by May,” Mara Quinlan told reporters on Tuesday. About 80 people attended.`

// stageBody is long enough for the cleaner to take it as an article.
const stageBody = "The city council voted on Tuesday to approve a new budget, officials said. The plan raises spending on parks by eight percent.\n\n" +
	"Supporters said the plan would repair aging playgrounds. Opponents warned that taxes would rise.\n\n" + stageText

// TestChain checks the default chain's order and that each stage, run in
// it, fills its field; and that Without drops exactly one stage.
func TestChain(t *testing.T) {
	chain, err := NewChain()
	if err != nil {
		t.Fatal(err)
	}
	wantTypes := []string{"*text.Segmenter", "*entity.Recognizer", "*quote.Finder", "*timex.Tagger", "*quantity.Finder"}
	if len(chain) != len(wantTypes) {
		t.Fatalf("chain has %d stages, want %d", len(chain), len(wantTypes))
	}
	for i, s := range chain {
		if got := fmt.Sprintf("%T", s); got != wantTypes[i] {
			t.Errorf("stage %d is %s, want %s", i, got, wantTypes[i])
		}
	}
	tests := []struct {
		name  string
		chain Chain
		// filled reports which fields are set: sentences, entities,
		// quotes, times, quantities.
		filled [5]bool
	}{
		{"all", chain, [5]bool{true, true, true, true, true}},
		{"without sentences", Without[*text.Segmenter](chain), [5]bool{false, true, true, true, true}},
		{"without entities", Without[*entity.Recognizer](chain), [5]bool{true, false, true, true, true}},
		{"without quotes", Without[*quote.Finder](chain), [5]bool{true, true, false, true, true}},
		{"without times", Without[*timex.Tagger](chain), [5]bool{true, true, true, false, true}},
		{"without quantities", Without[*quantity.Finder](chain), [5]bool{true, true, true, true, false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &news.Article{Paragraphs: []string{stageText}, Published: "2021-03-18"}
			if err := tc.chain.Analyze(a); err != nil {
				t.Fatal(err)
			}
			got := [5]bool{len(a.Sentences) > 0, len(a.Entities) > 0, len(a.Quotes) > 0, len(a.Times) > 0, len(a.Quantities) > 0}
			if got != tc.filled {
				t.Errorf("filled %v, want %v", got, tc.filled)
			}
		})
	}
	if len(chain) != len(wantTypes) {
		t.Error("Without changed the chain it was given")
	}
}

// failing is a stage that always fails, to check that the chain stops.
type failing struct{}

var errStage = errors.New("stage failed")

func (failing) Analyze(*news.Article) error { return errStage }

func TestChainStopsAtError(t *testing.T) {
	chain, err := NewChain()
	if err != nil {
		t.Fatal(err)
	}
	c := Chain{chain[0], failing{}, chain[1]}
	a := &news.Article{Paragraphs: []string{stageText}}
	if err := c.Analyze(a); !errors.Is(err, errStage) {
		t.Fatalf("err = %v, want %v", err, errStage)
	}
	if len(a.Sentences) == 0 || len(a.Entities) != 0 {
		t.Errorf("ran %d sentences, %d entities: want the stages before the failure only", len(a.Sentences), len(a.Entities))
	}
	// The pipeline reports the error of its chain, with the input.
	p, err := New(Options{Chain: c})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Analyze(news.Raw{Input: "x", Text: stageBody}); !errors.Is(err, errStage) {
		t.Errorf("Pipeline.Analyze err = %v, want %v", err, errStage)
	}
}
