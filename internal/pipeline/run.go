package pipeline

import (
	"context"
	"errors"
	"runtime"
	"sync"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/read"
)

// Result is one input document after analysis. Err is non-nil when the
// document was skipped (unreadable input, or not an article); Article may
// then be nil or partial.
type Result struct {
	Raw     news.Raw
	Article *news.Article
	Err     error
}

// Run reads inputs with r and analyses every document on workers
// goroutines (0 means GOMAXPROCS), calling fn with the results in input
// order. fn returning an error, or ctx being cancelled, stops the run.
//
// The analysis of one document takes no context (a very long input takes
// seconds), so a cancelled Run returns ctx.Err() at once without waiting
// for the analyses under way: they finish in the background and their
// results are dropped.
func (p *Pipeline) Run(ctx context.Context, r *read.Reader, inputs []string, workers int, fn func(Result) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		res  Result
		done chan struct{}
	}
	jobs := make(chan *job, workers*4)
	ordered := make(chan *job, workers*4)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.res.Err == nil {
					j.res.Article, j.res.Err = p.Analyze(j.res.Raw)
				}
				close(j.done)
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		defer close(ordered)
		readErr <- r.Each(ctx, inputs, func(raw news.Raw, err error) error {
			j := &job{res: Result{Raw: raw, Err: err}, done: make(chan struct{})}
			if err != nil && raw.Input == "" {
				var re *read.Error
				if errors.As(err, &re) {
					j.res.Raw.Input = re.Input
				}
			}
			select {
			case ordered <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				close(j.done)
				return ctx.Err()
			}
			return nil
		})
	}()
	var fnErr error
	for j := range ordered {
		select {
		case <-j.done:
		case <-ctx.Done():
			if fnErr == nil {
				// Cancelled from outside: do not wait for analyses.
				return ctx.Err()
			}
			<-j.done
		}
		if fnErr == nil {
			if fnErr = fn(j.res); fnErr != nil {
				cancel()
			}
		}
	}
	wg.Wait()
	if fnErr != nil {
		return fnErr
	}
	if err := <-readErr; err != nil {
		return err
	}
	return ctx.Err()
}
