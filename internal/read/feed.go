package read

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/mmcdole/gofeed"
)

// xmlPrologRE matches an XML declaration at the start of a document
// (`<?xml version="1.0" encoding="ISO-8859-1"?>`), replaced once the
// document has been converted to UTF-8.
var xmlPrologRE = regexp.MustCompile(`^\s*<\?xml[^>]*\?>`)

// utf8Prolog is the declaration of a document converted to UTF-8.
const utf8Prolog = `<?xml version="1.0" encoding="UTF-8"?>`

// feed reads an RSS or Atom document: one Raw per item, with the item's
// title, link, publication date and the feed's title as outlet; the HTML is
// the item's content (content:encoded, Atom content) or else its
// description/summary.
func (r *Reader) feed(name string, data []byte, fn emitFunc) error {
	s, err := decode(data, kindXML, "")
	if err != nil {
		return skip(fn, name, err, "")
	}
	s = xmlPrologRE.ReplaceAllLiteralString(s, utf8Prolog)
	f, err := gofeed.NewParser().ParseString(s)
	if err != nil {
		return skip(fn, name, ErrMalformed, "feed: "+err.Error())
	}
	if len(f.Items) == 0 {
		return skip(fn, name, ErrEmpty, "feed has no items")
	}
	outlet := strings.TrimSpace(f.Title)
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		link := strings.TrimSpace(it.Link)
		input := link
		if input == "" {
			input = name + "#" + strconv.Itoa(i+1)
		}
		html := it.Content
		if strings.TrimSpace(html) == "" {
			html = it.Description
		}
		if strings.TrimSpace(html) == "" {
			if err := skip(fn, input, ErrEmpty, "feed item has no content or description"); err != nil {
				return err
			}
			continue
		}
		raw := news.Raw{
			Input:     input,
			URL:       link,
			Outlet:    outlet,
			Title:     strings.TrimSpace(it.Title),
			Published: itemDate(it),
			HTML:      html,
			Bytes:     []byte(html),
		}
		if err := fn(raw, nil); err != nil {
			return err
		}
	}
	return nil
}

// itemDate is the item's publication date as RFC 3339 when the feed's date
// could be parsed, else as written; the update date when there is none.
func itemDate(it *gofeed.Item) string {
	switch {
	case it.PublishedParsed != nil:
		return it.PublishedParsed.Format(time.RFC3339)
	case strings.TrimSpace(it.Published) != "":
		return strings.TrimSpace(it.Published)
	case it.UpdatedParsed != nil:
		return it.UpdatedParsed.Format(time.RFC3339)
	}
	return strings.TrimSpace(it.Updated)
}
