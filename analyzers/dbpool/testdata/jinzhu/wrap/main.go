// Command wrap opens and limits a *sql.DB, and hands it to jinzhu/gorm's
// Open, which wraps it: no new pool, on start-up or per request.
package main

import (
	"database/sql"
	"net/http"

	"github.com/jinzhu/gorm"
)

type user struct{ Name string }

func main() {
	sqlDB, err := sql.Open("postgres", "host=db")
	if err != nil {
		panic(err)
	}
	sqlDB.SetMaxOpenConns(10)
	db, err := gorm.Open("postgres", sqlDB)
	if err != nil {
		panic(err)
	}
	defer db.Close()
	http.HandleFunc("/users", func(w http.ResponseWriter, r *http.Request) {
		tx, err := gorm.Open("postgres", sqlDB) // wraps the shared pool per request: not a new pool
		if err != nil {
			return
		}
		var users []user
		tx.Find(&users)
		db.Find(&users)
	})
	http.ListenAndServe(":8080", nil)
}
