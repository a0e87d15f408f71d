package eval

import (
	"context"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/testutil"
)

// TestRunHeadlinesJudged recomputes every judged headline through the
// product path (pipeline.Analyze, then brief) and holds it to the
// judgements: each must be the headline judged (a change must be judged
// again), none may be chrome, and the good share of each half is reported.
func TestRunHeadlinesJudged(t *testing.T) {
	data, ok := testutil.Shared("data")
	if !ok {
		t.Skip("../shared/data is not here: no headline judgements to check")
	}
	r, err := RunHeadlines(context.Background(), HeadlinesOptions{Data: data, Judged: "testdata/headlines-judged.tsv"})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range r.Metrics {
		switch {
		case strings.HasSuffix(m.Key, "_unjudged") && m.Value != 0:
			t.Errorf("%s = %v: a headline changed; judge it again (go run ./cmd/crosscheck eval headlines)", m.Key, m.Value)
		case strings.HasSuffix(m.Key, "_chrome") && m.Value != 0:
			t.Errorf("%s = %v: a headline a chrome rule rejects was chosen", m.Key, m.Value)
		}
	}
	t.Log(r.Line())
}
