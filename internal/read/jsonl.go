package read

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
)

// jsonlLine is the schema of one JSONL article. Exactly one of Text and
// HTML is used; HTML wins when both are given, as it carries the page's
// own metadata.
type jsonlLine struct {
	ID        flexString `json:"id"`
	URL       string     `json:"url"`
	Outlet    string     `json:"outlet"`
	Title     string     `json:"title"`
	Published flexString `json:"published"`
	Text      string     `json:"text"`
	HTML      string     `json:"html"`
}

// flexString accepts a JSON string, number or null (ids and dates are
// sometimes written as numbers: "id": 17, "published": 2017).
type flexString string

// UnmarshalJSON implements json.Unmarshaler.
func (f *flexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*f = ""
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexString(s)
	case b[0] == '-' || (b[0] >= '0' && b[0] <= '9'):
		if _, err := strconv.ParseFloat(string(b), 64); err != nil {
			return fmt.Errorf("bad number %q", b)
		}
		*f = flexString(b)
	default:
		return fmt.Errorf("want a string or number, got %.20q", b)
	}
	return nil
}

// errLineTooLong is returned by readLine for a line over the limit.
var errLineTooLong = errors.New("line too long")

// readLine reads one line (without its terminator) of at most max bytes. An
// over-long line is consumed to its end and reported with errLineTooLong.
// It returns io.EOF only when there is nothing left.
func readLine(br *bufio.Reader, buf []byte, max int64) ([]byte, error) {
	buf = buf[:0]
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(buf)+len(chunk)) > max+1 { // +1 for the '\n'
				tooLong = true
				buf = buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch {
		case err == nil:
			if tooLong {
				return nil, errLineTooLong
			}
			return bytes.TrimRight(buf, "\r\n"), nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if tooLong {
				return nil, errLineTooLong
			}
			if len(buf) == 0 {
				return nil, io.EOF
			}
			return bytes.TrimRight(buf, "\r\n"), nil
		default:
			return nil, err
		}
	}
}

// jsonl reads one article per line. Blank lines are ignored; a bad line is
// reported and the next one read.
func (r *Reader) jsonl(ctx context.Context, name string, br *bufio.Reader, fn emitFunc) error {
	var buf []byte
	for lineNo := 1; ; lineNo++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		input := name + ":" + strconv.Itoa(lineNo)
		line, err := readLine(br, buf, r.opts.MaxBytes)
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case errors.Is(err, errLineTooLong):
			if e := skip(fn, input, ErrTooLarge, r.overLimit("the line", -1)); e != nil {
				return e
			}
			continue
		case err != nil:
			return streamSkip(fn, input, err)
		}
		buf = line[:0]
		if lineNo == 1 {
			line = bytes.TrimPrefix(line, bomUTF8)
		}
		if isBlank(line) {
			continue
		}
		raw, detail, sentinel := parseJSONLine(line)
		if sentinel != nil {
			if raw.ID != "" {
				input = raw.ID
			}
			if e := skip(fn, input, sentinel, detail); e != nil {
				return e
			}
			continue
		}
		raw.Input = input
		if raw.ID != "" {
			raw.Input = raw.ID
		}
		if err := fn(raw, nil); err != nil {
			return err
		}
	}
}

// parseJSONLine decodes one JSONL line into a Raw (without Input). On
// failure it returns the sentinel and a detail; raw.ID is set when known.
func parseJSONLine(line []byte) (raw news.Raw, detail string, sentinel error) {
	var l jsonlLine
	if err := json.Unmarshal(line, &l); err != nil {
		return raw, JSONError(err), ErrMalformed
	}
	raw = news.Raw{
		ID:        string(l.ID),
		URL:       l.URL,
		Outlet:    l.Outlet,
		Title:     l.Title,
		Published: string(l.Published),
		Bytes:     bytes.Clone(line),
	}
	switch {
	case strings.TrimSpace(l.HTML) != "":
		raw.HTML = l.HTML
	case strings.TrimSpace(l.Text) != "":
		raw.Text = l.Text
	default:
		return news.Raw{ID: raw.ID}, "line has neither text nor html", ErrEmpty
	}
	if strings.IndexByte(raw.Text, 0) >= 0 || strings.IndexByte(raw.HTML, 0) >= 0 {
		return news.Raw{ID: raw.ID}, "NUL character in text", ErrBinary
	}
	return raw, "", nil
}
