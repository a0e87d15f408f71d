// Package testutil finds the shared evaluation data (../shared beside the
// repository) for tests and evaluation runners.
package testutil

import (
	"os"
	"path/filepath"
)

// SharedDir returns the path of the shared data folder: $CROSSCHECK_SHARED
// when set, otherwise the "shared" folder beside the repository root found by
// walking up from the working directory to the folder holding go.mod. It
// returns "" when there is none.
func SharedDir() string {
	if d := os.Getenv("CROSSCHECK_SHARED"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			s := filepath.Join(filepath.Dir(dir), "shared")
			if fi, err := os.Stat(s); err == nil && fi.IsDir() {
				return s
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Shared returns the path of rel inside the shared folder and whether it
// exists.
func Shared(rel string) (string, bool) {
	d := SharedDir()
	if d == "" {
		return "", false
	}
	p := filepath.Join(d, rel)
	_, err := os.Stat(p)
	return p, err == nil
}
