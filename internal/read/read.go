// Package read turns user inputs into news.Raw documents: plain-text files,
// HTML pages, JSONL files (one article per line), directories, stdin, RSS
// and Atom feeds and WARC archives, each possibly gzip-compressed. It
// detects and converts character encodings to UTF-8 and rejects empty,
// binary, oversized and malformed inputs with a reason (*Error) instead of
// failing the whole run.
//
// It consumes paths (or "-" for stdin) and produces news.Raw values; it is
// the first stage of the pipeline and imports only internal/news.
package read

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/say"
)

// Sentinel errors carried by *Error.Err. Each names why a document was
// skipped.
var (
	// ErrEmpty: the input holds no text (zero bytes or only white space,
	// a JSONL line with neither "text" nor "html", a feed item without
	// content).
	ErrEmpty = errors.New("read: empty input")
	// ErrBinary: the input is not text (NUL bytes, many control
	// characters, or a known binary signature such as PDF or PNG).
	ErrBinary = errors.New("read: binary input")
	// ErrTooLarge: the document (file, decompressed stream, JSONL line or
	// WARC record) is larger than Options.MaxBytes. Detail gives the size
	// when known, the limit and how to raise it (Options.MaxBytesSetting).
	ErrTooLarge = errors.New("read: input too large")
	// ErrEncoding: the bytes cannot be decoded to text in any encoding
	// tried (too many invalid sequences).
	ErrEncoding = errors.New("read: undecodable input")
	// ErrMalformed: the input does not follow its format (bad JSON line,
	// unparseable feed, bad WARC header).
	ErrMalformed = errors.New("read: malformed input")
	// ErrTruncated: the input ends in the middle of a gzip stream, a
	// WARC record or a chunked HTTP body.
	ErrTruncated = errors.New("read: truncated input")
	// ErrNotFound: the path does not exist.
	ErrNotFound = errors.New("read: no such input")
	// ErrIO: the input could not be read (permission denied, I/O error);
	// Detail holds the system error.
	ErrIO = errors.New("read: cannot read input")
)

// DefaultMaxBytes is the default Options.MaxBytes: 20 MiB.
const DefaultMaxBytes = 20 << 20

// Error reports a document that could not be read. It is passed to the
// callback of Reader.Each, which then goes on with the next document.
type Error struct {
	// Input names the document as Raw.Input would ("-", a path,
	// "path:LINE" for a JSONL line, a URL for a feed item or WARC record).
	Input string
	// Err is one of the package's sentinel errors (ErrEmpty, ErrBinary…).
	Err error
	// Detail adds specifics ("line 3: invalid character 'x'"); may be "".
	Detail string
}

