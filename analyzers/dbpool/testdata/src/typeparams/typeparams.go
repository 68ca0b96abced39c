package main

import (
	"database/sql"
	"net/http"
)

type Repo[T any] struct{ db *sql.DB }

func NewRepo[T any](db *sql.DB) *Repo[T] { return &Repo[T]{db: db} }

func (r *Repo[T]) Get(id int) (T, error) {
	var zero T
	err := r.db.QueryRow("SELECT 1 WHERE id = $1", id).Scan(&zero)
	return zero, err
}

// Open is a generic opener: its callers receive an unlimited pool.
func Open[T any](dsn string) (*sql.DB, error) { return sql.Open("postgres", dsn) }

func Limit[DB interface{ SetMaxOpenConns(int) }](db DB, n int) { db.SetMaxOpenConns(n) }

func Each[T any](xs []T, dsn string) {
	for range xs {
		db, _ := sql.Open("postgres", dsn) // want `sql.Open opens a new pool on every iteration of the loop on line 24`
		db.Exec("SELECT 1")
		db.Close()
	}
}

func Handler[T any](w http.ResponseWriter, r *http.Request) {
	db, _ := Open[T]("dsn") // want `main.Open opens a new pool on every request in handler main.Handler`
	db.Exec("SELECT 1")
}

func main() {
	db, _ := Open[int]("dsn") // want `pool opened by sql.Open in main.Open is never limited`
	ints := NewRepo[int](db)
	strs := NewRepo[string](db)
	ints.Get(1)
	strs.Get(2)

	// Limited through a generic function: its parameter is not a pool
	// type, so the pool escapes the analysis and is not reported.
	db2, _ := Open[int]("dsn")
	Limit(db2, 4)
	NewRepo[int](db2)
}
