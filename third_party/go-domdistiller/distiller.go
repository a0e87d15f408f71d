// Package distiller stands in for github.com/markusmobius/go-domdistiller
// inside crosscheck's build (see the replace directive in crosscheck's
// go.mod). It declares only what go-trafilatura v1.12.2 names.
//
// Why: go-trafilatura links go-domdistiller for its optional fallback
// (trafilatura.Options.EnableFallback), and linking it runs its package
// initialisation in every process: Unicode range tables built rune by
// rune and dozens of regular expressions, about a quarter of the CPU of a
// `crosscheck version` (GODEBUG=inittrace=1, perf) and 2 MB allocated
// before main starts, plain-text input or not. crosscheck never enables
// the fallback (internal/extract), so the tables were paid for and never
// read.
//
// Apply therefore never distils: it returns ErrNotLinked. Anyone who turns
// trafilatura's fallback on must drop the replace directive and accept the
// start-up cost.
package distiller

import (
	"errors"
	nurl "net/url"

	"golang.org/x/net/html"
)

// ErrNotLinked is returned by Apply: the real distiller is not in this
// build.
var ErrNotLinked = errors.New("distiller: not linked into this build (crosscheck never enables trafilatura's fallback)")

// Options are the distiller's options that go-trafilatura sets.
type Options struct {
	OriginalURL    *nurl.URL
	SkipPagination bool
}

// Result is a distilled page; Node is its content.
type Result struct {
	Node *html.Node
}

// Apply returns ErrNotLinked.
func Apply(doc *html.Node, opts *Options) (*Result, error) {
	return nil, ErrNotLinked
}
