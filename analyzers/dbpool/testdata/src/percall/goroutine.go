package percall

import (
	"database/sql"
	"net/http"
	"sync"
)

// queryOnce opens, uses and closes a pool: one-shot on its own.
func queryOnce(dsn, q string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec(q)
	return err
}

// Gather starts a goroutine per query, and each opens its own pool to the
// same database (telegraf's sqlserver input before PR #8596).
func Gather(dsn string, queries []string) {
	var wg sync.WaitGroup
	for _, q := range queries {
		wg.Add(1)
		go func(q string) {
			defer wg.Done()
			queryOnce(dsn, q) // want `percall.queryOnce opens and closes its own pool \(sql.Open\) on every call, and is called on every iteration of the loop on line 24`
		}(q)
	}
	wg.Wait()
}

// Fanout opens the same pool again in the goroutine of every iteration.
func Fanout(dsn string, ids []int) {
	for _, id := range ids {
		go func() {
			db, err := sql.Open("postgres", dsn) // want `sql.Open opens a new pool on every iteration of the loop on line 36; open it once before the loop`
			if err != nil {
				return
			}
			defer db.Close()
			db.Exec("DELETE FROM t WHERE id = $1", id)
		}()
	}
}

// handleExport starts the one-shot helper in a goroutine on every request.
func handleExport(w http.ResponseWriter, r *http.Request) {
	go func() {
		exportAll() // want `percall.exportAll opens and closes its own pool \(sql.Open\) on every call, and is called on every request in handler percall.handleExport`
	}()
}

// One goroutine per target database, each with its own pool: the data
// source name changes with the iteration, so it is not the same pool.
func MigrateAllConcurrently(dsns []string) {
	for _, dsn := range dsns {
		go func(dsn string) {
			db, err := sql.Open("postgres", dsn)
			if err != nil {
				return
			}
			defer db.Close()
			db.Exec("SELECT 1")
		}(dsn)
	}
}

// A goroutine started once, outside any loop or handler: fine.
func StartExporter(dsn string) {
	go func() {
		queryOnce(dsn, "SELECT 1")
	}()
}

// Literals kept for later, not run where they are made: their loop is
// not theirs.
func Hooks(dsn string, queries []string) []func() {
	var hooks []func()
	for _, q := range queries {
		hooks = append(hooks, func() { queryOnce(dsn, q) })
	}
	return hooks
}
