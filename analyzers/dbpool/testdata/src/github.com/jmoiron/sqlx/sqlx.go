// Package sqlx is a stub of github.com/jmoiron/sqlx: only the surface
// dbpool's tests use. Like the real one, it opens the pool with sql.Open
// and keeps it in an embedded field: dbpool must report at the user's
// call, never in here.
package sqlx

import (
	"context"
	"database/sql"
)

type DB struct {
	*sql.DB
	driverName string
}

func Open(driverName, dataSourceName string) (*DB, error) {
	db, err := sql.Open(driverName, dataSourceName)
	if err != nil {
		return nil, err
	}
	return &DB{DB: db, driverName: driverName}, err
}

func Connect(driverName, dataSourceName string) (*DB, error) {
	db, err := Open(driverName, dataSourceName)
	if err != nil {
		return nil, err
	}
	err = db.Ping()
	return db, err
}

func ConnectContext(ctx context.Context, driverName, dataSourceName string) (*DB, error) {
	return Connect(driverName, dataSourceName)
}

func MustConnect(driverName, dataSourceName string) *DB {
	db, err := Connect(driverName, dataSourceName)
	if err != nil {
		panic(err)
	}
	return db
}

func NewDb(db *sql.DB, driverName string) *DB { return &DB{DB: db, driverName: driverName} }

func (db *DB) Get(dest any, query string, args ...any) error {
	return db.DB.QueryRow(query, args...).Scan(dest)
}

func (db *DB) Select(dest any, query string, args ...any) error {
	_, err := db.DB.Query(query, args...)
	return err
}
