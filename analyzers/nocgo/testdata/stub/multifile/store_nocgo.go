//go:build !cgo

package multifile

import "errors"

var errNoCgo = errors.New("multifile: built without cgo")

type Store struct{}

func Open(dsn string) (*Store, error) { return nil, errNoCgo }

func (s *Store) Get(key string) (string, error) { return "", errNoCgo }

func Close() error { return errNoCgo }

func (s *Store) Put(key, v string) error { return errNoCgo }

func (s *Store) Delete(key string) error { return errNoCgo }

func (s *Store) Len() (int, error) { return 0, errNoCgo }
