package server

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/store"
)

// TestBriefingQueueMarker checks that a story whose briefing failed shows
// the queue's marker on its page and in /metrics, and loses it when done.
func TestBriefingQueueMarker(t *testing.T) {
	f := seedFixture(t)
	ctx := context.Background()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	if err := f.st.QueueBriefings(ctx, []string{f.storyID}, now); err != nil {
		t.Fatal(err)
	}
	js, err := f.st.ClaimBriefings(ctx, store.BriefClaim{Now: now, Lease: time.Minute, Stories: []string{f.storyID}})
	if err != nil || len(js) != 1 {
		t.Fatalf("claim: %v, %v", js, err)
	}
	if err := f.st.FailBriefing(ctx, js[0], "ingest: briefing timed out after 2m0s", now, now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	h := newServer(t, f.st, Options{CacheTTL: time.Nanosecond}).Handler()
	page := do(t, h, "GET", "/stories/"+f.storyID, nil).Body.String()
	mustContain(t, "story page", page, `class="story-status"`, "briefing failed 1x (ingest: briefing timed out after 2m0s); retry 2026-03-01 12:01 UTC")
	metrics := do(t, h, "GET", "/metrics", nil).Body.String()
	mustContain(t, "/metrics", metrics, "crosscheck_briefings_queued 1", "crosscheck_briefings_failing 1")

	if err := f.st.DoneBriefing(ctx, js[0]); err != nil {
		t.Fatal(err)
	}
	page = do(t, h, "GET", "/stories/"+f.storyID, nil).Body.String()
	if strings.Contains(page, `class="story-status"`) {
		t.Error("the marker stays after the briefing was rebuilt")
	}
	mustContain(t, "/metrics", do(t, h, "GET", "/metrics", nil).Body.String(), "crosscheck_briefings_queued 0", "crosscheck_briefings_failing 0")
}
