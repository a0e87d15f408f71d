package read

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
)

const tinyFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Example Daily</title>
<item><title>Council votes</title><link>https://example.org/a</link><description>&lt;p&gt;The council voted on the budget.&lt;/p&gt;</description></item>
</channel></rss>`

func TestURLInputs(t *testing.T) {
	fetchErr := errors.New("connection refused")
	tests := []struct {
		name    string
		fetch   func(context.Context, string) ([]byte, string, error)
		wantErr error
		titles  []string
	}{
		{"no fetcher", nil, ErrNotFound, nil},
		{"fetch fails", func(context.Context, string) ([]byte, string, error) { return nil, "", fetchErr }, ErrIO, nil},
		{"feed body", func(context.Context, string) ([]byte, string, error) {
			return []byte(tinyFeed), "application/rss+xml", nil
		}, nil, []string{"Council votes"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := New(Options{Fetch: tc.fetch})
			var titles []string
			var gotErr error
			err := r.Each(context.Background(), []string{"https://example.org/feed.xml?x=1"}, func(raw news.Raw, err error) error {
				if err != nil {
					gotErr = err
					return nil
				}
				titles = append(titles, raw.Title)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if tc.wantErr != nil && !errors.Is(gotErr, tc.wantErr) {
				t.Errorf("skip error = %v, want %v", gotErr, tc.wantErr)
			}
			if strings.Join(titles, "|") != strings.Join(tc.titles, "|") {
				t.Errorf("titles = %v, want %v", titles, tc.titles)
			}
		})
	}
}

func TestEachStream(t *testing.T) {
	r := New(Options{Outlet: "Given"})
	var got []news.Raw
	err := r.EachStream(context.Background(), "upload.txt", strings.NewReader("Plain text of an article."), func(raw news.Raw, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, raw)
		return nil
	})
	if err != nil || len(got) != 1 || got[0].Outlet != "Given" || got[0].Text == "" {
		t.Fatalf("EachStream = %+v, %v", got, err)
	}
}
