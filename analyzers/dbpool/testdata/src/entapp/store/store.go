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

// TestingT is the interface generated enttest helpers take.
type TestingT interface {
	FailNow()
	Error(...any)
}

// OpenForTest is a test helper outside a _test.go file: not reported.
func OpenForTest(t TestingT, dsn string) *ent.Client {
	c, err := ent.Open("sqlite3", dsn)
	if err != nil {
		t.Error(err)
		t.FailNow()
	}
	return c
}
