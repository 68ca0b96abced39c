// Command unlimited keeps a jinzhu/gorm pool for the server's life and
// never limits it.
package main

import (
	"github.com/gin-gonic/gin"
	"github.com/jinzhu/gorm"
)

type server struct{ db *gorm.DB }

func (s *server) serve(c *gin.Context) {
	var n int
	s.db.Raw("SELECT 1").Row().Scan(&n)
}

func main() {
	db, err := gorm.Open("postgres", "host=db") // want `pool opened by gorm.Open in main.main is never limited: nothing calls SetMaxOpenConns on it`
	if err != nil {
		panic(err)
	}
	defer db.Close()
	db.DB().SetMaxIdleConns(5) // configures the pool, does not limit it
	r := gin.New()
	r.GET("/", (&server{db: db}).serve)
	r.Run(":8080")
}
