package cli

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestDelayGC: no collection below the limit; past it, the usual pacing
// comes back.
func TestDelayGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetGCPercent(100)
	t.Cleanup(func() {
		debug.SetGCPercent(before)
		debug.SetMemoryLimit(math.MaxInt64)
	})
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	DelayGC(int64(ms.Sys) + 64<<20)
	if p := gcPercent(); p != -1 {
		t.Fatalf("GC percent after DelayGC = %d, want -1 (off)", p)
	}
	runtime.ReadMemStats(&ms)
	start := ms.NumGC
	keep := make([][]byte, 16)
	for i := range keep { // 16 MiB, well under the limit
		keep[i] = make([]byte, 1<<20)
	}
	runtime.ReadMemStats(&ms)
	if ms.NumGC != start {
		t.Errorf("%d collections below the limit, want 0", ms.NumGC-start)
	}
	runtime.KeepAlive(keep)
	deadline := time.Now().Add(10 * time.Second)
	for gcPercent() != 100 {
		if time.Now().After(deadline) {
			t.Fatal("GC percent not restored after passing the limit")
		}
		for range 32 { // garbage past the limit
			_ = make([]byte, 4<<20)
		}
		time.Sleep(time.Millisecond)
	}
	if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
		t.Errorf("memory limit after restore = %d, want none", l)
	}
}

// TestDelayGCLeavesUserSettings: GOGC set by the user wins.
func TestDelayGCLeavesUserSettings(t *testing.T) {
	t.Setenv("GOGC", "150")
	before := debug.SetGCPercent(150)
	t.Cleanup(func() { debug.SetGCPercent(before) })
	DelayGC(1 << 30)
	if p := gcPercent(); p != 150 {
		t.Errorf("GC percent = %d, want the user's 150", p)
	}
}

// gcPercent reads the GC percentage without changing it.
func gcPercent() int {
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p
}
