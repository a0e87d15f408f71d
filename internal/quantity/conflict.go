package quantity

import (
	"math"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
)

// Canonical returns q's unit family and its value in the family's canonical
// unit: hours for durations, metres for distances, kilograms for weights;
// money, percent, counts and ordinals keep their value. Money's family is
// "money:" plus the currency, and a count's is "count:" plus its unit, so
// that equal families mean comparable quantities.
func Canonical(q news.Quantity) (family string, value float64) {
	if q.Qualifier == news.Ordinal {
		return FamilyOrdinal + ":" + q.Unit, q.Value
	}
	if d, ok := unitByName[q.Unit]; ok {
		return d.family, q.Value * d.scale
	}
	switch {
	case q.Unit == "percent" || q.Unit == "percentage point":
		return FamilyPercent + ":" + q.Unit, q.Value
	case isCurrencyCode(q.Unit):
		return FamilyMoney + ":" + q.Unit, q.Value
	}
	return FamilyCount + ":" + q.Unit, q.Value
}

func isCurrencyCode(u string) bool {
	if len(u) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if u[i] < 'A' || u[i] > 'Z' {
			return false
		}
	}
	return true
}

// Compatible reports whether a and b measure the same kind of thing and can
// be compared: same family (durations with durations whatever the unit,
// money in the same currency, counts of the same noun, ordinals of the same
// noun). A count without a unit is compatible with nothing.
func Compatible(a, b news.Quantity) bool {
	if a.Unit == "" || b.Unit == "" {
		return false
	}
	fa, _ := Canonical(a)
	fb, _ := Canonical(b)
	return fa == fb
}

// interval is a set of canonical values; lo/hi are open when loOpen/hiOpen.
type interval struct {
	lo, hi         float64
	loOpen, hiOpen bool
}

// roundTolerance is the relative slack given to an exact round number.
const roundTolerance = 0.05

// approxTolerance is the relative width of "about v".
const approxTolerance = 0.15

// belowTolerance is how far under v "nearly v" may be.
const belowTolerance = 0.2

// bounds reads q as an interval of canonical values (see the package doc).
func bounds(q news.Quantity) interval {
	_, v := Canonical(q)
	text := strings.ToLower(q.Text)
	lead := leadingWords(text)
	for w, r := range vagueRanges {
		if strings.HasPrefix(text, w+" ") || strings.Contains(text, " "+w+" of") {
			// Value is the low end ("hundreds of" = 200, "tens of
			// thousands" = 20,000); the range spans the word's ratio.
			return interval{lo: v, hi: v * r[1] / r[0], hiOpen: true}
		}
	}
	switch q.Qualifier {
	case news.Approximate:
		if belowWords[lead] {
			return interval{lo: v * (1 - belowTolerance), hi: v, hiOpen: true}
		}
		return interval{lo: v * (1 - approxTolerance), hi: v * (1 + approxTolerance)}
	case news.AtLeast:
		return interval{lo: v, hi: math.Inf(1), loOpen: !closedWords[lead] && !strings.HasSuffix(text, "or more")}
	case news.AtMost:
		return interval{lo: 0, hi: v, hiOpen: !closedWords[lead] && !strings.HasSuffix(text, "or fewer") && !strings.HasSuffix(text, "or less")}
	case news.Ordinal:
		return interval{lo: v, hi: v}
	}
	if isRound(q.Value) {
		return interval{lo: v * (1 - roundTolerance), hi: v * (1 + roundTolerance)}
	}
	return interval{lo: v, hi: v}
}

// belowWords are approximate qualifiers meaning "a little under".
var belowWords = map[string]bool{"nearly": true, "almost": true, "close to": true, "just under": true, "just shy": true}

// closedWords are bound qualifiers that include the value ("at least 80").
var closedWords = map[string]bool{
	"at least": true, "no fewer": true, "no less": true, "a minimum": true,
	"up to": true, "at most": true, "no more": true, "as many": true, "as much": true, "a maximum": true,
}

// leadingWords returns the qualifier key of a quantity text: its first word,
// or its first two words when they form a known phrase.
func leadingWords(text string) string {
	f := strings.Fields(text)
	if len(f) >= 2 {
		two := f[0] + " " + f[1]
		if belowWords[two] || closedWords[two] {
			return two
		}
	}
	if len(f) > 0 {
		return f[0]
	}
	return ""
}

// isRound reports numbers a writer may have rounded: word-sized small
// integers (1-12 are usually spoken approximations) and multiples of 10.
func isRound(v float64) bool {
	if v != math.Trunc(v) || v == 0 {
		return false
	}
	if v <= 12 {
		return true
	}
	return math.Mod(v, 10) == 0
}

// Conflict reports whether a and b cannot both be true: they are Compatible
// and their intervals (see the package doc) do not overlap.
func Conflict(a, b news.Quantity) bool {
	if !Compatible(a, b) {
		return false
	}
	x, y := closeEmpty(bounds(a)), closeEmpty(bounds(b))
	return disjoint(x, y) || disjoint(y, x)
}

// disjoint reports whether x lies wholly below y.
func disjoint(x, y interval) bool {
	if x.hi < y.lo {
		return true
	}
	return x.hi == y.lo && (x.hiOpen || y.loOpen)
}

// closeEmpty closes a degenerate interval ("under 0" = [0, 0)) so that it is
// a point rather than empty.
func closeEmpty(x interval) interval {
	if x.hi <= x.lo {
		x.hi, x.loOpen, x.hiOpen = x.lo, false, false
	}
	return x
}
