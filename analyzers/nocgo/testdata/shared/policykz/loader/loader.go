package loader // want package:`usesCgo\(via plugin, import "C" in plugin_dlopen\.go\)`

// loader stands for a Go plugin loader in another module of the
// program's own repository, as kustomize's CLI (module
// sigs.k8s.io/kustomize/kustomize/v5) turns on the loader of its api
// module (sigs.k8s.io/kustomize/api) with --enable-alpha-plugins. It is
// among the packages the policy scenario checks (its path is under
// example.com/policy), and has no manifest of its own: no policy, no
// diagnostic, only the fact.

import "plugin"

// Load opens the Go plugin at path.
func Load(path string) error {
	_, err := plugin.Open(path)
	return err
}
