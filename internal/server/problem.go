package server

import (
	"errors"
	"net/http"
	"regexp"
	"strings"
)

// problemType is the media type of every error answer of the API.
const problemType = "application/problem+json"

// Problem is the body of every error answer of the API and the probes:
// an RFC 9457 problem details object. Type is "about:blank" (the status
// says what kind of problem it is); Detail says in plain words what went
// wrong and what to change. Extension members carry what a client can act
// on without parsing Detail.
type Problem struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail,omitempty"`
	Instance string `json:"instance,omitempty"`
	// Limit is, on a 413, the largest body this server accepts, in bytes.
	Limit int64 `json:"limit,omitempty"`
	// ID is the id of the article a single-article ingest failed on,
	// when known.
	ID string `json:"id,omitempty"`
}

// newProblem fills the standard members for code.
func newProblem(r *http.Request, code int, detail string) Problem {
	return Problem{Type: "about:blank", Title: http.StatusText(code), Status: code, Detail: detail, Instance: r.URL.Path}
}

// problem answers code with a problem whose detail is the given message.
func (s *Server) problem(w http.ResponseWriter, r *http.Request, code int, detail string) {
	s.writeProblem(w, newProblem(r, code, detail), nil)
}

// writeProblem writes p; body, when set, is written instead of p (a
// problem with further extension members, such as a failed batch).
func (s *Server) writeProblem(w http.ResponseWriter, p Problem, body any) {
	if body == nil {
		body = p
	}
	b, err := marshal(body)
	if err != nil {
		s.o.Logger.Error("encoding an error answer failed", "err", err)
		b = []byte(`{"type":"about:blank","title":"Internal Server Error","status":500}` + "\n")
		p.Status = http.StatusInternalServerError
	}
	h := w.Header()
	h.Set("Content-Type", problemType)
	h.Set("Cache-Control", "no-store")
	h.Del("ETag")
	h.Del("Content-Length")
	w.WriteHeader(p.Status)
	w.Write(b)
}

// inputError is a request the client must fix (400). Its text is shown to
// the client as it is, so it is written for them.
type inputError string

func (e inputError) Error() string { return string(e) }

// isInputError reports whether err is or wraps an inputError.
func isInputError(err error) bool {
	var ie inputError
	return errors.As(err, &ie)
}

// pkgPrefix matches the "package: " prefixes Go errors gather on their way
// up (pipeline: not an article), which say nothing to an API client.
var pkgPrefix = regexp.MustCompile(`\b(?:ingest|pipeline|store|read|server|extract|clean|sqlite|postgres): `)

// plainError is err's text for a client: without the label of the input
// (which the client knows: it is the line or the id it sent) and without
// package prefixes.
func plainError(err error, input string) string {
	msg := err.Error()
	if input != "" {
		msg = strings.ReplaceAll(msg, input+": ", "")
	}
	return strings.TrimSpace(pkgPrefix.ReplaceAllString(msg, ""))
}
