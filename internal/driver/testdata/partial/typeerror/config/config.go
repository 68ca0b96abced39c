package config

import "os"

func DB() string { return os.Getenv("DB_URL") }
