package main

import (
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"libs/store"
)

func main() {
	store.InitX("dsn")
	store.CountX()
	store.InitY("dsn")
	store.CountY()

	db := store.OpenPgx(pgx.ConnConfig{}) // want `pool opened by stdlib.OpenDB in store.OpenPgx is never limited`
	db.Exec("SELECT 1")

	p, _ := pgxpool.New("dsn")
	bounded := store.OpenPgxPool(p)
	bounded.Exec("SELECT 1")

	drv, _ := store.OpenEnt("dsn") // want `pool opened by entsql.Open in store.OpenEnt is never limited`
	drv.Query("SELECT 1")

	// Configured through the driver's DB(): fine.
	drv2, _ := store.OpenEnt("dsn")
	drv2.DB().SetMaxOpenConns(10)
	drv2.Query("SELECT 1")

	b := store.OpenBun("dsn") // want `pool opened by sql.Open in store.OpenBun is never limited`
	b.NewSelect()

	// Limited through bun's embedded *sql.DB: fine.
	b2 := store.OpenBun("dsn")
	b2.SetMaxOpenConns(8)
	b2.NewSelect()

	x, _ := store.OpenDbx("data.db") // want `pool opened by dbx.MustOpen in store.OpenDbx is never limited`
	x.NewQuery("SELECT 1").Execute()

	// Limited through dbx's DB() accessor: fine.
	x2, _ := store.OpenDbxLimited("data.db")
	x2.NewQuery("SELECT 1").Execute()

	w := store.WrapDbx("dsn") // want `pool opened by sql.Open in store.WrapDbx is never limited`
	w.NewQuery("SELECT 1").Execute()

	// The wrapped pool limited through DB(): fine.
	w2 := store.WrapDbx("dsn")
	w2.DB().SetMaxOpenConns(8)
	w2.NewQuery("SELECT 1").Execute()

	// Opened, used once and closed: a one-shot, not a pool under load.
	x3, _ := store.OpenDbx("other.db")
	x3.NewQuery("VACUUM").Execute()
	x3.Close()

	store.Migrate(pgx.ConnConfig{})
}
