// Package integration starts a server on a test database for integration
// tests (trillian's testonly/integration). Its own file does not import
// testing; the pool comes from testdb, which does.
package integration

import (
	"database/sql"

	"testsupport/store"
	"testsupport/testdb"
)

// Env is a test environment: a server's storage on a test database.
type Env struct{ DB *sql.DB }

// NewEnv keeps a test database's pool in the environment it returns.
func NewEnv() (*Env, error) {
	db, err := testdb.NewDB("dsn")
	if err != nil {
		return nil, err
	}
	return &Env{DB: db}, nil
}

func (e *Env) Query() { e.DB.Exec("SELECT 1") }

// Server is the twin: the same shape on the module's own store, whose
// opener is not test support.
type Server struct{ DB *sql.DB }

func NewServer() (*Server, error) {
	db, err := store.Open("dsn") // main wants `pool opened by sql.Open in store.Open and kept in integration.Server.DB is never limited`
	if err != nil {
		return nil, err
	}
	return &Server{DB: db}, nil
}
