package viathirdparty // want package:`usesCgo\(via example\.com/app/thirdparty -> example\.org/cgolib, import "C" in cgolib\.go, reported\)`

// thirdparty reports its imports: not again here.
import "example.com/app/thirdparty"

// Sum uses thirdparty.
func Sum() int { return thirdparty.Sum() }