// Error names the input and the reason, e.g. "read a.txt: empty input".
func (e *Error) Error() string {
	reason := "error"
	if e.Err != nil {
		reason = strings.TrimPrefix(e.Err.Error(), "read: ")
	}
	s := "read " + e.Input + ": " + reason
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

// Unwrap returns the sentinel, so errors.Is(err, read.ErrEmpty) works.
func (e *Error) Unwrap() error { return e.Err }

// Options configures a Reader. The zero value is valid.
type Options struct {
	// MaxBytes bounds one document: a file, a decompressed gzip stream,
	// a JSONL line or a WARC record. Default (<= 0) DefaultMaxBytes.
	MaxBytes int64
	// MaxBytesSetting names what the user changes to raise MaxBytes (the
	// command line passes "--max-bytes"), so that an ErrTooLarge detail
	// says how to get past it. Default "read.Options.MaxBytes".
	MaxBytesSetting string
	// Outlet, URL and Published are the caller's flags, applied to every
	// Raw that lacks them. Default "".
	Outlet, URL, Published string
	// Stdin is read for the input "-". Default (nil) os.Stdin.
	Stdin io.Reader
	// Fetch, when set, reads an http:// or https:// input (a feed URL) and
	// returns its body and Content-Type. The caller supplies it (package
	// fetch guards addresses and sizes); with none, a URL input is skipped
	// with ErrNotFound. Default nil.
	Fetch func(ctx context.Context, url string) (body []byte, contentType string, err error)
}

// Reader reads inputs into news.Raw documents. It holds no mutable state
// and is safe for concurrent use.
type Reader struct {
	opts Options
}

// New returns a Reader with o's defaults filled in.
func New(o Options) *Reader {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxBytesSetting == "" {
		o.MaxBytesSetting = "read.Options.MaxBytes"
	}
	if o.Stdin == nil {
		o.Stdin = os.Stdin
	}
	return &Reader{opts: o}
}

// emitFunc is the callback of Each.
type emitFunc = func(news.Raw, error) error

// Each reads every input in order and calls fn for each document. A
// document that cannot be read is passed to fn as a non-nil *Error (with a
// Raw whose Input is set) and reading goes on. Each stops and returns fn's
// error when fn returns one, and ctx.Err() when ctx is cancelled.
//
// An input is "-" (stdin), a file or a directory (walked recursively in
// lexical order, skipping names that start with "."). A file is read as
// WARC (.warc, .warc.gz or content starting "WARC/"), JSONL (.jsonl,
// .ndjson or content starting `{"`), an RSS/Atom feed (root element rss,
// feed or rdf:RDF), HTML (.html, .htm or HTML-looking content) or plain
// text; any of them may be gzip-compressed.
func (r *Reader) Each(ctx context.Context, inputs []string, fn func(news.Raw, error) error) error {
	emit := func(raw news.Raw, err error) error {
		if err == nil {
			r.applyDefaults(&raw)
		}
		return fn(raw, err)
	}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch {
		case in == "-":
			err = r.stream(ctx, "-", "", r.opts.Stdin, -1, emit)
		case isURL(in):
			err = r.url(ctx, in, emit)
		default:
			err = r.path(ctx, in, emit)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// EachStream reads one input stream named name (an upload, a fetched
// feed body) as Each reads a file: by content, with the same limits,
// defaults and per-document skips.
func (r *Reader) EachStream(ctx context.Context, name string, rd io.Reader, fn func(news.Raw, error) error) error {
	return r.stream(ctx, name, streamExt(name), rd, -1, func(raw news.Raw, err error) error {
		if err == nil {
			r.applyDefaults(&raw)
		}
		return fn(raw, err)
	})
}

// isURL reports whether an input names an http or https URL.
func isURL(in string) bool {
	l := strings.ToLower(in)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// streamExt is the extension of a name that may be a URL (its query and
// fragment left out).
func streamExt(name string) string {
	if i := strings.IndexAny(name, "?#"); i >= 0 && isURL(name) {
		name = name[:i]
	}
	return strings.ToLower(filepath.Ext(name))
}

// url reads a URL input through Options.Fetch.
func (r *Reader) url(ctx context.Context, u string, fn emitFunc) error {
	if r.opts.Fetch == nil {
		return skip(fn, u, ErrNotFound, "URL inputs need network fetching, which this command does not enable")
	}
	body, _, err := r.opts.Fetch(ctx, u)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return skip(fn, u, ErrIO, err.Error())
	}
	return r.stream(ctx, u, streamExt(u), bytes.NewReader(body), int64(len(body)), fn)
}

// applyDefaults fills the caller's flags into a Raw that lacks them.
func (r *Reader) applyDefaults(raw *news.Raw) {
	if raw.Outlet == "" {
		raw.Outlet = r.opts.Outlet
	}
	if raw.URL == "" {
		raw.URL = r.opts.URL
	}
	if raw.Published == "" {
		raw.Published = r.opts.Published
	}
}

// overLimit is the detail of ErrTooLarge for what (size < 0: unknown).
func (r *Reader) overLimit(what string, size int64) string {
	return say.OverLimit(what, size, r.opts.MaxBytes, r.opts.MaxBytesSetting)
}

// skip reports a per-document error through fn.
func skip(fn emitFunc, input string, sentinel error, detail string) error {
	return fn(news.Raw{Input: input}, &Error{Input: input, Err: sentinel, Detail: detail})
}

// ioSkip reports an OS error, mapping "does not exist" to ErrNotFound.
func ioSkip(fn emitFunc, input string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return skip(fn, input, ErrNotFound, "")
	}
	return skip(fn, input, ErrIO, err.Error())
}

// path reads a file or walks a directory.
func (r *Reader) path(ctx context.Context, p string, fn emitFunc) error {
	fi, err := os.Stat(p)
	if err != nil {
		return ioSkip(fn, p, err)
	}
	if !fi.IsDir() {
		return r.file(ctx, p, fi, fn)
	}
	// WalkDir visits entries in lexical order.
	return filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			if q == p {
				return ioSkip(fn, q, err)
			}
			if e := ioSkip(fn, q, err); e != nil {
				return e
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if q != p && isHidden(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		fi, err := os.Stat(q) // follows symbolic links
		if err != nil {
			return ioSkip(fn, q, err)
		}
		if !fi.Mode().IsRegular() {
			return nil
		}
		return r.file(ctx, q, fi, fn)
	})
}

// isHidden reports a dot file or directory (".git", ".DS_Store").
func isHidden(name string) bool { return strings.HasPrefix(name, ".") }

// file reads one regular file.
func (r *Reader) file(ctx context.Context, p string, fi fs.FileInfo, fn emitFunc) error {
	f, err := os.Open(p)
	if err != nil {
		return ioSkip(fn, p, err)
	}
	defer f.Close()
	return r.stream(ctx, p, strings.ToLower(filepath.Ext(p)), f, fi.Size(), fn)
}

// stream dispatches one input stream by extension and content. size is the
// byte size when known (a plain file), else -1.
func (r *Reader) stream(ctx context.Context, name, ext string, rd io.Reader, size int64, fn emitFunc) error {
	br := bufio.NewReaderSize(rd, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return skip(fn, name, gzipSentinel(err), "gzip: "+err.Error())
		}
		defer gz.Close()
		br = bufio.NewReaderSize(gz, 64<<10)
		size = -1
		if ext == ".gz" {
			ext = strings.ToLower(filepath.Ext(strings.TrimSuffix(strings.ToLower(name), ".gz")))
		}
	}
	head, err := br.Peek(512)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		if len(head) == 0 {
			return streamSkip(fn, name, err)
		}
	}
	switch {
	case ext == ".warc" || hasWARCMagic(head):
		return r.warc(ctx, name, br, fn)
	case ext == ".jsonl" || ext == ".ndjson" || (!isMarkupExt(ext) && looksJSONL(head)):
		return r.jsonl(ctx, name, br, fn)
	}
	if size > r.opts.MaxBytes {
		return skip(fn, name, ErrTooLarge, r.overLimit("the file", size))
	}
	data, err := io.ReadAll(io.LimitReader(br, r.opts.MaxBytes+1))
	if err != nil {
		return streamSkip(fn, name, err)
	}
	if int64(len(data)) > r.opts.MaxBytes {
		return skip(fn, name, ErrTooLarge, r.overLimit("the input", -1))
	}
	return r.document(name, ext, data, fn)
}

