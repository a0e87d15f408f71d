// Package say words numbers for people: a count with its noun in the right
// number ("1 article", "2 articles"), a byte size, and a size limit that
// was passed together with the setting that raises it. Every message that
// prints a count or a limit uses it, so the wording is the same everywhere.
package say

import (
	"fmt"
	"strconv"
)

// Count is n followed by one (when n is 1) or many: Count(1, "story",
// "stories") is "1 story", Count(0, "story", "stories") "0 stories".
func Count(n int, one, many string) string {
	if n == 1 || n == -1 {
		return strconv.Itoa(n) + " " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Bytes is n exactly and, from 1 KiB, also in KiB or MiB: "1 byte",
// "2048 bytes (2.0 KiB)".
func Bytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d bytes (%.1f MiB)", n, float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d bytes (%.1f KiB)", n, float64(n)/(1<<10))
	case n == 1:
		return "1 byte"
	}
	return fmt.Sprintf("%d bytes", n)
}

// OverLimit says that what is larger than limit bytes and how to raise the
// limit: "the file is 31457321 bytes (30.0 MiB), over the limit of
// 20971520 bytes (20.0 MiB); raise it with --max-bytes". size < 0 means
// the size is not known (a stream cut off at the limit). setting names
// what changes the limit (a flag); "" leaves the hint out.
func OverLimit(what string, size, limit int64, setting string) string {
	s := what + " is over"
	if size >= 0 {
		s = what + " is " + Bytes(size) + ", over"
	}
	s += " the limit of " + Bytes(limit)
	if setting != "" {
		s += "; raise it with " + setting
	}
	return s
}
