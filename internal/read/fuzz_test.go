package read

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/news"
)

// fuzzSink returns a callback that checks every document: errors are
// *Error with a sentinel, documents have exactly one of Text and HTML, in
// valid UTF-8.
func fuzzSink(t *testing.T) emitFunc {
	return func(raw news.Raw, err error) error {
		if err != nil {
			var re *Error
			if !errors.As(err, &re) || re.Err == nil {
				t.Fatalf("error %v is not a *read.Error with a sentinel", err)
			}
			return nil
		}
		if (raw.Text == "") == (raw.HTML == "") {
			t.Fatalf("raw %q: want exactly one of Text and HTML", raw.Input)
		}
		if !utf8.ValidString(raw.Text) || !utf8.ValidString(raw.HTML) {
			t.Fatalf("raw %q: invalid UTF-8", raw.Input)
		}
		return nil
	}
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"One."}` + "\n" + `{"html":"<p>Two</p>","published":2017}` + "\n"))
	f.Add([]byte(`{"id":1,"text":"x"}` + "\r\n\r\n" + `{"text": broken` + "\n" + `{}`))
	f.Add([]byte("\xef\xbb\xbf" + `{"text":"\u0000"}`))
	f.Add([]byte(`{"text":"` + string(bytes.Repeat([]byte("y"), 300)) + `"}`))
	r := New(Options{MaxBytes: 256})
	f.Fuzz(func(t *testing.T, data []byte) {
		br := bufio.NewReaderSize(bytes.NewReader(data), 16)
		if err := r.jsonl(context.Background(), "f.jsonl", br, fuzzSink(t)); err != nil {
			t.Fatalf("jsonl: %v", err)
		}
	})
}

func FuzzFeed(f *testing.F) {
	f.Add([]byte(rssFeed))
	f.Add([]byte(atomFeed))
	f.Add(latinFeed)
	f.Add([]byte(rssFeed[:len(rssFeed)/3]))
	f.Add([]byte(`<rss><channel><item><description>&bogus;</description></item></channel></rss>`))
	r := New(Options{})
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := r.feed("f.xml", data, fuzzSink(t)); err != nil {
			t.Fatalf("feed: %v", err)
		}
	})
}

func FuzzWARC(f *testing.F) {
	ok := warcRec("response", "https://site.example/a", httpResp(200, "Content-Type: text/html\r\n", []byte(page("A", "Body."))))
	f.Add(ok)
	f.Add(ok[:len(ok)/2])
	f.Add(append(warcRec("request", "https://site.example/a", []byte("GET / HTTP/1.1\r\n\r\n")), ok...))
	f.Add(warcRec("response", "https://site.example/c", httpResp(200, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", []byte("5\r\n<p>ab\r\n0\r\n\r\n"))))
	f.Add(warcRec("response", "https://site.example/g", httpResp(200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gz([]byte("<p>zipped</p>")))))
	f.Add([]byte("WARC/1.0\r\nContent-Length: -5\r\n\r\n"))
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999999\r\n\r\nHTTP/1.1 200"))
	r := New(Options{MaxBytes: 4096})
	f.Fuzz(func(t *testing.T, data []byte) {
		br := bufio.NewReaderSize(bytes.NewReader(data), 16)
		if err := r.warc(context.Background(), "f.warc", br, fuzzSink(t)); err != nil {
			t.Fatalf("warc: %v", err)
		}
	})
}

// FuzzEach feeds arbitrary bytes through stdin, exercising format
// dispatch, gzip and every reader.
func FuzzEach(f *testing.F) {
	f.Add([]byte(plainText))
	f.Add(gz([]byte(page("T", "Zipped."))))
	f.Add([]byte(rssFeed))
	f.Add(utf16Bytes("Sixteen.", false, true))
	f.Add([]byte(`{"text":"line"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := New(Options{MaxBytes: 1 << 16, Stdin: bytes.NewReader(data)})
		if err := r.Each(context.Background(), []string{"-"}, fuzzSink(t)); err != nil {
			t.Fatalf("Each: %v", err)
		}
	})
}
