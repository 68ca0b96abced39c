package legacy

import "database/sql"

var DB *sql.DB

func Init(dsn string) { DB, _ = sql.Open("postgres", dsn) } // main wants `pool opened by sql.Open in legacy.Init and kept in legacy.DB is never limited`

func Count() { DB.QueryRow("SELECT count(*) FROM t") }
