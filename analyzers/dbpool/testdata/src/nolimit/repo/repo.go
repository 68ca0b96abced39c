package repo

import "database/sql"

type Repo struct{ db *sql.DB }

func New(db *sql.DB) *Repo { return &Repo{db: db} }

func (r *Repo) Find() { r.db.Query("SELECT 1") }

// Configure limits the pool it is given.
func Configure(db *sql.DB, n int) { db.SetMaxOpenConns(n) }

// Wrapped embeds the pool: its promoted SetMaxOpenConns limits it.
type Wrapped struct{ *sql.DB }

func Wrap(db *sql.DB) *Wrapped { return &Wrapped{db} }
