// Package store keeps the shop's orders in Postgres.
package store

import (
	"context"
	"database/sql"
	"os"

	_ "github.com/lib/pq" // the Postgres driver
)

// DSN returns the Postgres connection string for the configured database.
// Wrong: .env.example does not declare DB_PASSWORD, so a deployment made
// from it connects with an empty password.
func DSN() string {
	dsn := os.ExpandEnv("postgres://${DB_USER}:${DB_PASSWORD}@${DB_HOST}/${DB_NAME}?sslmode=disable")
	// The platform mounts the CA bundle and sets this for every service.
	if ca := os.Getenv("PGSSLROOTCERT"); ca != "" { //envvet:ignore envkeys set by the platform, not by deployments
		dsn += "&sslrootcert=" + ca
	}
	return dsn
}

// Open opens the pool of connections to the shop's database.
func Open() (*sql.DB, error) {
	return sql.Open("postgres", DSN())
}

// Store reads and writes the shop's tables.
type Store struct {
	db *sql.DB
}

// New returns a Store on the pool db.
func New(db *sql.DB) *Store {
	return &Store{db: db}
}

// Audit records an event in the audit log.
func (s *Store) Audit(ctx context.Context, event string) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO audit (event) VALUES ($1)", event)
	return err
}
