// Package store holds the program's database pool.
package store

import "database/sql"

// DB is the pool every package uses.
var DB *sql.DB

// Open opens DB.
func Open(dsn string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	DB = db
	return nil
}
