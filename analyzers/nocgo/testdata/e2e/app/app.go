// Package app imports the module's cgo packages: they report their causes
// themselves, so nothing is reported here.
package app

import (
	"example.com/e2e/native"
	"example.com/e2e/pgstore"
	"example.com/e2e/store"
)

// Start wires the stores.
func Start() error {
	_ = native.One()
	if _, err := pgstore.Open("postgres://localhost/app"); err != nil {
		return err
	}
	_, err := store.Open(":memory:")
	return err
}
