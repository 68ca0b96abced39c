package store

import "database/sql"

// provider and collector hold each other's pools (as sigstore/rekor's
// index storage does): following the holders must end.
type provider struct {
	readDB    *sql.DB
	collector *collector
}

type collector struct{ readDB *sql.DB }

func NewProvider(dsn string) (*provider, error) {
	p := &provider{}
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(4)
	p.readDB = db
	c := &collector{readDB: p.readDB}
	p.collector = c
	return p, nil
}

func (p *provider) Find() { p.readDB.Exec("SELECT 1") }
