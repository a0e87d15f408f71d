package timex

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/testutil"
	"github.com/crosscheck/crosscheck/internal/text"
)

// devArticle is a development article with its known publication date.
type devArticle struct {
	date  string
	event string // BASIL gold_event (story label); "" for PolNeAR
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
			Event      string     `json:"gold_event"`
			Paragraphs [][]string `json:"paragraphs"`
		}
		err := json.Unmarshal(b, &r)
		var ps []string
		for i, p := range r.Paragraphs {
			if i > 0 {
				ps = append(ps, strings.Join(p, " "))
			}
		}
		return devArticle{r.Date, r.Event, ps}, err
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
		return devArticle{r.Date, "", ps}, err
	})
	if len(out) == 0 {
		t.Skip("shared development sets not present")
	}
	return out
}

// guessStats tallies reference-date guesses against the truth.
type guessStats struct {
	n, guesses, adopted, exact, near, sameYear int
}

func (g *guessStats) add(truth, d time.Time, conf, threshold float64, ok bool) {
	g.n++
	if !ok {
		return
	}
	g.guesses++
	if conf < threshold {
		return
	}
	g.adopted++
	days := d.Sub(truth).Abs()
	if days == 0 {
		g.exact++
	}
	if days <= 48*time.Hour {
		g.near++
	}
	if d.Year() == truth.Year() {
		g.sameYear++
	}
}

func (g guessStats) String() string {
	return fmt.Sprintf("%d items, %d guesses, %d adopted; of those %d exact, %d within 2 days, %d same year",
		g.n, g.guesses, g.adopted, g.exact, g.near, g.sameYear)
}

// calibrationBins are the confidence ranges of the calibration log.
var calibrationBins = [][2]float64{{0, 0.1}, {0.1, 0.2}, {0.2, 0.4}, {0.4, 0.6}, {0.6, 0.8}, {0.8, 1.01}}

// devThresholds are the confidence levels reported besides AdoptConfidence.
var devThresholds = []float64{0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8}

