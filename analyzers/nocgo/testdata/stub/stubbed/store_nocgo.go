//go:build !cgo

package stubbed

import "errors"

var errNoCgo = errors.New("store: this binary is built without cgo, sqlite is disabled")

type Store struct{}

func Open(dsn string) (*Store, error) { return nil, errNoCgo }

func (s *Store) Get(key string) (string, error) { return "", errNoCgo }
