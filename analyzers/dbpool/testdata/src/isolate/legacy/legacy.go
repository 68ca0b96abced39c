// Package legacy keeps a global pool that user and billing read directly.
package legacy

import "database/sql"

var DB *sql.DB

func Init(dsn string) {
	DB, _ = sql.Open("postgres", dsn) // main wants `legacy.DB \(max 5 open\) is shared by 2 packages: billing, user` `legacy.DB is shared by packages that must be isolated: user \(isolate/user/...\) and billing \(isolate/billing/...\); give each its own pool`
	DB.SetMaxOpenConns(5)
}
