package read

import (
	"errors"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// encode converts UTF-8 s to a single-byte charmap, for fixtures.
func encode(t testing.TB, cm *charmap.Charmap, s string) []byte {
	t.Helper()
	b, err := cm.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	cyrillic := "Городской совет проголосовал во вторник за ремонт старого причала. Работы начнутся в мае, сообщил председатель совета."
	cases := []struct {
		name        string
		data        []byte
		kind        docKind
		contentType string
		want        string
		err         error
	}{
		{name: "ascii", data: []byte("Plain words."), want: "Plain words."},
		{name: "utf-8", data: []byte("Naïve café “quotes”."), want: "Naïve café “quotes”."},
		{name: "utf-8 bom", data: []byte("\xef\xbb\xbfHello."), want: "Hello."},
		{name: "utf-16le bom", data: utf16Bytes("Hi “there”.", false, true), want: "Hi “there”."},
		{name: "utf-16be bom", data: utf16Bytes("Hi “there”.", true, true), want: "Hi “there”."},
		{name: "utf-16le no bom", data: utf16Bytes("Quiet little text.", false, false), want: "Quiet little text."},
		{name: "utf-16be no bom", data: utf16Bytes("Quiet little text.", true, false), want: "Quiet little text."},
		{name: "windows-1252 fallback", data: []byte("It cost \x80 5 \x96 a \x93deal\x94."), want: "It cost € 5 – a “deal”."},
		{name: "mostly utf-8 with a stray byte", data: []byte("Déjà vu, naïve café and one stray \xff byte in a longer sentence."), want: "Déjà vu, naïve café and one stray \uFFFD byte in a longer sentence."},
		{name: "content-type charset", data: []byte("<p>Caf\xe9</p>"), kind: kindHTML, contentType: "text/html; charset=ISO-8859-1", want: "<p>Café</p>"},
		{name: "content-type beats meta", data: []byte("<meta charset=\"utf-8\"><p>Caf\xe9</p>"), kind: kindHTML, contentType: "text/html; charset=windows-1252", want: "<meta charset=\"utf-8\"><p>Café</p>"},
		{name: "meta charset", data: []byte("<html><head><meta charset='windows-1252'></head><p>\x93Hi\x94</p>"), kind: kindHTML, want: "<html><head><meta charset='windows-1252'></head><p>“Hi”</p>"},
		{name: "meta charset ignored for text", data: append([]byte("<meta charset=\"koi8-r\"> "), encode(t, charmap.Windows1252, "Mémé")...), kind: kindText, want: "<meta charset=\"koi8-r\"> Mémé"},
		{name: "meta koi8-r", data: append([]byte("<meta charset=\"koi8-r\">"), encode(t, charmap.KOI8R, "Привет")...), kind: kindHTML, want: "<meta charset=\"koi8-r\">Привет"},
		{name: "unknown content-type label, meta used", data: []byte("<meta charset=\"koi8-r\">\xf0\xd2\xc9"), kind: kindHTML, contentType: "text/html; charset=bogus", want: "<meta charset=\"koi8-r\">При"},
		{name: "unknown meta label falls back", data: []byte("<meta charset=\"x-nonsense\"><p>Caf\xe9</p>"), kind: kindHTML, want: "<meta charset=\"x-nonsense\"><p>Café</p>"},
		{name: "xml prolog", data: []byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\xe9t\xe9</a>"), kind: kindXML, want: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>été</a>"},
		{name: "windows-1251 sniffed", data: encode(t, charmap.Windows1251, cyrillic), want: cyrillic},
		{name: "binary", data: []byte("ab\x00cd"), err: ErrBinary},
		{name: "utf-8 bom then garbage", data: []byte("\xef\xbb\xbf\xff\xfe\xfd\xfc\xfb ok"), err: ErrEncoding},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := decode(tc.data, tc.kind, tc.contentType)
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("err = %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error %v", err)
			}
			if got != tc.want {
				t.Errorf("decode = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	cases := []struct {
		name string
		fn   func([]byte) bool
		in   string
		want bool
	}{
		{"html doctype", looksHTML, "\n<!DOCTYPE html><html>", true},
		{"html fragment p", looksHTML, "<p>Hello</p>", true},
		{"html comment then html", looksHTML, "<!-- saved --><html><body>", true},
		{"html late tag", looksHTML, "saved from url\n<html><body>x", true},
		{"html not a tag prefix", looksHTML, "<pre-formatted notes", false},
		{"plain text", looksHTML, "The council met <on Tuesday>.", false},
		{"comment only", looksHTML, "<!-- just a comment -->", false},
		{"rss", looksFeed, "<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">", true},
		{"atom", looksFeed, "\xef\xbb\xbf<feed xmlns=\"http://www.w3.org/2005/Atom\">", true},
		{"rdf", looksFeed, "<rdf:RDF xmlns:rdf=\"x\">", true},
		{"xhtml is no feed", looksFeed, "<?xml version=\"1.0\"?><!DOCTYPE html><html>", false},
		{"text is no feed", looksFeed, "feed the cat", false},
		{"jsonl", looksJSONL, " {\"id\": 1}", true},
		{"json array", looksJSONL, "[{\"id\": 1}]", false},
		{"brace prose", looksJSONL, "{draft} notes", false},
		{"warc", hasWARCMagic, "WARC/1.1\r\n", true},
		{"binary nul", isBinary, "abc\x00def", true},
		{"binary pdf", isBinary, "%PDF-1.7", true},
		{"binary controls", isBinary, "a\x01b\x02c\x03d\x04e\x05", true},
		{"text with tabs", isBinary, "a\tb\r\nc\fd\x1b[0m", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.fn([]byte(tc.in)); got != tc.want {
				t.Errorf("%q: got %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

// FuzzHTMLDecode checks that encoding detection never panics and always
// returns valid UTF-8 without NUL characters.
func FuzzHTMLDecode(f *testing.F) {
	f.Add([]byte("<meta charset=\"iso-8859-1\"><p>Caf\xe9</p>"), "")
	f.Add([]byte("<p>Caf\xe9</p>"), "text/html; charset=koi8-r")
	f.Add(utf16Bytes("<p>sixteen</p>", false, true), "")
	f.Add(utf16Bytes("<p>sixteen</p>", true, false), "")
	f.Add([]byte("\xef\xbb\xbf<p>x</p>"), "text/html; charset=")
	f.Add([]byte("\xd0\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0"), "")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		for _, kind := range []docKind{kindText, kindHTML, kindXML} {
			s, err := decode(data, kind, contentType)
			if err != nil {
				continue
			}
			if !utf8.ValidString(s) {
				t.Fatalf("decode(%q) returned invalid UTF-8", data)
			}
			for i := 0; i < len(s); i++ {
				if s[i] == 0 {
					t.Fatalf("decode(%q) returned a NUL", data)
				}
			}
		}
	})
}
