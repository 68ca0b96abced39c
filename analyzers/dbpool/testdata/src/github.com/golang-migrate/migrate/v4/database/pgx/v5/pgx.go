// Package pgx is a stub of golang-migrate's pgx/v5 database driver.
package pgx

import "database/sql"

type Config struct{ MigrationsTable string }

type Postgres struct {
	db     *sql.DB
	config *Config
}

type Driver interface{ Run() error }

func WithInstance(instance *sql.DB, config *Config) (Driver, error) {
	return &Postgres{db: instance, config: config}, nil
}

func (p *Postgres) Run() error { _, err := p.db.Exec("SELECT 1"); return err }
