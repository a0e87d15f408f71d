package rouge

import (
	"math"
	"strings"
	"testing"
)

// rouge-score's own test data (google-research/google-research,
// rouge/testdata/target.txt and prediction.txt, lines 1 and 2; and
// rouge/testdata/pyrouge_files/{target,prediction}_multi.0.txt), random
// strings with reference values from ROUGE-1.5.5 (rouge/rouge_scorer_test.py).
const (
	refTarget0 = "ZfbCUIUuePaiLVUlCaUXxkpu XPeWing tUHfPMuZ',-Xd Y BrUgVJing M-HV.-DgdDaY.rFDJCRing Ht-LM EKBDXkME,yz'RBr q'wtion wIojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxer tKM L"
	refTarget1 = "KsJdPByEtAor fE-Qg Dpdbring cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMtion psing sbKao Q m qiing LMmer HqqLFXe,XPY,J XsurkMer ,ed nB'wH'bWVHjWFEing tQ.saefZwJtKrTlixYpMMsJing UCAPwNHeYVjDing c T BUySKtion gMPfJpwGw p'NvxAoping eu pBwMBKV'I DNxqelhu,PHPxDEq,mtion SN"
	refPred0   = "rFDJCRtion Ht-LM EKtDXkME,yz'RBr q'wer wrojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxi"
	refPred1   = "n cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMer pstion sbKao Q m qier LMmed HqqLFXe,XPY,J XsurkMeo ,ed nB'wH'bWVHjWFEer tQ.saefZwJtKrTlixYpMMNJtion UCAPwNHeYVjD"

	refTargetMulti = refTarget0 + "\n" + refTarget1 + "\n" +
		"NhETebUbBk'er WOvoHMTjSRizKgH'vHiing Xu,hWxfs VkNE QhgKiLHE -HidivzoM.dO anhtion jbLQiSGDTCsuhREebUaKM dv J dVN tmbOT\n" +
		"vMR HDm,xOAetion D,tion HJtodT.mHl UIv-p VjWH'BdyWjnfGU-OjT aEMdFICyLWfQMtion wEMfdOKing AwkeKbO 'DxqNOHBH qKtVvm OYJl mM\n"
	refPredMulti = refPred0 + "\n" + refPred1 + "\n" +
		"xfs VkJE QhgKiLHE -HidivzoM.dO anhing jbLQiSGDTCsuhREebUaKM dv J\n" +
		"VjWH'BdyWjnfGU-OjTNaEMdFICyLWfQMing wEMfdOKijg AwkeKbO 'DxqNO\n"
)

func TestScoreReferenceVectors(t *testing.T) {
	tests := []struct {
		name, typ          string
		target, prediction string
		p, r, f            float64
		places             int
	}{
		// testRouge1, testRouge2, testRougeLConsecutive/NonConsecutive.
		{"rouge1 simple", "rouge1", "testing one two", "testing", 1, 1.0 / 3, 0.5, 9},
		{"rouge2 simple", "rouge2", "testing one two", "testing one", 1, 0.5, 2.0 / 3, 9},
		{"rougeL consecutive", "rougeL", "testing one two", "testing one", 1, 2.0 / 3, 0.8, 9},
		{"rougeL non-consecutive", "rougeL", "testing one two", "testing two", 1, 2.0 / 3, 0.8, 9},
		// testRougeEmpty.
		{"rouge1 empty", "rouge1", "testing one two", "", 0, 0, 0, 9},
		{"rouge2 empty", "rouge2", "testing one two", "", 0, 0, 0, 9},
		{"rougeL empty", "rougeL", "testing one two", "", 0, 0, 0, 9},
		{"rougeLsum empty", "rougeLsum", "testing one two", "", 0, 0, 0, 9},
		// test*AgainstRouge155WithStemming (our scorer always stems; lines
		// where stemming changes nothing also match the unstemmed vectors).
		{"rouge1 pair 0", "rouge1", refTarget0, refPred0, 0.68750, 0.40741, 0.51163, 5},
		{"rouge1 pair 1 stemmed", "rouge1", refTarget1, refPred1, 0.69231, 0.42857, 0.52941, 5},
		{"rouge2 pair 0", "rouge2", refTarget0, refPred0, 0.53333, 0.30769, 0.39024, 5},
		{"rouge2 pair 1", "rouge2", refTarget1, refPred1, 0.48000, 0.29268, 0.36364, 5},
		{"rougeL pair 0", "rougeL", refTarget0, refPred0, 0.68750, 0.40741, 0.51163, 5},
		// testRougeLSumAgainstRouge155WithStemming.
		{"rougeLsum multi stemmed", "rougeLsum", refTargetMulti, refPredMulti, 0.66667, 0.36538, 0.47205, 5},
		// testRougeLsum.
		{"rougeLsum union", "rougeLsum", "w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5", 0.4, 0.8, 0.53333, 3},
		{"rougeLsum empty target", "rougeLsum", "", "w1", 0, 0, 0, 3},
		{"rougeLsum punctuation only", "rougeLsum", "w1 w2 w3 w4 w5", "/", 0, 0, 0, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := New(tc.typ).Score(tc.target, tc.prediction)[tc.typ]
			eps := 0.5 * math.Pow10(-tc.places)
			if math.Abs(got.P-tc.p) > eps || math.Abs(got.R-tc.r) > eps || math.Abs(got.F-tc.f) > eps {
				t.Errorf("%s = P %.5f R %.5f F %.5f, want P %.5f R %.5f F %.5f", tc.typ, got.P, got.R, got.F, tc.p, tc.r, tc.f)
			}
		})
	}
}

