package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
)

// childEnv names the database a re-executed test binary writes to until it
// is killed.
const childEnv = "CROSSCHECK_SQLITE_KILL_CHILD"

// TestKillDurability re-runs this test binary as a writer, SIGKILLs it
// mid-stream and checks that every article it reported added is in the
// reopened file, which passes SQLite's integrity check.
func TestKillDurability(t *testing.T) {
	if path := os.Getenv(childEnv); path != "" {
		killChild(path)
		return
	}
	if testing.Short() {
		t.Skip("spawns a writer process")
	}
	path := filepath.Join(t.TempDir(), "kill.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillDurability$")
	cmd.Env = append(os.Environ(), childEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	const want = 300
	var reported []string
	sc := bufio.NewScanner(out)
	for sc.Scan() && len(reported) < want {
		if id, ok := strings.CutPrefix(sc.Text(), "added "); ok {
			reported = append(reported, id)
		}
	}
	cmd.Process.Kill() // SIGKILL: no deferred Close, no checkpoint
	cmd.Wait()
	if len(reported) < want {
		t.Fatalf("writer reported only %d articles before exiting", len(reported))
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var check string
	if err := s.r.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check = %q, %v", check, err)
	}
	for _, id := range reported {
		if _, err := s.Article(context.Background(), id); err != nil {
			t.Errorf("reported-added article %s lost: %v", id, err)
		}
	}
}

// killChild writes articles forever, printing each id once PutArticle has
// returned; it is killed by its parent.
func killChild(path string) {
	s, err := Open(context.Background(), path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	for i := 0; ; i++ {
		text := fmt.Sprintf("Article number %d about the harbour.", i)
		raw := news.Raw{Input: fmt.Sprint(i), Text: text, Bytes: []byte(text)}
		a := &news.Article{Title: fmt.Sprint("T", i), Paragraphs: []string{text}}
		id, added, err := s.PutArticle(context.Background(), raw, a)
		if err != nil || !added {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Println("added", id) // os.Stdout is unbuffered
	}
}
