package fetch_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/crosscheck/crosscheck/internal/fetch"
)

func ExampleFetcher_Get() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"1"`)
		if r.Header.Get("If-None-Match") == `"1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, "<rss></rss>")
	}))
	defer srv.Close()

	// AllowPrivate only because the example server is on loopback.
	f := fetch.New(fetch.Options{AllowPrivate: true, PerHostInterval: -1})
	defer f.CloseIdleConnections()
	for range 2 {
		r, err := f.Get(context.Background(), srv.URL)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(r.Status, r.NotModified, len(r.Body))
	}

	// The default guard refuses internal addresses without connecting.
	_, err := fetch.New(fetch.Options{}).Get(context.Background(), "http://169.254.169.254/latest/meta-data/")
	fmt.Println(err)
	// Output:
	// 200 false 11
	// 304 true 0
	// fetch: forbidden address: 169.254.169.254 is link-local
}
