// Package migrate keeps the bookkeeping both store backends share when they
// bring a schema up to date: which migrations are pending and the refusal
// to touch a database migrated by a newer program. Running the SQL and
// recording it stay in each backend.
package migrate

import (
	"fmt"

	"github.com/crosscheck/crosscheck/internal/store"
)

// Migration is one step of a schema, applied once, in order.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Apply calls apply for every migration of ms (ordered by Version) above
// the current version cur, stopping at the first error. It returns an error
// wrapping store.ErrSchemaNewer, applying nothing, when cur is above the
// last version of ms.
func Apply(ms []Migration, cur int, apply func(Migration) error) error {
	if len(ms) == 0 {
		return nil
	}
	if latest := ms[len(ms)-1].Version; cur > latest {
		return fmt.Errorf("schema version %d, program knows %d: %w", cur, latest, store.ErrSchemaNewer)
	}
	for _, m := range ms {
		if m.Version <= cur {
			continue
		}
		if err := apply(m); err != nil {
			return fmt.Errorf("migration %d (%s): %w", m.Version, m.Name, err)
		}
	}
	return nil
}
