package envgraph_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestKongOptions runs the graph on kong grammars whose options come in a
// slice spread into the call (knowable or not), and on grammars that
// embed kong.Plugins, ignored fields, interfaces and commands, each want
// checked against the real kong's flags and env keys.
func TestKongOptions(t *testing.T) {
	analysistest.Run(t, libsDir(t), refs, "./kongopts", "./kongplugins")
}
