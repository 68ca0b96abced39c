package envgraph_test

import "testing"

// TestKongOptions runs the graph on kong grammars whose options come in a
// slice spread into the call (knowable or not), and on grammars that
// embed kong.Plugins, ignored fields, interfaces and commands, each want
// checked against the real kong's flags and env keys.
func TestKongOptions(t *testing.T) {
	needLibs(t)
	libs.Check(t, "example.com/libs/kongopts", "example.com/libs/kongplugins")
}
