package read

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http/httputil"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
)

// Limits of the WARC parser, so that a hostile file cannot make it buffer
// without bound.
const (
	maxWARCHeaderLine = 64 << 10 // bytes in one WARC header line
	maxWARCHeaders    = 256      // header lines in one record
)

// warcRecord is the part of a WARC record header the reader uses.
type warcRecord struct {
	typ, uri      string
	contentLength int64
}

// warc reads a WARC file record by record (a .warc.gz is a series of gzip
// members, which the caller's gzip reader joins). It keeps the "response"
// records whose HTTP payload is a 2xx text/html page; other records are
// skipped silently. A truncated or malformed record is reported and ends
// the file, since nothing after it can be trusted.
func (r *Reader) warc(ctx context.Context, name string, br *bufio.Reader, fn emitFunc) error {
	var buf []byte
	for recNo := 1; ; recNo++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		recName := name + "#" + strconv.Itoa(recNo)
		rec, err := readWARCHeader(br, buf)
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case errors.Is(err, errLineTooLong):
			return skip(fn, recName, ErrMalformed, "WARC header line too long")
		case errors.Is(err, ErrTruncated) || errors.Is(err, ErrMalformed):
			return skip(fn, recName, unwrapSentinel(err), err.Error())
		case err != nil:
			return streamSkip(fn, recName, err)
		}
		input := rec.uri
		if input == "" {
			input = recName
		}
		if rec.typ != "response" || rec.contentLength > r.opts.MaxBytes {
			n, err := io.CopyN(io.Discard, br, rec.contentLength)
			if n < rec.contentLength {
				return truncSkip(fn, input, err)
			}
			if rec.typ == "response" {
				if err := skip(fn, input, ErrTooLarge, r.overLimit("the WARC record", rec.contentLength)); err != nil {
					return err
				}
			}
			continue
		}
		block := make([]byte, rec.contentLength)
		if _, err := io.ReadFull(br, block); err != nil {
			return truncSkip(fn, input, err)
		}
		raw, detail, sentinel := r.httpResponse(block)
		if raw == nil && sentinel == nil {
			continue // not an HTML page
		}
		if sentinel != nil {
			if err := skip(fn, input, sentinel, detail); err != nil {
				return err
			}
			continue
		}
		raw.Input, raw.URL = input, rec.uri
		if err := fn(*raw, nil); err != nil {
			return err
		}
	}
}

// truncSkip reports a record cut short by the end of the file or by a
// damaged gzip member.
func truncSkip(fn emitFunc, input string, err error) error {
	if err == nil || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return skip(fn, input, ErrTruncated, "WARC record ends early")
	}
	return streamSkip(fn, input, err)
}

// unwrapSentinel returns the package sentinel that err wraps.
func unwrapSentinel(err error) error {
	for _, s := range []error{ErrTruncated, ErrMalformed} {
		if errors.Is(err, s) {
			return s
		}
	}
	return ErrMalformed
}

// readWARCHeader reads the version line and named fields of one record,
// skipping the blank lines that end the previous record. It returns io.EOF
// at a clean end of file.
func readWARCHeader(br *bufio.Reader, buf []byte) (warcRecord, error) {
	var rec warcRecord
	var line []byte
	var err error
	for {
		line, err = readLine(br, buf, maxWARCHeaderLine)
		if err != nil {
			return rec, err
		}
		if len(bytes.TrimSpace(line)) > 0 {
			break
		}
	}
	if !bytes.HasPrefix(line, []byte("WARC/")) {
		return rec, fmt.Errorf("%w: no WARC version line, got %.40q", ErrMalformed, line)
	}
	haveLength := false
	for i := 0; ; i++ {
		if i == maxWARCHeaders {
			return rec, fmt.Errorf("%w: more than %d WARC header lines", ErrMalformed, maxWARCHeaders)
		}
		line, err = readLine(br, buf, maxWARCHeaderLine)
		if errors.Is(err, io.EOF) {
			return rec, fmt.Errorf("%w: WARC header ends early", ErrTruncated)
		}
		if err != nil {
			return rec, err
		}
		if len(line) == 0 {
			break
		}
		k, v, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue // a continuation or junk line; nothing we use
		}
		val := strings.TrimSpace(string(v))
		switch strings.ToLower(strings.TrimSpace(string(k))) {
		case "warc-type":
			rec.typ = strings.ToLower(val)
		case "warc-target-uri":
			rec.uri = strings.TrimSuffix(strings.TrimPrefix(val, "<"), ">")
		case "content-length":
			n, perr := strconv.ParseInt(val, 10, 64)
			if perr != nil || n < 0 {
				return rec, fmt.Errorf("%w: bad Content-Length %.40q", ErrMalformed, val)
			}
			rec.contentLength, haveLength = n, true
		}
	}
	if !haveLength {
		return rec, fmt.Errorf("%w: WARC record without Content-Length", ErrMalformed)
	}
	return rec, nil
}

