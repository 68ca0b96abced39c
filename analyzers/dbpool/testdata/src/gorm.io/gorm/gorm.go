// Package gorm is a stub of gorm.io/gorm: only the surface dbpool's tests use.
package gorm

import "database/sql"

type Dialector interface{ Name() string }

type Option interface{}

type Config struct{}

type DB struct{ Error error }

func Open(dialector Dialector, opts ...Option) (*DB, error) { return nil, nil }

// DB returns the *sql.DB pool under the gorm handle.
func (db *DB) DB() (*sql.DB, error) { return nil, nil }

func (db *DB) First(dest any, conds ...any) *DB { return db }
func (db *DB) Create(value any) *DB             { return db }
