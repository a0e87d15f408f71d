package news

import "testing"

func TestOutletName(t *testing.T) {
	tests := []struct {
		name, outlet, url, want string
	}{
		{"given", "NPR", "https://www.example.org/a", "NPR"},
		{"host without www", "", "https://www.example.org/a/b", "example.org"},
		{"host", "", "http://news.example.com/x", "news.example.com"},
		{"blank outlet", "  ", "https://example.net", "example.net"},
		{"file path", "", "/tmp/a.txt", OutletNotGiven},
		{"nothing", "", "", OutletNotGiven},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := OutletName(tc.outlet, tc.url); got != tc.want {
				t.Errorf("OutletName(%q, %q) = %q, want %q", tc.outlet, tc.url, got, tc.want)
			}
		})
	}
}

func TestBriefingCoverage(t *testing.T) {
	tests := []struct {
		name string
		srcs []Source
		want Coverage
	}{
		{"empty", nil, Coverage{}},
		{"two outlets", []Source{{ID: "a", Outlet: "NPR"}, {ID: "b", Outlet: "BBC"}}, Coverage{2, 2, 2}},
		{"same outlet twice, case", []Source{{ID: "a", Outlet: "NPR"}, {ID: "b", Outlet: "npr"}}, Coverage{2, 1, 2}},
		{"wire copies", []Source{{ID: "a", Outlet: "X", SyndicatedWith: []string{"b"}}, {ID: "b", Outlet: "Y", SyndicatedWith: []string{"a"}}, {ID: "c", Outlet: "Z"}}, Coverage{3, 3, 2}},
		{"not given counts apart", []Source{{ID: "a"}, {ID: "b"}, {ID: "c", URL: "https://www.example.org/1"}, {ID: "d", Outlet: "example.org"}}, Coverage{4, 3, 4}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := &Briefing{Sources: tc.srcs}
			if got := b.Coverage(); got != tc.want {
				t.Errorf("Coverage() = %+v, want %+v", got, tc.want)
			}
		})
	}
}
