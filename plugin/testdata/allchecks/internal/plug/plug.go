// Package plug loads plugins, which needs cgo.
package plug

import "plugin"

// Load opens a plugin.
func Load(path string) error {
	_, err := plugin.Open(path)
	return err
}
