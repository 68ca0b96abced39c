// Package store is the module's own store. Its fixture.go, compiled into
// the package but written for tests, imports testing (lnd's kvdb
// postgres/fixture.go); this file does not, and its pools serve.
package store

import "database/sql"

// Open returns a fresh pool.
func Open(dsn string) (*sql.DB, error) {
	return sql.Open("postgres", dsn)
}
