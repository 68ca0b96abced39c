// Package store uses the cgo SQLite driver: with CGO_ENABLED=0 it gets a
// stub that fails when the database is opened.
package store

import (
	"database/sql"

	_ "github.com/mattn/go-sqlite3"
)

// Open opens the database.
func Open(path string) (*sql.DB, error) { return sql.Open("sqlite3", path) }
