package user

import (
	"database/sql"

	"isolate/legacy"
)

type Repo struct{ db *sql.DB }

func NewRepo(db *sql.DB) *Repo { return &Repo{db: db} }

func (r *Repo) Find(id int) error {
	_, err := r.db.Exec("SELECT 1 FROM users WHERE id = $1", id)
	return err
}

func Legacy() { legacy.DB.Exec("SELECT 1") }
