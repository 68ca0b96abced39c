// No report: the manifest found first (offpolicy/.env.example) lets cgo on.

//go:build cgo

// Package stubbed keeps its sqlite driver in a file built only with cgo,
// and a stub for the build without it, as kine v0.6.0 did.
package stubbed

import "database/sql"

type Store struct{ db *sql.DB }

func Open(dsn string) (*Store, error) {
	db, err := sql.Open("sqlite3", dsn)
	return &Store{db: db}, err
}

func (s *Store) Get(key string) (string, error) {
	var v string
	err := s.db.QueryRow("SELECT v FROM kv WHERE k = ?", key).Scan(&v)
	return v, err
}
