package main

import (
	"database/sql"
	"os"

	"shared/coupon"
	"shared/gdb"
	"shared/order"
	"shared/store"
	"shared/user"
)

func main() {
	if err := store.Init(os.Getenv("DSN")); err != nil {
		panic(err)
	}
	// Configuring the pool from main is not a use.
	store.DB.SetConnMaxLifetime(0)
	defer store.DB.Close()
	gdb.Init()
	user.Login("ann")
	order.Place(1)
	coupon.Expire([]int{1, 2})
}

// wire passes the global on: injection, not a read by main.
func wire() { wired(store.DB) }

func wired(db *sql.DB) { db.Exec("SELECT 1") }
