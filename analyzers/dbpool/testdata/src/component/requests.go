package component

import (
	"database/sql"
	"strings"
)

// The state API of the library: callers in other modules (a sidecar, once
// per request of its application) call these methods.
type GetRequest struct{ Key string }
type SetRequest struct{ Key, Value string }
type GetResponse struct{ Data string }

// SQLServer opens a pool in every operation (dapr's components-contrib
// #397, state/sqlserver at v0.2.1).
type SQLServer struct{ dsn string }

func (s *SQLServer) Get(req *GetRequest) (*GetResponse, error) {
	db, err := sql.Open("sqlserver", s.dsn) // want `sql.Open opens a new pool on every request in request method component.SQLServer.Get`
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var res GetResponse
	return &res, db.QueryRow("SELECT data FROM state WHERE key = @p1", req.Key).Scan(&res.Data)
}

// A bulk request is a request too; the helper opens and closes its own pool.
func (s *SQLServer) BulkSet(reqs []SetRequest) error {
	return s.executeSet(reqs) // want `component.SQLServer.executeSet opens and closes its own pool \(sql.Open\) on every call, and is called on every request in request method component.SQLServer.BulkSet`
}

func (s *SQLServer) executeSet(reqs []SetRequest) error {
	db, err := sql.Open("sqlserver", s.dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	for _, r := range reqs {
		if _, err := db.Exec("UPDATE state SET data = @p2 WHERE key = @p1", r.Key, r.Value); err != nil {
			return err
		}
	}
	return nil
}

// Init opens a one-shot pool to create the table: it takes no request, so
// it runs once, when the component starts.
func (s *SQLServer) Init(dsn string) error {
	s.dsn = dsn
	db, err := sql.Open("sqlserver", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec("CREATE TABLE IF NOT EXISTS state (key TEXT, data TEXT)")
	return err
}

// Twin (the fix, v0.3.0): the pool opened once in Init, limited, and used
// by every request.
type SharedServer struct{ db *sql.DB }

func (s *SharedServer) Init(dsn string) error {
	db, err := sql.Open("sqlserver", dsn)
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(10)
	s.db = db
	return nil
}

func (s *SharedServer) Get(req *GetRequest) (*GetResponse, error) {
	var res GetResponse
	return &res, s.db.QueryRow("SELECT data FROM state WHERE key = @p1", req.Key).Scan(&res.Data)
}

// Twin: an unexported type's methods are this package's to call, and it
// calls them nowhere per request.
type localServer struct{ dsn string }

func (s *localServer) Get(req *GetRequest) (*GetResponse, error) {
	db, err := sql.Open("sqlserver", s.dsn)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var res GetResponse
	return &res, db.QueryRow("SELECT data FROM state WHERE key = @p1", req.Key).Scan(&res.Data)
}

// Twin: an exported function taking a request is not a method of a
// component; whoever calls it decides.
func Lookup(req *GetRequest, dsn string) (string, error) {
	db, err := sql.Open("sqlserver", dsn)
	if err != nil {
		return "", err
	}
	defer db.Close()
	var v string
	return v, db.QueryRow("SELECT data FROM state WHERE key = @p1", strings.TrimSpace(req.Key)).Scan(&v)
}
