// Command percall opens a jinzhu/gorm pool on every request; its twin
// handler uses the pool opened once at start-up.
package main

import (
	"github.com/gin-gonic/gin"
	"github.com/jinzhu/gorm"
)

type user struct{ Name string }

func report(c *gin.Context) {
	db, err := gorm.Open("postgres", "host=db") // want `gorm.Open opens a new pool on every request in gin handler main.report; open it once at start-up and share it`
	if err != nil {
		return
	}
	defer db.Close()
	var users []user
	db.Find(&users)
}

// count opens, queries and closes its own pool: fine once, not per request.
func count() (n int) {
	db, err := gorm.Open("postgres", "host=db")
	if err != nil {
		return 0
	}
	defer db.Close()
	db.Model(&user{}).Count(&n)
	return n
}

func main() {
	db, err := gorm.Open("postgres", "host=db")
	if err != nil {
		panic(err)
	}
	defer db.Close()
	db.DB().SetMaxOpenConns(10)
	count() // once at start-up: fine
	r := gin.New()
	r.GET("/report", report)
	r.GET("/count", func(c *gin.Context) {
		count() // want `main.count opens and closes its own pool \(gorm.Open\) on every call, and is called on every request in the gin handler literal on line 43`
	})
	r.GET("/users", func(c *gin.Context) {
		var users []user
		db.Find(&users) // the pool opened once at start-up: fine
	})
	r.Run(":8080")
}
