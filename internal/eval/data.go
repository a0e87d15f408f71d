package eval

import (
	"os"
	"path/filepath"
)

// Root is the evaluation root a --data path names: the folder holding
// data/, gold/ and seeds/ (../shared), given as itself or as its data/
// folder (the spelling some stages once wanted), so that every stage takes
// the same path. ok is false for any other path: a stage's own file or
// folder, which the stage reads as given.
func Root(path string) (root string, ok bool) {
	if path == "" {
		return "", false
	}
	if isDir(filepath.Join(path, "data")) {
		return path, true
	}
	clean := filepath.Clean(path)
	if parent := filepath.Dir(clean); filepath.Base(clean) == "data" && isDir(clean) &&
		(isDir(filepath.Join(parent, "gold")) || isDir(filepath.Join(parent, "seeds"))) {
		return parent, true
	}
	return path, false
}

// stageData is the path stage s reads for the --data path data: when data
// names the evaluation root (Root), the stage's place under it (s.Under;
// the root itself when that is nil); any other path as given.
func stageData(s Stage, o StageOptions) string {
	root, ok := Root(o.Data)
	if !ok {
		return o.Data
	}
	if s.Under == nil {
		return root
	}
	return filepath.Join(root, filepath.FromSlash(s.Under(o)))
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
