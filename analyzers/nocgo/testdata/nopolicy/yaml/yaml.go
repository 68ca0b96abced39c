package yaml

// static int one(void) { return 1; }
import "C" // want `example\.com/nopolicy/yaml uses cgo \(import "C"\), but CGO_ENABLED=0 is declared in envvet\.yaml`

// One calls into C.
func One() int { return int(C.one()) }
