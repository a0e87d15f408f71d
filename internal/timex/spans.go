package timex

import (
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
)

// placeSpans applies the span rules to the resolved times out.
func placeSpans(body string, out []news.Time, kinds []expr, ts toks, ref time.Time) {
}
