// Package legacy2 is legacy's negative twin: main limits the pool.
package legacy2

import "database/sql"

var DB *sql.DB

func Init(dsn string) { DB, _ = sql.Open("postgres", dsn) }
