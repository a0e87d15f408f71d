package fetch

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

// forbiddenPrefixes lists the address blocks, beyond those the netip
// predicates cover (loopback, private, link-local, multicast, unspecified),
// that never hold a public web server. Read-only.
var forbiddenPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network" (RFC 791); 0.0.0.0 dials the local host
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT (RFC 6598)
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments (RFC 6890)
	netip.MustParsePrefix("192.0.2.0/24"),    // TEST-NET-1 documentation (RFC 5737)
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking (RFC 2544)
	netip.MustParsePrefix("198.51.100.0/24"), // TEST-NET-2
	netip.MustParsePrefix("203.0.113.0/24"),  // TEST-NET-3
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, incl. broadcast 255.255.255.255
	netip.MustParsePrefix("fec0::/10"),       // deprecated site-local (RFC 3879)
	netip.MustParsePrefix("2001:db8::/32"),   // documentation (RFC 3849)
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use NAT64 (RFC 8215)
	netip.MustParsePrefix("100::/64"),        // discard-only (RFC 6666)
}

// embeddedV4Prefixes lists IPv6 blocks whose low 32 bits carry an IPv4
// address the packet may end up at; that IPv4 address is checked too.
var embeddedV4Prefixes = []netip.Prefix{
	netip.MustParsePrefix("64:ff9b::/96"), // well-known NAT64 (RFC 6052)
	netip.MustParsePrefix("::/96"),        // deprecated IPv4-compatible (RFC 4291)
}

// sixToFour is the 6to4 block (RFC 3056): bits 16..48 carry an IPv4 address.
var sixToFour = netip.MustParsePrefix("2002::/16")

// checkAddr reports why a connection to a is refused, or nil when a is a
// public unicast address. IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible,
// NAT64 and 6to4 forms are judged by the IPv4 address they embed, so
// ::ffff:127.0.0.1 is as forbidden as 127.0.0.1. Zones are ignored.
func checkAddr(a netip.Addr) error {
	if !a.IsValid() {
		return fmt.Errorf("%w: invalid address", ErrForbiddenAddress)
	}
	a = a.WithZone("").Unmap()
	if reason := forbiddenReason(a); reason != "" {
		return fmt.Errorf("%w: %s is %s", ErrForbiddenAddress, a, reason)
	}
	if a.Is6() {
		b := a.As16()
		var v4 netip.Addr
		switch {
		case sixToFour.Contains(a):
			v4 = netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]})
		default:
			for _, p := range embeddedV4Prefixes {
				if p.Contains(a) {
					v4 = netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})
					break
				}
			}
		}
		if v4.IsValid() {
			if reason := forbiddenReason(v4); reason != "" {
				return fmt.Errorf("%w: %s embeds %s, which is %s", ErrForbiddenAddress, a, v4, reason)
			}
		}
	}
	return nil
}

// forbiddenReason names the non-public class a (already unmapped) belongs
// to, or returns "".
func forbiddenReason(a netip.Addr) string {
	switch {
	case a.IsUnspecified():
		return "unspecified"
	case a.IsLoopback():
		return "loopback"
	case a.IsPrivate():
		return "private"
	case a.IsLinkLocalUnicast():
		return "link-local" // includes 169.254.169.254, the cloud metadata service
	case a.IsMulticast(), a.IsLinkLocalMulticast(), a.IsInterfaceLocalMulticast():
		return "multicast"
	}
	for _, p := range forbiddenPrefixes {
		if p.Contains(a) {
			return "reserved (" + p.String() + ")"
		}
	}
	return ""
}

// hostAddr interprets a URL host name (no port, brackets allowed) as an IP
// address when it is one. Besides the canonical forms it accepts the legacy
// inet_aton spellings some resolvers honour ("2130706433", "0x7f.1",
// "0177.0.0.1"), so they cannot smuggle 127.0.0.1 past the guard.
func hostAddr(host string) (netip.Addr, bool) {
	h := strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if a, err := netip.ParseAddr(h); err == nil {
		return a, true
	}
	return parseLegacyIPv4(strings.TrimSuffix(host, "."))
}

// parseLegacyIPv4 parses the inet_aton forms of an IPv4 address: one to four
// dot-separated numbers, each decimal, octal (leading 0) or hex (0x), the
// last filling the remaining bytes. Example: "127.1" is 127.0.0.1.
func parseLegacyIPv4(s string) (netip.Addr, bool) {
	if s == "" || len(s) > 64 {
		return netip.Addr{}, false
	}
	parts := strings.Split(s, ".")
	if len(parts) > 4 {
		return netip.Addr{}, false
	}
	vals := make([]uint64, len(parts))
	for i, p := range parts {
		if p == "" {
			return netip.Addr{}, false
		}
		base, digits := 10, p
		switch {
		case len(p) > 1 && (p[:2] == "0x" || p[:2] == "0X"):
			base, digits = 16, p[2:]
			if digits == "" {
				digits = "0"
			}
		case len(p) > 1 && p[0] == '0':
			base, digits = 8, p[1:]
		}
		v, err := strconv.ParseUint(digits, base, 32)
		if err != nil {
			return netip.Addr{}, false
		}
		vals[i] = v
	}
	last := len(vals) - 1
	for _, v := range vals[:last] {
		if v > 0xff {
			return netip.Addr{}, false
		}
	}
	if vals[last] >= 1<<(8*(4-last)) {
		return netip.Addr{}, false
	}
	var n uint64
	for i, v := range vals[:last] {
		n |= v << (8 * (3 - i))
	}
	n |= vals[last]
	return netip.AddrFrom4([4]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}), true
}

// isLocalName reports whether host is a name that always means this
// machine: "localhost" and anything under ".localhost" (RFC 6761), in any
// case, with or without the trailing dot.
func isLocalName(host string) bool {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	return h == "localhost" || strings.HasSuffix(h, ".localhost")
}

// CheckHost reports whether a URL host (without port; IPv6 in brackets or
// not) is refused before any lookup: IP literals in a forbidden range,
// legacy numeric spellings of them, and localhost names yield an error
// wrapping ErrForbiddenAddress. A nil result for a host name only means it
// is not refused yet: its resolved addresses are checked again at dial time.
// CheckHost does no I/O and never panics. Kept exported though the
// command reaches the guard only through the dialer: it is the guard's
// table-tested rule for hosts (guard_test.go).
func CheckHost(host string) error {
	if host == "" {
		return fmt.Errorf("%w: empty host", ErrInvalidURL)
	}
	if isLocalName(host) {
		return fmt.Errorf("%w: %q names the local host", ErrForbiddenAddress, host)
	}
	if a, ok := hostAddr(host); ok {
		return checkAddr(a)
	}
	return nil
}
