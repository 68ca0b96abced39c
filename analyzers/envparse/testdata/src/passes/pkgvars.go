package passes

import (
	"os"
	"strconv"
)

// late is declared below the function that parses it, and below the
// body of that function: a package-level declaration's assignments are
// the package's wherever they sit.
func parseLate() int {
	n, _ := strconv.Atoi(late) // want `env key "PKG_LATE" is parsed by strconv.Atoi but the error is dropped`
	return n
}

var late = os.Getenv("PKG_LATE")

// Its twin: a package-level variable of a constant.
func parseLateConst() int {
	n, _ := strconv.Atoi(lateConst)
	return n
}

var lateConst = "8080"

// A package-level variable that a function sets holds no env value for
// the others, which may see it unset.
var shared string

func setShared() { shared = os.Getenv("PKG_SHARED") }

func parseShared() int {
	n, _ := strconv.Atoi(shared)
	return n
}
