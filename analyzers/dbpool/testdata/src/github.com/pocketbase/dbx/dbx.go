// Package dbx is a stub of github.com/pocketbase/dbx: only the surface dbpool's tests use.
package dbx

import "database/sql"

type DB struct{ sqlDB *sql.DB }

type Query struct{ db *DB }

func NewFromDB(sqlDB *sql.DB, driverName string) *DB { return &DB{sqlDB: sqlDB} }

func Open(driverName, dsn string) (*DB, error) {
	db, err := sql.Open(driverName, dsn)
	if err != nil {
		return nil, err
	}
	return NewFromDB(db, driverName), nil
}

func MustOpen(driverName, dsn string) (*DB, error) {
	db, err := Open(driverName, dsn)
	if err != nil {
		return nil, err
	}
	return db, db.sqlDB.Ping()
}

// DB returns the *sql.DB pool under the dbx handle.
func (db *DB) DB() *sql.DB { return db.sqlDB }

func (db *DB) Close() error { return db.sqlDB.Close() }

func (db *DB) NewQuery(sql string) *Query { return &Query{db: db} }

func (q *Query) Execute() (sql.Result, error) { return q.db.sqlDB.Exec("SELECT 1") }
