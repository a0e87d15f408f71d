package read

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/testutil"
)

const plainText = "The harbour council voted on Tuesday to repair the old pier.\n\nWork starts in May."

// latin1 is "Café Müller opened in Zürich." in ISO-8859-1 / Windows-1252.
var latin1 = []byte("Caf\xe9 M\xfcller opened in Z\xfcrich, said \x93Anna\x94.")

const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Gazette</title><link>https://gazette.example/</link>
<item><title>Pier repairs approved</title><link>https://gazette.example/pier</link>
<pubDate>Tue, 05 Mar 2024 09:30:00 +0000</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>The council approved the pier repairs.</p>]]></content:encoded></item>
<item><title>Ferry timetable</title><link>https://gazette.example/ferry</link>
<description>&lt;p&gt;The ferry will run hourly.&lt;/p&gt;</description></item>
<item><title>No body</title><link>https://gazette.example/empty</link></item>
</channel></rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Times</title>
<entry><title>Bridge reopens</title><link href="https://valley.example/bridge"/>
<id>tag:valley.example,2024:1</id><updated>2024-04-02T08:00:00Z</updated><published>2024-04-01T07:00:00Z</published>
<content type="html">&lt;p&gt;The bridge reopened after two weeks.&lt;/p&gt;</content></entry>
</feed>`

// latinFeed declares ISO-8859-1 in its prolog.
var latinFeed = []byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\"><channel><title>Le Journal</title>" +
	"<item><title>F\xeate</title><link>https://journal.example/fete</link><description>La f\xeate de l'\xe9t\xe9.</description></item></channel></rss>")

func TestEach(t *testing.T) {
	jsonl := strings.Join([]string{
		`{"id":"a1","url":"https://x.example/1","outlet":"X News","title":"One","published":"2024-01-02","text":"First article text."}`,
		`{"id":"a2", "text": broken`,
		``,
		`{"id":7,"html":"<html><body><p>Second article.</p></body></html>","text":"ignored"}`,
		`{"url":"https://x.example/3","title":"No body"}`,
		`{"text":"Third article without id."}`,
	}, "\n") + "\n"
	warcFile := bytes.Join([][]byte{
		warcRec("warcinfo", "", []byte("software: test\r\n")),
		warcRec("request", "https://site.example/a", []byte("GET /a HTTP/1.1\r\nHost: site.example\r\n\r\n")),
		warcRec("response", "https://site.example/a", httpResp(200, "Content-Type: text/html; charset=utf-8\r\n", []byte(page("A", "Page A body.")))),
		warcRec("response", "https://site.example/logo.png", httpResp(200, "Content-Type: image/png\r\n", []byte("\x89PNG\r\n"))),
		warcRec("response", "https://site.example/gone", httpResp(404, "Content-Type: text/html\r\n", []byte(page("404", "Not found")))),
		warcRec("response", "<https://site.example/b>", httpResp(200, "Content-Type: text/html; charset=iso-8859-1\r\n", []byte("<html><body><p>Caf\xe9 B.</p></body></html>"))),
		warcRec("response", "https://site.example/c", httpResp(200, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", []byte("c\r\n<p>Chunked C\r\n6\r\n page.\r\n0\r\n\r\n"))),
		warcRec("response", "https://site.example/d", httpResp(200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gz([]byte(page("D", "Gzipped D."))))),
	}, nil)
	var warcGz []byte
	for _, rec := range [][]byte{
		warcRec("warcinfo", "", []byte("software: test\r\n")),
		warcRec("response", "https://site.example/e", httpResp(200, "Content-Type: text/html\r\n", []byte(page("E", "Page E.")))),
		warcRec("response", "https://site.example/f", httpResp(200, "Content-Type: text/html\r\n", []byte(page("F", "Page F.")))),
	} {
		warcGz = append(warcGz, gz(rec)...)
	}
	truncWarc := warcRec("response", "https://site.example/t", httpResp(200, "Content-Type: text/html\r\n", []byte(page("T", "Truncated page with enough words."))))
	bigHTML := []byte(page("Big", strings.Repeat("word ", 400)))

	cases := []struct {
		name   string
		files  map[string][]byte
		inputs []string // relative to the fixture directory; "-" is stdin
		opts   Options
		stdin  []byte
		want   []want
	}{
		{
			name:   "plain text",
			files:  map[string][]byte{"a.txt": []byte(plainText)},
			inputs: []string{"a.txt"},
			want:   []want{{input: "$D/a.txt", text: "repair the old pier"}},
		},
		{
			name:   "text without extension",
			files:  map[string][]byte{"notes": []byte(plainText)},
			inputs: []string{"notes"},
			want:   []want{{input: "$D/notes", text: "Work starts in May."}},
		},
		{
			name:   "html by extension",
			files:  map[string][]byte{"p.html": []byte("Saved page <b>bold</b>")},
			inputs: []string{"p.html"},
			want:   []want{{input: "$D/p.html", html: "<b>bold</b>"}},
		},
		{
			name:   "html sniffed",
			files:  map[string][]byte{"p.dat": []byte("\n  " + page("T", "Sniffed body."))},
			inputs: []string{"p.dat"},
			want:   []want{{input: "$D/p.dat", html: "Sniffed body."}},
		},
		{
			name:   "html gz",
			files:  map[string][]byte{"p.html.gz": gz([]byte(page("T", "Compressed body.")))},
			inputs: []string{"p.html.gz"},
			want:   []want{{input: "$D/p.html.gz", html: "Compressed body."}},
		},
		{
			name:   "gzip without gz extension is sniffed",
			files:  map[string][]byte{"blob": gz([]byte(page("T", "Magic body.")))},
			inputs: []string{"blob"},
			want:   []want{{input: "$D/blob", html: "Magic body."}},
		},
		{
			name:   "text gz",
			files:  map[string][]byte{"a.txt.gz": gz([]byte(plainText))},
			inputs: []string{"a.txt.gz"},
			want:   []want{{input: "$D/a.txt.gz", text: "old pier"}},
		},
		{
			name:   "html meta charset latin-1",
			files:  map[string][]byte{"l.html": []byte("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body><p>Caf\xe9</p></body></html>")},
			inputs: []string{"l.html"},
			want:   []want{{input: "$D/l.html", html: "<p>Café</p>"}},
		},
		{
			name:   "html meta says utf-8 but bytes are latin-1",
			files:  map[string][]byte{"l.html": []byte("<html><head><meta charset=\"utf-8\"></head><body><p>Gar\xe7on and na\xefve d\xe9j\xe0 vu</p></body></html>")},
			inputs: []string{"l.html"},
			want:   []want{{input: "$D/l.html", html: "Garçon and naïve déjà vu"}},
		},
		{
			name:   "latin-1 text",
			files:  map[string][]byte{"l.txt": latin1},
			inputs: []string{"l.txt"},
			want:   []want{{input: "$D/l.txt", text: "Café Müller opened in Zürich, said “Anna”."}},
		},
		{
			name:   "utf-8 with BOM",
			files:  map[string][]byte{"b.txt": append([]byte{0xef, 0xbb, 0xbf}, "Naïve start."...)},
			inputs: []string{"b.txt"},
			want:   []want{{input: "$D/b.txt", text: "Naïve start."}},
		},
		{
			name: "utf-16",
			files: map[string][]byte{
				"le.txt":    utf16Bytes("Little endian “quoted” café.", false, true),
				"be.txt":    utf16Bytes("Big endian text, naïve.", true, true),
				"nobom.txt": utf16Bytes("No byte order mark here at all.", false, false),
				"be.html":   utf16Bytes(page("U", "Sixteen bit page."), true, true),
			},
			inputs: []string{"le.txt", "be.txt", "nobom.txt", "be.html"},
			want: []want{
				{input: "$D/le.txt", text: "Little endian “quoted” café."},
				{input: "$D/be.txt", text: "Big endian text, naïve."},
				{input: "$D/nobom.txt", text: "No byte order mark here at all."},
				{input: "$D/be.html", html: "Sixteen bit page."},
			},
		},
		{
			name: "bad single files",
			files: map[string][]byte{
				"empty.txt": nil,
				"space.txt": []byte(" \n\t\r\n "),
				"nul.txt":   []byte("text\x00with a NUL byte"),
				"ctl.txt":   bytes.Repeat([]byte("ab\x01\x02\x03"), 100),
				"img.png":   []byte("\x89PNG\r\n\x1a\nrest"),
				"doc.pdf":   []byte("%PDF-1.4\nsome text"),
				"big.txt":   bytes.Repeat([]byte("long text "), 300),
				"bomb.gz":   gz(bytes.Repeat([]byte("a"), 5000)),
				"trunc.gz":  gzCut(noise(1500), 0.5),
				"hdr.gz":    []byte{0x1f, 0x8b, 0x08},
				"empty.gz":  gz(nil),
			},
			inputs: []string{"empty.txt", "space.txt", "nul.txt", "ctl.txt", "img.png", "doc.pdf", "big.txt", "bomb.gz", "trunc.gz", "hdr.gz", "empty.gz", "missing.txt"},
			opts:   Options{MaxBytes: 2000},
			want: []want{
				{input: "$D/empty.txt", err: ErrEmpty},
				{input: "$D/space.txt", err: ErrEmpty},
				{input: "$D/nul.txt", err: ErrBinary},
				{input: "$D/ctl.txt", err: ErrBinary},
				{input: "$D/img.png", err: ErrBinary},
				{input: "$D/doc.pdf", err: ErrBinary},
				{input: "$D/big.txt", err: ErrTooLarge},
				{input: "$D/bomb.gz", err: ErrTooLarge},
				{input: "$D/trunc.gz", err: ErrTruncated},
				{input: "$D/hdr.gz", err: ErrTruncated},
				{input: "$D/empty.gz", err: ErrEmpty},
				{input: "$D/missing.txt", err: ErrNotFound},
			},
		},
		{
			name:   "jsonl with bad lines among good ones",
			files:  map[string][]byte{"a.jsonl": []byte(jsonl)},
			inputs: []string{"a.jsonl"},
			want: []want{
				{input: "a1", id: "a1", text: "First article text.", url: "https://x.example/1", outlet: "X News", title: "One", published: "2024-01-02"},
				{input: "$D/a.jsonl:2", err: ErrMalformed},
				{input: "7", id: "7", html: "<p>Second article.</p>"},
				{input: "$D/a.jsonl:5", err: ErrEmpty},
				{input: "$D/a.jsonl:6", text: "Third article without id."},
			},
		},
		{
			name:   "jsonl gz and ndjson",
			files:  map[string][]byte{"a.jsonl.gz": gz([]byte(jsonl)), "b.ndjson": []byte(`{"text":"Only line."}`)},
			inputs: []string{"a.jsonl.gz", "b.ndjson"},
			want: []want{
				{input: "a1", id: "a1", text: "First article text.", url: "https://x.example/1", outlet: "X News", title: "One", published: "2024-01-02"},
				{input: "$D/a.jsonl.gz:2", err: ErrMalformed},
				{input: "7", id: "7", html: "<p>Second article.</p>"},
				{input: "$D/a.jsonl.gz:5", err: ErrEmpty},
				{input: "$D/a.jsonl.gz:6", text: "Third article without id."},
				{input: "$D/b.ndjson:1", text: "Only line."},
			},
		},
		{
			// A record's text is text even when it opens with or quotes
			// markup: only the html field is HTML.
			name: "jsonl text quoting markup stays text",
			files: map[string][]byte{"m.jsonl": []byte(`{"id":"m1","text":"<script>alert(1)</script> is the string testers paste into forms."}` + "\n" +
				`{"id":"m2","text":"<a href=\"https://x.example\">A link</a> was left in the comment box, the report said."}` + "\n" +
				`{"id":"m3","text":"<!doctype html> opens every page, the tutorial says."}`)},
			inputs: []string{"m.jsonl"},
			want: []want{
				{input: "m1", id: "m1", text: "<script>alert(1)</script> is the string"},
				{input: "m2", id: "m2", text: "<a href=\"https://x.example\">A link</a>"},
				{input: "m3", id: "m3", text: "<!doctype html> opens"},
			},
		},
		{
			name: "jsonl over-long line and wrong field type",
			files: map[string][]byte{"a.jsonl": []byte(`{"text":"` + strings.Repeat("x", 3000) + `"}` + "\r\n" +
				`{"text":["not","a","string"]}` + "\n" + `{"text":"Short one."}`)},
			inputs: []string{"a.jsonl"},
			opts:   Options{MaxBytes: 1000},
			want: []want{
				{input: "$D/a.jsonl:1", err: ErrTooLarge},
				{input: "$D/a.jsonl:2", err: ErrMalformed},
				{input: "$D/a.jsonl:3", text: "Short one."},
			},
		},
		{
			name:   "truncated jsonl gz keeps the lines before the cut",
			files:  map[string][]byte{"a.jsonl.gz": append(gz([]byte(`{"text":"Kept line."}`+"\n")), gzCut(`{"text":"`+noise(3000)+`"}`+"\n", 0.5)...)},
			inputs: []string{"a.jsonl.gz"},
			want: []want{
				{input: "$D/a.jsonl.gz:1", text: "Kept line."},
				{input: "$D/a.jsonl.gz:2", err: ErrTruncated},
			},
		},
		{
			name:   "rss",
			files:  map[string][]byte{"f.xml": []byte(rssFeed)},
			inputs: []string{"f.xml"},
			want: []want{
				{input: "https://gazette.example/pier", html: "<p>The council approved the pier repairs.</p>", title: "Pier repairs approved", url: "https://gazette.example/pier", outlet: "Harbour Gazette", published: "2024-03-05T09:30:00Z"},
				{input: "https://gazette.example/ferry", html: "<p>The ferry will run hourly.</p>", title: "Ferry timetable", url: "https://gazette.example/ferry", outlet: "Harbour Gazette"},
				{input: "https://gazette.example/empty", err: ErrEmpty},
			},
		},
		{
			name:   "atom",
			files:  map[string][]byte{"f.atom": []byte(atomFeed)},
			inputs: []string{"f.atom"},
			want: []want{
				{input: "https://valley.example/bridge", html: "<p>The bridge reopened after two weeks.</p>", title: "Bridge reopens", url: "https://valley.example/bridge", outlet: "Valley Times", published: "2024-04-01T07:00:00Z"},
			},
		},
		{
			name:   "latin-1 rss",
			files:  map[string][]byte{"f.rss": latinFeed},
			inputs: []string{"f.rss"},
			want: []want{
				{input: "https://journal.example/fete", html: "La fête de l'été.", title: "Fête", url: "https://journal.example/fete", outlet: "Le Journal"},
			},
		},
		{
			name:   "truncated feed",
			files:  map[string][]byte{"f.xml": []byte(rssFeed[:len(rssFeed)/2])},
			inputs: []string{"f.xml"},
			want:   []want{{input: "$D/f.xml", err: ErrMalformed}},
		},
		{
			name:   "warc",
			files:  map[string][]byte{"a.warc": warcFile},
			inputs: []string{"a.warc"},
			want: []want{
				{input: "https://site.example/a", html: "Page A body.", url: "https://site.example/a"},
				{input: "https://site.example/b", html: "<p>Café B.</p>", url: "https://site.example/b"},
				{input: "https://site.example/c", html: "<p>Chunked C page.", url: "https://site.example/c"},
				{input: "https://site.example/d", html: "Gzipped D.", url: "https://site.example/d"},
			},
		},
		{
			name:   "warc gz per-record members",
			files:  map[string][]byte{"a.warc.gz": warcGz},
			inputs: []string{"a.warc.gz"},
			want: []want{
				{input: "https://site.example/e", html: "Page E.", url: "https://site.example/e"},
				{input: "https://site.example/f", html: "Page F.", url: "https://site.example/f"},
			},
		},
		{
			name: "truncated and oversized warc",
			files: map[string][]byte{
				"t.warc":    append(warcRec("response", "https://site.example/ok", httpResp(200, "Content-Type: text/html\r\n", []byte(page("OK", "Fine page.")))), truncWarc[:len(truncWarc)-30]...),
				"t.warc.gz": append(gz(warcRec("response", "https://site.example/ok", httpResp(200, "Content-Type: text/html\r\n", []byte(page("OK", "Fine page."))))), gz(truncWarc)[:50]...),
				"h.warc":    []byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Len"),
				"big.warc":  append(warcRec("response", "https://site.example/big", httpResp(200, "Content-Type: text/html\r\n", bigHTML)), warcRec("response", "https://site.example/small", httpResp(200, "Content-Type: text/html\r\n", []byte(page("S", "Small."))))...),
				"junk.warc": []byte("WARC/1.0\r\nContent-Length: many\r\n\r\n"),
			},
			inputs: []string{"t.warc", "t.warc.gz", "h.warc", "big.warc", "junk.warc"},
			opts:   Options{MaxBytes: 1000},
			want: []want{
				{input: "https://site.example/ok", html: "Fine page.", url: "https://site.example/ok"},
				{input: "https://site.example/t", err: ErrTruncated},
				{input: "https://site.example/ok", html: "Fine page.", url: "https://site.example/ok"},
				{input: "$D/t.warc.gz#2", err: ErrTruncated},
				{input: "$D/h.warc#1", err: ErrTruncated},
				{input: "https://site.example/big", err: ErrTooLarge},
				{input: "https://site.example/small", html: "Small.", url: "https://site.example/small"},
				{input: "$D/junk.warc#1", err: ErrMalformed},
			},
		},
		{
			name: "warc lenient variants",
			files: map[string][]byte{"v.warc": bytes.Join([][]byte{
				warcRec("response", "https://site.example/lf", []byte("HTTP/1.0 200 OK\nContent-Type: text/html\n\n<p>LF only.</p>")),
				warcRec("response", "https://site.example/notype", []byte("HTTP/1.1 200 OK\r\n\r\n<html><body>No type.</body></html>")),
				warcRec("response", "https://site.example/notype.js", []byte("HTTP/1.1 200 OK\r\n\r\nvar x = 1;")),
				warcRec("response", "https://site.example/br", httpResp(200, "Content-Type: text/html\r\nContent-Encoding: br\r\n", []byte("\x0b\x02\x80"))),
				warcRec("response", "https://site.example/cut", []byte("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")),
				warcRec("response", "https://site.example/blank", httpResp(200, "Content-Type: text/html\r\n", []byte("  \n"))),
				warcRec("metadata", "https://site.example/lf", []byte("via: x\r\n")),
			}, nil)},
			inputs: []string{"v.warc"},
			want: []want{
				{input: "https://site.example/lf", html: "<p>LF only.</p>", url: "https://site.example/lf"},
				{input: "https://site.example/notype", html: "No type.", url: "https://site.example/notype"},
				{input: "https://site.example/br", err: ErrEncoding},
				{input: "https://site.example/cut", err: ErrTruncated},
				{input: "https://site.example/blank", err: ErrEmpty},
			},
		},
		{
			name: "jsonl flexible ids and dates",
			files: map[string][]byte{"a.jsonl": []byte(`{"id":null,"published":null,"text":"Null id."}` + "\n" +
				`{"id":12.5,"published":2017,"text":"Numeric."}` + "\n" + `{"id":true,"text":"Bool id."}` + "\n" + `{"text":"has\u0000nul"}`)},
			inputs: []string{"a.jsonl"},
			want: []want{
				{input: "$D/a.jsonl:1", text: "Null id."},
				{input: "12.5", id: "12.5", published: "2017", text: "Numeric."},
				{input: "$D/a.jsonl:3", err: ErrMalformed},
				{input: "$D/a.jsonl:4", err: ErrBinary},
			},
		},
		{
			name: "feed item without link, updated date only",
			files: map[string][]byte{"f.atom": []byte(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>` +
				`<entry><title>E</title><updated>2024-02-03T04:05:06Z</updated><summary>Summary only.</summary></entry></feed>`),
				"empty.rss": []byte(`<rss version="2.0"><channel><title>Nothing</title></channel></rss>`)},
			inputs: []string{"f.atom", "empty.rss"},
			want: []want{
				{input: "$D/f.atom#1", html: "Summary only.", title: "E", outlet: "T", published: "2024-02-03T04:05:06Z"},
				{input: "$D/empty.rss", err: ErrEmpty},
			},
		},
		{
			name: "directory in lexical order, hidden files skipped",
			files: map[string][]byte{
				"d/b.txt":          []byte("Bee file."),
				"d/a.html":         []byte(page("A", "Aye page.")),
				"d/c/inner.jsonl":  []byte(`{"id":"in1","text":"Inner line."}`),
				"d/.hidden.txt":    []byte("Hidden."),
				"d/.git/config":    []byte("Hidden dir."),
				"d/z.bin":          []byte{0, 1, 2, 3},
				"d/c/feed.rss":     []byte(rssFeed),
				"d/c/sub/empty.md": nil,
			},
			inputs: []string{"d"},
			want: []want{
				{input: "$D/d/a.html", html: "Aye page."},
				{input: "$D/d/b.txt", text: "Bee file."},
				{input: "https://gazette.example/pier", html: "pier repairs", title: "Pier repairs approved", url: "https://gazette.example/pier", outlet: "Harbour Gazette", published: "2024-03-05T09:30:00Z"},
				{input: "https://gazette.example/ferry", html: "hourly", title: "Ferry timetable", url: "https://gazette.example/ferry", outlet: "Harbour Gazette"},
				{input: "https://gazette.example/empty", err: ErrEmpty},
				{input: "in1", id: "in1", text: "Inner line."},
				{input: "$D/d/c/sub/empty.md", err: ErrEmpty},
				{input: "$D/d/z.bin", err: ErrBinary},
			},
		},
		{
			name:   "stdin text with caller defaults",
			stdin:  []byte(plainText),
			inputs: []string{"-"},
			opts:   Options{Outlet: "Flag Outlet", URL: "https://flag.example/", Published: "2024-05-06"},
			want:   []want{{input: "-", text: "old pier", outlet: "Flag Outlet", url: "https://flag.example/", published: "2024-05-06"}},
		},
		{
			name:   "stdin jsonl sniffed, defaults fill only gaps",
			stdin:  []byte(`{"id":"s1","outlet":"Own","text":"From stdin."}` + "\n" + `{"text":"Second."}`),
			inputs: []string{"-"},
			opts:   Options{Outlet: "Flag Outlet"},
			want: []want{
				{input: "s1", id: "s1", text: "From stdin.", outlet: "Own"},
				{input: "-:2", text: "Second.", outlet: "Flag Outlet"},
			},
		},
		{
			name:   "stdin gzip html",
			stdin:  gz([]byte(page("S", "Piped page."))),
			inputs: []string{"-"},
			want:   []want{{input: "-", html: "Piped page."}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tc.files)
			inputs := make([]string, len(tc.inputs))
			for i, in := range tc.inputs {
				if in == "-" {
					inputs[i] = in
				} else {
					inputs[i] = filepath.Join(dir, in)
				}
			}
			opts := tc.opts
			if tc.stdin != nil {
				opts.Stdin = bytes.NewReader(tc.stdin)
			}
			check(t, dir, collect(t, New(opts), inputs), tc.want)
		})
	}
}

