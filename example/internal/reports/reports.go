// Package reports serves sales figures from the SQLite file that the
// nightly export writes.
package reports

import (
	"database/sql"
	"fmt"
	"net/http"

	// Wrong: go-sqlite3 uses cgo, and releases are built with CGO_ENABLED=0
	// (.env.example), where its driver fails every Open. modernc.org/sqlite
	// is pure Go.
	_ "github.com/mattn/go-sqlite3"
)

// Handler serves today's sales total from the SQLite file at path.
func Handler(path string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		// Wrong: a new pool, and new connections, on every request. Open it
		// once, next to the handler, and share it.
		db, err := sql.Open("sqlite3", path)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer db.Close()
		var total int64
		err = db.QueryRowContext(r.Context(), "SELECT total(amount) FROM sales WHERE day = date('now')").Scan(&total)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		fmt.Fprintf(w, "%d\n", total)
	}
}
