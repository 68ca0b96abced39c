package illtyped

import (
	"database/sql"
	"net/http"
)

var DB *sql.DB = undefinedOpen()

func handler(w http.ResponseWriter, r *http.Request) {
	db, err := sql.Open(undefinedDriver, 1, 2)
	db.SetMaxOpenConns("many")
	db.Close(1)
	missing(db)
	_ = err
}

func loop() {
	for x := range undefinedSeq {
		db := sql.Open("postgres") // want `sql.Open opens a new pool on every iteration of the loop on line 19`
		db.Exec(x)
	}
	var y *sql.DB = 42
	y.Nope()
	DB.SetMaxOpenConns(z)
	return sql.Open("a", "b")
}

type T struct{ db *sql.DB }

func (t *T) M() *sql.DB { return t.missing }

func f() (*sql.DB, error) {
	return sql.Open()
}
