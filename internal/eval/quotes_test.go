package eval

import (
	"context"
	"os"
	"testing"

	"github.com/crosscheck/crosscheck/internal/testutil"
)

func TestRunQuotesPolNeAR(t *testing.T) {
	p, ok := testutil.Shared("data/quotes/polnear-dev.jsonl")
	if !ok {
		t.Skip("PolNeAR dev data not found (../shared absent)")
	}
	opts := QuotesOptions{Data: p}
	if os.Getenv("QUOTES_LOG") != "" {
		opts.Log = os.Stdout
	}
	r, err := RunQuotes(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	r.Print(os.Stdout)
}
