package cluster

// Forget brings a Clusterer made by Restore up to date with a store that
// other writers changed since it last read or wrote it, keeping what they
// did not change: m is the store's global state; stories, df and posted
// name the stories written, the terms whose document frequency changed
// and the terms posted under since (store.ClusterChangeLog). What it
// drops is read again on demand (Needs), as after Restore; what it keeps
// is, to the last bit, what the store holds, so decisions are those of a
// Clusterer restored afresh. A story merged into a dropped one is dropped
// too (it leads to it), and so are the loaded postings of every term that
// names a dropped story. Call it only when TakeDelta has just been called.
// It returns the ids of the stories dropped; it is a no-op on a Clusterer
// made by New.
func (c *Clusterer) Forget(m Meta, stories, df, posted []string) []string {
	if !c.lazy {
		return nil
	}
	c.n, c.next, c.posts, c.latest = m.N, m.Next, m.Posts, m.Latest
	for _, t := range df {
		delete(c.df, t)
	}
	if len(df) > 0 {
		// A kept story may name a term dropped here: Needs checks
		// its frequencies again.
		for _, s := range c.stories {
			s.dfOK = false
		}
	}
	for _, t := range posted {
		c.unload(t)
	}
	gone := map[*story]bool{}
	for _, id := range stories {
		if s := c.stories[id]; s != nil {
			gone[s] = true
		}
	}
	if len(gone) == 0 {
		return nil
	}
	for grew := true; grew; {
		grew = false
		for _, s := range c.stories {
			if !gone[s] && s.mergedTo != nil && gone[s.mergedTo] {
				gone[s], grew = true, true
			}
		}
	}
	ids := make([]string, 0, len(gone))
	for s := range gone {
		delete(c.stories, s.id)
		if s.head {
			c.heads--
		}
		ids = append(ids, s.id)
	}
	for t, list := range c.index {
		for _, s := range list {
			if gone[s] {
				c.unload(t)
				break
			}
		}
	}
	return ids
}

// unload drops term t's postings from memory: they are read again when
// a decision scans t.
func (c *Clusterer) unload(t string) {
	delete(c.loaded, t)
	delete(c.index, t)
}
