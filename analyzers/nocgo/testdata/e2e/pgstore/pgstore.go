// Package pgstore uses a pure-Go driver (which imports net and os/user):
// nothing to report.
package pgstore

import (
	"database/sql"

	_ "github.com/lib/pq"
)

// Open opens the database.
func Open(url string) (*sql.DB, error) { return sql.Open("postgres", url) }
