// Package store returns pools to its callers; it is not reported on its
// own: the caller it returns the pool to may limit it.
package store

import "database/sql"

func Open(dsn string) (*sql.DB, error) {
	return sql.Open("postgres", dsn)
}

func OpenLimited(dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(10)
	return db, nil
}

// Wrapped returns the pool through a second helper.
func Wrapped(dsn string) (*sql.DB, error) {
	db, err := Open(dsn)
	return db, err
}

// Local opens a pool that never leaves this function and is never limited.
func Local(dsn string) {
	db, _ := sql.Open("postgres", dsn) // want `pool opened by sql.Open in store.Local is never limited: nothing calls SetMaxOpenConns on it; under load it opens connections without bound`
	go func() {
		for {
			db.Exec("SELECT 1")
		}
	}()
}

// Ready only pings the pool: it serves no queries, so no limit is needed.
func Ready(dsn string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	return db.Ping()
}

type preparer struct{ db *sql.DB }

// Check is a CLI command's helper: the pool lives for this call only.
func Check(dsn string, queries []string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	p := &preparer{db: db}
	for _, q := range queries {
		if _, err := p.db.Prepare(q); err != nil {
			return err
		}
	}
	return nil
}

type server struct{ db *sql.DB }

func (s *server) loop() { s.db.Exec("SELECT 1") }

// Serve keeps the pool in a struct that stays here: decided here.
func Serve(dsn string) {
	db, _ := sql.Open("postgres", dsn) // want `pool opened by sql.Open in store.Serve is never limited`
	s := &server{db: db}
	s.loop()
}

// Options configure a pool through an interface (as sigstore/rekor's
// index storage does): the pool escapes the analysis, so its limit cannot
// be seen and it is not reported.
type Options interface{ Apply(db *sql.DB) }

type Provider struct{ db *sql.DB }

func NewProvider(dsn string, opts []Options) *Provider {
	db, _ := sql.Open("postgres", dsn)
	for _, o := range opts {
		o.Apply(db)
	}
	return &Provider{db: db}
}

func (p *Provider) Find() { p.db.Exec("SELECT 1") }
