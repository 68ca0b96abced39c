package viakz // want package:`usesCgo\(via example\.com/policy/kz/loader -> plugin, import "C" in plugin_dlopen\.go, reported\)`

// The loader is in another module of this project (example.com/policy/kz):
// its import of plugin is the program's own. Compare vialoader.
import "example.com/policy/kz/loader" // want `example\.com/policy/kz/loader uses cgo through plugin \(import "C" in plugin_dlopen\.go\), but CGO_ENABLED=0 is declared in \.env\.example`

// Build turns the plugins on.
func Build(path string) error { return loader.Load(path) }
