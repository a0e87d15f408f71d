package text

import (
	"encoding/json"
	"errors"
	"strconv"
	"unicode/utf8"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/data"
)

// loadPunkt reads the English Punkt model that neurosnap/sentences ships
// (data/english.json: four objects of word → integer, 20,599 entries in
// all). sentences.LoadTraining decodes it with encoding/json's reflection,
// which made the model load the largest single cost of a process that
// briefs one small file (about 10 ms of 40); parsePunkt reads the same
// shape directly into maps sized in advance. Anything it does not expect
// falls back to sentences.LoadTraining, so the model is the same either way
// (TestParsePunktMatchesLoadTraining).
func loadPunkt() (*sentences.Storage, error) {
	b, err := data.Asset("data/english.json")
	if err != nil {
		return nil, err
	}
	if st, err := parsePunkt(b); err == nil {
		return st, nil
	}
	return sentences.LoadTraining(b)
}

// errPunktShape is parsePunkt's answer to input outside the shape it reads.
var errPunktShape = errors.New("text: unexpected Punkt model shape")

// parsePunkt parses {"Name": {"word": int, ...}, ...} for the four sets of
// sentences.Storage. It rejects, with errPunktShape, any other field name,
// value type or syntax.
func parsePunkt(b []byte) (*sentences.Storage, error) {
	// Keys are sliced from one copy of the text instead of allocated one
	// by one (20,599 of them).
	p := punktParser{b: b, s: string(b)}
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
	if p.i != len(p.b) {
		return nil, errPunktShape
	}
	return st, nil
}

// punktParser is a cursor over the model's JSON text.
type punktParser struct {
	b []byte
	s string // b as a string
	i int
}

func (p *punktParser) space() {
	for p.i < len(p.b) && (p.b[p.i] == ' ' || p.b[p.i] == '\n' || p.b[p.i] == '\t' || p.b[p.i] == '\r') {
		p.i++
	}
}

// byte consumes c, after white space, when it comes next.
func (p *punktParser) byte(c byte) bool {
	p.space()
	if p.i < len(p.b) && p.b[p.i] == c {
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
	for ; p.i < len(p.b) && p.b[p.i] != '"'; p.i++ {
		switch c := p.b[p.i]; {
		case c == '\\':
			escaped = true
			p.i++
		case c < 0x20 || c >= utf8.RuneSelf:
			// Control bytes are errors and bytes of invalid UTF-8
			// become U+FFFD in encoding/json: let it decide.
			escaped = true
		}
	}
	if p.i >= len(p.b) {
		return "", false
	}
	end := p.i
	p.i++
	if !escaped {
		return p.s[start:end], true
	}
	var s string
	if err := json.Unmarshal(p.b[start-1:p.i], &s); err != nil {
		return "", false
	}
	return s, true
}

// int reads a JSON integer.
func (p *punktParser) int() (int, bool) {
	p.space()
	start := p.i
	if p.i < len(p.b) && p.b[p.i] == '-' {
		p.i++
	}
	digits := p.i
	for p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9' {
		p.i++
	}
	if p.i-digits > 1 && p.b[digits] == '0' {
		return 0, false // JSON has no leading zeros
	}
	n, err := strconv.Atoi(string(p.b[start:p.i]))
	return n, err == nil
}

// count estimates the entries of the object that starts at the cursor (the
// colons before its closing brace), to size its map once.
func (p *punktParser) count() int {
	n := 0
	for i := p.i; i < len(p.b) && p.b[i] != '}'; i++ {
		if p.b[i] == ':' {
			n++
		}
	}
	return n
}
