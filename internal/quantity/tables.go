package quantity

import "github.com/crosscheck/crosscheck/internal/news"

// currencySigns map a sign before digits to an ISO 4217 code ("$4").
var currencySigns = map[string]string{"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB"}

// currencyWords map a currency noun after a number to its code ("4
// million dollars").
var currencyWords = map[string]string{
	"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
	"sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "rubles": "RUB",
	"roubles": "RUB", "francs": "CHF", "pesos": "MXN", "usd": "USD", "eur": "EUR", "gbp": "GBP",
}

// suffixMultipliers are glued to money ("$4m", "$2bn", "$50k").
var suffixMultipliers = map[string]float64{"m": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3}

// multipliers follow a number ("4 million", "two billion").
var multipliers = map[string]float64{"dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

// cardinalWords are numbers written as words.
var cardinalWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "hundred": 100, "thousand": 1e3,
	"million": 1e6, "billion": 1e9,
}

// ordinalWords are ordinals written as words ("the eighth time").
var ordinalWords = map[string]float64{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
	"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
	"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100,
}

// vagueRanges are vague plurals before "of" ("hundreds of") with the
// interval [lo, hi) they stand for; Value is lo.
var vagueRanges = map[string][2]float64{
	"dozens": {24, 144}, "scores": {40, 200}, "hundreds": {200, 1000}, "thousands": {2000, 10000},
	"tens": {20, 100}, "millions": {2e6, 1e7}, "billions": {2e9, 1e10},
}

// unitDef is a unit with its family and its size in the family's canonical
// unit.
type unitDef struct {
	name   string
	family string
	scale  float64
}

// Families and their canonical units.
const (
	FamilyDuration = "duration" // hours
	FamilyDistance = "distance" // metres
	FamilyWeight   = "weight"   // kilograms
	FamilyMoney    = "money"    // the currency's unit; never converted
	FamilyPercent  = "percent"
	FamilyCount    = "count" // things counted by their noun
	FamilyOrdinal  = "ordinal"
)

// durationUnits map duration nouns to hours.
var durationUnits = map[string]unitDef{
	"second": {"second", FamilyDuration, 1.0 / 3600}, "seconds": {"second", FamilyDuration, 1.0 / 3600},
	"minute": {"minute", FamilyDuration, 1.0 / 60}, "minutes": {"minute", FamilyDuration, 1.0 / 60},
	"hour": {"hour", FamilyDuration, 1}, "hours": {"hour", FamilyDuration, 1},
	"day": {"day", FamilyDuration, 24}, "days": {"day", FamilyDuration, 24},
	"week": {"week", FamilyDuration, 168}, "weeks": {"week", FamilyDuration, 168},
	"month": {"month", FamilyDuration, 730.5}, "months": {"month", FamilyDuration, 730.5},
	"year": {"year", FamilyDuration, 8766}, "years": {"year", FamilyDuration, 8766},
	"decade": {"decade", FamilyDuration, 87660}, "decades": {"decade", FamilyDuration, 87660},
}

// measureUnits map distance and weight nouns to metres and kilograms.
var measureUnits = map[string]unitDef{
	"km": {"km", FamilyDistance, 1000}, "kilometer": {"km", FamilyDistance, 1000}, "kilometers": {"km", FamilyDistance, 1000},
	"kilometre": {"km", FamilyDistance, 1000}, "kilometres": {"km", FamilyDistance, 1000},
	"mile": {"mile", FamilyDistance, 1609.344}, "miles": {"mile", FamilyDistance, 1609.344},
	"meter": {"m", FamilyDistance, 1}, "meters": {"m", FamilyDistance, 1}, "metre": {"m", FamilyDistance, 1}, "metres": {"m", FamilyDistance, 1},
	"foot": {"ft", FamilyDistance, 0.3048}, "feet": {"ft", FamilyDistance, 0.3048},
	"kg": {"kg", FamilyWeight, 1}, "kilogram": {"kg", FamilyWeight, 1}, "kilograms": {"kg", FamilyWeight, 1},
	"lb":  {"lb", FamilyWeight, 0.45359237},
	"ton": {"ton", FamilyWeight, 1000}, "tons": {"ton", FamilyWeight, 1000}, "tonne": {"ton", FamilyWeight, 1000}, "tonnes": {"ton", FamilyWeight, 1000},
}

// gluedUnits may be glued to digits ("10km", "5kg").
var gluedUnits = map[string]string{"km": "km", "kg": "kg", "m": "m", "ft": "ft", "mi": "mile"}

// unitByName finds the definition of a unit name as Parse writes it.
var unitByName = buildUnitByName()

func buildUnitByName() map[string]unitDef {
	m := map[string]unitDef{}
	for _, tab := range []map[string]unitDef{durationUnits, measureUnits} {
		for _, d := range tab {
			m[d.name] = d
		}
	}
	return m
}

// peopleNouns count people; Unit "people".
var peopleNouns = map[string]bool{"people": true, "persons": true, "person": true}

