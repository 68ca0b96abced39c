// Package loader stands for a library's optional Go plugin loader, as in
// kustomize's internal/plugins/loader or containerd's plugin package: it
// imports plugin, whose Open fails when cgo is off, but only a caller that
// asks for a plugin gets there.
package loader

import "plugin"

// Load opens the Go plugin at path.
func Load(path string) error {
	_, err := plugin.Open(path)
	return err
}
