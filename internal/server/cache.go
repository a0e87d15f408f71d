package server

import (
	"strings"
	"sync"
	"time"
)

// cache keeps rendered answers (page HTML, API JSON) keyed by kind and
// query. A story's entry carries the version it was rendered from (the
// briefing version and the story's update time); once its TTL has passed
// the handler checks the version against the store and re-renders only
// when it changed. Listings carry no version and are rebuilt after the TTL
// or any ingest.
type cache struct {
	mu  sync.RWMutex
	max int
	m   map[string]*entry
}

type entry struct {
	body    []byte
	ctype   string
	etag    string
	version string
	story   string // story id the entry depends on; "" for listings
	checked time.Time
}

func newCache(max int) *cache { return &cache{max: max, m: make(map[string]*entry)} }

func (c *cache) get(key string) *entry {
	c.mu.RLock()
	e := c.m[key]
	c.mu.RUnlock()
	return e
}

// put stores e, evicting arbitrary entries when full (a map's iteration
// order is random enough for a bounded cache of cheap-to-rebuild pages).
func (c *cache) put(key string, e *entry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[key]; !ok && len(c.m) >= c.max {
		n := len(c.m)/8 + 1
		for k := range c.m {
			delete(c.m, k)
			if n--; n == 0 {
				break
			}
		}
	}
	c.m[key] = e
}

// touch marks e as checked now (its version still matches the store).
func (c *cache) touch(key string, e *entry, now time.Time) {
	c.mu.Lock()
	if c.m[key] == e {
		ne := *e
		ne.checked = now
		c.m[key] = &ne
	}
	c.mu.Unlock()
}

// invalidate drops the entries of the given stories and all listings.
func (c *cache) invalidate(stories ...string) {
	drop := make(map[string]bool, len(stories))
	for _, s := range stories {
		drop[s] = true
	}
	c.mu.Lock()
	for k, e := range c.m {
		if e.story == "" || drop[e.story] || strings.HasPrefix(k, "list:") {
			delete(c.m, k)
		}
	}
	c.mu.Unlock()
}
