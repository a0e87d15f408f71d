package eval

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/crosscheck/crosscheck/internal/testutil"
)

func TestBoilerplateVisibleLines(t *testing.T) {
	tests := []struct {
		name, page string
		want       []string
	}{
		{"blocks", `<html><head><title>T</title></head><body><p>One <b>two</b></p><div>three<p>four</p>five</div></body></html>`, []string{"One two", "three", "four", "five"}},
		{"skips scripts", `<body><script>var x=1</script><style>p{}</style><noscript>js</noscript><p>kept</p></body>`, []string{"kept"}},
		{"list items", `<ul><li>a</li><li>b c</li></ul>`, []string{"a", "b c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := BoilerplateVisibleLines(tt.page); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRunBoilerplateBadPath(t *testing.T) {
	_, err := RunBoilerplate(context.Background(), BoilerplateOptions{Data: filepath.Join(t.TempDir(), "nope")})
	if !errors.Is(err, ErrBoilerplateNoData) {
		t.Fatalf("err = %v, want ErrBoilerplateNoData", err)
	}
}

// TestRunBoilerplateSynthetic builds a tiny seeds folder and checks that a
// chrome line counts as a true positive and body lines as kept.
func TestRunBoilerplateSynthetic(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"seeds", "gold"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	text := "Skip to main content\n\nA Headline About Things\n\n" +
		"The council voted on Tuesday to approve the new budget for the coming year.\n\n" +
		"Members said the plan would fund schools, roads and two new libraries in the city.\n\n" +
		"Share this article\n"
	gold := `{"documents":[{"file":"a.txt","title":"A Headline About Things","boilerplate_lines":[1,9]}]}`
	if err := os.WriteFile(filepath.Join(dir, "seeds", "a.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "gold", "seeds.gold.json"), []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := RunBoilerplate(context.Background(), BoilerplateOptions{Data: dir})
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]float64{"seeds_precision": 1, "seeds_recall": 1, "body_paragraphs_lost": 0, "seeds_title_ok": 1} {
		if got, ok := r.Get(key); !ok || got != want {
			t.Errorf("%s = %v (present %v), want %v", key, got, ok, want)
		}
	}
}

// TestRunBoilerplateShared runs the real data: every seed boilerplate line
// removed, no body line lost, and the pages scored.
func TestRunBoilerplateShared(t *testing.T) {
	dir := testutil.SharedDir()
	if dir == "" {
		t.Skip("shared data folder not found")
	}
	r, err := RunBoilerplate(context.Background(), BoilerplateOptions{Data: dir})
	if err != nil {
		t.Fatal(err)
	}
	if testing.Verbose() {
		for _, n := range r.Notes {
			t.Log(n)
		}
		t.Log(r.Line())
	}
	if v, _ := r.Get("seeds_recall"); v != 1 {
		t.Errorf("seeds_recall = %v, want 1", v)
	}
	if v, _ := r.Get("body_paragraphs_lost"); v != 0 {
		t.Errorf("body_paragraphs_lost = %v, want 0", v)
	}
	if v, ok := r.Get("pages_f1"); ok && v < 0.5 {
		t.Errorf("pages_f1 = %v, want >= 0.5", v)
	}
}
