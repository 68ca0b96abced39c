// Package settings is production code whose file imports testing only to
// ask testing.Testing() (a different default under go test): it is not
// test support, and its pool serves.
package settings

import (
	"database/sql"
	"testing"
)

// DB keeps the program's pool.
type DB struct{ pool *sql.DB }

// Open opens the program's pool, on a scratch schema under go test.
func Open(dsn string) (*DB, error) {
	db, err := sql.Open("postgres", dsn) // want `pool opened by sql.Open in settings.Open is never limited`
	if err != nil {
		return nil, err
	}
	if testing.Testing() {
		db.Exec("SET search_path TO scratch")
	}
	return &DB{pool: db}, nil
}

func (d *DB) Get(k string) (v string, err error) {
	err = d.pool.QueryRow("SELECT v FROM kv WHERE k = $1", k).Scan(&v)
	return v, err
}
