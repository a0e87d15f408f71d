package text

import "testing"

func TestStripPossessive(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		poss     bool
	}{
		{"Barron's", "Barron", true},
		{"Barron’s", "Barron", true},
		{"BARRON'S", "BARRON", true},
		{"the Smiths'", "the Smiths", true},
		{"teachers’", "teachers", true},
		{"Mayor", "Mayor", false},
		{"O'Reilly", "O'Reilly", false},
		{"'s", "'s", false},
		{"'", "'", false},
		{"", "", false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, poss := StripPossessive(tc.in)
			if got != tc.want || poss != tc.poss {
				t.Errorf("StripPossessive(%q) = %q, %v; want %q, %v", tc.in, got, poss, tc.want, tc.poss)
			}
		})
	}
}
