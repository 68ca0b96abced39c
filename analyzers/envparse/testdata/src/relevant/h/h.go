package h

import (
	"os"
	"strconv"
)

func Int(key string, def int) int {
	v, err := strconv.Atoi(os.Getenv(key))
	if err != nil {
		return def
	}
	return v
}
