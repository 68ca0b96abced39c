// Package pgx is a stub of github.com/jackc/pgx/v5: only the surface dbpool's tests use.
package pgx

type ConnConfig struct{}

func ParseConfig(s string) (*ConnConfig, error) { return &ConnConfig{}, nil }
