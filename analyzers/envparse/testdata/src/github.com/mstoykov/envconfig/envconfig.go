// Package envconfig is a stub of github.com/mstoykov/envconfig, k6's fork
// of github.com/kelseyhightower/envconfig whose Process takes an optional
// lookup function.
package envconfig

func Process(prefix string, spec interface{}, args ...func(string) (string, bool)) error {
	return nil
}
func MustProcess(prefix string, spec interface{})           {}
func CheckDisallowed(prefix string, spec interface{}) error { return nil }
func Usage(prefix string, spec interface{}) error           { return nil }
