module github.com/go-shiori/go-readability

go 1.20

require golang.org/x/net v0.29.0
