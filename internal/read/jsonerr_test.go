package read

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestJSONError decodes bad JSON into the JSONL schema and a plain struct
// and checks the plain-words description: what it says, and that no Go
// type or package name leaks.
func TestJSONError(t *testing.T) {
	type nested struct {
		N    int               `json:"n"`
		F    float64           `json:"f"`
		OK   bool              `json:"ok"`
		Tags []string          `json:"tags"`
		Sub  struct{ X []int } `json:"sub"`
		M    map[string]string `json:"m"`
	}
	for _, tc := range []struct {
		name, in string
		into     any
		want     string
	}{
		{"empty", ``, &jsonlLine{}, "no JSON value"},
		{"array for object", `[1,2]`, &jsonlLine{}, "expected an object, got an array"},
		{"string for object", `"hello"`, &jsonlLine{}, "expected an object, got a string"},
		{"number for string field", `{"title": 7}`, &jsonlLine{}, `field "title" must be a string, not a number`},
		{"object for flexible id", `{"id": {"a": 1}}`, &jsonlLine{}, "want a string or number"},
		{"syntax", `{"text": "a" "b"}`, &jsonlLine{}, "not valid JSON at byte 14"},
		{"markup", `<html>`, &jsonlLine{}, "not valid JSON at byte 1: invalid character '<'"},
		{"ends early", `{"text": "abc`, &jsonlLine{}, "the JSON ends early"},
		{"fraction for int", `{"n": 1.5}`, &nested{}, `field "n" must be a whole number in range, not the number 1.5`},
		{"string for float", `{"f": "x"}`, &nested{}, `field "f" must be a number, not a string`},
		{"number for bool", `{"ok": 1}`, &nested{}, `field "ok" must be true or false, not a number`},
		{"object for array", `{"tags": {}}`, &nested{}, `field "tags" must be an array, not an object`},
		{"bool in nested array", `{"sub": {"X": [true]}}`, &nested{}, `field "sub.X" must be a whole number in range, not true or false`},
		{"array for map", `{"m": []}`, &nested{}, `field "m" must be an object, not an array`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := json.Unmarshal([]byte(tc.in), tc.into)
			if err == nil {
				t.Fatalf("%s decoded without error", tc.in)
			}
			got := JSONError(err)
			if !strings.Contains(got, tc.want) {
				t.Errorf("JSONError(%v) = %q, want it to contain %q", err, got, tc.want)
			}
			for _, leak := range []string{"Go ", "jsonlLine", "nested", "read.", "json:", "float64", "int "} {
				if strings.Contains(got, leak) {
					t.Errorf("JSONError(%v) = %q leaks %q", err, got, leak)
				}
			}
		})
	}
	if got := JSONError(nil); got != "" {
		t.Errorf("JSONError(nil) = %q, want empty", got)
	}
	if got := JSONError(fmt.Errorf("wrapped: %w", errors.New("json: cannot unmarshal into Go value of type x.Y"))); strings.Contains(got, "Go ") {
		t.Errorf("unknown error leaks Go: %q", got)
	}
}

// TestTooLargeDetail: every kind of oversized document says its size when
// known, the limit and the setting that raises it, and stays ErrTooLarge.
func TestTooLargeDetail(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("word ", 40)
	pageBytes := []byte(page("Big", big))
	writeFiles(t, dir, map[string][]byte{
		"big.txt":  []byte(big),
		"a.jsonl":  []byte(`{"text": "` + big + `"}` + "\n"),
		"big.warc": warcRec("response", "https://site.example/big", httpResp(200, "Content-Type: text/html\r\n", pageBytes)),
	})
	for _, tc := range []struct{ name, want string }{
		{"big.txt", "the file is 200 bytes"},
		{"a.jsonl", "the line is over"},
		{"big.warc", "the WARC record is "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := New(Options{MaxBytes: 100, MaxBytesSetting: "--max-bytes"})
			var errs []error
			for _, it := range collect(t, r, []string{filepath.Join(dir, tc.name)}) {
				if it.err != nil {
					errs = append(errs, it.err)
				}
			}
			if len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) {
				t.Fatalf("errors = %v, want one ErrTooLarge", errs)
			}
			msg := errs[0].Error()
			for _, want := range []string{"input too large", tc.want, "the limit of 100 bytes", "raise it with --max-bytes"} {
				if !strings.Contains(msg, want) {
					t.Errorf("%q lacks %q", msg, want)
				}
			}
		})
	}
	t.Run("default setting", func(t *testing.T) {
		items := collect(t, New(Options{MaxBytes: 100}), []string{filepath.Join(dir, "big.txt")})
		if len(items) != 1 || items[0].err == nil || !strings.Contains(items[0].err.Error(), "raise it with read.Options.MaxBytes") {
			t.Errorf("items = %+v, want a detail naming read.Options.MaxBytes", items)
		}
	})
}
