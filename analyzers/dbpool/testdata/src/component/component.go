// Package component is a library's state store with no main package in
// sight (dapr's components-contrib): a pool kept in an unexported field
// of a receiver is decided here, since only this package can limit it.
package component

import "database/sql"

type sqliteStore struct{ db *sql.DB }

func (a *sqliteStore) Init(dsn string) error {
	db, err := sql.Open("sqlite", dsn) // want `pool opened by sql.Open in component.sqliteStore.Init is never limited`
	if err != nil {
		return err
	}
	a.db = db
	return a.db.Ping()
}

func (a *sqliteStore) Get(k string) (v string, err error) {
	err = a.db.QueryRow("SELECT v FROM state WHERE k = ?", k).Scan(&v)
	return v, err
}

// Twin: a method of the package limits the field.
type limitedStore struct{ db *sql.DB }

func (a *limitedStore) Init(dsn string) error {
	db, err := sql.Open("sqlite", dsn)
	a.db = db
	a.db.SetMaxOpenConns(1)
	return err
}

func (a *limitedStore) Get(k string) (v string, err error) {
	err = a.db.QueryRow("SELECT v FROM state WHERE k = ?", k).Scan(&v)
	return v, err
}

// Twin: an accessor hands the pool out, and whoever gets it may limit it:
// the program's main package decides.
type sharedStore struct{ db *sql.DB }

func (a *sharedStore) Init(dsn string) error {
	db, err := sql.Open("sqlite", dsn)
	a.db = db
	return err
}

func (a *sharedStore) DB() *sql.DB { return a.db }

func (a *sharedStore) Get(k string) (v string, err error) {
	err = a.db.QueryRow("SELECT v FROM state WHERE k = ?", k).Scan(&v)
	return v, err
}

// Twin: an exported field can be limited from anywhere: main decides.
type PublicStore struct{ DB *sql.DB }

func (a *PublicStore) Init(dsn string) error {
	db, err := sql.Open("sqlite", dsn)
	a.DB = db
	return err
}

func (a *PublicStore) Get(k string) (v string, err error) {
	err = a.DB.QueryRow("SELECT v FROM state WHERE k = ?", k).Scan(&v)
	return v, err
}