// isMarkupExt reports extensions that are never JSONL.
func isMarkupExt(ext string) bool {
	switch ext {
	case ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom":
		return true
	}
	return false
}

// streamSkip reports a read error in the middle of a stream: gzip errors
// as truncation or corruption, others as I/O.
func streamSkip(fn emitFunc, name string, err error) error {
	if isGzipErr(err) {
		return skip(fn, name, gzipSentinel(err), "gzip: "+err.Error())
	}
	return skip(fn, name, ErrIO, err.Error())
}

// isGzipErr reports errors that come from a damaged compressed stream.
func isGzipErr(err error) bool {
	var corrupt flate.CorruptInputError
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrChecksum) ||
		errors.Is(err, gzip.ErrHeader) || errors.As(err, &corrupt)
}

// gzipSentinel maps a gzip error to ErrTruncated (stream ends early) or
// ErrMalformed (corrupt data).
func gzipSentinel(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return ErrTruncated
	}
	return ErrMalformed
}

// document turns one whole document's bytes into a Raw: a feed yields one
// Raw per item, HTML and text one Raw.
func (r *Reader) document(name, ext string, data []byte, fn emitFunc) error {
	if len(data) == 0 || isBlank(data) {
		return skip(fn, name, ErrEmpty, "")
	}
	isHTMLExt := ext == ".html" || ext == ".htm" || ext == ".xhtml"
	if !isHTMLExt && looksFeed(data) {
		return r.feed(name, data, fn)
	}
	asHTML := isHTMLExt || looksHTML(data)
	kind := kindText
	if asHTML {
		kind = kindHTML
	}
	s, err := decode(data, kind, "")
	if err != nil {
		return skip(fn, name, err, "")
	}
	if strings.TrimSpace(s) == "" {
		return skip(fn, name, ErrEmpty, "")
	}
	raw := news.Raw{Input: name, Bytes: data}
	if asHTML {
		raw.HTML = s
	} else {
		raw.Text = s
	}
	return fn(raw, nil)
}

// isBlank reports data made only of ASCII white space.
func isBlank(data []byte) bool {
	for _, c := range data {
		switch c {
		case ' ', '\t', '\n', '\r', '\f', '\v':
		default:
			return false
		}
	}
	return true
}
