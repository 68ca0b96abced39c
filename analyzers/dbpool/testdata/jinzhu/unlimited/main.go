// Command unlimited keeps a jinzhu/gorm pool for the server's life and
// never limits it.
package main

import (
	"net/http"

	"github.com/jinzhu/gorm"
)

type server struct{ db *gorm.DB }

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
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
	http.ListenAndServe(":8080", &server{db: db})
}
