// Command app serves with an ent client from the generated Open.
package main

import (
	"log"
	"net/http"

	"entapp/ent"
)

type server struct{ db *ent.Client }

func (s *server) list(w http.ResponseWriter, r *http.Request) { s.db.Query("SELECT 1") }

func main() {
	client, err := ent.Open("postgres", "dsn") // want `pool opened by ent.Open is never limited: the ent client keeps it where nothing can call SetMaxOpenConns; under load it opens connections without bound \(open it with sql.Open, limit it, and pass entsql.OpenDB to ent.NewClient\)`
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	s := &server{db: client}
	http.HandleFunc("/", s.list)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