// noise returns about n bytes of pseudo-random words, which compress
// poorly, so that a cut gzip stream loses part of them.
func noise(n int) string {
	words := []string{"harbour", "pier", "council", "ferry", "bridge", "vote", "repair", "timetable", "valley", "river", "market", "winter"}
	var b strings.Builder
	x := uint32(2463534242)
	for b.Len() < n {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b.WriteString(words[x%uint32(len(words))])
		b.WriteByte(' ')
		b.WriteString(strconv.Itoa(int(x % 1000)))
		b.WriteByte(' ')
	}
	return b.String()
}

// gzCut compresses s and keeps the given fraction of the compressed bytes.
func gzCut(s string, frac float64) []byte {
	b := gz([]byte(s))
	return b[:int(float64(len(b))*frac)]
}

func TestEachStops(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"a.txt": []byte("One."), "b.txt": []byte("Two."), "c.txt": nil})
	inputs := []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "c.txt")}
	stop := errors.New("stop")

	t.Run("callback error", func(t *testing.T) {
		n := 0
		err := New(Options{}).Each(context.Background(), inputs, func(news.Raw, error) error {
			n++
			return stop
		})
		if !errors.Is(err, stop) || n != 1 {
			t.Errorf("Each = %v after %d calls, want %v after 1", err, n, stop)
		}
	})
	t.Run("callback error on a skip", func(t *testing.T) {
		var n int
		err := New(Options{}).Each(context.Background(), []string{filepath.Join(dir, "c.txt"), inputs[0]}, func(_ news.Raw, e error) error {
			n++
			return e
		})
		if !errors.Is(err, ErrEmpty) || n != 1 {
			t.Errorf("Each = %v after %d calls, want ErrEmpty after 1", err, n)
		}
	})
	t.Run("cancelled context inside a directory", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		n := 0
		err := New(Options{}).Each(ctx, []string{dir}, func(news.Raw, error) error {
			n++
			cancel()
			return nil
		})
		if !errors.Is(err, context.Canceled) || n != 1 {
			t.Errorf("Each = %v after %d calls, want context.Canceled after 1", err, n)
		}
	})
	t.Run("cancelled context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		n := 0
		err := New(Options{}).Each(ctx, inputs, func(news.Raw, error) error {
			n++
			cancel()
			return nil
		})
		if !errors.Is(err, context.Canceled) || n != 1 {
			t.Errorf("Each = %v after %d calls, want context.Canceled after 1", err, n)
		}
	})
}

