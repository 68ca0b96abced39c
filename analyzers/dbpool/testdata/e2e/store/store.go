// Package store holds the service's one pool.
package store

import "database/sql"

var DB *sql.DB

func Init(dsn string) error {
	var err error
	DB, err = sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	DB.SetMaxOpenConns(20)
	return nil
}

// Open returns a pool for the caller to configure.
func Open(dsn string) (*sql.DB, error) { return sql.Open("postgres", dsn) }
