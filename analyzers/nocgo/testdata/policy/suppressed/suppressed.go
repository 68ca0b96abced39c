package suppressed

// static int one(void) { return 1; }
import "C" //envvet:ignore nocgo only the admin tool, built with cgo, links this package

// One calls into C.
func One() int { return int(C.one()) }