// httpResponse parses the HTTP response held by a WARC response record. It
// returns (nil, nil, "") for a payload that is not a 2xx HTML page.
func (r *Reader) httpResponse(block []byte) (raw *news.Raw, detail string, sentinel error) {
	head, body, ok := cutHTTPHeader(block)
	if !ok {
		if bytes.HasPrefix(block, []byte("HTTP/")) {
			return nil, "HTTP header ends early", ErrTruncated
		}
		return nil, "", nil
	}
	lines := strings.Split(strings.ReplaceAll(string(head), "\r\n", "\n"), "\n")
	status := strings.Fields(lines[0])
	if len(status) < 2 || !strings.HasPrefix(status[0], "HTTP/") {
		return nil, "", nil
	}
	code, err := strconv.Atoi(status[1])
	if err != nil || code < 200 || code > 299 {
		return nil, "", nil
	}
	var contentType, transfer, contentEnc string
	for _, l := range lines[1:] {
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "content-type":
			contentType = v
		case "transfer-encoding":
			transfer = strings.ToLower(v)
		case "content-encoding":
			contentEnc = strings.ToLower(v)
		}
	}
	if !isHTMLType(contentType, body) {
		return nil, "", nil
	}
	if strings.Contains(transfer, "chunked") {
		out, err := io.ReadAll(io.LimitReader(httputil.NewChunkedReader(bytes.NewReader(body)), r.opts.MaxBytes+1))
		if err != nil {
			return nil, "chunked HTTP body: " + err.Error(), ErrTruncated
		}
		body = out
	}
	switch contentEnc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, "gzip HTTP body: " + err.Error(), gzipSentinel(err)
		}
		out, err := io.ReadAll(io.LimitReader(zr, r.opts.MaxBytes+1))
		if err != nil {
			return nil, "gzip HTTP body: " + err.Error(), gzipSentinel(err)
		}
		body = out
	default:
		return nil, "unsupported Content-Encoding " + contentEnc, ErrEncoding
	}
	if int64(len(body)) > r.opts.MaxBytes {
		return nil, r.overLimit("the HTTP body", -1), ErrTooLarge
	}
	if isBlank(body) {
		return nil, "", ErrEmpty
	}
	s, err := decode(body, kindHTML, contentType)
	if err != nil {
		return nil, "", err
	}
	if strings.TrimSpace(s) == "" {
		return nil, "", ErrEmpty
	}
	return &news.Raw{HTML: s, Bytes: body}, "", nil
}

// cutHTTPHeader splits an HTTP message at the first blank line (CRLF CRLF,
// or LF LF from lenient writers).
func cutHTTPHeader(block []byte) (head, body []byte, ok bool) {
	i := bytes.Index(block, []byte("\r\n\r\n"))
	j := bytes.Index(block, []byte("\n\n"))
	switch {
	case i >= 0 && (j < 0 || i <= j):
		return block[:i], block[i+4:], true
	case j >= 0:
		return block[:j], block[j+2:], true
	}
	return nil, nil, false
}

// isHTMLType reports an HTML payload: Content-Type text/html or
// application/xhtml+xml, or no Content-Type and a body that looks like HTML.
func isHTMLType(contentType string, body []byte) bool {
	if contentType == "" {
		return looksHTML(body)
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(contentType, ";")[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}
