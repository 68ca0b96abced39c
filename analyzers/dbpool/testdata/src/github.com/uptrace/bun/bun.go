// Package bun is a stub of github.com/uptrace/bun: only the surface dbpool's tests use.
package bun

import "database/sql"

type noCopyState struct {
	*sql.DB
	dialect string
}

type DB struct {
	*noCopyState
}

func NewDB(sqldb *sql.DB, dialect string) *DB {
	return &DB{noCopyState: &noCopyState{DB: sqldb, dialect: dialect}}
}

func (db *DB) NewSelect() error { _, err := db.DB.Query("SELECT 1"); return err }
