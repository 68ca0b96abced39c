package scratch

import "os"

// F stopped compiling mid-refactor.
func F() int { return os.Getenv("SCRATCH_KEY") }
