// Command wrapunlimited wraps a *sql.DB in jinzhu/gorm and never limits
// it: the pool was opened by sql.Open, so that is where it is reported;
// limitedlater limits the same kind of pool through gorm's db.DB().
package main

import (
	"database/sql"

	"github.com/gin-gonic/gin"
	"github.com/jinzhu/gorm"
)

type user struct{ Name string }

type server struct{ db *gorm.DB }

func (s *server) serve(c *gin.Context) {
	var users []user
	s.db.Find(&users)
}

func limitedLater() *gorm.DB {
	sqlDB, err := sql.Open("postgres", "host=db")
	if err != nil {
		panic(err)
	}
	db, err := gorm.Open("postgres", sqlDB)
	if err != nil {
		panic(err)
	}
	db.DB().SetMaxOpenConns(10) // the pool sql.Open opened
	return db
}

func main() {
	sqlDB, err := sql.Open("postgres", "host=db") // want `pool opened by sql.Open in main.main is never limited: nothing calls SetMaxOpenConns on it`
	if err != nil {
		panic(err)
	}
	db, err := gorm.Open("postgres", sqlDB)
	if err != nil {
		panic(err)
	}
	defer db.Close()
	go listen(":8081", &server{db: limitedLater()})
	listen(":8080", &server{db: db})
}

func listen(addr string, s *server) error {
	r := gin.New()
	r.GET("/users", s.serve)
	return r.Run(addr)
}
