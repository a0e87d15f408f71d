package entity

import (
	_ "embed"
)

//go:generate sh gen_names.sh

// firstNames is the generated first-name table: "name<TAB>gender" lines.
//
//go:embed firstnames.txt
var firstNames string
