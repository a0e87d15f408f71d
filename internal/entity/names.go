package entity

import (
	_ "embed"
)

//go:generate sh gen_names.sh

// firstNames is the generated first-name table: "name<TAB>gender" lines,
// gender "f", "m" or "u"; read-only. Regenerate with
// `go generate ./internal/entity` (needs npm).
//
//go:embed firstnames.txt
var firstNames string
