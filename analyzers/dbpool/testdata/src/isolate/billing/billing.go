package billing

import (
	"database/sql"

	"isolate/legacy"
)

type Repo struct {
	DB *sql.DB
}

func NewRepo(db *sql.DB) *Repo {
	r := new(Repo)
	r.DB = db
	return r
}

func (r *Repo) Charge(cents int) error {
	_, err := r.DB.Exec("INSERT INTO charges VALUES ($1)", cents)
	return err
}

func Legacy() { legacy.DB.Exec("SELECT 1") }
