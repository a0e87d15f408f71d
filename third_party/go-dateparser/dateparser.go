// Package dateparser stands in for github.com/markusmobius/go-dateparser
// v1.2.3 inside crosscheck's build (see the replace directive in
// crosscheck's go.mod). It declares only what go-htmldate v1.9.1 names.
//
// Why: go-htmldate imports go-dateparser for its "extensive" date search,
// and linking go-dateparser runs its package initialisation in every
// process: the locale tables of 210 languages and thousands of regular
// expressions, measured at 345 ms and 78 MB allocated before main starts
// (GODEBUG=inittrace=1, package internal/data), even for a plain-text
// input. crosscheck runs htmldate in its fast mode (internal/extract sets
// trafilatura.Fast, or Disabled), where htmldate never calls the parser,
// so the tables were paid for and never read.
//
// Parse therefore never finds a date: it returns ErrNotLinked. Anyone who
// turns on htmldate's extensive search must drop the replace directive and
// accept the start-up cost.
package dateparser

import (
	"errors"
	"time"
)

// ErrNotLinked is returned by Parse: the real parser is not in this build.
var ErrNotLinked = errors.New("dateparser: not linked into this build (crosscheck uses htmldate's fast mode)")

// DateOrder returns the order of day, month and year for a locale.
type DateOrder func(locale string) string

// DMY is the day-month-year order.
var DMY = func(_ string) string { return "DMY" }

// PreferredDateSource says how to fill an incomplete date.
type PreferredDateSource uint8

// The date sources, in go-dateparser's order.
const (
	CurrentPeriod PreferredDateSource = iota
	Past
	Future
)

// PreferredDayOfMonth says which day fills a date without one.
type PreferredDayOfMonth uint8

// The days of month, in go-dateparser's order.
const (
	Current PreferredDayOfMonth = iota
	First
	Last
)

// Configuration is the subset of go-dateparser's configuration that
// go-htmldate sets.
type Configuration struct {
	DateOrder           DateOrder
	PreferredDayOfMonth PreferredDayOfMonth
	PreferredDateSource PreferredDateSource
	StrictParsing       bool
}

// ParserType names one of go-dateparser's parsers.
type ParserType uint8

// The parser types, in go-dateparser's order.
const (
	Timestamp ParserType = iota
	NegativeTimestamp
	RelativeTime
	CustomFormat
	AbsoluteTime
	NoSpacesTime
)

// Parser is go-dateparser's parser, without its tables.
type Parser struct {
	ParserTypes []ParserType
}

// Date is a parsed date.
type Date struct {
	Time time.Time
}

// Parse returns ErrNotLinked.
func (p *Parser) Parse(cfg *Configuration, str string, formats ...string) (Date, error) {
	return Date{}, ErrNotLinked
}
