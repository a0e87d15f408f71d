package cli

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

// DelayGC turns the garbage collector off until the process's Go memory
// first reaches limit bytes, then restores the collector as it was
// (GOGC's percentage, no memory limit). A short command — analyze or brief
// of one small file — then finishes without a collection: measured on
// `crosscheck brief` of one story (two short articles), collections were
// about a third of the process's CPU time (45 ms with them, 30 ms
// without) and the peak resident size is the same either way (29 MB),
// because the heap of such a run stays under 24 MiB. A long command
// (ingest, serve, a large input) collects as usual from the first time
// it passes the limit. A user's own GOGC or GOMEMLIMIT is left alone.
func DelayGC(limit int64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	percent := debug.SetGCPercent(-1)
	debug.SetMemoryLimit(limit)
	// The first collection — the one the limit forces — frees the
	// sentinel, and its cleanup restores the usual pacing.
	sentinel := new(gcSentinel)
	runtime.AddCleanup(sentinel, func(percent int) {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(math.MaxInt64)
	}, percent)
}

// gcSentinel is a heap object large enough to get a block of its own (the
// tiny allocator would share a smaller one with other objects).
type gcSentinel struct {
	_ [32]byte
}
