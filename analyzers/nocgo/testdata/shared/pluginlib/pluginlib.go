// Package pluginlib stands for a library that reaches plugin through a
// package of its own module, as kustomize's krusty reaches its loader.
package pluginlib

import "example.org/pluginlib/loader"

// Build loads a plugin only when asked to.
func Build(plugins bool, path string) error {
	if plugins {
		return loader.Load(path)
	}
	return nil
}
