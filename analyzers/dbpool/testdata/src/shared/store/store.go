// Package store holds the program's one pool in a package variable.
package store

import "database/sql"

// DB is read directly by user, order and coupon.
var DB *sql.DB

// Init opens the pool and limits it.
func Init(dsn string) error {
	var err error
	DB, err = sql.Open("postgres", dsn) // main wants `store.DB \(max 20 open\) is shared by 3 packages: coupon, order, user; one slow package starves the others`
	if err != nil {
		return err
	}
	DB.SetMaxOpenConns(20)
	return nil
}

// Conn is an accessor: calling it reads DB.
func Conn() *sql.DB { return DB }
