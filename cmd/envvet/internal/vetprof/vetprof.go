// Package vetprof turns the runtime's allocation sampling off in a go vet
// process before most package initializers run.
//
// envvet links runtime/pprof (for its other modes), so the runtime samples
// an allocation every 512 KB on average, each sample a stack walk; a
// unitchecker that does not link it samples none. A go vet process writes
// no profile (the unitchecker ignores -memprofile), and its package
// initializers alone allocate about 0.4 MB, so sampling is turned off here
// rather than in main: packages initialize in the order of their import
// paths once their imports have, and this one imports only os and runtime,
// so it runs right after os, before the packages that allocate most.
// Changing the rate also costs one sample at the next allocation; here
// that is once, on a short stack.
package vetprof

import (
	"os"
	"runtime"
)

func init() {
	if isUnit(os.Args[1:]) {
		runtime.MemProfileRate = 0
	}
}

// isUnit reports whether the command line is go vet's for one package:
// its last argument is a .cfg file.
func isUnit(args []string) bool {
	const suffix = ".cfg"
	if len(args) == 0 {
		return false
	}
	last := args[len(args)-1]
	return len(last) >= len(suffix) && last[len(last)-len(suffix):] == suffix
}
