// Package main opens one-shot pools (not reported) and serving pools that
// are closed when the server stops (reported when nothing limits them).
package main

import (
	"database/sql"
	"net/http"
)

func main() {
	// A version check: opened, used and closed here, by no one else.
	db, err := sql.Open("postgres", "dsn")
	if err != nil {
		return
	}
	defer db.Close()
	var v string
	db.QueryRow("SELECT version()").Scan(&v)

	migrate("dsn")
	serve()
	serveWorkers()
	serveVia()
	runApp()
	serveConcurrently()
	check()
	verifyAll(nil)
	checkpoint("file.db")
	serveDeferLit()
	workDeferLit()
}

// A migration step: not reported.
func migrate(dsn string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec("CREATE TABLE t (id int)")
	return err
}

// serve closes its pool when the server stops, but a handler uses it on
// every request until then.
func serve() {
	db, _ := sql.Open("postgres", "dsn") // want `pool opened by sql.Open in main.serve is never limited`
	defer db.Close()
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { db.QueryRow("SELECT 1") })
	http.ListenAndServe(":8080", nil)
}

// serveWorkers hands the pool to goroutines.
func serveWorkers() {
	db, _ := sql.Open("postgres", "dsn") // want `pool opened by sql.Open in main.serveWorkers is never limited`
	defer db.Close()
	for i := 0; i < 4; i++ {
		go work(db)
	}
	select {}
}

func work(db *sql.DB) {
	for {
		db.Exec("SELECT 1")
	}
}

// serveVia builds the handler in a helper that closes over the pool.
func serveVia() {
	db, _ := sql.Open("postgres", "dsn") // want `pool opened by sql.Open in main.serveVia is never limited`
	defer db.Close()
	http.ListenAndServe(":8080", handlerFor(db))
}

func handlerFor(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { db.QueryRow("SELECT 1") }
}

type app struct{ db *sql.DB }

func (a *app) handle(w http.ResponseWriter, r *http.Request) { a.db.QueryRow("SELECT 1") }

// runApp keeps the pool in a server struct that lives as long as main.
func runApp() {
	db, _ := sql.Open("postgres", "dsn") // want `pool opened by sql.Open in main.runApp is never limited`
	defer db.Close()
	a := &app{db: db}
	http.HandleFunc("/", a.handle)
	http.ListenAndServe(":8080", nil)
}

// serveConcurrently hands the pool to goroutines through a helper.
func serveConcurrently() {
	db, _ := sql.Open("postgres", "dsn") // want `pool opened by sql.Open in main.serveConcurrently is never limited`
	defer db.Close()
	dispatch(db)
}

func dispatch(db *sql.DB) {
	for i := 0; i < 4; i++ {
		go work(db)
	}
	select {}
}

// check runs its queries one after another: one-shot, like main's.
func check() {
	db, _ := sql.Open("postgres", "dsn")
	defer db.Close()
	for _, q := range []string{"SELECT 1", "SELECT 2"} {
		db.Exec(q)
	}
}

// verifyAll opens, uses and closes one pool per target inside a closure
// (as sqlc's verify command does): one-shot, not captured.
func verifyAll(uris []string) {
	for _, uri := range uris {
		check := func() error {
			db, err := sql.Open("pgx", uri)
			if err != nil {
				return err
			}
			defer db.Close()
			_, err = db.Exec("SELECT 1")
			return err
		}
		check()
	}
}

// checkpoint closes its pool in a deferred literal (as litestream's
// checkpointV3 does): the literal runs when checkpoint returns, on its
// goroutine, so the pool is one-shot.
func checkpoint(path string) error {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return err
	}
	defer func() { _ = db.Close() }()
	_, err = db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	return err
}

// serveDeferLit closes its pool in a deferred literal too, but a handler
// uses it on every request until then.
func serveDeferLit() {
	db, _ := sql.Open("postgres", "dsn") // want `pool opened by sql.Open in main.serveDeferLit is never limited`
	defer func() { _ = db.Close() }()
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { db.QueryRow("SELECT 1") })
	http.ListenAndServe(":8080", nil)
}

// workDeferLit's goroutines use the pool, one of them closing it in a
// literal it defers: the deferred literal belongs to the goroutine.
func workDeferLit() {
	db, _ := sql.Open("postgres", "dsn") // want `pool opened by sql.Open in main.workDeferLit is never limited`
	for i := 0; i < 4; i++ {
		go func() {
			defer func() { _ = db.Close() }()
			db.Exec("SELECT 1")
		}()
	}
	select {}
}
