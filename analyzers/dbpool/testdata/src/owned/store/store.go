// Package store owns its pool: other packages call its functions.
package store

import "database/sql"

var db *sql.DB

// DB is exported but only this package reads it.
var DB *sql.DB

func Open(dsn string) error {
	var err error
	db, err = sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(10)
	DB = db
	DB.SetMaxOpenConns(10)
	return nil
}

func FindUser(name string) error {
	_, err := db.Exec("SELECT 1 FROM users WHERE name = $1", name)
	return err
}

func PlaceOrder(id int) error {
	_, err := DB.Exec("INSERT INTO orders VALUES ($1)", id)
	return err
}
