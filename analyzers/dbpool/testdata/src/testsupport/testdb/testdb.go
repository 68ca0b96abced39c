// Package testdb creates databases for tests (trillian's storage/testdb).
// Its file imports testing: the pools it opens are tests' pools.
package testdb

import (
	"database/sql"
	"testing"
)

// NewDB opens a pool on a fresh test database and returns it.
func NewDB(dsn string) (*sql.DB, error) {
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		return nil, err
	}
	_, err = db.Exec("CREATE DATABASE test")
	return db, err
}

// SkipIfNoDB is a test helper.
func SkipIfNoDB(t *testing.T) { t.Skip("no database") }
