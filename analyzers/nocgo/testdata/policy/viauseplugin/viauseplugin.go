package viauseplugin // want package:`usesCgo\(via example\.com/policy/useplugin -> plugin, import "C" in plugin_dlopen\.go, reported\)`

// useplugin, of this module, reports its own import of plugin: not again
// here, but the fact goes on.
import "example.com/policy/useplugin"

// Open uses useplugin.
func Open(p string) error { return useplugin.Open(p) }
