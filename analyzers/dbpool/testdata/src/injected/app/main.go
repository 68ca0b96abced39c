package main

import (
	"database/sql"

	"injected/billing"
	"injected/user"
)

// One pool injected from main into both packages: with no isolation
// declared, this is ordinary sharing.
func main() {
	db, err := sql.Open("postgres", "dsn")
	if err != nil {
		panic(err)
	}
	db.SetMaxOpenConns(50)
	_ = user.NewRepo(db)
	_ = billing.NewRepo(db)
}
