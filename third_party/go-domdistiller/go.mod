module github.com/markusmobius/go-domdistiller

go 1.20

require golang.org/x/net v0.29.0
