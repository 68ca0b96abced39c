// Package migrations is the program's own schema migrator (spicedb's
// internal/datastore/mysql/migrations): its pool runs one statement after
// another and is not reported.
package migrations

import "database/sql"

type Driver struct{ db *sql.DB }

func NewDriver(dsn string) (*Driver, error) {
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		return nil, err
	}
	return &Driver{db: db}, nil
}

func (d *Driver) Version() (string, error) {
	var v string
	err := d.db.QueryRow("SELECT version FROM schema_version").Scan(&v)
	return v, err
}
