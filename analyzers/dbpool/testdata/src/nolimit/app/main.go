package main

import (
	"database/sql"

	"github.com/jmoiron/sqlx"

	"nolimit/cli"
	"nolimit/gormstore"
	"nolimit/legacy"
	"nolimit/legacy2"
	"nolimit/repo"
	"nolimit/store"
)

func main() {
	db1, _ := store.Open("dsn") // want `pool opened by sql.Open in store.Open is never limited`
	repo.New(db1).Find()

	// Configured by the caller it is returned to.
	db2, _ := store.Open("dsn")
	db2.SetMaxOpenConns(5)
	repo.New(db2)

	db3, _ := store.OpenLimited("dsn")
	repo.New(db3)

	// Limited by a function it is passed to.
	db4, _ := store.Open("dsn")
	repo.Configure(db4, 8)
	repo.New(db4)

	db5, _ := store.Wrapped("dsn") // want `pool opened by sql.Open in store.Open is never limited`
	db5.Ping()
	repo.New(db5)

	g, _ := gormstore.Open("dsn") // want `pool opened by gorm.Open in gormstore.Open is never limited`
	g.First(nil)

	// Limited through gorm's DB() accessor.
	g2, _ := gormstore.Open("dsn")
	sqlDB, _ := g2.DB()
	sqlDB.SetMaxOpenConns(3)
	g2.First(nil)

	db6, err := sql.Open("postgres", "dsn") // want `pool opened by sql.Open in main.main is never limited`
	if err != nil {
		panic(err)
	}
	defer db6.Close()
	repo.New(db6)

	// Limited through the sqlx wrapper.
	db7, _ := sql.Open("postgres", "dsn")
	x := sqlx.NewDb(db7, "postgres")
	x.SetMaxOpenConns(4)
	x.Get(nil, "SELECT 1")

	legacy.Init("dsn")
	legacy.Count()

	legacy2.Init("dsn")
	legacy2.DB.SetMaxOpenConns(6)
	legacy2.DB.Exec("SELECT 1")

	// Limited through the struct that embeds it.
	db9, _ := sql.Open("postgres", "dsn")
	w := repo.Wrap(db9)
	w.SetMaxOpenConns(3)
	w.Exec("SELECT 1")

	// Handed to code this analyzer cannot follow: not reported.
	db8, _ := sql.Open("postgres", "dsn")
	register(db8)

	run()
	cli.Run("dsn")
	store.NewProvider("dsn", nil).Find()
}

var register func(*sql.DB)

// run is called by main: its pool lives as long as the program.
func run() {
	db, err := sql.Open("postgres", "dsn") // want `pool opened by sql.Open in main.run is never limited`
	if err != nil {
		return
	}
	defer db.Close()
	repo.New(db).Find()
}

func init() { _ = run }
