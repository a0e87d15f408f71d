package read

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
)

// JSONError describes an error of encoding/json's decoding in plain words
// for the person who wrote the JSON: where it went wrong and what was
// expected, without Go type names. For example
//
//	json: cannot unmarshal number into Go struct field jsonlLine.title of type string
//
// becomes `field "title" must be a string, not a number`. It returns ""
// for nil. The JSONL reader and the server's ingest API both use it, so
// that a bad article reads the same wherever it was sent.
func JSONError(err error) string {
	var (
		syn *json.SyntaxError
		typ *json.UnmarshalTypeError
	)
	switch {
	case err == nil:
		return ""
	case errors.Is(err, io.EOF):
		return "no JSON value (the input is empty)"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the JSON ends early: an object, array or string is not closed"
	case errors.As(err, &syn):
		if syn.Error() == "unexpected end of JSON input" {
			if syn.Offset == 0 {
				return "no JSON value (the input is empty)"
			}
			return "the JSON ends early: an object, array or string is not closed"
		}
		return fmt.Sprintf("not valid JSON at byte %d: %s", syn.Offset, syn.Error())
	case errors.As(err, &typ):
		got := jsonValueName(typ.Value)
		want := jsonKindOf(typ.Type)
		if typ.Field == "" {
			return fmt.Sprintf("expected %s, got %s", want, got)
		}
		return fmt.Sprintf("field %q must be %s, not %s", strings.TrimPrefix(typ.Field, "."), want, got)
	}
	// A field's own UnmarshalJSON speaks for itself unless it leaks Go.
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if strings.Contains(msg, "Go ") || strings.Contains(msg, "reflect") {
		return "not the JSON expected here"
	}
	return msg
}

// jsonValueName names a JSON value as encoding/json's UnmarshalTypeError
// gives it ("array", "number 1.5") with an article: "an array", "the
// number 1.5".
func jsonValueName(v string) string {
	switch {
	case v == "array", v == "object":
		return "an " + v
	case v == "bool":
		return "true or false"
	case strings.HasPrefix(v, "number "):
		return "the " + v
	case v == "":
		return "another kind of value"
	}
	return "a " + v
}

// jsonKindOf names the JSON kind a Go type is decoded from.
func jsonKindOf(t reflect.Type) string {
	if t == nil {
		return "another kind of value"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return "a whole number in range"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "an array"
	}
	return "another kind of value"
}
