package direct

// static int one(void) { return 1; }
import "C" // want `example\.com/enforce/direct uses cgo \(import "C"\), but cgo is forbidden by -nocgo\.enforce`

// One calls into C.
func One() int { return int(C.one()) }
