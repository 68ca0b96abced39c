package useplugin // want package:`usesCgo\(via plugin, import "C" in plugin_dlopen\.go, reported\)`

// plugin is not in the allow list.
import "plugin" // want `plugin uses cgo \(import "C" in plugin_dlopen\.go\), but CGO_ENABLED=0 is declared in \.env\.example`

// Open opens a plugin.
func Open(p string) error { _, err := plugin.Open(p); return err }
