// Command wrap opens and limits a *sql.DB, and hands it to jinzhu/gorm's
// Open, which wraps it: no new pool, on start-up or per request.
package main

import (
	"database/sql"

	"github.com/gin-gonic/gin"
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
	r := gin.New()
	r.GET("/users", func(c *gin.Context) {
		tx, err := gorm.Open("postgres", sqlDB) // wraps the shared pool per request: not a new pool
		if err != nil {
			return
		}
		var users []user
		tx.Find(&users)
		db.Find(&users)
	})
	r.Run(":8080")
}
