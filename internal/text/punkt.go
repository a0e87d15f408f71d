package text

import (
	_ "embed"
	"encoding/json"
	"errors"
	"strconv"
	"unicode/utf8"

	"github.com/neurosnap/sentences"
)

// punktEnglish is neurosnap/sentences' data/english.json, embedded
// uncompressed (punkt/README.md): the library's own copy is gzipped, and
// inflating it into a growing buffer cost a small command about a sixth of
// its heap page faults and 2 ms of CPU. The parser slices the model's keys
// from this string in place.
//
//go:embed punkt/english.json
var punktEnglish string

// loadPunkt reads the English Punkt model that neurosnap/sentences ships
// (data/english.json: four objects of word → integer, 20,599 entries in
// all). sentences.LoadTraining decodes it with encoding/json's reflection,
// which made the model load the largest single cost of a process that
// briefs one small file (about 10 ms of 40); parsePunkt reads the same
// shape directly into maps sized in advance. Anything it does not expect
// falls back to sentences.LoadTraining, so the model is the same either way
// (TestParsePunktMatchesLoadTraining).
func loadPunkt() (*sentences.Storage, error) {
	if st, err := parsePunkt(punktEnglish); err == nil {
		return st, nil
	}
	return sentences.LoadTraining([]byte(punktEnglish))
}

// errPunktShape is parsePunkt's answer to input outside the shape it reads.
var errPunktShape = errors.New("text: unexpected Punkt model shape")

// parsePunkt parses {"Name": {"word": int, ...}, ...} for the four sets of
// sentences.Storage. It rejects, with errPunktShape, any other field name,
// value type or syntax.
func parsePunkt(s string) (*sentences.Storage, error) {
	// Keys are sliced from the text instead of allocated one by one
	// (20,599 of them).
	p := punktParser{s: s}
	st := &sentences.Storage{}
	sets := map[string]*sentences.SetString{
		"AbbrevTypes":  &st.AbbrevTypes,
		"Collocations": &st.Collocations,
		"SentStarters": &st.SentStarters,
		"OrthoContext": &st.OrthoContext,
	}
	if !p.byte('{') {
		return nil, errPunktShape
	}
	for first := true; !p.byte('}'); first = false {
		if !first && !p.byte(',') {
			return nil, errPunktShape
		}
		name, ok := p.string()
		if !ok || !p.byte(':') || !p.byte('{') {
			return nil, errPunktShape
		}
		dst, ok := sets[name]
		if !ok || *dst != nil {
			return nil, errPunktShape
		}
		set := make(sentences.SetString, p.count())
		for firstEntry := true; !p.byte('}'); firstEntry = false {
			if !firstEntry && !p.byte(',') {
				return nil, errPunktShape
			}
			key, ok := p.string()
			if !ok || !p.byte(':') {
				return nil, errPunktShape
			}
			n, ok := p.int()
			if !ok {
				return nil, errPunktShape
			}
			set[key] = n
		}
		*dst = set
	}
	p.space()
	if p.i != len(p.s) {
		return nil, errPunktShape
	}
	return st, nil
}

// punktParser is a cursor over the model's JSON text.
type punktParser struct {
	s string
	i int
}

func (p *punktParser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\n' || p.s[p.i] == '\t' || p.s[p.i] == '\r') {
		p.i++
	}
}

// byte consumes c, after white space, when it comes next.
func (p *punktParser) byte(c byte) bool {
	p.space()
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// string reads a JSON string; one with an escape or a byte outside
// printable ASCII is decoded by encoding/json.
func (p *punktParser) string() (string, bool) {
	if !p.byte('"') {
		return "", false
	}
	start, escaped := p.i, false
	for ; p.i < len(p.s) && p.s[p.i] != '"'; p.i++ {
		switch c := p.s[p.i]; {
		case c == '\\':
			escaped = true
			p.i++
		case c < 0x20 || c >= utf8.RuneSelf:
			// Control bytes are errors and bytes of invalid UTF-8
			// become U+FFFD in encoding/json: let it decide.
			escaped = true
		}
	}
	if p.i >= len(p.s) {
		return "", false
	}
	end := p.i
	p.i++
	if !escaped {
		return p.s[start:end], true
	}
	var s string
	if err := json.Unmarshal([]byte(p.s[start-1:p.i]), &s); err != nil {
		return "", false
	}
	return s, true
}

// int reads a JSON integer.
func (p *punktParser) int() (int, bool) {
	p.space()
	start := p.i
	if p.i < len(p.s) && p.s[p.i] == '-' {
		p.i++
	}
	digits := p.i
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
	}
	if p.i-digits > 1 && p.s[digits] == '0' {
		return 0, false // JSON has no leading zeros
	}
	n, err := strconv.Atoi(p.s[start:p.i])
	return n, err == nil
}

// count estimates the entries of the object that starts at the cursor (the
// colons before its closing brace), to size its map once.
func (p *punktParser) count() int {
	n := 0
	for i := p.i; i < len(p.s) && p.s[i] != '}'; i++ {
		if p.s[i] == ':' {
			n++
		}
	}
	return n
}
