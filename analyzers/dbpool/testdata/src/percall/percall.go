// Package percall opens pools on per-request and repeated paths.
package percall

import (
	"database/sql"
	"net/http"
	"sync"
	"testing"

	"github.com/jmoiron/sqlx"
)

func handleLogin(w http.ResponseWriter, r *http.Request) {
	db, err := sql.Open("postgres", "dsn") // want `sql.Open opens a new pool on every request in handler percall.handleLogin; open it once at start-up and share it`
	if err != nil {
		return
	}
	defer db.Close()
	db.QueryRow("SELECT 1")
}

type Server struct{ db *sql.DB }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	x := sqlx.MustConnect("postgres", "dsn") // want `sqlx.MustConnect opens a new pool on every request in handler percall.Server.ServeHTTP`
	x.Get(nil, "SELECT 1")
	s.db.Exec("SELECT 1") // the shared pool: fine
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/report", func(w http.ResponseWriter, r *http.Request) {
		db, _ := sqlx.Connect("postgres", "dsn") // want `sqlx.Connect opens a new pool on every request in the handler literal on line 31`
		db.Select(nil, "SELECT 1")
	})
	mux.HandleFunc("/export", func(w http.ResponseWriter, r *http.Request) {
		exportAll() // want `percall.exportAll opens and closes its own pool \(sql.Open\) on every call, and is called on every request in the handler literal on line 35`
	})
	mux.HandleFunc("/nightly", func(w http.ResponseWriter, r *http.Request) {
		nightly() // want `percall.nightly opens and closes its own pool \(sql.Open via percall.exportAll\) on every call, and is called on every request in the handler literal on line 38`
	})
}

// exportAll is a one-shot helper: it opens, uses and closes a pool.
func exportAll() error {
	db, err := sql.Open("postgres", "dsn")
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec("COPY x TO STDOUT")
	return err
}

func nightly() { exportAll() }

func Sync(dsn string, ids []int) {
	for _, id := range ids {
		db, err := sql.Open("postgres", dsn) // want `sql.Open opens a new pool on every iteration of the loop on line 57; open it once before the loop`
		if err != nil {
			continue
		}
		db.Exec("DELETE FROM t WHERE id = $1", id)
		db.Close()
	}
	for i := 0; i < 3; i++ {
		exportAll() // want `percall.exportAll opens and closes its own pool \(sql.Open\) on every call, and is called on every iteration of the loop on line 65`
	}
}

// A CLI's main calls the one-shot helper once: fine.
func RunOnce() error { return exportAll() }

// One pool per tenant, opened at start-up and kept: fine.
func OpenTenants(dsns map[string]string) map[string]*sql.DB {
	pools := map[string]*sql.DB{}
	for name, dsn := range dsns {
		db, err := sql.Open("postgres", dsn)
		if err != nil {
			continue
		}
		db.SetMaxOpenConns(5)
		pools[name] = db
	}
	return pools
}

// A retry loop at start-up assigns the outer variable: fine.
func OpenWithRetry(dsn string) (*sql.DB, error) {
	var db *sql.DB
	var err error
	for i := 0; i < 5; i++ {
		db, err = sql.Open("postgres", dsn)
		if err == nil {
			break
		}
	}
	return db, err
}

var (
	lazy     *sql.DB
	lazyOnce sync.Once
)

// Lazy initialization inside a handler keeps the pool: fine.
func handleLazy(w http.ResponseWriter, r *http.Request) {
	lazyOnce.Do(func() {
		lazy, _ = sql.Open("postgres", "dsn")
		lazy.SetMaxOpenConns(4)
	})
	if lazy == nil {
		lazy, _ = sql.Open("postgres", "dsn")
	}
	lazy.Exec("SELECT 1")
}

// Opened once at start-up and shared with the handler: fine.
func NewServer() (*Server, error) {
	db, err := sql.Open("postgres", "dsn")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(10)
	return &Server{db: db}, nil
}

// One pool per worker goroutine, opened at start-up: fine.
func StartWorkers(dsns []string) {
	for _, dsn := range dsns {
		db, err := sql.Open("postgres", dsn)
		if err != nil {
			continue
		}
		db.SetMaxOpenConns(2)
		go worker(db)
	}
	for _, dsn := range dsns {
		db, _ := sql.Open("postgres", dsn)
		db.SetMaxOpenConns(2)
		go func() {
			for {
				db.Exec("SELECT 1")
			}
		}()
	}
}

func worker(db *sql.DB) {
	for {
		db.Exec("SELECT 1")
	}
}

// A pool per target database, each opened, used and closed: the data
// source name changes with the iteration, so this is not the same pool
// opened again.
func MigrateAll(dsns []string) {
	for _, dsn := range dsns {
		db, err := sql.Open("postgres", dsn)
		if err != nil {
			continue
		}
		db.Exec("SELECT 1")
		db.Close()
	}
}

// A test helper outside _test.go files: not reported.
func OpenForTest(t testing.TB, ids []int) {
	for _, id := range ids {
		db, _ := sql.Open("postgres", "dsn")
		db.Exec("SELECT $1", id)
		db.Close()
	}
}

// A wait-for-database loop that only pings: not reported.
func WaitForDB(dsn string) {
	for i := 0; i < 10; i++ {
		if probe(dsn) == nil {
			return
		}
	}
}

func probe(dsn string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.Ping()
}

// Register passes handleLogin to the mux: the per-request finding in
// handleLogin names this call as related information.
func Register(mux *http.ServeMux) { mux.HandleFunc("/login", handleLogin) }
