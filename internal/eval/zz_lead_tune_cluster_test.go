package eval

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/cluster"
	"github.com/crosscheck/crosscheck/internal/rouge"
)

func TestLeadTuneCluster(t *testing.T) {
	for _, data := range []string{"/work/shared/data/clustering/basil-dev.jsonl", "/work/shared/data/mds/multinews-dev.jsonl"} {
		for _, join := range []float64{0.1, 0.15, 0.2, 0.25, 0.3} {
			for _, win := range []int{3, 7} {
				fn := func(ctx context.Context, docs []ClusterDoc) ([]string, error) {
					c := cluster.New(cluster.Options{BodyWords: 1000, Join: join, Window: time.Duration(win) * 24 * time.Hour, Stem: rouge.Stem})
					var out []string
					for i, d := range docs {
						tm, _ := time.Parse("2006-01-02", d.Date)
						a := c.Add(cluster.Doc{ID: fmt.Sprint(i), Title: d.Title, Body: d.Text, Time: tm})
						out = append(out, a.Story)
					}
					for i := range out {
						out[i] = c.Story(out[i])
					}
					return out, nil
				}
				r, err := RunCluster(context.Background(), ClusterOptions{Data: data, Cluster: fn, Seed: 1})
				if err != nil {
					t.Fatal(err)
				}
				f, _ := r.Get("bcubed_f")
				pf, _ := r.Get("pairwise_f")
				bp, _ := r.Get("bcubed_p"); br, _ := r.Get("bcubed_r"); t.Logf("%s join=%.2f win=%d bcubed_f=%.4f p=%.3f r=%.3f pairwise_f=%.4f", data[strings.LastIndex(data, "/")+1:], join, win, f, bp, br, pf)
			}
		}
	}
}
