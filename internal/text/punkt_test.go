package text

import (
	"reflect"
	"testing"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/data"
)

// TestEmbeddedPunktIsTheLibrarys: the model crosscheck embeds is, byte for
// byte, the one neurosnap/sentences ships (gzipped) in its data package.
func TestEmbeddedPunktIsTheLibrarys(t *testing.T) {
	b, err := data.Asset("data/english.json")
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != punktEnglish {
		t.Fatalf("punkt/english.json (%d bytes) differs from the library's data/english.json (%d bytes)", len(punktEnglish), len(b))
	}
}

// TestParsePunktMatchesLoadTraining: the fast reader gives the very model
// neurosnap/sentences' own loader gives.
func TestParsePunktMatchesLoadTraining(t *testing.T) {
	want, err := sentences.LoadTraining([]byte(punktEnglish))
	if err != nil {
		t.Fatal(err)
	}
	got, err := parsePunkt(punktEnglish)
	if err != nil {
		t.Fatalf("parsePunkt: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("parsePunkt's model differs from sentences.LoadTraining's")
	}
	if len(got.OrthoContext) == 0 || len(got.AbbrevTypes) == 0 {
		t.Fatalf("model has empty sets: %d ortho, %d abbreviations", len(got.OrthoContext), len(got.AbbrevTypes))
	}
}

func TestParsePunkt(t *testing.T) {
	tests := []struct {
		name string
		in   string
		ok   bool
	}{
		{"all four sets", `{"AbbrevTypes": {"dr": 1}, "Collocations": {}, "SentStarters": {"but": 1}, "OrthoContext": {"the": 32, "x": -1}}`, true},
		{"escaped key", `{"OrthoContext": {"caf\u00e9": 4, "a\"b": 2}}`, true},
		{"one set", `{"AbbrevTypes":{"u.s":1}}`, true},
		{"unknown set", `{"Other": {"a": 1}}`, false},
		{"set twice", `{"AbbrevTypes": {"a": 1}, "AbbrevTypes": {"b": 1}}`, false},
		{"string value", `{"AbbrevTypes": {"a": "1"}}`, false},
		{"float value", `{"AbbrevTypes": {"a": 1.5}}`, false},
		{"missing comma", `{"AbbrevTypes": {"a": 1 "b": 2}}`, false},
		{"trailing text", `{"AbbrevTypes": {}} x`, false},
		{"unterminated", `{"AbbrevTypes": {"a`, false},
		{"not an object", `[]`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parsePunkt(tt.in)
			if (err == nil) != tt.ok {
				t.Fatalf("parsePunkt(%q) error %v, want ok %v", tt.in, err, tt.ok)
			}
			if !tt.ok {
				return
			}
			want, err := sentences.LoadTraining([]byte(tt.in))
			if err != nil {
				t.Fatalf("LoadTraining rejects what parsePunkt accepts: %v", err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("parsePunkt = %+v, LoadTraining = %+v", got, want)
			}
		})
	}
}

// FuzzParsePunkt: whatever parsePunkt accepts, sentences.LoadTraining reads
// the same.
func FuzzParsePunkt(f *testing.F) {
	f.Add(`{"AbbrevTypes": {"dr": 1}, "OrthoContext": {"the": 32}}`)
	f.Add(`{"OrthoContext": {"caf\u00e9": 4}}`)
	f.Fuzz(func(t *testing.T, in string) {
		got, err := parsePunkt(in)
		if err != nil {
			return
		}
		want, err := sentences.LoadTraining([]byte(in))
		if err != nil {
			t.Fatalf("LoadTraining rejects %q: %v", in, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: parsePunkt = %+v, LoadTraining = %+v", in, got, want)
		}
	})
}
