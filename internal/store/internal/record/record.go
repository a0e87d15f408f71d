// Package record holds what both store backends do the same way around
// their SQL: the JSON documents they keep (raw input metadata, analysed
// article, briefing), argument validation, the values PutArticle writes,
// story-id resolution through merges and the lock order of a merge (over
// the backend's own lookups), the sequence of a clustering placement (over
// the backend's own steps), the plain SQL both run, and building news and
// store values from rows (through a row's Scan method, which database/sql
// and pgx share).
package record

import (
	"encoding/json"
	"fmt"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

// Body sources of a stored raw input: whether Raw.Text or Raw.HTML equals
// Raw.Bytes and was therefore left out of the metadata document.
const (
	BodyStored = 0 // Text/HTML are in the metadata (or empty)
	TextBytes  = 1 // Text == string(Bytes)
	HTMLBytes  = 2 // HTML == string(Bytes)
)

// EncodeRaw returns the metadata document of raw (everything but Bytes, with
// Text or HTML dropped when identical to Bytes, so a UTF-8 input is stored
// once) and the body source to record beside it.
func EncodeRaw(raw news.Raw) (meta []byte, from int, err error) {
	m := raw
	m.Bytes = nil
	if raw.Bytes != nil {
		switch {
		case raw.Text != "" && raw.Text == string(raw.Bytes):
			m.Text, from = "", TextBytes
		case raw.HTML != "" && raw.HTML == string(raw.Bytes):
			m.HTML, from = "", HTMLBytes
		}
	}
	meta, err = json.Marshal(m)
	if err != nil {
		return nil, 0, fmt.Errorf("record: encode raw %q: %w", raw.Input, err)
	}
	return meta, from, nil
}

// DecodeRaw reverses EncodeRaw.
func DecodeRaw(meta, bytes []byte, from int) (news.Raw, error) {
	var raw news.Raw
	if err := json.Unmarshal(meta, &raw); err != nil {
		return news.Raw{}, fmt.Errorf("record: decode raw: %w", err)
	}
	raw.Bytes = bytes
	switch from {
	case TextBytes:
		raw.Text = string(bytes)
	case HTMLBytes:
		raw.HTML = string(bytes)
	}
	return raw, nil
}

// EncodeArticle returns the article document with id and hash set, leaving
// a untouched.
func EncodeArticle(a *news.Article, id, hash string) ([]byte, error) {
	c := *a
	c.ID, c.Hash = id, hash
	doc, err := json.Marshal(&c)
	if err != nil {
		return nil, fmt.Errorf("record: encode article %q: %w", id, err)
	}
	return doc, nil
}

// DecodeArticle reverses EncodeArticle.
func DecodeArticle(doc []byte) (*news.Article, error) {
	a := new(news.Article)
	if err := json.Unmarshal(doc, a); err != nil {
		return nil, fmt.Errorf("record: decode article: %w", err)
	}
	a.JoinBody()
	return a, nil
}

// EncodeBriefing returns the briefing document; an error wrapping
// store.ErrInvalid when b is nil.
func EncodeBriefing(b *news.Briefing) ([]byte, error) {
	if b == nil {
		return nil, fmt.Errorf("record: nil briefing: %w", store.ErrInvalid)
	}
	doc, err := json.Marshal(b)
	if err != nil {
		return nil, fmt.Errorf("record: encode briefing: %w", err)
	}
	return doc, nil
}

// DecodeBriefing reverses EncodeBriefing.
func DecodeBriefing(doc []byte) (*news.Briefing, error) {
	b := new(news.Briefing)
	if err := json.Unmarshal(doc, b); err != nil {
		return nil, fmt.Errorf("record: decode briefing: %w", err)
	}
	return b, nil
}
