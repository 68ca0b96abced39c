// Package store opens pools through the libraries that wrap *sql.DB.
package store

import (
	"database/sql"

	entsql "entgo.io/ent/dialect/sql"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/jmoiron/sqlx"
)

var X *sqlx.DB

// InitX keeps an sqlx pool that nothing limits.
func InitX(dsn string) {
	X = sqlx.MustConnect("postgres", dsn) // main wants `pool opened by sqlx.MustConnect in store.InitX and kept in store.X is never limited`
}

func CountX() { X.Get(nil, "SELECT count(*) FROM t") }

var Y *sqlx.DB

// InitY limits its sqlx pool through the wrapper: fine.
func InitY(dsn string) {
	Y = sqlx.MustConnect("postgres", dsn)
	Y.SetMaxOpenConns(5)
}

func CountY() { Y.Get(nil, "SELECT count(*) FROM t") }

// OpenPgx returns a fresh pool opened by pgx's stdlib.
func OpenPgx(cfg pgx.ConnConfig) *sql.DB { return stdlib.OpenDB(cfg) }

// OpenPgxPool returns a *sql.DB drawing on a pgxpool, which bounds it.
func OpenPgxPool(p *pgxpool.Pool) *sql.DB { return stdlib.OpenDBFromPool(p) }

// OpenEnt returns an ent driver: a pool the caller configures through DB().
func OpenEnt(dsn string) (*entsql.Driver, error) { return entsql.Open("postgres", dsn) }
