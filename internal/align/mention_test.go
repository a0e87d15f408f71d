package align

import (
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
)

// TestStaleMentions: mentions whose offsets lie outside the body (an
// article edited after the entity stage) are skipped, never sliced.
func TestStaleMentions(t *testing.T) {
	body := "Mayor Ana Ruiz, 52, spoke in Eastport."
	for _, tc := range []struct {
		name string
		m    news.Mention
		want bool
	}{
		{"inside", news.Mention{Start: 6, End: 14}, true},
		{"past the end", news.Mention{Start: 30, End: 90}, false},
		{"reversed", news.Mention{Start: 14, End: 6}, false},
		{"negative", news.Mention{Start: -1, End: 3}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := mentionIn(body, tc.m); got != tc.want {
				t.Errorf("mentionIn(%+v) = %v, want %v", tc.m, got, tc.want)
			}
			roleNear(body, tc.m) // must not panic
		})
	}
}
