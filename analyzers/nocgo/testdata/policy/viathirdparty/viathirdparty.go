package viathirdparty // want package:`usesCgo\(via example\.com/policy/thirdparty -> example\.org/cgolib, import "C" in cgolib\.go, reported\)`

// thirdparty reports its imports: not again here.
import "example.com/policy/thirdparty"

// Sum uses thirdparty.
func Sum() int { return thirdparty.Sum() }
