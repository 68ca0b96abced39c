// Command limited is unlimited's negative twin: db.DB().SetMaxOpenConns
// limits the pool that gorm.Open opened.
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

func open(dsn string) (*gorm.DB, error) {
	db, err := gorm.Open("mysql", "mysql", dsn)
	if err != nil {
		return nil, err
	}
	db.DB().SetMaxOpenConns(20)
	return db, nil
}

func main() {
	db, err := open("root@/app")
	if err != nil {
		panic(err)
	}
	defer db.Close()
	r := gin.New()
	r.GET("/", (&server{db: db}).serve)
	r.Run(":8080")
}
