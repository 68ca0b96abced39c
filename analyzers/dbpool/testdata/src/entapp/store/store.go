// Package store keeps a client from the generated Open for the program's
// lifetime: reported at its call, in a package that holds no pool type.
package store

import "entapp/ent"

type Store struct{ c *ent.Client }

func New(dsn string) (*Store, error) {
	c, err := ent.Open("mysql", dsn) // want `pool opened by ent.Open is never limited`
	if err != nil {
		return nil, err
	}
	return &Store{c: c}, nil
}