// TestDevInference blanks the known publication dates of the development
// articles, infers them per article and per story (BASIL articles grouped
// by gold_event), and logs coverage and accuracy at several confidence
// levels. An adopted guess (confidence >= AdoptConfidence) must be within
// two days of the truth at least 80% of the time once there are 5 adopted
// guesses, per article the mean confidence of right guesses must exceed
// that of wrong ones (per story there are too few right ones to compare),
// and the confidences must not promise more right guesses than observed.
func TestDevInference(t *testing.T) {
	arts := loadDev(t)
	type result struct {
		truth, d   time.Time
		conf       float64
		ok         bool
		perArticle bool
	}
	var perArt, perStory []result
	stories := map[string][]int{}
	var order []string
	for i, da := range arts {
		truth, err := time.Parse(dayLayout, da.date)
		if err != nil {
			t.Fatalf("bad date %q", da.date)
		}
		d, conf, _, ok := inferReference(&news.Article{Paragraphs: da.paras})
		perArt = append(perArt, result{truth, d, conf, ok, true})
		if da.event != "" {
			if stories[da.event] == nil {
				order = append(order, da.event)
			}
			stories[da.event] = append(stories[da.event], i)
		}
	}
	for _, ev := range order {
		var as []*news.Article
		for _, i := range stories[ev] {
			as = append(as, &news.Article{Paragraphs: arts[i].paras})
		}
		d, conf, _, ok := InferStoryReference(as)
		for _, i := range stories[ev] { // scored against each article's own date
			truth, _ := time.Parse(dayLayout, arts[i].date)
			perStory = append(perStory, result{truth, d, conf, ok, false})
		}
	}
	// Leave one out: the story's other articles keep their dates, as when
	// only some articles of a story carry one.
	var perSibling []result
	for _, ev := range order {
		for _, i := range stories[ev] {
			var as []*news.Article
			for _, j := range stories[ev] {
				a := &news.Article{Paragraphs: arts[j].paras}
				if j != i {
					a.Published = arts[j].date
				}
				as = append(as, a)
			}
			d, conf, _, ok := InferStoryReference(as)
			truth, _ := time.Parse(dayLayout, arts[i].date)
			perSibling = append(perSibling, result{truth, d, conf, ok, false})
		}
	}
	ths := []float64{AdoptConfidence}
	for _, th := range devThresholds {
		if th != AdoptConfidence {
			ths = append(ths, th)
		}
	}
	for _, set := range []struct {
		name string
		rs   []result
	}{
		{"per article (BASIL+PolNeAR)", perArt},
		{"per story, all dates blanked (BASIL articles scored against the story guess)", perStory},
		{"per story, siblings' dates kept (BASIL, leave one out)", perSibling},
	} {
		for _, th := range ths {
			var g guessStats
			for _, r := range set.rs {
				g.add(r.truth, r.d, r.conf, th, r.ok)
			}
			mark := ""
			if th == AdoptConfidence {
				mark = " (AdoptConfidence)"
				if g.adopted >= 5 && float64(g.near) < 0.8*float64(g.adopted) {
					t.Errorf("%s: adopted guesses within 2 days %d/%d, want at least 80%%", set.name, g.near, g.adopted)
				}
			}
			t.Logf("%s, confidence >= %.2f%s: %v", set.name, th, mark, g)
		}
		var confRight, confWrong float64
		var right, wrong int
		for _, r := range set.rs {
			if !r.ok {
				continue
			}
			if r.d.Sub(r.truth).Abs() <= 48*time.Hour {
				right++
				confRight += r.conf
			} else {
				wrong++
				confWrong += r.conf
			}
		}
		t.Logf("%s: %d right guesses (mean confidence %.3f), %d wrong (%.3f)", set.name, right, confRight/float64(max(right, 1)), wrong, confWrong/float64(max(wrong, 1)))
		// Calibration: the confidence claims to be the probability of being
		// within two days, so the expected number of right guesses must not
		// exceed the observed one by more than chance allows.
		var expect, variance float64
		for lo := range calibrationBins {
			var n, hits int
			var sum float64
			for _, r := range set.rs {
				if r.ok && r.conf >= calibrationBins[lo][0] && r.conf < calibrationBins[lo][1] {
					n++
					sum += r.conf
					if r.d.Sub(r.truth).Abs() <= 48*time.Hour {
						hits++
					}
				}
			}
			if n > 0 {
				t.Logf("%s: confidence in [%.1f, %.1f): %d guesses, mean confidence %.3f, %d within 2 days", set.name, calibrationBins[lo][0], calibrationBins[lo][1], n, sum/float64(n), hits)
			}
		}
		for _, r := range set.rs {
			if r.ok {
				expect += r.conf
				variance += r.conf * (1 - r.conf)
			}
		}
		if expect > float64(right)+2*math.Sqrt(variance)+1 {
			t.Errorf("%s: overconfident: confidences sum to %.1f expected right guesses, %d observed", set.name, expect, right)
		}
		if set.rs[0].perArticle && right > 0 && wrong > 0 && confRight/float64(right) < confWrong/float64(wrong) {
			t.Errorf("%s: mean confidence right %.2f < wrong %.2f", set.name, confRight/float64(right), confWrong/float64(wrong))
		}
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
		if err := tg.Analyze(a); err != nil {
			t.Fatal(err)
		}
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
			if _, ok := text.Weekday(strings.ToLower(tm.Text)); ok {
				d, err := time.Parse(dayLayout, tm.Value)
				if err != nil || d.Sub(ref).Abs() > 7*24*time.Hour {
					t.Errorf("weekday %q resolved to %q, ref %s", tm.Text, tm.Value, da.date)
				}
			}
		}
	}
	t.Logf("%d articles, %d times, %d unresolved", len(arts), total, unresolved)
}
