package lib // want package:`pkgPools\(facts/lib.DB reach users=facts/lib; facts/lib.Store.db reach users=facts/lib\)`

import "database/sql"

var DB *sql.DB

func Conn() *sql.DB { return DB } // want Conn:`poolResult\(0: slot facts/lib.DB\)`

func Open(dsn string) (*sql.DB, error) { // want Open:`poolResult\(0: sql.Open in lib.Open\)`
	return sql.Open("postgres", dsn)
}

type Store struct{ db *sql.DB }

func New(db *sql.DB) *Store { return &Store{db: db} } // want New:`poolParams\(0: users=facts/lib slots=facts/lib.Store.db held\)`

func (s *Store) Find() { s.db.Exec("SELECT 1") }

func Limit(db *sql.DB) { db.SetMaxOpenConns(7) } // want Limit:`poolParams\(0: limited=7\)`

func Use() { DB.Exec("SELECT 1") }

func Once() error { // want Once:`opensOwnPool\(sql.Open\)`
	db, err := sql.Open("postgres", "dsn")
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec("VACUUM")
	return err
}
