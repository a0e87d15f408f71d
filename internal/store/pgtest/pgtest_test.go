package pgtest

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestStart(t *testing.T) {
	srv := NewServer(t)
	for _, name := range []string{"one", "two", "one"} {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			conn, err := pgx.Connect(ctx, srv.DB(t, name))
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close(ctx)
			var db string
			if err := conn.QueryRow(ctx, `SELECT current_database()`).Scan(&db); err != nil || db != name {
				t.Errorf("current_database() = %q, %v; want %q", db, err, name)
			}
		})
	}
}
