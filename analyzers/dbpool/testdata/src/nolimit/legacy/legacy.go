package legacy

import "database/sql"

var DB *sql.DB // main wants `legacy.DB holds a pool opened by sql.Open in legacy.Init that nothing in the program limits with SetMaxOpenConns`

func Init(dsn string) { DB, _ = sql.Open("postgres", dsn) }

func Count() { DB.QueryRow("SELECT count(*) FROM t") }
