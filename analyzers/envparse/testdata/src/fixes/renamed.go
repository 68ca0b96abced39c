package fixes

import (
	f "fmt"
	"os"
	"strconv"
)

// fmt is imported under another name: the fix uses it.
func Retries() (int, error) {
	n, _ := strconv.Atoi(os.Getenv("RETRIES")) // want `env key "RETRIES" is parsed by strconv.Atoi but the error is dropped`
	return n, f.Errorf("unused")
}
