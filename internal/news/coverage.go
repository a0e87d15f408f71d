package news

import (
	"net/url"
	"strings"
)

// OutletNotGiven names the outlet of an article that states none and has
// no web address to name it by. Every view says it in these words.
const OutletNotGiven = "outlet not given"

// OutletName is the outlet a reader is shown for an article: outlet when
// given, else the host of its web address without "www." ("apnews.com"),
// else OutletNotGiven. It is the one naming of an outlet that every view
// (briefings, pages, listings) uses, so that an article is named alike
// everywhere.
func OutletName(outlet, address string) string {
	if o := strings.TrimSpace(outlet); o != "" {
		return o
	}
	if u, err := url.Parse(strings.TrimSpace(address)); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		if h := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."); h != "" {
			return h
		}
	}
	return OutletNotGiven
}

// Coverage counts what a briefed story is made of. Views show these
// counts and no others, so the front page, the story page, the command
// line and the API agree.
type Coverage struct {
	// Articles counts the briefing's sources, one per article.
	Articles int `json:"articles"`
	// Outlets counts distinct outlet names (OutletName, compared without
	// case); each article whose outlet is OutletNotGiven counts as one
	// outlet of its own, since nothing says it shares another's.
	Outlets int `json:"outlets"`
	// Independent counts the sources after syndication: copies of one
	// wire story count once.
	Independent int `json:"independent_sources"`
}

// Coverage counts the briefing's articles, outlets and independent
// sources. It is the one definition of these counts.
func (b *Briefing) Coverage() Coverage {
	c := Coverage{Articles: len(b.Sources)}
	outlets := map[string]bool{}
	groups := map[string]bool{}
	for _, s := range b.Sources {
		switch name := OutletName(s.Outlet, s.URL); name {
		case OutletNotGiven:
			c.Outlets++
		default:
			outlets[strings.ToLower(name)] = true
		}
		key := s.ID
		for _, o := range s.SyndicatedWith {
			key = min(key, o)
		}
		groups[key] = true
	}
	c.Outlets += len(outlets)
	c.Independent = len(groups)
	return c
}