func TestErrorMessage(t *testing.T) {
	cases := []struct {
		err  *Error
		want string
	}{
		{&Error{Input: "a.txt", Err: ErrEmpty}, "read a.txt: empty input"},
		{&Error{Input: "b.jsonl:3", Err: ErrMalformed, Detail: "unexpected end"}, "read b.jsonl:3: malformed input: unexpected end"},
	}
	for _, tc := range cases {
		t.Run(tc.want, func(t *testing.T) {
			if got := tc.err.Error(); got != tc.want {
				t.Errorf("Error() = %q, want %q", got, tc.want)
			}
			if !errors.Is(tc.err, tc.err.Err) {
				t.Errorf("errors.Is(%v, %v) = false", tc.err, tc.err.Err)
			}
		})
	}
}

// TestSharedData reads the shared seed articles and the extraction
// benchmark pages: every one must come through as a document, the .txt
// seeds as text and the .html.gz pages as HTML.
func TestSharedData(t *testing.T) {
	for _, rel := range []string{"seeds", "data/extraction/html"} {
		t.Run(rel, func(t *testing.T) {
			dir, ok := testutil.Shared(rel)
			if !ok {
				t.Skipf("shared folder %s not found", rel)
			}
			got := collect(t, New(Options{}), []string{dir})
			if len(got) == 0 {
				t.Fatalf("no documents in %s", dir)
			}
			for _, g := range got {
				if g.err != nil {
					t.Errorf("%s: %v", g.raw.Input, g.err)
					continue
				}
				wantHTML := strings.HasSuffix(g.raw.Input, ".html.gz")
				if wantHTML != g.raw.IsHTML() {
					t.Errorf("%s: IsHTML = %v, want %v", g.raw.Input, g.raw.IsHTML(), wantHTML)
				}
			}
		})
	}
}
