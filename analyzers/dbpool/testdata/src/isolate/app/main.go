package main

import (
	"database/sql"

	"isolate/billing"
	"isolate/legacy"
	"isolate/user"
)

func main() {
	db, err := sql.Open("postgres", "dsn") // want `pool opened by sql.Open in main.main is shared by packages that must be isolated: user \(isolate/user/...\) and billing \(isolate/billing/...\); give each its own pool`
	if err != nil {
		panic(err)
	}
	db.SetMaxOpenConns(50)
	users := user.NewRepo(db)
	bills := billing.NewRepo(db)

	// Each group gets its own pool: fine.
	udb, _ := sql.Open("postgres", "users")
	udb.SetMaxOpenConns(10)
	bdb, _ := sql.Open("postgres", "billing")
	bdb.SetMaxOpenConns(10)
	users2 := user.NewRepo(udb)
	bills2 := billing.NewRepo(bdb)

	legacy.Init("dsn")
	_, _, _, _ = users, bills, users2, bills2
	user.Legacy()
	billing.Legacy()
}
