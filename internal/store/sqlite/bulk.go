package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"github.com/crosscheck/crosscheck/internal/store"
)

// bulkCacheKB is the writer's page cache during a bulk load, in KiB; it
// goes back to SQLite's default (2,000 KiB) at commit.
const bulkCacheKB = 256 << 10

// bulk is an open bulk load: one write transaction that every call of the
// store runs in (see Bulk).
type bulk struct {
	mu sync.Mutex // one call at a time in the transaction
	tx *sql.Tx
}

// Bulk starts a bulk load: until the returned commit is called, every
// call of the store, reads included, runs in one write transaction on
// the writer connection, each write call in a savepoint of it (a call
// that fails is undone alone, as its own transaction would have been).
// Readers in other connections and processes see nothing of the load
// until commit, then all of it. commit ends the load (committing it)
// and the store is back to one transaction per call; a load never
// committed is rolled back by Close.
//
// It is for loading many articles with one writer (a bulk import, the
// million-article benchmark): a commit's page writes are paid once for
// the batch instead of once per article, and a clustering decision's
// reads see the writes before it, as they would committed. Durability
// changes accordingly: an article reported added is committed only by
// commit; a process killed before loses the batch since the last
// commit, whole (articles, assignments and the clusterer's state
// together, so they still agree), and keeps everything before it. The
// load holds SQLite's write lock: other writers wait (busy_timeout) until
// commit. Calls from several goroutines take turns.
func (s *Store) Bulk(ctx context.Context) (commit func() error, err error) {
	if s.closed.Load() {
		return nil, fmt.Errorf("sqlite: bulk: %w", store.ErrClosed)
	}
	if s.bulk.Load() != nil {
		// (BeginTx would wait for the one writer connection forever.)
		return nil, fmt.Errorf("sqlite: bulk: a bulk load is open: %w", store.ErrInvalid)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("sqlite: bulk: %w", err)
	}
	b := &bulk{tx: tx}
	if !s.bulk.CompareAndSwap(nil, b) {
		tx.Rollback()
		return nil, fmt.Errorf("sqlite: bulk: a bulk load is open: %w", store.ErrInvalid)
	}
	// A batch's pages stay in memory until commit instead of spilling
	// to the WAL as the default cache (2 MB) fills.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = -%d`, bulkCacheKB)); err != nil {
		s.bulk.Store(nil)
		tx.Rollback()
		return nil, fmt.Errorf("sqlite: bulk: %w", err)
	}
	var once sync.Once
	return func() error {
		err := errors.New("sqlite: bulk: committed already")
		once.Do(func() {
			b.mu.Lock()
			defer b.mu.Unlock()
			s.bulk.Store(nil)
			err = tx.Commit()
			if err != nil {
				err = fmt.Errorf("sqlite: bulk commit: %w", err)
				return
			}
			if _, err = s.w.ExecContext(context.WithoutCancel(ctx), `PRAGMA cache_size = -2000`); err != nil {
				err = fmt.Errorf("sqlite: bulk commit: %w", err)
			}
		})
		return err
	}, nil
}

// step runs one write call in a savepoint of the load.
func (b *bulk) step(ctx context.Context, fn func(*sql.Tx) error) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, err := b.tx.ExecContext(ctx, `SAVEPOINT call`); err != nil {
		return err
	}
	if err := fn(b.tx); err != nil {
		_, rerr := b.tx.ExecContext(ctx, `ROLLBACK TO call`)
		_, perr := b.tx.ExecContext(ctx, `RELEASE call`)
		return errors.Join(err, rerr, perr)
	}
	_, err := b.tx.ExecContext(ctx, `RELEASE call`)
	return err
}

// reader is what reads run on: *sql.DB or, during a bulk load, its
// transaction.
type reader interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// rd returns the connection pool reads use, or the open bulk load.
func (s *Store) rd() reader {
	if b := s.bulk.Load(); b != nil {
		return b.tx
	}
	return s.r
}
