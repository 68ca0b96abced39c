// Package web has no pool of its own and no expression of a pool type:
// only the fact of export.All says that calling it opens one.
package web

import (
	"net/http"

	"percall/export"
)

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/export", func(w http.ResponseWriter, r *http.Request) {
		export.All() // want `export.All opens and closes its own pool \(sql.Open\) on every call, and is called on every request in the handler literal on line 12`
	})
}

// Once at start-up: fine.
func Init() { export.All() }
