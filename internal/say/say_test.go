package say

import "testing"

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		n         int
		one, many string
		want      string
	}{
		{0, "article", "articles", "0 articles"},
		{1, "article", "articles", "1 article"},
		{2, "article", "articles", "2 articles"},
		{1, "independent source", "independent sources", "1 independent source"},
		{1, "story", "stories", "1 story"},
		{11, "story", "stories", "11 stories"},
		{-1, "byte", "bytes", "-1 byte"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			if got := Count(tc.n, tc.one, tc.many); got != tc.want {
				t.Errorf("Count(%d) = %q, want %q", tc.n, got, tc.want)
			}
		})
	}
}

func TestBytes(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{
		{0, "0 bytes"},
		{1, "1 byte"},
		{1023, "1023 bytes"},
		{1024, "1024 bytes (1.0 KiB)"},
		{20 << 20, "20971520 bytes (20.0 MiB)"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			if got := Bytes(tc.n); got != tc.want {
				t.Errorf("Bytes(%d) = %q, want %q", tc.n, got, tc.want)
			}
		})
	}
}

func TestOverLimit(t *testing.T) {
	for _, tc := range []struct {
		what          string
		size, limit   int64
		setting, want string
	}{
		{"the file", 31457321, 20 << 20, "--max-bytes", "the file is 31457321 bytes (30.0 MiB), over the limit of 20971520 bytes (20.0 MiB); raise it with --max-bytes"},
		{"the line", -1, 100, "--max-bytes", "the line is over the limit of 100 bytes; raise it with --max-bytes"},
		{"the body", 2048, 1024, "", "the body is 2048 bytes (2.0 KiB), over the limit of 1024 bytes (1.0 KiB)"},
		{"the record", 2, 1, "X", "the record is 2 bytes, over the limit of 1 byte; raise it with X"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			if got := OverLimit(tc.what, tc.size, tc.limit, tc.setting); got != tc.want {
				t.Errorf("OverLimit = %q, want %q", got, tc.want)
			}
		})
	}
}
