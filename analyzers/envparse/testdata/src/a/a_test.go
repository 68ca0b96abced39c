package a

import (
	"os"
	"strconv"
	"testing"
)

// Tests are not reported.
func TestLimit(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("TEST_LIMIT"))
	_ = n
}
