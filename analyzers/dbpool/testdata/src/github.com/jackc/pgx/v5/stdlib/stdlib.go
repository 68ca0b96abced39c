// Package stdlib is a stub of github.com/jackc/pgx/v5/stdlib.
package stdlib

import (
	"database/sql"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type OptionOpenDB func()

func OpenDB(config pgx.ConnConfig, opts ...OptionOpenDB) *sql.DB      { return sql.OpenDB(nil) }
func OpenDBFromPool(pool *pgxpool.Pool, opts ...OptionOpenDB) *sql.DB { return sql.OpenDB(nil) }
