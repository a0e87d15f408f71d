// Package readability stands in for github.com/go-shiori/go-readability
// inside crosscheck's build (see the replace directive in crosscheck's
// go.mod). It declares only what go-trafilatura v1.12.2 names.
//
// Why: go-trafilatura links go-readability for its optional fallback
// (trafilatura.Options.EnableFallback), and linking it runs its package
// initialisation (its regular expressions) in every process, plain-text
// input or not. crosscheck never enables the fallback (internal/extract).
//
// FromDocument therefore never extracts: it returns ErrNotLinked. Anyone
// who turns trafilatura's fallback on must drop the replace directive and
// accept the start-up cost.
package readability

import (
	"errors"
	nurl "net/url"

	"golang.org/x/net/html"
)

// ErrNotLinked is returned by FromDocument: the real parser is not in this
// build.
var ErrNotLinked = errors.New("readability: not linked into this build (crosscheck never enables trafilatura's fallback)")

// Article is a readable page; Node is its content.
type Article struct {
	Node *html.Node
}

// FromDocument returns ErrNotLinked.
func FromDocument(doc *html.Node, pageURL *nurl.URL) (Article, error) {
	return Article{}, ErrNotLinked
}
