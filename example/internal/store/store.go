// Package store builds the database connection string.
package store

import "os"

// DSN returns the Postgres connection string for the configured database.
func DSN() string {
	return os.ExpandEnv("postgres://${DB_USER}:${DB_PASSWORD}@${DB_HOST}/${DB_NAME}?sslmode=disable")
}
