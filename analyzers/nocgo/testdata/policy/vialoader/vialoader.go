package vialoader

// A library's own import of plugin is not a cause here, directly or
// through a package of its module: nothing fails to build, and its loader
// fails only when asked to load a plugin. Compare useplugin.
import (
	"example.org/pluginlib"
	"example.org/pluginlib/loader"
)

// Build uses both, without plugins.
func Build() error {
	if err := pluginlib.Build(false, ""); err != nil {
		return err
	}
	return loader.Load("")
}
