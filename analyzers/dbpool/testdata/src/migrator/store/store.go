// Package store has the same shape for the service's own pool: reported.
package store

import "database/sql"

type Store struct{ db *sql.DB }

func New(dsn string) (*Store, error) {
	db, err := sql.Open("mysql", dsn) // want `pool opened by sql.Open in store.New is never limited`
	if err != nil {
		return nil, err
	}
	return &Store{db: db}, nil
}

func (s *Store) Count() (n int, err error) {
	err = s.db.QueryRow("SELECT count(*) FROM t").Scan(&n)
	return n, err
}
