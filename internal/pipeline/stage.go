package pipeline

import (
	"fmt"

	"github.com/crosscheck/crosscheck/internal/entity"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/quantity"
	"github.com/crosscheck/crosscheck/internal/quote"
	"github.com/crosscheck/crosscheck/internal/text"
	"github.com/crosscheck/crosscheck/internal/timex"
)

// Stage is one step of per-article analysis. It reads an article's clean
// paragraphs and what earlier stages added (sentences, entities), and fills
// its own fields. A Stage is built once with its read-only tables and is
// safe for concurrent use on different articles.
//
// The analysers satisfy it structurally (text.Segmenter, entity.Recognizer,
// quote.Finder, timex.Tagger, quantity.Finder): they import only news, so
// the contract lives here, with its one consumer.
type Stage interface {
	Analyze(a *news.Article) error
}

// Chain runs its stages in order; it is itself a Stage. Order matters: a
// stage may read only what the stages before it filled.
type Chain []Stage

// NewChain builds the default analysis chain, each stage once: sentences,
// entities, quotes (which use the entities), times, quantities. This is the
// chain that Pipeline.Analyze runs after extraction and cleaning; tests and
// evaluations that start from clean paragraphs run it (or it Without a
// stage) to measure the product's path.
func NewChain() (Chain, error) {
	seg, err := text.NewSegmenter()
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	ents := entity.New()
	return Chain{seg, ents, quote.New(ents), timex.New(), quantity.New()}, nil
}

// Analyze runs every stage on a, stopping at the first error. It joins
// a's body once first (news.Article.JoinBody), so that the stages share
// one copy of it.
func (c Chain) Analyze(a *news.Article) error {
	a.JoinBody()
	for _, s := range c {
		if err := s.Analyze(a); err != nil {
			return fmt.Errorf("pipeline: %T: %w", s, err)
		}
	}
	return nil
}

// Without returns a copy of c without its stages of type T, for measuring
// what one stage adds: Without[*entity.Recognizer](c) runs quotes without
// the entities' names. Kept for evaluations and tests (deadcode lists it:
// the command always runs the whole chain).
func Without[T Stage](c Chain) Chain {
	out := make(Chain, 0, len(c))
	for _, s := range c {
		if _, ok := s.(T); !ok {
			out = append(out, s)
		}
	}
	return out
}
