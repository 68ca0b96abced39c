package store

import (
	"database/sql"
	"testing"
)

// Dump, written for tests (lnd's fixture.Dump), opens a pool it neither
// closes nor limits: a test's pool, not reported.
func Dump(dsn string) []string {
	db, _ := sql.Open("postgres", dsn)
	rows, _ := db.Query("SELECT tablename FROM pg_tables")
	var out []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		out = append(out, s)
	}
	return out
}

// Fixture is a test helper.
func Fixture(t *testing.T) { t.Helper() }