func TestMultipleTypes(t *testing.T) {
	got := New("rouge1", "rougeL").Score("testing one two", "testing one")
	if len(got) != 2 {
		t.Fatalf("got %d types, want 2: %v", len(got), got)
	}
	for _, typ := range []string{"rouge1", "rougeL"} {
		s := got[typ]
		if math.Abs(s.P-1) > 1e-9 || math.Abs(s.R-2.0/3) > 1e-9 || math.Abs(s.F-0.8) > 1e-9 {
			t.Errorf("%s = %+v, want P 1 R 2/3 F 0.8", typ, s)
		}
	}
	if d := New().Types(); strings.Join(d, ",") != "rouge1,rouge2,rougeL,rougeLsum" {
		t.Errorf("default types = %v", d)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		typ string
		ok  bool
	}{
		{"rouge1", true}, {"rouge9", true}, {"rougeL", true}, {"rougeLsum", true},
		{"rougen", false}, {"rouge0", false}, {"rouge10", false}, {"bleu", false},
	}
	for _, tc := range tests {
		t.Run(tc.typ, func(t *testing.T) {
			if err := Validate(tc.typ); (err == nil) != tc.ok {
				t.Errorf("Validate(%q) = %v, want ok=%v", tc.typ, err, tc.ok)
			}
		})
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in string
		want     string
	}{
		{"lower and split", "The Quick-brown FOX", "the quick brown fox"},
		{"stem long only", "cats running ran dogs", "cat run ran dog"},
		{"digits kept", "In 1990s, 3.5% rose", "in 1990 3 5 rose"},
		{"non-ascii splits", "café naïve", "caf na ve"},
		{"dotted capital I", "\u0130stanbul", "i stanbul"},
		{"kelvin sign", "\u212Aelvin", "kelvin"},
		{"empty", " ,.; ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := strings.Join(Tokenize(tc.in), " "); got != tc.want {
				t.Errorf("Tokenize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		want     string
	}{
		{"shorter", "a b c", 5, "a b c"},
		{"exact", "a b c", 3, "a b c"},
		{"cut", "a b  c d", 2, "a b"},
		{"keeps newlines", "a b.\nc d.\ne f", 3, "a b.\nc"},
		{"zero", "a b", 0, ""},
		{"leading space", "  a b c", 1, "  a"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Truncate(tc.in, tc.n); got != tc.want {
				t.Errorf("Truncate(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
			}
		})
	}
}

func FuzzScore(f *testing.F) {
	f.Add("the cat sat on the mat", "a cat sat\non a mat")
	f.Add(refTargetMulti, refPredMulti)
	f.Add("\u0130\u212A x", "")
	s := New()
	f.Fuzz(func(t *testing.T, target, pred string) {
		for typ, sc := range s.Score(target, pred) {
			for _, v := range []float64{sc.P, sc.R, sc.F} {
				if v < 0 || v > 1 || math.IsNaN(v) {
					t.Fatalf("%s out of range: %+v", typ, sc)
				}
			}
		}
		same := s.Score(target, target)
		if len(Tokenize(target)) > 0 && same["rouge1"].F != 1 {
			t.Fatalf("rouge1 of a text with itself = %+v", same["rouge1"])
		}
	})
}

func BenchmarkScore(b *testing.B) {
	words := strings.Fields(strings.Repeat("officials announced the running totals while observers questioned happily generalized conditional relational statements ", 30))
	target := strings.Join(words[:250], " ")
	pred := strings.Join(words[7:307], " ")
	s := New()
	b.ReportAllocs()
	for b.Loop() {
		s.Score(target, pred)
	}
}
