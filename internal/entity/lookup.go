package entity

import (
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/text"
)

// PersonAt returns the person entity one of whose mentions covers byte
// offset off of a.Body().
func (r *Recognizer) PersonAt(a *news.Article, off int) (news.Entity, bool) {
	e, ok := EntityAt(a, off)
	if !ok || e.Type != news.Person {
		return news.Entity{}, false
	}
	return e, true
}

// EntityAt returns the entity (of any type) one of whose mentions covers
// byte offset off of a.Body().
func EntityAt(a *news.Article, off int) (news.Entity, bool) {
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if m.Start <= off && off < m.End {
				return e, true
			}
		}
	}
	return news.Entity{}, false
}

// PersonNamed returns the person of a an incomplete name refers to: the
// same name, or a person whose name ends with it ("Tillerson" -> "Rex
// Tillerson"). A name matching several people is ambiguous: false.
func (r *Recognizer) PersonNamed(a *news.Article, name string) (news.Entity, bool) {
	want := nameKeys(name)
	if len(want) == 0 {
		return news.Entity{}, false
	}
	var found news.Entity
	n := 0
	for _, e := range a.Entities {
		if e.Type != news.Person {
			continue
		}
		k := nameKeys(e.Name)
		if equalKeys(k, want) {
			return e, true
		}
		if hasSuffix(k, want) {
			found = e
			n++
		}
	}
	return found, n == 1
}

// nameKeys returns the normalised words of a name: lower case, possessive,
// initials and "al-" dropped.
func nameKeys(name string) []string {
	var out []string
	for _, sp := range text.Tokens(name) {
		w := strings.ToLower(strings.ReplaceAll(name[sp.Start:sp.End], "’", "'"))
		w = strings.TrimSuffix(w, "'s")
		if utf8.RuneCountInString(w) == 1 && sp.End < len(name) && name[sp.End] == '.' {
			continue
		}
		for _, p := range [...]string{"al-", "el-"} {
			if strings.HasPrefix(w, p) && len(w) > len(p) {
				w = w[len(p):]
			}
		}
		out = append(out, w)
	}
	return out
}

func equalKeys(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Gender returns "f" or "m" when the first name of name is typically
// female or male, "" when unknown or shared. A title in front ("Ms.
// Zakharova", "Mr. Peskov") decides.
func (r *Recognizer) Gender(name string) string {
	ks := nameKeys(name)
	for _, k := range ks {
		switch {
		case r.femaleRoles[k]:
			return "f"
		case r.maleRoles[k]:
			return "m"
		case r.roles[k] || r.roleMods[k] || r.demonyms[k]:
			continue
		}
		switch r.first[k] {
		case 'f':
			return "f"
		case 'm':
			return "m"
		}
		return ""
	}
	return ""
}

// EntityGender returns the gender hint of an entity: from its role
// ("spokeswoman", "Mrs.") when given, otherwise from its first name.
func (r *Recognizer) EntityGender(e news.Entity) string {
	if e.Type != news.Person {
		return ""
	}
	for _, k := range nameKeys(e.Role) {
		if r.femaleRoles[k] {
			return "f"
		}
		if r.maleRoles[k] {
			return "m"
		}
	}
	return r.Gender(e.Name)
}

// areas are the keys of areaList and of placeAcronyms (dots dropped:
// "us", "uk"), read once.
var areas = func() map[string]bool {
	m := phraseSet(areaList)
	for _, a := range strings.Fields(placeAcronyms) {
		m[strings.ReplaceAll(a, ".", "")] = true
	}
	return m
}()

// IsArea reports whether a place's name is a country, a US state or a
// region (areaList), a place that holds towns: "in Springfield" and "in
// Ohio" may name one place, "in Springfield" and "in Dayton" may not.
func IsArea(name string) bool {
	k := strings.TrimPrefix(strings.ToLower(strings.Join(strings.Fields(name), " ")), "the ")
	k = strings.TrimSuffix(strings.ReplaceAll(k, ". ", " "), ".")
	return areas[k] || areas["the "+k] || !strings.Contains(k, " ") && areas[strings.ReplaceAll(k, ".", "")]
}
