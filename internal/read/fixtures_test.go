package read

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/crosscheck/crosscheck/internal/news"
)

// Fixture builders. All fixture text is written for these tests.

// gz compresses b as one gzip member.
func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Bytes()
}

// utf16Bytes encodes s as UTF-16 with an optional byte order mark.
func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var out []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xfeff}, units...)
	}
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// warcRec builds one WARC record.
func warcRec(typ, uri string, block []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-03-01T10:00:00Z\r\n", typ, uri)
	if typ == "response" {
		b.WriteString("Content-Type: application/http; msgtype=response\r\n")
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// httpResp builds an HTTP response message.
func httpResp(status int, headers string, body []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/1.1 %d X\r\n%s\r\n", status, headers)
	b.Write(body)
	return b.Bytes()
}

// page is a small HTML page with the given body text.
func page(title, text string) string {
	return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><p>" + text + "</p></body></html>"
}

// writeFiles creates files (relative path → content) under dir.
func writeFiles(t testing.TB, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// item is one callback of Each.
type item struct {
	raw news.Raw
	err error
}

// collect runs Each and returns every callback.
func collect(t testing.TB, r *Reader, inputs []string) []item {
	t.Helper()
	var got []item
	err := r.Each(context.Background(), inputs, func(raw news.Raw, err error) error {
		if err != nil {
			var re *Error
			if !errors.As(err, &re) {
				t.Errorf("callback error %v is not a *read.Error", err)
			} else if re.Input != raw.Input {
				t.Errorf("Error.Input %q != Raw.Input %q", re.Input, raw.Input)
			}
		}
		got = append(got, item{raw, err})
		return nil
	})
	if err != nil {
		t.Fatalf("Each: %v", err)
	}
	return got
}

// want describes one expected callback. Input may contain "$D" for the
// fixture directory. Text and HTML are substrings the field must contain;
// a non-empty Text means the Raw must be text, a non-empty HTML that it must
// be HTML.
type want struct {
	input     string
	err       error
	text      string
	html      string
	id        string
	title     string
	url       string
	outlet    string
	published string
}

// check compares got with wants.
func check(t *testing.T, dir string, got []item, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		for i, g := range got {
			t.Logf("got[%d] input=%q err=%v text=%.40q html=%.40q", i, g.raw.Input, g.err, g.raw.Text, g.raw.HTML)
		}
		t.Fatalf("got %d documents, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		g := got[i]
		in := strings.ReplaceAll(w.input, "$D", dir)
		if g.raw.Input != in {
			t.Errorf("[%d] Input = %q, want %q", i, g.raw.Input, in)
		}
		if w.err != nil {
			if !errors.Is(g.err, w.err) {
				t.Errorf("[%d] %s: err = %v, want %v", i, in, g.err, w.err)
			}
			continue
		}
		if g.err != nil {
			t.Errorf("[%d] %s: unexpected error %v", i, in, g.err)
			continue
		}
		if (g.raw.Text == "") == (g.raw.HTML == "") {
			t.Errorf("[%d] %s: exactly one of Text and HTML must be set: text=%.30q html=%.30q", i, in, g.raw.Text, g.raw.HTML)
		}
		if w.text != "" && !strings.Contains(g.raw.Text, w.text) {
			t.Errorf("[%d] %s: Text = %.80q, want it to contain %q", i, in, g.raw.Text, w.text)
		}
		if w.html != "" && !strings.Contains(g.raw.HTML, w.html) {
			t.Errorf("[%d] %s: HTML = %.80q, want it to contain %q", i, in, g.raw.HTML, w.html)
		}
		fields := []struct{ name, got, want string }{
			{"ID", g.raw.ID, w.id},
			{"Title", g.raw.Title, w.title},
			{"URL", g.raw.URL, w.url},
			{"Outlet", g.raw.Outlet, w.outlet},
			{"Published", g.raw.Published, w.published},
		}
		for _, f := range fields {
			if f.got != f.want {
				t.Errorf("[%d] %s: %s = %q, want %q", i, in, f.name, f.got, f.want)
			}
		}
		if len(g.raw.Bytes) == 0 {
			t.Errorf("[%d] %s: Bytes is empty", i, in)
		}
	}
}
