// Package sql is a stub of entgo.io/ent/dialect/sql: only the surface dbpool's tests use.
package sql

import "database/sql"

type Driver struct {
	db      *sql.DB
	dialect string
}

func Open(driver, source string) (*Driver, error) {
	db, err := sql.Open(driver, source)
	if err != nil {
		return nil, err
	}
	return &Driver{db: db, dialect: driver}, nil
}

func OpenDB(driver string, db *sql.DB) *Driver { return &Driver{db: db, dialect: driver} }

func (d Driver) DB() *sql.DB { return d.db }

func (d *Driver) Close() error { return d.db.Close() }

func (d *Driver) Query(q string) error { _, err := d.db.Query(q); return err }
