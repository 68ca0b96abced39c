// Package mixed stands for a library that imports plugin itself and also
// uses cgo through a longer chain: the cgo chain is the one to tell its
// importers.
package mixed

import (
	"plugin"

	"example.org/wrap"
)

// Answer forwards to wrap.
func Answer() int { return wrap.Answer() }

// Load opens the Go plugin at path.
func Load(path string) error {
	_, err := plugin.Open(path)
	return err
}
