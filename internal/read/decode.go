package read

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// docKind selects which in-document charset declarations decode honours.
type docKind int

const (
	kindText docKind = iota
	kindHTML         // <meta charset> and <meta http-equiv="Content-Type">
	kindXML          // <?xml encoding="…"?>
)

// Byte order marks.
var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
)

// metaCharsetRE finds a charset in an HTML <meta> tag, both forms:
// `<meta charset="iso-8859-1">` and
// `<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`.
var metaCharsetRE = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// xmlEncodingRE finds the encoding of an XML prolog:
// `<?xml version="1.0" encoding="ISO-8859-1"?>`.
var xmlEncodingRE = regexp.MustCompile(`^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._\-]+)["']`)

// maxBadRatio is the share of U+FFFD in a decoded text above which the input
// counts as undecodable (ErrEncoding): one rune in ten.
const maxBadRatio = 0.10

// decode converts a document to UTF-8 text. In order it trusts: a byte
// order mark (UTF-8, UTF-16LE/BE); UTF-16 without a mark recognised by its
// zero bytes; the charset parameter of contentType (from HTTP headers); a
// charset declared inside the document (HTML meta, XML prolog, according to
// kind); valid UTF-8; a statistical guess for text with many non-ASCII
// bytes; Windows-1252 (a superset of Latin-1). It returns ErrBinary for
// non-text and ErrEncoding when the result is mostly replacement
// characters.
func decode(data []byte, kind docKind, contentType string) (string, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return finish(toValidUTF8(data[3:]))
	case bytes.HasPrefix(data, bomUTF16LE):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), data[2:])
	case bytes.HasPrefix(data, bomUTF16BE):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), data[2:])
	}
	if e := sniffUTF16(data); e != nil {
		return decodeWith(e, data)
	}
	if isBinary(data) {
		return "", ErrBinary
	}
	if enc, isUTF8 := declared(data, kind, contentType); enc != nil || isUTF8 {
		if !isUTF8 {
			return decodeWith(enc, data)
		}
		if utf8.Valid(data) {
			return finish(string(data))
		}
		// A page that says UTF-8 but is not: fall through to sniffing.
	}
	return sniff(data)
}

// declared returns the encoding the document or its HTTP header declares;
// isUTF8 reports a UTF-8 declaration (a UTF-16 declaration on a document
// without zero bytes means UTF-8, as browsers treat it). Unknown labels are
// ignored.
func declared(data []byte, kind docKind, contentType string) (enc encoding.Encoding, isUTF8 bool) {
	var labels []string
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
			labels = append(labels, params["charset"])
		}
	}
	head := data
	if len(head) > 2048 {
		head = head[:2048]
	}
	switch kind {
	case kindHTML:
		if m := metaCharsetRE.FindSubmatch(head); m != nil {
			labels = append(labels, string(m[1]))
		}
	case kindXML:
		if m := xmlEncodingRE.FindSubmatch(bytes.TrimLeft(head, " \t\r\n")); m != nil {
			labels = append(labels, string(m[1]))
		}
	}
	for _, label := range labels {
		e, err := htmlindex.Get(strings.ToLower(strings.TrimSpace(label)))
		if err != nil {
			continue // unknown label: try the next declaration
		}
		switch name, _ := htmlindex.Name(e); name {
		case "utf-8", "utf-16le", "utf-16be":
			return nil, true
		}
		return e, false
	}
	return nil, false
}

// sniffUTF16 recognises UTF-16 text without a byte order mark: in the first
// 8 KB at least 40% of the code units are ASCII-range characters (a zero
// high byte and a printable or white-space low byte), almost none are ASCII
// control characters, and no code unit is zero. It tries little-endian
// first ("H\x00i\x00"), then big-endian ("\x00H\x00i").
func sniffUTF16(data []byte) encoding.Encoding {
	n := len(data)
	if n > sniffWindow {
		n = sniffWindow
	}
	n &^= 1
	if n < 8 {
		return nil
	}
	for _, little := range []bool{true, false} {
		var ascii, ctl int
		zeroUnit := false
		for i := 0; i < n; i += 2 {
			lo, hi := data[i], data[i+1]
			if !little {
				lo, hi = hi, lo
			}
			if hi != 0 {
				continue
			}
			switch {
			case lo == 0:
				zeroUnit = true
			case lo >= 0x20 && lo < 0x7f, lo == '\t', lo == '\n', lo == '\r':
				ascii++
			case lo < 0x20 || lo == 0x7f:
				ctl++
			}
		}
		pairs := n / 2
		if !zeroUnit && ascii*10 >= pairs*4 && ctl*20 <= pairs {
			if little {
				return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
			}
			return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
		}
	}
	return nil
}

// sniff decodes a document that declares nothing trustworthy.
func sniff(data []byte) (string, error) {
	if utf8.Valid(data) {
		return finish(string(data))
	}
	if mostlyUTF8(data) {
		return finish(toValidUTF8(data))
	}
	if e := guessNonLatin(data); e != nil {
		return decodeWith(e, data)
	}
	return decodeWith(charmap.Windows1252, data)
}

// mostlyUTF8 reports bytes that hold at least as many valid multi-byte
// UTF-8 sequences as invalid bytes: UTF-8 text with a few stray bytes,
// which is better repaired than re-read as Windows-1252.
func mostlyUTF8(data []byte) bool {
	var good, bad int
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			good++
		}
		i += size
	}
	return good >= bad && good > 0
}

// guessNonLatin asks a statistical detector about text in which more than
// 30% of the letters are non-ASCII bytes, which a Latin-script text in
// Windows-1252 does not have (Cyrillic in Windows-1251 or KOI8-R, Greek,
// Shift-JIS…). It returns nil when the detector is unsure or names a
// Latin single-byte charset, leaving Windows-1252 as the fallback.
func guessNonLatin(data []byte) encoding.Encoding {
	sample := data
	if len(sample) > sniffWindow {
		sample = sample[:sniffWindow]
	}
	var high, letters int
	for _, c := range sample {
		switch {
		case c >= 0x80:
			high++
			letters++
		case c|0x20 >= 'a' && c|0x20 <= 'z':
			letters++
		}
	}
	if letters == 0 || high*10 <= letters*3 {
		return nil
	}
	res, err := chardet.NewTextDetector().DetectBest(sample)
	if err != nil || res.Confidence < 50 {
		return nil
	}
	e, err := htmlindex.Get(strings.ToLower(res.Charset))
	if err != nil {
		return nil
	}
	switch name, _ := htmlindex.Name(e); name {
	case "windows-1252", "iso-8859-15", "utf-8", "utf-16le", "utf-16be":
		return nil
	}
	return e
}

// decodeWith converts data with e and checks the result.
func decodeWith(e encoding.Encoding, data []byte) (string, error) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", ErrEncoding
	}
	return finish(toValidUTF8(out))
}

// toValidUTF8 replaces invalid UTF-8 sequences with U+FFFD.
func toValidUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// finish rejects decoded text with NUL characters (binary) or mostly
// replacement characters (undecodable), and drops a leading BOM.
func finish(s string) (string, error) {
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.IndexByte(s, 0) >= 0 {
		return "", ErrBinary
	}
	if bad := strings.Count(s, "\uFFFD"); bad > 0 {
		if n := utf8.RuneCountInString(s); float64(bad) > maxBadRatio*float64(n) {
			return "", ErrEncoding
		}
	}
	return s, nil
}
