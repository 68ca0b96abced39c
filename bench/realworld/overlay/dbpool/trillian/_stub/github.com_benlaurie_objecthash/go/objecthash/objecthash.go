// Package objecthash stands in for github.com/benlaurie/objecthash/go/objecthash,
// which the module proxy refuses: trillian v1.2.1 (no go.mod, built from GOPATH)
// imports it in merkle/objhasher. Only the signature matters to the analysis.
package objecthash

import "errors"

// CommonJSONHash has the signature of the real function.
func CommonJSONHash(j string) ([32]byte, error) {
	return [32]byte{}, errors.New("objecthash: stand-in for bench/realworld, not the real package")
}
