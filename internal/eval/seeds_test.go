package eval

import (
	"context"
	"testing"

	"github.com/crosscheck/crosscheck/internal/testutil"
)

// TestRunSeeds holds the seeds to the bar the issues set: every gold
// boilerplate line removed, no body paragraph lost, titles and bylines
// right, at least 31 of 33 quotes with the right speaker, no not-quote as
// a full statement, the three shared quotes marked as the gold says, and —
// with the reference date given — both the meeting-length and the
// Wednesday/Friday discrepancies and the two key timeline dates.
func TestRunSeeds(t *testing.T) {
	dir := testutil.SharedDir()
	if dir == "" {
		t.Skip("../shared is not here: no seeds scorecard")
	}
	r, err := RunSeeds(context.Background(), SeedsOptions{Data: dir, Published: "2017-04-12"})
	if err != nil {
		t.Fatal(err)
	}
	atLeast := map[string]float64{
		"000_boilerplate_recall": 1, "004_boilerplate_recall": 1,
		"000_title_ok": 1, "004_title_ok": 1, "000_byline_ok": 1, "004_byline_ok": 1,
		"000_body_paragraphs": 28, "004_body_paragraphs": 25,
		"quotes_speaker_right": 31, "shared_quotes": 3, "discrepancies_found": 2,
	}
	for k, want := range atLeast {
		if got, ok := r.Get(k); !ok || got < want {
			t.Errorf("%s = %v, want >= %v", k, got, want)
		}
	}
	if got, _ := r.Get("not_quotes_as_statements"); got != 0 {
		t.Errorf("not_quotes_as_statements = %v, want 0", got)
	}
	if got, _ := r.Get("discrepancies_found"); got != 3 {
		t.Errorf("%v of the 3 gold discrepancies found by their sentences", got)
	}
	if got, _ := r.Get("discrepancies_other"); got != 0 {
		t.Errorf("%v discrepancies reported besides the gold's: a careful reader would reject them", got)
	}
}

func TestRunSeedsBadPath(t *testing.T) {
	if _, err := RunSeeds(context.Background(), SeedsOptions{Data: t.TempDir()}); err == nil {
		t.Error("RunSeeds on an empty folder: no error")
	}
}
