package notallowed

// static int one(void) { return 1; }
import "C" // want `example\.com/allow/notallowed uses cgo \(import "C"\), but CGO_ENABLED=0 is declared in \.env\.example`

// One calls into C.
func One() int { return int(C.one()) }
