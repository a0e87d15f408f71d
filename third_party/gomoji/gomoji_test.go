package gomoji

import "testing"

// The cases are the real package's TestRemoveEmojis.
func TestRemoveEmojis(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"string without emoji", "string without emoji", "string without emoji"},
		{"string with numbers", "1qwerty2", "1qwerty2"},
		{"string with emoji numbers", "1️⃣qwerty2", "qwerty2"},
		{"string with emojis", "❤️🛶😂", ""},
		{"string with unicode 14 emoji", "te\U0001FAB7st", "test"},
		{"remove rare emojis", "🧖 hello 🦋world", " hello world"},
		{"new emoji", "🆕️ NWT H&M Corduroy Pants in 'Light Beige'", " NWT H&M Corduroy Pants in 'Light Beige'"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := RemoveEmojis(tc.in); got != tc.want {
				t.Errorf("RemoveEmojis(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
