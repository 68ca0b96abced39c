// Package q parses an env value: envparse builds its inspector.
package q

import (
	"os"
	"strconv"
)

func Port() int { n, _ := strconv.Atoi(os.Getenv("PORT")); return n }
