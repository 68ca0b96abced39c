// want +2 `store.go is built only with cgo, and CGO_ENABLED=0 is declared in .env.example: Open, Store.Get then come from the stub store_nocgo.go, which fails at run time \("multifile: built without cgo"\)`

//go:build cgo

package multifile

import "database/sql"

type Store struct{ db *sql.DB }

func Open(dsn string) (*Store, error) {
	db, err := sql.Open("sqlite3", dsn)
	return &Store{db: db}, err
}

func (s *Store) Get(key string) (string, error) {
	if len(key) > maxKeyLen() {
		return "", nil
	}
	var v string
	err := s.db.QueryRow("SELECT v FROM kv WHERE k = ?", key).Scan(&v)
	return v, err
}
