package timex

import (
	"bufio"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/testutil"
)

// devArticle is a development article with its known publication date.
type devArticle struct {
	date  string
	paras []string
}

// loadDev reads the BASIL and PolNeAR development sets (title dropped: it
// is not part of the body).
func loadDev(t *testing.T) []devArticle {
	t.Helper()
	var out []devArticle
	read := func(rel string, fn func([]byte) (devArticle, error)) {
		p, ok := testutil.Shared(rel)
		if !ok {
			return
		}
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			a, err := fn(sc.Bytes())
			if err != nil {
				t.Fatalf("%s: %v", rel, err)
			}
			out = append(out, a)
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	read("data/clustering/basil-dev.jsonl", func(b []byte) (devArticle, error) {
		var r struct {
			Date       string     `json:"date"`
			Paragraphs [][]string `json:"paragraphs"`
		}
		err := json.Unmarshal(b, &r)
		var ps []string
		for i, p := range r.Paragraphs {
			if i > 0 {
				ps = append(ps, strings.Join(p, " "))
			}
		}
		return devArticle{r.Date, ps}, err
	})
	read("data/quotes/polnear-dev.jsonl", func(b []byte) (devArticle, error) {
		var r struct {
			Date string `json:"publication_date"`
			Text string `json:"text"`
		}
		err := json.Unmarshal(b, &r)
		var ps []string
		for i, p := range strings.Split(r.Text, "\n\n") {
			if p = strings.TrimSpace(p); p != "" && i > 0 {
				ps = append(ps, p)
			}
		}
		return devArticle{r.Date, ps}, err
	})
	if len(out) == 0 {
		t.Skip("shared development sets not present")
	}
	return out
}

// TestDevInference measures reference-date inference against the known
// publication dates: an adopted inference (confidence >= AdoptConfidence)
// must be within two days of the truth at least 40% of the time (4 of 8 when
// written), and the confidence must not be higher on wrong guesses than on
// right ones.
func TestDevInference(t *testing.T) {
	arts := loadDev(t)
	tg := New()
	var adopted, adoptedRight, guesses, right int
	var confRight, confWrong float64
	for _, da := range arts {
		truth, err := time.Parse(dayLayout, da.date)
		if err != nil {
			t.Fatalf("bad date %q", da.date)
		}
		d, conf, _, ok := tg.InferReference(&news.Article{Paragraphs: da.paras})
		if !ok {
			continue
		}
		guesses++
		near := d.Sub(truth).Abs() <= 48*time.Hour
		if near {
			right++
			confRight += conf
		} else {
			confWrong += conf
		}
		if conf >= AdoptConfidence {
			adopted++
			if near {
				adoptedRight++
			}
		}
	}
	t.Logf("%d articles: %d guesses, %d within 2 days; %d adopted, %d of them within 2 days", len(arts), guesses, right, adopted, adoptedRight)
	if adopted >= 3 && float64(adoptedRight) < 0.4*float64(adopted) {
		t.Errorf("adopted inferences right %d/%d, want at least 40%%", adoptedRight, adopted)
	}
	if right > 0 && guesses > right && confRight/float64(right) < confWrong/float64(guesses-right) {
		t.Errorf("mean confidence right %.2f < wrong %.2f", confRight/float64(right), confWrong/float64(guesses-right))
	}
}

var valueFormat = regexp.MustCompile(`^(\d{3}|\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?)(/\d{4}(-\d{2}(-\d{2})?)?)?$`)

// TestDevTag tags the development articles with their true dates: every
// time must have consistent offsets and a well-formed value, ranges must
// run forward, and day values of bare weekdays must lie within a week of
// the reference.
func TestDevTag(t *testing.T) {
	arts := loadDev(t)
	tg := New()
	total, unresolved := 0, 0
	for _, da := range arts {
		a := &news.Article{Paragraphs: da.paras, Published: da.date}
		tg.Tag(a)
		body := a.Body()
		ref, _ := ParseDate(da.date)
		for _, tm := range a.Times {
			total++
			if body[tm.Start:tm.End] != tm.Text {
				t.Fatalf("offsets [%d,%d) give %q, Text %q", tm.Start, tm.End, body[tm.Start:tm.End], tm.Text)
			}
			if tm.Value == "" {
				unresolved++
				continue
			}
			if !valueFormat.MatchString(tm.Value) {
				t.Errorf("%q: malformed value %q", tm.Text, tm.Value)
			}
			if a, b, ok := strings.Cut(tm.Value, "/"); ok && a > b {
				t.Errorf("%q: backward range %q", tm.Text, tm.Value)
			}
			if _, ok := weekdays[strings.ToLower(tm.Text)]; ok {
				d, err := time.Parse(dayLayout, tm.Value)
				if err != nil || d.Sub(ref).Abs() > 7*24*time.Hour {
					t.Errorf("weekday %q resolved to %q, ref %s", tm.Text, tm.Value, da.date)
				}
			}
		}
	}
	t.Logf("%d articles, %d times, %d unresolved", len(arts), total, unresolved)
}
