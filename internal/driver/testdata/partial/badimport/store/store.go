package store

import (
	"os"

	"example.com/gone/driver"
)

func Open() { driver.Open(os.Getenv("STORE_DSN")) }
