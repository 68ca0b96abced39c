// Package component is a library's state store with no main package in
// sight (dapr's components-contrib): a pool kept in an unexported field
// of a receiver is decided here, since only this package can limit it.
package component

import (
	"database/sql"

	"component/cleanup"
)

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

// Twin: an accessor hands the pool out, through an interface of the
// package, and whoever gets it may limit it: the program's main package
// decides.
type sharedStore struct{ db *sql.DB }

func (a *sharedStore) Init(dsn string) error {
	db, err := sql.Open("sqlite", dsn)
	a.db = db
	return err
}

func (a *sharedStore) DB() *sql.DB { return a.db }

// DBer names DB: other packages reach sharedStore's accessor through it.
type DBer interface{ DB() *sql.DB }

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

// The pool also feeds the module's garbage collector through an interface
// that cannot limit it and a local migrations struct, and the only accessor
// is a method of the unexported type that no interface names (dapr
// v1.12.0's state/sqlite): nothing outside can limit it.
type gcStore struct {
	db *sql.DB
	gc *cleanup.GC
}

func (a *gcStore) Init(dsn string) error {
	db, err := sql.Open("sqlite", dsn) // want `pool opened by sql.Open in component.gcStore.Init is never limited`
	if err != nil {
		return err
	}
	a.db = db
	m := &migrations{Conn: a.db}
	if err := m.Perform(); err != nil {
		return err
	}
	a.gc = cleanup.Schedule(cleanup.Options{DB: a.db})
	return nil
}

// GetConnection returns the pool, for tests.
func (a *gcStore) GetConnection() *sql.DB { return a.db }

func (a *gcStore) Get(k string) (v string, err error) {
	err = a.db.QueryRow("SELECT v FROM state WHERE k = ?", k).Scan(&v)
	return v, err
}

// Set hands the pool to a helper that takes any querier, a pool or a
// transaction: an interface that cannot limit it.
func (a *gcStore) Set(k, v string) error { return a.doSet(a.db, k, v) }

type querier interface {
	Exec(query string, args ...any) (sql.Result, error)
}

func (a *gcStore) doSet(db querier, k, v string) error {
	_, err := db.Exec("INSERT INTO state (k, v) VALUES (?, ?)", k, v)
	return err
}

type migrations struct{ Conn *sql.DB }

func (m *migrations) Perform() error {
	_, err := m.Conn.Exec("CREATE TABLE IF NOT EXISTS state (k TEXT, v TEXT)")
	return err
}

// Twin: the fix of dapr v1.13.0, an in-memory pool limited to one
// connection.
type memStore struct {
	db *sql.DB
	gc *cleanup.GC
}

func (a *memStore) Init(dsn string, memory bool) error {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return err
	}
	if memory {
		db.SetMaxOpenConns(1)
	}
	a.db = db
	a.gc = cleanup.Schedule(cleanup.Options{DB: a.db})
	return nil
}

func (a *memStore) Get(k string) (v string, err error) {
	err = a.db.QueryRow("SELECT v FROM state WHERE k = ?", k).Scan(&v)
	return v, err
}

// Twin: the collector's field can limit the pool (its interface has
// SetMaxOpenConns): the pool is lost to this analysis.
type tunedStore struct {
	db *sql.DB
	gc *cleanup.GC
}

func (a *tunedStore) Init(dsn string) error {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return err
	}
	a.db = db
	a.gc = cleanup.Schedule(cleanup.Options{Tuned: a.db})
	return nil
}

func (a *tunedStore) Get(k string) (v string, err error) {
	err = a.db.QueryRow("SELECT v FROM state WHERE k = ?", k).Scan(&v)
	return v, err
}
