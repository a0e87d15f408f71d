package testutil

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// SeedsGold is ../shared/gold/seeds.gold.json: what a correct analysis of
// the two seed articles contains. Every reader of the gold file uses this
// one type.
type SeedsGold struct {
	Documents []struct {
		File             string   `json:"file"`
		OutletFromText   *string  `json:"outlet_from_text"`
		Title            string   `json:"title"`
		Byline           []string `json:"byline"`
		Dateline         string   `json:"dateline"`
		BoilerplateLines []int    `json:"boilerplate_lines"`
		CaptionLines     []int    `json:"caption_lines"`
		CreditText       []string `json:"credit_text"`
		MisleadingDates  []string `json:"misleading_dates"`
		BodyFirstWords   string   `json:"body_first_words"`
		BodyLastWords    string   `json:"body_last_words"`
		BodyParagraphs   int      `json:"body_paragraphs"`
	} `json:"documents"`
	EventDate string `json:"event_date"`
	Quotes    []struct {
		Doc     string `json:"doc"`
		Speaker string `json:"speaker"`
		Text    string `json:"text"`
		Partial bool   `json:"partial"`
	} `json:"quotes"`
	NotQuotes []struct {
		Doc  string `json:"doc"`
		Text string `json:"text"`
	} `json:"not_quotes"`
	SharedQuotes []struct {
		Speaker  string            `json:"speaker"`
		Variants map[string]string `json:"variants"`
		Verdict  string            `json:"verdict"`
	} `json:"shared_quotes"`
	Discrepancies []SeedDiscrepancy `json:"discrepancies"`
	Timeline      []struct {
		When string `json:"when"`
		What string `json:"what"`
		Doc  string `json:"doc"`
	} `json:"timeline"`
	People []string `json:"people"`
}

// ReadSeedsGold parses the gold file at path.
func ReadSeedsGold(path string) (*SeedsGold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("seeds gold: %w", err)
	}
	var g SeedsGold
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("seeds gold: %s: %w", path, err)
	}
	return &g, nil
}

// SeedDiscrepancy is one gold discrepancy of the seeds: its kind and, per
// document prefix ("000", "004"), the words of that document's sentence,
// alternatives separated by " / ".
type SeedDiscrepancy struct {
	About string
	Kind  string
	Sides map[string][]string
}

// UnmarshalJSON reads {"about", "kind", "<doc>": "words / words", ...}.
func (d *SeedDiscrepancy) UnmarshalJSON(b []byte) error {
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	d.About, d.Kind, d.Sides = m["about"], m["kind"], map[string][]string{}
	for k, v := range m {
		if k == "about" || k == "kind" {
			continue
		}
		for _, alt := range strings.Split(v, " / ") {
			if alt = strings.TrimSpace(alt); alt != "" {
				d.Sides[k] = append(d.Sides[k], alt)
			}
		}
	}
	return nil
}
