// Package sqlx is a stub of github.com/jmoiron/sqlx: only the surface dbpool's tests use.
package sqlx

import (
	"context"
	"database/sql"
)

type DB struct {
	*sql.DB
	driverName string
}

func Open(driverName, dataSourceName string) (*DB, error)    { return nil, nil }
func Connect(driverName, dataSourceName string) (*DB, error) { return nil, nil }
func ConnectContext(ctx context.Context, driverName, dataSourceName string) (*DB, error) {
	return nil, nil
}
func MustConnect(driverName, dataSourceName string) *DB { return nil }
func NewDb(db *sql.DB, driverName string) *DB           { return &DB{DB: db, driverName: driverName} }

func (db *DB) Get(dest any, query string, args ...any) error    { return nil }
func (db *DB) Select(dest any, query string, args ...any) error { return nil }
