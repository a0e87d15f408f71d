package fetch

import (
	"errors"
	"net/netip"
	"net/url"
	"testing"
)

func TestCheckAddr(t *testing.T) {
	tests := []struct {
		addr      string
		forbidden bool
	}{
		{"127.0.0.1", true},
		{"127.255.0.9", true},
		{"::1", true},
		{"10.0.0.1", true},
		{"172.16.5.4", true},
		{"172.32.0.1", false},
		{"192.168.1.1", true},
		{"169.254.169.254", true},
		{"fe80::1", true},
		{"fe80::1%eth0", true},
		{"fc00::1", true},
		{"fd12:3456::1", true},
		{"0.0.0.0", true},
		{"0.1.2.3", true},
		{"::", true},
		{"224.0.0.1", true},
		{"239.255.255.250", true},
		{"ff02::1", true},
		{"100.64.0.1", true},
		{"100.127.255.255", true},
		{"100.128.0.1", false},
		{"255.255.255.255", true},
		{"198.18.0.1", true},
		{"::ffff:127.0.0.1", true},
		{"::ffff:10.0.0.1", true},
		{"::ffff:169.254.169.254", true},
		{"::127.0.0.1", true},
		{"64:ff9b::a00:1", true},     // NAT64 of 10.0.0.1
		{"2002:a9fe:a9fe::1", true},  // 6to4 of 169.254.169.254
		{"2002:0808:0808::1", false}, // 6to4 of 8.8.8.8
		{"8.8.8.8", false},
		{"93.184.216.34", false},
		{"::ffff:8.8.8.8", false},
		{"2606:4700::1111", false},
		{"64:ff9b::808:808", false}, // NAT64 of 8.8.8.8
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			a := netip.MustParseAddr(tt.addr)
			err := checkAddr(a)
			if got := errors.Is(err, ErrForbiddenAddress); got != tt.forbidden {
				t.Errorf("checkAddr(%s) = %v; forbidden = %v, want %v", tt.addr, err, got, tt.forbidden)
			}
		})
	}
}

func TestCheckHost(t *testing.T) {
	tests := []struct {
		host string
		want error
	}{
		{"127.0.0.1", ErrForbiddenAddress},
		{"[::1]", ErrForbiddenAddress},
		{"::1", ErrForbiddenAddress},
		{"[::ffff:127.0.0.1]", ErrForbiddenAddress},
		{"localhost", ErrForbiddenAddress},
		{"LocalHost.", ErrForbiddenAddress},
		{"api.localhost", ErrForbiddenAddress},
		{"2130706433", ErrForbiddenAddress}, // 127.0.0.1 as one decimal number
		{"0x7f.1", ErrForbiddenAddress},
		{"0177.0.0.1", ErrForbiddenAddress},
		{"127.1", ErrForbiddenAddress},
		{"0", ErrForbiddenAddress},
		{"169.254.169.254.", ErrForbiddenAddress},
		{"", ErrInvalidURL},
		{"example.com", nil},
		{"localhost.example.com", nil},
		{"8.8.8.8", nil},
		{"134744072", nil}, // 8.8.8.8 as a number: public
		{"1.2.3.4.5", nil}, // not an address: a name, checked after lookup
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			err := CheckHost(tt.host)
			if tt.want == nil {
				if err != nil {
					t.Errorf("CheckHost(%q) = %v, want nil", tt.host, err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("CheckHost(%q) = %v, want %v", tt.host, err, tt.want)
			}
		})
	}
}

func TestParseLegacyIPv4(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" means not an address
	}{
		{"127.0.0.1", "127.0.0.1"},
		{"127.1", "127.0.0.1"},
		{"10.1.2", "10.1.0.2"},
		{"2130706433", "127.0.0.1"},
		{"0x7f000001", "127.0.0.1"},
		{"0177.0.0.01", "127.0.0.1"},
		{"0x", "0.0.0.0"},
		{"256.1.1.1", ""},
		{"1.2.3.256", ""},
		{"1.2.65536", ""},
		{"4294967296", ""},
		{"1..2", ""},
		{"09.1.1.1", ""}, // 9 is not octal
		{"example", ""},
		{"1.2.3.4.5", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			a, ok := parseLegacyIPv4(tt.in)
			got := ""
			if ok {
				got = a.String()
			}
			if got != tt.want {
				t.Errorf("parseLegacyIPv4(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzGuard feeds arbitrary host strings to the pre-dial checks: they must
// never panic, and any host that spells a loopback address must be refused.
func FuzzGuard(f *testing.F) {
	for _, s := range []string{
		"127.0.0.1", "[::1]", "localhost", "0x7f.1", "2130706433", "[fe80::1%25eth0]",
		"::ffff:127.0.0.1", "example.com", "", "[", "]", "1.2.3.4.5", "0x", "%", "[::ffff:0:0]",
	} {
		f.Add(s)
	}
	fe := New(Options{})
	f.Fuzz(func(t *testing.T, host string) {
		err := CheckHost(host)
		if a, ok := hostAddr(host); ok && a.Unmap().IsLoopback() && !errors.Is(err, ErrForbiddenAddress) {
			t.Errorf("CheckHost(%q) = %v; loopback %s not refused", host, err, a)
		}
		_ = fe.CheckURL(host)
		raw := "http://" + host + "/"
		if fe.CheckURL(raw) == nil {
			// Whatever host the URL parser saw must itself pass the guard.
			u, err := url.Parse(raw)
			if err != nil {
				t.Fatalf("CheckURL accepted unparsable %q", raw)
			}
			if err := CheckHost(u.Hostname()); err != nil {
				t.Errorf("CheckURL(%q) = nil but CheckHost(%q) = %v", raw, u.Hostname(), err)
			}
		}
	})
}

func BenchmarkCheckHost(b *testing.B) {
	hosts := []string{"example.com", "93.184.216.34", "[2606:4700::1111]", "2130706433", "localhost"}
	for b.Loop() {
		for _, h := range hosts {
			_ = CheckHost(h)
		}
	}
}
