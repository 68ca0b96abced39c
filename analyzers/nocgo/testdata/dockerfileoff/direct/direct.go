package direct

// static int one(void) { return 1; }
import "C"

// One calls into C.
func One() int { return int(C.one()) }
