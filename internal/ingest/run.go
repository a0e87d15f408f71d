package ingest

import (
	"context"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/internal/pipeline"
)

// runMax caps the articles one turn of the clustering lock places.
const runMax = 16

// storeAhead is Ingest's per-input step on a store that keeps the
// clusterer's state and its change log (PostgreSQL): each analysed input
// is stored at once, outside the lock, and queued; a placer goroutine
// places what the queue holds, up to runMax articles in one turn of the
// lock (placeRun), in input order. While it waits for the lock (another
// process holds it) or places, the next articles are stored and queued,
// so that a turn places several: the lock's round trip and catch-up are
// paid once for them. The decisions are those of one at a time: the
// same articles in the same order.
//
// It returns the step and placed, which ends the queue, waits for the
// placer, adds its counts to sum and touched and returns its first
// error; the step returns that error too once the placer met it, so
// that the batch stops.
func (e *Engine) storeAhead(ctx context.Context, sum *Summary, touched map[string]bool) (
	step func(context.Context, pipeline.Result, *Summary, map[string]bool) error, placed func() error) {
	q := make(chan storedArticle, runMax*2)
	var (
		mu     sync.Mutex // guards perr
		perr   error
		done   = make(chan struct{})
		psum   Summary // the placer's counts, added to sum by placed
		ptouch = map[string]bool{}
	)
	failed := func() error {
		mu.Lock()
		defer mu.Unlock()
		return perr
	}
	go func() {
		defer close(done)
		for first := range q {
			run := []storedArticle{first}
		fill:
			for len(run) < runMax {
				select {
				case s, ok := <-q:
					if !ok {
						break fill
					}
					run = append(run, s)
				default:
					break fill
				}
			}
			if failed() != nil {
				continue // drained: the step stops the batch
			}
			out, err := e.placeRun(ctx, run)
			if err != nil {
				mu.Lock()
				perr = err
				mu.Unlock()
			}
			for _, res := range out {
				countPlaced(res, &psum, ptouch)
			}
		}
	}()
	step = func(ctx context.Context, res pipeline.Result, sum *Summary, touched map[string]bool) error {
		if err := failed(); err != nil {
			return err
		}
		var out Result
		var err error
		start := time.Now()
		place := false
		if res.Err != nil {
			out, err = e.reject(ctx, res.Raw.Input, res.Err)
		} else {
			out, place, err = e.store(ctx, res.Raw, res.Article)
		}
		if err != nil {
			return err
		}
		countInput(out, res.Raw.Input, sum, e.o.OnSkip)
		if !place {
			sum.StoreTime += time.Since(start)
		} else {
			if e.o.afterStore != nil {
				e.o.afterStore(out.ArticleID)
			}
			q <- storedArticle{res: out, a: res.Article, took: time.Since(start)}
		}
		n, err := e.maybeFlush(ctx, false)
		sum.Queued += n
		return err
	}
	placed = func() error {
		close(q)
		<-done
		sum.Created += psum.Created
		sum.Merged += psum.Merged
		sum.ClusterTime += psum.ClusterTime
		sum.StoreTime += psum.StoreTime
		sum.LockTime += psum.LockTime
		for sid := range ptouch {
			touched[sid] = true
		}
		return failed()
	}
	return step, placed
}
