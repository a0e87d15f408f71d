package read

import (
	"bytes"
)

// sniffWindow is how much of a document the binary check looks at.
const sniffWindow = 8 << 10

// skipBOMSpace returns b without a leading UTF-8 byte order mark and white
// space.
func skipBOMSpace(b []byte) []byte {
	b = bytes.TrimPrefix(b, bomUTF8)
	return bytes.TrimLeft(b, " \t\r\n\f\v")
}

// hasWARCMagic reports content starting with a WARC version line
// ("WARC/1.0\r\n", "WARC/1.1").
func hasWARCMagic(head []byte) bool {
	return bytes.HasPrefix(head, []byte("WARC/"))
}

// looksJSONL reports content whose first non-space bytes open a JSON object
// with a key (`{"id": …`). Plain prose practically never starts so.
func looksJSONL(head []byte) bool {
	b := skipBOMSpace(head)
	if len(b) == 0 || b[0] != '{' {
		return false
	}
	b = bytes.TrimLeft(b[1:], " \t\r\n")
	return len(b) > 0 && b[0] == '"'
}

// looksFeed reports XML whose root element is an RSS or Atom feed
// ("<?xml …?><rss version="2.0">", "<feed xmlns=…>", "<rdf:RDF …>"). It
// skips the XML prolog, comments, processing instructions and a doctype.
func looksFeed(data []byte) bool {
	b := skipBOMSpace(data)
	if len(b) > 4096 {
		b = b[:4096]
	}
	for len(b) > 0 {
		b = bytes.TrimLeft(b, " \t\r\n\f")
		if len(b) < 2 || b[0] != '<' {
			return false
		}
		switch {
		case bytes.HasPrefix(b, []byte("<?")):
			i := bytes.Index(b, []byte("?>"))
			if i < 0 {
				return false
			}
			b = b[i+2:]
		case bytes.HasPrefix(b, []byte("<!--")):
			i := bytes.Index(b, []byte("-->"))
			if i < 0 {
				return false
			}
			b = b[i+3:]
		case bytes.HasPrefix(b, []byte("<!")):
			i := bytes.IndexByte(b, '>')
			if i < 0 {
				return false
			}
			b = b[i+1:]
		default:
			name := b[1:]
			end := bytes.IndexAny(name, " \t\r\n/>")
			if end < 0 {
				return false
			}
			name = bytes.ToLower(name[:end])
			return string(name) == "rss" || string(name) == "feed" || string(name) == "rdf:rdf"
		}
	}
	return false
}

// htmlSignatures are the lowercased tag openings that mark HTML when they
// start a document after white space, as in the WHATWG MIME sniffing rules
// ("<!doctype html", "<html", "<p", …). Each must be followed by a space
// or ">" (checked by looksHTML).
var htmlSignatures = [][]byte{
	[]byte("<!doctype html"), []byte("<html"), []byte("<head"), []byte("<body"),
	[]byte("<script"), []byte("<iframe"), []byte("<h1"), []byte("<div"),
	[]byte("<font"), []byte("<table"), []byte("<a"), []byte("<style"),
	[]byte("<title"), []byte("<b"), []byte("<br"), []byte("<p"),
	[]byte("<article"), []byte("<section"), []byte("<meta"), []byte("<!--"),
}

// looksHTML reports a document that starts like an HTML page or fragment
// (see htmlSignatures), or that contains "<html" or "<body" near its start
// (a page saved after some stray text, "<?xml …?><html …>").
func looksHTML(data []byte) bool {
	b := skipBOMSpace(data)
	if len(b) > 1024 {
		b = b[:1024]
	}
	low := bytes.ToLower(b)
	for _, sig := range htmlSignatures {
		if !bytes.HasPrefix(low, sig) {
			continue
		}
		if string(sig) == "<!--" {
			return bytes.Contains(low, []byte("<html")) || bytes.Contains(low, []byte("<head")) || bytes.Contains(low, []byte("<body"))
		}
		if len(low) > len(sig) {
			switch low[len(sig)] {
			case ' ', '>', '\t', '\n', '\r', '\f', '/':
				return true
			}
		}
	}
	return bytes.Contains(low, []byte("<html")) || bytes.Contains(low, []byte("<body"))
}

// binarySignatures are magic numbers of common binary formats that may
// contain long runs of printable bytes (PDF, PNG, JPEG, GIF, ZIP).
var binarySignatures = [][]byte{
	[]byte("%PDF-"), []byte("\x89PNG"), []byte("\xff\xd8\xff"), []byte("GIF8"),
	[]byte("PK\x03\x04"), []byte("\x7fELF"),
}

// isBinary reports bytes that are not text: a known binary signature, a NUL
// byte, or more than 10% control characters (other than tab, newline,
// carriage return, form feed, vertical tab and escape) in the first 8 KB.
// UTF-16 text must be recognised before calling it.
func isBinary(data []byte) bool {
	for _, sig := range binarySignatures {
		if bytes.HasPrefix(data, sig) {
			return true
		}
	}
	if len(data) > sniffWindow {
		data = data[:sniffWindow]
	}
	ctl := 0
	for _, c := range data {
		switch {
		case c == 0:
			return true
		case c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x1b:
		case c < 0x20 || c == 0x7f:
			ctl++
		}
	}
	return ctl*10 > len(data)
}