// casualtyWords after a number or a people noun give the people's role
// ("80 dead", "80 people killed").
var casualtyWords = map[string]string{
	"dead": "killed", "killed": "killed", "died": "killed", "deaths": "killed", "fatalities": "killed",
	"injured": "injured", "wounded": "injured", "hurt": "injured", "injuries": "injured",
	"missing": "missing", "arrested": "arrested", "detained": "arrested",
}

// irregularPlurals map plural nouns without an -s to their lemma.
var irregularPlurals = map[string]string{
	"men": "man", "women": "woman", "children": "child", "police": "police", "feet": "ft",
	"mice": "mouse", "teeth": "tooth", "geese": "goose", "personnel": "personnel",
}

// stopWords end the search for a counted noun ("two of them", "the two
// met").
var stopWords = map[string]bool{
	"of": true, "the": true, "a": true, "an": true, "and": true, "or": true, "but": true, "to": true, "in": true,
	"on": true, "at": true, "for": true, "with": true, "by": true, "from": true, "that": true, "this": true,
	"is": true, "was": true, "were": true, "are": true, "be": true, "been": true, "has": true, "have": true,
	"had": true, "said": true, "says": true, "who": true, "which": true, "as": true, "than": true, "it": true,
	"its": true, "their": true, "his": true, "her": true, "they": true, "he": true, "she": true, "we": true,
	"more": true, "less": true, "other": true, "another": true, "each": true, "such": true, "times": true,
	"also": true, "not": true, "would": true, "will": true, "could": true, "may": true, "can": true,
	"do": true, "does": true, "did": true, "so": true, "if": true, "when": true, "where": true, "after": true,
	"before": true, "into": true, "about": true, "over": true, "under": true, "up": true, "down": true,
}

// numberLabels before digits make them labels, not counts ("page 4").
var numberLabels = map[string]bool{
	"no": true, "number": true, "page": true, "route": true, "flight": true, "room": true, "article": true,
	"section": true, "chapter": true, "resolution": true, "episode": true, "season": true, "version": true,
	"channel": true, "highway": true, "interstate": true, "gate": true, "platform": true, "level": true,
	"grade": true, "paragraph": true, "clause": true, "amendment": true, "district": true, "ward": true,
}

// yearPluralOK are plural nouns a year may modify ("the 2016 elections").
var yearPluralOK = map[string]bool{
	"elections": true, "olympics": true, "games": true, "midterms": true, "playoffs": true, "finals": true,
	"primaries": true, "protests": true, "talks": true, "polls": true, "riots": true, "attacks": true,
	"accords": true, "sanctions": true, "negotiations": true, "hearings": true,
}

// qualifierSingle, qualifierPhrases2 and qualifierPhrases3 are the words
// before a number that qualify it.
var qualifierSingle = map[string]string{
	"about": news.Approximate, "nearly": news.Approximate, "almost": news.Approximate, "around": news.Approximate,
	"roughly": news.Approximate, "some": news.Approximate, "approximately": news.Approximate,
	"estimated": news.Approximate, "circa": news.Approximate, "approx": news.Approximate,
	"over": news.AtLeast, "upwards": news.AtLeast,
	"under": news.AtMost, "below": news.AtMost,
}

var qualifierPhrases2 = map[string]string{
	"more than": news.AtLeast, "at least": news.AtLeast, "upwards of": news.AtLeast, "greater than": news.AtLeast,
	"just over": news.AtLeast, "well over": news.AtLeast,
	"less than": news.AtMost, "fewer than": news.AtMost, "up to": news.AtMost, "at most": news.AtMost,
	"close to": news.Approximate, "just under": news.Approximate, "nearly all": news.Approximate,
	"an estimated": news.Approximate, "some estimated": news.Approximate,
}

var qualifierPhrases3 = map[string]string{
	"no more than": news.AtMost, "no fewer than": news.AtLeast, "no less than": news.AtLeast,
	"in excess of": news.AtLeast, "just shy of": news.Approximate, "as many as": news.AtMost,
	"as much as": news.AtMost, "a maximum of": news.AtMost, "a minimum of": news.AtLeast,
}

// qualifierWords are words that make a following four-digit number a
// count rather than a year.
var qualifierWords = map[string]bool{
	"about": true, "nearly": true, "almost": true, "around": true, "roughly": true, "some": true,
	"approximately": true, "than": true, "over": true, "least": true, "under": true,
	"estimated": true,
}

// vagueBases scale a vague plural: "tens of thousands".
var vagueBases = map[string]float64{"hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9}

// ordinalAdjectives sit between an ordinal and its noun ("the second
// straight day") and are never the counted noun themselves.
var ordinalAdjectives = map[string]bool{
	"straight": true, "consecutive": true, "recent": true, "full": true, "whole": true, "major": true,
	"big": true, "only": true, "new": true, "official": true, "public": true, "formal": true, "joint": true,
	"direct": true, "such": true, "last": true, "next": true, "largest": true, "biggest": true, "warring": true,
}

// pronounOne are words before "one" that make it a pronoun ("no one").
var pronounOne = map[string]bool{
	"no": true, "any": true, "every": true, "each": true, "some": true, "the": true, "this": true, "that": true,
	"which": true, "someone": true, "anyone": true, "little": true,
}
