// Package store builds the database connection string.
package store

import "os"

// DSN returns the Postgres connection string for the configured database.
func DSN() string {
	dsn := os.ExpandEnv("postgres://${DB_USER}:${DB_PASSWORD}@${DB_HOST}/${DB_NAME}?sslmode=disable")
	// The platform mounts the CA bundle and sets this for every service.
	if ca := os.Getenv("PGSSLROOTCERT"); ca != "" { //envvet:ignore envkeys set by the platform, not by deployments
		dsn += "&sslrootcert=" + ca
	}
	return dsn
}
