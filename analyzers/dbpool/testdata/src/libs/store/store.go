// Package store opens pools through the libraries that wrap *sql.DB.
package store

import (
	"database/sql"

	entsql "entgo.io/ent/dialect/sql"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/jmoiron/sqlx"
	"github.com/pocketbase/dbx"
	"github.com/uptrace/bun"

	migratepgx "github.com/golang-migrate/migrate/v4/database/pgx/v5"
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

// OpenBun wraps a fresh pool in bun.
func OpenBun(dsn string) *bun.DB {
	sqldb, _ := sql.Open("postgres", dsn)
	return bun.NewDB(sqldb, "pg")
}

// Migrate hands a pool to golang-migrate, which runs one statement at a
// time (as acaloiaro/neoq does): not a pool under load.
func Migrate(cfg pgx.ConnConfig) error {
	db := stdlib.OpenDB(cfg)
	drv, err := migratepgx.WithInstance(db, &migratepgx.Config{})
	if err != nil {
		return err
	}
	return drv.Run()
}

// OpenDbx returns a fresh pool opened by pocketbase/dbx (as pocketbase's
// connectDB does before v0.7.10).
func OpenDbx(path string) (*dbx.DB, error) { return dbx.MustOpen("sqlite", path) }

// OpenDbxLimited limits its dbx pool through DB() (pocketbase v0.7.10): fine.
func OpenDbxLimited(path string) (*dbx.DB, error) {
	db, err := dbx.Open("sqlite", path)
	if err != nil {
		return nil, err
	}
	db.DB().SetMaxOpenConns(500)
	return db, nil
}

// WrapDbx wraps a fresh pool in dbx.
func WrapDbx(dsn string) *dbx.DB {
	sqldb, _ := sql.Open("postgres", dsn)
	return dbx.NewFromDB(sqldb, "postgres")
}
