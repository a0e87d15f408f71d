package migrate

import (
	"errors"
	"reflect"
	"testing"

	"github.com/crosscheck/crosscheck/internal/store"
)

func TestApply(t *testing.T) {
	ms := []Migration{{Version: 1, Name: "one"}, {Version: 2, Name: "two"}, {Version: 3, Name: "three"}}
	boom := errors.New("boom")
	for _, tc := range []struct {
		name    string
		cur     int
		failAt  int
		applied []int
		err     error
	}{
		{"fresh", 0, 0, []int{1, 2, 3}, nil},
		{"partial", 1, 0, []int{2, 3}, nil},
		{"current", 3, 0, nil, nil},
		{"newer", 4, 0, nil, store.ErrSchemaNewer},
		{"failure stops", 0, 2, []int{1, 2}, boom},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var applied []int
			err := Apply(ms, tc.cur, func(m Migration) error {
				applied = append(applied, m.Version)
				if m.Version == tc.failAt {
					return boom
				}
				return nil
			})
			if !reflect.DeepEqual(applied, tc.applied) {
				t.Errorf("applied %v, want %v", applied, tc.applied)
			}
			if !errors.Is(err, tc.err) || (tc.err == nil && err != nil) {
				t.Errorf("err = %v, want %v", err, tc.err)
			}
		})
	}
}
