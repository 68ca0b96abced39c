package direct

// static int one(void) { return 1; }
import "C" // want `example\.com/explicit/direct uses cgo \(import "C"\), but CGO_ENABLED=0 is declared in release\.env`

// One calls into C.
func One() int { return int(C.one()) }
