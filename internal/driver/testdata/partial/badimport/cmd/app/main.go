package main

import (
	"os"

	"example.com/badimport/store"
)

func main() { _ = os.Getenv("DB_URL") + os.Getenv("APP_MODE"); store.Open() }
