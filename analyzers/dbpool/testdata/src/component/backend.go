package component

import (
	"context"
	"database/sql"
)

// backend is a key-value store per prefix (lnd's kvdb postgres backend):
// its constructor closes the pool only when setting up fails and returns
// the struct that keeps it, so the pool serves every transaction for the
// store's life; nothing outside this package can limit it.
type backend struct{ db *sql.DB }

func newBackend(ctx context.Context, dsn string) (*backend, error) {
	conn, err := sql.Open("pgx", dsn) // want `pool opened by sql.Open in component.newBackend is never limited`
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS kv (k text, v text)"); err != nil {
		_ = conn.Close()
		return nil, err
	}
	return &backend{db: conn}, nil
}

func (b *backend) Get(k string) (v string, err error) {
	err = b.db.QueryRow("SELECT v FROM kv WHERE k = $1", k).Scan(&v)
	return v, err
}

// KV is what the driver hands out.
type KV interface {
	Get(k string) (string, error)
}

// openDriver is registered as a function value (lnd's
// walletdb.RegisterDriver), which hands the backend out as a KV.
func openDriver(args ...any) (KV, error) {
	dsn, _ := args[0].(string)
	return newBackend(context.Background(), dsn)
}

var drivers = map[string]func(...any) (KV, error){"postgres": openDriver}

// Twin: the same constructor limits the pool (lnd's fix, dbConnSet.Open).
type limitedBackend struct{ db *sql.DB }

func newLimitedBackend(ctx context.Context, dsn string) (*limitedBackend, error) {
	conn, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	conn.SetMaxOpenConns(50)
	if _, err := conn.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS kv (k text, v text)"); err != nil {
		_ = conn.Close()
		return nil, err
	}
	return &limitedBackend{db: conn}, nil
}

func (b *limitedBackend) Get(k string) (v string, err error) {
	err = b.db.QueryRow("SELECT v FROM kv WHERE k = $1", k).Scan(&v)
	return v, err
}

// Twin: a probe keeps its pool in a struct that stays in the function,
// and closes it: one-shot.
func probe(ctx context.Context, dsn string) error {
	conn, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	defer conn.Close()
	b := &backend{db: conn}
	_, err = b.Get("version")
	return err
}

// Twin: a one-shot dump hands its pool to a constructor that returns the
// struct holding it, keeps that struct in a local variable and closes the
// pool: the struct leaves wrap, not dumpAll.
func dumpAll(dsn string) error {
	conn, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	defer conn.Close()
	b := wrap(conn)
	_, err = b.Get("all")
	return err
}

func wrap(conn *sql.DB) *backend { return &backend{db: conn} }
